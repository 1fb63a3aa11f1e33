"""Word lists the extractors share: nationalities, position words, words that are never person names."""

from __future__ import annotations

import re
from functools import lru_cache

from .normalise import fold_key


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Some of `words` occurs in `text`. The cheap test a costly search runs behind when every match of its
    pattern holds one of the words (a search that can start anywhere tries every position of its text)."""
    for word in words:  # noqa: SIM110 (a plain loop: cheaper than `any` over a generator)
        if word in text:
            return True
    return False


# Folded nationality adjective or country -> folded country.
NATIONS = {
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
    "serbian": "serbia", "serbia and montenegro": "serbia", "serbia-montenegro": "serbia",
    "yugoslavia": "serbia", "montenegro": "montenegro",
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
# Words for a person of a nation, used alone as a reference: "the Canadian, who signed ...", "the Frenchman".
# Adjectives in -ish, -ch or -ic ("the French", "the Dutch") name a people, not one player: left out.
DEMONYMS = {
    **{
        word: country
        for word, country in NATIONS.items()
        if " " not in word and word != country and word.endswith(("an", "ese", "i", "ine"))
    },
    "frenchman": "france", "dutchman": "netherlands", "englishman": "england", "spaniard": "spain",
    "scot": "scotland", "scotsman": "scotland", "welshman": "wales", "irishman": "ireland",
    "dane": "denmark", "swede": "sweden", "pole": "poland", "croat": "croatia", "serb": "serbia",
    "turk": "turkey", "finn": "finland", "greek": "greece", "swiss": "switzerland", "czech": "czech republic",
}  # fmt: skip
# Regions and cities a writer uses for a club's country ("the Catalan club", "the Bavarian giants").
REGIONS = {
    "catalan": "spain", "basque": "spain", "andalusian": "spain", "galician": "spain", "madrid": "spain",
    "bavarian": "germany", "parisian": "france", "lombard": "italy", "turin": "italy", "milanese": "italy",
    "roman": "italy", "neapolitan": "italy", "london": "england", "merseyside": "england",
    "midlands": "england", "yorkshire": "england", "lancashire": "england", "north london": "england",
    "west london": "england", "south london": "england", "east london": "england", "glasgow": "scotland",
    "serie a": "italy", "la liga": "spain", "bundesliga": "germany", "ligue 1": "france",
    "premier league": "england",
}  # fmt: skip

# Position words and the tags they carry: a reference matches a player whose position shares its tags, and
# matches better the more it shares ("the striker" fits a striker better than a winger). "left" and "right"
# exclude each other. An attacking midfielder is often called a forward, so he carries that tag too.
POSITION_TAGS: dict[str, frozenset[str]] = {
    k: frozenset(v.split())
    for k, v in {
        "goalkeeper": "gk", "keeper": "gk", "goalie": "gk", "shot-stopper": "gk", "stopper": "gk",
        "defender": "def", "centre-back": "def cb", "center-back": "def cb", "centre back": "def cb",
        "central defender": "def cb", "centre-half": "def cb", "sweeper": "def cb", "full-back": "def fb",
        "fullback": "def fb", "right-back": "def fb right", "left-back": "def fb left",
        "right back": "def fb right", "left back": "def fb left", "wing-back": "def mid fb",
        "midfielder": "mid", "midfield man": "mid", "midfield": "mid", "defensive midfielder": "mid dm",
        "holding midfielder": "mid dm", "central midfielder": "mid cm", "attacking midfielder": "mid am fwd",
        "playmaker": "mid am", "winger": "mid fwd wing", "wide man": "mid fwd wing",
        "right winger": "mid fwd wing right", "left winger": "mid fwd wing left", "striker": "fwd st",
        "centre-forward": "fwd st", "center-forward": "fwd st", "number nine": "fwd st", "forward": "fwd",
        "attacker": "fwd mid", "frontman": "fwd st", "marksman": "fwd st", "goalscorer": "fwd st",
    }.items()
}  # fmt: skip
# Words for any player: "the player", "the international".
ANY_PLAYER = {"player", "international", "star", "youngster", "teenager", "captain", "skipper", "ace"}
_SIDES = {"left", "right"}
_TAG_WORDS = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in sorted(POSITION_TAGS, key=len, reverse=True)) + r")\b"
)
_GROUP_TAGS = {"gk", "def", "mid", "fwd"}


@lru_cache(maxsize=4096)
def position_tags(text: str) -> frozenset[str]:
    """Tags of a position word or of a gazetteer position ("right winger" -> mid fwd wing right)."""
    t = fold_key(text)
    tags: set[str] = set()
    for m in _TAG_WORDS.finditer(t):
        tags |= POSITION_TAGS[m.group()]
    return frozenset(tags)


def position_groups(text: str) -> set[str]:
    """Coarse groups ("def", "mid", "fwd", "gk") for a position word or a gazetteer position."""
    return set(position_tags(text) & _GROUP_TAGS)


def position_fit(word_tags: frozenset[str], player_position: str) -> float | None:
    """How well a player's position fits a reference's position word: None when his position is unknown,
    0 when it contradicts it, else the share of the word's tags that his position carries."""
    if not word_tags:
        return 1.0
    tags = position_tags(player_position) if player_position else frozenset()
    if not tags:
        return None
    if (word_tags & _SIDES) and (tags & _SIDES) and not (word_tags & tags & _SIDES):
        return 0.0
    if not (word_tags & tags & _GROUP_TAGS):
        return 0.0
    return len(word_tags & tags) / len(word_tags)


@lru_cache(maxsize=4096)
def nation(text: str) -> str:
    key = fold_key(text)
    return NATIONS.get(key, key)


PERSON_ROLE = (
    r"(?:assistant |caretaker |interim |new |former )?(?:manager|boss|coach|head coach|chairman|"
    r"chief executive|sporting director|director of football|technical director|director|owner|president"
    r"|agent)"
)
# Capitalised words that are not (part of) a person's name.
NOT_NAMES = {
    "A", "Achilles", "Also", "Although", "An", "And", "April", "Arena", "Argentine", "As", "At",
    "Athletic", "August", "BBC", "Boss", "Brazil", "Brazilian", "Bundesliga", "But", "By", "Carling",
    "Chairman", "Champions", "Championship", "City", "Club", "Coach", "Copa", "Course", "Credits", "Cup",
    "Czech", "Daily", "Danish", "December", "Director", "Dr", "Dutch", "East", "Emirates", "England",
    "English", "Euro", "Europe", "European", "Even", "Express", "FA", "FC", "Fans", "Fc", "February",
    "Final", "Five", "For", "France", "French", "Friday", "From", "GMT", "German", "Germany", "Getty",
    "Ground", "Guardian", "Have", "He", "Her", "Here", "His", "Holland", "How", "However", "I", "If",
    "Images", "In", "Independent", "Instagram", "International", "Ireland", "Irish", "It", "Italian",
    "Italy", "Its", "January", "July", "June", "La", "Lane", "League", "Left", "Liga", "Ligue", "Listen",
    "Live", "Mail", "Manager", "Many", "March", "May", "Meanwhile", "Mediterranean", "Middle",
    "Millennium", "Mirror", "Monday", "Most", "Mr", "Mrs", "My", "News", "No", "North", "Northern", "Not",
    "November", "October", "Of", "On", "Or", "Our", "Park", "Portuguese", "Post", "Premier",
    "Premiership", "Radio", "Real", "Regardless", "Republic", "Right", "Road", "Rovers", "Santiago",
    "Saturday", "Say", "Scotland", "Scottish", "September", "Serie", "She", "Sir", "Sky", "So", "Some",
    "South", "Spain", "Spanish", "Sport", "Sports", "Stadium", "Standard", "Sun", "Sunday", "Super",
    "Telegraph", "That", "The", "Their", "There", "These", "They", "This", "Those", "Thursday", "Times",
    "To", "Town", "Tuesday", "Twitter", "Under", "United", "Wales", "We", "Wednesday", "Welsh", "West",
    "What", "When", "Where", "While", "Who", "Why", "With", "World", "Yes", "You", "Your",
}  # fmt: skip


# The verb that names a quote's speaker right after him: "... next step," Kehl said / Kehl told reporters.
SPEECH_AFTER = re.compile(
    r"\s*(?:said|says|explained|added|told|insisted|admitted|revealed|claimed|stated)\b"
)
