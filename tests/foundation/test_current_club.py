"""A player's current club is derived from his contracts, never stored twice."""

import datetime as dt

from players.models import Player
from tests.factories import ClubFactory, ContractFactory, PlayerFactory


def test_current_club_follows_contracts_over_time(db):
    liverpool, madrid = ClubFactory(name="Liverpool"), ClubFactory(name="Real Madrid")
    trent = PlayerFactory(name="Trent Alexander-Arnold")
    ContractFactory(
        player=trent, club=liverpool, start_date=dt.date(2016, 7, 1), end_date=dt.date(2025, 5, 31)
    )
    ContractFactory(player=trent, club=madrid, start_date=dt.date(2025, 6, 1), end_date=dt.date(2031, 6, 30))

    assert trent.club_on(dt.date(2024, 10, 6)) == liverpool
    assert trent.club_on(dt.date(2025, 5, 31)) == liverpool
    assert trent.club_on(dt.date(2025, 6, 1)) == madrid
    assert trent.club_on(dt.date(2032, 1, 1)) is None
    assert trent.club_on(dt.date(2010, 1, 1)) is None


def test_a_loan_is_the_current_club_while_it_runs(db):
    owner, borrower = ClubFactory(name="Chelsea"), ClubFactory(name="Southampton")
    player = PlayerFactory()
    ContractFactory(player=player, club=owner, start_date=dt.date(2022, 7, 1), end_date=dt.date(2027, 6, 30))
    ContractFactory(
        player=player,
        club=borrower,
        start_date=dt.date(2024, 8, 30),
        end_date=dt.date(2025, 6, 30),
        is_loan=True,
        parent_club=owner,
    )
    assert player.club_on(dt.date(2024, 10, 1)) == borrower
    assert player.club_on(dt.date(2025, 7, 1)) == owner


def test_list_pages_get_the_current_club_in_one_query(db, django_assert_num_queries):
    club = ClubFactory(name="Arsenal")
    for _ in range(5):
        ContractFactory(club=club, start_date=dt.date(2020, 7, 1), end_date=dt.date(2028, 6, 30))
    PlayerFactory()  # a free agent
    with django_assert_num_queries(1):
        rows = list(
            Player.objects.with_current_contract(dt.date(2024, 10, 1)).values_list(
                "current_club_id", flat=True
            )
        )
    assert sorted(rows, key=lambda x: x or 0) == [None] + [club.pk] * 5


def test_age_is_counted_at_a_given_date(db):
    player = PlayerFactory(date_of_birth=dt.date(1992, 1, 11))
    assert player.age_on(dt.date(2024, 10, 6)) == 32
    assert player.age_on(dt.date(2024, 1, 10)) == 31
    assert PlayerFactory(date_of_birth=None).age_on(dt.date(2024, 1, 1)) is None
