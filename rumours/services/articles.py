"""Articles: submitted by URL, fetched by a worker, or ingested from text; each story stored once.

Dedupe has two keys, both unique constraints in the database: the canonical URL (tracking parameters and
fragments stripped, `<link rel=canonical>` honoured) and the content hash of the normalised text. A second
copy of a story is kept as a row with status `duplicate` pointing at the first, never as a second copy of the
text.
The constraints are the truth: every check in Python is only a fast path, and an IntegrityError inside a
savepoint sends a racing writer down the same "already there" path.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from rumours.fetching.errors import FetchError, ParseError
from rumours.fetching.http import FetchResult
from rumours.fetching.pages import PageContent, extract_page
from rumours.fetching.text import clean_text, content_hash
from rumours.fetching.urls import canonicalize_url
from rumours.models import Article, ArticleStatus, FeedEntry, Source
from rumours.services import network
from rumours.services.common import (
    IngestError,
    RowBusy,
    TransientFetchFailure,
    as_datetime,
    enqueue,
    lease_duration,
    one_line,
)

NEW, FETCHED, EXTRACTED = ArticleStatus.NEW, ArticleStatus.FETCHED, ArticleStatus.EXTRACTED
FAILED, DUPLICATE = ArticleStatus.FAILED, ArticleStatus.DUPLICATE


def is_web_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def article_submit_url(
    *, url: str, source: Source | None = None, published: dt.date | dt.datetime | None = None
) -> tuple[Article, bool]:
    """Store a URL to fetch (status new) unless its canonical form is known. Returns (article, created).

    Raises BlockedAddress (a FetchError) for a URL that is not http(s) or whose host has a non-public address.
    A URL that failed before is queued again: submitting it is how a curator asks for another try.
    """
    url = network.check_url(url)
    canonical = canonicalize_url(url)
    with transaction.atomic():
        # get_or_create inserts in a savepoint and, on IntegrityError, reads the row the racing writer made.
        article, created = Article.objects.get_or_create(
            canonical_url=canonical,
            defaults={"url": url, "source": source, "published_at": as_datetime(published)},
        )
        if created:
            enqueue("fetch_article", [article.pk])
        elif article.status == FAILED:
            article_refetch(article_id=article.pk)
            article.refresh_from_db()
    return article, created


def article_refetch(*, article_id: int) -> bool:
    """Put an article back to `new` and enqueue its fetch (admin "re-fetch", an edited feed entry).

    Only web articles can be fetched again; returns False for files and pasted text.
    """
    with transaction.atomic():
        updated = (
            Article.objects.filter(pk=article_id)
            .filter(Q(url__istartswith="http://") | Q(url__istartswith="https://"))
            .update(
                status=NEW,
                status_changed_at=timezone.now(),
                leased_until=None,
                failure_reason="",
                attempts=0,
                duplicate_of=None,
            )
        )
        enqueue("fetch_article", [article_id] if updated else [])
    return bool(updated)


def article_fetch(*, article_id: int, final_attempt: bool = False) -> str:
    """Fetch a `new` article's page, extract its text, dedupe it, and mark it fetched (then extraction runs).

    Claims the row with a conditional UPDATE on its lease, so a duplicate delivery of the task does not fetch
    twice; raises RowBusy when another worker holds it. A transient network error releases the claim and
    raises TransientFetchFailure for the task to retry, unless `final_attempt`: then the article is failed.
    Returns a short summary.
    """
    now = timezone.now()
    claimed = (
        Article.objects.filter(pk=article_id, status=NEW)
        .filter(Q(leased_until__isnull=True) | Q(leased_until__lte=now))
        .update(leased_until=now + lease_duration(), attempts=F("attempts") + 1)
    )
    if not claimed:
        row = Article.objects.filter(pk=article_id).values("status", "leased_until").first()
        if row is None:
            return f"article {article_id}: gone"
        if row["status"] != NEW:
            return f"article {article_id}: already {row['status']}"
        raise RowBusy((row["leased_until"] - now).total_seconds())
    article = Article.objects.get(pk=article_id)
    if not is_web_url(article.url or article.canonical_url):
        return article_fail(article_id=article.pk, reason="There is no web address to fetch.")
    try:
        result = network.http_get(article.url or article.canonical_url)
        page = read_page(result)
    except FetchError as exc:
        if exc.transient and not final_attempt:
            Article.objects.filter(pk=article.pk, status=NEW).update(
                leased_until=None, failure_reason=f"Will retry: {exc.reason}"
            )
            raise TransientFetchFailure(exc.reason, retry_after=getattr(exc, "retry_after", None)) from exc
        if exc.transient:
            reason = f"Gave up after {article.attempts} attempts. Last error: {exc.reason}"
        else:
            reason = exc.reason
        return article_fail(article_id=article.pk, reason=reason)
    except ParseError as exc:
        return article_fail(article_id=article.pk, reason=f"The page could not be read: {exc.reason}")
    return _store_page(article, result.final_url, page)


def read_page(result: FetchResult) -> PageContent:
    return extract_page(result.body, url=result.final_url, encoding=result.encoding)


def _store_page(article: Article, final_url: str, page: PageContent) -> str:
    text = clean_text(page.text or "").strip()
    if not text:
        return article_fail(article_id=article.pk, reason="The page has no readable article text.")
    declared = (page.canonical_url or "").strip()
    canonical = canonicalize_url(declared if is_web_url(declared) else final_url)
    digest = content_hash(text)
    with transaction.atomic():
        original = (
            Article.objects.filter(Q(canonical_url=canonical) | Q(content_hash=digest))
            .exclude(pk=article.pk)
            .first()
        )
        if original is not None:
            return _mark_duplicate(article, original)
        now = timezone.now()
        fields = {
            "canonical_url": canonical,
            "title": one_line(page.title or "", 500) or article.title,
            "text": text,
            "content_hash": digest,
            "published_at": article.published_at or as_datetime(page.published),
            "status": FETCHED,
            "status_changed_at": now,
            "fetched_at": now,
            "leased_until": None,
            "failure_reason": "",
        }
        try:
            with transaction.atomic():
                stored = Article.objects.filter(pk=article.pk, status=NEW).update(**fields)
        except IntegrityError:
            # Another worker stored the same story under this canonical URL or hash a moment ago.
            original = (
                Article.objects.filter(Q(canonical_url=canonical) | Q(content_hash=digest))
                .exclude(pk=article.pk)
                .first()
            )
            if original is None:
                raise
            return _mark_duplicate(article, original)
        if not stored:
            return f"article {article.pk}: handled elsewhere meanwhile"
        enqueue("extract_article", [article.pk])
    return f"article {article.pk}: fetched"


def _mark_duplicate(article: Article, original: Article) -> str:
    """Record `article` as a second copy of `original`; its feed entries now lead to the original."""
    original_id = original.duplicate_of_id or original.pk
    with transaction.atomic():
        Article.objects.filter(pk=article.pk).update(
            status=DUPLICATE,
            duplicate_of_id=original_id,
            status_changed_at=timezone.now(),
            leased_until=None,
            failure_reason="",
            text="",
            content_hash=None,
        )
        FeedEntry.objects.filter(article=article).update(article_id=original_id)
    return f"article {article.pk}: duplicate of {original_id}"


def article_fail(*, article_id: int, reason: str) -> str:
    Article.objects.filter(pk=article_id).update(
        status=FAILED,
        failure_reason=clean_text(reason)[:2000],
        status_changed_at=timezone.now(),
        leased_until=None,
    )
    return f"article {article_id}: failed: {reason}"


def article_release(*, article_id: int, reason: str) -> None:
    """Give up a claim without a verdict (the task hit its time limit): the retry or the sweeper goes on."""
    Article.objects.filter(pk=article_id, status=NEW).update(
        leased_until=None, failure_reason=clean_text(reason)[:2000]
    )


def article_ingest_text(
    *,
    title: str,
    text: str,
    canonical_url: str,
    published: dt.date | dt.datetime | None = None,
    source: Source | None = None,
    url: str = "",
) -> tuple[Article, bool]:
    """Store text that needs no fetch (a file, pasted text, a linkless entry). Returns (article, created).

    Same canonical URL, same text: nothing changes. Same canonical URL, new text: the article is updated in
    place and extracted again. Same text under another canonical URL: a `duplicate` row pointing at the first.
    """
    text = clean_text(text or "").strip()
    if not text:
        raise IngestError("The article has no text.")
    for attempt in range(3):
        try:
            return _ingest_text(title, text, canonical_url, as_datetime(published), source, url)
        except IntegrityError:
            # A concurrent writer inserted the same canonical URL or text between our read and our write;
            # the next round reads what it wrote.
            if attempt == 2:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


@transaction.atomic
def _ingest_text(
    title: str, text: str, canonical_url: str, published: dt.datetime | None, source: Source | None, url: str
) -> tuple[Article, bool]:
    digest = content_hash(text)
    title = one_line(title, 500)
    now = timezone.now()
    existing = Article.objects.select_for_update().filter(canonical_url=canonical_url).first()
    owner = Article.objects.filter(content_hash=digest).exclude(canonical_url=canonical_url).first()
    if existing is not None:
        if existing.content_hash == digest or (existing.status == DUPLICATE and owner is not None):
            if existing.status == FETCHED:
                # Ingesting it again is how a user asks for a stalled extraction to run.
                enqueue("extract_article", [existing.pk])
            return existing, False
        if owner is not None:
            _mark_duplicate(existing, owner)
            existing.refresh_from_db()
            return existing, False
        with transaction.atomic():
            Article.objects.filter(pk=existing.pk).update(
                title=title or existing.title,
                text=text,
                content_hash=digest,
                published_at=published or existing.published_at,
                status=FETCHED,
                status_changed_at=now,
                fetched_at=now,
                leased_until=None,
                failure_reason="",
                duplicate_of=None,
            )
        enqueue("extract_article", [existing.pk], force=True)
        existing.refresh_from_db()
        return existing, False
    fields = {"canonical_url": canonical_url, "url": url, "title": title, "published_at": published}
    if source is not None:
        fields["source"] = source
    with transaction.atomic():
        if owner is not None:
            article = Article.objects.create(
                **fields, status=DUPLICATE, duplicate_of_id=owner.duplicate_of_id or owner.pk
            )
            return article, True
        article = Article.objects.create(
            **fields, text=text, content_hash=digest, status=FETCHED, fetched_at=now, status_changed_at=now
        )
    enqueue("extract_article", [article.pk])
    return article, True
