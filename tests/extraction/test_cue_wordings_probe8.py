"""Transfer wording found unseen in BBC-style probe sets 8 and 9: "there has been no approach" is a denial, a
player turning down his own club's new deal is no transfer refusal, and "moved to strengthen" is acting rather
than moving clubs (a negated agreement is in test_negation)."""

from .conftest import contract_map, rumour_map


def test_turning_down_his_clubs_new_deal_is_no_transfer_refusal(run):
    text = (
        "Bayern Munich have made an offer for Aaron Cole. The 28-year-old has so far turned down Northgate "
        "City's offer of a new deal, and is out of contract in the summer."
    )
    x = run(text)
    assert rumour_map(x) == {(4, 6): "bid"}
    assert (4, 4, "expiry") in contract_map(x)


def test_moved_to_before_a_verb_is_acting_not_a_move(run):
    text = (
        "Bayern Munich have already moved to strengthen their attack, agreeing a deal to take Dylan Marsh "
        "on loan for the rest of the season, subject to a medical."
    )
    assert rumour_map(run(text)) == {(8, 6): "agreed"}


def test_moved_to_a_club_is_still_a_move(run):
    assert rumour_map(run("Dylan Marsh moved to Bayern Munich in January.")) == {(8, 6): "completed"}


def test_no_approach_received_is_a_denial(run):
    x = run("Harbour Town say there has been no approach from Bayern Munich for Dylan Marsh.")
    assert rumour_map(x) == {(8, 6): "denied"}
    x = run("Harbour Town have not received any offers from Bayern Munich for Dylan Marsh.")
    assert rumour_map(x) == {(8, 6): "denied"}


def test_an_offer_received_is_a_bid(run):
    x = run("Harbour Town have received an offer from Bayern Munich for Dylan Marsh.")
    assert rumour_map(x) == {(8, 6): "bid"}


def test_a_list_of_problems_is_no_shortlist(run):
    x = run("Dylan Marsh's absence adds to a growing list of problems before the visit of Bayern Munich.")
    assert rumour_map(x) == {}
    x = run("Bayern Munich have added Dylan Marsh to their list of possible signings.")
    assert rumour_map(x) == {(8, 6): "interest"}


def test_denying_an_offer_was_received_is_a_denial_not_a_refusal(run):
    x = run("Harbour Town have denied receiving an offer from Bayern Munich for Dylan Marsh.")
    assert rumour_map(x) == {(8, 6): "denied"}
    x = run("Harbour Town have not accepted an offer from Bayern Munich for Dylan Marsh.")
    assert rumour_map(x) == {(8, 6): "rejected"}


def test_a_club_that_will_move_for_a_player_is_interested(run):
    x = run("Bayern Munich will move for Harbour Town winger Dylan Marsh when the window opens in January.")
    assert rumour_map(x) == {(8, 6): "interest"}


def test_months_left_on_his_current_deal_is_an_expiry(run):
    x = run("Dylan Marsh has 15 months left on his current deal.")
    assert contract_map(x) == {(8, 7, "expiry")}
