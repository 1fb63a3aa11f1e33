"""A small football world for linking tests: real rows made with the shared factories; articles we wrote."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.db import connection

from players.models import Club, Player, Staff, StaffAlias
from rumours.gazetteer_snapshot import forget_snapshot
from rumours.models import Article, ArticleStatus, Source
from tests.factories import (
    ArticleFactory,
    ClubAliasFactory,
    ClubFactory,
    ContractFactory,
    PlayerAliasFactory,
    PlayerFactory,
    SourceFactory,
    StaffFactory,
)
from tests.support import services

# Our own sentences, in the voice of transfer news. Dates are the articles' publication dates.
SAKA_INTEREST = (
    "Chelsea are interested in signing Bukayo Saka, according to Fichajes.net. The Blues see the Arsenal "
    "winger as the answer on their right flank."
)
SAKA_BID = "Chelsea have tabled a £70m bid for Bukayo Saka. Arsenal are yet to respond to the offer."
SAKA_REFUSAL = "Bukayo Saka has rejected a move to Chelsea."
SAKA_DENIAL = "Chelsea have denied reports linking them with Bukayo Saka."
SAKA_JOINS = "Bukayo Saka has joined Chelsea from Arsenal."
LIVERPOOL_NEWS = (
    "Dani Carvajal has suffered a serious knee injury and will be out for several months. "
    "Trent Alexander-Arnold is out of contract at the end of the season. "
    "Mohamed Salah earns £350,000 per week at Anfield. "
    "Arne Slot is in talks over a new contract with Liverpool. "
    "Liverpool are also monitoring Jorge Mendoza-Ruiz, a highly rated midfielder."
)


@dataclass
class World:
    arsenal: Club
    chelsea: Club
    liverpool: Club
    madrid: Club
    saka: Player
    trent: Player
    carvajal: Player
    salah: Player
    slot: Staff
    fichajes: Source
    equipe: Source


@pytest.fixture(autouse=True)
def _fresh_gazetteer():
    # The snapshot lives per process and the test database is rolled back between tests without telling it,
    # so every test starts (and ends, for whoever runs next) without one.
    forget_snapshot()
    cache.clear()
    yield
    forget_snapshot()


def _club(name: str, *aliases: str, country: str = "England") -> Club:
    club = ClubFactory(name=name, country=country)
    for alias in aliases:
        ClubAliasFactory(club=club, alias=alias)
    return club


def _player(name: str, club: Club | None, *aliases: str, **fields) -> Player:
    player = PlayerFactory(name=name, **fields)
    for alias in aliases:
        PlayerAliasFactory(player=player, alias=alias)
    if club is not None:
        ContractFactory(player=player, club=club, start_date=dt.date(2020, 7, 1), end_date=None)
    return player


@pytest.fixture
def world(db) -> World:
    arsenal = _club("Arsenal", "the Gunners", "Gunners")
    chelsea = _club("Chelsea", "the Blues", "Stamford Bridge")
    liverpool = _club("Liverpool", "the Reds", "Anfield")
    madrid = _club("Real Madrid", "Los Blancos", country="Spain")
    slot = StaffFactory(name="Arne Slot", club=liverpool, role="manager")
    StaffAlias.objects.create(staff=slot, alias="Slot")
    return World(
        arsenal=arsenal,
        chelsea=chelsea,
        liverpool=liverpool,
        madrid=madrid,
        saka=_player(
            "Bukayo Saka",
            arsenal,
            "Saka",
            date_of_birth=dt.date(2001, 9, 5),
            position="forward",
            shirt_number=7,
        ),
        trent=_player(
            "Trent Alexander-Arnold",
            liverpool,
            "Alexander-Arnold",
            date_of_birth=dt.date(1998, 10, 7),
            shirt_number=66,
        ),
        carvajal=_player(
            "Dani Carvajal", madrid, "Carvajal", nationality="Spain", date_of_birth=dt.date(1992, 1, 11)
        ),
        salah=_player(
            "Mohamed Salah", liverpool, "Mo Salah", "Salah", nationality="Egypt", position="forward"
        ),
        slot=slot,
        fichajes=SourceFactory(name="Fichajes", aliases=["Fichajes.net"]),
        equipe=SourceFactory(name="L'Équipe"),
    )


def make_article(text: str, published: str, *, stem: str, title: str = "Transfer news") -> Article:
    day = dt.date.fromisoformat(published)
    return ArticleFactory(
        url="",
        canonical_url=f"file:{stem}",
        title=title,
        text=text,
        published_at=dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC),
        status=ArticleStatus.FETCHED,
    )


@pytest.fixture
def postgresql_transactional_db(transactional_db):
    """Committed rows on real PostgreSQL, for tests about concurrent workers."""
    services.require_postgresql(connection)
    return transactional_db
