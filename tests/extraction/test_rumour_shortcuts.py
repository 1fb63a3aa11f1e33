"""The rumour rules' cheap tests before a costly search answer exactly what the search alone answers."""

from __future__ import annotations

import dataclasses
import pickle
import random

import pytest

from rumours.extraction.cues import MONEY_LEAD, MONEY_RE, NEGATION
from rumours.extraction.discourse import (
    _FROM,
    _NOT_A_TARGET,
    _RENEWAL_OBJECT,
    FROM_ENDS,
    NOT_A_TARGET_ENDS,
    RENEWAL_WORDS,
)
from rumours.extraction.pipeline import Doc
from rumours.extraction.records import RumourFact, rumour_fact
from rumours.extraction.roles import _COMPARED, COMPARED_REACH, is_compared, last_words
from rumours.extraction.rumours import (
    _AGENT,
    _CONDITIONAL,
    _DIGIT,
    _SELLER_VERB,
    _conditional_words,
    _names_an_agent,
    _negation_words,
    _seller_verb,
)

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
        for fs in (rng.randint(0, len(text)), len(text)):  # the end (after a space) matches most
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


def _doc_with_random_spans(rng: random.Random) -> Doc:
    doc = Doc.__new__(Doc)  # only the spans matter here
    starts = sorted(rng.randint(0, 60) for _ in range(rng.randint(0, 12)))
    doc._entity_spans = [(a, a + rng.randint(0, 15)) for a in starts]
    doc._span_starts, doc._span_reach = [], None  # as `Doc.__init__` leaves them
    return doc


def test_entity_overlaps_by_bisection_equals_the_plain_scan():
    rng = random.Random(7)
    for _ in range(3_000):
        doc = _doc_with_random_spans(rng)
        for _ in range(20):
            lo, fs = rng.randint(0, 60), rng.randint(0, 70)
            hi, fe = lo + rng.randint(0, 30), fs + rng.randint(0, 20)
            plain = any(a < fe and fs < b for a, b in doc._entity_spans if lo <= a < hi)
            assert doc._entity_overlaps(fs, fe, lo, hi) == plain, (doc._entity_spans, fs, fe, lo, hi)


def test_in_entity_by_bisection_equals_the_plain_scan():
    rng = random.Random(17)
    for _ in range(3_000):
        doc = _doc_with_random_spans(rng)
        for f in range(-1, 80):
            plain = any(a <= f < b for a, b in doc._entity_spans)
            assert doc._in_entity(f) == plain, (doc._entity_spans, f)


def test_last_words_equal_the_last_words_of_a_full_split():
    rng = random.Random(8)
    for text in _texts(9, 10_000):
        for n in range(1, 8):
            assert last_words(text, n) == " ".join(text.split()[-n:]), (text, n)
    long = " ".join(str(rng.random()) for _ in range(50))
    assert last_words(long, 6) == " ".join(long.split()[-6:])


def test_rumour_fact_built_without_init_equals_one_built_with_it():
    fields = {
        "player_id": 1, "from_club_id": None, "to_club_id": 2, "stage": "bid", "window": "2025-summer",
        "evidence": "X bid for Y.", "start": 0, "end": 12, "cited_outlet": "", "confidence": 0.7,
        "fee_amount": 5_000_000, "fee_currency": "GBP", "is_loan": False, "also_stages": ("linked",),
        "stance_by": "",
    }  # fmt: skip
    assert [f.name for f in dataclasses.fields(RumourFact)] == list(fields)  # every field, in order
    fast, plain = rumour_fact(**fields), RumourFact(**fields)
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert pickle.loads(pickle.dumps(fast)) == plain
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.stage = "agreed"


def test_every_sum_of_money_has_a_digit():
    rng = random.Random(10)
    pieces = ("\u00a3", "\u20ac", "$", "&#163;", "&pound;", "&euro;", "1", "25", ",", ".", "5", "m", "bn",
              "k", " ", "million", "pounds", "euros", "-plus", "x", "a")  # fmt: skip
    found = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        if MONEY_RE.search(text):
            found += 1
            assert _DIGIT.search(text), repr(text)
    assert found > 1_000


def test_a_scan_for_money_from_just_before_the_first_digit_finds_every_sum():
    rng = random.Random(11)
    pieces = ("\u00a3", "\u20ac", "$", "&#163;", "&pound;", "&euro;", "1", "25", ",", ".", "5", "m", "bn",
              "k", " ", "million", "pounds", "euros", "-plus", "x", "a", "bid", "&", "#")  # fmt: skip
    found = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        digit = _DIGIT.search(text)
        if digit is None:
            continue
        whole = [m.span() for m in MONEY_RE.finditer(text)]
        found += bool(whole)
        assert [m.span() for m in MONEY_RE.finditer(text, max(0, digit.start() - MONEY_LEAD))] == whole, text
    assert found > 1_000


def test_renewal_words_are_in_every_renewal_object_match():
    rng = random.Random(21)
    pieces = _PIECES + (
        "over", "about", "on", "regarding", "of", "a ", "an ", "his ", "their ", "new", "fresh", "improved",
        "extended", "longer", "long-term", "bumper", "lucrative", "contract", "extension", "renewal", "club",
    )  # fmt: skip
    for _ in range(30_000):
        # Mostly from the text's start, as after a cue: a space, then words.
        text = " " + "".join(rng.choice(pieces) + rng.choice(_SPACES) for _ in range(rng.randint(0, 7)))
        start = rng.choice((0, 0, 0, rng.randint(0, len(text))))
        end = rng.randint(start, len(text))
        if _RENEWAL_OBJECT.match(text, start, end):
            assert any(word in text[start:end] for word in RENEWAL_WORDS), (text, start, end)


def test_conditional_and_seller_words_equal_the_searches():
    pieces = _PIECES + (
        "if", "unless", "whether", "should", "iff", "shoulder", "rejected", "rejects", "received", "receives",
        "considering", "turned down", "turned", "down", "snubbed", "reject", "receive",
    )  # fmt: skip
    rng = random.Random(22)
    for _ in range(30_000):
        text = "".join(rng.choice(pieces) + rng.choice(("", " ", " ", ",")) for _ in range(rng.randint(0, 7)))
        assert _conditional_words(text) == bool(_CONDITIONAL.search(text)), repr(text)
        assert _seller_verb(text) == bool(_SELLER_VERB.search(text)), repr(text)
