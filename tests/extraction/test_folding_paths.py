"""`Folded` folds text whose non-ASCII characters each fold to one character through UTF-8 bytes (C passes);
it must give what folding character by character gives."""

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from rumours.extraction.normalise import Folded, fold_char

_PIECES = [
    "a", "B", "Mbapp", "\u00e9", "\u00c9", "\u00f8", "\u0141", "\u03a3", "\u03c2", "\u00a3", "\u20ac",
    "\u00a0", "\u2028", "\u3000", "\x85", "\u2019", "\u201c", "\u2014", "\u00b5", "\u212a", "\u017f",
    "\U0001f600", "\ud83d", " ", "\n", "\t", "\r", "\x0b", "\x1c", "Z", "x",
]  # fmt: skip


def plain_fold(text: str) -> str | None:
    """Character by character; None when some character does not fold to one lower-case character."""
    folds = [ch if ch.isascii() else fold_char(ch) for ch in text]
    if any(len(f) != 1 or f.lower() != f for f, ch in zip(folds, text, strict=True) if not ch.isascii()):
        return None
    # Folding is not idempotent ("Ð" -> "ð" -> "d"): with both in a text, `Folded` replaces the characters
    # one after the other, in set order, and the result depends on that order (as it always has).
    if any(f in text and fold_char(f) != f for f in folds if not f.isascii()):
        return None
    base = "".join(folds)
    lower = base.lower()
    return re.sub(r"[^\S ]", " ", lower)  # every whitespace character a plain space


def _check(text: str) -> None:
    expected = plain_fold(text)
    folded = Folded(text)
    if expected is not None:
        assert folded.text == expected
        assert folded.identity


def test_same_fold_as_character_by_character_on_random_pieces():
    rng = random.Random(11)
    for _ in range(5000):
        _check("".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30))))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_same_fold_as_character_by_character(text):
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60), st.data())
def test_identity_fold_maps_every_span_to_itself(text, data):
    # Doc._learn_people skips Folded.span on identity folds: that is only right if span is the identity there.
    folded = Folded(text)
    if not folded.identity:
        return
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert folded.span(start, end) == (start, end)
