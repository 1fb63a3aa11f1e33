"""manage.py ingest PATH_OR_URL... [--date YYYY-MM-DD] [--source NAME]

Files (.txt: first line is the title; .html), directories (every such file under them), article URLs and feed
URLs (a feed named here is polled now, whatever its schedule or backoff). Without a broker
(CELERY_TASK_ALWAYS_EAGER) everything runs inline and each item's final state is reported; with one, the work
is enqueued and the command returns. One line per problem, a progress bar on a terminal, a summary at the end.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from config.celery import app as celery_app
from rumours.fetching.errors import FetchError, ParseError
from rumours.fetching.feeds import parse_feed
from rumours.models import Article, ArticleStatus, Feed, Source
from rumours.services import article_submit_url, feed_add, feed_poll, ingest_file
from rumours.services.articles import is_web_url
from rumours.services.common import enqueue
from rumours.services.files import files_under
from rumours.services.network import http_get


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--date must be YYYY-MM-DD, got {value!r}") from None


class Command(BaseCommand):
    help = "Ingest files, directories, article URLs and feed URLs."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("targets", nargs="+", metavar="PATH_OR_URL")
        parser.add_argument("--date", type=parse_date, help="Publication date for items that have none.")
        parser.add_argument("--source", help="Name of the outlet (created if new).")

    def handle(self, *args, targets: list[str], date: dt.date | None, source: str | None, **options) -> None:
        self.inline = bool(celery_app.conf.task_always_eager)
        self.source = Source.objects.get_or_create(name=source.strip())[0] if source else None
        self.date = date
        self.counts: Counter[str] = Counter()
        self.bar = tqdm(disable=True)
        items: list[str | Path] = []
        for target in targets:
            if is_web_url(target.strip()):
                items.append(target.strip())
            elif not Path(target).exists():
                self.problem(target, "No such file or directory.")
            else:
                items.extend(files_under(Path(target)))
        self.bar = tqdm(items, unit="item", disable=not self.stdout.isatty(), dynamic_ncols=True)
        for item in self.bar:
            if isinstance(item, Path):
                self.ingest_file(item)
            else:
                self.ingest_url(item)
        self.bar.close()
        self.summary()

    def say(self, message: str, style=None) -> None:  # noqa: ANN001 - a style function
        message = style(message) if style else message
        if self.bar.disable:
            self.stdout.write(message)
        else:
            tqdm.write(message)

    def problem(self, item: str | Path, reason: str) -> None:
        self.counts["error"] += 1
        self.say(f"ERROR {item}: {reason}", self.style.ERROR)

    def ingest_file(self, path: Path) -> None:
        result = ingest_file(path=path, published=self.date, source=self.source)
        if result.error:
            self.problem(path, result.error)
        else:
            self.report(path, result.article, result.created)

    def ingest_url(self, url: str) -> None:
        feed = Feed.objects.filter(url=url).first() or self.feed_at(url)
        if feed is not None:
            self.poll(feed)
            return
        try:
            article, created = article_submit_url(url=url, source=self.source, published=self.date)
        except FetchError as exc:
            self.problem(url, exc.reason)
            return
        self.report(url, article, created)

    def feed_at(self, url: str) -> Feed | None:
        """Add the URL as a feed if it serves one. Anything else (a page, an error) is an article URL."""
        try:
            result = http_get(url)
            parse_feed(result.body, url=result.final_url, content_type=result.headers.get("content-type", ""))
        except (FetchError, ParseError):
            return None
        return feed_add(url=url, source=self.source)[0]

    def poll(self, feed: Feed) -> None:
        if not self.inline:
            enqueue("fetch_feed", [feed.pk], force=True)
            self.counts["queued"] += 1
            self.say(f"queued feed {feed.url}")
            return
        summary = feed_poll(feed_id=feed.pk, force=True)
        if summary.outcome == "error":
            self.problem(feed.url, summary.error)
            return
        if summary.outcome == "busy":
            self.problem(feed.url, "Another worker is polling this feed right now; try again shortly.")
            return
        self.counts["feeds"] += 1
        self.say(f"feed {feed.url}: {summary}")
        for article in Article.objects.filter(pk__in=summary.article_ids):
            self.report(article.url, article, True)

    def report(self, item: str | Path, article: Article | None, created: bool) -> None:
        if article is None:
            self.problem(item, "Nothing was stored.")
            return
        article.refresh_from_db()
        if not self.inline:
            self.counts["queued" if created else "known"] += 1
            return
        if article.status == ArticleStatus.FAILED:
            self.problem(item, article.failure_reason or "Failed.")
        elif article.status in (ArticleStatus.NEW, ArticleStatus.FETCHED):
            # Inline, the whole pipeline has run: a row still waiting means a step failed (logged above).
            self.problem(
                item, f"Stored, but stuck in '{article.status}' (see the log); the sweeper retries it."
            )
        elif article.status == ArticleStatus.DUPLICATE:
            self.counts["duplicate"] += 1
            self.say(f"duplicate {item}: same story as article {article.duplicate_of_id}")
        elif created:
            self.counts["new"] += 1
        else:
            self.counts["known"] += 1

    def summary(self) -> None:
        c = self.counts
        if self.inline:
            line = (
                f"Done: {c['new']} new, {c['known']} already stored, {c['duplicate']} duplicates, "
                f"{c['feeds']} feeds polled, {c['error']} errors."
            )
        else:
            line = f"Queued: {c['queued']} items for the workers, {c['known']} known, {c['error']} errors."
        self.stdout.write(self.style.ERROR(line) if c["error"] else self.style.SUCCESS(line))
        if c["error"] and not (c["new"] or c["known"] or c["duplicate"] or c["feeds"] or c["queued"]):
            raise CommandError("Nothing could be ingested.")
