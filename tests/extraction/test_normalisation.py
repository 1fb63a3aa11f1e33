import unicodedata

from rumours.extraction.normalise import fold, fold_key


def test_accents_and_case_fold(run):
    x = run("Bayern Munich are keen on Kylian Mbappe.")
    assert [(m.kind, m.entity_id) for m in x.mentions if m.kind == "player"] == [("player", 6)]


def test_nfd_text_matches_and_spans_keep_the_accent(run):
    text = unicodedata.normalize("NFD", "Bayern Munich are keen on Kylian Mbappé.")
    x = run(text)
    (m,) = [m for m in x.mentions if m.kind == "player"]
    assert m.surface == text[m.start : m.end]
    assert unicodedata.normalize("NFC", m.surface) == "Kylian Mbappé"


def test_zero_width_and_bidi_characters_do_not_split_a_name(run):
    text = "Bayern Munich are keen on Kyl\u200bian Mb\u202eappé."
    x = run(text)
    assert [m.entity_id for m in x.mentions if m.kind == "player"] == [6]
    assert x.rumours and x.rumours[0].player_id == 6


def test_letters_without_decomposition_fold(run):
    x = run("Bayern Munich have signed Sven Ostergaard.")
    assert [m.entity_id for m in x.mentions if m.kind == "player"] == [7]


def test_fold_keeps_offsets():
    f = fold("Grønkjær’s ÉTÉ")
    assert f.text == "gronkjaer's ete"
    assert f.span(0, 9) == (0, 8)


def test_fold_key_collapses_spaces_and_case():
    assert fold_key("  Real\tMADRID ") == "real madrid"


def test_rare_whitespace_folds_to_a_space_in_plain_text_too():
    from rumours.extraction.normalise import Folded

    for ws in ("\x1f", "\x0b", "\u2028", "\u00a0"):
        assert Folded(f"Arsenal;{ws}but").text == "arsenal; but"
