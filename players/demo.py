"""Loading the demo data set (players/data/demo_2024_25.json): the five big leagues as of a stated date."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.db import transaction

from players.gazetteer import add_aliases, bump_gazetteer_version, players_by_folded_name
from players.models import Club, ClubAlias, Contract, Player, PlayerAlias, Staff, StaffAlias
from players.text import fold_name

DEMO_FILE = Path(__file__).resolve().parent / "data" / "demo_2024_25.json"


def demo_data_read(path: Path = DEMO_FILE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@transaction.atomic
def demo_players_load(data: dict) -> dict[str, int]:
    """Create or update every club, player, contract and manager in `data`. Idempotent."""
    clubs: dict[str, Club] = {}
    for item in data["clubs"]:
        club, _ = Club.objects.update_or_create(
            name=item["name"],
            defaults={
                key: item.get(key, "") or "" for key in ("short_name", "country", "league", "stadium", "city")
            },
        )
        add_aliases(ClubAlias, "club", club, tuple(item.get("aliases", ())))
        clubs[fold_name(club.name)] = club

    def club_named(name: str | None) -> Club | None:
        if not name:
            return None
        try:
            return clubs[fold_name(name)]
        except KeyError:
            raise ValueError(f"demo data names an unknown club {name!r}") from None

    players = players_by_folded_name()
    for item in data["players"]:
        born = _date(item.get("born"))
        same_name = [p for p in players.get(fold_name(item["name"]), []) if p.date_of_birth in (None, born)]
        fields = {
            "known_as": item.get("known_as") or "",
            "date_of_birth": born,
            "nationality": item.get("nationality") or "",
            "position": item.get("position") or "",
            "position_detail": item.get("position_detail") or "",
            "shirt_number": item.get("shirt"),
        }
        if same_name:
            player = same_name[0]
            for attr, value in fields.items():
                setattr(player, attr, value)
            player.save()
        else:
            player = Player.objects.create(name=item["name"], **fields)
            players.setdefault(fold_name(player.name), []).append(player)
        add_aliases(PlayerAlias, "player", player, tuple(item.get("aliases", ())))
        contract = item.get("contract") or {}
        club = club_named(item.get("club"))
        if club is not None:
            wage = contract.get("weekly_wage")
            Contract.objects.update_or_create(
                player=player,
                club=club,
                start_date=_date(contract.get("start")),
                defaults={
                    "end_date": _date(contract.get("end")),
                    "weekly_wage": wage,
                    "wage_currency": (contract.get("currency") or "") if wage else "",
                    "is_loan": bool(contract.get("loan")),
                    "parent_club": club_named(item.get("parent_club") or contract.get("parent_club")),
                },
            )

    for item in data.get("managers", []):
        staff, _ = Staff.objects.update_or_create(
            name=item["name"],
            defaults={
                "club": club_named(item.get("club")),
                "nationality": item.get("nationality") or "",
                "role": item.get("role") or "manager",
            },
        )
        add_aliases(StaffAlias, "staff", staff, tuple(item.get("aliases", ())))
    transaction.on_commit(bump_gazetteer_version)
    return {
        "clubs": len(data["clubs"]),
        "players": len(data["players"]),
        "managers": len(data.get("managers", [])),
    }
