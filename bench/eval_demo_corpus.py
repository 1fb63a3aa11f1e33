"""Run extraction directly (no database) on our own demo corpus and score it against its gold file.

    .venv/bin/python bench/eval_demo_corpus.py [--verbose]

The demo corpus (rumours/data/demo_articles/) was written independently of the extractor, so it is a held-out
check for rules tuned on the shared corpus. The gazetteer is built from the demo data set the way
rumours/gazetteer_snapshot.py builds it from the database after `players.demo` has loaded that set: clubs
with aliases, players with their club, `known_as` as an alias and `position_detail or position`, managers as
people, and the outlets of rumours/data/sources.json. Prints per-article misses and false positives, then
the scores; the last line is the JSON summary.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_shared_corpus import report, score_articles  # noqa: E402

from rumours.extraction import (  # noqa: E402
    ClubEntry,
    Gazetteer,
    OutletEntry,
    PersonEntry,
    PlayerEntry,
)
from rumours.extraction.normalise import fold_key  # noqa: E402

ARTICLES = ROOT / "rumours" / "data" / "demo_articles"
DATA = ROOT / "players" / "data" / "demo_2024_25.json"
SOURCES = ROOT / "rumours" / "data" / "sources.json"


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def demo_gazetteer(data_path: Path = DATA, sources_path: Path = SOURCES) -> Gazetteer:
    data = json.loads(data_path.read_text(encoding="utf-8"))
    clubs: list[ClubEntry] = []
    club_ids: dict[str, int] = {}
    for item in data["clubs"]:
        club = ClubEntry(
            id=len(clubs) + 1,
            name=item["name"],
            aliases=tuple(item.get("aliases", ())),
            country=item.get("country", ""),
            league=item.get("league", ""),
        )
        clubs.append(club)
        club_ids[fold_key(club.name)] = club.id

    def club_id(name: str | None) -> int | None:
        return club_ids.get(fold_key(name)) if name else None

    players: list[PlayerEntry] = []
    for item in data["players"]:
        aliases = list(item.get("aliases", ()))
        known_as = item.get("known_as") or ""
        if known_as and fold_key(known_as) != fold_key(item["name"]):
            aliases.insert(0, known_as)
        players.append(
            PlayerEntry(
                id=len(players) + 1,
                name=item["name"],
                aliases=tuple(aliases),
                club_id=club_id(item.get("club")),
                nationality=item.get("nationality") or "",
                born=_date(item.get("born")),
                position=item.get("position_detail") or item.get("position") or "",
                shirt=item.get("shirt"),
            )
        )
    people = [
        PersonEntry(
            id=n,
            name=item["name"],
            aliases=tuple(item.get("aliases", ())),
            club_id=club_id(item.get("club")),
            role=item.get("role") or "manager",
        )
        for n, item in enumerate(data.get("managers", []), start=1)
    ]
    sources = json.loads(sources_path.read_text(encoding="utf-8"))["sources"]
    outlets = [
        OutletEntry(id=n, name=s["name"], aliases=tuple(s.get("aliases", ())))
        for n, s in enumerate(sources, start=1)
    ]
    return Gazetteer.build(clubs=clubs, players=players, people=people, outlets=outlets)


def run(articles: Path = ARTICLES) -> tuple[list[dict], list[dict], dict]:
    gold = json.loads((articles / "gold.json").read_text(encoding="utf-8"))
    return score_articles(gold, articles, demo_gazetteer())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    parser.add_argument("--verbose", action="store_true", help="print every predicted fact")
    args = parser.parse_args()
    predictions, gold, summary = run(args.articles)
    report(predictions, gold, summary, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
