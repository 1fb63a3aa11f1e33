"""Resolving "the 32-year-old", "the England international", "their number 66",
"the full-back" and "he" to the
player they mean, and learning the club of people the gazetteer does not know ("R's manager Ian Holloway")."""

from __future__ import annotations

import re
from datetime import date

from .normalise import fold_key

# Folded nationality adjective or country -> folded country.
_NATIONS = {
    "england": "england", "english": "england", "spain": "spain", "spanish": "spain", "france": "france",
    "french": "france", "germany": "germany", "german": "germany", "italy": "italy", "italian": "italy",
    "portugal": "portugal", "portuguese": "portugal", "netherlands": "netherlands", "holland": "netherlands",
    "dutch": "netherlands", "belgium": "belgium", "belgian": "belgium", "brazil": "brazil",
    "brazilian": "brazil", "argentina": "argentina", "argentine": "argentina", "argentinian": "argentina",
    "denmark": "denmark", "danish": "denmark", "sweden": "sweden", "swedish": "sweden", "norway": "norway",
    "norwegian": "norway", "wales": "wales", "welsh": "wales", "scotland": "scotland", "scottish": "scotland",
    "scots": "scotland", "ireland": "ireland", "irish": "ireland", "republic of ireland": "ireland",
    "northern ireland": "northern ireland", "egypt": "egypt", "egyptian": "egypt", "morocco": "morocco",
    "moroccan": "morocco", "senegal": "senegal", "senegalese": "senegal", "nigeria": "nigeria",
    "nigerian": "nigeria", "ghana": "ghana", "ghanaian": "ghana", "ivory coast": "ivory coast",
    "ivorian": "ivory coast", "cameroon": "cameroon", "cameroonian": "cameroon", "algeria": "algeria",
    "algerian": "algeria", "croatia": "croatia", "croatian": "croatia", "serbia": "serbia",
    "serbian": "serbia",
    "poland": "poland", "polish": "poland", "czech": "czech republic", "czech republic": "czech republic",
    "czechia": "czech republic", "austria": "austria", "austrian": "austria", "switzerland": "switzerland",
    "swiss": "switzerland", "uruguay": "uruguay", "uruguayan": "uruguay", "colombia": "colombia",
    "colombian": "colombia", "chile": "chile", "chilean": "chile", "mexico": "mexico", "mexican": "mexico",
    "usa": "united states", "united states": "united states", "american": "united states",
    "us": "united states",
    "japan": "japan", "japanese": "japan", "south korea": "south korea", "korean": "south korea",
    "australia": "australia", "australian": "australia", "turkey": "turkey", "turkish": "turkey",
    "greece": "greece", "greek": "greece", "ukraine": "ukraine", "ukrainian": "ukraine", "russia": "russia",
    "russian": "russia", "hungary": "hungary", "hungarian": "hungary", "slovakia": "slovakia",
    "slovak": "slovakia", "slovenia": "slovenia", "slovenian": "slovenia", "finland": "finland",
    "finnish": "finland", "iceland": "iceland", "icelandic": "iceland", "ecuador": "ecuador",
    "ecuadorian": "ecuador", "paraguay": "paraguay", "paraguayan": "paraguay", "peru": "peru",
    "peruvian": "peru", "canada": "canada", "canadian": "canada", "jamaica": "jamaica", "jamaican": "jamaica",
    "georgia": "georgia", "georgian": "georgia", "albania": "albania", "albanian": "albania",
    "bosnia": "bosnia", "bosnian": "bosnia", "mali": "mali", "malian": "mali", "guinea": "guinea",
    "guinean": "guinea", "tunisia": "tunisia", "tunisian": "tunisia", "saudi": "saudi arabia",
    "saudi arabia": "saudi arabia", "romania": "romania", "romanian": "romania", "bulgaria": "bulgaria",
    "bulgarian": "bulgaria", "israel": "israel", "israeli": "israel", "venezuela": "venezuela",
    "venezuelan": "venezuela", "costa rica": "costa rica", "honduras": "honduras", "gabon": "gabon",
    "gabonese": "gabon", "burkina faso": "burkina faso", "congolese": "dr congo", "dr congo": "dr congo",
    "south africa": "south africa", "south african": "south africa", "new zealand": "new zealand",
    "qatar": "qatar", "iran": "iran", "iranian": "iran", "china": "china", "chinese": "china",
}  # fmt: skip
_GROUPS = {
    "defender": {"def"}, "centre-back": {"def"}, "center-back": {"def"}, "centre back": {"def"},
    "full-back": {"def"}, "fullback": {"def"}, "right-back": {"def"}, "left-back": {"def"},
    "wing-back": {"def", "mid"}, "sweeper": {"def"}, "midfielder": {"mid"}, "midfield man": {"mid"},
    "midfield": {"mid"}, "playmaker": {"mid"}, "winger": {"mid", "fwd"}, "striker": {"fwd"},
    "forward": {"fwd"}, "centre-forward": {"fwd"}, "attacker": {"fwd", "mid"}, "goalkeeper": {"gk"},
    "keeper": {"gk"}, "goalie": {"gk"}, "stopper": {"gk", "def"},
}  # fmt: skip
_ANY_PLAYER = {
    "player",
    "international",
    "star",
    "youngster",
    "teenager",
    "captain",
    "skipper",
    "forward-thinker",
}
_POSITION_WORDS = sorted([*_GROUPS, *_ANY_PLAYER], key=len, reverse=True)
_POS_ALT = "|".join(re.escape(w) for w in _POSITION_WORDS)
_NAT_ALT = "|".join(re.escape(w) for w in sorted(_NATIONS, key=len, reverse=True))
_ADJ = r"(?:[a-z][a-z'-]*\s+){0,2}?"

REFERENCE = re.compile(
    rf"\b(?:the|their|his|our|its|a)\s+{_ADJ}(?P<age>\d{{2}})-year-old(?:\s+(?P<agepos>{_POS_ALT}))?\b"
    rf"|\bthe\s+{_ADJ}(?P<nat>{_NAT_ALT})\s+(?P<natpos>{_POS_ALT})\b"
    rf"|\b(?:their|his|the|our)\s+(?:number|no\.?|#)\s?(?P<shirt>\d{{1,2}})\b"
    rf"|\bthe\s+{_ADJ}(?P<pos>{_POS_ALT})\b(?!'s\s+(?:agent|representative|father|family))"
    rf"|\b(?P<pron>he|him|his|himself)\b"
)
PERSON_ROLE = (
    r"(?:assistant |caretaker |interim |new |former )?(?:manager|boss|coach|head coach|chairman|"
    r"chief executive|sporting director|director of football|technical director|director|owner|president"
    r"|agent)"
)
_NAME = r"[A-Z][\w'\u2019-]+(?:\s+(?:van |de |da |di |del |von )?[A-Z][\w'\u2019-]+){0,2}"
_ROLE_AFTER_CLUB = re.compile(rf"(?:'s|\u2019s)?\s+{PERSON_ROLE}\s+(?P<name>{_NAME})")
_ROLE_BEFORE_CLUB = re.compile(rf"(?P<name>{_NAME}),\s+(?:the\s+)?$")
_ROLE_AFTER_CLUB_TAIL = re.compile(rf"^\s+{PERSON_ROLE}\b")
_WHOSE_BEFORE_CLUB = re.compile(rf"(?P<name>{_NAME}),\s+whose\s+$")
_TEAM_TAIL = re.compile(r"^\s+(?:team|side|squad|players)\b")
# Capitalised words that are not (part of) a person's name.
NOT_NAMES = set(
    [
        "I",
        "The",
        "A",
        "An",
        "But",
        "And",
        "Or",
        "If",
        "So",
        "As",
        "At",
        "In",
        "On",
        "Of",
        "For",
        "To",
        "With",
        "From",
        "By",
        "Also",
        "Even",
        "Meanwhile",
        "However",
        "Although",
        "While",
        "When",
        "Where",
        "What",
        "Who",
        "Why",
        "How",
        "He",
        "She",
        "It",
        "We",
        "They",
        "His",
        "Her",
        "Their",
        "Our",
        "You",
        "My",
        "Its",
        "That",
        "This",
        "These",
        "Those",
        "There",
        "Here",
        "Some",
        "Many",
        "Most",
        "No",
        "Not",
        "Yes",
        "Premier",
        "League",
        "Premiership",
        "Champions",
        "Cup",
        "Final",
        "Saturday",
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "England",
        "Spain",
        "France",
        "Germany",
        "Italy",
        "Europe",
        "European",
        "Brazil",
        "Holland",
        "Scotland",
        "Wales",
        "Ireland",
        "Republic",
        "Northern",
        "Instagram",
        "Twitter",
        "Getty",
        "Images",
        "Sport",
        "Sports",
        "News",
        "Radio",
        "Live",
        "Stadium",
        "Park",
        "Road",
        "Lane",
        "Arena",
        "Ground",
        "Club",
        "City",
        "United",
        "Town",
        "Rovers",
        "Athletic",
        "Real",
        "Santiago",
        "La",
        "Liga",
        "Serie",
        "Bundesliga",
        "Ligue",
        "Carling",
        "Copa",
        "Super",
        "Euro",
        "World",
        "Under",
        "Fc",
        "FC",
        "FA",
        "BBC",
        "GMT",
        "Championship",
        "International",
        "Five",
        "Sky",
        "Times",
        "Daily",
        "Mail",
        "Post",
        "Independent",
        "Guardian",
        "Telegraph",
        "Mirror",
        "Express",
        "Sun",
        "Standard",
        "Fans",
        "Chairman",
        "Boss",
        "Manager",
        "Coach",
        "Director",
        "Sir",
        "Mr",
        "Mrs",
        "Dr",
        "Mediterranean",
        "Middle",
        "East",
        "West",
        "North",
        "South",
        "Emirates",
        "Millennium",
        "Have",
        "Your",
        "Say",
        "Listen",
        "Achilles",
        "Credits",
        "Meanwhile",
        "Regardless",
        "Although",
        "Of",
        "Course",
        "Left",
        "Right",
        "Dutch",
        "German",
        "French",
        "Spanish",
        "Italian",
        "English",
        "Welsh",
        "Scottish",
        "Irish",
        "Danish",
        "Czech",
        "Brazilian",
        "Portuguese",
        "Argentine",
    ]
)
_TITLES = {"sir", "mr", "dr", "senor", "signor", "herr"}


def position_groups(text: str) -> set[str]:
    """Coarse groups ("def", "mid", "fwd", "gk") for a position word or a gazetteer position."""
    t = fold_key(text)
    if not t:
        return set()
    if t in _GROUPS:
        return _GROUPS[t]
    groups: set[str] = set()
    for word, g in _GROUPS.items():
        if word in t:
            groups |= g
    return groups


def nation(text: str) -> str:
    return _NATIONS.get(fold_key(text), fold_key(text))


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def learn_people(original: str, folded_text: str, clubs: list[tuple[int, int, int, int]]) -> dict[str, int]:
    """Unknown names introduced with a club role -> club id; `clubs` holds (start, end, club id, fs)."""
    learned: dict[str, int] = {}
    for start, end, club, _ in clubs:
        m = _ROLE_AFTER_CLUB.match(original, end, min(len(original), end + 80))
        if m:
            _remember(learned, m.group("name"), club)
        before = original[max(0, start - 60) : start]
        tail = original[end : end + 40]
        if _ROLE_AFTER_CLUB_TAIL.match(tail):
            m = _ROLE_BEFORE_CLUB.search(before)
            if m:
                _remember(learned, m.group("name"), club)
        if _TEAM_TAIL.match(tail):
            m = _WHOSE_BEFORE_CLUB.search(before)
            if m:
                _remember(learned, m.group("name"), club)
    return learned


def _remember(learned: dict[str, int], name: str, club: int) -> None:
    tokens = [t for t in name.split() if t.lower().strip(".") not in _TITLES]
    if not tokens:
        return
    learned.setdefault(" ".join(tokens), club)
    learned.setdefault(tokens[-1], club)
