"""The demo corpus (rumours/data/demo_articles/) and its gold file: shape, evidence and names.

Pure file checks, no database: the corpus is read by the demo loader and by extraction benchmarks, so a broken
gold entry or a misspelt name should fail here, not in a confusing score later.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS_DIR = ROOT / "rumours" / "data" / "demo_articles"
GOLD_FILE = CORPUS_DIR / "gold.json"
DEMO_DATA_FILE = ROOT / "players" / "data" / "demo_2024_25.json"

STAGES = {"linked", "interest", "talks", "bid", "agreed", "completed", "rejected", "denied"}
FACT_TYPES = {"expiry", "wage", "talks", "new_deal_offered", "new_deal_signed", "length"}
FIRST_DAY, LAST_DAY = dt.date(2024, 10, 5), dt.date(2025, 2, 3)
MIN_ARTICLES = 34
ARTICLE_KEYS = {"article", "published", "published_hint", "rumours", "injuries", "contracts", "optional"}
RUMOUR_KEYS = {"player", "from_club", "to_club", "status", "also_ok", "fee", "loan", "evidence"}
INJURY_KEYS = {"player", "club", "injury", "expected_absence", "evidence"}
CONTRACT_KEYS = {"player", "club", "fact", "fact_type", "evidence"}

# Used only when the demo data set (players/data/demo_2024_25.json) is not there yet: the same names.
FALLBACK_PLAYERS = {
    "Trent Alexander-Arnold",
    "Mohamed Salah",
    "Virgil van Dijk",
    "Dani Carvajal",
    "Kylian Mbappe",
    "Vinicius Junior",
    "Jude Bellingham",
    "Luka Modric",
    "Erling Haaland",
    "Kevin De Bruyne",
    "Rodri",
    "Phil Foden",
    "Bukayo Saka",
    "Martin Odegaard",
    "Declan Rice",
    "Ben White",
    "Aaron Ramsdale",
    "Bruno Fernandes",
    "Marcus Rashford",
    "Alejandro Garnacho",
    "Joshua Zirkzee",
    "Cole Palmer",
    "Enzo Fernandez",
    "Son Heung-min",
    "Alexander Isak",
    "Bruno Guimaraes",
    "Kieran Trippier",
    "Ollie Watkins",
    "Bryan Mbeumo",
    "Matheus Cunha",
    "Marc Guehi",
    "Dean Huijsen",
    "Antoine Semenyo",
    "Jarrad Branthwaite",
    "Florian Wirtz",
    "Jeremie Frimpong",
    "Jamal Musiala",
    "Harry Kane",
    "Joshua Kimmich",
    "Alphonso Davies",
    "Leroy Sane",
    "Khvicha Kvaratskhelia",
    "Lautaro Martinez",
    "Dusan Vlahovic",
    "Federico Chiesa",
    "Rafael Leao",
    "Theo Hernandez",
    "Ousmane Dembele",
    "Vitinha",
    "Gianluigi Donnarumma",
    "Randal Kolo Muani",
    "Jonathan David",
    "Robert Lewandowski",
    "Lamine Yamal",
    "Pedri",
    "Frenkie de Jong",
    "Antoine Griezmann",
    "Julian Alvarez",
    "Nico Williams",
    "Martin Zubimendi",
}
FALLBACK_CLUBS = {
    "Liverpool",
    "Real Madrid",
    "Manchester City",
    "Arsenal",
    "Manchester United",
    "Chelsea",
    "Tottenham Hotspur",
    "Newcastle United",
    "Aston Villa",
    "Brentford",
    "Wolverhampton Wanderers",
    "Crystal Palace",
    "Bournemouth",
    "Everton",
    "Southampton",
    "Bayer Leverkusen",
    "Bayern Munich",
    "Borussia Dortmund",
    "Napoli",
    "Inter Milan",
    "Juventus",
    "AC Milan",
    "Paris Saint-Germain",
    "Lille",
    "Barcelona",
    "Atletico Madrid",
    "Athletic Bilbao",
    "Real Sociedad",
}
FALLBACK_MANAGERS = {
    "Arne Slot",
    "Carlo Ancelotti",
    "Pep Guardiola",
    "Mikel Arteta",
    "Erik ten Hag",
    "Ruben Amorim",
    "Xabi Alonso",
    "Hansi Flick",
    "Diego Simeone",
    "Luis Enrique",
    "Vincent Kompany",
    "Simone Inzaghi",
    "Ange Postecoglou",
    "Enzo Maresca",
    "Eddie Howe",
    "Unai Emery",
    "Antonio Conte",
    "Thiago Motta",
}


def fold(name: str) -> str:
    """Case- and accent-folded, as the gold format compares names ("Ødegaard" is "Odegaard")."""
    decomposed = unicodedata.normalize("NFKD", name.replace("Ø", "O").replace("ø", "o"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def allowed_names() -> tuple[set[str], set[str], set[str]]:
    """Players, clubs and managers: from the demo data set when it exists, else the fallback lists."""
    if not DEMO_DATA_FILE.exists():
        return FALLBACK_PLAYERS, FALLBACK_CLUBS, FALLBACK_MANAGERS
    data = json.loads(DEMO_DATA_FILE.read_text(encoding="utf-8"))
    players = {item["name"] for item in data.get("players", [])}
    clubs = {item["name"] for item in data.get("clubs", [])}
    managers = {item["name"] for item in data.get("managers", [])}
    return players, clubs, managers or FALLBACK_MANAGERS


GOLD: list[dict] = json.loads(GOLD_FILE.read_text(encoding="utf-8"))
TEXTS: dict[str, str] = {path.stem: path.read_text(encoding="utf-8") for path in CORPUS_DIR.glob("*.txt")}


def all_facts(item: dict) -> list[tuple[str, dict]]:
    """Every (kind, fact) of an article, required and optional."""
    facts = []
    for kind in ("rumours", "injuries", "contracts"):
        facts += [(kind, fact) for fact in item[kind]]
        facts += [(kind, fact) for fact in item["optional"].get(kind, [])]
    return facts


def test_corpus_is_big_enough():
    assert len(GOLD) >= MIN_ARTICLES
    assert len(TEXTS) >= MIN_ARTICLES


def test_every_gold_entry_has_a_file_and_every_file_a_gold_entry():
    stems = [item["article"] for item in GOLD]
    assert len(stems) == len(set(stems)), "an article appears twice in gold.json"
    assert set(stems) == set(TEXTS)


@pytest.mark.parametrize("stem", sorted(TEXTS))
def test_article_file_shape(stem):
    lines = TEXTS[stem].splitlines()
    assert lines[0].strip(), "the first line is the title"
    assert lines[1] == "", "a blank line separates the title from the body"
    words = len(" ".join(lines[2:]).split())
    assert 180 <= words <= 450, f"{stem} body has {words} words"


def test_gold_entries_have_the_shared_fields():
    for item in GOLD:
        assert set(item) >= ARTICLE_KEYS, item["article"]
        assert set(item["optional"]) <= {"rumours", "injuries", "contracts"}
        for kind, fact in all_facts(item):
            expected = {"rumours": RUMOUR_KEYS, "injuries": INJURY_KEYS, "contracts": CONTRACT_KEYS}[kind]
            assert expected <= set(fact), (item["article"], kind, fact)


def test_every_evidence_is_an_exact_substring_of_its_article():
    for item in GOLD:
        text = TEXTS[item["article"]]
        for kind, fact in all_facts(item):
            assert fact["evidence"], (item["article"], kind)
            assert fact["evidence"] in text, (item["article"], kind, fact["evidence"])


def test_statuses_and_fact_types_are_known():
    for item in GOLD:
        for kind, fact in all_facts(item):
            if kind == "rumours":
                assert fact["status"] in STAGES, (item["article"], fact["status"])
                assert set(fact["also_ok"]) <= STAGES, (item["article"], fact["also_ok"])
                assert fact["status"] not in fact["also_ok"], item["article"]
                assert isinstance(fact["loan"], bool)
            if kind == "contracts":
                assert fact["fact_type"] in FACT_TYPES, (item["article"], fact["fact_type"])


def test_one_rumour_per_player_and_destination():
    # Required and optional together: a pair has one foregrounded stance per article, the rest go in also_ok.
    for item in GOLD:
        rumours = item["rumours"] + item["optional"].get("rumours", [])
        pairs = [(fold(r["player"]), fold(r["to_club"])) for r in rumours]
        assert len(pairs) == len(set(pairs)), item["article"]


def test_names_are_canonical():
    players, clubs, managers = allowed_names()
    players, clubs, managers = ({fold(n) for n in names} for names in (players, clubs, managers))
    for item in GOLD:
        for kind, fact in all_facts(item):
            people = managers | players if fact.get("role") == "manager" else players
            assert fold(fact["player"]) in people, (item["article"], fact["player"])
            for key in ("from_club", "to_club", "club"):
                if fact.get(key) is not None:
                    assert fold(fact[key]) in clubs, (item["article"], key, fact[key])
            if kind == "rumours":
                assert fact["to_club"], item["article"]
                assert fold(fact["from_club"] or "") != fold(fact["to_club"]), item["article"]


def test_dates_are_in_the_2024_25_season_window():
    for item in GOLD:
        published = dt.date.fromisoformat(item["published"])
        assert FIRST_DAY <= published <= LAST_DAY, (item["article"], published)
        assert item["published_hint"]


def test_every_stage_is_covered_at_least_twice():
    stages = Counter(r["status"] for item in GOLD for r in item["rumours"])
    assert {stage: stages[stage] for stage in STAGES if stages[stage] < 2} == {}


def test_corpus_has_articles_without_rumours_and_with_injuries_and_contracts():
    # The extractor must not invent rumours from match reports and injury news.
    assert sum(1 for item in GOLD if not item["rumours"]) >= 3
    assert sum(len(item["injuries"]) for item in GOLD) >= 8
    assert sum(len(item["contracts"]) for item in GOLD) >= 20
    assert any(r["loan"] for item in GOLD for r in item["rumours"])
