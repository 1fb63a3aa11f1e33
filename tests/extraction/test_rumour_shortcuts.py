"""The rumour rules' cheap tests before a costly search answer exactly what the search alone answers."""

from __future__ import annotations

import random

from rumours.extraction.cues import NEGATION
from rumours.extraction.discourse import _FROM, _NOT_A_TARGET, FROM_ENDS, NOT_A_TARGET_ENDS
from rumours.extraction.pipeline import Doc
from rumours.extraction.roles import _COMPARED, COMPARED_REACH, is_compared
from rumours.extraction.rumours import _AGENT, _names_an_agent, _negation_words

# Words the patterns are made of, pieces of them, and what sits around them: spaces of several kinds, a line
# break (`$` also matches before a final one), punctuation, letters glued on either side.
_PIECES = (
    "not", "no", "nor", "never", "n't", "without", "denied", "denies", "deny", "den", "ne", "n'",
    "agent", "agents", "representative", "representatives", "sub",
    "from", "the", "against", "beat", "beating", "beaten", "versus", "vs", "vs.", "v", "over", "tie", "game",
    "final", "at", "to", "with", "from the", "beat the", "final against the", "match at",
    "like", "unlike", "as", "just", "much", ", just like", "(as with", "replacement", "replacement for",
    "successors", "cover", "for", "replace", "instead of", "in place of", "succeed", "of",
    "x", "e", "s", " ", " ", " ", "  ", "\n", "\t", "\u00a0", ",", "(", ".", "'", "-",
)  # fmt: skip


_SPACES = (" ", "  ", "\n", "\t", "\u00a0", " \n")


def _texts(seed: int, count: int = 30_000) -> list[str]:
    """Random texts, half of them ending in a word and space, as the end-anchored patterns need."""
    rng = random.Random(seed)
    texts = []
    for k in range(count):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 9)))
        texts.append(text + rng.choice(_PIECES) + rng.choice(_SPACES) if k % 2 else text)
    return texts


def test_negation_words_equal_the_search():
    for text in _texts(1):
        assert _negation_words(text) == bool(NEGATION.search(text)), repr(text)


def test_names_an_agent_equals_the_search_within_bounds():
    rng = random.Random(2)
    for text in _texts(3):
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert _names_an_agent(text, start, end) == bool(_AGENT.search(text, start, end)), (text, start, end)


def test_is_compared_equals_the_search():
    rng = random.Random(4)
    for text in _texts(5):
        fs = rng.randint(0, len(text))
        plain = bool(_COMPARED.search(text, max(0, fs - COMPARED_REACH), fs))
        assert is_compared(text, fs) == plain, (text, fs)


def test_club_context_word_endings_are_needed_for_a_match():
    for text in _texts(6):
        tail = text.rstrip()
        if _FROM.search(text):
            assert tail.endswith(FROM_ENDS), repr(text)
        if _NOT_A_TARGET.search(text):
            assert tail.endswith(NOT_A_TARGET_ENDS), repr(text)


def test_the_random_texts_reach_every_pattern():
    texts = _texts(6)
    for pattern in (NEGATION, _AGENT, _COMPARED, _FROM, _NOT_A_TARGET):
        assert sum(1 for t in texts if pattern.search(t)) > 50, pattern.pattern


def test_entity_overlaps_by_bisection_equals_the_plain_scan():
    rng = random.Random(7)
    for _ in range(3_000):
        doc = Doc.__new__(Doc)  # only the spans matter here
        starts = sorted(rng.randint(0, 60) for _ in range(rng.randint(0, 12)))
        doc._entity_spans = [(a, a + rng.randint(0, 15)) for a in starts]
        doc._span_reach = None
        for _ in range(20):
            lo, fs = rng.randint(0, 60), rng.randint(0, 70)
            hi, fe = lo + rng.randint(0, 30), fs + rng.randint(0, 20)
            plain = any(a < fe and fs < b for a, b in doc._entity_spans if lo <= a < hi)
            assert doc._entity_overlaps(fs, fe, lo, hi) == plain, (doc._entity_spans, fs, fe, lo, hi)
