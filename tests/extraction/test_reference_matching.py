"""The reference finder tries the big reference pattern at a few trigger positions only: it must find exactly
what trying every trigger position finds."""

from __future__ import annotations

import random

import pytest

from rumours.extraction.references import (
    _PRONOUN,
    _REACH,
    _REFERENCE_WORDS,
    REFERENCE_G,
    _reference_matches,
)
from rumours.extraction.triggers import trigger_positions


class _Text:
    """What `_reference_matches` reads of a Doc."""

    def __init__(self, text: str) -> None:
        self.ftext = text
        self._triggers = trigger_positions(text)

    def trigger_list(self, gated):
        return self._triggers[gated.index]


def _plain(text: str) -> list[tuple]:
    doc = _Text(text)
    found = REFERENCE_G.finditer_near(
        text, doc.trigger_list(REFERENCE_G), doc.trigger_list(_REFERENCE_WORDS), _REACH, _PRONOUN
    )
    return [(m.span(), m.groupdict()) for m in found]


def _fast(text: str) -> list[tuple]:
    return [(m.span(), m.groupdict()) for m in _reference_matches(_Text(text))]


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


_WORDS = [
    "the",
    "their",
    "his",
    "our",
    "its",
    "a",
    "he",
    "him",
    "himself",
    "her",
    "heavy",
    "the",
    "32-year-old",
    "19-year-old",
    "\u0663\u0664-year-old",
    "number",
    "no.",
    "no",
    "#",
    "7",
    "66",
    "#10",
    "english",
    "italian",
    "england",
    "winger",
    "striker",
    "full-back",
    "keeper",
    "player",
    "whose",
    "international",
    "star",
    "ace",
    "captain",
    "young",
    "former",
    "northgate",
    "city",
    "talented",
    "o'neill",
    "st.",
    "e.g.",
    "-",
    "'s",
    "father",
    "family",
    "said",
    "club",
    "x" * 60,
    ",",
    ".",
    "(",
    ")",
    ";",
    "\u00e9t\u00e9",
    "2024",
]
_GAPS = [" ", " ", " ", " ", "  ", "\t", "\u2028", "", "\n"]


@pytest.mark.parametrize("seed", range(40))
def test_same_matches_on_random_word_soup(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice(_WORDS) + rng.choice(_GAPS) for _ in range(300))
    assert _fast(text) == _plain(text)
