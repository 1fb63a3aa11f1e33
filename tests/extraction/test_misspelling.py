def test_a_close_misspelling_is_matched_fuzzily(run):
    x = run("Real Madrid won again. It was Marid's fifth win in a row.")
    fuzzy = [m for m in x.mentions if m.via == "fuzzy"]
    assert [(m.surface, m.entity_id) for m in fuzzy] == [("Marid", 2)]


def test_a_misspelt_player(run):
    x = run("Bayern Munich are keen on Kettring.")
    assert [(m.entity_id, m.via) for m in x.mentions if m.kind == "player"] == [(1, "fuzzy")]


def test_ordinary_capitalised_words_are_not_fuzzy_matches(run):
    x = run("On Saturday the Coaches praised Marcelo and Belinda for their work.")
    assert [m for m in x.mentions if m.via == "fuzzy"] == []
