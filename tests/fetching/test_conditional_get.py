"""F1: conditional GET. The validators go out on every poll; a 304 means "nothing new", with no body."""

import pytest

from rumours.fetching.http import fetch

pytestmark = pytest.mark.timeout(60)

FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Fixture</title></channel></rss>'


def test_it_sends_both_validators_and_reports_not_modified_on_304(httpserver):
    httpserver.expect_ordered_request(
        "/feed.xml", headers={"If-None-Match": '"v1"', "If-Modified-Since": "Tue, 14 Jan 2025 10:00:00 GMT"}
    ).respond_with_data("", status=304, headers={"ETag": '"v1"'})

    result = fetch(
        httpserver.url_for("/feed.xml"),
        etag='"v1"',
        last_modified="Tue, 14 Jan 2025 10:00:00 GMT",
        allow_private=True,
    )

    httpserver.check_assertions()
    assert result.not_modified is True
    assert result.status == 304
    assert result.body == b""
    assert result.etag == '"v1"'
    assert result.last_modified == "Tue, 14 Jan 2025 10:00:00 GMT"


def test_a_304_without_validators_keeps_the_ones_sent(httpserver):
    httpserver.expect_request("/feed.xml").respond_with_data("", status=304)

    result = fetch(httpserver.url_for("/feed.xml"), etag='"v1"', last_modified="Mon", allow_private=True)

    assert (result.not_modified, result.etag, result.last_modified) == (True, '"v1"', "Mon")


def test_the_first_poll_sends_no_validators_and_returns_the_new_ones(httpserver):
    httpserver.expect_request("/feed.xml").respond_with_data(
        FEED,
        content_type="application/rss+xml; charset=utf-8",
        headers={"ETag": '"v2"', "Last-Modified": "Wed, 15 Jan 2025 08:00:00 GMT"},
    )

    result = fetch(httpserver.url_for("/feed.xml"), allow_private=True)

    request, _ = httpserver.log[0]
    assert "If-None-Match" not in request.headers
    assert "If-Modified-Since" not in request.headers
    assert result.not_modified is False
    assert result.body == FEED
    assert result.encoding == "utf-8"
    assert (result.etag, result.last_modified) == ('"v2"', "Wed, 15 Jan 2025 08:00:00 GMT")


def test_a_server_that_ignores_conditionals_returns_the_body_with_the_same_etag(httpserver):
    # The caller compares result.etag (or the content hash) with what it stored: same ETag, nothing new.
    httpserver.expect_request("/feed.xml").respond_with_data(FEED, headers={"ETag": '"v1"'})

    result = fetch(httpserver.url_for("/feed.xml"), etag='"v1"', allow_private=True)

    assert httpserver.log[0][0].headers["If-None-Match"] == '"v1"'
    assert result.not_modified is False
    assert result.etag == '"v1"'
    assert result.body == FEED


def test_it_identifies_itself_and_asks_only_for_encodings_it_can_bound(httpserver):
    httpserver.expect_request("/").respond_with_data("ok")

    fetch(httpserver.url_for("/"), allow_private=True)

    headers = httpserver.log[0][0].headers
    assert headers["User-Agent"].startswith("Touchline/")
    assert headers["Accept-Encoding"] == "gzip, deflate"


@pytest.mark.parametrize("etag", ['"caf\u00e9"', '"v1"\r\nX-Injected: 1'])
def test_a_stored_validator_that_cannot_be_a_header_is_not_sent(httpserver, etag):
    httpserver.expect_request("/feed.xml").respond_with_data(FEED)

    result = fetch(httpserver.url_for("/feed.xml"), etag=etag, allow_private=True)

    headers = httpserver.log[0][0].headers
    assert "If-None-Match" not in headers
    assert "X-Injected" not in headers
    assert result.body == FEED
