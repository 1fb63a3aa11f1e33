"""Celery tasks: ids in, a service call, a short summary out.

Every task is idempotent (the services claim rows with conditional UPDATEs and the unique constraints catch
the rest), acknowledged late (a killed worker's message is delivered again), and retried only on named
transient errors, with exponential backoff, full jitter and a bound. A row deleted before its task runs is a
quiet no-op. The soft time limit is caught: the row is released with a reason and the database connection,
which may have been interrupted mid-query, is closed so that the next task on this process gets a fresh one.
"""

from __future__ import annotations

import datetime as dt
import logging
import random

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import InterfaceError, OperationalError, connection

from rumours.fetching.http import backoff_delay
from rumours.scoring import rumour_rescore, rumours_rescore_open
from rumours.services import (
    RowBusy,
    TransientFetchFailure,
    article_extract,
    article_fail,
    article_fetch,
    feed_poll,
    feed_record_error,
    network,
    sweep_stuck,
)
from rumours.services.articles import article_release
from rumours.services.common import enqueue
from rumours.services.feeds import feeds_due

logger = logging.getLogger("rumours.ingestion")

# A database restart or a dropped connection: the task runs again on a fresh connection.
DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_BASE = 2.0  # seconds; retry n waits uniform(0, RETRY_BASE * 2**n), capped
RETRY_CAP = 300.0
MAX_RETRIES = 4
_rng = random.Random()
# Every task that touches the database retries, with backoff, when the database goes away under it.
RETRY_ON_DATABASE_ERRORS = {
    "autoretry_for": DATABASE_ERRORS,
    "retry_backoff": RETRY_BASE,
    "retry_backoff_max": RETRY_CAP,
    "retry_jitter": True,
    "max_retries": MAX_RETRIES,
}


def retry_countdown(retries: int, retry_after: float | None = None) -> float:
    delay = backoff_delay(retries, base=RETRY_BASE, cap=RETRY_CAP, rng=_rng, full_jitter=True)
    return max(delay, retry_after or 0.0)


def _close_connection() -> None:
    # The time limit may have interrupted a query or a download; a half-used connection must not serve the
    # next task.
    network.reset_clients()
    try:
        connection.close()
    except Exception:  # noqa: BLE001 - closing a broken connection may itself fail; it is gone either way
        logger.warning("Closing the database connection after a time limit failed", exc_info=True)


@shared_task(acks_late=True)
def poll_feeds() -> str:
    """Fan out: one fetch_feed per feed that is due (beat runs this every TOUCHLINE_POLL_INTERVAL)."""
    ids = feeds_due()
    enqueue("fetch_feed", ids)
    return f"{len(ids)} feeds due"


@shared_task(
    bind=True,
    acks_late=True,
    **RETRY_ON_DATABASE_ERRORS,
)
def fetch_feed(self, feed_id: int, force: bool = False) -> str:
    """Poll one feed. Network and parse errors are the feed's own backoff, not task retries."""
    try:
        return str(feed_poll(feed_id=feed_id, force=force))
    except SoftTimeLimitExceeded:
        _close_connection()
        feed_record_error(
            feed_id=feed_id, reason="The poll ran past the task's time limit; it will be retried."
        )
        _close_connection()
        return f"feed {feed_id}: time limit"


@shared_task(
    bind=True,
    acks_late=True,
    **RETRY_ON_DATABASE_ERRORS,
)
def fetch_article(self, article_id: int) -> str:
    """Fetch an article's page; transient failures retry with backoff, the last one marks it failed."""
    final = self.request.retries >= self.max_retries
    try:
        return article_fetch(article_id=article_id, final_attempt=final)
    except RowBusy as busy:
        # Another worker holds the claim (a duplicate delivery, or a killed worker's claim running out).
        # Waiting for it is not a failure: a fresh task comes back when the claim ends, with the whole retry
        # budget. A retry would count against max_retries: a task that lost its database mid-fetch and then
        # met its own claim could run out of retries before the claim ran out.
        if self.request.is_eager:
            return "busy: the sweeper picks it up once the claim ends"  # inline tasks cannot wait
        fetch_article.apply_async((article_id,), countdown=busy.retry_in + _rng.uniform(0, 2))
        return f"busy: comes back in {busy.retry_in:.0f} s"
    except TransientFetchFailure as exc:
        raise self.retry(exc=exc, countdown=retry_countdown(self.request.retries, exc.retry_after)) from None
    except SoftTimeLimitExceeded:
        _close_connection()
        reason = "The fetch ran past the task's time limit."
        if final:
            return article_fail(article_id=article_id, reason=reason)
        article_release(article_id=article_id, reason=f"Will retry: {reason}")
        _close_connection()
        raise self.retry(countdown=retry_countdown(self.request.retries)) from None


@shared_task(
    bind=True,
    acks_late=True,
    **RETRY_ON_DATABASE_ERRORS,
)
def extract_article(self, article_id: int, force: bool = False) -> str:
    """Extract facts from a fetched article and link them (then, in a later issue, rescore)."""
    try:
        return article_extract(article_id=article_id, force=force)
    except SoftTimeLimitExceeded:
        _close_connection()
        # The article stays `fetched`; the sweeper enqueues it again.
        return f"article {article_id}: extraction ran past the time limit"


@shared_task(acks_late=True)
def sweep() -> str:
    counts = sweep_stuck(older_than=dt.timedelta(seconds=settings.TOUCHLINE_STUCK_AFTER))
    return f"re-enqueued {counts['fetch']} fetches and {counts['extract']} extractions"


@shared_task(
    acks_late=True,
    **RETRY_ON_DATABASE_ERRORS,
)
def rescore_rumours(rumour_ids: list[int] | None = None) -> str:
    """Rescore the given rumours, or (from beat) every open one: recency decays even when no news arrives."""
    if rumour_ids is None:
        return f"{rumours_rescore_open()} rumours rescored"
    return f"{rumour_rescore(rumour_ids)} rumours rescored"


# Scheduled curation work lives in its own module; importing it here registers it with the workers.
from rumours.tasks_curation import close_ended_windows  # noqa: E402

__all__ = [
    "close_ended_windows",
    "extract_article",
    "fetch_article",
    "fetch_feed",
    "poll_feeds",
    "rescore_rumours",
    "sweep",
]
