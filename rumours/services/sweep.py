"""The sweeper: the database, not the broker, says what work is left.

An article stuck in `new` (its fetch message was lost, the publish failed, the worker was killed) or in
`fetched` (the same for extraction) for longer than `older_than` is enqueued again. Its `status_changed_at` is
moved to now, so the next sweep leaves it alone for another `older_than` instead of piling up messages
behind a slow queue. Tasks are idempotent, so a message that was only late costs a no-op.

Each sweep of an article counts as an attempt; an article that extraction keeps failing on would otherwise
come back forever, so after MAX_ATTEMPTS it is marked failed with a reason a curator can read (and re-extract
from admin once the cause is fixed).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from rumours.models import Article, ArticleStatus
from rumours.services.common import enqueue

SWEEP_LIMIT = 2000
MAX_ATTEMPTS = 8


@transaction.atomic
def sweep_stuck(*, older_than: dt.timedelta, limit: int = SWEEP_LIMIT) -> dict[str, int]:
    now = timezone.now()
    stuck = list(
        Article.objects.stuck(older_than)
        .filter(Q(leased_until__isnull=True) | Q(leased_until__lte=now))
        .select_for_update(skip_locked=True)
        .order_by("status_changed_at")
        .values_list("pk", "status", "attempts")[:limit]
    )
    given_up = [pk for pk, _, attempts in stuck if attempts >= MAX_ATTEMPTS]
    Article.objects.filter(pk__in=given_up).update(
        status=ArticleStatus.FAILED,
        status_changed_at=now,
        failure_reason=f"Gave up after {MAX_ATTEMPTS} attempts: it kept getting stuck in the pipeline "
        "(see the worker logs). Re-fetch or re-extract it once the cause is fixed.",
    )
    retry = [(pk, status) for pk, status, attempts in stuck if attempts < MAX_ATTEMPTS]
    to_fetch = [pk for pk, status in retry if status == ArticleStatus.NEW]
    to_extract = [pk for pk, status in retry if status == ArticleStatus.FETCHED]
    Article.objects.filter(pk__in=[pk for pk, _ in retry]).update(
        status_changed_at=now, attempts=F("attempts") + 1
    )
    enqueue("fetch_article", to_fetch)
    enqueue("extract_article", to_extract)
    return {"fetch": len(to_fetch), "extract": len(to_extract), "failed": len(given_up)}
