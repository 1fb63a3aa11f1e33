"""extract_page(): an article page's main text, title, date and canonical URL; read_file() for local files."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
import trafilatura
from lxml import etree

from .charsets import bom_encoding, decode_document
from .errors import ParseError
from .text import clean_text
from .urls import canonicalize_url

# File signatures of things that are not web pages, however they are labelled.
_BINARY_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"RIFF",
    b"\x00\x00\x01",
)

# trafilatura logs a warning for every page it finds too short; that is our ParseError's job.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


@dataclass
class PageContent:
    title: str
    text: str
    published: date | None
    canonical_url: str


def extract_page(body: bytes, *, url: str, encoding: str | None = None) -> PageContent:
    """Extract an article from HTML bytes, or raise `ParseError` (and nothing else).

    `encoding` is the charset of the response's Content-Type, if any; see `decode_document` for the order in
    which it, a BOM and the page's own `<meta charset>` are believed. `canonical_url` is the page's
    `<link rel="canonical">` made absolute against `url` when it is http(s), else `url`; canonicalised either
    way.
    """
    html = _decode(body, encoding)
    try:
        doc = trafilatura.bare_extraction(
            html, url=url or None, with_metadata=True, include_comments=False, deduplicate=False
        )
        if doc is None or not (doc.text or "").strip():
            # Short pages fall under trafilatura's minimum size; recall mode keeps them.
            doc = trafilatura.bare_extraction(
                html, url=url or None, with_metadata=True, include_comments=False, favor_recall=True
            )
    except Exception as exc:  # noqa: BLE001 - the contract is PageContent or ParseError, whatever the input
        raise ParseError(f"The page could not be read: {type(exc).__name__}: {exc}") from exc
    text = clean_text(doc.text or "").strip() if doc is not None else ""
    if not text:
        raise ParseError("No article text found on the page.")
    title = " ".join(clean_text(doc.title or "").split())
    return PageContent(
        title=title or text.split("\n", 1)[0][:300],
        text=text,
        published=_date(doc.date),
        canonical_url=_canonical(html, url),
    )


def read_file(path: Path) -> PageContent:
    """A local article: `.txt` (first non-empty line is the title) or `.html`/`.htm`.

    `canonical_url` is `file:<stem>`, the key the gold file and `export_facts` use. A `.txt` file has no date:
    the caller supplies one (`ingest --date`).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".txt", ".html", ".htm"):
        raise ParseError(f"Unsupported file type {suffix or '(none)'}: expected .txt, .html or .htm.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError(f"Could not read {path.name}: {exc.strerror or exc}.") from exc
    key = f"file:{path.stem}"
    if suffix != ".txt":
        page = extract_page(data, url=key)
        page.canonical_url = key
        return page
    _reject_binary(data)
    text = clean_text(decode_document(data)[0]).strip()
    title, _, rest = text.partition("\n")
    if not title.strip():
        raise ParseError(f"{path.name} is empty.")
    return PageContent(title=" ".join(title.split()), text=rest.strip(), published=None, canonical_url=key)


def _reject_binary(body: bytes) -> None:
    if not body.strip():
        raise ParseError("The document is empty.")
    sample = body[:4096]
    # A stray NUL is junk to clean out of a page; many of them (over 1 %) mean the file is not text at all.
    if body.startswith(_BINARY_MAGIC) or (not bom_encoding(body) and sample.count(0) * 100 > len(sample)):
        raise ParseError("The document is binary, not text.")


def _decode(body: bytes, encoding: str | None) -> str:
    if not isinstance(body, bytes | bytearray | memoryview):
        raise TypeError(f"extract_page() takes bytes, not {type(body).__name__}.")
    body = bytes(body)
    _reject_binary(body)
    text = decode_document(body, encoding)[0]
    if not text.strip():
        raise ParseError("The document is empty.")
    return text


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _canonical(html: str, url: str) -> str:
    fallback = canonicalize_url(url) if url else ""
    try:
        # Re-encoded so that an XML declaration or a <meta charset> inside cannot make lxml decode it again.
        parser = lxml.html.HTMLParser(encoding="utf-8")
        tree = lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError, UnicodeError):
        return fallback
    for link in tree.iterfind(".//link[@href]"):
        if "canonical" in (link.get("rel") or "").lower().split():
            href = clean_text(link.get("href") or "").strip()
            try:
                absolute = urljoin(url, href) if url else href
                scheme = urlsplit(absolute).scheme.lower()
            except ValueError:
                return fallback
            return canonicalize_url(absolute) if scheme in ("http", "https") else fallback
    return fallback
