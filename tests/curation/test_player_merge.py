"""Merging two players: every related row moves to the survivor (counted), the duplicate's page redirects,
and a failure part-way leaves nothing half merged."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.core.exceptions import ValidationError

from players.models import Contract, Injury, Player, PlayerAlias
from rumours import curation
from rumours.curation import merging
from rumours.models import Mention, MentionKind, Rumour
from tests.factories import (
    ArticleFactory,
    ContractFactory,
    InjuryFactory,
    MentionFactory,
    PlayerAliasFactory,
    PlayerFactory,
)


@pytest.fixture
def duplicate(world):
    """'T. Alexander-Arnold', created twice over: own aliases, contracts, injuries, rumours, evidence."""
    dup = PlayerFactory(name="T. Alexander-Arnold", known_as="Trent")
    PlayerAliasFactory(player=dup, alias="Trent AA")
    PlayerAliasFactory(player=dup, alias="taa")  # the survivor already has "TAA": folded, the same name
    # The same Liverpool contract recorded on both (dropped, its evidence kept), and an older one (moved).
    twin = ContractFactory(
        player=dup, club=world.liverpool, start_date=dt.date(2016, 7, 1), end_date=dt.date(2025, 6, 30)
    )
    ContractFactory(
        player=dup, club=world.arsenal, start_date=dt.date(2014, 7, 1), end_date=dt.date(2016, 6, 30)
    )
    InjuryFactory(player=dup, description="hamstring strain", occurred_on=dt.date(2024, 10, 5))
    article = ArticleFactory(source=world.bbc)
    MentionFactory(
        kind=MentionKind.CONTRACT,
        rumour=None,
        player=dup,
        club=world.liverpool,
        contract=twin,
        article=article,
    )
    # A rumour the survivor also has (same club and window: merged) and one he has not (moved).
    same = Rumour.objects.create(player=dup, to_club=world.real_madrid, window="2025 January", stage="talks")
    other = Rumour.objects.create(player=dup, to_club=world.arsenal, window="2025 summer")
    MentionFactory(rumour=same, article=article, sentence="Trent in talks with Madrid.")
    MentionFactory(rumour=other, article=article, sentence="Arsenal want Trent back.")
    return dup


def counts(player: Player) -> dict[str, int]:
    return {
        "mentions": Mention.objects.filter(player=player).count(),
        "aliases": player.aliases.count(),
        "contracts": player.contracts.count(),
        "injuries": player.injuries.count(),
        "rumours": player.rumours.count(),
        "visible_rumours": Rumour.objects.visible().filter(player=player).count(),
    }


def test_every_related_row_moves_to_the_survivor(world, curator, duplicate):
    assert counts(world.trent) == {
        "mentions": 3,
        "aliases": 1,
        "contracts": 1,
        "injuries": 0,
        "rumours": 2,
        "visible_rumours": 2,
    }
    assert counts(duplicate) == {
        "mentions": 3,
        "aliases": 2,
        "contracts": 2,
        "injuries": 1,
        "rumours": 2,
        "visible_rumours": 2,
    }

    result = curation.player_merge(survivor=world.trent, merged=duplicate, user=curator)

    assert (result.mentions_moved, result.aliases_moved, result.aliases_dropped, result.aliases_added) == (
        3,
        1,
        1,
        2,
    )
    assert (result.contracts_moved, result.contracts_dropped) == (1, 1)
    assert (result.injuries_moved, result.rumours_moved, result.rumours_merged) == (1, 1, 1)
    assert counts(world.trent) == {
        "mentions": 6,
        "aliases": 4,  # TAA, Trent AA, and the duplicate's names: "T. Alexander-Arnold", "Trent"
        "contracts": 2,
        "injuries": 1,
        "rumours": 3,
        "visible_rumours": 3,
    }
    # The rumour that collided stays with the duplicate, merged into the survivor's and hidden.
    assert counts(duplicate) == {
        "mentions": 0,
        "aliases": 0,
        "contracts": 0,
        "injuries": 0,
        "rumours": 1,
        "visible_rumours": 0,
    }


def test_the_duplicates_names_become_aliases(world, curator, duplicate):
    curation.player_merge(survivor=world.trent, merged=duplicate, user=curator)

    assert set(world.trent.aliases.values_list("alias", flat=True)) == {
        "TAA",
        "Trent AA",
        "T. Alexander-Arnold",
        "Trent",
    }


def test_a_dropped_twin_contract_leaves_its_evidence_on_the_kept_one(world, curator, duplicate):
    kept = world.trent.contracts.get()

    curation.player_merge(survivor=world.trent, merged=duplicate, user=curator)

    assert Mention.objects.get(kind=MentionKind.CONTRACT).contract_id == kept.pk
    assert Contract.objects.filter(club=world.liverpool, player=world.trent).count() == 1


def test_the_colliding_rumour_is_merged_into_the_survivors(world, curator, duplicate):
    collided = duplicate.rumours.get(to_club=world.real_madrid)

    curation.player_merge(survivor=world.trent, merged=duplicate, user=curator)

    collided.refresh_from_db()
    assert collided.merged_into_id == world.trent_madrid.pk
    assert world.trent_madrid.mentions.count() == 3
    assert Rumour.objects.get(pk=world.trent_madrid.pk).stage == "talks"


def test_the_duplicate_points_at_the_survivor_and_leaves_search(world, curator, duplicate):
    curation.player_merge(survivor=world.trent, merged=duplicate, user=curator)

    duplicate.refresh_from_db()
    assert duplicate.merged_into_id == world.trent.pk
    assert duplicate not in Player.objects.active()
    assert curation.player_redirect_target(duplicate) == world.trent
    assert curation.player_redirect_target(world.trent) is None
    assert duplicate.history.latest().history_user == curator


def test_the_duplicates_public_page_redirects_to_the_survivor(client, world, curator, duplicate):
    curation.player_merge(survivor=world.trent, merged=duplicate, user=curator)

    response = client.get(duplicate.get_absolute_url())

    assert response.status_code in (301, 302)
    assert response["Location"] == world.trent.get_absolute_url()


def test_players_merged_earlier_follow_to_the_new_survivor(world, curator, duplicate):
    older = PlayerFactory(name="Trent A-A")
    curation.player_merge(survivor=duplicate, merged=older, user=curator)

    curation.player_merge(survivor=world.trent, merged=duplicate, user=curator)

    older.refresh_from_db()
    assert older.merged_into_id == world.trent.pk
    assert curation.player_redirect_target(older) == world.trent


def test_a_redirect_chain_made_by_hand_ends(world):
    a, b = PlayerFactory(), PlayerFactory()
    Player.objects.filter(pk=a.pk).update(merged_into=b)
    Player.objects.filter(pk=b.pk).update(merged_into=a)

    assert curation.player_redirect_target(Player.objects.get(pk=a.pk)) == b


@pytest.mark.parametrize("case", ["same", "already merged"])
def test_impossible_merges_are_refused(world, curator, duplicate, case):
    if case == "already merged":
        curation.player_merge(survivor=world.trent, merged=duplicate, user=curator)
        survivor, merged = world.salah, duplicate
    else:
        survivor, merged = world.trent, world.trent

    with pytest.raises(ValidationError):
        curation.player_merge(survivor=survivor, merged=merged, user=curator)


def test_a_failure_part_way_leaves_nothing_half_merged(world, curator, duplicate):
    def snapshot():
        return {
            "mentions": sorted(Mention.objects.values_list("pk", "player_id", "rumour_id", "contract_id")),
            "aliases": sorted(PlayerAlias.objects.values_list("alias", "player_id")),
            "contracts": sorted(Contract.objects.values_list("pk", "player_id")),
            "injuries": sorted(Injury.objects.values_list("pk", "player_id")),
            "rumours": sorted(Rumour.objects.values_list("pk", "player_id", "merged_into_id")),
            "players": sorted(Player.objects.values_list("pk", "merged_into_id")),
        }

    before = snapshot()

    # Mentions, aliases, contracts and injuries have moved when the rumours step fails.
    failing = mock.patch.object(merging, "_move_rumours", side_effect=RuntimeError("deadlock detected"))
    with failing, pytest.raises(RuntimeError):
        curation.player_merge(survivor=world.trent, merged=duplicate, user=curator)

    assert snapshot() == before


def test_merge_players_admin_page_previews_then_merges(curator_client, world, duplicate):
    url = "/admin/rumours/rumour/merge-players/"
    data = {"survivor": world.trent.pk, "merged": duplicate.pk}

    preview = curator_client.post(url, data)
    assert preview.status_code == 200
    assert b"moves 3 mentions" in preview.content
    assert Player.objects.get(pk=duplicate.pk).merged_into_id is None

    done = curator_client.post(url, {**data, "confirm": "1"})

    assert done.status_code == 302
    assert done["Location"] == f"/admin/players/player/{world.trent.pk}/change/"
    assert Player.objects.get(pk=duplicate.pk).merged_into_id == world.trent.pk


def test_merge_players_page_refuses_the_same_player_twice(curator_client, world):
    response = curator_client.post(
        "/admin/rumours/rumour/merge-players/",
        {"survivor": world.trent.pk, "merged": world.trent.pk, "confirm": "1"},
    )

    assert response.status_code == 200
    assert b"Pick two different players" in response.content
