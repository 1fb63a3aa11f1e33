"""parse_feed(): RSS/Atom bytes to entries, with feedparser's bozo handling turned into a clear policy.

Policy (after Miniflux and reader): no feed version, or zero entries together with a parse error, is a
`ParseError` (the caller counts it toward backoff). A feed that parsed with a survivable error (an encoding
override, a truncated last item) yields what it could plus a `warning` to record on the Feed. Nothing else
escapes: every exception from the parser becomes a `ParseError`.

Safety: feedparser strips the DOCTYPE's entity declarations except plain-text ones and turns off external
entities in the SAX parser; expat (>= 2.4) refuses entity amplification. We add: input only as bytes, handed
to feedparser as a file object so it can never treat the body as a path or URL to open.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser

import feedparser

from .charsets import bom_encoding, guess_legacy_encoding, is_utf8
from .errors import ParseError
from .text import clean_text

_XML_ENCODING = re.compile(rb"""^\s*<\?xml\s[^>]*?encoding\s*=""")
# The encoding pseudo-attribute of an XML declaration, removed when we know better than it.
_XML_ENCODING_DECL = re.compile(rb"""(?<=^<\?xml)(\s[^>]*?)\sencoding\s*=\s*["'][^"']*["']""")
_CHARSET = re.compile(r"charset\s*=", re.IGNORECASE)
_SPACES = re.compile(r"[ \t]+")
_BLOCK_TAGS = frozenset({"p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"})


@dataclass
class FeedEntry:
    guid: str
    link: str
    title: str
    summary: str  # plain text (feedparser's sanitised HTML with the tags removed)
    published: datetime | None  # aware, UTC
    blank_guid: bool = False  # no id in the feed: keyed by the link, or by title and date without one


@dataclass
class ParsedFeed:
    title: str
    entries: list[FeedEntry] = field(default_factory=list)
    warning: str = ""  # the bozo message when the feed was still usable


def parse_feed(body: bytes, *, url: str = "", content_type: str = "") -> ParsedFeed:
    """Parse feed bytes. `url` resolves relative links; `content_type` is the response's header.

    Entry keys (`guid`) follow Miniflux's chain: the entry's id, else its link, else "sha256:" + a hash of
    title and published date. Entries whose key repeats an earlier one are dropped (the first wins), and so
    are entries with no title, link or summary. Text fields are cleaned of control characters and lone
    surrogates. Links that are not http(s) are dropped (a `javascript:` link must never reach a page).
    """
    if not isinstance(body, bytes | bytearray | memoryview):
        # feedparser would treat a str as a path or URL and open it.
        raise TypeError(f"parse_feed() takes the response body as bytes, not {type(body).__name__}.")
    body = bytes(body)
    body, content_type = _transcode_unlabelled(body, content_type)
    headers = {"content-type": content_type or "application/xml"}
    if url:
        headers["content-location"] = url
    try:
        result = feedparser.parse(io.BytesIO(body), response_headers=headers, sanitize_html=True)
        return _to_parsed(result)
    except ParseError:
        raise
    except Exception as exc:  # noqa: BLE001 - the contract is ParsedFeed or ParseError, whatever the input
        raise ParseError(f"The feed could not be parsed: {type(exc).__name__}: {exc}") from exc


def _transcode_unlabelled(body: bytes, content_type: str) -> tuple[bytes, str]:
    # Two cases where feedparser's own rules (header, then XML prolog, then windows-1252) read a feed wrong:
    # valid UTF-8 under a wrong single-byte label (which always "decodes", into mojibake), and legacy bytes
    # that declare nothing (a Cyrillic feed read as windows-1252). In both we hand feedparser UTF-8 and say
    # so.
    mime = content_type.split(";")[0].strip() or "application/xml"
    if bom_encoding(body):
        return body, content_type
    if is_utf8(body):
        if body.isascii():
            return body, content_type
        return _XML_ENCODING_DECL.sub(rb"\1", body, count=1), f"{mime}; charset=utf-8"
    if _XML_ENCODING.match(body[:1024]) or _CHARSET.search(content_type):
        return body, content_type
    encoding = guess_legacy_encoding(body)
    return body.decode(encoding, errors="replace").encode("utf-8"), f"{mime}; charset=utf-8"


def _to_parsed(result: feedparser.FeedParserDict) -> ParsedFeed:
    version = result.get("version") or ""
    entries_in = result.get("entries") or []
    bozo = result.get("bozo_exception") if result.get("bozo") else None
    problem = f"{type(bozo).__name__}: {bozo}" if bozo is not None else ""
    if not version:
        raise ParseError(f"Not a feed (no RSS or Atom version found){': ' + problem if problem else ''}.")
    if not entries_in and bozo is not None:
        raise ParseError(f"The feed is broken and yielded no entries: {problem}.")
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for raw in entries_in:
        entry = _entry(raw)
        if entry is None or entry.guid in seen:
            continue
        seen.add(entry.guid)
        entries.append(entry)
    if entries_in and not entries:
        raise ParseError("The feed's entries have no title, link or text.")
    title = _one_line(result.get("feed", {}).get("title", ""))
    return ParsedFeed(title=title, entries=entries, warning=problem)


def _entry(raw: feedparser.FeedParserDict) -> FeedEntry | None:
    title = _one_line(raw.get("title", ""))
    link = clean_text(raw.get("link", "") or "").strip()
    if not link.lower().startswith(("http://", "https://")):
        link = ""
    summary = html_to_text(raw.get("summary", "") or "")
    if not summary and raw.get("content"):
        summary = html_to_text(raw["content"][0].get("value", "") or "")
    if not (title or link or summary):
        return None
    published = _datetime(raw.get("published_parsed") or raw.get("updated_parsed"))
    guid = clean_text(raw.get("id", "") or "").strip()
    blank = not guid
    guid = guid or link
    if not guid:
        stamp = published.isoformat() if published else ""
        guid = "sha256:" + hashlib.sha256(f"{title}\n{stamp}".encode()).hexdigest()
    return FeedEntry(
        guid=guid, link=link, title=title, summary=summary, published=published, blank_guid=blank
    )


def _datetime(parsed: object) -> datetime | None:
    # feedparser gives a UTC time.struct_time; out-of-range dates ("year 0") are dropped, not guessed.
    try:
        return datetime(*parsed[:6], tzinfo=UTC) if parsed else None  # type: ignore[index]
    except (TypeError, ValueError, OverflowError):
        return None


def _one_line(s: str) -> str:
    return " ".join(clean_text(html_to_text(s) if "<" in s else s).split())


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:  # noqa: ARG002
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, blocks on their own lines."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parser.parts).split("\n"))
    return clean_text("\n".join(line for line in lines if line))
