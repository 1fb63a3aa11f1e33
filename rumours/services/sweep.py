"""The sweeper: the database, not the broker, says what work is left.

An article stuck in `new` (its fetch message was lost, the publish failed, the worker was killed) or in
`fetched` (the same for extraction) for longer than `older_than` is enqueued again. Its `status_changed_at` is
moved to now, so the next sweep leaves it alone for another `older_than` instead of piling up messages
behind a slow queue. Tasks are idempotent, so a message that was only late costs a no-op.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from rumours.models import Article, ArticleStatus
from rumours.services.common import enqueue

SWEEP_LIMIT = 2000


@transaction.atomic
def sweep_stuck(*, older_than: dt.timedelta, limit: int = SWEEP_LIMIT) -> dict[str, int]:
    now = timezone.now()
    stuck = list(
        Article.objects.stuck(older_than)
        .filter(Q(leased_until__isnull=True) | Q(leased_until__lte=now))
        .select_for_update(skip_locked=True)
        .order_by("status_changed_at")
        .values_list("pk", "status")[:limit]
    )
    to_fetch = [pk for pk, status in stuck if status == ArticleStatus.NEW]
    to_extract = [pk for pk, status in stuck if status == ArticleStatus.FETCHED]
    Article.objects.filter(pk__in=[pk for pk, _ in stuck]).update(status_changed_at=now)
    enqueue("fetch_article", to_fetch)
    enqueue("extract_article", to_extract)
    return {"fetch": len(to_fetch), "extract": len(to_extract)}
