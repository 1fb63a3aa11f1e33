"""Merging two rumours: the evidence moves, the dates combine, readers see one, and it is all or nothing."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from rumours import curation
from rumours.curation import merging
from rumours.models import Mention, Rumour, Stage


def test_mentions_move_to_the_survivor(world, curator):
    assert (world.trent_madrid.mentions.count(), world.trent_psg.mentions.count()) == (2, 1)

    result = curation.rumour_merge(survivor=world.trent_madrid, merged=world.trent_psg, user=curator)

    assert result.mentions_moved == 1
    assert (world.trent_madrid.mentions.count(), world.trent_psg.mentions.count()) == (3, 0)
    assert Mention.objects.count() == 4


def test_first_and_last_seen_are_combined(world, curator):
    early, late = timezone.now() - dt.timedelta(days=30), timezone.now() + dt.timedelta(days=1)
    Rumour.objects.filter(pk=world.trent_psg.pk).update(first_seen=early, last_seen=late)

    curation.rumour_merge(survivor=world.trent_madrid, merged=world.trent_psg, user=curator)

    survivor = Rumour.objects.get(pk=world.trent_madrid.pk)
    assert (survivor.first_seen, survivor.last_seen) == (early, late)


def test_the_merged_rumour_disappears_from_readers(world, curator):
    curation.rumour_merge(survivor=world.trent_madrid, merged=world.trent_psg, user=curator)

    merged = Rumour.objects.get(pk=world.trent_psg.pk)
    assert merged.merged_into_id == world.trent_madrid.pk
    assert set(Rumour.objects.visible().filter(player=world.trent)) == {world.trent_madrid}
    assert merged.history.latest().history_user == curator


def test_the_furthest_stage_wins_unless_a_curator_fixed_the_survivors(world, curator):
    Rumour.objects.filter(pk=world.trent_psg.pk).update(stage=Stage.BID)
    curation.rumour_merge(survivor=world.trent_madrid, merged=world.trent_psg, user=curator)
    assert Rumour.objects.get(pk=world.trent_madrid.pk).stage == Stage.BID

    other = Rumour.objects.create(
        player=world.salah, to_club=world.real_madrid, window="2025 summer", stage="agreed"
    )
    curation.rumour_set_stage(rumour=world.salah_psg, stage=Stage.INTEREST, user=curator)
    curation.rumour_merge(survivor=world.salah_psg, merged=other, user=curator)
    assert Rumour.objects.get(pk=world.salah_psg.pk).stage == Stage.INTEREST


def test_rumours_merged_earlier_follow_to_the_new_survivor(world, curator):
    third = Rumour.objects.create(player=world.trent, to_club=world.arsenal, window="2025 January")
    curation.rumour_merge(survivor=world.trent_psg, merged=third, user=curator)

    curation.rumour_merge(survivor=world.trent_madrid, merged=world.trent_psg, user=curator)

    assert Rumour.objects.get(pk=third.pk).merged_into_id == world.trent_madrid.pk


@pytest.mark.parametrize(
    "pair",
    [
        ("trent_madrid", "trent_madrid"),  # the same rumour
        ("trent_madrid", "salah_psg"),  # different players
    ],
)
def test_impossible_merges_are_refused(world, curator, pair):
    survivor, merged = (getattr(world, name) for name in pair)

    with pytest.raises(ValidationError):
        curation.rumour_merge(survivor=survivor, merged=merged, user=curator)

    assert not Rumour.objects.filter(merged_into__isnull=False).exists()


def test_a_rumour_cannot_be_merged_twice(world, curator):
    curation.rumour_merge(survivor=world.trent_madrid, merged=world.trent_psg, user=curator)

    with pytest.raises(ValidationError):
        curation.rumour_merge(survivor=world.trent_madrid, merged=world.trent_psg, user=curator)


def test_a_failure_part_way_leaves_nothing_half_merged(world, curator):
    before = {
        "mentions": dict(Mention.objects.values_list("pk", "rumour_id")),
        "rumours": list(Rumour.objects.order_by("pk").values()),
    }
    real_save = merging.save_with_history

    def save_then_fail_on_the_merged_row(obj, **kwargs):
        # The mentions have moved and the survivor is saved when the merged row's save blows up.
        if obj.pk == world.trent_psg.pk:
            raise RuntimeError("database went away")
        real_save(obj, **kwargs)

    failing = mock.patch.object(merging, "save_with_history", save_then_fail_on_the_merged_row)
    with failing, pytest.raises(RuntimeError):
        curation.rumour_merge(survivor=world.trent_madrid, merged=world.trent_psg, user=curator)

    assert dict(Mention.objects.values_list("pk", "rumour_id")) == before["mentions"]
    assert list(Rumour.objects.order_by("pk").values()) == before["rumours"]
