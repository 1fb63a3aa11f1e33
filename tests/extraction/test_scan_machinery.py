"""The scan's shortcuts find exactly what the plain way finds."""

from __future__ import annotations

import random

from rumours.extraction.matching import (
    _CAPITALISED,
    Mention,
    _uncovered_capitalised_words,
    capitalised_word_starts,
    character_classes,
)
from rumours.extraction.normalise import Folded

# Characters around the edges of the capitalised-word pattern: cases, accents, letters beyond Latin-1, digits,
# apostrophes (straight and curly), hyphens, quotes, "?" (which also stands for unencodable characters), and a
# combining mark and an invisible character, which the folded text drops.
_ALPHABET = "aAbBzZ éÉßøØªµ²ŁłŞşİЖж中 0_'’-?“”.,\n\t\u0301\u200b"


def _plain(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _CAPITALISED.finditer(text)]


def _via_starts(text: str) -> list[tuple[int, int]]:
    found = []
    for start in capitalised_word_starts(character_classes(text)):
        m = _CAPITALISED.match(text, start)
        if m is not None:
            found.append(m.span())
    return found


def test_capitalised_word_starts_lead_to_the_same_matches_as_finditer():
    rng = random.Random(4)
    for _ in range(20_000):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 30)))
        assert _via_starts(text) == _plain(text), repr(text)


def test_capitalised_word_starts_on_prose():
    text = (
        "“Marid” said Kettring’s agent: Łukasz Fabiański, Ødegaard and Şahin-Yılmaz met O'Neill at "
        "Zürich? Étienne, 2Abcdef, _Abcdef, Abcd, ABCDEFG, xAbcdef and élan all differ. İlkay Gündoğan."
    )
    assert _via_starts(text) == _plain(text)
    assert len(_plain(text)) > 5


def _plain_uncovered(folded: Folded, taken: list[Mention]) -> list[tuple[int, int, int]]:
    words = []
    for m in _CAPITALISED.finditer(folded.original):
        fs, fe = folded.fpos(m.start()), folded.fpos(m.end())
        if not any(t.fs < fe and fs < t.fe for t in taken):
            words.append((m.start(), fs, fe))
    return words


def test_uncovered_capitalised_words_equal_the_plain_filter():
    rng = random.Random(5)
    words = ["Abcdef", "Kettring", "Ødegaard", "Şahinler", "ÉTIENNE", "straße", "Straße", "Zu\u0301rich"]
    words.append("élan")
    gaps = [" ", ", ", " and ", "’s ", "-", " “", "” ", "\u200b", " 12 "]
    for _ in range(3_000):
        text = "".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(1, 8)))
        folded = Folded(text)
        n = len(folded.text)
        cuts = sorted(rng.sample(range(n + 1), min(n + 1, 2 * rng.randint(0, 4))))
        taken = [Mention(cuts[i], cuts[i + 1], (), "name") for i in range(0, len(cuts) - 1, 2)]
        taken = [m for m in taken if m.fs < m.fe]
        assert _uncovered_capitalised_words(folded, taken) == _plain_uncovered(folded, taken), repr(text)
