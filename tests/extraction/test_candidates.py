def test_an_unknown_name_in_a_transfer_sentence_is_a_candidate(run):
    x = run("Bayern Munich are keen on Northgate City striker Oskar Lindqvist.")
    assert [c.name for c in x.candidates] == ["Oskar Lindqvist"]
    assert x.rumours == []  # never a silent new player


def test_a_manager_introduced_with_his_club_is_a_candidate_with_that_club(run):
    x = run("Harbour Town manager Clive Oduya said he was delighted.")
    (c,) = x.candidates
    assert (c.name, c.context) == ("Clive Oduya", "person at Harbour Town")


def test_a_learned_manager_speaks_for_his_club(run):
    x = run("Harbour Town boss Clive Oduya watched the game. Oduya is chasing Marco Bellini.")
    assert [(r.player_id, r.to_club_id) for r in x.rumours] == [(3, 7)]


def test_no_candidates_outside_transfer_talk(run):
    assert run("Oskar Lindqvist scored twice on Saturday.").candidates == []
