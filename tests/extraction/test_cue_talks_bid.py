from .conftest import rumour_map


def test_in_talks_is_talks(run):
    x = run("Bayern Munich are in talks with Riverside United over Tomas Kettering.")
    assert rumour_map(x) == {(1, 6): "talks"}


def test_opened_negotiations_is_talks(run):
    x = run("Harbour Town have opened negotiations for Marco Bellini.")
    assert rumour_map(x) == {(3, 7): "talks"}


def test_a_bid_carries_its_amount_and_currency(run):
    (r,) = run("Bayern Munich have tabled a £60m bid for Tomas Kettering.").rumours
    assert (r.stage, r.fee_amount, r.fee_currency) == ("bid", 60_000_000, "GBP")


def test_a_euro_offer_in_words(run):
    (r,) = run("Real Madrid made a €70 million offer for Marco Bellini on Tuesday.").rumours
    assert (r.to_club_id, r.stage, r.fee_amount, r.fee_currency) == (2, "bid", 70_000_000, "EUR")


def test_the_bidder_after_from(run):
    x = run("Northgate City have received a £12m offer from Harbour Town for Marco Bellini.")
    assert rumour_map(x) == {(3, 7): "bid"}


def test_a_wage_is_not_a_fee(run):
    (r,) = run("Bayern Munich made an offer for Dylan Marsh, who earns £20,000 per week.").rumours
    assert r.fee_amount is None
