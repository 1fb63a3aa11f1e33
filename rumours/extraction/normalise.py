"""Case- and accent-folding that keeps a map back to the original offsets.

Matching runs over a folded copy of the text ("Mbappé",
"MBAPPE" and "Mbappe" + U+0301 all become "mbappe"), and
every span found there must be reported in the original text. ASCII runs fold to the same length, so
the map only
has to record where a non-ASCII character expands or vanishes; most articles have a few dozen such characters.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache

# Zero-width and bidi controls are invisible in a page but split a name for a matcher.
_INVISIBLE = {
    *map(chr, range(0x200B, 0x2010)),
    *map(chr, range(0x202A, 0x202F)),
    *map(chr, range(0x2066, 0x206A)),
    "\u00ad",
    "\u2060",
    "\ufeff",
    "\u180e",
}
# Letters NFKD does not decompose, and punctuation with one plain equivalent.
_SPECIAL = {
    "ø": "o",
    "Ø": "o",
    "ł": "l",
    "Ł": "l",
    "đ": "d",
    "Đ": "d",
    "ð": "d",
    "þ": "th",
    "æ": "ae",
    "Æ": "ae",
    "œ": "oe",
    "Œ": "oe",
    "ß": "ss",
    "ı": "i",
    "\u2018": "'",
    "\u2019": "'",
    "\u02bc": "'",
    "\u0060": "'",
    "\u00b4": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WS = re.compile(r"\s")


@lru_cache(maxsize=8192)
def fold_char(ch: str) -> str:
    """The folded form of one character: "" for marks and invisibles, possibly several characters ("ß")."""
    if ch in _INVISIBLE:
        return ""
    special = _SPECIAL.get(ch)
    if special is not None:
        return special
    if ch.isspace():
        return " "
    out = []
    for part in unicodedata.normalize("NFKD", ch):
        if unicodedata.combining(part):
            continue
        special = _SPECIAL.get(part)
        out.append(special if special is not None else part.casefold())
    folded = "".join(out)
    # Casefolding can reintroduce a combining mark ("İ" -> "i̇").
    return "".join(c for c in folded if not unicodedata.combining(c))


class Folded:
    """A folded copy of `original` with the offset map back to it."""

    __slots__ = ("original", "text", "_fstarts", "_ostarts", "_segs")

    def __init__(self, original: str) -> None:
        self.original = original
        if original.isascii():
            # Whitespace is folded to spaces so a name broken over a line still matches.
            self.text = (
                _WS.sub(" ", original.lower()) if "\n" in original or "\t" in original else original.lower()
            )
            self._fstarts: list[int] | None = None
            self._ostarts: list[int] | None = None
            self._segs: list[tuple[int, int, bool]] | None = None
            return
        parts: list[str] = []
        fstarts: list[int] = []
        segs: list[tuple[int, int, bool]] = []  # (folded start, original start, is_identity_run)
        fpos = 0
        last = 0
        for m in _NON_ASCII.finditer(original):
            i = m.start()
            if i > last:
                parts.append(original[last:i].lower())
                fstarts.append(fpos)
                segs.append((fpos, last, True))
                fpos += i - last
            folded = fold_char(original[i])
            if folded:
                parts.append(folded)
                fstarts.append(fpos)
                segs.append((fpos, i, False))
                fpos += len(folded)
            last = i + 1
        if last < len(original):
            parts.append(original[last:].lower())
            fstarts.append(fpos)
            segs.append((fpos, last, True))
        self.text = _WS.sub(" ", "".join(parts))
        self._fstarts = fstarts
        self._ostarts = [seg[1] for seg in segs]
        self._segs = segs

    @property
    def identity(self) -> bool:
        """Folded and original offsets are the same (ASCII input)."""
        return self._segs is None

    def orig(self, fpos: int) -> int:
        """Original offset of the folded character at `fpos`."""
        if self._segs is None:
            return fpos
        if not self._segs:
            return 0
        k = bisect_right(self._fstarts, fpos) - 1
        if k < 0:
            return 0
        fstart, ostart, run = self._segs[k]
        return ostart + (fpos - fstart) if run else ostart

    def span(self, fstart: int, fend: int) -> tuple[int, int]:
        """Original [start, end) of the folded span [fstart, fend); trailing marks stay with their letter."""
        if self._segs is None:
            return fstart, fend
        start = self.orig(fstart)
        end = self.orig(fend - 1) + 1 if fend > fstart else start
        original = self.original
        while end < len(original) and unicodedata.combining(original[end]):
            end += 1
        return start, end

    def fpos(self, opos: int) -> int:
        """Folded offset of the original offset `opos` (the first folded position at or after it)."""
        if self._segs is None:
            return opos
        k = bisect_right(self._ostarts, opos) - 1
        if k < 0:
            return 0
        fstart, ostart, run = self._segs[k]
        if run:
            return fstart + (opos - ostart)
        return (
            fstart
            if opos == ostart
            else (self._fstarts[k + 1] if k + 1 < len(self._fstarts) else len(self.text))
        )


def fold(text: str) -> Folded:
    return Folded(text)


_SPACES = re.compile(r"\s+")


def fold_key(name: str) -> str:
    """The automaton key for a gazetteer name: folded, single-spaced, trimmed."""
    return _SPACES.sub(" ", Folded(name).text).strip()


def clean(text: str) -> str:
    """NFC with invisibles removed: for names shown back to people (candidates, outlets)."""
    text = unicodedata.normalize("NFC", text)
    return "".join(c for c in text if c not in _INVISIBLE)
