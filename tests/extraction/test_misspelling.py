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


def test_a_word_right_after_a_name_is_more_of_that_name_not_a_misspelling(run):
    # "Marid" straight after a club's name is part of a longer name the gazetteer does not hold ("FC
    # Internazionale Milano"), never a second club; on its own it is still Madrid (the test above).
    x = run('Real Madrid won. "Bayern Marid wishes to make clear that it has received no offer," it said.')
    assert [(m.surface, m.entity_id) for m in x.mentions] == [("Real Madrid", 2), ("Bayern", 6)]
