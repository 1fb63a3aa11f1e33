"""Larger data sets for the query-count tests, built from the shared factories."""

import datetime as dt

from django.utils import timezone

from players.models import Player
from rumours.models import Mention
from tests.factories import (
    ArticleFactory,
    ClubFactory,
    ContractFactory,
    InjuryFactory,
    MentionFactory,
    PlayerAliasFactory,
    PlayerFactory,
    RumourFactory,
    SourceFactory,
)

WINDOWS = [f"{year} {season}" for year in range(2016, 2026) for season in ("January", "summer")]


def player_with_rumours(*, rumours: int, mentions_per_rumour: int, label: str) -> Player:
    """A player at a club, with `rumours` rumours to distinct (club, window) pairs, each with evidence in
    articles from several outlets, plus an injury, two contracts and an alias."""
    home = ClubFactory(name=f"{label} Home FC")
    player = PlayerFactory(name=f"{label} Player")
    PlayerAliasFactory(player=player, alias=f"{label} nickname")
    ContractFactory(
        player=player,
        club=ClubFactory(name=f"{label} Old FC"),
        start_date=dt.date(2015, 7, 1),
        end_date=dt.date(2019, 6, 30),
    )
    ContractFactory(
        player=player,
        club=home,
        start_date=dt.date(2019, 7, 1),
        end_date=dt.date(2030, 6, 30),
        weekly_wage=50_000,
        wage_currency="EUR",
    )
    InjuryFactory(player=player, club=home)
    sources = [SourceFactory(name=f"{label} Outlet {n}") for n in range(5)]
    clubs = [ClubFactory(name=f"{label} Suitor {n}") for n in range(max(1, -(-rumours // len(WINDOWS))))]
    articles = [
        ArticleFactory(source=sources[n % len(sources)], published_at=timezone.now() - dt.timedelta(days=n))
        for n in range(max(1, min(rumours * mentions_per_rumour // 10, 200)))
    ]
    built = []
    for n in range(rumours):
        rumour = RumourFactory(
            player=player,
            from_club=home,
            to_club=clubs[n // len(WINDOWS)],
            window=WINDOWS[n % len(WINDOWS)],
            likelihood=n % 101,
            likelihood_explanation=[{"factor": "stage", "label": "Stage", "points": 10, "value": 1}],
        )
        for m in range(mentions_per_rumour):
            built.append(
                MentionFactory.build(
                    article=articles[(n * mentions_per_rumour + m) % len(articles)],
                    rumour=rumour,
                    player=player,
                    club=rumour.to_club,
                    sentence=f"{rumour.to_club.name} want {player.name} (evidence {m}).",
                    cited_outlet="Fichajes" if m % 3 == 0 else "",
                )
            )
    Mention.objects.bulk_create(built, batch_size=500)
    return player
