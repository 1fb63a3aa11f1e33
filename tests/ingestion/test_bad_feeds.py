"""Malformed XML, an HTML page served as a feed, an empty body and binary content give a clear stored error
and no crash; a survivable problem is stored as a warning; a legacy charset decodes (P1, P3 for feeds)."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytest_httpserver import HTTPServer

from rumours.models import Article, Feed, FeedEntry
from rumours.services import feed_poll

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.timeout(60)]

BROKEN = {
    "malformed XML": b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><<<</channel>',
    "an HTML page": b"<!doctype html><html><head><title>Hi</title></head><body><p>Hello</p></body></html>",
    "an empty body": b"",
    "binary content": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
    "random bytes": os.urandom(4096),
}


@pytest.mark.parametrize("body", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_feed_is_a_clear_stored_error_and_no_crash(httpserver: HTTPServer, body: bytes) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(body, content_type="application/rss+xml")
    feed = Feed.objects.create(url=httpserver.url_for("/feed.xml"))

    summary = feed_poll(feed_id=feed.pk)

    feed.refresh_from_db()
    assert summary.outcome == "error"
    assert feed.consecutive_errors == 1 and feed.enabled and feed.leased_until is None
    assert "feed" in feed.last_error.lower() and len(feed.last_error) < 1100
    assert feed.etag == "" and Article.objects.count() == 0


def test_a_truncated_feed_keeps_what_it_can_and_records_a_warning(httpserver: HTTPServer) -> None:
    link = httpserver.url_for("/story")
    body = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>'
        f"<item><guid>1</guid><title>First</title><link>{link}</link></item><item><title>Sec"
    ).encode()
    httpserver.expect_request("/feed.xml").respond_with_data(body, content_type="application/rss+xml")
    httpserver.expect_request("/story").respond_with_data("gone", status=404)
    feed = Feed.objects.create(url=httpserver.url_for("/feed.xml"))

    summary = feed_poll(feed_id=feed.pk)

    feed.refresh_from_db()
    assert summary.outcome == "polled" and summary.new_entries == 1
    assert feed.consecutive_errors == 0 and "SAXParseException" in feed.last_warning


def test_a_feed_in_a_legacy_charset_decodes(httpserver: HTTPServer) -> None:
    latin = (
        '<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>Noticias</title>'
        "<item><guid isPermaLink='false'>1</guid><title>Müller y Ødegaard: el Atlético pregunta</title>"
        "<description>El Atlético pregunta por Müller.</description></item></channel></rss>"
    ).encode("iso-8859-1")
    cyrillic = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Новости</title>'
        "<item><guid isPermaLink='false'>2</guid><title>Вагнер перешёл в Зенит</title>"
        "<description>Полузащитник Вагнер подписал контракт с Зенитом до конца сезона.</description>"
        "</item></channel></rss>"
    ).encode("cp1251")
    httpserver.expect_request("/latin.xml").respond_with_data(latin, content_type="application/rss+xml")
    httpserver.expect_request("/cyrillic.xml").respond_with_data(cyrillic, content_type="application/rss+xml")
    latin_feed = Feed.objects.create(url=httpserver.url_for("/latin.xml"))
    cyrillic_feed = Feed.objects.create(url=httpserver.url_for("/cyrillic.xml"))

    feed_poll(feed_id=latin_feed.pk)
    feed_poll(feed_id=cyrillic_feed.pk)

    assert FeedEntry.objects.get(feed=latin_feed).title == "Müller y Ødegaard: el Atlético pregunta"
    assert FeedEntry.objects.get(feed=cyrillic_feed).title == "Вагнер перешёл в Зенит"
    cyrillic_feed.refresh_from_db()
    assert cyrillic_feed.title == "Новости"
    assert "Вагнер подписал" in FeedEntry.objects.get(feed=cyrillic_feed).article.text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.binary(max_size=2048))
def test_any_bytes_served_as_a_feed_end_in_a_stored_result_never_an_exception(
    httpserver: HTTPServer, body: bytes
) -> None:
    httpserver.clear_all_handlers()
    httpserver.expect_request("/fuzz.xml").respond_with_data(body, content_type="application/rss+xml")
    feed, _ = Feed.objects.get_or_create(url=httpserver.url_for("/fuzz.xml"))

    summary = feed_poll(feed_id=feed.pk, force=True)

    feed.refresh_from_db()
    assert summary.outcome in ("polled", "error")
    assert feed.leased_until is None
    assert (summary.outcome == "error") == bool(feed.last_error)
