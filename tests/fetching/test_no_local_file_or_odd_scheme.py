"""S4: only http(s) URLs are fetched, and the parsers take bytes, never a path or URL to open themselves."""

import pytest

from rumours.fetching.errors import BlockedAddress, ParseError
from rumours.fetching.feeds import parse_feed
from rumours.fetching.http import fetch
from rumours.fetching.pages import extract_page
from rumours.fetching.urls import validate_fetch_url

pytestmark = pytest.mark.timeout(60)

REFUSED = [
    "file:///etc/passwd",
    "FILE:///etc/passwd",
    "gopher://127.0.0.1:70/_hello",
    "data:text/html,<script>alert(1)</script>",
    "javascript:alert(1)",
    "ftp://example.test/feed.xml",
    "dict://127.0.0.1:11211/stats",
    "/etc/passwd",
    "etc/passwd",
    "//example.test/feed.xml",
    "http://",
    "http:///etc/passwd",
    "http://exa mple.test/",
    "http://example.test:99999/",
    "",
]


@pytest.mark.parametrize("url", REFUSED)
def test_the_url_validator_refuses_anything_but_absolute_http_urls(url):
    with pytest.raises(BlockedAddress):
        validate_fetch_url(url)


@pytest.mark.parametrize("url", REFUSED)
def test_fetch_refuses_them_too(url):
    with pytest.raises(BlockedAddress):
        fetch(url, allow_private=True)


def test_http_and_https_urls_pass_the_validator_unchanged_but_stripped():
    assert validate_fetch_url("  https://example.test/a?b=1  ") == "https://example.test/a?b=1"
    assert validate_fetch_url("HTTP://Example.test/") == "HTTP://Example.test/"


def test_parse_feed_takes_bytes_only():
    with pytest.raises(TypeError):
        parse_feed("/etc/passwd")  # type: ignore[arg-type]


def test_a_path_given_as_bytes_is_parsed_as_content_not_opened():
    with pytest.raises(ParseError) as caught:
        parse_feed(b"/etc/passwd")

    assert "root:" not in str(caught.value)


def test_extract_page_takes_bytes_only():
    with pytest.raises(TypeError):
        extract_page("<html></html>", url="https://example.test/")  # type: ignore[arg-type]


def test_a_foreign_client_is_refused_unless_private_addresses_are_allowed():
    import httpx

    with httpx.Client() as client, pytest.raises(ValueError, match="build_client"):
        fetch("https://example.test/", client=client)
