"""The pipeline through real Celery workers (prefork subprocesses) on Redis and PostgreSQL: a feed is polled,
its articles fetched and extracted once; two workers polling one feed at once hit the server once (C7); the
soft time limit is handled (C9); a deleted row is a quiet no-op."""

from __future__ import annotations

import threading
import time

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from rumours.models import Article, ArticleStatus, Feed, FeedEntry
from rumours.tasks import fetch_article, fetch_feed, poll_feeds
from tests.support.celery_worker import wait_for
from tests.support.news import item, page, rss, story

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.services, pytest.mark.timeout(60)]

ETAG = '"feed-v1"'


def serve_feed(server: HTTPServer, count: int, first: int = 0, delay: float = 0.0) -> str:
    items = [item(f"g{n}", server.url_for(f"/story/{n}")) for n in range(first, first + count)]

    def feed(request: Request) -> Response:
        time.sleep(delay)
        if request.headers.get("If-None-Match") == ETAG:
            return Response(status=304)
        return Response(rss(*items), content_type="application/rss+xml", headers={"ETag": ETAG})

    server.expect_request("/feed.xml").respond_with_handler(feed)
    for n in range(first, first + count):
        server.expect_request(f"/story/{n}").respond_with_data(
            page(f"S{n}", story(n)), content_type="text/html"
        )
    return server.url_for("/feed.xml")


def hits(server: HTTPServer, path: str) -> int:
    return sum(1 for request, _ in server.log if request.path == path)


def all_extracted(count: int) -> bool:
    return Article.objects.filter(status=ArticleStatus.EXTRACTED).count() == count


def test_a_feed_is_polled_by_workers_and_every_article_is_stored_once_and_extracted(
    start_worker, threaded_server: HTTPServer
) -> None:
    feed = Feed.objects.create(url=serve_feed(threaded_server, 6))
    start_worker()

    poll_feeds.delay()

    wait_for(lambda: all_extracted(6), timeout=30, what="6 extracted articles")
    assert Article.objects.count() == 6 and FeedEntry.objects.count() == 6
    assert all(hits(threaded_server, f"/story/{n}") == 1 for n in range(6))

    fetch_feed.delay(feed.pk, True)
    wait_for(lambda: hits(threaded_server, "/feed.xml") == 2, timeout=15, what="the second poll")
    wait_for(lambda: Feed.objects.get(pk=feed.pk).leased_until is None, timeout=10, what="the lease")
    second = [r for r, _ in threaded_server.log if r.path == "/feed.xml"][-1]
    assert second.headers["If-None-Match"] == ETAG
    assert Article.objects.count() == 6 and FeedEntry.objects.count() == 6


def test_two_workers_polling_the_same_feed_at_once_hit_the_server_once(
    start_worker, threaded_server: HTTPServer
) -> None:
    feed = Feed.objects.create(url=serve_feed(threaded_server, 4, delay=1.0))
    start_worker("w1")
    start_worker("w2")

    # Four deliveries of the same poll, as a duplicate delivery and a manual "poll now" would make.
    for _ in range(4):
        fetch_feed.delay(feed.pk, True)

    wait_for(lambda: all_extracted(4), timeout=30, what="4 extracted articles")
    time.sleep(2)  # let any straggling duplicate finish
    assert hits(threaded_server, "/feed.xml") == 1
    assert Article.objects.count() == 4 and FeedEntry.objects.count() == 4
    assert all(hits(threaded_server, f"/story/{n}") == 1 for n in range(4))


def test_the_soft_time_limit_marks_the_feed_and_the_next_task_on_that_process_works(
    start_worker, threaded_server: HTTPServer
) -> None:
    gate = threading.Event()
    threaded_server.expect_request("/slow.xml").respond_with_handler(
        lambda request: (gate.wait(8), Response(rss(), content_type="application/rss+xml"))[1]
    )
    feed = Feed.objects.create(url=threaded_server.url_for("/slow.xml"))
    threaded_server.expect_request("/after").respond_with_data(
        page("After", story(60)), content_type="text/html"
    )
    article = Article.objects.create(url=threaded_server.url_for("/after"), canonical_url="after")
    worker = start_worker(concurrency=1, TOUCHLINE_FETCH_TIMEOUT="10")
    [child] = worker.pool_children()

    # The limits travel in the message (the publisher's settings), so the test sets them on the call.
    fetch_feed.apply_async((feed.pk, True), soft_time_limit=2, time_limit=5)
    wait_for(lambda: Feed.objects.get(pk=feed.pk).consecutive_errors == 1, timeout=15, what="the feed error")
    gate.set()
    fetch_article.delay(article.pk)

    wait_for(lambda: all_extracted(1), timeout=20, what="the next article")
    feed.refresh_from_db()
    assert "time limit" in feed.last_error and feed.leased_until is None and feed.enabled
    assert child.is_running(), "the soft limit was handled: the pool child was not replaced"


def test_tasks_for_deleted_rows_are_a_quiet_no_op(start_worker) -> None:
    worker = start_worker()

    fetch_article.delay(987_654)
    fetch_feed.delay(987_655)

    wait_for(lambda: "article 987654: gone" in worker.log(), timeout=15, what="the article task")
    wait_for(lambda: "feed 987655: gone" in worker.log(), timeout=15, what="the feed task")
    assert "ERROR" not in worker.log()
