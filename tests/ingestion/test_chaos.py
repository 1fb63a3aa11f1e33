"""Faults mid-run lose nothing: a pool child SIGKILLed mid-fetch (C1), a whole worker SIGKILLed (C2), Redis
SIGKILLed and restarted on its append-only file (C3), and the broker down when a submission commits (C4).
Every article ends present exactly once and extracted."""

from __future__ import annotations

import datetime as dt
import logging
import os
import signal
import threading
import time

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from rumours.models import Article, ArticleStatus, Feed, FeedEntry
from rumours.services import article_submit_url, sweep_stuck
from rumours.tasks import fetch_feed
from tests.support.celery_worker import wait_for
from tests.support.news import item, page, rss, story

pytestmark = [
    pytest.mark.chaos,
    pytest.mark.services,
    pytest.mark.django_db(transaction=True),
    pytest.mark.timeout(90),
]


def extracted() -> int:
    return Article.objects.filter(status=ArticleStatus.EXTRACTED).count()


def test_a_pool_child_killed_mid_fetch_is_requeued_and_the_article_stored_once(
    start_worker, threaded_server: HTTPServer
) -> None:
    in_flight = threading.Event()

    def slow_once(request: Request) -> Response:
        if not in_flight.is_set():
            in_flight.set()
            time.sleep(3)
        return Response(page("Killed", story(80)), content_type="text/html")

    threaded_server.expect_request("/story").respond_with_handler(slow_once)
    worker = start_worker()

    article, _ = article_submit_url(url=threaded_server.url_for("/story"))
    assert in_flight.wait(15), "the worker never started the fetch"
    [child] = wait_for(
        lambda: worker.children_connected_to(threaded_server.port),
        timeout=5,
        what="the child doing the fetch",
    )
    os.kill(child.pid, signal.SIGKILL)

    wait_for(lambda: extracted() == 1, timeout=45, interval=0.5, what="the article after the kill")
    article.refresh_from_db()
    assert Article.objects.count() == 1 and article.attempts == 2
    assert "midfielder number 80" in article.text
    assert "WorkerLostError" in worker.log() or "exited prematurely" in worker.log()


@pytest.mark.timeout(240)
def test_redis_killed_and_restarted_mid_run_loses_nothing(
    start_worker, broker, threaded_server: HTTPServer
) -> None:
    count = 50
    items = [item(f"g{n}", threaded_server.url_for(f"/story/{n}")) for n in range(count)]
    threaded_server.expect_request("/feed.xml").respond_with_data(
        rss(*items), content_type="application/rss+xml"
    )
    for n in range(count):
        threaded_server.expect_request(f"/story/{n}").respond_with_handler(
            lambda request, n=n: (
                time.sleep(0.1),
                Response(page(f"S{n}", story(100 + n)), content_type="text/html"),
            )[1]
        )
    feed = Feed.objects.create(url=threaded_server.url_for("/feed.xml"))
    worker = start_worker()

    fetch_feed.delay(feed.pk)
    wait_for(lambda: extracted() >= 5, timeout=30, what="the run to get going")
    broker.kill()
    time.sleep(1)
    broker.start()
    restarted_at = time.monotonic()

    # The beat's sweep, as it runs in production: whatever the crash lost is enqueued again from the database.
    def settled() -> bool:
        if extracted() == count:
            return True
        sweep_stuck(older_than=dt.timedelta(seconds=5))
        return False

    # The regression guard (celery #9054, #10205, #10302): the worker resumes consuming by itself, soon.
    resumed_from = extracted()
    wait_for(
        lambda: extracted() > resumed_from or settled(),
        timeout=30,
        interval=1,
        what="the worker to resume consuming after the restart",
    )
    assert time.monotonic() - restarted_at < 30
    # Then everything arrives, exactly once; the bound is loose because a loaded 2-core machine is slow.
    wait_for(settled, timeout=150, interval=3, what=f"{count} extracted articles")
    assert Article.objects.count() == count and FeedEntry.objects.count() == count
    assert len(set(Article.objects.values_list("content_hash", flat=True))) == count
    assert worker.process.poll() is None, "the same worker carried on: no restart was needed"


def test_the_broker_down_at_commit_is_logged_and_the_sweeper_catches_up(
    start_worker, broker, threaded_server: HTTPServer, caplog
) -> None:
    threaded_server.expect_request("/late").respond_with_data(
        page("Late", story(90)), content_type="text/html"
    )
    client = Client()
    client.force_login(User.objects.create_superuser("carol", "carol@example.com", "x"))
    broker.kill()

    with caplog.at_level(logging.ERROR, logger="rumours.ingestion"):
        started = time.monotonic()
        response = client.post(
            reverse("admin:rumours_article_submit"), {"url": threaded_server.url_for("/late")}
        )
        elapsed = time.monotonic() - started

    assert response.status_code == 302 and elapsed < 10
    article = Article.objects.get()
    assert article.status == ArticleStatus.NEW
    assert any("Could not enqueue fetch_article" in r.getMessage() for r in caplog.records)

    broker.start()
    start_worker()
    assert sweep_stuck(older_than=dt.timedelta(0)) == {"fetch": 1, "extract": 0, "failed": 0}

    wait_for(lambda: extracted() == 1, timeout=30, what="the swept article")
    assert len(threaded_server.log) == 1


def test_a_worker_killed_outright_has_its_message_redelivered_to_a_new_worker(
    start_worker, threaded_server: HTTPServer
) -> None:
    in_flight = threading.Event()

    def slow_once(request: Request) -> Response:
        if not in_flight.is_set():
            in_flight.set()
            time.sleep(3)
        return Response(page("Orphan", story(81)), content_type="text/html")

    threaded_server.expect_request("/orphan").respond_with_handler(slow_once)
    first = start_worker("first")

    article, _ = article_submit_url(url=threaded_server.url_for("/orphan"))
    assert in_flight.wait(15), "the worker never started the fetch"
    os.killpg(first.pid, signal.SIGKILL)  # main process and pool: nothing is acknowledged or rejected
    first.process.wait(10)
    killed_at = time.monotonic()
    start_worker("second")

    # No sweeper here: Redis hands the unacknowledged message out again after the visibility timeout (10 s).
    wait_for(lambda: extracted() == 1, timeout=60, interval=0.5, what="the redelivered article")
    assert time.monotonic() - killed_at >= 10
    article.refresh_from_db()
    assert Article.objects.count() == 1 and article.attempts == 2
