"""Importing the gazetteer CSV: clubs, players and managers with their aliases.

Format (DESIGN.md): kind,name,aliases,club,country,born,position,shirt — the last three optional; aliases are
'|'-separated; for people `club` is the current club (empty for a free agent) and `country` the nationality.
The whole file is validated before anything is written, so a bad row rejects the file with its line number and
nothing is half-imported. Importing the same file twice changes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import transaction

from players import clock
from players.models import Club, ClubAlias, Contract, Player, PlayerAlias, Position, Staff, StaffAlias
from players.text import fold_name

COLUMNS = ("kind", "name", "aliases", "club", "country", "born", "position", "shirt")
KINDS = ("club", "player", "manager")
GAZETTEER_VERSION_KEY = "gazetteer_version"

# Finer positions folded onto the four lines a Player.position holds.
_POSITION_WORDS = {
    Position.GOALKEEPER: ("goalkeeper", "keeper", "goalie"),
    Position.DEFENDER: ("defender", "back", "centre-half", "center-half", "sweeper", "libero"),
    Position.MIDFIELDER: ("midfielder", "midfield", "playmaker", "anchor"),
    Position.FORWARD: ("forward", "striker", "winger", "attacker", "wing", "centre-forward"),
}


class GazetteerError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line


@dataclass(frozen=True)
class GazetteerRow:
    line: int
    kind: str
    name: str
    aliases: tuple[str, ...]
    club: str
    country: str
    born: dt.date | None
    position: str
    shirt: int | None


@dataclass
class ImportSummary:
    clubs: int = 0
    players: int = 0
    managers: int = 0
    created: int = 0
    aliases_added: int = 0
    lines: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{self.clubs} clubs, {self.players} players, {self.managers} managers read; "
            f"{self.created} new, {self.aliases_added} aliases added"
        )


def bump_gazetteer_version() -> int:
    """Tell every process that names changed, so extraction rebuilds its automaton on its next article."""
    try:
        return cache.incr(GAZETTEER_VERSION_KEY)
    except ValueError:
        cache.set(GAZETTEER_VERSION_KEY, 1, timeout=None)
        return 1


def gazetteer_version() -> int:
    return cache.get(GAZETTEER_VERSION_KEY, 0)


def position_from_words(words: str) -> str:
    folded = fold_name(words)
    if not folded:
        return ""
    for position, markers in _POSITION_WORDS.items():
        if any(marker in folded for marker in markers):
            return position
    return ""


def parse_rows(text: str) -> list[GazetteerRow]:
    """Validate every row; raise GazetteerError naming the first bad line."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in COLUMNS[:5] if c not in (reader.fieldnames or [])]
    if missing:
        raise GazetteerError(
            1, f"header must start with {','.join(COLUMNS[:5])}; missing {', '.join(missing)}"
        )
    rows: list[GazetteerRow] = []
    club_names = set()
    for record in reader:
        line = reader.line_num
        row = _parse_row(line, record)
        if row.kind == "club":
            club_names.add(fold_name(row.name))
        rows.append(row)
    known_clubs = club_names | {fold_name(name) for name in Club.objects.values_list("name", flat=True)}
    for row in rows:
        if row.kind != "club" and row.club and fold_name(row.club) not in known_clubs:
            raise GazetteerError(row.line, f"unknown club {row.club!r}: add a club row for it first")
    return rows


def _parse_row(line: int, record: dict[str, str | None]) -> GazetteerRow:
    if None in record:
        raise GazetteerError(line, "too many columns (quote values that contain commas)")
    value = {key: (record.get(key) or "").strip() for key in COLUMNS}
    kind = value["kind"].lower()
    if kind not in KINDS:
        raise GazetteerError(line, f"kind must be one of {', '.join(KINDS)}; got {value['kind']!r}")
    if not value["name"]:
        raise GazetteerError(line, "name is empty")
    born = None
    if value["born"]:
        try:
            born = dt.date.fromisoformat(value["born"])
        except ValueError:
            raise GazetteerError(line, f"born must be a date YYYY-MM-DD; got {value['born']!r}") from None
    shirt = None
    if value["shirt"]:
        if not value["shirt"].isdigit() or not 1 <= int(value["shirt"]) <= 99:
            raise GazetteerError(line, f"shirt must be a number from 1 to 99; got {value['shirt']!r}")
        shirt = int(value["shirt"])
    if kind == "club" and (born or shirt):
        raise GazetteerError(line, "a club row cannot have born or shirt")
    aliases = tuple(dict.fromkeys(a.strip() for a in value["aliases"].split("|") if a.strip()))
    return GazetteerRow(
        line=line,
        kind=kind,
        name=value["name"],
        aliases=aliases,
        club=value["club"],
        country=value["country"],
        born=born,
        position=value["position"],
        shirt=shirt,
    )


@transaction.atomic
def gazetteer_import(rows: Iterable[GazetteerRow], *, today: dt.date | None = None) -> ImportSummary:
    today = today or clock.today()
    rows = list(rows)
    summary = ImportSummary()
    clubs: dict[str, Club] = {fold_name(c.name): c for c in Club.objects.all()}
    for row in rows:
        if row.kind == "club":
            club, created = Club.objects.get_or_create(name=row.name, defaults={"country": row.country})
            if not created and row.country and not club.country:
                club.country = row.country
                club.save(update_fields=["country", "updated_at"])
            clubs[fold_name(club.name)] = club
            summary.clubs += 1
            summary.created += created
            summary.aliases_added += add_aliases(ClubAlias, "club", club, row.aliases)
    players = players_by_folded_name()
    for row in rows:
        club = clubs.get(fold_name(row.club)) if row.club else None
        if row.kind == "player":
            summary.players += 1
            summary.created += _import_player(row, club, players, today, summary)
        elif row.kind == "manager":
            summary.managers += 1
            staff, created = Staff.objects.update_or_create(
                name=row.name,
                defaults={"club": club, "nationality": row.country, "role": row.position or "manager"},
            )
            summary.created += created
            summary.aliases_added += add_aliases(StaffAlias, "staff", staff, row.aliases)
    transaction.on_commit(bump_gazetteer_version)
    return summary


def players_by_folded_name() -> dict[str, list[Player]]:
    players: dict[str, list[Player]] = {}
    for player in Player.objects.active():
        players.setdefault(fold_name(player.name), []).append(player)
    return players


def _import_player(
    row: GazetteerRow,
    club: Club | None,
    players: dict[str, list[Player]],
    today: dt.date,
    summary: ImportSummary,
) -> bool:
    same_name = players.get(fold_name(row.name), [])
    # Two players may share a name; the date of birth tells them apart when the file gives one.
    matches = [p for p in same_name if row.born is None or p.date_of_birth in (None, row.born)]
    created = not matches
    if created:
        player = Player.objects.create(name=row.name)
        players.setdefault(fold_name(row.name), []).append(player)
    else:
        player = matches[0]
    changed = []
    for attr, new in (
        ("date_of_birth", row.born),
        ("nationality", row.country),
        ("shirt_number", row.shirt),
        ("position", position_from_words(row.position)),
        ("position_detail", row.position if position_from_words(row.position) != row.position else ""),
    ):
        if new and getattr(player, attr) != new:
            setattr(player, attr, new)
            changed.append(attr)
    if changed:
        player.save(update_fields=[*changed, "updated_at"])
    summary.aliases_added += add_aliases(PlayerAlias, "player", player, row.aliases)
    if club is not None:
        _ensure_current_club(player, club, today)
    return created


def _ensure_current_club(player: Player, club: Club, today: dt.date) -> None:
    current = player.contract_on(today)
    if current is not None and current.club_id == club.pk:
        return
    if current is not None:
        # The file says he is elsewhere now: close the old contract rather than keep two current ones.
        current.end_date = max(today - dt.timedelta(days=1), current.start_date or dt.date.min)
        current.save(update_fields=["end_date", "updated_at"])
    Contract.objects.create(player=player, club=club, start_date=today if current else None)


def add_aliases(model: type, owner_field: str, owner, aliases: tuple[str, ...]) -> int:
    existing = set(model.objects.filter(**{owner_field: owner}).values_list("normalised", flat=True))
    added = 0
    for alias in aliases:
        folded = fold_name(alias)
        if folded and folded not in existing and folded != fold_name(owner.name):
            model.objects.create(**{owner_field: owner, "alias": alias})
            existing.add(folded)
            added += 1
    return added
