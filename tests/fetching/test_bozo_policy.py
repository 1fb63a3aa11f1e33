"""P1: ill-formed feeds from a real server: a clear ParseError, or entries plus a warning; nothing else."""

import pytest

from rumours.fetching.errors import ParseError
from rumours.fetching.feeds import parse_feed
from rumours.fetching.http import fetch

pytestmark = pytest.mark.timeout(60)

ITEM = "<item><title>Wagner to Rovers</title><link>https://example.test/{n}</link><guid>{n}</guid></item>"
HEAD = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bozo</title>'

SURVIVABLE = {
    "unclosed tags": HEAD + ITEM.format(n=1) + "<item><title>Cut off",
    "unclosed final item": HEAD + ITEM.format(n=1) + ITEM.format(n=2)[:-7],
    "undefined entity": HEAD
    + ITEM.format(n=1).replace("Wagner", "Wagner &nbsp; &madeup;")
    + "</channel></rss>",
    "bare ampersand": HEAD + ITEM.format(n=1).replace("Wagner", "Wagner & Holm") + "</channel></rss>",
    "mismatched tags": HEAD + ITEM.format(n=1) + "<item><title>B</link></item></channel></rss>",
}
FATAL = {
    "empty body": "",
    "whitespace only": "   \n\n ",
    "html served as a feed": "<!doctype html><html><head><title>Home</title></head><body><p>Hi</p></html>",
    "json garbage": '{"items": [{"title": "Wagner"}, ',
    "plain text": "Wagner to Rovers, sources say.",
    "bad cdata only": HEAD + "<item><title><![CDATA[Wagner</title></item></channel></rss>",
    "channel with a broken first item": HEAD + "<item><title",
}


def fetched(httpserver, body: str | bytes, content_type: str = "application/rss+xml") -> bytes:
    httpserver.expect_request("/feed").respond_with_data(body, content_type=content_type)
    return fetch(httpserver.url_for("/feed"), allow_private=True).body


@pytest.mark.parametrize("name", sorted(SURVIVABLE))
def test_a_survivable_bozo_feed_yields_entries_and_a_warning(httpserver, name):
    feed = parse_feed(fetched(httpserver, SURVIVABLE[name]))

    assert feed.entries, name
    assert feed.entries[0].guid == "1"
    assert feed.warning


@pytest.mark.parametrize("name", sorted(FATAL))
def test_a_feed_with_nothing_usable_is_a_parse_error(httpserver, name):
    with pytest.raises(ParseError) as caught:
        parse_feed(fetched(httpserver, FATAL[name], content_type="text/html"))

    assert str(caught.value)


def test_binary_content_is_a_parse_error(httpserver):
    body = bytes(range(256)) * 64

    with pytest.raises(ParseError):
        parse_feed(fetched(httpserver, body, content_type="application/octet-stream"))
