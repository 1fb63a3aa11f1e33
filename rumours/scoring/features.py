"""The evidence behind each rumour, read in a fixed number of queries and turned into model features."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from players import clock
from players.models import Contract, Injury
from players.text import fold_name
from rumours.models import CLOSED_STAGES, Mention, MentionKind, Rumour, Source, Stage

# How far along each stance is, as the model's "stage" feature.
STAGE_LEVEL = {
    Stage.LINKED: 0.2,
    Stage.INTEREST: 0.4,
    Stage.TALKS: 0.6,
    Stage.BID: 0.8,
    Stage.AGREED: 1.0,
    Stage.COMPLETED: 1.0,
}
POSITIVE = tuple(STAGE_LEVEL)
NEGATIVE = (Stage.REJECTED, Stage.DENIED)
# A hand-set prior per tier; a source's track record moves it once it has resolved claims.
TIER_PRIOR = {1: 0.85, 2: 0.7, 3: 0.5, 4: 0.3}
UNKNOWN_OUTLET_PRIOR = 0.4
PRIOR_STRENGTH = 4  # the prior counts as this many resolved claims
RECENCY_HALF_LIFE_DAYS = 21
# Which party a denial comes from decides how much it weighs.
DENIAL_FACTOR = {
    "buying_club": "denied_by_buyer",
    "selling_club": "rejected_by_seller",
    "player": "denied_by_player",
    "agent": "denied_by_player",
    "media": "denied_by_media",
    "": "denied_by_media",
}


@dataclass(frozen=True)
class Claim:
    """One mention reduced to what scoring needs."""

    rumour_id: int
    stance: str
    stance_by: str
    origin: str  # who originally made the claim: the cited outlet if any, else the publisher
    origin_source_id: int | None
    published: dt.datetime


def source_reliability(tier: int | None, resolved: int, correct: int) -> float:
    prior = TIER_PRIOR.get(tier or 0, UNKNOWN_OUTLET_PRIOR)
    return (correct + PRIOR_STRENGTH * prior) / (resolved + PRIOR_STRENGTH)


def claims_for(rumour_ids: Iterable[int]) -> dict[int, list[Claim]]:
    """Each rumour's claims with their original source: 'according to Fichajes' is Fichajes' claim."""
    rows = (
        Mention.objects.filter(rumour_id__in=list(rumour_ids), kind=MentionKind.RUMOUR)
        .values_list(
            "rumour_id",
            "stance",
            "details",
            "cited_source_id",
            "cited_outlet",
            "article_id",
            "article__source_id",
            "article__published_at",
            "article__created_at",
        )
        .order_by()
    )
    claims: dict[int, list[Claim]] = defaultdict(list)
    for rumour_id, stance, details, cited_id, cited_text, article_id, source_id, published, created in rows:
        if cited_id:
            origin, origin_id = f"source:{cited_id}", cited_id
        elif cited_text:
            origin, origin_id = f"outlet:{fold_name(cited_text)}", None
        elif source_id:
            origin, origin_id = f"source:{source_id}", source_id
        else:
            origin, origin_id = f"article:{article_id}", None
        stance_by = (details or {}).get("stance_by") or ""
        claims[rumour_id].append(Claim(rumour_id, stance, stance_by, origin, origin_id, published or created))
    return claims


def features_for(
    rumours: list[Rumour], *, now: dt.datetime | None = None, before_outcome: bool = False
) -> dict[int, dict[str, float]]:
    """Features per rumour id; `before_outcome` leaves out 'completed' evidence, for fitting on outcomes."""
    now = now or clock.now()
    ids = [r.pk for r in rumours]
    claims = claims_for(ids)
    sources = {
        pk: source_reliability(tier, resolved, correct)
        for pk, tier, resolved, correct in Source.objects.values_list(
            "pk", "reliability_tier", "claims_resolved", "claims_correct"
        )
    }
    player_ids = {r.player_id for r in rumours}
    windows = {r.window for r in rumours}
    competing: dict[tuple[int, str], set[int]] = defaultdict(set)
    for pk, player_id, window in (
        Rumour.objects.visible()
        .filter(player_id__in=player_ids, window__in=windows)
        .exclude(stage__in=(*CLOSED_STAGES, *NEGATIVE))
        .values_list("pk", "player_id", "window")
    ):
        competing[(player_id, window)].add(pk)
    today = now.date()
    contract_end: dict[int, dt.date | None] = {}
    for player_id, end in (
        Contract.objects.filter(player_id__in=player_ids)
        .current(today)
        .order_by("player_id", *Contract.LATEST_FIRST)
        .values_list("player_id", "end_date")
    ):
        contract_end.setdefault(player_id, end)
    injured = set(
        Injury.objects.current().filter(player_id__in=player_ids).values_list("player_id", flat=True)
    )

    result = {}
    for rumour in rumours:
        mine = [c for c in claims.get(rumour.pk, []) if not (before_outcome and c.stance == Stage.COMPLETED)]
        result[rumour.pk] = _features(
            rumour,
            mine,
            sources=sources,
            competitors=len(competing[(rumour.player_id, rumour.window)] - {rumour.pk}),
            contract_end=contract_end.get(rumour.player_id),
            injured=rumour.player_id in injured,
            now=now,
            use_stage=not before_outcome,
        )
    return result


def _features(
    rumour: Rumour,
    claims: list[Claim],
    *,
    sources: dict[int, float],
    competitors: int,
    contract_end: dt.date | None,
    injured: bool,
    now: dt.datetime,
    use_stage: bool,
) -> dict[str, float]:
    positive = [c for c in claims if c.stance in POSITIVE]
    # Echoes of one claim count once: one vote per original source, whatever number of articles repeat it.
    origins = {c.origin: c.origin_source_id for c in positive}
    reliability = [
        sources.get(sid, UNKNOWN_OUTLET_PRIOR) if sid else UNKNOWN_OUTLET_PRIOR for sid in origins.values()
    ]
    levels = [STAGE_LEVEL[c.stance] for c in positive]
    if use_stage and rumour.stage in STAGE_LEVEL:
        levels.append(STAGE_LEVEL[rumour.stage])
    latest = max((c.published for c in claims), default=None)
    features = {
        "stage": max(levels, default=0.0),
        "agreed": 1.0 if any(c.stance == Stage.AGREED for c in positive) else 0.0,
        "outlets": math.log2(1 + len(origins)) / math.log2(5),
        "reliability": max(reliability, default=0.0),
        "recency": 0.0,
        "competition": min(competitors, 3) / 3,
        "contract_expiring": _contract_pressure(contract_end, now.date()),
        "injured": 1.0 if injured else 0.0,
    }
    if latest is not None:
        days = max(0.0, (now - latest).total_seconds() / 86400)
        features["recency"] = 0.5 ** (days / RECENCY_HALF_LIFE_DAYS)
    for claim in claims:
        if claim.stance in NEGATIVE:
            features[DENIAL_FACTOR.get(claim.stance_by, "denied_by_media")] = 1.0
    return features


def _contract_pressure(end: dt.date | None, today: dt.date) -> float:
    """A player near the end of his contract is more likely to move (or to be sold before he walks)."""
    if end is None:
        return 0.0
    months = (end - today).days / 30.4
    if months <= 6:
        return 1.0
    if months <= 12:
        return 0.6
    if months <= 18:
        return 0.3
    return 0.0
