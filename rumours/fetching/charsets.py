"""Turning fetched bytes into text: BOM, declared charset, in-document declaration, then a guess.

Browsers only look for `<meta charset>` in the first 1024 bytes, and so do many feeds' authors' tools; we
search further, because a page whose declaration sits after a long `<head>` is still a page we want to read
right.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

# UTF-32 LE must be tested before UTF-16 LE: its BOM starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Labels that mean windows-1252 in practice (the WHATWG encoding standard maps them so).
_AS_CP1252 = frozenset({"latin_1", "iso8859_1", "ascii", "cp1252"})
_META = re.compile(
    rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE | re.DOTALL
)
_XML_DECL = re.compile(rb"""^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})["']""")
_META_SCAN = 256 * 1024
# Legacy single-byte encodings a football news site plausibly serves without saying so, in order of preference
# when the guess is a tie: Western European first (the WHATWG default), then Cyrillic, Central European,
# Greek, Turkish, Baltic.
LEGACY_CANDIDATES = ("cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1257", "koi8_r")


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def normalise_label(label: str | None) -> str | None:
    """Python's codec name for a charset label, or None when unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name.replace("-", "_")
    except (LookupError, ValueError):
        return None
    return "cp1252" if name in _AS_CP1252 else name


def declared_in_document(data: bytes) -> str | None:
    """The charset an XML prolog or an HTML `<meta>` declares, searched in the first 256 KiB."""
    head = data[:_META_SCAN]
    match = _XML_DECL.match(head) or _META.search(head)
    return match.group(1).decode("ascii") if match else None


def guess_legacy_encoding(data: bytes) -> str:
    """Best guess for bytes that are not UTF-8 and declare nothing usable.

    charset_normalizer restricted to `LEGACY_CANDIDATES`; a guess is trusted only when it also recognised a
    language (short strings are ambiguous between single-byte encodings), otherwise windows-1252.
    """
    try:
        matches = list(charset_normalizer.from_bytes(data[:_META_SCAN], cp_isolation=list(LEGACY_CANDIDATES)))
    except Exception:  # noqa: BLE001 - a detector bug must not stop ingestion; fall back to the default
        return "cp1252"
    plausible = [m for m in matches if m.coherence > 0 and m.encoding in LEGACY_CANDIDATES]
    if not plausible:
        return "cp1252"
    best = min(plausible, key=lambda m: (round(m.chaos, 3), -round(m.coherence, 3), _rank(m.encoding)))
    return best.encoding


def _rank(encoding: str) -> int:
    return LEGACY_CANDIDATES.index(encoding)


def _try(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_document(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode a document; return (text, encoding used).

    Order: a BOM; then UTF-8 if the bytes are valid UTF-8; then the charset from the Content-Type header; then
    the document's own declaration; then a guess among legacy encodings. Valid UTF-8 goes before the labels
    because labels are often wrong and a wrong single-byte label always "decodes" (ISO-8859-1 accepts every
    byte), while legacy text that happens to be valid UTF-8 is vanishingly rare. A label that does not decode
    the bytes strictly is skipped, so only the guess can produce replacement characters.
    """
    bom = bom_encoding(data)
    if bom:
        return data.decode(bom, errors="replace"), bom
    if is_utf8(data):
        return data.decode("utf-8"), "utf-8"
    for label in (declared, declared_in_document(data)):
        encoding = normalise_label(label)
        if encoding and encoding.startswith(("utf_16", "utf_32")):
            # Without a BOM these labels are almost always wrong (the bytes are ASCII-compatible).
            continue
        text = _try(data, encoding)
        if text is not None:
            return text, encoding or "utf-8"
    encoding = guess_legacy_encoding(data)
    return data.decode(encoding, errors="replace"), encoding
