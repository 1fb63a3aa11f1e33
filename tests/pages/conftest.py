"""Shared rows for the reader-page tests: Trent Alexander-Arnold at Liverpool, linked with Real Madrid."""

import datetime as dt
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.utils import timezone

from players import clock
from players.models import Club, Contract, Injury, Player
from rumours.models import Article, Mention, Rumour, Source
from tests.factories import (
    ArticleFactory,
    ClubAliasFactory,
    ClubFactory,
    ContractFactory,
    InjuryFactory,
    MentionFactory,
    PlayerAliasFactory,
    PlayerFactory,
    RumourFactory,
    SourceFactory,
)

EVIDENCE = (
    "Real Madrid are preparing a bid for Liverpool's Trent Alexander-Arnold, whose contract runs out next "
    "summer, according to Fichajes."
)
SECOND_EVIDENCE = "Alexander-Arnold has not agreed a new deal with the Reds."


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Pages are cached under versioned keys; every test starts from a cold cache.
    cache.clear()
    yield
    cache.clear()


@dataclass
class Scenario:
    liverpool: Club
    madrid: Club
    trent: Player
    contract: Contract
    injury: Injury
    rumour: Rumour
    article: Article
    mention: Mention
    mirror: Source
    fichajes: Source


def build_scenario() -> Scenario:
    today = clock.today()
    liverpool = ClubFactory(
        name="Liverpool",
        short_name="Liverpool",
        league="Premier League",
        country="England",
        stadium="Anfield",
    )
    madrid = ClubFactory(name="Real Madrid", league="La Liga", country="Spain", stadium="Santiago Bernabéu")
    ClubAliasFactory(club=liverpool, alias="the Reds")
    ClubAliasFactory(club=madrid, alias="Los Blancos")
    trent = PlayerFactory(
        name="Trent Alexander-Arnold",
        known_as="",
        date_of_birth=dt.date(1998, 10, 7),
        nationality="England",
        position="defender",
        position_detail="right-back",
        shirt_number=66,
    )
    PlayerAliasFactory(player=trent, alias="TAA")
    contract = ContractFactory(
        player=trent,
        club=liverpool,
        start_date=today - dt.timedelta(days=900),
        end_date=today + dt.timedelta(days=200),
        weekly_wage=180_000,
        wage_currency="GBP",
    )
    injury = InjuryFactory(
        player=trent,
        club=liverpool,
        description="hamstring strain",
        occurred_on=today - dt.timedelta(days=10),
    )
    mirror = SourceFactory(name="Daily Mirror", reliability_tier=3)
    fichajes = SourceFactory(name="Fichajes", reliability_tier=4)
    rumour = RumourFactory(
        player=trent,
        from_club=liverpool,
        to_club=madrid,
        window="2025 summer",
        stage="bid",
        likelihood=72,
        likelihood_explanation=[
            {"factor": "stage", "points": 40, "detail": "a bid has been reported"},
            {"factor": "outlets", "points": 20, "detail": "2 independent outlets"},
            {"factor": "contract", "points": 12, "detail": "under a year left"},
        ],
        first_seen=timezone.now() - dt.timedelta(days=30),
        last_seen=timezone.now() - dt.timedelta(days=1),
    )
    article = ArticleFactory(
        title="Real Madrid plot Alexander-Arnold move",
        text=f"Intro line.\n{EVIDENCE}\n{SECOND_EVIDENCE}",
        source=mirror,
        published_at=timezone.now() - dt.timedelta(days=2),
    )
    start = article.text.index(EVIDENCE)
    mention = MentionFactory(
        article=article,
        rumour=rumour,
        stance="bid",
        sentence=EVIDENCE,
        span_start=start,
        span_end=start + len(EVIDENCE),
        cited_outlet="Fichajes",
        cited_source=fichajes,
    )
    start = article.text.index(SECOND_EVIDENCE)
    MentionFactory(
        article=article,
        rumour=None,
        kind="contract",
        player=trent,
        club=liverpool,
        stance="",
        fact="no new deal agreed",
        sentence=SECOND_EVIDENCE,
        span_start=start,
        span_end=start + len(SECOND_EVIDENCE),
    )
    return Scenario(liverpool, madrid, trent, contract, injury, rumour, article, mention, mirror, fichajes)


@pytest.fixture
def scenario(db) -> Scenario:
    return build_scenario()
