"""`manage.py ingest` takes files, directories, article URLs and feed URLs; `add_feed` and `poll_feeds` manage
feeds. Inline without a broker, with a clear line per problem and a summary."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from pytest_httpserver import HTTPServer

from rumours.models import Article, ArticleStatus, Feed, Source
from rumours.services import ingest_path
from tests.support.news import item, page, rss, story

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.timeout(60)]


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=out)
    return out.getvalue()


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    (tmp_path / "nested").mkdir()
    (tmp_path / "transfer_one.txt").write_text("First title\n\n" + story(21) + "\n")
    (tmp_path / "nested" / "transfer_two.html").write_text(page("Second title", story(22)))
    (tmp_path / "notes.md").write_text("not an article")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nnot ingested")
    return tmp_path


def test_a_directory_is_ingested_with_titles_dates_and_a_source(articles_dir: Path) -> None:
    output = run("ingest", str(articles_dir), "--date", "2025-01-15", "--source", "Local Gazette")

    assert "Done: 2 new, 0 already stored, 0 duplicates, 0 feeds polled, 0 errors." in output
    one = Article.objects.get(canonical_url="file:transfer_one")
    two = Article.objects.get(canonical_url="file:transfer_two")
    assert one.title == "First title" and one.text.startswith("Story 21:")
    assert two.title == "Second title" and "midfielder number 22" in two.text
    assert one.published_at == dt.datetime(2025, 1, 15, tzinfo=dt.UTC)
    assert one.source == two.source == Source.objects.get(name="Local Gazette")
    assert {one.status, two.status} == {ArticleStatus.EXTRACTED}


def test_ingesting_the_same_files_again_changes_nothing(articles_dir: Path) -> None:
    run("ingest", str(articles_dir))
    before = list(Article.objects.values_list("pk", "content_hash", "extracted_at"))

    output = run("ingest", str(articles_dir))

    assert "0 new, 2 already stored" in output
    assert list(Article.objects.values_list("pk", "content_hash", "extracted_at")) == before


def test_an_edited_file_updates_its_article_in_place(articles_dir: Path) -> None:
    run("ingest", str(articles_dir / "transfer_one.txt"))
    (articles_dir / "transfer_one.txt").write_text("First title\n\n" + story(23))

    run("ingest", str(articles_dir / "transfer_one.txt"))

    [article] = Article.objects.all()
    assert "number 23" in article.text and article.status == ArticleStatus.EXTRACTED


def test_a_file_with_the_same_text_as_another_is_a_duplicate(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title A\n" + story(24))
    (tmp_path / "b.txt").write_text("Title B\n" + story(24).upper())

    results = list(ingest_path(path=tmp_path))

    assert [r.error for r in results] == ["", ""]
    b = Article.objects.get(canonical_url="file:b")
    assert b.status == ArticleStatus.DUPLICATE and b.duplicate_of.canonical_url == "file:a"


def test_bad_items_get_a_clear_error_each_and_the_rest_goes_on(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (tmp_path / "good.txt").write_text("Good\n" + story(25))
    httpserver.expect_request("/missing").respond_with_data("no", status=404)

    output = run(
        "ingest", str(tmp_path), "/no/such/path.txt", httpserver.url_for("/missing"), "ftp://example.com/x"
    )

    assert "ERROR /no/such/path.txt: No such file or directory." in output
    assert f"ERROR {tmp_path / 'empty.txt'}:" in output and "empty" in output
    assert f"ERROR {tmp_path / 'binary.txt'}: The document is binary, not text." in output
    assert f"ERROR {httpserver.url_for('/missing')}: HTTP 404 NOT FOUND." in output
    assert "ftp://example.com/x" not in Article.objects.values_list("url", flat=True)
    assert "Done: 1 new" in output and "5 errors" in output


def test_nothing_ingestable_is_a_command_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="Nothing could be ingested"):
        run("ingest", str(tmp_path / "nope.txt"))


def test_a_feed_named_on_the_command_line_is_polled_now_whatever_its_schedule(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss(item("g1", httpserver.url_for("/s1")), item("g2", httpserver.url_for("/s2"))),
        content_type="application/rss+xml",
    )
    for n in (1, 2):
        httpserver.expect_request(f"/s{n}").respond_with_data(
            page(f"S{n}", story(30 + n)), content_type="text/html"
        )
    url = httpserver.url_for("/feed.xml")
    Feed.objects.create(url=url, consecutive_errors=3, next_poll_at=timezone.now() + dt.timedelta(days=1))

    output = run("ingest", url)

    assert "2 new entries, 2 new articles" in output and "Done: 2 new" in output
    assert Article.objects.filter(status=ArticleStatus.EXTRACTED).count() == 2
    assert Feed.objects.get(url=url).consecutive_errors == 0


def test_an_unknown_url_that_serves_a_feed_becomes_a_feed(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/new-feed").respond_with_data(
        rss(item("g1", httpserver.url_for("/s1"))), content_type="application/rss+xml"
    )
    httpserver.expect_request("/s1").respond_with_data(page("S1", story(33)), content_type="text/html")
    httpserver.expect_request("/article").respond_with_data(page("A", story(34)), content_type="text/html")

    output = run(
        "ingest", httpserver.url_for("/new-feed"), httpserver.url_for("/article"), "--source", "Wire"
    )

    feed = Feed.objects.get()
    assert feed.url == httpserver.url_for("/new-feed") and feed.source.name == "Wire"
    assert Article.objects.filter(status=ArticleStatus.EXTRACTED).count() == 2
    assert "Done: 2 new" in output


def test_add_feed_and_poll_feeds(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(rss(), content_type="application/rss+xml")
    url = httpserver.url_for("/feed.xml")

    assert "Added feed" in run("add_feed", url, "--source", "BBC Sport", "--interval", "600")
    assert "Already tracking" in run("add_feed", url)
    feed = Feed.objects.get()
    assert (feed.source.name, feed.poll_interval) == ("BBC Sport", 600)

    assert "Polled 1 feeds, 0 with errors." in run("poll_feeds")
    assert "Polled 0 feeds" in run("poll_feeds"), "not due again yet"
    with pytest.raises(CommandError, match="Only http and https"):
        run("add_feed", "file:///etc/passwd")


@pytest.mark.services
def test_with_a_broker_the_command_enqueues_and_returns(
    broker, tmp_path: Path, httpserver: HTTPServer
) -> None:
    (tmp_path / "queued.txt").write_text("Queued\n" + story(35))
    httpserver.expect_request("/article").respond_with_data(page("A", story(36)), content_type="text/html")

    output = run("ingest", str(tmp_path / "queued.txt"), httpserver.url_for("/article"))

    assert "Queued: 2 items for the workers, 0 known, 0 errors." in output
    assert broker.client().llen("touchline") == 2, "one extract_article and one fetch_article"
    assert sorted(Article.objects.values_list("status", flat=True)) == [
        ArticleStatus.FETCHED,
        ArticleStatus.NEW,
    ]
