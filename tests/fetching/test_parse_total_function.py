"""P10/P11: the parsers are total. Whatever bytes arrive, the answer is a result or a ParseError."""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from rumours.fetching.errors import ParseError
from rumours.fetching.feeds import ParsedFeed, parse_feed
from rumours.fetching.pages import PageContent, extract_page

from .test_feed_parsing import ATOM, RSS

pytestmark = [pytest.mark.timeout(120), pytest.mark.fuzz]

FUZZ = settings(max_examples=200, deadline=2000, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mutated(draw, seed: bytes) -> bytes:
    """A real feed with a few bytes replaced, inserted or deleted, or cut short."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["replace", "insert", "delete", "truncate"]))
        chunk = draw(st.binary(min_size=1, max_size=8))
        if action == "replace":
            data[at : at + len(chunk)] = chunk
        elif action == "insert":
            data[at:at] = chunk
        elif action == "delete":
            del data[at : at + len(chunk)]
        else:
            del data[at:]
    return bytes(data)


@FUZZ
@given(st.one_of(st.binary(max_size=4096), mutated(RSS), mutated(ATOM)), st.sampled_from(["", "text/xml"]))
@example(b"\xef\xbb\xbf", "")
@example(b"\xff\xfe\x00\x00", "application/xml; charset=utf-32")
@example(b"<?xml version='1.0' encoding='x-unknown'?><rss version='2.0'/>", "")
def test_parse_feed_returns_a_parsed_feed_or_raises_parse_error(body, content_type):
    try:
        result = parse_feed(body, content_type=content_type)
    except ParseError:
        return
    assert isinstance(result, ParsedFeed)
    for entry in result.entries:
        assert isinstance(entry.guid, str) and entry.guid


@FUZZ
@given(
    st.one_of(st.binary(max_size=4096), st.text(max_size=2048).map(str.encode)),
    st.sampled_from([None, "utf-8", "bogus"]),
)
def test_extract_page_returns_page_content_or_raises_parse_error(body, encoding):
    try:
        result = extract_page(body, url="https://example.test/x", encoding=encoding)
    except ParseError:
        return
    assert isinstance(result, PageContent)
    assert result.text
