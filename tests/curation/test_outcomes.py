"""Outcomes: a completed move writes contracts, a renewal extends the stay, losers die, windows close."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError

from players.models import Contract
from rumours import curation
from rumours.models import CuratorState, Rumour, Stage
from rumours.tasks_curation import close_ended_windows
from tests.factories import ClubFactory, ContractFactory, RumourFactory

JOINED = dt.date(2025, 1, 20)


def stages() -> dict[int, str]:
    return dict(Rumour.objects.values_list("pk", "stage"))


def test_completed_creates_the_new_contract_and_ends_the_old_one(world, curator):
    result = curation.rumour_mark_completed(rumour=world.trent_madrid, user=curator, on=JOINED)

    contracts = list(
        world.trent.contracts.order_by("start_date").values_list("club__name", "start_date", "end_date")
    )
    assert contracts == [
        ("Liverpool", dt.date(2016, 7, 1), dt.date(2025, 1, 19)),
        ("Real Madrid", JOINED, None),
    ]
    assert (result.contracts_closed, result.rumours_dead) == (1, 1)
    assert world.trent.club_on(JOINED) == world.real_madrid
    assert world.trent.club_on(JOINED - dt.timedelta(days=1)) == world.liverpool


def test_completed_kills_the_other_open_rumours_of_that_window_only(world, curator):
    later = RumourFactory(player=world.trent, to_club=world.arsenal, window="2025 summer")
    rejected = RumourFactory(player=world.trent, to_club=ClubFactory(name="Chelsea"), window="2025 January")
    curation.rumour_reject(rumour=rejected, user=curator, reason="Never happened")
    Rumour.objects.filter(pk=world.trent_psg.pk).update(stage=Stage.TALKS)

    curation.rumour_mark_completed(rumour=world.trent_madrid, user=curator, on=JOINED)

    after = stages()
    assert after[world.trent_madrid.pk] == Stage.COMPLETED
    assert after[world.trent_psg.pk] == Stage.DEAD
    assert after[later.pk] == Stage.INTEREST  # another window
    assert after[rejected.pk] == Stage.INTEREST  # hidden already; a curator's rejection is left as it is
    assert after[world.salah_psg.pk] == Stage.TALKS  # another player
    dead = Rumour.objects.get(pk=world.trent_psg.pk)
    assert dead.stage_set_by_curator and dead.resolved_at is not None
    assert "joined Real Madrid" in dead.curator_note


def test_completed_is_approved_resolved_and_the_curators(world, curator):
    curation.rumour_mark_completed(rumour=world.trent_madrid, user=curator, on=JOINED)

    rumour = Rumour.objects.get(pk=world.trent_madrid.pk)
    assert (rumour.curator_state, rumour.stage_set_by_curator) == (CuratorState.APPROVED, True)
    assert rumour.resolved_at is not None
    record = rumour.history.latest()
    assert (record.history_user, record.history_change_reason) == (
        curator,
        "completed: joined Real Madrid on 2025-01-20",
    )


def test_completing_twice_is_refused_and_changes_nothing(world, curator):
    curation.rumour_mark_completed(rumour=world.trent_madrid, user=curator, on=JOINED)
    before = list(Contract.objects.order_by("pk").values())

    with pytest.raises(ValidationError):
        curation.rumour_mark_completed(rumour=world.trent_madrid, user=curator, on=JOINED)

    assert list(Contract.objects.order_by("pk").values()) == before


def test_a_loan_leaves_the_parent_contract_running(world, curator):
    Rumour.objects.filter(pk=world.trent_madrid.pk).update(is_loan=True)

    result = curation.rumour_mark_completed(rumour=world.trent_madrid, user=curator, on=JOINED)

    loan = Contract.objects.get(pk=result.contract_id)
    assert (loan.club, loan.is_loan, loan.parent_club) == (world.real_madrid, True, world.liverpool)
    assert world.trent.contracts.get(club=world.liverpool).end_date == dt.date(2025, 6, 30)
    assert result.contracts_closed == 0
    assert world.trent.club_on(JOINED) == world.real_madrid


def test_a_move_before_the_current_contract_began_is_refused(world, curator):
    with pytest.raises(ValidationError):
        curation.rumour_mark_completed(rumour=world.trent_madrid, user=curator, on=dt.date(2016, 7, 1))

    assert world.trent.contracts.count() == 1
    assert Rumour.objects.get(pk=world.trent_madrid.pk).stage == Stage.INTEREST


def test_renewed_from_a_rumour(world, curator):
    signed, until = dt.date(2025, 1, 10), dt.date(2029, 6, 30)

    result = curation.rumour_mark_renewed(
        rumour_or_player=world.trent_madrid, user=curator, until=until, on=signed
    )

    contracts = list(
        world.trent.contracts.order_by("start_date").values_list("club__name", "start_date", "end_date")
    )
    assert contracts == [
        ("Liverpool", dt.date(2016, 7, 1), dt.date(2025, 1, 9)),
        ("Liverpool", signed, until),
    ]
    after = stages()
    assert (after[world.trent_madrid.pk], after[world.trent_psg.pk]) == (Stage.RENEWED, Stage.DEAD)
    assert after[world.salah_psg.pk] == Stage.TALKS
    assert (result.contracts_closed, result.rumours_dead) == (1, 1)


def test_renewed_from_a_player_kills_all_his_open_rumours(world, curator):
    later = RumourFactory(player=world.salah, to_club=world.arsenal, window="2026 January")

    result = curation.rumour_mark_renewed(
        rumour_or_player=world.salah, user=curator, until=dt.date(2027, 6, 30), on=dt.date(2025, 4, 11)
    )

    assert result.rumour_id is None
    assert (stages()[world.salah_psg.pk], stages()[later.pk]) == (Stage.DEAD, Stage.DEAD)
    assert world.salah.contract_on(dt.date(2026, 1, 1)).end_date == dt.date(2027, 6, 30)


def test_renewing_the_day_a_contract_starts_extends_it(world, curator):
    ContractFactory(player=world.salah, club=world.liverpool, start_date=dt.date(2025, 7, 1), end_date=None)

    curation.rumour_mark_renewed(
        rumour_or_player=world.salah, user=curator, until=dt.date(2028, 6, 30), on=dt.date(2025, 7, 1)
    )

    assert world.salah.contracts.filter(start_date=dt.date(2025, 7, 1)).get().end_date == dt.date(2028, 6, 30)
    assert world.salah.contracts.count() == 2


def test_a_renewal_needs_a_club_and_a_later_end(world, curator):
    Contract.objects.filter(player=world.trent).delete()
    Rumour.objects.filter(pk=world.trent_psg.pk).update(from_club=None)

    with pytest.raises(ValidationError):
        curation.rumour_mark_renewed(
            rumour_or_player=world.trent_psg, user=curator, until=dt.date(2030, 1, 1)
        )
    with pytest.raises(ValidationError):
        curation.rumour_mark_renewed(
            rumour_or_player=world.salah, user=curator, until=dt.date(2025, 1, 1), on=dt.date(2025, 1, 1)
        )


def test_dead(world, curator):
    curation.rumour_mark_dead(rumour=world.salah_psg, user=curator)

    rumour = Rumour.objects.get(pk=world.salah_psg.pk)
    assert (rumour.stage, rumour.stage_set_by_curator) == (Stage.DEAD, True)
    assert rumour.history.latest().history_change_reason == "dead"


@pytest.mark.parametrize(
    ("window", "last_day"),
    [
        ("2025 January", dt.date(2025, 2, 3)),
        ("2025 summer", dt.date(2025, 9, 1)),
        (" 2024  Summer ", dt.date(2024, 9, 1)),
        ("next summer", None),
        ("", None),
    ],
)
def test_window_last_day(window, last_day):
    assert curation.window_last_day(window) == last_day


def test_close_window_kills_only_open_rumours_of_that_window(world, curator):
    curation.rumour_mark_completed(rumour=world.trent_madrid, user=curator, on=JOINED)
    open_one = RumourFactory(player=world.salah, to_club=world.arsenal, window="2025 January", stage="bid")

    assert curation.close_window(window="2025 January") == 1

    after = stages()
    assert (after[open_one.pk], after[world.trent_madrid.pk]) == (Stage.DEAD, Stage.COMPLETED)
    assert after[world.salah_psg.pk] == Stage.TALKS
    record = Rumour.objects.get(pk=open_one.pk).history.latest()
    assert (record.history_user, record.history_change_reason) == (None, "window 2025 January closed")
    assert curation.close_window(window="2025 January") == 0


def test_the_scheduled_task_closes_windows_whose_last_day_has_passed(world):
    with time_machine.travel(dt.datetime(2025, 2, 3, 23, 0, tzinfo=dt.UTC)):
        assert close_ended_windows() == "no window ended"
    with time_machine.travel(dt.datetime(2025, 2, 4, 6, 0, tzinfo=dt.UTC)):
        assert close_ended_windows() == "2025 January: 2 dead"
    assert stages()[world.salah_psg.pk] == Stage.TALKS
    with time_machine.travel(dt.datetime(2025, 9, 2, 6, 0, tzinfo=dt.UTC)):
        assert close_ended_windows.delay().get() == "2025 summer: 1 dead"
    assert set(stages().values()) == {Stage.DEAD}
