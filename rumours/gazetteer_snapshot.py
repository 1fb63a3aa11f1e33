"""The extraction gazetteer, built from the database once per process and kept until names change.

Building the automaton over every club, player, staff and outlet name is the expensive part of extraction, so
each process keeps one snapshot and reuses it for every article. It is rebuilt when

- the cache counter `gazetteer_version` differs from the one the snapshot was built under. Every writer of
  clubs, players, staff, their aliases, contracts (they decide a player's current club) or sources (outlets)
  must call `bump_gazetteer_version()` once its transaction commits:
  `transaction.on_commit(bump_gazetteer_version)`. Writers that do: `players.gazetteer.gazetteer_import`
  (import_gazetteer), `players.demo`, and `rumours.linking.link_article` when it creates or ends a contract.
  Admin saves and curation services are writers too.
- or the snapshot is older than `TOUCHLINE_GAZETTEER_MAX_AGE` seconds (default 300): a safety net for a writer
  that forgot to bump, for a flushed cache, and for the local-memory cache (no REDIS_URL), where one process
  cannot see another's bumps.

A player's club in the snapshot is his club today (from contracts), not on each article's date: one automaton
serves every article. A player with no contract in force today keeps his most recent club (an expired deal, a
free agent): as context for disambiguation and `from_club` that is far more often right than no club at all.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import dataclass, field

from django.conf import settings

from players import clock
from players.gazetteer import bump_gazetteer_version, gazetteer_version
from players.models import Club, ClubAlias, Contract, Player, PlayerAlias, Staff, StaffAlias
from players.text import fold_name
from rumours.extraction.gazetteer import Gazetteer
from rumours.extraction.records import ClubEntry, OutletEntry, PersonEntry, PlayerEntry
from rumours.models import Source

__all__ = [
    "Snapshot",
    "build_snapshot",
    "bump_gazetteer_version",
    "current_snapshot",
    "forget_snapshot",
    "gazetteer_for_extraction",
]

DEFAULT_MAX_AGE = 300


@dataclass(frozen=True)
class Snapshot:
    gazetteer: Gazetteer
    version: int
    built_at: float  # time.monotonic()
    # Folded outlet name or alias -> Source id, to turn "according to Fichajes" into a cited Source.
    source_ids: dict[str, int] = field(default_factory=dict)

    def source_id_for(self, outlet: str) -> int | None:
        return self.source_ids.get(fold_name(outlet)) if outlet else None


_lock = threading.Lock()
_snapshot: Snapshot | None = None


def _max_age() -> float:
    return float(getattr(settings, "TOUCHLINE_GAZETTEER_MAX_AGE", DEFAULT_MAX_AGE))


def _aliases_by_owner(model: type, owner_field: str) -> dict[int, list[str]]:
    # One query per alias table, grouped here: a prefetch would send every owner id back in an IN list.
    aliases: dict[int, list[str]] = {}
    for owner_id, alias in model.objects.values_list(f"{owner_field}_id", "alias").order_by("pk"):
        aliases.setdefault(owner_id, []).append(alias)
    return aliases


def _clubs_by_player(today: dt.date) -> dict[int, int]:
    """Each player's club: the contract in force today (the latest-starting, as Player.club_on picks), else
    his most recently ended one, else one that has not started yet. One query over all contracts."""
    best: dict[int, tuple[int, int, int]] = {}
    club_of: dict[int, int] = {}
    rows = Contract.objects.values_list("pk", "player_id", "club_id", "start_date", "end_date")
    for pk, player_id, club_id, start, end in rows.iterator(chunk_size=5000):
        if (start is None or start <= today) and (end is None or end >= today):
            rank = (2, start.toordinal() if start else 0, pk)
        elif end is not None and end < today:
            rank = (1, end.toordinal(), pk)
        else:  # starts in the future: the soonest
            rank = (0, -start.toordinal(), pk)
        if player_id not in best or rank > best[player_id]:
            best[player_id], club_of[player_id] = rank, club_id
    return club_of


def build_snapshot(version: int | None = None) -> Snapshot:
    """Read every name from the database into a fresh Gazetteer (a handful of queries, whatever the size)."""
    version = gazetteer_version() if version is None else version
    club_aliases = _aliases_by_owner(ClubAlias, "club")
    clubs = [
        ClubEntry(
            id=club_id,
            name=name,
            aliases=tuple(club_aliases.get(club_id, ())),
            country=country,
            league=league,
        )
        for club_id, name, country, league in Club.objects.values_list("pk", "name", "country", "league")
    ]
    player_aliases = _aliases_by_owner(PlayerAlias, "player")
    player_clubs = _clubs_by_player(clock.today())
    players = []
    for row in Player.objects.active().values(
        "pk",
        "name",
        "known_as",
        "nationality",
        "date_of_birth",
        "position",
        "position_detail",
        "shirt_number",
    ):
        aliases = list(player_aliases.get(row["pk"], ()))
        if row["known_as"] and fold_name(row["known_as"]) != fold_name(row["name"]):
            aliases.insert(0, row["known_as"])
        players.append(
            PlayerEntry(
                id=row["pk"],
                name=row["name"],
                aliases=tuple(aliases),
                club_id=player_clubs.get(row["pk"]),
                nationality=row["nationality"],
                born=row["date_of_birth"],
                position=row["position_detail"] or row["position"],
                shirt=row["shirt_number"],
            )
        )
    staff_aliases = _aliases_by_owner(StaffAlias, "staff")
    people = [
        PersonEntry(
            id=staff_id, name=name, aliases=tuple(staff_aliases.get(staff_id, ())), club_id=club_id, role=role
        )
        for staff_id, name, club_id, role in Staff.objects.values_list("pk", "name", "club_id", "role")
    ]
    outlets = []
    source_ids: dict[str, int] = {}
    for source_id, name, aliases in Source.objects.values_list("pk", "name", "aliases").order_by("pk"):
        names = [a for a in (aliases or []) if isinstance(a, str) and a.strip()]
        outlets.append(OutletEntry(id=source_id, name=name, aliases=tuple(names)))
        for text in (name, *names):
            source_ids.setdefault(fold_name(text), source_id)
    gazetteer = Gazetteer.build(clubs=clubs, players=players, people=people, outlets=outlets, version=version)
    return Snapshot(gazetteer=gazetteer, version=version, built_at=time.monotonic(), source_ids=source_ids)


def current_snapshot() -> Snapshot:
    """This process's snapshot, rebuilt first if names changed (one cache read) or it has grown too old."""
    global _snapshot
    version = gazetteer_version()
    snapshot = _snapshot
    if snapshot is not None and snapshot.version == version and not _too_old(snapshot):
        return snapshot
    # One build at a time per process: threads that arrive meanwhile wait and then reuse the fresh snapshot.
    with _lock:
        snapshot = _snapshot
        if snapshot is None or snapshot.version != version or _too_old(snapshot):
            snapshot = build_snapshot(version)
            _snapshot = snapshot
    return snapshot


def gazetteer_for_extraction() -> Gazetteer:
    return current_snapshot().gazetteer


def forget_snapshot() -> None:
    """Drop this process's snapshot (tests, and code that has just rewritten names in this same process)."""
    global _snapshot
    with _lock:
        _snapshot = None


def _too_old(snapshot: Snapshot) -> bool:
    return time.monotonic() - snapshot.built_at > _max_age()
