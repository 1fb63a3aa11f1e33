"""A player named in full, then by his first name (sentences written for these tests)."""

from .conftest import rumour_map


def test_the_first_name_after_the_full_name_is_the_player(run):
    x = run(
        'Dylan Marsh is wanted abroad. His agent said: "Dylan has a contract, but Bayern Munich have asked."'
    )
    names = [m.surface for m in x.mentions if m.entity_id == 8 and m.via != "reference"]
    assert names == ["Dylan Marsh", "Dylan"]


def test_the_first_name_carries_facts(run):
    x = run("Dylan Marsh spoke to us. Bayern Munich have asked about Dylan, his agent said.")
    assert rumour_map(x) == {(8, 6): "interest"}


def test_a_first_name_before_the_full_name_is_left_alone(run):
    x = run("Dylan is a common name. Dylan Marsh plays for Harbour Town.")
    assert [m.surface for m in x.mentions if m.kind == "player"] == ["Dylan Marsh"]


def test_a_first_name_two_players_share_is_left_alone(run_wide):
    x = run_wide("Leon Sandor and Leon Varga both started. Leon scored twice.")
    assert "Leon" not in [m.surface for m in x.mentions if m.kind == "player"]


def test_a_first_name_followed_by_another_surname_is_someone_else(run):
    x = run("Dylan Marsh trained alone. Dylan Thomas, his cousin, watched.")
    assert [m.surface for m in x.mentions if m.kind == "player"] == ["Dylan Marsh"]


def test_a_lowercase_word_is_not_a_first_name(run_wide):
    x = run_wide("Pablo Iturra was praised. The pablo-style finish was lucky.")
    assert [m.surface for m in x.mentions if m.kind == "player"] == ["Pablo Iturra"]


def test_a_known_surname_after_an_unknown_first_name_is_someone_else(run):
    x = run("Bayern Munich have signed Hiroki Marsh from Harbour Town.")
    assert [m for m in x.mentions if m.kind == "player"] == []
    assert x.rumours == []


def test_a_known_surname_after_a_sentence_word_is_still_the_player(run):
    x = run("However Marsh has signed for Bayern Munich.")
    assert rumour_map(x) == {(8, 6): "completed"}
