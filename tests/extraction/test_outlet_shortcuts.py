"""Cited outlets: the cheap tests and the later search starts find exactly what the plain searches find."""

from __future__ import annotations

import random

from rumours.extraction import outlets
from rumours.extraction.outlets import _ACCORDING, _ACCORDING_REPORTS, _REPORTS_IN, _TOLD, _VERB_AFTER

# Pieces of the patterns (names, verbs, citing words, places) and what sits around them: spaces, commas and
# other punctuation, letters glued on either side, upper and lower case.
_PIECES = (
    "Sky", "Sports", "BBC", "Marca", "90min", "de", "del", "Real", "Spain", "iPhone", "McDonald", "L'Equipe",
    "understands", "understand", "has learned", "have learnt", "reports", "report", "reported",
    "is reporting", "claims", "revealed", "can reveal", "says", "said", "confirmed", "confirms",
    "according to", "According to", "ccording to", "the", "newspaper", "Spanish", "reports in", "media in",
    "press in", "told", "telling",
    "speaking to", "talking exclusively to", "in an interview with", "via", "sources", "'s", "\u2019s",
    "x", "s", " ", "  ", "\n", ",", ", ", ".", "(", "'", "-", "&",
)  # fmt: skip


# Fewer pieces, so that names before verbs, with and without commas between, come up often.
_VERB_PIECES = (
    "Sky", "Sports", "de", "iPhone", "reports", "says", "can reveal", "understands", " ", ", ", ",", "x",
)  # fmt: skip


def _texts(seed: int, count: int = 20_000, pieces: tuple[str, ...] = _PIECES) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(count)]


def _spans(matches) -> list[tuple[int, int, dict]]:
    return [(m.start(), m.end(), m.groupdict()) for m in matches]


def test_verb_search_start_misses_no_match():
    for text in _texts(11) + _texts(15, pieces=_VERB_PIECES):
        start = outlets._verb_search_start(text)
        assert _spans(_VERB_AFTER.finditer(text, start)) == _spans(_VERB_AFTER.finditer(text)), repr(text)


def test_according_searches_from_the_phrase_find_every_match():
    for text in _texts(12):
        start = text.find("ccording to") - 1
        for pattern in (_ACCORDING, _ACCORDING_REPORTS):
            plain = _spans(pattern.finditer(text))
            assert (_spans(pattern.finditer(text, start)) if start >= -1 else []) == plain, repr(text)


def test_word_tests_pass_wherever_a_pattern_matches():
    for text in _texts(13):
        if _REPORTS_IN.search(text):
            assert " in " in text and any(w in text for w in ("report", "media", "press")), repr(text)
        if _TOLD.search(text):
            assert any(w in text for w in outlets._TOLD_WORDS), repr(text)


def test_cited_outlets_unchanged_on_random_texts():
    """The whole function against a plain version: every search from the start, no cheap tests."""

    def plain(sentence, is_entity, known_outlet):
        saved = outlets._verb_search_start, outlets._TOLD_WORDS
        try:
            outlets._verb_search_start = lambda s: 0
            outlets._TOLD_WORDS = ("",)
            return outlets.cited_outlets(sentence, is_entity, known_outlet)
        finally:
            outlets._verb_search_start, outlets._TOLD_WORDS = saved

    def is_entity(start, end):
        return start % 3 == 0

    def known_outlet(start, end):
        return "Known" if end % 5 == 0 else ""

    for text in _texts(14, 5_000):
        fast = outlets.cited_outlets(text, is_entity, known_outlet)
        assert fast == plain(text, is_entity, known_outlet), repr(text)
