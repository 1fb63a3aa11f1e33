"""The same story is stored once: tracking parameters and fragments, a canonical link, and the same text under
another URL all lead to one article; the other copies are recorded as duplicates (P8)."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer

from rumours.models import Article, ArticleStatus, Feed, FeedEntry
from rumours.services import article_fetch, article_ingest_text, article_submit_url, feed_poll
from tests.support.news import item, page, rss, story

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.timeout(60)]


def serve_page(httpserver: HTTPServer, path: str, n: int, canonical: str = "") -> str:
    httpserver.expect_request(path).respond_with_data(
        page(f"Story {n}", story(n), canonical=canonical), content_type="text/html; charset=utf-8"
    )
    return httpserver.url_for(path)


def stored() -> list[Article]:
    return list(Article.objects.exclude(status=ArticleStatus.DUPLICATE))


def test_tracking_parameters_a_fragment_and_a_trailing_slash_lead_to_one_article(
    httpserver: HTTPServer,
) -> None:
    url = serve_page(httpserver, "/news/story-1", 1)
    host = url.split("/news")[0]

    first, created = article_submit_url(url=url)
    again, created_again = article_submit_url(
        url=f"{host}/news/story-1/?utm_source=twitter&fbclid=x#comments"
    )

    assert created and not created_again and again.pk == first.pk
    assert Article.objects.count() == 1
    first.refresh_from_db()
    assert first.status == ArticleStatus.EXTRACTED


def test_a_second_url_whose_canonical_link_names_a_known_article_is_a_duplicate(
    httpserver: HTTPServer,
) -> None:
    original_url = serve_page(httpserver, "/news/story-2", 2)
    article_submit_url(url=original_url)
    amp_url = serve_page(httpserver, "/amp/story-2", 2, canonical=original_url + "?utm_medium=amp")

    copy, created = article_submit_url(url=amp_url)

    copy.refresh_from_db()
    original = Article.objects.get(canonical_url=original_url)
    assert created and copy.status == ArticleStatus.DUPLICATE and copy.duplicate_of == original
    assert copy.text == "" and copy.content_hash is None, "the second copy keeps no text"
    assert stored() == [original]


def test_a_canonical_link_is_adopted_so_a_later_link_to_it_is_known(httpserver: HTTPServer) -> None:
    canonical = httpserver.url_for("/news/story-3")
    amp_url = serve_page(httpserver, "/amp/story-3", 3, canonical=canonical)

    article, _ = article_submit_url(url=amp_url)
    article.refresh_from_db()
    assert article.canonical_url == canonical and article.url == amp_url

    again, created = article_submit_url(url=canonical + "#top")
    assert not created and again.pk == article.pk


def test_the_same_text_under_another_url_is_recorded_as_a_duplicate(httpserver: HTTPServer) -> None:
    one = serve_page(httpserver, "/outlet-a/story", 4)
    two = serve_page(httpserver, "/outlet-b/copied", 4)
    first, _ = article_submit_url(url=one)

    second, created = article_submit_url(url=two)

    second.refresh_from_db()
    assert created and second.status == ArticleStatus.DUPLICATE and second.duplicate_of_id == first.pk
    assert len(stored()) == 1


def test_pasted_text_that_matches_a_fetched_article_is_a_duplicate(httpserver: HTTPServer) -> None:
    first, _ = article_submit_url(url=serve_page(httpserver, "/story-5", 5))

    pasted, created = article_ingest_text(
        title="Pasted", text="  " + story(5).replace("\n\n", "\n") + "\x00 ", canonical_url="text:pasted"
    )

    assert created and pasted.status == ArticleStatus.DUPLICATE and pasted.duplicate_of_id == first.pk


def test_the_same_story_in_two_feeds_is_one_article_with_two_entries(httpserver: HTTPServer) -> None:
    base = httpserver.url_for("/")[:-1]
    serve_page(httpserver, "/news/story-6", 6)
    serve_page(httpserver, "/amp/story-6", 6, canonical=f"{base}/news/story-6")
    upper_host = base.replace("http://127.0.0.1", "HTTP://127.0.0.1")
    feed_a_items = [item("a-6", f"{upper_host}/news/story-6/?utm_source=rss#frag")]
    feed_b_items = [item("b-6", f"{base}/amp/story-6")]
    httpserver.expect_request("/a.xml").respond_with_data(
        rss(*feed_a_items), content_type="application/rss+xml"
    )
    httpserver.expect_request("/b.xml").respond_with_data(
        rss(*feed_b_items), content_type="application/rss+xml"
    )
    feed_a = Feed.objects.create(url=httpserver.url_for("/a.xml"))
    feed_b = Feed.objects.create(url=httpserver.url_for("/b.xml"))

    feed_poll(feed_id=feed_a.pk)
    feed_poll(feed_id=feed_b.pk)

    [article] = stored()
    assert article.canonical_url == f"{base}/news/story-6"
    entries = FeedEntry.objects.order_by("feed__url")
    assert [e.feed for e in entries] == [feed_a, feed_b]
    assert {e.article_id for e in entries} == {article.pk}


def test_fetching_an_article_twice_changes_nothing(httpserver: HTTPServer) -> None:
    article, _ = article_submit_url(url=serve_page(httpserver, "/story-7", 7))

    assert article_fetch(article_id=article.pk).endswith("already extracted")
    assert len(httpserver.log) == 1
