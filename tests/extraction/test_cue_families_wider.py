"""Cue phrases beyond the obvious ones, each in a sentence written for this test."""

from .conftest import rumour_map


def test_keeping_tabs_on_is_interest(run):
    assert rumour_map(run("Bayern Munich are keeping tabs on Dylan Marsh.")) == {(8, 6): "interest"}


def test_keeping_a_close_eye_on_a_reference_is_interest(run):
    text = "Tomas Kettering was excellent again. Real Madrid are keeping a close eye on the right-back."
    assert rumour_map(run(text)) == {(1, 2): "interest"}


def test_a_shortlist_is_interest(run):
    x = run("Northgate City have added Dylan Marsh to their summer shortlist.")
    assert rumour_map(x) == {(8, 4): "interest"}


def test_admirers_is_interest(run):
    assert rumour_map(run("Bayern Munich are long-term admirers of Dylan Marsh.")) == {(8, 6): "interest"}


def test_credited_with_an_interest_is_a_link(run):
    x = run("Eastbay Rovers have been credited with an interest in Tomas Kettering.")
    assert rumour_map(x) == {(1, 5): "linked"}


def test_a_possible_destination_is_a_link(run):
    x = run("Harbour Town have been mentioned as a possible destination for Marco Bellini.")
    assert rumour_map(x) == {(3, 7): "linked"}


def test_a_floated_idea_is_a_link(run):
    x = run("Newspapers in Munich have floated the idea of a loan to Bayern Munich for Marco Bellini.")
    assert rumour_map(x) == {(3, 6): "linked"}


def test_not_giving_up_is_interest_not_a_denial(run):
    assert rumour_map(run("Bayern Munich have not given up on Dylan Marsh.")) == {(8, 6): "interest"}


def test_agreed_to_join(run):
    assert rumour_map(run("Marco Bellini has agreed to join Bayern Munich.")) == {(3, 6): "agreed"}


def test_a_move_expected_to_be_confirmed_is_agreed(run):
    x = run("Dylan Marsh's loan move to Bayern Munich is expected to be confirmed on Friday.")
    assert rumour_map(x) == {(8, 6): "agreed"}


def test_a_dismissive_manager_denies(run):
    x = run("Peter Ferguson was dismissive when asked about Real Madrid's interest in Marco Bellini.")
    assert rumour_map(x) == {(3, 2): "denied"}


def test_going_nowhere_denies(run):
    text = "Bayern Munich are keen on Marco Bellini. Peter Ferguson insists the forward is going nowhere."
    assert rumour_map(run(text)) == {(3, 6): "denied"}


def test_asking_a_club_about_availability_is_interest(run):
    x = run("Bayern Munich have asked Harbour Town about the availability of Dylan Marsh.")
    assert rumour_map(x) == {(8, 6): "interest"}


def test_keen_at_the_end_of_a_clause_is_interest(run):
    x = run("Bayern Munich have made an offer for Dylan Marsh. Northgate City are also keen.")
    assert rumour_map(x) == {(8, 6): "bid", (8, 4): "interest"}
