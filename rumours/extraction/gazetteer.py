"""An immutable snapshot of every known name, with the one Aho-Corasick automaton that finds them.

Built once per process (the automaton is the expensive part) and reused for every article; everything
an article
needs later (players of a club, a shirt number at a club, near-miss spellings) is indexed here so
per-article work
never loops over the whole gazetteer.
"""

from __future__ import annotations

import csv
import io
import re
import threading
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import NamedTuple

import ahocorasick

from .normalise import fold_key, word_aligned
from .normalise import padded_backwards as padded_backwards  # the scan's text, named here for callers
from .records import ClubEntry, OutletEntry, PersonEntry, PlayerEntry
from .triggers import trigger_keys

# Club aliases that start with an article are nicknames ("the Reds", "Los Blancos"): reported as references.
_ARTICLES = {"the", "los", "las", "la", "el", "il", "les", "le", "die", "der", "i", "os", "as"}
# Particles that belong to a surname ("van Nistelrooy", "De Bruyne").
_PARTICLES = {
    "van",
    "von",
    "de",
    "der",
    "den",
    "da",
    "di",
    "del",
    "della",
    "dos",
    "das",
    "du",
    "le",
    "la",
    "ter",
}
_FUZZY_MIN = 5


class Target(NamedTuple):
    kind: str  # "player" | "club" | "person" | "outlet"
    id: int
    via: str  # "name" | "alias" | "reference"
    cap: int  # index of the first capital letter in the gazetteer's spelling; -1 when it has none


def _cap_index(name: str) -> int:
    for i, ch in enumerate(name.strip()):
        if ch.isupper():
            return i
    return -1


def _surname(name: str) -> str | None:
    tokens = name.split()
    if len(tokens) < 2:
        return None
    k = len(tokens) - 1
    while k > 1 and tokens[k - 1].lower() in _PARTICLES:
        k -= 1
    surname = " ".join(tokens[k:])
    return surname if len(surname) >= 3 else None


class Gazetteer:
    """Use `Gazetteer.build(...)`; the constructor is internal."""

    def __init__(self) -> None:
        self.version = 0
        self._clubs: dict[int, ClubEntry] = {}
        self._players: dict[int, PlayerEntry] = {}
        self._people: dict[int, PersonEntry] = {}
        self._outlets: dict[int, str] = {}
        self._keys: list[tuple[int, tuple[Target, ...]]] = []
        self.scan_table: list[tuple] = []  # see build()
        self.automaton: ahocorasick.Automaton | None = None
        # By automaton value (see _automaton_for): the length of the keys, and the scan_table row of the one
        # key of that word-aligned form (None when several keys share it and the text must be looked up).
        self.scan_lengths: list[int] = []
        self.scan_entries: list[tuple | None] = []
        # By automaton value, the trigger actions of the key (see _automaton_for), and the trigger registry's
        # stamp when the automaton was built: a pattern registered since is not in it.
        self.trigger_actions: list[tuple] = []
        self.trigger_stamp = -1
        self.players_by_club: dict[int, tuple[int, ...]] = {}
        self.players_by_club_shirt: dict[tuple[int, int], tuple[int, ...]] = {}
        self.fuzzy_buckets: dict[tuple[str, int], list[str]] = {}
        self.key_index: dict[str, int] = {}
        self.fuzzy_cache: dict[str, str | None] = {}  # word -> its one close key, filled as articles come

    # ---- construction -------------------------------------------------------------------------------------
    @classmethod
    def build(
        cls,
        *,
        clubs: Iterable[ClubEntry],
        players: Iterable[PlayerEntry],
        people: Iterable[PersonEntry] = (),
        outlets: Iterable[str | OutletEntry] = (),
        version: int = 0,
    ) -> Gazetteer:
        g = cls()
        g.version = version
        outlets = list(outlets)
        g._clubs = {c.id: c for c in clubs}
        g._players = {p.id: p for p in players}
        g._people = {p.id: p for p in people}
        for n, outlet in enumerate(outlets, start=1):
            if isinstance(outlet, OutletEntry):
                g._outlets[outlet.id] = outlet.name
            else:
                g._outlets[n] = str(outlet)
        targets: dict[str, list[Target]] = defaultdict(list)

        def add(name: str, target: Target) -> None:
            key = fold_key(name)
            if len(key) < 2:
                return
            variants = {key}
            if "-" in key:
                variants.add(key.replace("-", " "))
            for k in variants:
                bucket = targets[k]
                for i, t in enumerate(bucket):
                    if t.kind == target.kind and t.id == target.id:
                        # Two spellings of one name ("The Athletic", "the Athletic"): require a capital only
                        # where both have one, so that either spelling matches.
                        if t.cap != target.cap:
                            cap = -1 if -1 in (t.cap, target.cap) else max(t.cap, target.cap)
                            bucket[i] = t._replace(cap=cap)
                        break
                else:
                    bucket.append(target)

        for club in g._clubs.values():
            add(club.name, Target("club", club.id, "name", _cap_index(club.name)))
            for alias in club.aliases:
                via = "reference" if alias.split()[0].lower() in _ARTICLES and " " in alias else "alias"
                add(alias, Target("club", club.id, via, _cap_index(alias)))
        by_club: dict[int, list[int]] = defaultdict(list)
        by_shirt: dict[tuple[int, int], list[int]] = defaultdict(list)
        for p in g._players.values():
            add(p.name, Target("player", p.id, "name", _cap_index(p.name)))
            for alias in (*p.aliases, _surname(p.name)):
                if alias:
                    add(alias, Target("player", p.id, "alias", _cap_index(alias)))
            if p.club_id is not None:
                by_club[p.club_id].append(p.id)
                if p.shirt is not None:
                    by_shirt[(p.club_id, p.shirt)].append(p.id)
        for person in g._people.values():
            add(person.name, Target("person", person.id, "name", _cap_index(person.name)))
            for alias in (*person.aliases, _surname(person.name)):
                if alias:
                    add(alias, Target("person", person.id, "alias", _cap_index(alias)))
        for oid, outlet_name in g._outlets.items():
            add(outlet_name, Target("outlet", oid, "name", _cap_index(outlet_name)))
        for outlet in outlets:
            if isinstance(outlet, OutletEntry):
                for alias in outlet.aliases:
                    add(alias, Target("outlet", outlet.id, "alias", _cap_index(alias)))
        g.players_by_club = {k: tuple(v) for k, v in by_club.items()}
        g.players_by_club_shirt = {k: tuple(v) for k, v in by_shirt.items()}
        g._keys = [(len(k), tuple(v)) for k, v in targets.items()]
        # What the scan needs per key, precomputed: (targets, the capital position all targets share, or None
        # when they differ, whether an outlet is among them, how the name was found, for a key of one target
        # what matching.resolve would set: its kind, id and a person's club, else "", None, None; and the key
        # when a hit of its word-aligned form may spell something else ("mateo bakedi": "mateo. bakedi"),
        # None when the key is all letters and digits, so that every hit spells it).
        g.scan_table = [
            (
                ts,
                ts[0].cap if all(t.cap == ts[0].cap for t in ts) else None,
                any(t.kind == "outlet" for t in ts),
                "name" if any(t.via == "name" for t in ts) else ts[0].via,
                *(g._resolved(ts[0]) if len(ts) == 1 else ("", None, None)),
                None if k.isalnum() else k,
            )
            for k, (_, ts) in zip(targets, g._keys, strict=True)
        ]
        g.key_index = {k: i for i, k in enumerate(targets)}
        buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        for k in targets:
            if len(k) >= _FUZZY_MIN and " " not in k and k.isalpha():
                buckets[(k[0], len(k))].append(k)
        g.fuzzy_buckets = dict(buckets)
        g.automaton, g.scan_lengths, only_keys, g.trigger_actions, g.trigger_stamp = _automaton_for(
            version, targets.keys()
        )
        g.scan_entries = [None if i is None else g.scan_table[i] for i in only_keys]
        return g

    def _resolved(self, target: Target) -> tuple[str, int, int | None]:
        club = self._people[target.id].club_id if target.kind == "person" else None
        return target.kind, target.id, club

    # ---- lookups ------------------------------------------------------------------------------------------
    def club(self, id: int) -> ClubEntry:  # noqa: A002 - the agreed interface
        return self._clubs[id]

    def player(self, id: int) -> PlayerEntry:  # noqa: A002
        return self._players[id]

    def person(self, id: int) -> PersonEntry:  # noqa: A002
        return self._people[id]

    def outlet(self, id: int) -> str:  # noqa: A002
        return self._outlets[id]

    def has_club(self, id: int | None) -> bool:
        return id in self._clubs

    def key_targets(self, value: int) -> tuple[int, tuple[Target, ...]]:
        """(key length, targets) for an automaton value."""
        return self._keys[value]

    def targets_for(self, folded_key: str) -> tuple[Target, ...]:
        i = self.key_index.get(folded_key)
        return self._keys[i][1] if i is not None else ()

    @property
    def sizes(self) -> dict[str, int]:
        return {"clubs": len(self._clubs), "players": len(self._players), "people": len(self._people)}


# One automaton per gazetteer version per process: rebuilding a snapshot at the same version (another thread,
# a re-read after a flushed cache) reuses it. Version 0 means "unversioned" and is never cached.
_cache_lock = threading.Lock()
_automata: dict[tuple[int, int, int, int], tuple[ahocorasick.Automaton | None, list, list, list, int]] = {}


def _automaton_for(
    version: int, keys: Iterable[str]
) -> tuple[ahocorasick.Automaton | None, list[int], list[int | None], list[tuple], int]:
    """The automaton over the word-aligned keys (" " + key with non-alphanumerics as spaces + " "), spelt
    backwards (see matching.scan), whose value numbers the word-aligned form; by that number, the length of
    the keys, and the index of the one key of that form. Several keys may share a form ("st. pauli" and
    "st pauli" after "st  pauli", "mateo-bakedi" and "mateo bakedi"): then None, and the hit is a name only
    if the text spells one of them.

    The registered patterns' trigger keys (triggers.TriggerKeys) are in the same automaton, so that one pass
    over an article finds both: by value, the key's trigger actions (empty for a name alone), values from
    the length of the first list on for trigger keys that are no name; and the trigger registry's stamp."""
    keys = list(keys)
    table = trigger_keys()
    fingerprint = (version, len(keys), hash(tuple(keys)), table.stamp)
    if version:
        with _cache_lock:
            cached = _automata.get(fingerprint)
        if cached is not None:
            return cached
    groups: dict[str, list[tuple[str, int]]] = {}
    for i, key in enumerate(keys):
        groups.setdefault(" " + word_aligned(key) + " ", []).append((key, i))
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    lengths, only_keys = [], []
    for value, (padded, members) in enumerate(groups.items()):
        automaton.add_word(padded[::-1], value)
        key, i = members[0]
        lengths.append(len(key))  # word-aligned forms keep their keys' length
        only_keys.append(i if len(members) == 1 else None)
    values = {padded: value for value, padded in enumerate(groups)}
    actions: list[tuple] = [()] * len(groups)
    for key, found in table.keys.items():
        value = values.get(key)
        if value is None:
            value = len(actions)
            actions.append(found)
            automaton.add_word(key[::-1], value)
        else:
            actions[value] = found  # a name that is also a trigger key ("side")
    automaton.make_automaton()
    # With no names at all pyahocorasick leaves a bare trie that cannot be scanned: no automaton instead.
    built = (automaton if groups else None, lengths, only_keys, actions, table.stamp)
    if version:
        with _cache_lock:
            if len(_automata) >= 2:
                _automata.clear()
            _automata[fingerprint] = built
    return built


# ---- CSV (DESIGN.md: kind,name,aliases,club,country,born,position,shirt) -----------------------------------
def _parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip()) if value and value.strip() else None
    except ValueError:
        return None


def _parse_int(value: str) -> int | None:
    value = (value or "").strip()
    return int(value) if re.fullmatch(r"\d{1,4}", value) else None


def gazetteer_from_csv(path_or_text: str | Path, *, version: int = 0) -> Gazetteer:
    """A gazetteer from the import CSV; ids are assigned in file order (clubs, players, people apart)."""
    if isinstance(path_or_text, Path) or ("\n" not in path_or_text and not path_or_text.startswith("kind,")):
        text = Path(path_or_text).read_text(encoding="utf-8")
    else:
        text = str(path_or_text)
    rows = [
        {k: (v or "").strip() for k, v in row.items() if k}
        for row in csv.DictReader(io.StringIO(text))
        if row.get("kind") and row.get("name")
    ]
    clubs: list[ClubEntry] = []
    club_ids: dict[str, int] = {}
    for row in rows:
        if row["kind"].lower() == "club":
            club = ClubEntry(
                id=len(clubs) + 1,
                name=row["name"],
                aliases=tuple(a.strip() for a in row.get("aliases", "").split("|") if a.strip()),
                country=row.get("country", ""),
            )
            clubs.append(club)
            club_ids.setdefault(fold_key(club.name), club.id)
    for club in clubs:
        for alias in club.aliases:
            club_ids.setdefault(fold_key(alias), club.id)
    players: list[PlayerEntry] = []
    people: list[PersonEntry] = []
    for row in rows:
        kind = row["kind"].lower()
        if kind == "club":
            continue
        aliases = tuple(a.strip() for a in row.get("aliases", "").split("|") if a.strip())
        club_id = club_ids.get(fold_key(row.get("club", ""))) if row.get("club") else None
        if kind == "player":
            players.append(
                PlayerEntry(
                    id=len(players) + 1,
                    name=row["name"],
                    aliases=aliases,
                    club_id=club_id,
                    nationality=row.get("country", ""),
                    born=_parse_date(row.get("born", "")),
                    position=row.get("position", ""),
                    shirt=_parse_int(row.get("shirt", "")),
                )
            )
        else:
            people.append(
                PersonEntry(
                    id=len(people) + 1,
                    name=row["name"],
                    aliases=aliases,
                    club_id=club_id,
                    role=row.get("position", "") or kind,
                )
            )
    return Gazetteer.build(clubs=clubs, players=players, people=people, version=version)
