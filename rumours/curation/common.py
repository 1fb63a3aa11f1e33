"""What every curation service shares: saving with history, row locks, and the work done after commit."""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
from collections.abc import Callable, Iterable

from django.core.exceptions import ValidationError
from django.db import models, transaction

from players.gazetteer import bump_gazetteer_version
from players.models import Player
from rumours.models import CLOSED_STAGES, Rumour, Stage

# simple_history's change-reason column is a CharField(max_length=100).
REASON_LIMIT = 100
# Stages a curator may set directly. Completed and renewed create contracts and dead closes a rumour: those go
# through the outcome services so that their side effects happen too.
SETTABLE_STAGES = tuple(s for s in Stage if s not in CLOSED_STAGES)


def optional(module: str, name: str) -> Callable | None:
    # find_spec rather than catching ImportError: a real error inside an existing module must still surface.
    if importlib.util.find_spec(module) is None:
        return None
    return getattr(importlib.import_module(module), name)


def save_with_history(obj: models.Model, *, user, reason: str) -> None:
    """Save with the acting user and the reason recorded in the row's history."""
    obj._history_user = user
    obj._change_reason = reason[:REASON_LIMIT]
    obj.save()


def delete_with_history(obj: models.Model, *, user, reason: str) -> None:
    obj._history_user = user
    obj._change_reason = reason[:REASON_LIMIT]
    obj.delete()


def after_commit(
    *,
    rumour_ids: Iterable[int] = (),
    player_ids: Iterable[int] = (),
    names_changed: bool = False,
    reextract_article_ids: Iterable[int] = (),
    resolved: bool = False,
) -> None:
    """Once the current transaction commits: refresh names, pages and scores, and re-extract articles.

    `resolved`: a rumour reached an outcome (completed, renewed, dead), so sources' track records change.

    Public because the admin's own change form (a curator editing a rumour or player by hand) needs the same.
    """
    rumour_ids, player_ids = sorted(set(rumour_ids)), sorted(set(player_ids))
    article_ids = sorted(set(reextract_article_ids))

    def run() -> None:
        if names_changed:
            # First, so that the articles re-extracted below already see the new names.
            bump_gazetteer_version()
        if resolved:
            # Before rescoring: a source's hit rate feeds the reliability term of every score.
            update_track_records = optional("rumours.scoring", "source_track_records_update")
            if update_track_records is not None:
                update_track_records()
        rescore = optional("rumours.scoring", "rumour_rescore")
        if rescore is not None and rumour_ids:
            rescore(rumour_ids)
        bump = optional("rumours.cache", "bump_player")
        if bump is not None:
            for player_id in player_ids:
                bump(player_id)
        if article_ids:
            enqueue_reextract(article_ids)

    transaction.on_commit(run)


def enqueue_reextract(article_ids: Iterable[int]) -> int:
    """Queue extraction again (ingestion's `extract_article`, forced) once the transaction commits.

    Returns how many were queued: 0 where the ingestion tasks are not installed.
    """
    if optional("rumours.tasks", "extract_article") is None:
        return 0
    from rumours.services.common import enqueue

    ids = sorted(set(article_ids))
    enqueue("extract_article", ids, force=True)
    return len(ids)


def lock_rumours(*pks: int) -> dict[int, Rumour]:
    rows = Rumour.objects.select_for_update().filter(pk__in=pks).order_by("pk")
    found = {r.pk: r for r in rows}
    missing = set(pks) - set(found)
    if missing:
        raise ValidationError(f"Rumour {sorted(missing)} no longer exists.")
    return found


def lock_rumour(rumour: Rumour) -> Rumour:
    return lock_rumours(rumour.pk)[rumour.pk]


def lock_players(*pks: int) -> dict[int, Player]:
    return {p.pk: p for p in Player.objects.select_for_update().filter(pk__in=pks).order_by("pk")}


def close_rumour(rumour: Rumour, *, stage: str, user, reason: str, now: dt.datetime) -> None:
    rumour.stage = stage
    rumour.stage_set_by_curator = True
    rumour.resolved_at = now
    save_with_history(rumour, user=user, reason=reason)
