"""Merging duplicates: two rumours that are one, two players that are one person."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from players.models import Contract, Injury, Player, PlayerAlias
from players.text import fold_name
from rumours.curation.common import (
    SETTABLE_STAGES,
    after_commit,
    delete_with_history,
    lock_players,
    lock_rumours,
    save_with_history,
)
from rumours.models import STAGE_PROGRESS, Mention, Rumour


@dataclass
class RumourMergeResult:
    survivor_id: int
    merged_id: int
    mentions_moved: int


def _live(rumour: Rumour) -> Rumour:
    """Follow merged_into to the rumour readers see (bounded, in case of a cycle made by hand)."""
    seen = {rumour.pk}
    while rumour.merged_into_id and rumour.merged_into_id not in seen:
        seen.add(rumour.merged_into_id)
        rumour = Rumour.objects.select_for_update().get(pk=rumour.merged_into_id)
    return rumour


def _merge_rumour_rows(*, survivor: Rumour, merged: Rumour, user, reason: str) -> int:
    """Move `merged`'s evidence onto `survivor` and hide `merged`. Both rows must be locked by the caller."""
    moved = Mention.objects.filter(rumour=merged).update(rumour=survivor, player_id=survivor.player_id)
    survivor.first_seen = min(survivor.first_seen, merged.first_seen)
    survivor.last_seen = max(survivor.last_seen, merged.last_seen)
    # The furthest open stage wins while no curator has fixed the survivor's; scoring refines it later.
    progress = STAGE_PROGRESS.get
    if (
        not survivor.stage_set_by_curator
        and merged.stage in SETTABLE_STAGES
        and (progress(merged.stage, 0) > progress(survivor.stage, 0))
    ):
        survivor.stage = merged.stage
    save_with_history(survivor, user=user, reason=reason)
    # Rumours merged into `merged` earlier now point at the survivor: chains stay one step long.
    for earlier in Rumour.objects.select_for_update().filter(merged_into=merged).order_by("pk"):
        earlier.merged_into = survivor
        save_with_history(earlier, user=user, reason=reason)
    merged.merged_into = survivor
    save_with_history(merged, user=user, reason=reason)
    return moved


@transaction.atomic
def rumour_merge(*, survivor: Rumour, merged: Rumour, user) -> RumourMergeResult:
    """Two rumours are one: the merged one's evidence moves to the survivor, which readers see alone."""
    if survivor.pk == merged.pk:
        raise ValidationError("Pick two different rumours to merge.")
    rows = lock_rumours(survivor.pk, merged.pk)
    survivor, merged = rows[survivor.pk], rows[merged.pk]
    if survivor.merged_into_id or merged.merged_into_id:
        raise ValidationError("One of these rumours was already merged into another.")
    if survivor.player_id != merged.player_id:
        raise ValidationError("These rumours are about different players: merge the players instead.")
    reason = f"merged rumour #{merged.pk} into #{survivor.pk}"
    moved = _merge_rumour_rows(survivor=survivor, merged=merged, user=user, reason=reason)
    after_commit(rumour_ids=[survivor.pk, merged.pk], player_ids=[survivor.player_id])
    return RumourMergeResult(survivor_id=survivor.pk, merged_id=merged.pk, mentions_moved=moved)


@dataclass
class PlayerMergeResult:
    survivor_id: int
    merged_id: int
    mentions_moved: int = 0
    aliases_moved: int = 0
    aliases_added: int = 0
    aliases_dropped: int = 0
    contracts_moved: int = 0
    contracts_dropped: int = 0
    injuries_moved: int = 0
    injuries_dropped: int = 0
    rumours_moved: int = 0
    rumours_merged: int = 0


def player_redirect_target(player: Player) -> Player | None:
    """The player whose page a merged player's page should redirect to; None for a player still in use.

    Follows chains (A merged into B, later B into C) and stops on a cycle someone made by hand.
    """
    if player.merged_into_id is None:
        return None
    seen = {player.pk}
    target = player
    while target.merged_into_id and target.merged_into_id not in seen:
        seen.add(target.merged_into_id)
        target = Player.objects.get(pk=target.merged_into_id)
    return target if target.pk != player.pk else None


def _move_mentions(survivor: Player, merged: Player, result: PlayerMergeResult) -> None:
    result.mentions_moved = Mention.objects.filter(player=merged).update(player=survivor)


def _move_aliases(survivor: Player, merged: Player, result: PlayerMergeResult) -> None:
    known = {fold_name(survivor.name), fold_name(survivor.known_as)} - {""}
    known |= set(survivor.aliases.values_list("normalised", flat=True))
    for alias in merged.aliases.order_by("pk"):
        if alias.normalised in known:
            alias.delete()
            result.aliases_dropped += 1
        else:
            alias.player = survivor
            alias.save()
            known.add(alias.normalised)
            result.aliases_moved += 1
    # The merged player's own names keep finding the survivor in future articles.
    for name in (merged.name, merged.known_as):
        if name and fold_name(name) not in known:
            PlayerAlias.objects.create(player=survivor, alias=name)
            known.add(fold_name(name))
            result.aliases_added += 1


def _move_contracts(
    survivor: Player, merged: Player, result: PlayerMergeResult, *, user, reason: str
) -> None:
    def key(c: Contract) -> tuple:
        return (c.club_id, c.start_date, c.end_date, c.is_loan)

    existing = {key(c): c for c in Contract.objects.select_for_update().filter(player=survivor)}
    for contract in Contract.objects.select_for_update().filter(player=merged).order_by("pk"):
        twin = existing.get(key(contract))
        if twin is not None:
            # The same contract twice: keep the survivor's, which also takes this one's evidence.
            Mention.objects.filter(contract=contract).update(contract=twin)
            delete_with_history(contract, user=user, reason=reason)
            result.contracts_dropped += 1
        else:
            contract.player = survivor
            save_with_history(contract, user=user, reason=reason)
            result.contracts_moved += 1


def _move_injuries(survivor: Player, merged: Player, result: PlayerMergeResult, *, user, reason: str) -> None:
    def key(i: Injury) -> tuple:
        return (i.occurred_on, fold_name(i.description))

    existing = {key(i): i for i in Injury.objects.select_for_update().filter(player=survivor)}
    for injury in Injury.objects.select_for_update().filter(player=merged).order_by("pk"):
        twin = existing.get(key(injury))
        if twin is not None:
            Mention.objects.filter(injury=injury).update(injury=twin)
            delete_with_history(injury, user=user, reason=reason)
            result.injuries_dropped += 1
        else:
            injury.player = survivor
            save_with_history(injury, user=user, reason=reason)
            result.injuries_moved += 1


def _move_rumours(
    survivor: Player, merged: Player, result: PlayerMergeResult, *, user, reason: str
) -> list[int]:
    touched: list[int] = []
    for rumour in Rumour.objects.select_for_update().filter(player=merged).order_by("pk"):
        twin = (
            Rumour.objects.select_for_update()
            .filter(player=survivor, to_club_id=rumour.to_club_id, window=rumour.window)
            .first()
        )
        if twin is None:
            rumour.player = survivor
            save_with_history(rumour, user=user, reason=reason)
            result.rumours_moved += 1
            touched.append(rumour.pk)
        elif rumour.merged_into_id is None:
            # Re-keying would break (player, to_club, window) uniqueness: the two rumours are one, so merge.
            target = _live(twin)
            _merge_rumour_rows(survivor=target, merged=rumour, user=user, reason=reason)
            result.rumours_merged += 1
            touched += [target.pk, rumour.pk]
        # A rumour already merged elsewhere that would collide stays with the merged player, hidden.
    return touched


@transaction.atomic
def player_merge(*, survivor: Player, merged: Player, user) -> PlayerMergeResult:
    """Two players are one person: all of `merged` moves to `survivor`, and his page redirects there."""
    if survivor.pk == merged.pk:
        raise ValidationError("Pick two different players to merge.")
    rows = lock_players(survivor.pk, merged.pk)
    if len(rows) != 2:
        raise ValidationError("One of these players no longer exists.")
    survivor, merged = rows[survivor.pk], rows[merged.pk]
    if survivor.merged_into_id or merged.merged_into_id:
        raise ValidationError("One of these players was already merged into another.")
    reason = f"merged player #{merged.pk} into #{survivor.pk}"
    result = PlayerMergeResult(survivor_id=survivor.pk, merged_id=merged.pk)
    _move_mentions(survivor, merged, result)
    _move_aliases(survivor, merged, result)
    _move_contracts(survivor, merged, result, user=user, reason=reason)
    _move_injuries(survivor, merged, result, user=user, reason=reason)
    rumour_ids = _move_rumours(survivor, merged, result, user=user, reason=reason)
    for earlier in Player.objects.select_for_update().filter(merged_into=merged).order_by("pk"):
        earlier.merged_into = survivor
        save_with_history(earlier, user=user, reason=reason)
    merged.merged_into = survivor
    save_with_history(merged, user=user, reason=reason)
    after_commit(rumour_ids=rumour_ids, player_ids=[survivor.pk, merged.pk], names_changed=True)
    return result
