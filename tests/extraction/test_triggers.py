"""Gated matching (trigger positions from the automaton, and per-place sub-patterns of a cue alternation)
must give exactly the matches of a plain `finditer` over the whole text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import rumours.extraction.pipeline  # noqa: F401  (registers every gated pattern)
from rumours.extraction import ClubEntry, Gazetteer, PlayerEntry, triggers
from rumours.extraction.cues import CONTRACT, RUMOUR, RUMOUR_CUES, TEAM_INJURY, cue_of
from rumours.extraction.matching import scan, scan_with_triggers
from rumours.extraction.normalise import Folded
from rumours.extraction.pipeline import _CLAUSE, _CLAUSE_CHARS, CLAUSE, clause_cuts
from rumours.extraction.triggers import GatedAlternation, _c, _sre_parse, trigger_positions

# Text built from the patterns' own beginnings reaches deep into their alternatives, where a wrong gate
# would show; the plain words and odd characters put those beginnings inside words and after punctuation.
_ALTERNATIONS = [g for g in triggers._registry if isinstance(g, GatedAlternation)]
_KEYS = sorted(
    {p for g in triggers._registry for p in g.prefixes}
    | {p for g in _ALTERNATIONS for prefixes in g.branch_prefixes for p in prefixes}
)
_WORDS = [
    "loan", "from", "with", "signed", "for", "a", "the", "move", "deal", "new", "contract", "bid", "offer",
    "of", "£30m", "€5m", "$2m", "10m", "pounds", "join", "to", "not", "he", "his", "rejected", "talks",
    "interest", "year", "four-year", "until", "2026", "week", "per", "side", "club", "player", "keen",
]  # fmt: skip
_SEPARATORS = [" ", " ", " ", "", ". ", ", ", "; ", "'", "-", "\n", '"', "(", "_", "é", "\u00a3"]
_TOKEN = st.one_of(st.sampled_from(_KEYS), st.sampled_from(_WORDS), st.text(max_size=3))


def _folded(text: str) -> str:
    """The gates are drawn for folded text: lower case, every whitespace character a plain space."""
    return Folded(re.sub(r"\s", " ", text)).text


_TEXT = st.lists(st.tuples(_TOKEN, st.sampled_from(_SEPARATORS)), max_size=60).map(
    lambda parts: _folded("".join(a + b for a, b in parts))
)


def _plain(pattern: re.Pattern[str], text: str):
    return [(m.span(), m.lastgroup, m.group()) for m in pattern.finditer(text)]


def _gated(gated, text: str, found):
    return [(m.span(), m.lastgroup, m.group()) for m in gated.finditer(text, found[gated.index])]


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_every_gated_pattern_matches_as_finditer(text):
    found = trigger_positions(text)
    for gated in triggers._registry:
        assert _gated(gated, text, found) == _plain(gated.pattern, text), gated.pattern.pattern[:60]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300).map(_folded))
def test_gated_patterns_on_arbitrary_text(text):
    found = trigger_positions(text)
    for gated in triggers._registry:
        assert _gated(gated, text, found) == _plain(gated.pattern, text), gated.pattern.pattern[:60]


def test_an_alternation_tries_only_the_cues_that_can_start_at_a_place():
    text = "he was hard to take, and they rejected a £30m bid on a season-long loan from rovers"
    places = trigger_positions(text)[RUMOUR.index]
    assert places  # the text has cue beginnings
    for mask, conditional in places.values():
        for bit, _ in conditional:
            mask |= bit
        assert 0 < len(RUMOUR.subpattern(mask).groupindex) < len(RUMOUR.branches)
    assert _gated(RUMOUR, text, trigger_positions(text)) == _plain(RUMOUR.pattern, text)


def test_a_form_needing_a_word_the_article_lacks_is_not_tried():
    # "was" opens the completed-move cue only through "was ... on loan from": it needs "loan ".
    was = RUMOUR.key_gates()["was "]
    assert was[1] and all(words == ("loan ",) for _, words in was[1])
    on_loan = "the striker was on a season-long loan from rovers last year"
    found = RUMOUR.finditer(on_loan, trigger_positions(on_loan)[RUMOUR.index])
    assert [cue_of(m, RUMOUR_CUES).stage for m in found] == ["completed"]
    assert _gated(RUMOUR, on_loan, trigger_positions(on_loan)) == _plain(RUMOUR.pattern, on_loan)


def test_a_subpattern_keeps_the_cue_names_and_order():
    mask = 0b101
    sub = CONTRACT.subpattern(mask)
    assert list(sub.groupindex) == ["c0", "c2"]
    assert CONTRACT.subpattern(mask) is sub  # compiled once


_POSSESSIVE = [RUMOUR.pattern, CONTRACT.pattern, TEAM_INJURY]


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_possessive_word_runs_match_as_plain_runs(text):
    # A word run before a space is matched possessively (`++`) in the cue patterns: the same matches as `+`.
    for pattern in _POSSESSIVE:
        plain = re.compile(pattern.pattern.replace("++", "+"))
        assert plain.pattern != pattern.pattern
        assert _plain(pattern, text) == _plain(plain, text)


# Folded text: lower case, plain spaces.
_CLAUSE_TEXT = st.text(alphabet=";,-. abdefghilnoprstuwy\u00e9k_", max_size=120) | st.lists(
    st.sampled_from(["but", "and", "he", "it", "after", "while", "although", ",", ";", "-", "--", ".", "x"]),
    max_size=40,
).map(lambda words: " ".join(words))


@settings(max_examples=500, deadline=None)
@given(_CLAUSE_TEXT, st.data())
def test_clause_cuts_of_a_sentence_are_those_of_a_whole_text_scan(text, data):
    # Sentences mostly start after a space, where a separator found before may run into them.
    after_space = [k for k in range(1, len(text)) if text[k - 1] == " "]
    start = data.draw(st.sampled_from(after_space) if after_space else st.just(0))
    end = data.draw(st.integers(0, len(text) + 1))
    whole = [m.span() for m in _CLAUSE.finditer(text) if start <= m.start() < end and m.end() <= end]
    places = trigger_positions(text)[CLAUSE.index]
    assert clause_cuts(text, places, start, end) == whole


def test_clause_separators_hold_only_the_listed_characters():
    literals = set()

    def walk(seq):
        for op, av in seq:
            if op is _c.LITERAL:
                literals.add(chr(av))
            elif op is _c.ASSERT:
                continue  # a lookahead reads characters but does not hold them
            elif op is _c.BRANCH:
                for branch in av[1]:
                    walk(branch)
            elif op is _c.SUBPATTERN:
                walk(av[-1])
            elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
                walk(av[2])

    walk(_sre_parse.parse(_CLAUSE.pattern))
    assert literals == _CLAUSE_CHARS


# Names that are also trigger keys ("Side", "Was"), so that one automaton key stands for both.
_GAZETTEER = Gazetteer.build(
    clubs=[ClubEntry(1, "Side"), ClubEntry(2, "Northgate City", aliases=("the Club",))],
    players=[PlayerEntry(1, "Mateo Was", club_id=1), PlayerEntry(2, "Star Loan", club_id=2)],
)


@settings(max_examples=300, deadline=None)
@given(_TEXT.map(lambda text: text.replace("side", "Side").replace("was", "Was")))
def test_one_pass_for_names_and_triggers_finds_what_two_passes_find(text):
    folded = Folded(text)
    assert _GAZETTEER.trigger_stamp == triggers.registry_stamp()
    mentions, found = scan_with_triggers(folded, _GAZETTEER)
    alone = scan(folded, _GAZETTEER)
    assert [(m.fs, m.fe, m.entity) for m in mentions] == [(m.fs, m.fe, m.entity) for m in alone]
    for gated in triggers._registry:
        plain = _plain(gated.pattern, folded.text)
        assert _gated(gated, folded.text, found) == plain, gated.pattern.pattern[:60]


def test_an_automaton_built_before_a_pattern_was_registered_is_not_trusted_with_triggers():
    gaz = Gazetteer.build(clubs=[ClubEntry(1, "Side")], players=[])
    gaz.trigger_stamp -= 1  # as if a pattern had been registered since the build
    folded = Folded("Side were linked with him, and he said no")
    mentions, found = scan_with_triggers(folded, gaz)
    assert [m.entity for m in mentions] == [1]
    assert found == trigger_positions(folded.text)
