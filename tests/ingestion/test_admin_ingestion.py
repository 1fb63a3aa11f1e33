"""Curators drive ingestion from the admin: poll a feed now, see and clear its error state, re-fetch and
re-extract articles, and add an article by URL or pasted text through a CSRF-protected form."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from pytest_httpserver import HTTPServer

from rumours.models import Article, ArticleStatus, Feed
from tests.factories import ArticleFactory
from tests.support.news import item, page, rss, story

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.timeout(60)]

SUBMIT = "admin:rumours_article_submit"


@pytest.fixture
def curator_client() -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser("alice", "alice@example.com", "x"))
    return client


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


def test_poll_now_polls_a_feed_at_once_and_shows_the_result(
    curator_client: Client, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss(item("g1", httpserver.url_for("/s1"))), content_type="application/rss+xml"
    )
    httpserver.expect_request("/s1").respond_with_data(page("S1", story(41)), content_type="text/html")
    feed = Feed.objects.create(url=httpserver.url_for("/feed.xml"), enabled=False, disabled_reason="Paused")

    response = curator_client.post(
        reverse("admin:rumours_feed_changelist"),
        {"action": "poll_now", "_selected_action": [feed.pk]},
        follow=True,
    )

    assert any("1 new entries, 1 new articles" in m for m in messages_of(response))
    assert Article.objects.get().status == ArticleStatus.EXTRACTED


def test_a_paused_feed_shows_why_and_can_be_re_enabled(curator_client: Client) -> None:
    feed = Feed.objects.create(
        url="https://news.example/feed.xml",
        enabled=False,
        consecutive_errors=10,
        last_error="HTTP 500 Internal Server Error.",
        disabled_reason="Paused after 10 consecutive errors. Last: HTTP 500 Internal Server Error.",
    )
    changelist = curator_client.get(reverse("admin:rumours_feed_changelist"))
    assert "Paused after 10 consecutive errors" in changelist.content.decode()
    change = curator_client.get(reverse("admin:rumours_feed_change", args=[feed.pk]))
    assert "HTTP 500 Internal Server Error." in change.content.decode()

    curator_client.post(
        reverse("admin:rumours_feed_changelist"), {"action": "reenable_feeds", "_selected_action": [feed.pk]}
    )

    feed.refresh_from_db()
    assert feed.enabled and feed.consecutive_errors == 0 and feed.disabled_reason == ""


def test_articles_can_be_filtered_by_status_and_show_their_failure(curator_client: Client) -> None:
    ArticleFactory(title="Fine story", status=ArticleStatus.EXTRACTED)
    ArticleFactory(title="Broken story", status=ArticleStatus.FAILED, failure_reason="HTTP 404 NOT FOUND.")

    response = curator_client.get(reverse("admin:rumours_article_changelist"), {"status__exact": "failed"})

    html = response.content.decode()
    assert "Broken story" in html and "HTTP 404 NOT FOUND." in html and "Fine story" not in html
    assert reverse(SUBMIT) in html, "the changelist links to the add-by-URL form"


def test_re_fetch_fetches_the_page_again_and_re_extract_runs_extraction_again(
    curator_client: Client, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/s").respond_with_data(page("S", story(42)), content_type="text/html")
    article = ArticleFactory(
        url=httpserver.url_for("/s"), status=ArticleStatus.FAILED, failure_reason="Timeout"
    )
    changelist = reverse("admin:rumours_article_changelist")

    curator_client.post(changelist, {"action": "refetch_articles", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.status == ArticleStatus.EXTRACTED and "number 42" in article.text
    first_extraction = article.extracted_at

    curator_client.post(changelist, {"action": "reextract_articles", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.status == ArticleStatus.EXTRACTED and article.extracted_at > first_extraction
    assert len(httpserver.log) == 1, "re-extracting does not fetch"


def test_an_article_is_added_by_url(curator_client: Client, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/story").respond_with_data(page("Added", story(43)), content_type="text/html")

    response = curator_client.post(
        reverse(SUBMIT),
        {"url": httpserver.url_for("/story") + "?utm_source=x", "published": "2025-01-20"},
        follow=True,
    )

    article = Article.objects.get()
    assert article.status == ArticleStatus.EXTRACTED and article.canonical_url == httpserver.url_for("/story")
    assert article.published_at.date().isoformat() == "2025-01-20"
    assert response.redirect_chain[-1][0] == reverse("admin:rumours_article_change", args=[article.pk])
    assert any(f"Article {article.pk} stored" in m for m in messages_of(response))


def test_pasted_text_is_added_as_an_article(curator_client: Client) -> None:
    response = curator_client.post(
        reverse(SUBMIT), {"title": "", "text": "Print edition\n" + story(44)}, follow=True
    )

    article = Article.objects.get()
    assert article.title == "Print edition" and article.canonical_url.startswith("text:")
    assert article.status == ArticleStatus.EXTRACTED
    assert any("stored" in m for m in messages_of(response))


def test_a_private_address_is_refused_with_a_clear_message(curator_client: Client, settings) -> None:
    settings.TOUCHLINE_FETCH_ALLOW_PRIVATE = False

    response = curator_client.post(reverse(SUBMIT), {"url": "http://10.0.0.1/admin"})

    assert response.status_code == 200
    assert "Refused: 10.0.0.1 resolves to a non-public address" in response.content.decode()
    assert Article.objects.count() == 0


def test_an_empty_form_asks_for_a_url_or_text(curator_client: Client) -> None:
    response = curator_client.post(reverse(SUBMIT), {})
    assert "Give a URL to fetch, or paste" in response.content.decode()


def test_the_form_needs_a_csrf_token(curator_client: Client) -> None:
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = curator_client.cookies

    response = strict.post(reverse(SUBMIT), {"text": "Some text\n" + story(45)})

    assert response.status_code == 403 and Article.objects.count() == 0


def test_staff_without_permission_cannot_add_articles() -> None:
    client = Client()
    client.force_login(User.objects.create_user("bob", password="x", is_staff=True))
    assert client.get(reverse(SUBMIT)).status_code == 403
