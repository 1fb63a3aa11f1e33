from .conftest import rumour_map


def test_a_manager_is_never_a_rumour_subject(run):
    x = run("Graham Slot has been linked with Bayern Munich.")
    assert x.rumours == []
    assert [(m.kind, m.entity_id) for m in x.mentions if m.kind == "person"] == [("person", 1)]


def test_a_manager_surname_is_not_a_player(run):
    x = run("Slot is keen to sign Marco Bellini.")
    assert [(r.player_id, r.to_club_id) for r in x.rumours] == [(3, 1)]


def test_a_manager_in_talks_over_a_new_deal_is_a_person_contract(run):
    x = run("Ferguson has been in talks over a new deal.")
    assert x.contracts == []
    assert [(c.player_id, c.club_id, c.fact_type) for c in x.person_contracts] == [(2, 4, "talks")]


def test_a_coach_taking_charge_is_no_rumour(run):
    x = run(
        "Graham Slot is set to take charge at Bayern Munich after "
        "the club agreed a fee with Riverside United."
    )
    assert x.rumours == []


def test_a_coach_joining_is_not_lent_to_the_player_in_focus(run):
    x = run(
        "Dylan Marsh has been linked with Bayern Munich. Graham Slot "
        "is set to join Bayern Munich as head coach."
    )
    assert rumour_map(x) == {(8, 6): "linked"}


def test_a_manager_quoted_on_a_players_contract_talks_is_not_their_subject(run):
    x = run('"Contract talks are between the club and the boy\'s people," Ferguson added.')
    assert x.person_contracts == []


def test_a_manager_quoted_on_his_own_contract_talks_is_their_subject(run):
    x = run('"Contract talks are going well and I want to stay," Ferguson said.')
    assert [(c.player_id, c.club_id, c.fact_type) for c in x.person_contracts] == [(2, 4, "talks")]
