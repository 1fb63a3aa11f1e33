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
