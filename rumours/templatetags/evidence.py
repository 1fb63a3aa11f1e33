"""Evidence sentences with the player and club names marked.

The sentence is untrusted article text. It is cut into pieces at the matches, every piece is escaped on its
own, and only the <mark> tags we add are markup: nothing of the input is ever marked safe unescaped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_SPACE_LIKE = "-‐‑–—"
_SPECIAL = {"ø": "o", "Ø": "o", "ß": "ss", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l"}


def _fold_char(char: str) -> str:
    """Fold one character (case, accents); may return '' or two characters, hence the index map below."""
    if char.isspace() or char in _SPACE_LIKE:
        return " "
    if char in _SPECIAL:
        return _SPECIAL[char]
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _fold_with_map(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each folded character, the index of the original character it came from."""
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for piece in _fold_char(char):
            folded.append(piece)
            origin.append(index)
    return "".join(folded), origin


def _fold(text: str) -> str:
    return " ".join(_fold_with_map(text)[0].split())


def find_names(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Spans (start, end) of `text` where one of `names` occurs as whole words, ignoring accents and case.
    Longer names win over the shorter names inside them ("Real Madrid" over "Madrid")."""
    keys = sorted({_fold(name) for name in names if name and len(_fold(name)) >= 2}, key=len, reverse=True)
    if not keys or not text:
        return []
    folded, origin = _fold_with_map(text)
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys) + r")(?!\w)"
    )
    spans = []
    for match in pattern.finditer(folded):
        start, end = origin[match.start()], origin[match.end() - 1] + 1
        if spans and start < spans[-1][1]:
            continue
        spans.append((start, end))
    return spans


def highlight_names(text: str, names: Iterable[str]) -> SafeString:
    text = str(text or "")
    pieces = []
    position = 0
    for start, end in find_names(text, names):
        pieces.append(escape(text[position:start]))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    pieces.append(escape(text[position:]))
    # Safe: every piece of the input went through escape(); the only markup is our own <mark> tags.
    return mark_safe("".join(pieces))  # noqa: S308


@register.filter(name="highlight")
def highlight_filter(text: str, names: Iterable[str] | None) -> SafeString:
    """{{ mention.sentence|highlight:entry.names }}"""
    return highlight_names(text, names or ())
