from .conftest import rumour_map


def test_a_buying_club_with_no_interest_is_a_denial(run):
    x = run("Bayern Munich have no interest in Tomas Kettering.")
    assert rumour_map(x) == {(1, 6): "denied"}


def test_not_interested_is_a_denial(run):
    x = run("Harbour Town are not interested in signing Marco Bellini.")
    assert rumour_map(x) == {(3, 7): "denied"}


def test_a_negated_bid_is_not_a_bid(run):
    x = run("Bayern Munich have not made an offer for Dylan Marsh.")
    assert all(r.stage != "bid" for r in x.rumours)


def test_did_not_rule_out_is_not_a_denial(run):
    x = run("Dylan Marsh did not rule out a move to Bayern Munich.")
    assert all(r.stage != "denied" for r in x.rumours)


def test_no_fee_agreed_yet_means_the_clubs_are_still_talking(run):
    text = (
        "Bayern Munich and Harbour Town met on Monday, and although no fee has been agreed for Dylan Marsh, "
        "Harbour Town would accept around £8m."
    )
    assert rumour_map(run(text)) == {(8, 6): "talks"}


def test_not_agreeing_to_join_stays_a_denial(run):
    assert rumour_map(run("Dylan Marsh has not agreed to join Bayern Munich.")) == {(8, 6): "denied"}
