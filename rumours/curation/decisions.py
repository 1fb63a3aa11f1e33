"""A curator's decisions on one rumour: approve, reject with a reason, fix the stage, declare it dead."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from players import clock
from rumours.curation.common import (
    SETTABLE_STAGES,
    after_commit,
    close_rumour,
    lock_rumour,
    save_with_history,
)
from rumours.models import CuratorState, Rumour, Stage


@transaction.atomic
def rumour_approve(*, rumour: Rumour, user) -> Rumour:
    rumour = lock_rumour(rumour)
    if rumour.merged_into_id:
        raise ValidationError(f"{rumour} was merged into another rumour; approve that one.")
    rumour.curator_state = CuratorState.APPROVED
    save_with_history(rumour, user=user, reason="approved")
    after_commit(rumour_ids=[rumour.pk], player_ids=[rumour.player_id])
    return rumour


@transaction.atomic
def rumour_reject(*, rumour: Rumour, user, reason: str) -> Rumour:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("A rejection needs a reason.")
    rumour = lock_rumour(rumour)
    rumour.curator_state = CuratorState.REJECTED
    rumour.curator_note = reason
    save_with_history(rumour, user=user, reason=f"rejected: {reason}")
    after_commit(rumour_ids=[rumour.pk], player_ids=[rumour.player_id])
    return rumour


@transaction.atomic
def rumour_set_stage(*, rumour: Rumour, stage: str, user) -> Rumour:
    if stage not in SETTABLE_STAGES:
        raise ValidationError(
            f"'{stage}' cannot be set directly; use the completed / renewed / dead outcome actions."
        )
    rumour = lock_rumour(rumour)
    rumour.stage = stage
    rumour.stage_set_by_curator = True
    # Back from an outcome to an open stage: the rumour is open again.
    rumour.resolved_at = None
    save_with_history(rumour, user=user, reason=f"stage set to {stage}")
    after_commit(rumour_ids=[rumour.pk], player_ids=[rumour.player_id])
    return rumour


@transaction.atomic
def rumour_mark_dead(*, rumour: Rumour, user, reason: str = "") -> Rumour:
    rumour = lock_rumour(rumour)
    if reason.strip():
        rumour.curator_note = reason.strip()
    close_rumour(rumour, stage=Stage.DEAD, user=user, reason=f"dead: {reason}".strip(": "), now=clock.now())
    after_commit(rumour_ids=[rumour.pk], player_ids=[rumour.player_id], resolved=True)
    return rumour
