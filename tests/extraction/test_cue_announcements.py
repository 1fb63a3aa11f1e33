"""Cue wording seen in club statements, live blogs and agency copy (written for these tests)."""

from .conftest import rumour_map


def test_joining_the_race_is_interest_not_a_signing(run):
    assert rumour_map(run("Bayern Munich have joined the race for Dylan Marsh.")) == {(8, 6): "interest"}
    assert rumour_map(run("Bayern Munich want Dylan Marsh and have entered the chase.")) == {
        (8, 6): "interest"
    }


def test_a_club_delighted_to_announce_a_signing_has_completed_it(run):
    x = run("Bayern Munich are delighted to announce the signing of Dylan Marsh on loan from Harbour Town.")
    (r,) = x.rumours
    assert (r.player_id, r.to_club_id, r.stage, r.is_loan) == (8, 6, "completed", True)


def test_a_confirmed_signing_is_completed(run):
    assert rumour_map(run("Bayern Munich have confirmed the signing of Dylan Marsh.")) == {
        (8, 6): "completed"
    }


def test_an_announcement_still_to_come_is_not_completed(run):
    x = run("Bayern Munich will announce the signing of Dylan Marsh on Monday.")
    assert all(r.stage != "completed" for r in x.rumours)
    x = run("Bayern Munich are expected to confirm the arrival of Dylan Marsh in the coming days.")
    assert rumour_map(x) == {(8, 6): "agreed"}


def test_heading_to_a_club_is_agreed(run):
    assert rumour_map(run("Harbour Town winger Dylan Marsh is heading to Bayern Munich on loan.")) == {
        (8, 6): "agreed"
    }


def test_offered_to_a_club_is_a_link(run):
    assert rumour_map(run("Dylan Marsh has been offered to Bayern Munich.")) == {(8, 6): "linked"}


def test_brought_in_and_snapped_up_are_completed(run):
    assert rumour_map(run("Bayern Munich brought in Dylan Marsh from Harbour Town.")) == {(8, 6): "completed"}
    assert rumour_map(run("Bayern Munich snapped up Dylan Marsh last week.")) == {(8, 6): "completed"}


def test_scouts_enquiries_and_watching_are_interest(run):
    assert rumour_map(run("Bayern Munich have sent scouts to watch Dylan Marsh.")) == {(8, 6): "interest"}
    assert rumour_map(run("Dylan Marsh is being watched by Bayern Munich.")) == {(8, 6): "interest"}
    x = run("Harbour Town have received loan enquiries from Bayern Munich for Dylan Marsh.")
    assert rumour_map(x) == {(8, 6): "interest"}


def test_clubs_mentioned_as_suitors_are_links(run):
    x = run("Real Madrid want to sign Dylan Marsh. Bayern Munich have also been mentioned.")
    assert rumour_map(x) == {(8, 2): "interest", (8, 6): "linked"}


def test_a_move_in_a_relative_clause_is_how_he_got_there(run):
    x = run("Dylan Marsh, who joined from Northgate City in the summer, is being watched by Bayern Munich.")
    assert rumour_map(x) == {(8, 6): "interest"}


def test_a_club_asking_about_a_player_is_interest_a_coach_asked_about_him_is_not(run):
    assert rumour_map(run("Bayern Munich have asked about Dylan Marsh.")) == {(8, 6): "interest"}
    assert rumour_map(run("Graham Slot was asked about Dylan Marsh after the game.")) == {}
