"""Shortcuts in references.py must not change what is found: the reference finder tries the big reference
pattern at a few trigger positions only, and must find exactly what trying every trigger position finds;
`learn_people` skips clubs no role or team word follows, and must learn what the three patterns learn."""

from __future__ import annotations

import random
import re
from bisect import bisect_left

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rumours.extraction.references import (
    _OPENER,
    _PRONOUN,
    _REACH,
    _REFERENCE_WORDS,
    _ROLE_AFTER_CLUB,
    _ROLE_AFTER_CLUB_TAIL,
    _ROLE_BEFORE_CLUB,
    _TEAM_TAIL,
    _WHOSE_BEFORE_CLUB,
    REFERENCE,
    _reference_matches,
    _remember,
    learn_people,
)
from rumours.extraction.triggers import finditer_near, literal_prefixes, trigger_positions


class _Text:
    """What `_reference_matches` reads of a Doc."""

    def __init__(self, text: str) -> None:
        self.ftext = text
        self._triggers = trigger_positions(text)

    def trigger_list(self, gated):
        return self._triggers[gated.index]


def _opening_positions(text: str) -> list[int]:
    """Every start of a word where one of REFERENCE's literal beginnings ("the ", "a ", "he", ...) starts."""
    prefixes = tuple(literal_prefixes(REFERENCE))
    return [
        p
        for p in range(len(text))
        if text.startswith(prefixes, p) and not (p and (text[p - 1].isalnum() or text[p - 1] == "_"))
    ]


_WORDS_TO_ANCHOR = re.compile(r"(?:[a-z0-9'.-]+\s+){1,4}")


def _groups(m: re.Match[str]) -> dict[str, str]:
    """The groups a match took part in: a bare pronoun's match may come from a pattern holding no others."""
    return {name: value for name, value in m.groupdict().items() if value is not None}


def _plain(text: str) -> list[tuple]:
    """The matches found by trying every pronoun, and every opening position from which at most four plain
    words lead to a reference word, walking back from each reference word to the previous one."""
    positions = _opening_positions(text)
    needed = _Text(text).trigger_list(_REFERENCE_WORDS)
    anchors = [w for w in needed if w and text[w - 1].isspace()]
    if not text.isascii():
        anchors += [at - 2 for at in range(2, len(text)) if text.startswith("-year-old", at)]
        anchors.sort()
    candidates = {p for p in positions if text[p] == "h"}
    previous = 0
    for w in anchors:
        j = bisect_left(positions, w) - 1
        while j >= 0 and positions[j] >= previous and _WORDS_TO_ANCHOR.fullmatch(text, positions[j], w):
            candidates.add(positions[j])
            j -= 1
        previous = w
    found = finditer_near(REFERENCE, text, sorted(candidates), needed, _REACH, _PRONOUN)
    return [(m.span(), _groups(m)) for m in found]


def _fast(text: str) -> list[tuple]:
    return [(m.span(), _groups(m)) for m in _reference_matches(_Text(text))]


@pytest.mark.parametrize(
    "text",
    [
        "the 32-year-old faces a scan. his number 66 and their no. 7 and the #9 were there.",
        "the talented young english winger and the former northgate city winger signed.",
        "a player whose contract ends. the player whose agent called. he said him himself his.",
        "the   32-year-old  with double spaces\tand\ta tab. the\rkeeper and the\u2028striker.",
        "the \u0663\u0664-year-old winger, the 3\u0664-year-old, the \uff13\uff14-year-old striker.",
        "the very very very very long winger is too far; the one two three winger is not.",
        "the (young) winger, the young, winger, the y\u00e9ung winger, the 'young' winger.",
        "theirs is the striker's father; the striker's family; the winger's brother. his",
        "the " + "x" * 130 + " winger and the " + "y" * 200 + " striker after 50 0 # no.",
        "hello there, he's the ace of the squad and the star, a star and a captain, its captain.",
        "",
        "he",
        "the",
        "the winger",
    ],
)
def test_same_matches_as_trying_every_trigger(text):
    assert _fast(text) == _plain(text)


_WORDS = ["the", "their", "his", "our", "its", "a", "he", "him", "himself", "her", "heavy", "the", "number"]
_WORDS += ["32-year-old", "19-year-old", "\u0663\u0664-year-old", "no.", "no", "#", "7", "66", "#10", "2024"]
_WORDS += ["english", "italian", "england", "winger", "striker", "full-back", "keeper", "player", "whose"]
_WORDS += ["international", "star", "ace", "captain", "young", "former", "northgate", "city", "talented"]
_WORDS += ["o'neill", "st.", "e.g.", "-", "'s", "father", "family", "said", "club", "x" * 60, ",", ".", "("]
_WORDS += [")", ";", "\u00e9t\u00e9", "noah", "started", "number7", "no.7", "nowhere", "players"]
_GAPS = [" ", " ", " ", " ", "  ", "\t", "\u2028", "", "\n"]


@pytest.mark.parametrize("seed", range(40))
def test_same_matches_on_random_word_soup(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice(_WORDS) + rng.choice(_GAPS) for _ in range(300))
    assert _fast(text) == _plain(text)


@pytest.mark.parametrize("seed", range(20))
def test_same_matches_on_random_ascii_word_soup(seed):
    rng = random.Random(seed)
    words = [w for w in _WORDS if w.isascii()]
    gaps = [g for g in _GAPS if g.isascii()]
    text = "".join(rng.choice(words) + rng.choice(gaps) for _ in range(300))
    assert text.isascii()
    assert _fast(text) == _plain(text)


_SOUP = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GAPS)), max_size=80)


@settings(max_examples=400, deadline=None)
@given(_SOUP)
def test_same_matches_on_generated_word_soup(parts):
    text = "".join(word + gap for word, gap in parts)
    assert _fast(text) == _plain(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="the a his him our its 12-year-old winger no. #\u0663.,'", max_size=200))
def test_same_matches_on_generated_characters(text):
    assert _fast(text) == _plain(text)


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="theiroursah _1.\u00e9", max_size=40),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=40),
)
def test_opener_is_the_plain_word_start_pattern(text, lo, hi):
    """_OPENER puts its lookbehind after the first letter: the plain pattern's matches, in any window."""
    plain = re.compile(r"(?<!\w)(?:the(?:ir)? |our |its |his\s|a )")
    assert [m.span() for m in _OPENER.finditer(text, lo, hi)] == [
        m.span() for m in plain.finditer(text, lo, hi)
    ]


def _learn_people_plain(original: str, clubs) -> dict[str, int]:
    """`learn_people` as written before it checked what follows a club first."""
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


_CLUB = "Northgate"
_PROSE = [_CLUB, _CLUB, _CLUB, "'s", "\u2019s", "manager", "head coach", "assistant manager", "chairman"]
_PROSE += ["agent", "sporting director", "team", "side", "squad", "players", "Ian Holloway", "Mr Smith"]
_PROSE += ["Sir Alex Ferguson", "van Dijk", ",", "the", "whose", "said", "Boss", "teams", "managers", "R"]
_PROSE += ["de Jong", "Tony Pulis, whose", "Gary Neville, the", "Herr Klopp, whose"]


_INTRODUCED = [
    "Tony Pulis, whose Northgate team lost again.",
    "Tony Pulis, whose Northgate players were tired.",
    "Northgate's manager Ian Holloway said so.",
    "Northgate\u2019s head coach Gary Neville said so.",
    "Northgate assistant manager Mr Smith said so.",
    "Ian Holloway, the Northgate manager, said so.",
    "Ian Holloway, Northgate chairman, said so.",
    "Northgate  \n sporting director Virgil van Dijk and Northgate's teams.",
]


def _clubs_in(text: str) -> list[tuple[int, int, int, int]]:
    clubs, at = [], text.find(_CLUB)
    while at >= 0:
        clubs.append((at, at + len(_CLUB), at % 7, at))
        at = text.find(_CLUB, at + 1)
    return clubs


@pytest.mark.parametrize("text", _INTRODUCED)
def test_learn_people_same_as_plain_on_introductions(text):
    assert learn_people(text, text.lower(), _clubs_in(text)) == _learn_people_plain(text, _clubs_in(text))
    assert learn_people(text, text.lower(), _clubs_in(text))


@pytest.mark.parametrize("seed", range(40))
def test_learn_people_same_as_plain(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice(_PROSE) + rng.choice(["", " ", " ", " ", ", ", "  ", "\n"]) for _ in range(300))
    clubs = _clubs_in(text)
    assert learn_people(text, text.lower(), clubs) == _learn_people_plain(text, clubs)
