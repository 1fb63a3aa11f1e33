from .conftest import rumour_map


def test_set_to_join_is_agreed(run):
    assert rumour_map(run("Dylan Marsh is set to join Bayern Munich.")) == {(8, 6): "agreed"}


def test_pending_a_medical_is_agreed(run):
    x = run("Bayern Munich have agreed a fee for Dylan Marsh, pending a medical.")
    assert rumour_map(x) == {(8, 6): "agreed"}


def test_has_signed_is_completed(run):
    assert rumour_map(run("Dylan Marsh has signed for Northgate City.")) == {(8, 4): "completed"}


def test_a_loan_is_completed_and_flagged(run):
    (r,) = run("Dylan Marsh has joined Eastbay Rovers on loan until the end of the season.").rumours
    assert (r.to_club_id, r.stage, r.is_loan) == (5, "completed", True)


def test_a_club_that_has_signed_its_own_new_player(run):
    # The gazetteer already has him at Harbour Town: the text reports the move that put him there.
    (r,) = run("Harbour Town have signed winger Dylan Marsh.").rumours
    assert (r.to_club_id, r.stage, r.from_club_id) == (7, "completed", None)


def test_a_hypothetical_loan_is_not_completed(run):
    x = run("It is unlikely that Harbour Town would allow Dylan Marsh to go on loan to Bayern Munich.")
    assert all(r.stage != "completed" for r in x.rumours)


def test_moved_from_a_named_club_sets_from_club(run):
    (r,) = run("Luis Ferreiro moved to Real Madrid from Northgate City in 2024.").rumours
    assert (r.from_club_id, r.to_club_id, r.stage) == (4, 2, "completed")


def test_a_move_in_an_earlier_year_is_history_not_a_rumour(run):
    assert run("Luis Ferreiro moved to Real Madrid from Northgate City in 2019.").rumours == []
    x = run("Dylan Marsh, who joined Harbour Town from Northgate City in 2021, is wanted by Bayern Munich.")
    assert rumour_map(x) == {(8, 6): "interest"}


def test_a_contract_signed_with_a_move_is_with_the_new_club(run):
    x = run(
        "Bayern Munich have signed Dylan Marsh from Harbour Town on a contract running until 2029. "
        "Marsh had joined Harbour Town from Northgate City in the summer."
    )
    assert {(c.player_id, c.club_id, c.fact_type) for c in x.contracts} == {(8, 6, "expiry")}


def test_a_signing_from_a_club_goes_to_the_club_the_paragraph_is_about(run):
    x = run("Bayern Munich moved quickly in the summer. Dylan Marsh joined from Harbour Town for 40m euros.")
    assert rumour_map(x) == {(8, 6): "completed"}
    x = run("Bayern Munich moved quickly in the summer.\n\nDylan Marsh joined from Harbour Town.")
    assert rumour_map(x) == {}
