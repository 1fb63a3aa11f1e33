"""Fitting the likelihood model's weights on rumours whose outcome is known, and reporting calibration."""

from __future__ import annotations

import random

from django.db import transaction

from rumours.models import CuratorState, Rumour, ScoringModel, Stage
from rumours.scoring.features import features_for
from rumours.scoring.model import HAND_SET_WEIGHTS, brier, fit, reliability_table, score
from rumours.scoring.service import source_track_records_update

RESOLVED = (Stage.COMPLETED, Stage.DEAD, Stage.RENEWED)
MIN_RUMOURS = 30


def resolved_rumours() -> list[Rumour]:
    return list(
        Rumour.objects.filter(stage__in=RESOLVED, merged_into__isnull=True)
        .exclude(curator_state=CuratorState.REJECTED)
        .order_by("pk")
    )


def calibration_run(*, holdout: float = 0.3, seed: int = 0, save: bool = True) -> dict:
    """Fit on part of the resolved rumours, compare Brier scores on the rest, and keep the fitted weights."""
    source_track_records_update()
    rumours = resolved_rumours()
    if len(rumours) < MIN_RUMOURS:
        return {
            "rumours": len(rumours),
            "error": f"need at least {MIN_RUMOURS} resolved rumours to calibrate",
        }
    features = features_for(rumours, before_outcome=True)
    rows, outcomes = [], []
    for rumour in rumours:
        row = dict(features[rumour.pk])
        # Every rumour is recent when it resolves: recency carries no signal here, so it keeps its weight.
        row["recency"] = 0.0
        rows.append(row)
        outcomes.append(1 if rumour.stage == Stage.COMPLETED else 0)
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    cut = int(len(order) * (1 - holdout))
    train, test = order[:cut], order[cut:]

    weights = fit([rows[i] for i in train], [outcomes[i] for i in train])
    weights["recency"] = HAND_SET_WEIGHTS["recency"]
    # Live rumours are scored with recency near 1; take that back out of the bias the fit learned without it.
    weights["bias"] -= HAND_SET_WEIGHTS["recency"]

    def probabilities(w: dict[str, float], with_recency: bool) -> list[float]:
        return [score({**rows[i], "recency": 1.0 if with_recency else 0.0}, w).probability for i in test]

    test_outcomes = [outcomes[i] for i in test]
    fitted_p = probabilities(weights, True)
    hand_p = probabilities(HAND_SET_WEIGHTS, True)
    report = {
        "rumours": len(rumours),
        "train": len(train),
        "test": len(test),
        "base_rate": sum(outcomes) / len(outcomes),
        "brier_hand_set": brier(hand_p, test_outcomes),
        "brier_fitted": brier(fitted_p, test_outcomes),
        "reliability_hand_set": reliability_table(hand_p, test_outcomes),
        "reliability_fitted": reliability_table(fitted_p, test_outcomes),
        "weights": weights,
    }
    if save:
        with transaction.atomic():
            ScoringModel.objects.filter(active=True).update(active=False)
            ScoringModel.objects.create(
                weights=weights,
                trained_on=len(train),
                brier_fitted=report["brier_fitted"],
                brier_hand_set=report["brier_hand_set"],
            )
    return report
