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
