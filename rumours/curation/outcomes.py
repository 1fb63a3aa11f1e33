"""How rumours end: the move happened, the player renewed, it died, or its window closed."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from players import clock
from players.models import Contract, Player
from rumours.curation.common import after_commit, close_rumour, lock_rumour, save_with_history
from rumours.extraction.windows import window_last_day
from rumours.models import CuratorState, Rumour, Stage

log = logging.getLogger(__name__)


@dataclass
class OutcomeResult:
    rumour_id: int | None
    contract_id: int
    contracts_closed: int
    rumours_dead: int


def _kill_competitors(competitors: Iterable[Rumour], *, user, why: str, now: dt.datetime) -> list[int]:
    ids = []
    for other in competitors:
        other.curator_note = other.curator_note or why
        close_rumour(other, stage=Stage.DEAD, user=user, reason=why, now=now)
        ids.append(other.pk)
    return ids


def _check_open(rumour: Rumour) -> None:
    if rumour.merged_into_id:
        raise ValidationError(f"{rumour} was merged into another rumour.")
    if not rumour.is_open:
        raise ValidationError(f"{rumour} is already {rumour.get_stage_display().lower()}.")


@transaction.atomic
def rumour_mark_completed(*, rumour: Rumour, user, on: dt.date) -> OutcomeResult:
    """The move happened on `on`: a contract at the new club from that day, the old one ends the day before,
    and every other open rumour about the player in that window is dead."""
    rumour = lock_rumour(rumour)
    _check_open(rumour)
    player = Player.objects.select_for_update().get(pk=rumour.player_id)
    now = clock.now()
    reason = f"completed: joined {rumour.to_club} on {on.isoformat()}"
    current = list(
        Contract.objects.select_for_update()
        .filter(player=player)
        .current(on)
        .exclude(club=rumour.to_club, start_date=on)
    )
    # A loan leaves the parent contract running; a permanent move ends everything in force.
    to_close = [c for c in current if c.is_loan] if rumour.is_loan else current
    parent = next((c.club for c in current if not c.is_loan), rumour.from_club) if rumour.is_loan else None
    day_before = on - dt.timedelta(days=1)
    for contract in to_close:
        if contract.start_date and contract.start_date > day_before:
            raise ValidationError(
                f"{contract} starts on {contract.start_date}; a move on {on} cannot end it."
            )
        contract.end_date = day_before
        save_with_history(contract, user=user, reason=reason)
    contract = Contract.objects.filter(player=player, club=rumour.to_club, start_date=on).first()
    if contract is None:
        contract = Contract(
            player=player,
            club=rumour.to_club,
            start_date=on,
            is_loan=rumour.is_loan,
            parent_club=parent,
            notes=f"Rumour #{rumour.pk} completed",
        )
        contract.full_clean()
        save_with_history(contract, user=user, reason=reason)
    rumour.curator_state = CuratorState.APPROVED
    close_rumour(rumour, stage=Stage.COMPLETED, user=user, reason=reason, now=now)
    competitors = (
        Rumour.objects.open()
        .select_for_update()
        .filter(player=player, window=rumour.window)
        .exclude(pk=rumour.pk)
        .order_by("pk")
    )
    dead = _kill_competitors(competitors, user=user, why=f"dead: {player} joined {rumour.to_club}", now=now)
    after_commit(rumour_ids=[rumour.pk, *dead], player_ids=[player.pk], names_changed=True, resolved=True)
    return OutcomeResult(rumour.pk, contract.pk, contracts_closed=len(to_close), rumours_dead=len(dead))


@transaction.atomic
def rumour_mark_renewed(
    *, rumour_or_player: Rumour | Player, user, until: dt.date, on: dt.date | None = None
) -> OutcomeResult:
    """The player signed a new contract at his club, running to `until` from `on` (today by default).

    Given a rumour, that rumour becomes `renewed`; every other open rumour about the player becomes dead.
    """
    on = on or clock.today()
    if until <= on:
        raise ValidationError("A renewal must run past the day it is signed.")
    rumour: Rumour | None = None
    if isinstance(rumour_or_player, Rumour):
        rumour = lock_rumour(rumour_or_player)
        _check_open(rumour)
        player_id = rumour.player_id
    else:
        player_id = rumour_or_player.pk
    player = Player.objects.select_for_update().get(pk=player_id)
    now = clock.now()
    permanent = [
        c for c in Contract.objects.select_for_update().filter(player=player).current(on) if not c.is_loan
    ]
    current = max(permanent, key=lambda c: (c.start_date or dt.date.min, c.pk), default=None)
    club = current.club if current else (rumour.from_club if rumour else None)
    if club is None:
        raise ValidationError(f"{player} has no club to renew with: add his contract first.")
    reason = f"renewed at {club} until {until.isoformat()}"
    closed = 0
    if current is not None and current.start_date == on:
        # Signed the day the current one started: one contract, longer.
        current.end_date = until
        save_with_history(current, user=user, reason=reason)
        contract = current
    else:
        if current is not None:
            current.end_date = on - dt.timedelta(days=1)
            save_with_history(current, user=user, reason=reason)
            closed = 1
        contract = Contract(player=player, club=club, start_date=on, end_date=until, notes="Renewal")
        contract.full_clean()
        save_with_history(contract, user=user, reason=reason)
    if rumour is not None:
        rumour.curator_state = CuratorState.APPROVED
        close_rumour(rumour, stage=Stage.RENEWED, user=user, reason=reason, now=now)
    competitors = Rumour.objects.open().select_for_update().filter(player=player).order_by("pk")
    if rumour is not None:
        competitors = competitors.exclude(pk=rumour.pk)
    dead = _kill_competitors(competitors, user=user, why=f"dead: {player} {reason}", now=now)
    rumour_ids = [rumour.pk] if rumour else []
    after_commit(rumour_ids=[*rumour_ids, *dead], player_ids=[player.pk], names_changed=True, resolved=True)
    return OutcomeResult(
        rumour.pk if rumour else None, contract.pk, contracts_closed=closed, rumours_dead=len(dead)
    )


def ended_windows(today: dt.date | None = None) -> list[str]:
    """Windows that still have open rumours although their last day has passed."""
    today = today or clock.today()
    windows = Rumour.objects.open().values_list("window", flat=True).distinct().order_by("window")
    ended = []
    for window in windows:
        last_day = window_last_day(window)
        if last_day is None:
            log.warning("Cannot tell when transfer window %r ends; its rumours stay open", window)
        elif last_day < today:
            ended.append(window)
    return ended


@transaction.atomic
def close_window(*, window: str) -> int:
    """The window is over: every rumour of it still open is dead. Returns how many. Idempotent."""
    now = clock.now()
    closed = list(Rumour.objects.open().select_for_update().filter(window=window).order_by("pk"))
    for rumour in closed:
        # _close sets stage_set_by_curator although no curator acted: the flag is what stops re-extraction of
        # an old article reopening the rumour. The history row (no user, "window ... closed") says who did it.
        close_rumour(rumour, stage=Stage.DEAD, user=None, reason=f"window {window} closed", now=now)
    after_commit(rumour_ids=[r.pk for r in closed], player_ids=[r.player_id for r in closed], resolved=True)
    return len(closed)
