"""Contradictions: an article that disagrees with our records raises a flag for curators, and changes nothing.

Two kinds, both checked against the article's own date:
- the article places a player at a club whose contract with him had already ended (he has left);
- the article reports an injury our records list as recovered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from players.models import Club, Contract, Injury, InjuryStatus
from rumours.models import Article, Contradiction, ContradictionKind, ContradictionStatus


@dataclass(frozen=True)
class PlacedAt:
    """The article says this player is at this club (the 'from' side of a rumour, or a contract fact)."""

    player_id: int
    club_id: int
    evidence: str


def contradictions_flag(
    *, article: Article, day: dt.date, placements: Iterable[PlacedAt], injury_ids: Iterable[int] = ()
) -> int:
    """Replace this article's open flags with the ones it raises now. Returns how many it raises."""
    article.contradictions.filter(status=ContradictionStatus.OPEN).delete()
    flags: dict[tuple[int, str], Contradiction] = {}
    placements = list(placements)
    player_ids = {p.player_id for p in placements}
    contracts: dict[int, list[Contract]] = {}
    for contract in Contract.objects.filter(player_id__in=player_ids).order_by(*Contract.LATEST_FIRST):
        contracts.setdefault(contract.player_id, []).append(contract)
    clubs = Club.objects.in_bulk({p.club_id for p in placements})
    for placed in placements:
        history = contracts.get(placed.player_id, [])
        current = next((c for c in history if c.is_current(day)), None)
        if current is None or current.club_id == placed.club_id:
            continue
        left = [c for c in history if c.club_id == placed.club_id and c.end_date and c.end_date < day]
        if not left:
            continue
        club = clubs.get(placed.club_id)
        flags.setdefault(
            (placed.player_id, ContradictionKind.LEFT_CLUB),
            Contradiction(
                article=article,
                player_id=placed.player_id,
                kind=ContradictionKind.LEFT_CLUB,
                claim=f"at {club} on {day:%d %b %Y}",
                record=f"left {club} on {left[0].end_date:%d %b %Y}; at {current.club} since then",
                evidence=placed.evidence,
            ),
        )
    for injury in Injury.objects.filter(pk__in=list(injury_ids), status=InjuryStatus.RECOVERED):
        flags.setdefault(
            (injury.player_id, ContradictionKind.INJURY_RECOVERED),
            Contradiction(
                article=article,
                player_id=injury.player_id,
                kind=ContradictionKind.INJURY_RECOVERED,
                claim=f"injured: {injury.description}",
                record="recorded as recovered",
                evidence=injury.description,
            ),
        )
    # A flag a curator already dismissed or resolved for this article stays decided.
    decided = set(
        article.contradictions.exclude(status=ContradictionStatus.OPEN).values_list("player_id", "kind")
    )
    Contradiction.objects.bulk_create([f for key, f in flags.items() if key not in decided])
    return len(flags)
