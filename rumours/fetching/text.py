"""Text hygiene shared by feeds and pages: what is safe to store, and what counts as "the same text"."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# C0 controls except \t and \n (\r is folded into \n first), DEL, C1 controls, lone surrogates, and the
# noncharacters U+FDD0..U+FDEF and U+xFFFE/U+xFFFF. PostgreSQL text rejects NUL; the rest are never content.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
    + "]"
)
_WHITESPACE = re.compile(r"\s+")


def clean_text(s: str) -> str:
    """Strip NUL, control characters (keeping newline and tab), lone surrogates and noncharacters; NFC.

    Zero-width and bidi characters are kept: they are legitimate in names and right-to-left text. Pages that
    render text escape them; `normalise_for_hash` drops them.
    """
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", _UNSAFE.sub("", s))


def _keep(ch: str) -> str:
    category = unicodedata.category(ch)
    if category == "Mn" or category == "Cf":
        # Combining marks (accents, the dot of Turkish "İ" after casefold) and format characters (zero-width,
        # bidi overrides, soft hyphen): a re-published story differs in these, never in substance.
        return ""
    if category[0] == "P" or category[0] == "C":
        # Curly vs straight quotes, dashes, ellipses: punctuation varies between outlets' copies of a story.
        return " "
    return ch


def normalise_for_hash(s: str) -> str:
    """A key under which two copies of the same story are equal.

    NFKC (full-width letters and ligatures become plain ones), casefold, accents and format characters
    removed, punctuation turned into spaces, whitespace collapsed. Symbols (£, €, %) and digits are kept,
    because "£50m" and "€50m" are different stories. This is a dedupe key, not display text.
    """
    s = unicodedata.normalize("NFKC", clean_text(s)).casefold()
    s = unicodedata.normalize("NFKD", s)
    s = "".join(_keep(ch) for ch in s)
    # Recompose what is left (Hangul, for one) so that the key is stable when it is normalised again.
    s = unicodedata.normalize("NFKC", s).casefold()
    return _WHITESPACE.sub(" ", s).strip()


def content_hash(text: str) -> str:
    """sha256 hex digest of `normalise_for_hash(text)`."""
    return hashlib.sha256(normalise_for_hash(text).encode("utf-8")).hexdigest()
