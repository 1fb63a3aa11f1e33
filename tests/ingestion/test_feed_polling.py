"""A feed on a local HTTP server is polled, its articles are fetched and stored once, and a second poll is
conditional (F1, F2, and the first acceptance criterion of issue 3)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from pytest_httpserver import HTTPServer

from rumours.models import Article, ArticleStatus, Feed, FeedEntry
from rumours.services import feed_add, feed_poll
from tests.support.news import item, page, rss, story

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.timeout(60)]

ETAG = '"v1"'
LAST_MODIFIED = "Mon, 06 Jan 2025 10:00:00 GMT"


def serve_feed_and_pages(httpserver: HTTPServer, count: int = 3) -> str:
    items = [item(f"g{n}", httpserver.url_for(f"/story/{n}"), f"Story {n}") for n in range(count)]
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss(*items),
        content_type="application/rss+xml",
        headers={"ETag": ETAG, "Last-Modified": LAST_MODIFIED},
    )
    for n in range(count):
        httpserver.expect_request(f"/story/{n}").respond_with_data(
            page(f"Story {n}", story(n)), content_type="text/html; charset=utf-8"
        )
    return httpserver.url_for("/feed.xml")


def feed_requests(httpserver: HTTPServer) -> list:
    return [request for request, _ in httpserver.log if request.path == "/feed.xml"]


def test_a_feed_is_polled_and_every_article_stored_once_and_extracted(httpserver: HTTPServer) -> None:
    feed, _ = feed_add(url=serve_feed_and_pages(httpserver))

    summary = feed_poll(feed_id=feed.pk)

    assert summary.new_entries == 3 and summary.new_articles == 3
    assert FeedEntry.objects.filter(feed=feed).count() == 3
    articles = Article.objects.order_by("url")
    assert [a.status for a in articles] == [ArticleStatus.EXTRACTED] * 3
    assert all("weighing up an approach" in a.text for a in articles)
    assert all(a.content_hash for a in articles)
    feed.refresh_from_db()
    assert (feed.etag, feed.last_modified, feed.consecutive_errors, feed.last_error) == (
        ETAG,
        LAST_MODIFIED,
        0,
        "",
    )
    assert feed.title == "Transfer news"
    assert feed.next_poll_at > timezone.now() and feed.leased_until is None


def test_the_second_poll_sends_both_validators_and_a_304_stores_nothing(httpserver: HTTPServer) -> None:
    feed, _ = feed_add(url=serve_feed_and_pages(httpserver))
    feed_poll(feed_id=feed.pk)
    httpserver.clear_all_handlers()
    httpserver.expect_request(
        "/feed.xml", headers={"If-None-Match": ETAG, "If-Modified-Since": LAST_MODIFIED}
    ).respond_with_data("", status=304)
    before = Feed.objects.get(pk=feed.pk).last_polled_at

    summary = feed_poll(feed_id=feed.pk, force=True)

    assert summary.outcome == "not-modified"
    second = feed_requests(httpserver)[-1]
    assert second.headers["If-None-Match"] == ETAG
    assert second.headers["If-Modified-Since"] == LAST_MODIFIED
    assert (Article.objects.count(), FeedEntry.objects.count()) == (3, 3)
    feed.refresh_from_db()
    assert feed.consecutive_errors == 0 and feed.last_polled_at > before
    assert feed.next_poll_at > timezone.now(), "a 304 moves the schedule on like a success"


def test_a_server_that_ignores_validators_still_creates_nothing_new(httpserver: HTTPServer) -> None:
    feed, _ = feed_add(url=serve_feed_and_pages(httpserver))
    feed_poll(feed_id=feed.pk)

    summary = feed_poll(feed_id=feed.pk, force=True)

    assert summary.outcome == "polled" and summary.new_entries == 0 and summary.new_articles == 0
    assert (Article.objects.count(), FeedEntry.objects.count()) == (3, 3)
    page_hits = [r for r, _ in httpserver.log if r.path.startswith("/story/")]
    assert len(page_hits) == 3, "known articles are not fetched again"


def test_validators_are_not_saved_when_the_parse_fails_and_the_next_poll_reads_it_all(
    httpserver: HTTPServer,
) -> None:
    feed = Feed.objects.create(url=httpserver.url_for("/feed.xml"), etag='"old"')
    good = rss(item("g1", httpserver.url_for("/story/1")))
    httpserver.expect_ordered_request("/feed.xml").respond_with_data(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Cut</title><item><title>Half',
        headers={"ETag": '"new"'},
        content_type="application/rss+xml",
    )
    httpserver.expect_ordered_request("/feed.xml").respond_with_data(
        good, headers={"ETag": '"new"'}, content_type="application/rss+xml"
    )
    httpserver.expect_request("/story/1").respond_with_data(page("One", story(1)), content_type="text/html")

    first = feed_poll(feed_id=feed.pk)
    feed.refresh_from_db()
    assert first.outcome == "error"
    assert feed.etag == '"old"', "the validators of a body we could not read are not kept"
    assert feed.consecutive_errors == 1 and "feed" in feed.last_error.lower()

    second = feed_poll(feed_id=feed.pk, force=True)
    feed.refresh_from_db()
    assert second.outcome == "polled" and second.new_articles == 1
    assert feed_requests(httpserver)[-1].headers["If-None-Match"] == '"old"'
    assert feed.etag == '"new"' and feed.consecutive_errors == 0 and feed.last_error == ""


def test_a_feed_that_is_not_due_is_left_alone_unless_forced(httpserver: HTTPServer) -> None:
    feed, _ = feed_add(url=serve_feed_and_pages(httpserver, count=1))
    Feed.objects.filter(pk=feed.pk).update(next_poll_at=timezone.now() + dt.timedelta(hours=1))

    assert feed_poll(feed_id=feed.pk).outcome == "not-due"
    assert feed_requests(httpserver) == []
    assert feed_poll(feed_id=feed.pk, force=True).outcome == "polled"


def test_a_leased_feed_is_not_polled_even_when_forced(httpserver: HTTPServer) -> None:
    feed, _ = feed_add(url=serve_feed_and_pages(httpserver, count=1))
    Feed.objects.filter(pk=feed.pk).update(leased_until=timezone.now() + dt.timedelta(minutes=1))

    assert feed_poll(feed_id=feed.pk, force=True).outcome == "busy"
    assert feed_requests(httpserver) == []


def test_a_deleted_feed_is_a_quiet_no_op() -> None:
    assert feed_poll(feed_id=987654).outcome == "gone"
