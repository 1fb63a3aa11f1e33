from .conftest import rumour_map


def test_linked_with_gives_a_linked_rumour(run):
    x = run("Tomas Kettering has been linked with Bayern Munich.")
    assert rumour_map(x) == {(1, 6): "linked"}


def test_a_club_keen_on_a_player_is_interest(run):
    x = run("Bayern Munich are keen on Riverside right-back Tomas Kettering.")
    assert rumour_map(x) == {(1, 6): "interest"}


def test_monitoring_and_eyeing_are_interest(run):
    assert rumour_map(run("Harbour Town are monitoring Marco Bellini.")) == {(3, 7): "interest"}
    assert rumour_map(run("Bayern Munich are eyeing Dylan Marsh.")) == {(8, 6): "interest"}


def test_weighing_up_an_approach_is_interest(run):
    x = run("Bayern Munich are weighing up a summer approach for Dylan Marsh.")
    assert rumour_map(x) == {(8, 6): "interest"}


def test_interest_from_a_club_after_the_cue(run):
    x = run("Marco Bellini wants to stay, despite interest from Bayern Munich.")
    assert rumour_map(x) == {(3, 6): "interest"}


def test_from_club_is_the_players_club_from_the_gazetteer(run):
    (r,) = run("Bayern Munich are keen on Tomas Kettering.").rumours
    assert r.from_club_id == 1


def test_evidence_is_the_sentence_and_points_into_the_text(run):
    text = "A quiet week. Bayern Munich are keen on Tomas Kettering. Nothing else happened."
    (r,) = run(text).rumours
    assert text[r.start : r.end] == r.evidence == "Bayern Munich are keen on Tomas Kettering."
