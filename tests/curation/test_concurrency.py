"""Two curators at once on PostgreSQL: row locks make one win cleanly, never a half merge or a deadlock."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from players.models import Player
from rumours import curation
from rumours.models import Mention, Rumour
from tests.curation.conftest import make_user
from tests.factories import ArticleFactory, ClubFactory, MentionFactory, PlayerFactory, RumourFactory
from tests.support import services

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def at_once(*calls) -> list[object]:
    """Run each call in its own thread (own connection), released together; returns results or exceptions."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(i, call):
        try:
            barrier.wait()
            results[i] = call()
        except Exception as error:  # noqa: BLE001 - the test inspects what each side got
            results[i] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.fixture
def postgresql():
    services.require_postgresql(connection)


@pytest.mark.parametrize("attempt", range(3))
def test_crossed_rumour_merges_one_wins_and_the_other_is_refused(postgresql, attempt):
    user = make_user("curator", staff=True)
    player = PlayerFactory()
    a = RumourFactory(player=player, to_club=ClubFactory())
    b = RumourFactory(player=player, to_club=ClubFactory())
    for rumour in (a, b, a):
        MentionFactory(rumour=rumour, article=ArticleFactory())

    results = at_once(
        lambda: curation.rumour_merge(survivor=a, merged=b, user=user),
        lambda: curation.rumour_merge(survivor=b, merged=a, user=user),
    )

    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(refused) == 1, results
    merged = Rumour.objects.filter(merged_into__isnull=False)
    assert merged.count() == 1
    survivor = Rumour.objects.get(merged_into__isnull=True, player=player)
    assert Mention.objects.filter(rumour=survivor).count() == 3


def test_crossed_player_merges_one_wins(postgresql):
    user = make_user("curator", staff=True)
    a, b = PlayerFactory(), PlayerFactory()
    MentionFactory(rumour=RumourFactory(player=a), article=ArticleFactory())
    MentionFactory(rumour=RumourFactory(player=b), article=ArticleFactory())

    results = at_once(
        lambda: curation.player_merge(survivor=a, merged=b, user=user),
        lambda: curation.player_merge(survivor=b, merged=a, user=user),
    )

    assert sum(isinstance(r, ValidationError) for r in results) == 1, results
    assert Player.objects.filter(merged_into__isnull=True).count() == 1
    survivor = Player.objects.get(merged_into__isnull=True)
    assert Mention.objects.filter(player=survivor).count() == 2
