"""Checks on the hand-written demo data set (players/data, rumours/data).

Pure Python: no database, no Django. Each check returns the offending items, so a failure names them, and
`test_checks_catch_*` feed deliberately broken records to prove the checks can fail.
"""

import datetime as dt
import json
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "players" / "data" / "demo_2024_25.json"
SOURCES = ROOT / "rumours" / "data" / "sources.json"

AS_OF = dt.date(2024, 10, 1)
LEAGUE_SIZES = {"Premier League": 20, "La Liga": 20, "Bundesliga": 18, "Serie A": 20, "Ligue 1": 18}
POSITIONS = {"goalkeeper", "defender", "midfielder", "forward"}
SOURCE_KINDS = {"outlet", "journalist", "data"}


def _names(text: str) -> list[str]:
    return [name.strip() for name in text.replace("\n", " ").split(",") if name.strip()]


MUST_INCLUDE_PLAYERS = _names(
    """
Trent Alexander-Arnold, Mohamed Salah, Virgil van Dijk, Dani Carvajal, Kylian Mbappe, Vinicius Junior,
Jude Bellingham, Luka Modric, Erling Haaland, Kevin De Bruyne, Rodri, Phil Foden, Bukayo Saka,
Martin Odegaard, Declan Rice, Bruno Fernandes, Marcus Rashford, Alejandro Garnacho, Joshua Zirkzee,
Cole Palmer, Enzo Fernandez, Son Heung-min, Alexander Isak, Bruno Guimaraes, Ollie Watkins,
Bryan Mbeumo, Matheus Cunha, Marc Guehi, Dean Huijsen, Antoine Semenyo, Florian Wirtz,
Jeremie Frimpong, Jamal Musiala, Harry Kane, Joshua Kimmich, Alphonso Davies, Leroy Sane,
Khvicha Kvaratskhelia, Lautaro Martinez, Dusan Vlahovic, Rafael Leao, Theo Hernandez, Ousmane Dembele,
Vitinha, Gianluigi Donnarumma, Jonathan David, Robert Lewandowski, Lamine Yamal, Pedri,
Frenkie de Jong, Antoine Griezmann, Julian Alvarez, Nico Williams, Martin Zubimendi, Randal Kolo Muani,
Jarrad Branthwaite, Kieran Trippier, Ben White, Aaron Ramsdale, Federico Chiesa
"""
)
MUST_INCLUDE_MANAGERS = _names(
    """
Arne Slot, Carlo Ancelotti, Pep Guardiola, Mikel Arteta, Erik ten Hag, Xabi Alonso, Hansi Flick,
Diego Simeone, Luis Enrique, Vincent Kompany, Simone Inzaghi, Ange Postecoglou, Enzo Maresca,
Eddie Howe, Unai Emery, Thiago Motta, Antonio Conte
"""
)
MUST_INCLUDE_SOURCES = _names(
    """
BBC Sport, Fabrizio Romano, Fichajes, The Athletic, Sky Sports, Marca, AS, Mundo Deportivo, Sport,
L'Equipe, Gazzetta dello Sport, Corriere dello Sport, Bild, Kicker, Sky Sport Germany, The Times,
The Telegraph, The Guardian, Daily Mail, The Sun, Daily Star, Football Insider, Spotrac,
David Ornstein, Florian Plettenberg, Gianluca Di Marzio
"""
)

# Letters that Unicode does not decompose into a base letter plus an accent.
_UNDECOMPOSED = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "ı": "i"})


def fold(text: str) -> str:
    """Case- and accent-folded form, so "Ødegaard" and "Odegaard" compare equal."""
    text = text.casefold().translate(_UNDECOMPOSED)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def parse_date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


# --- checks: each returns what is wrong (empty when all is well) -------------------------------------------


def duplicate_club_names(doc: dict) -> list[str]:
    counts = Counter(fold(c["name"]) for c in doc["clubs"])
    return [name for name, n in counts.items() if n > 1]


def duplicate_aliases_within_a_club(doc: dict) -> list[str]:
    found = []
    for club in doc["clubs"]:
        counts = Counter([club["name"], *club["aliases"]])
        found += [f"{club['name']}: {alias!r}" for alias, n in counts.items() if n > 1]
    return found


def aliases_naming_another_club(doc: dict) -> list[str]:
    canonical = {fold(c["name"]): c["name"] for c in doc["clubs"]}
    found = []
    for club in doc["clubs"]:
        for alias in club["aliases"]:
            other = canonical.get(fold(alias))
            if other is not None and other != club["name"]:
                found.append(f"{club['name']}: {alias!r} is {other}")
    return found


def players_at_unknown_clubs(doc: dict) -> list[str]:
    clubs = {c["name"] for c in doc["clubs"]}
    found = [f"{p['name']}: {p['club']}" for p in doc["players"] if p["club"] not in clubs]
    found += [
        f"{p['name']}: parent {p['contract']['parent_club']}"
        for p in doc["players"]
        if "parent_club" in p["contract"] and p["contract"]["parent_club"] not in clubs
    ]
    return found


def unparseable_dates(doc: dict) -> list[str]:
    found = []
    for p in doc["players"]:
        contract = p["contract"]
        for label, value in [("born", p["born"]), ("start", contract["start"]), ("end", contract["end"])]:
            try:
                parse_date(value)
            except (TypeError, ValueError):
                found.append(f"{p['name']}: {label}={value!r}")
        if p["born"] is None:
            found.append(f"{p['name']}: no date of birth")
    return found


def births_out_of_range(doc: dict) -> list[str]:
    return [
        f"{p['name']}: {p['born']}"
        for p in doc["players"]
        if not dt.date(1980, 1, 1) <= parse_date(p["born"]) <= dt.date(2009, 12, 31)
    ]


def bad_shirts(doc: dict) -> list[str]:
    found = []
    for p in doc["players"]:
        shirt = p["shirt"]
        if shirt is None:
            continue
        if isinstance(shirt, bool) or not isinstance(shirt, int) or not 1 <= shirt <= 99:
            found.append(f"{p['name']}: {shirt!r}")
    return found


def shirts_worn_twice(doc: dict) -> list[str]:
    counts = Counter((p["club"], p["shirt"]) for p in doc["players"] if p["shirt"] is not None)
    return [f"{club} #{shirt}" for (club, shirt), n in counts.items() if n > 1]


def bad_positions(doc: dict) -> list[str]:
    return [f"{p['name']}: {p['position']!r}" for p in doc["players"] if p["position"] not in POSITIONS]


def contracts_ending_before_they_start(doc: dict) -> list[str]:
    found = []
    for p in doc["players"]:
        start, end = parse_date(p["contract"]["start"]), parse_date(p["contract"]["end"])
        if start is not None and end is not None and end <= start:
            found.append(f"{p['name']}: {start} -> {end}")
    return found


def contracts_not_in_force_on_as_of(doc: dict) -> list[str]:
    """The data describes 2024-10-01, so no contract may start later or have ended already."""
    found = []
    for p in doc["players"]:
        start, end = parse_date(p["contract"]["start"]), parse_date(p["contract"]["end"])
        if (start is not None and start > AS_OF) or (end is not None and end < AS_OF):
            found.append(f"{p['name']}: {start} -> {end}")
    return found


def bad_wages(doc: dict) -> list[str]:
    english = {c["name"] for c in doc["clubs"] if c["country"] == "England"}
    found = []
    for p in doc["players"]:
        wage, currency = p["contract"]["weekly_wage"], p["contract"]["currency"]
        if wage is None:
            continue
        expected = "GBP" if p["club"] in english else "EUR"
        if not isinstance(wage, int) or wage <= 0 or currency != expected:
            found.append(f"{p['name']}: {wage!r} {currency!r}")
    return found


def bad_loans(doc: dict) -> list[str]:
    found = []
    for p in doc["players"]:
        contract = p["contract"]
        parent = contract.get("parent_club")
        if contract["loan"] != (parent is not None) or parent == p["club"]:
            found.append(f"{p['name']}: loan={contract['loan']} parent={parent!r}")
    return found


def missing_people(people: list[dict], wanted: list[str]) -> list[str]:
    names = {fold(p["name"]) for p in people}
    return [name for name in wanted if fold(name) not in names]


def managers_at_unknown_clubs(doc: dict) -> list[str]:
    clubs = {c["name"] for c in doc["clubs"]}
    return [f"{m['name']}: {m['club']}" for m in doc["managers"] if m["club"] not in clubs]


def bad_sources(sources: list[dict]) -> list[str]:
    found = [f"{s['name']}: tier {s['tier']!r}" for s in sources if s["tier"] not in (1, 2, 3, 4)]
    found += [f"{s['name']}: kind {s['kind']!r}" for s in sources if s["kind"] not in SOURCE_KINDS]
    counts = Counter(fold(s["name"]) for s in sources)
    found += [f"duplicate {name}" for name, n in counts.items() if n > 1]
    return found


# --- the data set ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo() -> dict:
    with DEMO.open(encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="module")
def sources() -> list[dict]:
    with SOURCES.open(encoding="utf-8") as f:
        return json.load(f)["sources"]


def test_it_describes_the_2024_25_season_on_1_october(demo: dict) -> None:
    assert demo["as_of"] == AS_OF.isoformat()
    assert demo["season"] == "2024-25"


def test_it_has_the_96_clubs_of_the_five_leagues(demo: dict) -> None:
    assert len(demo["clubs"]) == 96
    assert Counter(c["league"] for c in demo["clubs"]) == LEAGUE_SIZES


def test_club_names_are_unique(demo: dict) -> None:
    assert duplicate_club_names(demo) == []


def test_no_club_lists_an_alias_twice(demo: dict) -> None:
    assert duplicate_aliases_within_a_club(demo) == []


def test_no_club_alias_is_another_clubs_name(demo: dict) -> None:
    assert aliases_naming_another_club(demo) == []


def test_it_has_at_least_320_players_with_unique_names(demo: dict) -> None:
    assert len(demo["players"]) >= 320
    assert [n for n, k in Counter(p["name"] for p in demo["players"]).items() if k > 1] == []


def test_every_club_has_at_least_two_players(demo: dict) -> None:
    counts = Counter(p["club"] for p in demo["players"])
    assert [c["name"] for c in demo["clubs"] if counts[c["name"]] < 2] == []


def test_every_player_plays_for_a_known_club(demo: dict) -> None:
    assert players_at_unknown_clubs(demo) == []


def test_every_date_parses(demo: dict) -> None:
    assert unparseable_dates(demo) == []


def test_players_were_born_between_1980_and_2009(demo: dict) -> None:
    assert births_out_of_range(demo) == []


def test_shirt_numbers_are_1_to_99_and_not_shared_in_a_squad(demo: dict) -> None:
    assert bad_shirts(demo) == []
    assert shirts_worn_twice(demo) == []


def test_positions_are_one_of_the_four(demo: dict) -> None:
    assert bad_positions(demo) == []


def test_contracts_end_after_they_start(demo: dict) -> None:
    assert contracts_ending_before_they_start(demo) == []


def test_contracts_are_in_force_on_the_as_of_date(demo: dict) -> None:
    assert contracts_not_in_force_on_as_of(demo) == []


def test_wages_come_with_the_clubs_currency(demo: dict) -> None:
    assert bad_wages(demo) == []


def test_loans_name_a_different_parent_club(demo: dict) -> None:
    assert bad_loans(demo) == []


def test_the_players_the_demo_articles_need_are_present(demo: dict) -> None:
    assert missing_people(demo["players"], MUST_INCLUDE_PLAYERS) == []


def test_every_club_has_a_head_coach_at_a_known_club(demo: dict) -> None:
    assert managers_at_unknown_clubs(demo) == []
    assert {c["name"] for c in demo["clubs"]} <= {m["club"] for m in demo["managers"]}
    assert missing_people(demo["managers"], MUST_INCLUDE_MANAGERS) == []


def test_sources_have_tiers_1_to_4_and_unique_names(sources: list[dict]) -> None:
    assert 15 <= len(sources) <= 30
    assert bad_sources(sources) == []
    assert missing_people(sources, MUST_INCLUDE_SOURCES) == []


# --- the checks themselves can fail ------------------------------------------------------------------------


def _tiny_doc() -> dict:
    return {
        "clubs": [
            {"name": "Liverpool", "country": "England", "aliases": ["the Reds", "Anfield"]},
            {"name": "Real Madrid", "country": "Spain", "aliases": ["Los Blancos"]},
        ],
        "players": [
            {
                "name": "Trent Alexander-Arnold",
                "born": "1998-10-07",
                "position": "defender",
                "shirt": 66,
                "club": "Liverpool",
                "contract": {
                    "start": "2021-07-01",
                    "end": "2025-06-30",
                    "weekly_wage": 180000,
                    "currency": "GBP",
                    "loan": False,
                },
            }
        ],
        "managers": [{"name": "Arne Slot", "club": "Liverpool"}],
    }


def test_checks_pass_on_a_good_record() -> None:
    doc = _tiny_doc()
    for check in (
        duplicate_club_names,
        duplicate_aliases_within_a_club,
        aliases_naming_another_club,
        players_at_unknown_clubs,
        unparseable_dates,
        births_out_of_range,
        bad_shirts,
        bad_positions,
        contracts_ending_before_they_start,
        contracts_not_in_force_on_as_of,
        bad_wages,
        bad_loans,
        managers_at_unknown_clubs,
    ):
        assert check(doc) == [], check.__name__


@pytest.mark.parametrize(
    ("check", "breakage"),
    [
        (duplicate_club_names, lambda d: d["clubs"].append(dict(d["clubs"][0], name="Liverpool"))),
        (duplicate_aliases_within_a_club, lambda d: d["clubs"][0]["aliases"].append("the Reds")),
        (aliases_naming_another_club, lambda d: d["clubs"][0]["aliases"].append("Real Madrid")),
        (players_at_unknown_clubs, lambda d: d["players"][0].update(club="Liverpool FC")),
        (
            players_at_unknown_clubs,
            lambda d: d["players"][0]["contract"].update(loan=True, parent_club="Ajax"),
        ),
        (unparseable_dates, lambda d: d["players"][0].update(born="1998-02-30")),
        (births_out_of_range, lambda d: d["players"][0].update(born="1975-01-01")),
        (bad_shirts, lambda d: d["players"][0].update(shirt=100)),
        (bad_positions, lambda d: d["players"][0].update(position="right-back")),
        (contracts_ending_before_they_start, lambda d: d["players"][0]["contract"].update(end="2020-06-30")),
        (
            contracts_not_in_force_on_as_of,
            lambda d: d["players"][0]["contract"].update(start="2025-07-01", end="2030-06-30"),
        ),
        (bad_wages, lambda d: d["players"][0]["contract"].update(currency="EUR")),
        (bad_loans, lambda d: d["players"][0]["contract"].update(loan=True)),
        (managers_at_unknown_clubs, lambda d: d["managers"][0].update(club="Feyenoord")),
    ],
)
def test_checks_catch_a_broken_record(check, breakage) -> None:
    doc = _tiny_doc()
    breakage(doc)
    assert check(doc) != []


def test_checks_catch_missing_people_and_bad_sources() -> None:
    assert missing_people([{"name": "Martin Ødegaard"}], ["Martin Odegaard"]) == []
    assert missing_people([{"name": "Martin Ødegaard"}], ["Bukayo Saka"]) == ["Bukayo Saka"]
    broken = [{"name": "Marca", "kind": "outlet", "tier": 5}, {"name": "marca", "kind": "blog", "tier": 2}]
    assert len(bad_sources(broken)) == 3
