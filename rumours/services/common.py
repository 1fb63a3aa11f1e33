"""Small pieces the ingestion services share: errors a task can act on, leases, text hygiene, enqueueing."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Iterable
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from rumours.fetching.text import clean_text

logger = logging.getLogger("rumours.ingestion")


class IngestError(Exception):
    """Input we cannot turn into an article (empty text, unreadable file, refused URL): shown to the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class TransientFetchFailure(Exception):
    """A fetch failed for a reason that may pass (timeout, 5xx, 429, reset): the task retries with backoff."""

    def __init__(self, reason: str, *, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


class RowBusy(Exception):
    """Another worker holds the row's lease; try again once it runs out (a killed worker's lease does)."""

    def __init__(self, retry_in: float) -> None:
        super().__init__(f"leased for another {retry_in:.0f} s")
        self.retry_in = max(1.0, retry_in)


def lease_duration() -> dt.timedelta:
    # Past the hard time limit: a live worker never loses its lease; a killed one's runs out soon after.
    return dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 5)


def one_line(value: str, limit: int) -> str:
    return " ".join(clean_text(value or "").split())[:limit]


def as_datetime(value: dt.date | dt.datetime | None) -> dt.datetime | None:
    """A date given by a user (--date, the admin form) as an aware datetime at midnight UTC."""
    if value is None or isinstance(value, dt.datetime):
        return value if value is None or timezone.is_aware(value) else timezone.make_aware(value, dt.UTC)
    return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)


def enqueue(task_name: str, ids: Iterable[int], **kwargs: object) -> None:
    """Send `task_name(id, **kwargs)` for each id once the current transaction commits.

    Never before: a worker must not look for a row that is not committed yet, and a rolled-back transaction
    must send nothing. A publish that fails (the broker is down) is logged and dropped: the rows are in the
    database in a state the sweeper re-enqueues, so nothing is lost.
    """
    ids = list(ids)
    if ids:
        transaction.on_commit(partial(_publish, task_name, ids, kwargs))


# A web request or a feed poll must not hang on a dead broker: a few quick tries, then the sweeper's turn.
PUBLISH_RETRY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}


def run_inline(task, pk: int, kwargs: dict) -> None:  # noqa: ANN001 - a celery Task
    """Inline mode (no broker): run the task here and now, retries included; a failure stops nothing else.

    Celery's eager mode with eager-propagation raises `Retry` instead of retrying, so the retries are run
    here, with the countdown shortened to at most a second: a person at a terminal is waiting.
    """
    from celery.exceptions import Retry

    attempt = 0
    for attempt in range((task.max_retries or 0) + 1):
        try:
            task.apply((pk,), kwargs, retries=attempt, throw=True)
            return
        except Retry as retry:
            when = retry.when if isinstance(retry.when, int | float) else 0
            time.sleep(min(float(when), 1.0))
        except Exception:
            logger.exception("Inline %s(%s) failed; the row keeps its state for the sweeper", task.name, pk)
            return
    logger.error(
        "Inline %s(%s) still retrying after %d tries; the sweeper takes over", task.name, pk, attempt + 1
    )


def _publish(task_name: str, ids: list[int], kwargs: dict) -> None:
    from config.celery import app
    from rumours import tasks

    task = getattr(tasks, task_name)
    if app.conf.task_always_eager:
        for pk in ids:
            run_inline(task, pk, kwargs)
        return
    sent = 0
    try:
        with app.producer_or_acquire() as producer:
            for pk in ids:
                task.apply_async((pk,), kwargs, producer=producer, retry=True, retry_policy=PUBLISH_RETRY)
                sent += 1
    except Exception as exc:
        logger.error(
            "Could not enqueue %s for %d of %d rows (%s: %s); the sweeper will re-enqueue them",
            task_name,
            len(ids) - sent,
            len(ids),
            type(exc).__name__,
            exc,
        )
