"""Feeds: adding one, and polling it (conditional GET, entries to articles, backoff, pausing).

A poll holds the feed's lease (`leased_until`), taken with a conditional UPDATE, so two workers never poll the
same feed at once (a duplicate delivery, a manual "poll now" during a scheduled poll). The validators (ETag,
Last-Modified) are saved only when the body parsed: otherwise the next poll would get a 304 for a feed we
never read. Entries become FeedEntry rows (unique per feed and GUID) and Article rows (unique canonical URL),
inserted in batches that conflict-skip, so re-polling creates nothing and a race between feeds cannot fail.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import random
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from rumours.fetching import feeds as feed_parser
from rumours.fetching.errors import FetchError, HTTPStatusError, ParseError
from rumours.fetching.http import backoff_delay
from rumours.fetching.urls import canonicalize_url, validate_fetch_url
from rumours.models import Article, ArticleStatus, Feed, FeedEntry, Source
from rumours.services.articles import article_ingest_text, article_refetch
from rumours.services.common import IngestError, enqueue, lease_duration, one_line

logger = logging.getLogger("rumours.ingestion")

BATCH_SIZE = 500
# FreshRSS's threshold: past it, a feed's GUIDs are not to be trusted and the feed is keyed another way.
BLANK_GUID_LIMIT = 0.05
BACKOFF_CAP = 24 * 3600  # a failing feed is still tried once a day until it is paused
_rng = random.Random()


@dataclass
class PollSummary:
    feed_id: int
    outcome: str  # polled, not-modified, error, busy, not-due, gone
    new_entries: int = 0
    new_articles: int = 0
    updated_entries: int = 0
    error: str = ""
    article_ids: list[int] = field(default_factory=list)

    def __str__(self) -> str:
        if self.outcome == "polled":
            return (
                f"feed {self.feed_id}: {self.new_entries} new entries, {self.new_articles} new articles, "
                f"{self.updated_entries} edited"
            )
        return f"feed {self.feed_id}: {self.outcome}{': ' + self.error if self.error else ''}"


def feed_add(*, url: str, source: Source | None = None) -> tuple[Feed, bool]:
    """Track a feed URL. Returns (feed, created); refuses anything but an absolute http(s) URL."""
    url = validate_fetch_url(url)
    feed, created = Feed.objects.get_or_create(url=url, defaults={"source": source})
    if not created and source is not None and feed.source_id is None:
        Feed.objects.filter(pk=feed.pk).update(source=source)
        feed.source = source
    return feed, created


def feed_poll(*, feed_id: int, force: bool = False, rng: random.Random | None = None) -> PollSummary:
    """Poll one feed if it is due (or `force`: now, whatever its schedule, backoff or paused state).

    Never raises for a network or parse problem: the error is stored on the feed, counted, and the next poll
    is pushed back. Returns what happened.
    """
    rng = rng or _rng
    now = timezone.now()
    free = Q(leased_until__isnull=True) | Q(leased_until__lte=now)
    candidates = Feed.objects.filter(free, pk=feed_id)
    if not force:
        candidates = candidates.due(now)
    if not candidates.update(leased_until=now + lease_duration()):
        feed = Feed.objects.filter(pk=feed_id).first()
        if feed is None:
            return PollSummary(feed_id, "gone")
        busy = feed.leased_until is not None and feed.leased_until > now
        return PollSummary(feed_id, "busy" if busy else "not-due")
    feed = Feed.objects.get(pk=feed_id)
    try:
        return _poll(feed, rng)
    except BaseException:
        # A bug, a database error, the soft time limit: never keep a lease we are not using.
        Feed.objects.filter(pk=feed_id).update(leased_until=None)
        raise


def _poll(feed: Feed, rng: random.Random) -> PollSummary:
    from rumours.services import network

    try:
        result = network.http_get(feed.url, etag=feed.etag, last_modified=feed.last_modified)
    except FetchError as exc:
        retry_after = exc.retry_after if isinstance(exc, HTTPStatusError) else None
        gone = isinstance(exc, HTTPStatusError) and exc.gone
        return feed_record_error(
            feed_id=feed.pk, reason=exc.reason, retry_after=retry_after, gone=gone, rng=rng
        )
    final = result.final_url if result.final_url != feed.url else ""
    if final:
        other = Feed.objects.filter(Q(url=final) | Q(final_url=final)).exclude(pk=feed.pk).first()
        if other is not None:
            return feed_record_error(
                feed_id=feed.pk, reason=f"Redirects to {final}, which is already tracked as feed {other.pk}.",
                disable=True, rng=rng,
            )  # fmt: skip
    if result.not_modified:
        _record_success(feed, rng, final_url=final)
        return PollSummary(feed.pk, "not-modified")
    try:
        parsed = feed_parser.parse_feed(
            result.body, url=result.final_url, content_type=result.headers.get("content-type", "")
        )
    except ParseError as exc:
        return feed_record_error(feed_id=feed.pk, reason=exc.reason, rng=rng)
    guid_warning = blank_guid_warning(parsed.entries)
    if guid_warning:
        logger.warning("Feed %s (%s): %s", feed.pk, feed.url, guid_warning)
    summary = PollSummary(feed.pk, "polled")
    for start in range(0, len(parsed.entries), BATCH_SIZE):
        _store_entries(feed, parsed.entries[start : start + BATCH_SIZE], summary)
    _record_success(
        feed,
        rng,
        final_url=final,
        etag=result.etag,
        last_modified=result.last_modified,
        title=parsed.title,
        warning="; ".join(w for w in (parsed.warning, guid_warning) if w),
    )
    return summary


def blank_guid_warning(entries: list[feed_parser.FeedEntry]) -> str:
    """The warning for a feed where more than BLANK_GUID_LIMIT of the entries lack a GUID, or "".

    Such entries are already keyed by their link, else by title and date (the parser's Miniflux chain), the
    downgrade FreshRSS makes for the whole feed. Each entry's key depends only on that entry, so the keys do
    not change when the share of blank GUIDs crosses the limit and a refetch creates nothing; the warning
    says why an edited title or link may show up as a new entry.
    """
    blank = sum(1 for entry in entries if entry.blank_guid)
    if not entries or blank <= BLANK_GUID_LIMIT * len(entries):
        return ""
    return (
        f"{blank} of {len(entries)} entries have no GUID ({blank / len(entries):.0%}, over "
        f"{BLANK_GUID_LIMIT:.0%}); they are keyed by their link, or by title and date when they have no link."
    )


def entry_key(guid: str) -> str:
    return hashlib.sha256(guid.encode("utf-8", "surrogatepass")).hexdigest()


def entry_fingerprint(entry: feed_parser.FeedEntry) -> str:
    stamp = entry.published.isoformat() if entry.published else ""
    return hashlib.sha256(f"{entry.title}\n{entry.summary}\n{stamp}".encode("utf-8", "replace")).hexdigest()


@transaction.atomic
def _store_entries(feed: Feed, entries: list[feed_parser.FeedEntry], summary: PollSummary) -> None:
    keyed = {entry_key(e.guid): e for e in entries}
    known = {fe.guid: fe for fe in FeedEntry.objects.filter(feed=feed, guid__in=list(keyed))}

    edited = [
        (known[k], e) for k, e in keyed.items() if k in known and known[k].entry_hash != entry_fingerprint(e)
    ]
    for feed_entry, entry in edited:
        _entry_edited(feed, feed_entry, entry)
    summary.updated_entries += len(edited)

    fresh = {k: e for k, e in keyed.items() if k not in known}
    if not fresh:
        return
    links = {k: canonicalize_url(e.link) for k, e in fresh.items() if e.link}
    existing = set(
        Article.objects.filter(canonical_url__in=set(links.values())).values_list("canonical_url", flat=True)
    )
    Article.objects.bulk_create(
        [
            Article(
                url=fresh[k].link[:2000],
                canonical_url=canonical[:2000],
                title=one_line(fresh[k].title, 500),
                published_at=fresh[k].published,
                source_id=feed.source_id,
                feed=feed,
                status=ArticleStatus.NEW,
            )
            for k, canonical in links.items()
            if canonical not in existing
        ],
        batch_size=BATCH_SIZE,
        ignore_conflicts=True,  # another feed may insert the same story at the same moment
    )
    by_url = {
        canonical: original or pk
        for canonical, pk, original in Article.objects.filter(
            canonical_url__in=set(links.values())
        ).values_list("canonical_url", "pk", "duplicate_of_id")
    }
    article_for = {k: by_url.get(canonical) for k, canonical in links.items()}
    for k, entry in fresh.items():
        if k not in links:
            article_for[k] = _text_only_article(feed, k, entry)
    FeedEntry.objects.bulk_create(
        [
            FeedEntry(
                feed=feed,
                guid=k,
                link=e.link[:2000],
                title=one_line(e.title, 500),
                entry_hash=entry_fingerprint(e),
                article_id=article_for.get(k),
            )
            for k, e in fresh.items()
        ],
        batch_size=BATCH_SIZE,
        ignore_conflicts=True,
    )
    created = [pk for canonical, pk in by_url.items() if canonical not in existing]
    summary.new_entries += len(fresh)
    summary.new_articles += len(created)
    summary.article_ids.extend(created)
    enqueue("fetch_article", created)


def _text_only_article(feed: Feed, key: str, entry: feed_parser.FeedEntry) -> int | None:
    # An entry with no link carries its story in the feed itself; its key is stable across edits.
    try:
        article, _ = article_ingest_text(
            title=entry.title,
            text=entry.summary,
            canonical_url=f"feed:{feed.pk}:{key}",
            published=entry.published,
            source=feed.source,
        )
    except IngestError:
        return None
    return article.pk


def _entry_edited(feed: Feed, feed_entry: FeedEntry, entry: feed_parser.FeedEntry) -> None:
    """The feed changed what it says about an entry: keep the row, fetch its story again, extract again."""
    FeedEntry.objects.filter(pk=feed_entry.pk).update(
        title=one_line(entry.title, 500), entry_hash=entry_fingerprint(entry)
    )
    if feed_entry.article_id is None:
        return
    if entry.link:
        article_refetch(article_id=feed_entry.article_id)
    else:
        _text_only_article(feed, feed_entry.guid, entry)


def _record_success(
    feed: Feed,
    rng: random.Random,
    *,
    final_url: str = "",
    etag: str | None = None,
    last_modified: str | None = None,
    title: str = "",
    warning: str = "",
) -> None:
    now = timezone.now()
    # A little jitter keeps feeds added together from being polled together forever.
    interval = feed.poll_interval * rng.uniform(0.9, 1.1)
    fields = {
        "last_polled_at": now,
        "next_poll_at": now + dt.timedelta(seconds=interval),
        "consecutive_errors": 0,
        "last_error": "",
        "leased_until": None,
    }
    if final_url:
        fields["final_url"] = final_url[:2000]
    if etag is not None:
        # Only after a body parsed (or a 304): validators of a body we could not read must not be kept.
        fields["etag"] = etag[:500]
        fields["last_modified"] = last_modified[:100] if last_modified else ""
        fields["last_warning"] = one_line(warning, 2000)
    if title and not feed.title:
        fields["title"] = one_line(title, 300)
    Feed.objects.filter(pk=feed.pk).update(**fields)


def feed_record_error(
    *,
    feed_id: int,
    reason: str,
    retry_after: float | None = None,
    gone: bool = False,
    disable: bool = False,
    rng: random.Random | None = None,
) -> PollSummary:
    """Count a failed poll: back off exponentially with jitter (at least Retry-After), pause at the limit.

    410 Gone, or `disable`, pauses the feed at once. The lease is released.
    """
    rng = rng or _rng
    with transaction.atomic():
        feed = Feed.objects.select_for_update().filter(pk=feed_id).first()
        if feed is None:
            return PollSummary(feed_id, "gone")
        now = timezone.now()
        errors = feed.consecutive_errors + 1
        reason = one_line(reason, 1000)
        fields: dict = {
            "consecutive_errors": errors,
            "last_error": f"{now:%Y-%m-%d %H:%M} UTC: {reason}",
            "last_polled_at": now,
            "leased_until": None,
        }
        if gone:
            fields.update(
                enabled=False,
                next_poll_at=None,
                disabled_reason="Paused: the server says the feed is gone (HTTP 410 Gone).",
            )
        elif disable:
            fields.update(enabled=False, next_poll_at=None, disabled_reason=f"Paused: {reason}")
        elif errors >= settings.TOUCHLINE_FEED_ERROR_LIMIT:
            fields.update(
                enabled=False,
                next_poll_at=None,
                disabled_reason=f"Paused after {errors} consecutive errors. Last: {reason}",
            )
        else:
            delay = backoff_delay(errors - 1, base=feed.poll_interval, cap=BACKOFF_CAP, rng=rng)
            if retry_after is not None:
                delay = max(delay, retry_after)
            fields["next_poll_at"] = now + dt.timedelta(seconds=delay)
        Feed.objects.filter(pk=feed.pk).update(**fields)
    return PollSummary(feed_id, "error", error=reason)


def feed_enable(*, feed_id: int) -> None:
    """Resume a paused feed (admin): counters reset, polled at the next fan-out."""
    Feed.objects.filter(pk=feed_id).update(
        enabled=True, disabled_reason="", consecutive_errors=0, next_poll_at=timezone.now()
    )


def feeds_due() -> list[int]:
    now = timezone.now()
    free = Q(leased_until__isnull=True) | Q(leased_until__lte=now)
    return list(Feed.objects.due(now).filter(free).order_by("next_poll_at").values_list("pk", flat=True))
