"""Approve, reject, set the stage, mark dead: one rumour changes, history says who, pages refresh."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from rumours import cache, curation
from rumours.models import CuratorState, Rumour, Stage


def states() -> dict[int, tuple[str, str, bool]]:
    return {
        pk: (state, stage, fixed)
        for pk, state, stage, fixed in Rumour.objects.values_list(
            "pk", "curator_state", "stage", "stage_set_by_curator"
        )
    }


def test_approving_changes_that_rumour_only(world, curator):
    before = states()

    curation.rumour_approve(rumour=world.trent_madrid, user=curator)

    after = states()
    assert after.pop(world.trent_madrid.pk) == (CuratorState.APPROVED, Stage.INTEREST, False)
    before.pop(world.trent_madrid.pk)
    assert after == before


def test_the_history_records_the_curator_and_the_reason(world, curator):
    curation.rumour_reject(rumour=world.trent_psg, user=curator, reason="Only Fichajes says so")

    record = world.trent_psg.history.latest()
    assert record.history_user == curator
    assert record.history_change_reason == "rejected: Only Fichajes says so"
    assert record.curator_state == CuratorState.REJECTED


def test_rejecting_hides_the_rumour_from_readers_and_keeps_the_reason(world, curator):
    curation.rumour_reject(rumour=world.trent_psg, user=curator, reason="Made up")

    rumour = Rumour.objects.get(pk=world.trent_psg.pk)
    assert rumour.curator_note == "Made up"
    assert set(Rumour.objects.visible()) == {world.trent_madrid, world.salah_psg}


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_rejection_needs_a_reason(world, curator, reason):
    with pytest.raises(ValidationError):
        curation.rumour_reject(rumour=world.trent_psg, user=curator, reason=reason)

    assert Rumour.objects.get(pk=world.trent_psg.pk).curator_state == CuratorState.UNREVIEWED


def test_setting_the_stage_marks_it_as_the_curators(world, curator):
    curation.rumour_set_stage(rumour=world.trent_psg, stage=Stage.BID, user=curator)

    rumour = Rumour.objects.get(pk=world.trent_psg.pk)
    assert (rumour.stage, rumour.stage_set_by_curator) == (Stage.BID, True)
    assert rumour.history.latest().history_change_reason == "stage set to bid"


@pytest.mark.parametrize("stage", [Stage.COMPLETED, Stage.RENEWED, Stage.DEAD, "nonsense"])
def test_outcomes_cannot_be_set_as_a_plain_stage(world, curator, stage):
    with pytest.raises(ValidationError):
        curation.rumour_set_stage(rumour=world.trent_psg, stage=stage, user=curator)

    assert Rumour.objects.get(pk=world.trent_psg.pk).stage == Stage.LINKED


def test_setting_an_open_stage_reopens_a_dead_rumour(world, curator):
    curation.rumour_mark_dead(rumour=world.trent_psg, user=curator, reason="PSG signed someone else")
    dead = Rumour.objects.get(pk=world.trent_psg.pk)
    assert (dead.stage, dead.curator_note) == (Stage.DEAD, "PSG signed someone else")
    assert dead.resolved_at is not None

    curation.rumour_set_stage(rumour=world.trent_psg, stage=Stage.TALKS, user=curator)

    reopened = Rumour.objects.get(pk=world.trent_psg.pk)
    assert (reopened.stage, reopened.resolved_at) == (Stage.TALKS, None)


def test_a_merged_rumour_cannot_be_approved(world, curator):
    curation.rumour_merge(survivor=world.trent_madrid, merged=world.trent_psg, user=curator)

    with pytest.raises(ValidationError):
        curation.rumour_approve(rumour=world.trent_psg, user=curator)


def test_after_commit_the_players_page_version_changes(world, curator, django_capture_on_commit_callbacks):
    before = cache.player_version(world.trent.pk)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        curation.rumour_approve(rumour=world.trent_madrid, user=curator)

    assert len(callbacks) == 1
    assert cache.player_version(world.trent.pk) != before


def test_nothing_is_refreshed_before_commit(world, curator, django_capture_on_commit_callbacks):
    before = cache.player_version(world.trent.pk)

    with django_capture_on_commit_callbacks(execute=False):
        curation.rumour_approve(rumour=world.trent_madrid, user=curator)
        assert cache.player_version(world.trent.pk) == before


def test_a_rejected_rumour_is_rescored_to_zero_after_commit(
    world, curator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        curation.rumour_reject(rumour=world.trent_madrid, user=curator, reason="No")

    # rumours.scoring (a colleague's module, reached through the guarded import) scores a rejection 0.
    assert Rumour.objects.get(pk=world.trent_madrid.pk).likelihood == 0


def test_a_missing_optional_module_is_skipped(monkeypatch):
    from rumours.curation import common

    monkeypatch.setattr(common.importlib.util, "find_spec", lambda name: None)

    assert common.optional("rumours.scoring", "rumour_rescore") is None


def test_a_broken_optional_module_still_raises(monkeypatch):
    from rumours.curation import common

    with pytest.raises(AttributeError):
        common.optional("rumours.cache", "no_such_function")
