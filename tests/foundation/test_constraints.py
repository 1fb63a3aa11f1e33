"""Natural keys and invariants are enforced by the database itself, on SQLite and on PostgreSQL."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from players.models import ClubAlias, Contract, Player, PlayerAlias
from rumours.models import Rumour
from tests.factories import (
    ArticleFactory,
    ClubFactory,
    ContractFactory,
    MentionFactory,
    PlayerFactory,
    RumourFactory,
)


def refused(make) -> bool:
    try:
        with transaction.atomic():
            make()
    except IntegrityError:
        return True
    return False


@pytest.fixture(params=["db", "postgresql_db"])
def any_db(request):
    return request.getfixturevalue(request.param)


def test_two_articles_cannot_share_a_canonical_url(any_db):
    ArticleFactory(canonical_url="https://news.example/a", content_hash="1" * 64)
    assert refused(lambda: ArticleFactory(canonical_url="https://news.example/a", content_hash="2" * 64))


def test_two_articles_cannot_share_a_content_hash(any_db):
    ArticleFactory(canonical_url="https://news.example/a", content_hash="1" * 64)
    assert refused(lambda: ArticleFactory(canonical_url="https://news.example/b", content_hash="1" * 64))


def test_articles_not_yet_fetched_may_all_lack_a_hash(any_db):
    ArticleFactory(canonical_url="https://news.example/a", content_hash=None)
    ArticleFactory(canonical_url="https://news.example/b", content_hash=None)


def test_one_rumour_per_player_destination_and_window(any_db):
    rumour = RumourFactory(window="2025 January")
    assert refused(
        lambda: Rumour.objects.create(player=rumour.player, to_club=rumour.to_club, window="2025 January")
    )
    Rumour.objects.create(player=rumour.player, to_club=rumour.to_club, window="2025 summer")


def test_likelihood_cannot_exceed_100(any_db):
    assert refused(lambda: RumourFactory(likelihood=101))


def test_an_alias_is_unique_per_owner_after_folding(any_db):
    club = ClubFactory(name="Real Madrid")
    ClubAlias.objects.create(club=club, alias="Los Blancos")
    assert refused(lambda: ClubAlias.objects.create(club=club, alias="los  BLANCOS"))
    player = PlayerFactory(name="Kylian Mbappé")
    PlayerAlias.objects.create(player=player, alias="Mbappé")
    assert refused(lambda: PlayerAlias.objects.create(player=player, alias="MBAPPE"))


def test_two_owners_may_share_an_alias(any_db):
    ashley, carlton = PlayerFactory(name="Ashley Cole"), PlayerFactory(name="Carlton Cole")
    PlayerAlias.objects.create(player=ashley, alias="Cole")
    PlayerAlias.objects.create(player=carlton, alias="Cole")
    assert PlayerAlias.objects.filter(normalised="cole").count() == 2


def test_a_contract_cannot_end_before_it_starts(any_db):
    assert refused(lambda: ContractFactory(start_date=dt.date(2024, 7, 1), end_date=dt.date(2024, 6, 30)))


def test_a_wage_needs_a_currency(any_db):
    assert refused(lambda: ContractFactory(weekly_wage=350_000, wage_currency=""))
    ContractFactory(weekly_wage=350_000, wage_currency="GBP")


def test_shirt_numbers_run_from_1_to_99(any_db):
    assert refused(lambda: PlayerFactory(shirt_number=0))
    assert refused(lambda: PlayerFactory(shirt_number=100))


def test_a_mention_span_cannot_run_backwards(any_db):
    assert refused(lambda: MentionFactory(span_start=10, span_end=5))


def test_a_rumour_mention_needs_its_rumour(any_db):
    mention = MentionFactory()
    assert refused(
        lambda: MentionFactory(article=mention.article, rumour=None, player=mention.player, club=None)
    )


def test_slugs_are_made_unique(db):
    first = Player.objects.create(name="Rodri")
    second = Player.objects.create(name="Rodri")
    assert first.slug == "rodri" and second.slug == "rodri-2"


def test_contract_queries_sort_unknown_starts_last_on_every_database(any_db):
    player = PlayerFactory()
    old = ContractFactory(player=player, start_date=None, end_date=None)
    loan = ContractFactory(player=player, start_date=dt.date(2024, 8, 1), end_date=dt.date(2025, 6, 30))
    assert player.contract_on(dt.date(2024, 10, 1)) == loan
    assert player.contract_on(dt.date(2025, 8, 1)) == old
    assert list(Contract.objects.filter(player=player).order_by(*Contract.LATEST_FIRST)) == [loan, old]
