"""What a sentence denies, and who it is about when it names nobody we know (sentences written for these
tests)."""

from .conftest import rumour_map


def test_what_a_denial_of_reports_says_is_denied_not_reported(run):
    x = run("Harbour Town have dismissed reports that Dylan Marsh has agreed to join Bayern Munich.")
    assert rumour_map(x) == {(8, 6): "denied"}
    x = run("Harbour Town rubbished claims that Bayern Munich have made a bid for Dylan Marsh.")
    assert rumour_map(x) == {(8, 6): "denied"}


def test_a_claim_after_the_denial_in_another_clause_still_counts(run):
    x = run(
        "Harbour Town denied any talks with Real Madrid, but Bayern Munich have agreed a fee for Dylan Marsh."
    )
    assert rumour_map(x)[(8, 6)] == "agreed"


def test_a_request_from_a_club_makes_it_the_bidder(run):
    x = run("Harbour Town have turned down a request from Bayern Munich to take Dylan Marsh on loan.")
    assert rumour_map(x) == {(8, 6): "rejected"}


def test_a_deal_over_a_player_we_do_not_know_is_not_pinned_on_the_last_one(run):
    x = run(
        "Bayern Munich are keen on Dylan Marsh. "
        "Real Madrid are in advanced talks with Northgate City over Joe Brannigan."
    )
    assert rumour_map(x) == {(8, 6): "interest"}


def test_an_age_that_fits_nobody_is_not_pinned_on_the_last_player(run):
    x = run(
        "Bayern Munich are keen on Dylan Marsh. The 19-year-old striker turned down Real Madrid on Sunday."
    )
    assert rumour_map(x) == {(8, 6): "interest"}


def test_they_after_a_sentence_opening_with_a_club_is_that_club(run):
    x = run("Bayern Munich are rebuilding their attack. They have completed the signing of Dylan Marsh.")
    assert rumour_map(x) == {(8, 6): "completed"}


def test_they_after_a_sentence_about_a_player_is_no_club(run):
    x = run("Harbour Town winger Dylan Marsh impressed. They have completed the signing of Tomas Kettering.")
    assert x.rumours == []


def test_a_denial_of_claims_borrows_the_club_the_next_sentence_reports(run):
    x = run(
        "Bayern Munich want Marco Bellini.\n\n"
        "Dylan Marsh's agent has rubbished claims that the winger is unsettled. Reports this week suggested "
        "Real Madrid were lining up a January move for him."
    )
    assert rumour_map(x)[(8, 2)] == "denied"
    assert (8, 6) not in rumour_map(x)


def test_an_item_in_a_column_does_not_borrow_the_columns_main_club(run):
    x = run(
        "Bayern Munich want Marco Bellini. Bayern Munich have also asked about Luis Ferreiro.\n\n"
        "And finally: Harbour Town winger Dylan Marsh has laughed off suggestions he could return home."
    )
    assert (8, 6) not in rumour_map(x)


def test_lining_up_a_move_is_interest(run):
    assert rumour_map(run("Bayern Munich are lining up a January move for Dylan Marsh.")) == {
        (8, 6): "interest"
    }


def test_a_player_in_a_relative_clause_is_not_who_him_means(run):
    x = run(
        "Dylan Marsh is weighing his future, and Marsh wants to play. "
        "Bayern Munich, who must plan for life without Marco Bellini, "
        "were also linked with him."
    )
    assert rumour_map(x) == {(8, 6): "linked"}


def test_a_move_borrowed_from_a_sentence_about_an_earlier_year_is_history(run):
    x = run("Marco Bellini left for Bayern Munich in 2021, and Dylan Marsh arrived from Eastbay that summer.")
    assert (8, 6) not in rumour_map(x)
