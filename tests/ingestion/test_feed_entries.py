"""Feed entries: awkward GUIDs never break a poll, an edited entry updates its article in place, and a large
feed is stored in batches within the time budget (P6, P7, P9)."""

from __future__ import annotations

import logging
import time

import pytest
from pytest_httpserver import HTTPServer

from rumours.models import Article, ArticleStatus, Feed, FeedEntry
from rumours.services import feed_poll
from rumours.services.feeds import blank_guid_warning
from tests.support.news import page, rss, story

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.timeout(60)]


def raw_item(guid: str | None, link: str | None, title: str, description: str = "") -> str:
    parts = ["<item>"]
    if guid is not None:
        parts.append(f"<guid isPermaLink='false'>{guid}</guid>")
    if link is not None:
        parts.append(f"<link>{link}</link>")
    parts.append(f"<title>{title}</title>")
    if description:
        parts.append(f"<description>{description}</description>")
    parts.append("</item>")
    return "".join(parts)


def test_awkward_guids_never_raise_and_a_second_poll_creates_nothing(httpserver: HTTPServer) -> None:
    link = httpserver.url_for("/story/1")
    items = [
        raw_item("same", link, "First with the GUID"),
        raw_item("same", httpserver.url_for("/story/2"), "Second with the same GUID"),
        raw_item(None, None, "No GUID and no link", "Text that arrived only in the feed, about a transfer."),
        raw_item(None, httpserver.url_for("/story/3"), "A link but no GUID"),
        raw_item("", None, "A blank GUID", "Another story told only in the feed itself, at some length."),
        raw_item(None, None, ""),  # nothing at all: dropped
    ]
    httpserver.expect_request("/feed.xml").respond_with_data(rss(*items), content_type="application/rss+xml")
    for n in (1, 2, 3):
        httpserver.expect_request(f"/story/{n}").respond_with_data(
            page(f"S{n}", story(n)), content_type="text/html"
        )
    feed = Feed.objects.create(url=httpserver.url_for("/feed.xml"))

    first = feed_poll(feed_id=feed.pk)
    counts = (FeedEntry.objects.count(), Article.objects.count())
    second = feed_poll(feed_id=feed.pk, force=True)

    assert first.outcome == second.outcome == "polled"
    assert counts == (4, 4)
    assert (FeedEntry.objects.count(), Article.objects.count()) == counts
    assert second.new_entries == 0 and second.updated_entries == 0
    feed_only = Article.objects.filter(canonical_url__startswith=f"feed:{feed.pk}:")
    assert feed_only.count() == 2 and all(a.status == ArticleStatus.EXTRACTED for a in feed_only)


def test_a_feed_with_over_5_percent_blank_guids_warns_and_a_refetch_creates_nothing(
    httpserver: HTTPServer, caplog
) -> None:
    # 20 entries, 3 without a usable GUID (15 %): an empty one, a blank one and a missing one; one of them
    # has no link either and is keyed by title and date.
    items = [raw_item(f"id-{n}", httpserver.url_for(f"/story/{n}"), f"Story {n}") for n in range(17)]
    items += [
        raw_item("", httpserver.url_for("/story/17"), "Empty GUID"),
        raw_item("   ", httpserver.url_for("/story/18"), "Blank GUID"),
        raw_item(None, None, "No GUID, no link", "A story told only in the feed, about a striker's move."),
    ]
    httpserver.expect_request("/feed.xml").respond_with_data(rss(*items), content_type="application/rss+xml")
    for n in range(19):
        httpserver.expect_request(f"/story/{n}").respond_with_data(
            page(f"S{n}", story(n)), content_type="text/html"
        )
    feed = Feed.objects.create(url=httpserver.url_for("/feed.xml"))

    with caplog.at_level(logging.WARNING, logger="rumours.ingestion"):
        first = feed_poll(feed_id=feed.pk)
    counts = (FeedEntry.objects.count(), Article.objects.count())
    with caplog.at_level(logging.WARNING, logger="rumours.ingestion"):
        second = feed_poll(feed_id=feed.pk, force=True)

    warnings = [r.getMessage() for r in caplog.records if "have no GUID" in r.getMessage()]
    assert len(warnings) == 2, "each poll of the feed warns"
    assert all(r.levelno == logging.WARNING for r in caplog.records if "have no GUID" in r.getMessage())
    assert f"Feed {feed.pk}" in warnings[0] and "3 of 20 entries have no GUID (15%" in warnings[0]
    feed.refresh_from_db()
    assert "3 of 20 entries have no GUID" in feed.last_warning and feed.consecutive_errors == 0
    assert first.new_entries == 20 and counts == (20, 20)
    assert second.outcome == "polled" and second.new_entries == 0 and second.updated_entries == 0
    assert (FeedEntry.objects.count(), Article.objects.count()) == counts
    assert FeedEntry.objects.filter(link=httpserver.url_for("/story/17")).count() == 1


def test_blank_guids_up_to_5_percent_do_not_warn(httpserver: HTTPServer, caplog) -> None:
    items = [raw_item(f"id-{n}", httpserver.url_for(f"/story/{n}"), f"Story {n}") for n in range(19)]
    items.append(raw_item(None, httpserver.url_for("/story/19"), "The one without a GUID"))  # 1 of 20
    httpserver.expect_request("/feed.xml").respond_with_data(rss(*items), content_type="application/rss+xml")
    for n in range(20):
        httpserver.expect_request(f"/story/{n}").respond_with_data(
            page(f"S{n}", story(n)), content_type="text/html"
        )
    feed = Feed.objects.create(url=httpserver.url_for("/feed.xml"))

    with caplog.at_level(logging.WARNING, logger="rumours.ingestion"):
        summary = feed_poll(feed_id=feed.pk)

    assert summary.new_entries == 20
    assert not [r for r in caplog.records if "have no GUID" in r.getMessage()]
    feed.refresh_from_db()
    assert "GUID" not in feed.last_warning


def test_the_blank_guid_share_is_measured_against_the_limit() -> None:
    from rumours.fetching.feeds import FeedEntry as Parsed

    def entries(blank: int, total: int) -> list[Parsed]:
        return [Parsed(f"k{n}", "", "t", "", None, blank_guid=n < blank) for n in range(total)]

    assert blank_guid_warning([]) == ""
    assert blank_guid_warning(entries(5, 100)) == ""
    assert blank_guid_warning(entries(6, 100)).startswith("6 of 100 entries have no GUID (6%")
    assert blank_guid_warning(entries(1, 1)).startswith("1 of 1 entries")


def test_an_edited_entry_updates_its_article_in_place_and_extracts_it_again(httpserver: HTTPServer) -> None:
    link = httpserver.url_for("/story/9")
    snapshot_1 = rss(
        raw_item("g9", link, "Club weigh up bid"), raw_item("g10", None, "Brief", "Short item one.")
    )
    snapshot_2 = rss(
        raw_item("g9", link, "Club weigh up bids"), raw_item("g10", None, "Brief", "Short item two.")
    )
    httpserver.expect_ordered_request("/feed.xml").respond_with_data(
        snapshot_1, content_type="application/rss+xml"
    )
    httpserver.expect_ordered_request("/story/9").respond_with_data(
        page("S9", story(9)), content_type="text/html"
    )
    httpserver.expect_ordered_request("/feed.xml").respond_with_data(
        snapshot_2, content_type="application/rss+xml"
    )
    edited = story(9) + "\n\nUpdate: the bid has now been lodged."
    httpserver.expect_ordered_request("/story/9").respond_with_data(
        page("S9", edited), content_type="text/html"
    )
    feed = Feed.objects.create(url=httpserver.url_for("/feed.xml"))
    feed_poll(feed_id=feed.pk)
    before = {a.pk: (a.content_hash, a.extracted_at) for a in Article.objects.all()}

    summary = feed_poll(feed_id=feed.pk, force=True)

    assert summary.updated_entries == 2 and summary.new_entries == 0
    after = {a.pk: a for a in Article.objects.all()}
    assert after.keys() == before.keys(), "no new rows: the same articles were updated"
    for pk, article in after.items():
        assert article.status == ArticleStatus.EXTRACTED
        assert article.content_hash != before[pk][0]
        assert article.extracted_at > before[pk][1]
    assert "bid has now been lodged" in Article.objects.get(url=link).text
    assert FeedEntry.objects.get(feed=feed, link=link).title == "Club weigh up bids"


def test_a_feed_of_ten_thousand_items_is_stored_in_batches_within_budget(
    httpserver: HTTPServer, settings
) -> None:
    settings.TOUCHLINE_FETCH_MAX_BYTES = 20 * 1024 * 1024
    filler = "x" * 1000  # about 1.2 KB an item: some 12 MiB in all
    items = [
        raw_item(f"id-{n}", f"http://news.test/story/{n}", f"Story {n}", f"Summary {n} {filler}")
        for n in range(10_000)
    ]
    body = rss(*items)
    assert len(body) > 10 * 1024 * 1024
    httpserver.expect_request("/big.xml").respond_with_data(body, content_type="application/rss+xml")
    feed = Feed.objects.create(url=httpserver.url_for("/big.xml"))
    # Only the poll is measured: the articles' own fetches are the workers' business, not this task's.
    settings.CELERY_TASK_ALWAYS_EAGER = False
    from config.celery import app

    app.conf.task_always_eager = False
    app.conf.broker_url = "memory://"
    try:
        started = time.monotonic()
        summary = feed_poll(feed_id=feed.pk)
        elapsed = time.monotonic() - started
    finally:
        app.conf.task_always_eager = True
    assert summary.new_entries == 10_000 and summary.new_articles == 10_000
    assert FeedEntry.objects.filter(feed=feed).count() == 10_000
    assert Article.objects.filter(status=ArticleStatus.NEW).count() == 10_000
    assert elapsed < 30, f"one poll of 10,000 items took {elapsed:.1f} s"
