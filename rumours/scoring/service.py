"""Writing scores: rescoring rumours when evidence or a curator's decision changes; sources' track records."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from rumours.models import CuratorState, Mention, MentionKind, Rumour, ScoringModel, Source, Stage
from rumours.scoring.features import POSITIVE, features_for
from rumours.scoring.model import HAND_SET_WEIGHTS, score

log = logging.getLogger(__name__)

BATCH = 500


def active_weights() -> dict[str, float]:
    model = ScoringModel.objects.filter(active=True).order_by("-created_at").first()
    return dict(model.weights) if model else dict(HAND_SET_WEIGHTS)


def rumour_rescore(rumour_ids: Iterable[int], *, now: dt.datetime | None = None) -> int:
    """Recompute likelihood and its explanation; writes only rows whose score changed. Returns that count."""
    ids = sorted(set(rumour_ids))
    weights = active_weights()
    changed_players: set[int] = set()
    changed = 0
    for start in range(0, len(ids), BATCH):
        with transaction.atomic():
            rumours = list(
                Rumour.objects.filter(pk__in=ids[start : start + BATCH]).select_for_update(no_key=True)
            )
            features = features_for(rumours, now=now)
            for rumour in rumours:
                likelihood, explanation = _score_one(rumour, features[rumour.pk], weights)
                if rumour.likelihood != likelihood or rumour.likelihood_explanation != explanation:
                    Rumour.objects.filter(pk=rumour.pk).update(
                        likelihood=likelihood, likelihood_explanation=explanation, updated_at=timezone.now()
                    )
                    changed += 1
                    changed_players.add(rumour.player_id)
    _bump_player_pages(changed_players)
    return changed


def _score_one(
    rumour: Rumour, features: dict[str, float], weights: dict[str, float]
) -> tuple[int, list[dict]]:
    # An outcome is a fact, not a forecast.
    if rumour.stage == Stage.COMPLETED:
        return 100, [{"factor": "outcome", "label": "The move is completed", "points": 100, "value": 1}]
    if rumour.stage in (Stage.DEAD, Stage.RENEWED) or rumour.curator_state == CuratorState.REJECTED:
        reason = (
            "Rejected by a curator" if rumour.curator_state == CuratorState.REJECTED else "The rumour is over"
        )
        return 0, [{"factor": "outcome", "label": reason, "points": 0, "value": 0}]
    result = score(features, weights)
    return result.likelihood, result.explanation


def rumours_rescore_open(*, now: dt.datetime | None = None) -> int:
    ids = list(Rumour.objects.open().values_list("pk", flat=True))
    return rumour_rescore(ids, now=now)


def rumours_rescore_all(*, now: dt.datetime | None = None) -> int:
    ids = list(Rumour.objects.filter(merged_into__isnull=True).values_list("pk", flat=True))
    return rumour_rescore(ids, now=now)


@transaction.atomic
def source_track_records_update() -> int:
    """Each source's hit rate over resolved rumours it claimed: came true (completed) / resolved.

    Recomputed from scratch, so it is idempotent and a curator reversing an outcome corrects it.
    A source's claim is its publishing or its being cited ("according to X") for a positive stance.
    """
    resolved = Q(rumour__stage__in=(Stage.COMPLETED, Stage.DEAD, Stage.RENEWED))
    claims = Mention.objects.filter(resolved, kind=MentionKind.RUMOUR, stance__in=POSITIVE).exclude(
        rumour__curator_state=CuratorState.REJECTED
    )
    totals: dict[int, list[set[int]]] = {}
    for source_id, cited_id, rumour_id, stage in claims.values_list(
        "article__source_id", "cited_source_id", "rumour_id", "rumour__stage"
    ).order_by():
        origin = cited_id or source_id
        if origin is None:
            continue
        resolved_ids, correct_ids = totals.setdefault(origin, [set(), set()])
        resolved_ids.add(rumour_id)
        if stage == Stage.COMPLETED:
            correct_ids.add(rumour_id)
    updated = 0
    for source in Source.objects.select_for_update():
        resolved_ids, correct_ids = totals.get(source.pk, (set(), set()))
        if (source.claims_resolved, source.claims_correct) != (len(resolved_ids), len(correct_ids)):
            source.claims_resolved, source.claims_correct = len(resolved_ids), len(correct_ids)
            source.save(update_fields=["claims_resolved", "claims_correct", "updated_at"])
            updated += 1
    return updated


def _bump_player_pages(player_ids: set[int]) -> None:
    try:
        from rumours.cache import bump_player
    except ImportError:  # the page cache is optional for scoring
        return
    for player_id in player_ids:
        bump_player(player_id)
