"""An article fetch that goes wrong ends in a readable reason: a slow server is retried, a huge body is cut at
the cap, redirects to private addresses are refused with the guard on, and control characters never reach
PostgreSQL (F5, F8, S1, S2, P4 at the Django level)."""

from __future__ import annotations

import datetime as dt
import ipaddress
import time
from collections.abc import Iterator

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from rumours.fetching.errors import BlockedAddress
from rumours.fetching.guard import ip_is_public
from rumours.models import Article, ArticleStatus, Feed, FeedEntry
from rumours.services import article_ingest_text, article_submit_url, feed_poll
from tests.support.news import page, rss, story

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.timeout(60)]

PUBLIC_TEST_IP = ipaddress.ip_address("127.0.0.2")


@pytest.fixture
def guard_on(settings) -> None:
    """The address guard as in production, except that 127.0.0.2 counts as the public internet."""
    settings.TOUCHLINE_FETCH_ALLOW_PRIVATE = False
    settings.TOUCHLINE_FETCH_IP_POLICY = lambda ip: ip == PUBLIC_TEST_IP or ip_is_public(ip)


@pytest.fixture
def public_server() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.2", port=0)
    server.start()
    yield server
    server.clear()
    server.stop()


def test_a_slow_server_times_out_and_the_retry_succeeds(threaded_server: HTTPServer, settings) -> None:
    settings.TOUCHLINE_FETCH_TIMEOUT = 1
    calls = []

    def slow_then_fast(request: Request) -> Response:
        calls.append(time.monotonic())
        if len(calls) == 1:
            time.sleep(2.5)
        return Response(page("Slow", story(11)), content_type="text/html")

    threaded_server.expect_request("/slow").respond_with_handler(slow_then_fast)

    article, _ = article_submit_url(url=threaded_server.url_for("/slow"))

    article.refresh_from_db()
    assert article.status == ArticleStatus.EXTRACTED and "midfielder number 11" in article.text
    assert article.attempts == 2 and len(calls) == 2


def test_a_server_that_stays_slow_fails_the_article_with_a_readable_reason(
    httpserver: HTTPServer, settings
) -> None:
    settings.TOUCHLINE_FETCH_TIMEOUT = 1
    httpserver.expect_request("/stuck").respond_with_handler(
        lambda request: (time.sleep(1.3), Response("late", content_type="text/html"))[1]
    )

    article, _ = article_submit_url(url=httpserver.url_for("/stuck"))

    article.refresh_from_db()
    assert article.status == ArticleStatus.FAILED
    assert (
        article.failure_reason.startswith("Gave up after 5 attempts")
        and "Timed out" in article.failure_reason
    )


def test_a_ten_megabyte_body_is_cut_at_the_cap_with_a_clear_reason(httpserver: HTTPServer, settings) -> None:
    settings.TOUCHLINE_FETCH_MAX_BYTES = 1024 * 1024
    chunk = b"<p>" + b"a" * 65_533

    def endless() -> Iterator[bytes]:
        for _ in range(160):  # 10 MiB, streamed with no Content-Length
            yield chunk

    httpserver.expect_request("/declared").respond_with_data(
        b"x" * (10 * 1024 * 1024), content_type="text/html"
    )
    httpserver.expect_request("/streamed").respond_with_response(
        Response(endless(), content_type="text/html")
    )

    declared, _ = article_submit_url(url=httpserver.url_for("/declared"))
    streamed, _ = article_submit_url(url=httpserver.url_for("/streamed"))

    declared.refresh_from_db()
    streamed.refresh_from_db()
    assert declared.status == streamed.status == ArticleStatus.FAILED
    assert "1048576-byte cap" in declared.failure_reason and "not downloaded" in declared.failure_reason
    assert "1048576-byte cap" in streamed.failure_reason and "aborted" in streamed.failure_reason


@pytest.mark.parametrize("target", ["http://127.0.0.1:{port}/secret", "http://10.0.0.1/admin"])
def test_a_redirect_to_a_private_address_is_refused_with_the_guard_on(
    guard_on, public_server: HTTPServer, httpserver: HTTPServer, target: str
) -> None:
    httpserver.expect_request("/secret").respond_with_data("internal")
    location = target.format(port=httpserver.port)
    public_server.expect_request("/story").respond_with_data("", status=302, headers={"Location": location})

    article, _ = article_submit_url(url=public_server.url_for("/story"))

    article.refresh_from_db()
    assert article.status == ArticleStatus.FAILED
    assert "non-public address" in article.failure_reason
    assert len(httpserver.log) == 0, "the private server was never reached"


def test_a_private_url_is_refused_before_anything_is_stored(guard_on, httpserver: HTTPServer) -> None:
    with pytest.raises(BlockedAddress, match="non-public address"):
        article_submit_url(url=httpserver.url_for("/x"))
    with pytest.raises(BlockedAddress, match="non-public address"):
        article_submit_url(url="http://169.254.169.254/latest/meta-data/")
    with pytest.raises(BlockedAddress, match="Only http and https"):
        article_submit_url(url="file:///etc/passwd")
    assert Article.objects.count() == 0 and len(httpserver.log) == 0


def test_a_permanent_error_fails_at_once_without_a_retry(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/missing").respond_with_data("no", status=404)

    article, _ = article_submit_url(url=httpserver.url_for("/missing"))

    article.refresh_from_db()
    assert (article.status, article.attempts, len(httpserver.log)) == (ArticleStatus.FAILED, 1, 1)
    assert article.failure_reason == "HTTP 404 NOT FOUND."


def test_a_page_with_no_article_text_fails_with_a_reason(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/empty").respond_with_data(
        "<html><body></body></html>", content_type="text/html"
    )

    article, _ = article_submit_url(url=httpserver.url_for("/empty"))

    article.refresh_from_db()
    assert article.status == ArticleStatus.FAILED and "text" in article.failure_reason.lower()


def test_nul_and_control_characters_are_stripped_before_saving(httpserver: HTTPServer) -> None:
    dirty = "Bid\x00 for\x0b the\x1f defender\ufffe lodged by the club on Monday, sources say.\n\n" + story(
        12
    )
    httpserver.expect_request("/dirty").respond_with_data(
        page("Dirty\x00 title", dirty).encode("utf-8", "surrogatepass"),
        content_type="text/html; charset=utf-8",
    )
    feed_body = rss(
        "<item><guid isPermaLink='false'>nul\x01</guid><title>Title\x0b with controls</title>"
        "<description>Feed-only text\x07 about a defender and a bid.</description></item>"
    )
    httpserver.expect_request("/feed.xml").respond_with_data(feed_body, content_type="application/rss+xml")
    feed = Feed.objects.create(url=httpserver.url_for("/feed.xml"))

    page_article, _ = article_submit_url(url=httpserver.url_for("/dirty"))
    text_article, _ = article_ingest_text(
        title="Pasted\x00", text="Text with a NUL\x00 in it.", canonical_url="text:n"
    )
    feed_poll(feed_id=feed.pk)

    for article in Article.objects.all():
        assert article.status == ArticleStatus.EXTRACTED, article.failure_reason
        for value in (article.title, article.text):
            assert not any(ch in value for ch in "\x00\x01\x07\x0b\x1f\ufffe"), repr(value)
    page_article.refresh_from_db()
    assert "Bid for the defender lodged" in page_article.text
    assert text_article.text == "Text with a NUL in it."
    assert FeedEntry.objects.get().title == "Title with controls"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.binary(max_size=4096))
def test_any_bytes_served_as_a_page_end_in_a_stored_state_never_an_exception(
    httpserver: HTTPServer, body: bytes
) -> None:
    httpserver.clear_all_handlers()
    httpserver.expect_request("/fuzz").respond_with_data(body, content_type="text/html")
    Article.objects.filter(canonical_url=httpserver.url_for("/fuzz")).delete()

    article, _ = article_submit_url(url=httpserver.url_for("/fuzz"))

    article.refresh_from_db()
    assert article.status in (ArticleStatus.FAILED, ArticleStatus.EXTRACTED, ArticleStatus.DUPLICATE)
    assert (article.status == ArticleStatus.FAILED) == bool(article.failure_reason)
    assert article.leased_until is None


def test_a_claimed_article_run_inline_returns_busy_and_is_left_for_the_sweeper(
    httpserver: HTTPServer,
) -> None:
    # Inline (the dev default) a task cannot wait for another's claim; it must not loop or use up retries.
    from rumours.tasks import fetch_article

    httpserver.expect_request("/claimed").respond_with_data("<p>never fetched</p>", content_type="text/html")
    with transaction.atomic():  # the submit's own enqueue runs on commit: hold the claim before that
        article, _ = article_submit_url(url=httpserver.url_for("/claimed"))
        Article.objects.filter(pk=article.pk).update(leased_until=timezone.now() + dt.timedelta(minutes=2))
    result = fetch_article.apply(args=(article.pk,))
    assert result.successful() and result.result.startswith("busy")
    article.refresh_from_db()
    assert article.status == ArticleStatus.NEW and article.leased_until > timezone.now()
    assert httpserver.log == []
