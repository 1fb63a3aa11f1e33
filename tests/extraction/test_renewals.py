"""New contracts, offers and extensions are contract facts about the player's own club, never transfers; and
the many ways writers give a contract's end."""

from datetime import date

from .conftest import contract_map, rumour_map


def test_talks_by_his_own_club_are_contract_talks(run):
    x = run("Harbour Town have opened talks with Dylan Marsh over a new long-term contract.")
    assert x.rumours == [] and contract_map(x) == {(8, 7, "talks")}


def test_negotiations_with_his_own_club_alone_are_contract_talks(run):
    x = run("Harbour Town are in negotiations with Dylan Marsh.")
    assert x.rumours == [] and contract_map(x) == {(8, 7, "talks")}


def test_talks_between_two_clubs_stay_a_transfer(run):
    x = run("Northgate City have begun negotiations with Harbour Town over Dylan Marsh.")
    assert rumour_map(x) == {(8, 4): "talks"} and contract_map(x) == set()


def test_offered_a_player_a_new_deal(run):
    assert contract_map(run("Harbour Town have offered Dylan Marsh a new deal.")) == {
        (8, 7, "new_deal_offered")
    }


def test_an_offer_of_a_new_contract_is_no_bid(run):
    x = run("Dylan Marsh has not accepted Harbour Town's offer of a new contract.")
    assert x.rumours == [] and (8, 7, "new_deal_offered") in contract_map(x)


def test_an_improved_offer_from_his_own_club(run):
    x = run(
        "Dylan Marsh wants more money. Harbour Town have put an improved offer on the table for the winger."
    )
    assert x.rumours == [] and contract_map(x) == {(8, 7, "new_deal_offered")}


def test_a_club_extending_a_contract_is_a_new_deal_signed(run):
    x = run("Riverside United have extended Tomas Kettering's contract by a year.")
    assert contract_map(x) == {(1, 1, "new_deal_signed")}


def test_committing_his_future_is_a_new_deal_not_a_transfer(run):
    x = run("Tomas Kettering has committed his future to the Otters.")
    assert x.rumours == [] and contract_map(x) == {(1, 1, "new_deal_signed")}


def test_a_triggered_option_is_a_new_deal_signed(run):
    x = run("Riverside United have triggered the option to extend Tomas Kettering's deal.")
    assert (1, 1, "new_deal_signed") in contract_map(x)


def test_close_to_agreeing_an_extension_is_talks(run):
    x = run("Bayern Munich are close to agreeing an extension with Sven Østergaard.")
    assert x.rumours == [] and contract_map(x) == {(7, 6, "talks")}


def test_tying_a_player_down_is_talks(run):
    x = run("Riverside United want to tie Tomas Kettering down to a new contract.")
    assert contract_map(x) == {(1, 1, "talks")}


def test_as_are_shares_the_fact(run):
    x = run("Tomas Kettering is out of contract in the summer, as are Dylan Marsh and Marco Bellini.")
    assert contract_map(x) == {(1, 1, "expiry"), (8, 7, "expiry"), (3, 4, "expiry")}


def test_the_club_named_in_the_phrase(run):
    x = run("Dylan Marsh still has a contract at Riverside that runs until 2026.")
    assert contract_map(x) == {(8, 1, "expiry")}


def test_after_a_permanent_move_the_contract_is_with_the_new_club(run):
    x = run("Dylan Marsh has signed for Bayern Munich from Harbour Town. His contract runs until 2029.")
    assert contract_map(x) == {(8, 6, "expiry")}


def test_after_a_loan_the_contract_stays_with_his_club(run):
    x = run("Dylan Marsh has joined Bayern Munich on loan from Harbour Town. His contract runs until 2027.")
    assert contract_map(x) == {(8, 7, "expiry")}


def test_a_sentence_without_a_player_continues_the_last_contract(run):
    x = run(
        "Harbour Town want to keep Dylan Marsh, whose deal runs until 2026. Talks over an extension began."
    )
    assert contract_map(x) == {(8, 7, "expiry"), (8, 7, "talks")}


def test_contract_talks_led_by_another_club_are_not_a_renewal(run):
    x = run("Graham Slot wants to sign Dylan Marsh and contract negotiations are at an advanced stage.")
    assert contract_map(x) == set()


def test_ways_of_giving_a_contract_end(run):
    sentences = [
        "Marco Bellini's deal, signed only last summer, runs until 2027.",
        "Marco Bellini is under contract until 2027.",
        "Marco Bellini is tied down until 2027.",
        "Marco Bellini has a contract at Northgate that runs until 2027.",
        "Marco Bellini's contract, which runs until 2027, is the longest in the squad.",
        "Aaron Cole and Marco Bellini, whose contracts expire in 2027, are both wanted.",
    ]
    for text in sentences:
        facts = {(c.player_id, c.fact_type, c.expires_on) for c in run(text).contracts}
        assert (3, "expiry", date(2027, 6, 30)) in facts, text


def test_years_left_on_a_contract(run):
    assert contract_map(run("Marco Bellini has two years left on his contract.")) == {(3, 4, "expiry")}


def test_an_offer_the_own_club_rejected_is_no_renewal(run):
    x = run(
        "Bayern Munich are in talks with Harbour Town over Dylan Marsh, but Harbour rejected an offer of £5m."
    )
    assert x.contracts == []
    assert {(r.player_id, r.to_club_id) for r in x.rumours} == {(8, 6)}
