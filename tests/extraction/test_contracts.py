from datetime import date


def _facts(x):
    return [(c.player_id, c.club_id, c.fact_type) for c in x.contracts]


def test_out_of_contract_at_the_end_of_the_season(run):
    (c,) = run("Tomas Kettering is out of contract at the end of the season.").contracts
    assert (c.player_id, c.club_id, c.fact_type, c.expires_on) == (1, 1, "expiry", date(2025, 6, 30))


def test_deal_runs_until_a_year(run):
    (c,) = run("Dylan Marsh's deal runs until 2027.").contracts
    assert (c.fact_type, c.expires_on) == ("expiry", date(2027, 6, 30))


def test_weekly_wage(run):
    (c,) = run("Luis Ferreiro, who picks up a whopping £350,000-per week, is the top earner.").contracts
    assert (c.player_id, c.fact_type, c.weekly_wage, c.currency) == (2, "wage", 350_000, "GBP")


def test_earns_in_euros(run):
    (c,) = run("Marco Bellini earns €90,000 a week at Northgate City.").contracts
    assert (c.fact_type, c.weekly_wage, c.currency) == ("wage", 90_000, "EUR")


def test_new_deal_offered_and_length(run):
    x = run("Dylan Marsh has been offered a new four-year contract by Harbour Town.")
    assert set(_facts(x)) == {(8, 7, "new_deal_offered"), (8, 7, "length")}


def test_new_deal_signed_versus_hoped_for(run):
    assert _facts(run("Dylan Marsh has signed a new deal with Harbour Town.")) == [(8, 7, "new_deal_signed")]
    assert _facts(run("Harbour Town hope Dylan Marsh will sign a new deal.")) == [(8, 7, "talks")]


def test_a_new_deal_is_not_a_transfer(run):
    x = run("Dylan Marsh has signed a new deal with Harbour Town.")
    assert x.rumours == []


def test_talks_over_a_new_deal(run):
    assert _facts(run("Dylan Marsh is in talks over a new contract.")) == [(8, 7, "talks")]
