"""A move to a player's own club is no transfer; an article contradicting our records is flagged."""

import datetime as dt

import pytest

from players.models import Contract
from rumours.linking import link_article
from rumours.models import Contradiction, ContradictionKind, Rumour
from tests.factories import ContractFactory
from tests.linking.conftest import SAKA_INTEREST, make_article

pytestmark = pytest.mark.django_db


def test_a_new_deal_at_his_own_club_makes_no_rumour(world):
    article = make_article(
        "Bukayo Saka has signed a new contract with Arsenal.", "2024-12-01", stem="renewal"
    )
    link_article(article)
    assert not Rumour.objects.filter(to_club=world.arsenal).exists()


def test_a_completed_move_recorded_on_the_article_date_still_links(world):
    article = make_article("Bukayo Saka has joined Chelsea from Arsenal.", "2025-01-20", stem="joins")
    Contract.objects.filter(player=world.saka).update(end_date=dt.date(2025, 1, 19))
    ContractFactory(player=world.saka, club=world.chelsea, start_date=dt.date(2025, 1, 20), end_date=None)
    link_article(article)
    rumour = Rumour.objects.get(player=world.saka, to_club=world.chelsea)
    assert rumour.stage == "completed" and rumour.from_club == world.arsenal


def test_an_article_placing_a_player_at_a_club_he_left_raises_a_flag(world):
    # Our records: Saka left Arsenal for Chelsea in the summer; an autumn article still calls him Arsenal's.
    Contract.objects.filter(player=world.saka).update(end_date=dt.date(2024, 6, 30))
    ContractFactory(player=world.saka, club=world.chelsea, start_date=dt.date(2024, 7, 1), end_date=None)
    article = make_article(
        "Arsenal's Bukayo Saka is wanted by Real Madrid, who are weighing up an approach.",
        "2024-11-01",
        stem="old",
    )
    summary = link_article(article)
    flag = Contradiction.objects.get()
    assert flag.kind == ContradictionKind.LEFT_CLUB and flag.player == world.saka
    assert summary["contradictions"] == 1
    assert world.saka.club_on(dt.date(2024, 11, 1)) == world.chelsea  # the article changed nothing


def test_an_article_in_line_with_our_records_raises_nothing(world):
    link_article(make_article(SAKA_INTEREST, "2024-12-01", stem="saka-interest"))
    assert not Contradiction.objects.exists()
