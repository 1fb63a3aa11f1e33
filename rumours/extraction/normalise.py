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
from collections.abc import Iterable
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
_WS = re.compile(r"[^\S ]")  # whitespace other than a plain space
# Every character `_WS` matches but "\n" and "\t" (all whitespace is below U+3001): most texts hold none of
# them, and a few C-speed `in` tests and two replaces beat the regex over the whole text.
_RARE_WS = tuple(ch for ch in map(chr, range(0x3001)) if ch.isspace() and ch not in " \n\t")
_RARE_ASCII_WS = tuple(ch for ch in _RARE_WS if ch.isascii())


def _spaced(text: str) -> str:
    """`text` with every whitespace character a plain space (`_WS.sub(" ", text)`)."""
    text = text.replace("\n", " ").replace("\t", " ")
    for ch in _RARE_ASCII_WS if text.isascii() else _RARE_WS:
        if ch in text:
            return _WS.sub(" ", text)
    return text


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


_ONE_TO_ONE: dict[
    str, str
] = {}  # non-ASCII character -> its one-character fold, learnt as characters are met
_NOT_ONE: set[str] = set()
_ASCII = bytes(range(128))
_RARE_ASCII_WS_UTF8 = tuple(ch.encode() for ch in _RARE_ASCII_WS)


def _one_to_one(text: str) -> str | None:
    """The folded text when every non-ASCII character of `text` folds to one character (then offsets do not
    move), else None.

    `str.lower` and a regex over the text test every character in Python's Unicode tables; the UTF-8 bytes
    give the same in a few C passes: deleting the ASCII bytes leaves the non-ASCII characters; `bytes.lower`
    lowers ASCII letters only, which is all `str.lower` would change, as every fold is lower-case already
    and replaces its character after. Non-ASCII whitespace folds to a space, so only ASCII whitespace is left
    for `_spaced`'s work."""
    raw = text.encode("utf-8", "surrogatepass")  # "surrogatepass": a lone surrogate round-trips
    chars = set(raw.translate(None, _ASCII).decode("utf-8", "surrogatepass"))
    for ch in chars:
        if ch in _ONE_TO_ONE:
            continue
        if ch in _NOT_ONE:
            return None
        folded = fold_char(ch)
        if len(folded) == 1 and folded.lower() == folded:
            _ONE_TO_ONE[ch] = folded
        else:
            _NOT_ONE.add(ch)
            return None
    raw = raw.lower()
    raw = raw.replace(b"\n", b" ").replace(b"\t", b" ")  # as `_spaced`
    rare_space = any(ch in raw for ch in _RARE_ASCII_WS_UTF8)
    text = raw.decode("utf-8", "surrogatepass")
    for ch in chars:  # a few distinct characters: one C-speed replace each
        text = text.replace(ch, _ONE_TO_ONE[ch])
    return _WS.sub(" ", text) if rare_space else text


class Folded:
    """A folded copy of `original` with the offset map back to it."""

    __slots__ = ("original", "text", "_fstarts", "_ostarts", "_segs", "omap", "fmap")

    def __init__(self, original: str) -> None:
        self.original = original
        # Most non-ASCII characters fold to one character ("é" -> "e", "£" stays): then one C-speed translate
        # keeps every offset. Only "ß", "æ", marks and invisibles need the offset map below.
        if original.isascii():
            # Whitespace is folded to spaces so a name broken over a line still matches.
            lower = original.lower()
            self.text = _spaced(lower)  # every whitespace a plain space, rare ones ("\x1f", "\u2028") too
        else:
            self.text = _one_to_one(original)
        if self.text is not None:
            self._fstarts: list[int] | None = None
            self._ostarts: list[int] | None = None
            self._segs: list[tuple[int, int, bool]] | None = None
            self.omap: list[int] | None = None
            self.fmap: list[int] | None = None
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
        self.text = _spaced("".join(parts))
        self._fstarts = fstarts
        self._ostarts = [seg[1] for seg in segs]
        self._segs = segs
        self._maps()

    def _maps(self) -> None:
        """Offset tables, one entry per position (built from the segments with C-speed slices): `omap[f]` is
        `orig(f)` and `fmap[o]` is `fpos(o)`, so that mapping a span is two list lookups."""
        segs, n_f, n_o = self._segs, len(self.text), len(self.original)
        omap = [0] * (n_f + 1)
        fmap = [0] * (n_o + 1)
        for k, (fstart, ostart, run) in enumerate(segs):
            nxt_f, nxt_o = (segs[k + 1][0], segs[k + 1][1]) if k + 1 < len(segs) else (n_f, n_o)
            if run:
                omap[fstart:nxt_f] = range(ostart, ostart + nxt_f - fstart)
                fmap[ostart:nxt_o] = range(fstart, fstart + nxt_o - ostart)
            else:
                omap[fstart:nxt_f] = [ostart] * (nxt_f - fstart)
                fmap[ostart] = fstart
                fmap[ostart + 1 : nxt_o] = [nxt_f] * (nxt_o - ostart - 1)
        if segs:
            fstart, ostart, run = segs[-1]
            omap[n_f] = ostart + (n_f - fstart) if run else ostart
            fmap[n_o] = fstart + (n_o - ostart) if run else (fstart if n_o == ostart else n_f)
        self.omap, self.fmap = omap, fmap

    @property
    def identity(self) -> bool:
        """Folded and original offsets are the same (ASCII input)."""
        return self._segs is None

    def orig(self, fpos: int) -> int:
        """Original offset of the folded character at `fpos`."""
        if self._segs is None:
            return fpos
        if 0 <= fpos < len(self.omap):
            return self.omap[fpos]
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

    def fpos_all(self, offsets: Iterable[int]) -> list[int]:
        """`[self.fpos(o) for o in offsets]` for offsets within the original text (0 to its length)."""
        if self._segs is None:
            return list(offsets)
        return list(map(self.fmap.__getitem__, offsets))

    def fpos(self, opos: int) -> int:
        """Folded offset of the original offset `opos` (the first folded position at or after it)."""
        if self._segs is None:
            return opos
        if 0 <= opos < len(self.fmap):
            return self.fmap[opos]
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


# Every character that is not a letter or digit (str.isalnum) becomes a space in the text the automaton reads,
# so that a key padded with spaces only matches whole words. A plain space needs no replacing.
NON_WORD = re.compile(r"[^\w ]|_")
_LATIN1_WORD = bytes(c if chr(c).isalnum() else 32 for c in range(256))


def word_aligned(text: str) -> str:
    """`text` with every non-alphanumeric character as a space (same length)."""
    try:  # the common case (folded text, "£" or "€" at most): one C pass over bytes
        return text.replace("\u20ac", " ").encode("latin-1").translate(_LATIN1_WORD).decode("latin-1")
    except UnicodeEncodeError:
        return NON_WORD.sub(" ", text)


def padded_backwards(text: str) -> str:
    """`" " + word_aligned(text) + " "` spelt backwards, as the name scan reads it (see
    gazetteer._automaton_for)."""
    try:  # as in word_aligned, then reversed in place: cheaper than a reversed copy of the string
        aligned = bytearray(b" ")
        aligned += text.replace("\u20ac", " ").encode("latin-1").translate(_LATIN1_WORD)
    except UnicodeEncodeError:
        return " " + NON_WORD.sub(" ", text)[::-1] + " "
    aligned += b" "
    aligned.reverse()
    return aligned.decode("latin-1")


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
