"""The scan's shortcuts find exactly what the plain way finds."""

from __future__ import annotations

import random

from rumours.extraction import ClubEntry, Gazetteer, PlayerEntry
from rumours.extraction.matching import (
    _CAPITALISED,
    _TEAM_NOUN,
    Mention,
    _boundary_ok,
    _case_ok,
    _possessive,
    _uncovered_capitalised_words,
    capitalised_words,
    character_classes,
    scan,
)
from rumours.extraction.normalise import Folded

# Characters around the edges of the capitalised-word pattern: cases, accents, letters beyond Latin-1, digits,
# apostrophes (straight and curly), hyphens, quotes, "?" (which also stands for unencodable characters), and a
# combining mark and an invisible character, which the folded text drops.
_ALPHABET = "aAbBzZ éÉßøØªµ²ŁłŞşİЖж中 0_'’-?“”.,\n\t\u0301\u200b"


def _plain(text: str, blanks: list[tuple[int, int]] = (), skip: set[int] = frozenset()) -> list:
    return [
        m.span()
        for m in _CAPITALISED.finditer(text)
        if m.start() not in skip and not any(s < m.end() and m.start() < e for s, e in blanks)
    ]


def _via_classes(text: str, blanks: list[tuple[int, int]] = (), skip: set[int] = frozenset()) -> list:
    classes = character_classes(text)
    for s, e in blanks:
        classes[s:e] = bytes(e - s)
    return capitalised_words(text, classes, skip)


def test_capitalised_words_read_off_the_classes_equal_finditer():
    rng = random.Random(4)
    for _ in range(20_000):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 30)))
        assert _via_classes(text) == _plain(text), repr(text)
        cuts = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, 2 * rng.randint(0, 3))))
        blanks = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
        skip = set(rng.sample(range(len(text) + 1), min(len(text) + 1, rng.randint(0, 3))))
        assert _via_classes(text, blanks, skip) == _plain(text, blanks, skip), (repr(text), blanks, skip)


def test_capitalised_words_on_prose():
    text = (
        "“Marid” said Kettring’s agent: Łukasz Fabiański, Ødegaard and Şahin-Yılmaz met O'Neill at "
        "Zürich? Étienne, 2Abcdef, _Abcdef, Abcd, ABCDEFG, xAbcdef and élan all differ. İlkay Gündoğan."
    )
    assert _via_classes(text) == _plain(text)
    assert len(_plain(text)) > 5
    ascii_text = (
        "Marid said Kettring's agent: Fabianski, Odegaard-Smith met O'Neill at Zurich? Etienne, 2Abcdef."
    )
    assert _via_classes(ascii_text) == _plain(ascii_text)
    assert len(_plain(ascii_text)) == 5


def _plain_uncovered(folded: Folded, taken: list[Mention], skip: set[int]) -> list[tuple[int, int]]:
    words = []
    for m in _CAPITALISED.finditer(folded.original):
        fs, fe = folded.fpos(m.start()), folded.fpos(m.end())
        if m.start() not in skip and not any(t.fs < fe and fs < t.fe for t in taken):
            words.append((fs, fe))
    return words


def test_uncovered_capitalised_words_equal_the_plain_filter():
    rng = random.Random(5)
    words = ["Abcdef", "Kettring", "Ødegaard", "Şahinler", "ÉTIENNE", "straße", "Straße", "Zu\u0301rich"]
    words += ["élan", "O'Neill", "Smith-Jones"]
    gaps = [" ", ", ", " and ", "’s ", "'s ", "-", " “", "” ", "\u200b", " 12 ", "? "]
    for _ in range(3_000):
        text = "".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(1, 8)))
        folded = Folded(text)
        n = len(folded.text)
        cuts = sorted(rng.sample(range(n + 1), min(n + 1, 2 * rng.randint(0, 4))))
        taken = [Mention(cuts[i], cuts[i + 1], (), "name") for i in range(0, len(cuts) - 1, 2)]
        taken = [m for m in taken if m.fs < m.fe]
        skip = set(rng.sample(range(len(text) + 1), rng.randint(0, 3)))
        found = _uncovered_capitalised_words(folded, taken, skip)
        assert found == _plain_uncovered(folded, taken, skip), repr(text)


# ---- the name scan ----------------------------------------------------------------------------------------
_CLUBS = [
    ClubEntry(1, "Nezte Town", ("Nezte", "the Nezte")),
    ClubEntry(2, "St. Pauli", ("St Pauli", "Pauli")),
    ClubEntry(3, "Real Madrid", ("Real", "Madrid")),
    ClubEntry(4, "Athletic Club", ("Athletic",)),
]
_PLAYERS = [
    PlayerEntry(1, "Mateo Bakedi", ("Bakedi",), 1),
    PlayerEntry(2, "Sean O'Neill", ("O'Neill", "O-Neill"), 2),
    PlayerEntry(3, "Virgil van Dijk", ("van Dijk",), 3),
    PlayerEntry(4, "Jean-Luc More", ("More",), 4),
    PlayerEntry(5, "Town Real", ("Real",), 3),
    # "van" (capital at 0) starts "van dijk" (capital at 4): in "Van dijk" only the shorter name passes.
    PlayerEntry(6, "Ruud Van", (), 4),
]
_WORDS = [
    "Nezte",
    "nezte",
    "Town",
    "town",
    "St.",
    "St",
    "Pauli",
    "Real",
    "real",
    "Madrid",
    "Athletic",
    "attack",
    "Club",
    "Mateo",
    "Bakedi",
    "bakedi",
    "Sean",
    "O'Neill",
    "O-Neill",
    "o'neill",
    "Virgil",
    "van",
    "Van",
    "Dijk",
    "dijk",
    "Van Dijk",
    "Van dijk",
    "Jean-Luc",
    "Jean",
    "Luc",
    "More",
    "more",
    "the",
    "The",
    "Mbappé",
    "NEZTE",
    "1Bakedi",
    "Bakedi2",
    "Straße",
    "Bake\u0301di",
    "Mateo Bakedi",
    "Nezte Town",
    "St. Pauli",
    "Real Madrid",
    "Town Real Madrid",
    "Virgil van Dijk",
    "Sean O'Neill",
    "Jean-Luc More",
    "Athletic Club",
    "Sky Sports",
    "Mateo-Bakedi",
    "Жуков",
]
_GAPS = [" ", " ", " ", ", ", ". ", "-", "'s ", "' ", "\u2019s ", " (", ") ", "\n", "  "]


def _plain_scan(folded: Folded, gaz: Gazetteer) -> list[tuple]:
    """Every occurrence of every key bounded by non-alphanumerics, leftmost-longest first, the first one
    passing the checks taken at each place: the scan written out plainly."""
    ftext = folded.text
    hits = []
    for key, index in gaz.key_index.items():
        fs = ftext.find(key)
        while fs >= 0:
            fe = fs + len(key)
            if _boundary_ok(ftext, fs, fe):
                hits.append((fs, -fe, index))
            fs = ftext.find(key, fs + 1)
    hits.sort()
    out, last_end = [], -1
    for fs, neg_fe, index in hits:
        fe = -neg_fe
        if fs < last_end:
            continue
        targets = tuple(t for t in gaz.scan_table[index][0] if _case_ok(folded, fs, fe, t.cap))
        if any(t.kind == "outlet" for t in targets) and _TEAM_NOUN.match(ftext, fe):
            targets = tuple(t for t in targets if t.kind != "outlet")
        if not targets:
            continue
        via = "name" if any(t.via == "name" for t in targets) else targets[0].via
        out.append((fs, fe, targets, via, _possessive(ftext, fe)))
        last_end = fe
    return out


def test_scan_equals_the_plain_leftmost_longest_search():
    gaz = Gazetteer.build(clubs=_CLUBS, players=_PLAYERS, outlets=["Athletic", "Sky Sports"])
    rng = random.Random(6)
    for _ in range(3_000):
        text = "".join(rng.choice(_WORDS) + rng.choice(_GAPS) for _ in range(rng.randint(1, 9)))
        folded = Folded(text)
        mentions = scan(folded, gaz)
        found = [(m.fs, m.fe, m.targets, m.via, m.possessive) for m in mentions]
        assert found == _plain_scan(folded, gaz), repr(text)
        # scan() builds its mentions field by field: every field as the constructor would set it.
        for m in mentions:
            assert m == Mention(m.fs, m.fe, m.targets, m.via, m.kind, m.entity, m.possessive, m.club)


def test_at_one_start_the_longest_name_passing_the_checks_wins():
    gaz = Gazetteer.build(clubs=_CLUBS, players=_PLAYERS)
    for text, expected in [
        ("Virgil van Dijk and Van Dijk", ["virgil van dijk", "van dijk"]),
        ("Van dijk, not van dijk", ["van"]),
        ("Town Real Madrid", ["town real", "madrid"]),
        ("town Real Madrid", ["real madrid"]),
    ]:
        folded = Folded(text)
        assert [folded.text[m.fs : m.fe] for m in scan(folded, gaz)] == expected, text
