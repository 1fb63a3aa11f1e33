"""Who changed what and when: simple_history for rumours, players, clubs, contracts and injuries, in admin."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib import admin
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from players.models import Club, Contract, Injury, Player
from rumours import curation
from rumours.models import Rumour
from tests.factories import InjuryFactory


@pytest.mark.parametrize("model", [Rumour, Player, Club, Contract, Injury], ids=lambda m: m.__name__)
def test_the_admin_shows_history(model):
    assert isinstance(admin.site._registry[model], SimpleHistoryAdmin)


def history_page(client, obj) -> str:
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_history", args=[obj.pk])
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_curators_decisions_are_listed_with_their_name_and_reason(world, curator, curator_client):
    curation.rumour_set_stage(rumour=world.trent_psg, stage="bid", user=curator)
    curation.rumour_reject(rumour=world.trent_psg, user=curator, reason="Only one outlet")

    html = history_page(curator_client, world.trent_psg)

    assert "curator" in html
    assert "rejected: Only one outlet" in html
    assert "stage set to bid" in html


def test_an_outcome_is_traced_on_the_contracts_too(world, curator, curator_client):
    curation.rumour_mark_completed(rumour=world.trent_madrid, user=curator, on=dt.date(2025, 1, 20))

    old = world.trent.contracts.get(club=world.liverpool)
    new = world.trent.contracts.get(club=world.real_madrid)
    for contract in (old, new):
        record = contract.history.latest()
        assert (record.history_user, record.history_change_reason) == (
            curator,
            "completed: joined Real Madrid on 2025-01-20",
        )
    assert "completed: joined Real Madrid" in history_page(curator_client, new)


def test_a_player_merge_is_traced_on_the_moved_rows(world, curator, curator_client):
    duplicate = Player.objects.create(name="Mo Salah")
    injury = InjuryFactory(player=duplicate)

    curation.player_merge(survivor=world.salah, merged=duplicate, user=curator)

    for record in (duplicate.history.latest(), injury.history.latest()):
        assert record.history_user == curator
        assert record.history_change_reason == f"merged player #{duplicate.pk} into #{world.salah.pk}"
    assert "merged player" in history_page(curator_client, duplicate)


def test_edits_in_admin_are_attributed_by_the_history_middleware(world, curator, curator_client):
    url = reverse("admin:players_club_change", args=[world.arsenal.pk])
    superuser_only = curator_client.post(url, {"name": "Arsenal FC"})
    assert superuser_only.status_code == 403  # curators only read clubs

    injury = InjuryFactory(player=world.salah)
    response = curator_client.post(
        reverse("admin:players_injury_change", args=[injury.pk]),
        {
            "player": world.salah.pk,
            "description": "hamstring strain",
            "body_part": "hamstring",
            "occurred_on": "2024-10-05",
            "expected_absence": "three weeks",
            "status": "injured",
        },
    )

    assert response.status_code == 302
    assert injury.history.latest().history_user == curator
    assert "curator" in history_page(curator_client, injury)
