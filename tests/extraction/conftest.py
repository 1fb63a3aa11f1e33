"""A small gazetteer of made-up and real names, and a helper to run extraction on sentences written here."""

from __future__ import annotations

from datetime import date

import pytest

from rumours.extraction import (
    ClubEntry,
    Extraction,
    Gazetteer,
    OutletEntry,
    PersonEntry,
    PlayerEntry,
    extract,
)

CLUBS = [
    ClubEntry(1, "Riverside United", ("Riverside", "United", "the Otters"), "England"),
    ClubEntry(2, "Real Madrid", ("Real", "Madrid", "Los Blancos"), "Spain"),
    ClubEntry(3, "Atletico Madrid", ("Atletico", "Madrid"), "Spain"),
    ClubEntry(4, "Northgate City", ("Northgate", "City", "the Blues"), "England"),
    ClubEntry(5, "Eastbay Rovers", ("Eastbay", "Rovers", "the Blues"), "England"),
    ClubEntry(6, "Bayern Munich", ("Bayern",), "Germany"),
    ClubEntry(7, "Harbour Town", ("Harbour",), "England"),
]
PLAYERS = [
    PlayerEntry(1, "Tomas Kettering", ("Kettering",), 1, "England", date(1998, 3, 1), "right-back", 66),
    PlayerEntry(2, "Luis Ferreiro", ("Ferreiro",), 2, "Spain", date(1992, 5, 20), "defender", 2),
    PlayerEntry(3, "Marco Bellini", ("Bellini",), 4, "Italy", date(2001, 7, 9), "forward", 9),
    PlayerEntry(4, "Aaron Cole", ("Cole",), 4, "Wales", date(1996, 1, 2), "midfielder", 8),
    PlayerEntry(5, "Jamie Cole", ("Cole",), 5, "Scotland", date(1999, 11, 30), "goalkeeper", 1),
    PlayerEntry(6, "Kylian Mbappé", ("Mbappé",), 2, "France", date(1998, 12, 20), "forward", 10),
    PlayerEntry(7, "Sven Østergaard", ("Østergaard",), 6, "Denmark", date(1995, 4, 4), "midfielder", 6),
    PlayerEntry(8, "Dylan Marsh", ("Marsh",), 7, "England", date(2003, 2, 14), "winger", 17),
]
PEOPLE = [
    PersonEntry(1, "Graham Slot", ("Slot",), 1, "manager"),
    PersonEntry(2, "Peter Ferguson", ("Ferguson",), 4, "manager"),
]
PUBLISHED = date(2024, 10, 6)


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.build(clubs=CLUBS, players=PLAYERS, people=PEOPLE, outlets=["Sky Sports", "Marca"])


@pytest.fixture(scope="session")
def run(gaz):
    def _run(text: str, published: date = PUBLISHED, title: str = "") -> Extraction:
        return extract(text, published=published, gazetteer=gaz, title=title)

    return _run


def rumour_map(x: Extraction) -> dict[tuple[int, int], str]:
    return {(r.player_id, r.to_club_id): r.stage for r in x.rumours}


# A wider gazetteer for rules that need more than the one above: two forwards at one club (a striker and a
# winger), an Italian club, a club whose alias is also an outlet's name.
WIDE_CLUBS = [
    *CLUBS,
    ClubEntry(8, "Athletic Valle", ("Athletic", "Valle"), "Spain"),
    ClubEntry(9, "Sporting Verona", ("Verona",), "Italy"),
]
WIDE_PLAYERS = [
    *PLAYERS,
    PlayerEntry(9, "Harold Crane", ("Crane",), 6, "England", date(1993, 7, 1), "striker", 9),
    PlayerEntry(10, "Leon Sandor", ("Sandor",), 6, "Germany", date(1996, 1, 11), "winger", 10),
    PlayerEntry(11, "Pablo Iturra", ("Iturra",), 8, "Spain", date(2002, 7, 12), "left winger", 11),
    PlayerEntry(12, "Oscar Lindqvist", ("Lindqvist",), 9, "Sweden", date(1997, 8, 22), "striker", 10),
    # Known by his first name alone, which another player here also has.
    PlayerEntry(13, "Leon Varga", ("Leon", "Varga"), 5, "Hungary", date(1990, 2, 2), "defender", 4),
    PlayerEntry(
        14, "Rafael Coimbra", ("Coimbra",), 9, "Portugal", date(2001, 5, 5), "attacking midfielder", 8
    ),
]
WIDE_OUTLETS = [OutletEntry(1, "The Athletic", ("the Athletic",)), OutletEntry(2, "Sky Sports", ("Sky",))]


@pytest.fixture(scope="session")
def run_wide():
    wide = Gazetteer.build(clubs=WIDE_CLUBS, players=WIDE_PLAYERS, people=PEOPLE, outlets=WIDE_OUTLETS)

    def _run(text: str, published: date = PUBLISHED, title: str = "") -> Extraction:
        return extract(text, published=published, gazetteer=wide, title=title)

    return _run


def contract_map(x: Extraction) -> set[tuple[int, int | None, str]]:
    return {(c.player_id, c.club_id, c.fact_type) for c in x.contracts}
