"""Personas and a small real world for the curation tests.

Personas: anonymous, a reader (an account that is not staff), staff in no group, a curator (staff in the
Curators group that migration 0005 creates) and a superuser. The world is a few clubs, players with contracts,
articles from two outlets and rumours with evidence, all real rows.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.utils import timezone

from players.models import Club, Player
from rumours.models import Article, Candidate, Mention, MentionKind, Rumour, Source, Stage
from tests.factories import (
    ArticleFactory,
    ClubFactory,
    ContractFactory,
    MentionFactory,
    PlayerAliasFactory,
    PlayerFactory,
    RumourFactory,
    SourceFactory,
)

PASSWORD = "a-long-test-password-9431"
GROUPS_MIGRATION = importlib.import_module("rumours.migrations.0005_curators_group")
LATER_GRANTS = [importlib.import_module("rumours.migrations.0008_curators_contradictions")]


def curators_group() -> Group:
    """The group migration 0005 made. A transactional test's flush empties every table (the migration's rows
    too), so tests that run after one rebuild it here from the migration's own list."""
    group, created = Group.objects.get_or_create(name=GROUPS_MIGRATION.GROUP)
    if created:
        later = [pair for migration in LATER_GRANTS for pair in migration.codenames()]
        for app_label, codename in [*GROUPS_MIGRATION._codenames(), *later]:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
    return group


def make_user(username: str, *, staff: bool = False, superuser: bool = False, group: str = "") -> User:
    user = User.objects.create_user(
        username, email=f"{username}@example.org", password=PASSWORD, is_staff=staff or superuser
    )
    if superuser:
        user.is_superuser = True
        user.save()
    if group:
        user.groups.add(
            curators_group() if group == GROUPS_MIGRATION.GROUP else Group.objects.get(name=group)
        )
    return user


@pytest.fixture
def reader(db) -> User:
    return make_user("reader")


@pytest.fixture
def staff(db) -> User:
    return make_user("staff", staff=True)


@pytest.fixture
def curator(db) -> User:
    return make_user("curator", staff=True, group="Curators")


@pytest.fixture
def superuser(db) -> User:
    return make_user("boss", superuser=True)


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


@dataclass
class World:
    liverpool: Club
    real_madrid: Club
    psg: Club
    arsenal: Club
    bbc: Source
    fichajes: Source
    trent: Player
    salah: Player
    article_bbc: Article
    article_fichajes: Article
    trent_madrid: Rumour
    trent_psg: Rumour
    salah_psg: Rumour
    candidate: Candidate


def mention(rumour: Rumour, article: Article, sentence: str, **extra) -> Mention:
    return MentionFactory(
        rumour=rumour,
        article=article,
        kind=MentionKind.RUMOUR,
        stance=rumour.stage,
        sentence=sentence,
        **extra,
    )


@pytest.fixture
def world(db) -> World:
    liverpool = ClubFactory(name="Liverpool", short_name="Liverpool FC")
    real_madrid = ClubFactory(name="Real Madrid", country="Spain", league="La Liga")
    psg = ClubFactory(name="Paris Saint-Germain", short_name="PSG", country="France", league="Ligue 1")
    arsenal = ClubFactory(name="Arsenal")
    bbc = SourceFactory(name="BBC Sport", reliability_tier=1)
    fichajes = SourceFactory(name="Fichajes", reliability_tier=4)
    trent = PlayerFactory(name="Trent Alexander-Arnold", known_as="", position="defender")
    PlayerAliasFactory(player=trent, alias="TAA")
    ContractFactory(
        player=trent, club=liverpool, start_date=dt.date(2016, 7, 1), end_date=dt.date(2025, 6, 30)
    )
    salah = PlayerFactory(name="Mohamed Salah", position="forward")
    ContractFactory(
        player=salah, club=liverpool, start_date=dt.date(2017, 7, 1), end_date=dt.date(2025, 6, 30)
    )
    now = timezone.now()
    article_bbc = ArticleFactory(title="Madrid weigh Trent move", source=bbc, published_at=now)
    article_fichajes = ArticleFactory(title="PSG and Madrid circle", source=fichajes, published_at=now)
    trent_madrid = RumourFactory(
        player=trent, from_club=liverpool, to_club=real_madrid, stage=Stage.INTEREST, likelihood=60
    )
    trent_psg = RumourFactory(
        player=trent, from_club=liverpool, to_club=psg, stage=Stage.LINKED, likelihood=20
    )
    salah_psg = RumourFactory(
        player=salah, from_club=liverpool, to_club=psg, window="2025 summer", stage=Stage.TALKS, likelihood=45
    )
    mention(trent_madrid, article_bbc, "Real Madrid are weighing up an approach for Trent Alexander-Arnold.")
    mention(
        trent_madrid,
        article_fichajes,
        "Alexander-Arnold is wanted by Real Madrid, according to BBC Sport.",
        cited_source=bbc,
        confidence=0.9,
    )
    mention(trent_psg, article_fichajes, "Paris Saint-Germain have asked about Trent Alexander-Arnold.")
    mention(salah_psg, article_bbc, "Salah is in talks with PSG.")
    candidate = Candidate.objects.create(
        name="Joao Neves",
        normalised="joao neves",
        article=article_fichajes,
        evidence="Liverpool are tracking Joao Neves as a replacement.",
    )
    return World(
        liverpool=liverpool,
        real_madrid=real_madrid,
        psg=psg,
        arsenal=arsenal,
        bbc=bbc,
        fichajes=fichajes,
        trent=trent,
        salah=salah,
        article_bbc=article_bbc,
        article_fichajes=article_fichajes,
        trent_madrid=trent_madrid,
        trent_psg=trent_psg,
        salah_psg=salah_psg,
        candidate=candidate,
    )
