"""Enqueueing follows the transaction (C5), and concurrent writers of the same story end with one row and no
unhandled IntegrityError (C8, and C7 without workers)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest
from django.db import connection, transaction
from pytest_httpserver import HTTPServer
from werkzeug import Response

from rumours.models import Article, ArticleStatus, Feed, FeedEntry
from rumours.services import article_ingest_text, article_submit_url, feed_poll
from tests.support.news import item, rss, story

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.timeout(60)]

QUEUE = "touchline"


def queued(broker) -> int:
    return broker.client().llen(QUEUE)


class Boom(Exception):
    pass


@pytest.mark.services
def test_nothing_is_sent_when_the_transaction_rolls_back(broker) -> None:
    with pytest.raises(Boom), transaction.atomic():
        article_submit_url(url="https://news.example/rolled-back")
        raise Boom

    assert Article.objects.count() == 0 and queued(broker) == 0


@pytest.mark.services
def test_a_rolled_back_savepoint_sends_nothing_and_the_committed_part_is_sent(broker) -> None:
    with transaction.atomic():
        article_submit_url(url="https://news.example/kept")
        try:
            with transaction.atomic():
                article_submit_url(url="https://news.example/dropped")
                raise Boom
        except Boom:
            pass
        assert queued(broker) == 0, "nothing is sent before the commit"

    assert list(Article.objects.values_list("canonical_url", flat=True)) == ["https://news.example/kept"]
    assert queued(broker) == 1


def race(threads: int, work: Callable[[], object]) -> list[object]:
    """Run `work` in `threads` threads released at the same instant, each with its own connection."""
    barrier = threading.Barrier(threads)
    results: list[object] = []

    def run() -> None:
        try:
            barrier.wait()
            results.append(work())
        except Exception as exc:  # noqa: BLE001 - collected and asserted on below
            results.append(exc)
        finally:
            connection.close()

    pool = [threading.Thread(target=run) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join(30)
    return results


@pytest.mark.services
def test_sixteen_threads_submitting_one_url_make_one_article_and_one_message(broker, postgresql_db) -> None:
    results = race(16, lambda: article_submit_url(url="https://news.example/race?utm_source=x"))

    assert not [r for r in results if isinstance(r, Exception)], results
    assert sum(created for _, created in results) == 1
    assert Article.objects.count() == 1 and queued(broker) == 1


@pytest.mark.services
def test_sixteen_threads_storing_the_same_text_make_one_article(broker, postgresql_db) -> None:
    counter = iter(range(16))
    lock = threading.Lock()

    def ingest() -> tuple[Article, bool]:
        with lock:
            n = next(counter)
        return article_ingest_text(title=f"Copy {n}", text=story(70), canonical_url=f"text:copy-{n}")

    results = race(16, ingest)

    assert not [r for r in results if isinstance(r, Exception)], results
    assert Article.objects.count() == 16
    assert Article.objects.exclude(status=ArticleStatus.DUPLICATE).count() == 1
    original = Article.objects.exclude(status=ArticleStatus.DUPLICATE).get()
    assert set(
        Article.objects.filter(status=ArticleStatus.DUPLICATE).values_list("duplicate_of", flat=True)
    ) == {original.pk}


@pytest.mark.services
def test_sixteen_threads_storing_one_file_make_one_article(broker, postgresql_db) -> None:
    results = race(16, lambda: article_ingest_text(title="Same", text=story(71), canonical_url="file:same"))

    assert not [r for r in results if isinstance(r, Exception)], results
    assert Article.objects.count() == 1 and sum(created for _, created in results) == 1


@pytest.mark.services
def test_eight_concurrent_polls_of_one_feed_make_one_request(
    broker, httpserver: HTTPServer, postgresql_db
) -> None:
    def slow_feed(request) -> Response:
        time.sleep(0.5)
        return Response(rss(*[item(f"g{n}", f"https://news.example/{n}") for n in range(5)]))

    httpserver.expect_request("/feed.xml").respond_with_handler(slow_feed)
    feed = Feed.objects.create(url=httpserver.url_for("/feed.xml"))

    results = race(8, lambda: feed_poll(feed_id=feed.pk, force=True).outcome)

    assert sorted(results) == ["busy"] * 7 + ["polled"]
    assert len(httpserver.log) == 1
    assert (FeedEntry.objects.count(), Article.objects.count(), queued(broker)) == (5, 5, 5)
