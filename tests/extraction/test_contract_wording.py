"""Contract facts in wording seen in agency copy and columns (sentences written for these tests)."""


def _contracts(x):
    return {(c.player_id, c.club_id, c.fact_type, c.fact) for c in x.contracts}


def test_a_deal_that_also_expires(run):
    x = run("Dylan Marsh is in a similar position. His deal also expires in 2026.")
    assert _contracts(x) == {(8, 7, "expiry", "deal also expires in 2026")}


def test_a_reference_after_an_outlet_ending_a_sentence(run):
    # "the Sun." ends a sentence: the reference is "The England winger", in the next one.
    x = run("Bayern Munich want Dylan Marsh, reports the Sun. The England winger is out of contract in June.")
    assert _contracts(x) == {(8, 7, "expiry", "out of contract in June")}
    (m,) = [m for m in x.mentions if m.via == "reference"]
    assert m.surface == "The England winger"


def test_a_contract_until_a_month_and_year(run):
    x = run("Dylan Marsh has a contract until June 2026.")
    assert _contracts(x) == {(8, 7, "expiry", "contract until June 2026")}


def test_whose_contract_is_the_contract_of_the_name_before_it(run):
    x = run(
        "Graham Slot sees Dylan Marsh as a replacement for Tomas Kettering, whose contract expires in 2026."
    )
    assert _contracts(x) == {(1, 1, "expiry", "contract expires in 2026")}
