"""A failing feed backs off exponentially with jitter, honours Retry-After, and is paused at the error limit
or at once on 410 Gone, with the reason shown (F3, F4)."""

from __future__ import annotations

import datetime as dt
import email.utils
import random

import pytest
from django.utils import timezone
from pytest_httpserver import HTTPServer

from rumours.models import Feed
from rumours.services import feed_enable, feed_poll
from tests.support.news import item, rss

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.timeout(60)]


def failing_feed(httpserver: HTTPServer, status: int = 500, headers: dict | None = None, **fields) -> Feed:
    httpserver.expect_request("/feed.xml").respond_with_data("oops", status=status, headers=headers or {})
    return Feed.objects.create(url=httpserver.url_for("/feed.xml"), **fields)


def delay(feed: Feed) -> float:
    feed.refresh_from_db()
    return (feed.next_poll_at - feed.last_polled_at).total_seconds()


def test_backoff_grows_about_twofold_per_error_within_jitter_and_pauses_at_the_limit(
    httpserver: HTTPServer, settings
) -> None:
    settings.TOUCHLINE_FEED_ERROR_LIMIT = 6
    feed = failing_feed(httpserver, poll_interval=600)
    rng = random.Random(1234)

    delays = []
    for errors in range(1, 6):
        feed_poll(feed_id=feed.pk, force=True, rng=rng)
        delays.append(delay(feed))
        assert feed.consecutive_errors == errors and feed.enabled
        assert 0.8 * 600 * 2 ** (errors - 1) <= delays[-1] <= 1.2 * 600 * 2 ** (errors - 1)
    assert delays == sorted(delays), delays
    assert "HTTP 500" in feed.last_error

    feed_poll(feed_id=feed.pk, force=True, rng=rng)
    feed.refresh_from_db()
    assert not feed.enabled and feed.next_poll_at is None
    assert (
        feed.disabled_reason.startswith("Paused after 6 consecutive errors")
        and "HTTP 500" in feed.disabled_reason
    )
    assert Feed.objects.due(timezone.now() + dt.timedelta(days=30)).count() == 0


def test_the_same_seed_gives_the_same_schedule(httpserver: HTTPServer) -> None:
    a = failing_feed(httpserver)
    b = Feed.objects.create(url=httpserver.url_for("/feed.xml") + "?copy")
    feed_poll(feed_id=a.pk, force=True, rng=random.Random(7))
    feed_poll(feed_id=b.pk, force=True, rng=random.Random(7))
    assert delay(a) == delay(b)


def test_a_success_resets_the_error_count(httpserver: HTTPServer) -> None:
    feed = Feed.objects.create(
        url=httpserver.url_for("/feed.xml"), consecutive_errors=4, last_error="HTTP 503"
    )
    httpserver.expect_request("/feed.xml").respond_with_data(rss(), content_type="application/rss+xml")

    assert feed_poll(feed_id=feed.pk, force=True).outcome == "polled"

    feed.refresh_from_db()
    assert (feed.consecutive_errors, feed.last_error) == (0, "")
    assert 0.9 * feed.poll_interval <= delay(feed) <= 1.1 * feed.poll_interval


def test_retry_after_in_seconds_is_honoured_with_a_single_request(httpserver: HTTPServer) -> None:
    feed = failing_feed(httpserver, status=429, headers={"Retry-After": "120"}, poll_interval=60)

    feed_poll(feed_id=feed.pk, rng=random.Random(1))

    assert delay(feed) >= 120
    assert len(httpserver.log) == 1, "no retry storm"
    assert "429" in feed.last_error


def test_retry_after_as_an_http_date_is_honoured(httpserver: HTTPServer) -> None:
    later = email.utils.format_datetime(timezone.now() + dt.timedelta(hours=1), usegmt=True)
    feed = failing_feed(httpserver, status=503, headers={"Retry-After": later}, poll_interval=60)

    feed_poll(feed_id=feed.pk)

    feed.refresh_from_db()
    assert feed.next_poll_at >= timezone.now() + dt.timedelta(minutes=58)


def test_410_gone_pauses_the_feed_at_once_with_a_clear_reason(httpserver: HTTPServer) -> None:
    feed = failing_feed(httpserver, status=410)

    feed_poll(feed_id=feed.pk)

    feed.refresh_from_db()
    assert not feed.enabled and feed.consecutive_errors == 1
    assert "410" in feed.disabled_reason and "gone" in feed.disabled_reason.lower()
    assert feed_poll(feed_id=feed.pk).outcome == "not-due", "a paused feed is not polled on schedule"


def test_a_paused_feed_can_be_re_enabled(httpserver: HTTPServer) -> None:
    feed = failing_feed(httpserver, status=410)
    feed_poll(feed_id=feed.pk)
    httpserver.clear_all_handlers()
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss(item("g1", httpserver.url_for("/a"))), content_type="application/rss+xml"
    )
    httpserver.expect_request("/a").respond_with_data("<p>x</p>", status=404)

    feed_enable(feed_id=feed.pk)

    feed.refresh_from_db()
    assert feed.enabled and feed.disabled_reason == "" and feed.consecutive_errors == 0
    assert feed_poll(feed_id=feed.pk).outcome == "polled"
