"""Resolving "the 32-year-old", "the England international", "their number 66", "the former Northgate winger",
"he" and "the Italian club" to the player or club they mean, and learning the club of people the gazetteer
does not know ("R's manager Ian Holloway")."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from datetime import date
from operator import attrgetter
from typing import TYPE_CHECKING

from .cues import CONTRACT, RUMOUR
from .lexicon import (
    ANY_PLAYER,
    DEMONYMS,
    NATIONS,
    NOT_NAMES,
    PERSON_ROLE,
    POSITION_TAGS,
    REGIONS,
    SPEECH_AFTER,
    nation,
    position_fit,
    position_groups,
    position_tags,
)
from .matching import Mention
from .triggers import Gated

if TYPE_CHECKING:
    from .pipeline import Doc

__all__ = [
    "NOT_NAMES",
    "PERSON_ROLE",
    "REFERENCE",
    "age_on",
    "learn_people",
    "nation",
    "position_groups",
    "resolve_club_references",
    "resolve_references",
]


def literal_trie(words) -> str:
    """A regex for the same strings as the alternation of `words` longest first, with the same preference (a
    word before any of its prefixes), written as a trie: at a failing position the regex engine tests one
    branch per character instead of every word (the reference pattern is tried at every "the")."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in node.items() if ch]
        if "" in node:
            branches.append("")  # the word ending here, after every longer one
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return emit(root)


_POS_ALT = "|".join(re.escape(w) for w in sorted([*POSITION_TAGS, *ANY_PLAYER], key=len, reverse=True))
_NAT_ALT = "|".join(re.escape(w) for w in sorted(NATIONS, key=len, reverse=True))
_POS_TRIE = literal_trie([*POSITION_TAGS, *ANY_PLAYER])
_NAT_TRIE = literal_trie(NATIONS)
_DEMONYM_TRIE = literal_trie(DEMONYMS)
_DEMONYM_ALT = "|".join(re.escape(w) for w in sorted(DEMONYMS, key=len, reverse=True))
# "the Canadian" alone is a player only as a subject or possessor, unlike "the German side".
_AS_SUBJECT = (
    r"(?=,|'s\b|\s+(?:who|is|was|has|had|will|would|could|can|said|says|signed|joined|added|admitted|"
    r"insisted|told|scored|remains|wants|knows|believes)\b)"
)
_ADJ = r"(?:[a-z][a-z'-]*\s+){0,2}?"
# Up to three words between "the" and the position word: room for a club ("the former Northgate City winger").
# A dot only in "st." or an initialism ("the St. Pauli winger"): "reports the Sun. The Germany defender" is
# two sentences, not one reference.
_ADJ3 = r"(?:(?:st\.|(?:[a-z]\.){2,3}|[a-z0-9][a-z0-9'-]*)\s+){0,3}?"
# "the former Real Madrid and Liverpool midfielder": after "former", room for two clubs and an "and".
_FORMER_CLUBS = r"(?:former|ex-|one-time)\s*(?:(?:st\.|[a-z0-9][a-z0-9'-]*)\s+){0,5}?"

REFERENCE = re.compile(
    rf"\b(?:the|their|his|our|its|a)\s+{_ADJ}(?P<age>\d{{2}})-year-old(?:\s+(?P<agepos>{_POS_TRIE}))?\b"
    rf"|\bthe\s+{_ADJ}(?P<nat>{_NAT_TRIE})\s+(?:under-?\d\d\s+|u-?\d\d\s+)?(?P<natpos>{_POS_TRIE})\b"
    rf"|\bthe\s+(?P<demonym>{_DEMONYM_TRIE}){_AS_SUBJECT}"
    rf"|\b(?:their|his|the|our)\s+{_ADJ3}(?:number|no\.?|#)\s?(?P<shirt>\d{{1,2}})\b"
    rf"|\b(?:a|the) (?P<whose>player) whose\b"
    rf"|\bthe\s+(?:{_FORMER_CLUBS}|{_ADJ3})(?P<pos>{_POS_TRIE})\b(?!'s\s+(?:father|family|mother|wife|brother))"
    rf"|\b(?P<pron>he|him|his|himself)\b"
)
# Every reference but a pronoun holds one of these words (an age, a nationality, a shirt, a position): "the"
# and "a" are tried only where one follows within _REACH characters.
_REFERENCE_WORDS = Gated(
    re.compile(rf"\b(?:\d{{2}}-year-old|number|no\b|#|player|{_POS_ALT}|{_NAT_ALT}|{_DEMONYM_ALT})"),
)
_PRONOUN = re.compile(r"(?:he|him|his|himself)\b")
# The pronouns at the start of a word, as REFERENCE's last alternative matches them (group "pron"): the
# lookbehind comes after the "h" so that the regex engine scans for that letter in C instead of testing the
# lookbehind at every character.
_PRONOUN_AT_WORD = re.compile(r"(?P<pron>h(?<!\w.)(?:e|i(?:m(?:self)?|s)))\b")
# How a reference other than a bare pronoun opens, at the start of a word ("his" too: "his 29-year-old"). The
# lookbehind comes after the first letter, as in _PRONOUN_AT_WORD, so that the engine skips in C to the places
# holding one of those letters.
_OPENER = re.compile(r"(?:t(?<!\w.)he(?:ir)? |o(?<!\w.)ur |i(?<!\w.)ts |h(?<!\w.)is\s|a(?<!\w.) )")
# What a reference word must be to end a reference (a superset of what REFERENCE asks): an age, a shirt
# number, or a whole position, nationality or demonym word. Most trigger places of `_REFERENCE_WORDS` are
# not ("no" in "noah", "star" in "started").
_REFERENCE_WORD_AT = re.compile(
    r"\d{2}-year-old|(?:number|no\.?|#)\s?\d|"
    + "(?:"
    + literal_trie([*POSITION_TAGS, *ANY_PLAYER, *NATIONS, *DEMONYMS])
    + r")\b"
)
_PREPOSITION_BEFORE = re.compile(r"\b(?:under|by|with|for|from|against|to|of)\s+$")
_REACH = 120
_FORMER = re.compile(r"\b(?:former|ex|one-time|old)\b")
_REGION_ALT = "|".join(re.escape(w) for w in sorted([*REGIONS, *NATIONS], key=len, reverse=True))
# "the club", "the Italian side", "the Catalan giants" as the subject of a clause: a club named just before.
CLUB_REFERENCE = re.compile(
    rf"\bthe (?:(?P<region>{_REGION_ALT}) )?(?P<noun>club|side|giants|champions|outfit|hierarchy)"
    r"(?P<tail>'s\b|\s+(?:have|has|had|are|is|were|was|will|would|could|remain|remains|made|want|wants|"
    r"see|saw|believe|believes|kept|insist|insisted|accept|accepted|moved|tried|held|agreed|opened|offered|"
    r"rejected|turned|said|confirmed|announced|value|valued)\b)"
)
CLUB_REFERENCE_G = Gated(CLUB_REFERENCE)
_CLUB_NOUNS = Gated(re.compile(r"\b(?:club|side|giants|champions|outfit|hierarchy)\b"))
_NEVER = re.compile(r"(?!)")
_ROLE_AFTER_CLUB = re.compile(
    rf"(?:'s|\u2019s)?\s+{PERSON_ROLE}\s+(?P<name>[A-Z][\w'\u2019-]+"
    rf"(?:\s+(?:van |de |da |di |del |von )?[A-Z][\w'\u2019-]+){{0,2}})"
)
_NAME = r"[A-Z][\w'\u2019-]+(?:\s+(?:van |de |da |di |del |von )?[A-Z][\w'\u2019-]+){0,2}"
_ROLE_BEFORE_CLUB = re.compile(rf"(?P<name>{_NAME}),\s+(?:the\s+)?$")
_ROLE_AFTER_CLUB_TAIL = re.compile(rf"^\s+{PERSON_ROLE}\b")
_WHOSE_BEFORE_CLUB = re.compile(rf"(?P<name>{_NAME}),\s+whose\s+$")
_TEAM_TAIL = re.compile(r"^\s+(?:team|side|squad|players)\b")
# What every name a club introduces needs right after the club: a role, or a team word.
_AFTER_CLUB = re.compile(rf"(?:'s|\u2019s)?\s+(?:{PERSON_ROLE}|team|side|squad|players)")
_TITLES = {"sir", "mr", "dr", "senor", "signor", "herr"}
POSITION_WINDOW = 3  # sentences a position word reaches back


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def learn_people(original: str, folded_text: str, clubs: list[tuple[int, int, int, int]]) -> dict[str, int]:
    """Unknown names introduced with a club role -> club id; `clubs` holds (start, end, club id, fs)."""
    learned: dict[str, int] = {}
    after_club = _AFTER_CLUB.match
    for start, end, club, _ in clubs:
        if not after_club(original, end):
            continue  # neither a role nor a team word follows: none of the three patterns below can match
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


# ---- players ----------------------------------------------------------------------------------------------
# "Liverpool's No 10", "United's number 9": the club's shirt, right after a club named in the possessive.
_CLUB_SHIRT = re.compile(r"(?:'s|\u2019s|') (?:number|no\.?|#) ?(\d{1,2})\b")


def club_shirt_mentions(doc: Doc) -> list[Mention]:
    """A player mention for every "<club>'s No N" whose club has one player with that shirt in the gazetteer:
    who it is needs no player named before (headlines and intros name the player later, if at all)."""
    ftext = doc.ftext
    if "'" not in ftext and "\u2019" not in ftext:
        return []
    found = []
    for m in doc.mentions:
        if m.kind != "club" or m.entity is None or not m.possessive:
            continue
        shirt = _CLUB_SHIRT.match(ftext, m.fe)
        if shirt is None:
            continue
        players = doc.gaz.players_by_club_shirt.get((m.entity, int(shirt.group(1))), ())
        if len(players) != 1:
            continue
        m.inside_reference = True  # his club, never a destination
        ref = Mention(m.fs, shirt.end(), (), "reference", kind="player", entity=players[0], confidence=0.7)
        ref.reference = "shirt"
        found.append(ref)
    return found


def resolve_references(doc: Doc) -> None:
    """Add a player mention for every reference that resolves, walking the article in order so that "recent"
    means recent at that point."""
    mentions = doc.mentions
    mentions.extend(club_shirt_mentions(doc))
    found = _reference_matches(doc)
    if not found:
        return
    ordered = sorted(mentions, key=_START)  # text order; among equal starts, list order
    starts = list(map(_START, ordered))
    references = [r for r in found if not _inside_or_before_name(r, ordered, starts)]
    if not references:
        return
    clubs: list[Mention] | None = None  # sorted by start, made for the first reference that can hold one
    added: list[Mention] = []
    touched: list[tuple[int, int, int]] = []  # (folded position, player id, sentence index) of `added`
    for r in references:
        start = r.start()
        si = doc.sentence_of(start)
        if si is None:
            continue
        clubs_inside = []
        pronoun = r.group("pron")
        if not pronoun:
            if clubs is None:
                clubs = [m for m in ordered if m.kind == "club"]
                club_starts = [m.fs for m in clubs]
            k = bisect_left(club_starts, start)
            while k < len(clubs) and clubs[k].fs < r.end():
                if clubs[k].fe <= r.end():
                    clubs_inside.append(clubs[k])
                k += 1
        # The players in mind here, newest first: found only as far back as the target needs them.
        newer = _players_before(doc, ordered, bisect_right(starts, start), touched)
        newest = next(newer, None)
        if newest is None:
            pid, confidence, ref = _unanchored_target(doc, r, si, clubs_inside)
        elif pronoun:
            pid, confidence, ref = _pronoun_target(doc, r, si, newest, newer, ordered, starts)
        else:
            referred = any(pos == newest[2] for pos, _, _ in touched)  # the newest is a reference himself
            pid, confidence, ref = _reference_target(doc, r, si, [newest, *newer], clubs_inside, referred)
        if pid is None:
            continue
        for club in clubs_inside:
            club.inside_reference = True  # "the Northgate winger": his club, never a destination
        m = Mention(start, r.end(), (), "reference", kind="player", entity=pid, confidence=confidence)
        m.reference = ref
        m.possessive = doc.ftext.startswith("'s", r.end()) or r.group() == "his"
        added.append(m)
        touched.append((start, pid, si))
    mentions.extend(added)


def _players_before(
    doc: Doc, ordered: list[Mention], k: int, touched: list[tuple[int, int, int]]
) -> Iterator[tuple[int, int, int]]:
    """(player id, sentence index, folded position) of every player named (inside a sentence) in
    `ordered[:k]`, the mentions by start, or referred to in `touched` ((position, player id, sentence index)
    in text order, all before `ordered[k]`), newest first, each once at his latest. A reference is newer than
    a name at the same place."""
    sfs, sfe = doc.sfs, doc.sfe
    seen = set()
    j = len(touched) - 1
    k -= 1
    while k >= 0 or j >= 0:
        if j >= 0 and (k < 0 or touched[j][0] >= ordered[k].fs):
            pos, pid, si = touched[j]
            j -= 1
        else:
            m = ordered[k]
            k -= 1
            if m.kind != "player":
                continue
            pos, pid = m.fs, m.entity
            si = bisect_right(sfs, pos) - 1
            if si < 0 or pos >= sfe[si]:
                continue
        if pid not in seen:
            seen.add(pid)
            yield pid, si, pos


_START = attrgetter("fs")


def _inside_or_before_name(r: re.Match[str], ordered: list[Mention], starts: list[int]) -> bool:
    """Whether a reference starts inside a name, or (but a pronoun) stands right before one: "the striker
    Fernando Morientes" is an apposition, the name itself is the mention. `ordered`: the mentions by start,
    whose starts `starts` are."""
    pos = r.start()
    k = bisect_right(starts, pos) - 1
    # Inside: the name that starts last at or before `pos` (any of those starting there) runs past it.
    j = k
    while j >= 0 and starts[j] == starts[k]:
        if ordered[j].fe > pos:
            return True
        j -= 1
    if r.group("pron"):
        return False
    return k + 1 < len(starts) and 0 <= starts[k + 1] - r.end() <= 1


# A reference other than a bare pronoun opens with a word ("the", "their", ...) and reaches one of
# `_REFERENCE_WORDS` (the age, nationality, shirt or position) after at most three more words of these
# characters, each word followed by whitespace: read backwards from the reference word, up to four runs of
# whitespace then word characters. (Possessive: words and spaces cannot trade characters, so backtracking
# could never help.)
_WORDS_BEFORE_ANCHOR = re.compile(r"(?:\s++[a-z0-9'.-]++){1,7}+")


def _reference_matches(doc: Doc) -> list[re.Match[str]]:
    """The matches of REFERENCE, trying only where one can start: a pronoun, or an opening word a few plain
    words before a reference word (and only where a reference word is within _REACH characters). Most "the"s
    are far from any reference word by this measure though near one by characters, and a failing match of
    the big pattern is costly. A pronoun from which no reference word can be reached can only match as a
    pronoun: its match is the one `_PRONOUN_AT_WORD` found (holding group "pron" alone)."""
    text = doc.ftext
    pronouns = list(_PRONOUN_AT_WORD.finditer(text))
    needed = doc.trigger_list(_REFERENCE_WORDS)
    openers = _reference_openers(text, needed)
    if not openers:
        return pronouns
    full = set(openers)
    places = sorted(full.union(m.start() for m in pronouns))
    found_at = {m.start(): m for m in pronouns}
    match = REFERENCE.match
    found = []
    last = -1
    k, n = 0, len(needed)
    for pos in places:  # as `finditer_near` does, but for a pronoun that needs no look
        if pos < last:
            continue
        if pos in full:
            while k < n and needed[k] < pos:
                k += 1
            if not (k < n and needed[k] < pos + _REACH) and not _PRONOUN.match(text, pos):
                continue
            m = match(text, pos)
            if m is None:
                continue
        else:
            m = found_at[pos]
        last = m.end() if m.end() > pos else pos + 1
        found.append(m)
    return found


# The plain words before a reference word are read off a reversed stretch of text this long before it: longer
# only when they fill it (reversing the whole text costs as much as the rest of the search).
_RUN_WINDOW = 64


def _reference_openers(text: str, needed: list[int]) -> list[int]:
    """Where an opening word starts from which only plain words lead to a reference word (a superset of the
    starts of the references that are not bare pronouns; the pattern decides), in text order."""
    # A reference word follows whitespace. "\d{2}-year-old" also takes digits other than 0-9, which the
    # trigger automaton does not list: in a text that is not all ASCII, "-year-old" marks those.
    anchors = [w for w in needed if w and text[w - 1].isspace()]
    if not text.isascii():
        at = text.find("-year-old", 2)
        while at >= 0:
            anchors.append(at - 2)
            at = text.find("-year-old", at + 1)
        anchors.sort()
    word_at = _REFERENCE_WORD_AT.match
    anchors = [w for w in anchors if word_at(text, w)]
    if not anchors:
        return []
    words_before = _WORDS_BEFORE_ANCHOR.match
    opener = _OPENER.search
    found: list[int] = []
    previous = 0
    for w in anchors:
        # The plain words before `w` start where the backwards run ends; an opening word from there on (and
        # not before the previous reference word, which a start before it would reach first) leads to `w`.
        # Where the run starts before `previous` does not matter, so the text before it is not read.
        lo = max(previous, w - _RUN_WINDOW)
        run = words_before(text[lo:w][::-1])
        if lo > previous and (run is None or run.end() == w - lo):
            lo = previous  # the run may go on before the window
            run = words_before(text[lo:w][::-1])
        if run is not None:
            # A run holds an opening word or two at most: a search each is cheaper than a finditer.
            m = opener(text, max(previous, w - run.end()), w)
            while m is not None:
                found.append(m.start())
                m = opener(text, m.end(), w)
        previous = w
    return found


def _choose(doc: Doc, scored: list[tuple[tuple, int]]) -> int | None:
    """The best-scored candidate; among equals the article's main player, else the most recent."""
    if not scored:
        return None
    best = max(s for s, _ in scored)
    top = [pid for s, pid in scored if s == best]
    if len(top) > 1 and doc.topic in top:
        return doc.topic
    return top[0]


def _unanchored_target(doc: Doc, r: re.Match[str], si: int, clubs_inside: list[Mention]):
    """No player named yet: only a shirt number can say who. (A bare pronoun's match holds no other group.)"""
    if not r.group("pron") and r.group("shirt"):
        return _shirt_from_index(doc, int(r.group("shirt")), si, clubs_inside), 0.6, "shirt"
    return None, 0, ""


def _topic_near(doc: Doc, recent, si: int) -> bool:
    """The article's main player was named or referred to in sentence `si` or the one before."""
    return any(pid == doc.topic and psi >= si - 1 for pid, psi, _ in recent)


def _reference_target(
    doc: Doc, r: re.Match[str], si: int, recent, clubs_inside: list[Mention], referred: bool = False
):
    """A reference other than a pronoun; `recent` holds (player id, sentence index, folded position), newest
    first; `referred`: the newest was himself found by a reference, so he is who the writer is following."""
    gaz = doc.gaz
    newest, newest_si, newest_pos = recent[0]
    close = si - newest_si <= 2
    former = bool(clubs_inside) and bool(_FORMER.search(doc.ftext, r.start(), clubs_inside[0].fs))

    def club_ok(p) -> bool:
        # "the Northgate winger" plays for Northgate; "the former Northgate winger" may or may not still be
        # listed there (a gazetteer can lag behind a sale), so "former" does not constrain.
        if not clubs_inside or former:
            return True
        return p.club_id is not None and p.club_id in {c.entity for c in clubs_inside}

    def pick(test, word: str | None, label: str, window: int | None = None):
        """Candidates whose attribute `test` matches (True) and whose position fits `word`; one whose
        attribute is unknown (None) only when he is the newest and close."""
        tags = position_tags(word) if word else frozenset()
        scored = []
        for pid, psi, _ in recent:
            if window is not None and si - psi > window:
                continue
            p = gaz.player(pid)
            known = test(p)
            fit = position_fit(tags, p.position)
            if known is False or fit == 0.0 or not club_ok(p):
                continue
            if known is None and not (pid == newest and close):
                continue
            scored.append(((known is True, 0.5 if fit is None else fit), pid))
        if (
            scored
            and scored[0][1] == newest
            and newest_si == si
            and scored[0][0] == max(s for s, _ in scored)
            and (referred or not _topic_near(doc, recent, si))
        ):
            # "... let the 26-year-old leave, and the England international could": the player this very
            # sentence already refers to comes before the article's main one; so does one it names ("without
            # Bent after the forward pulled a hamstring") while the main one is not in the last two sentences.
            return newest, (0.75 if gaz.player(newest).position or not tags else 0.5), label
        pid = _choose(doc, scored)
        if pid is None:
            return None, 0, ""
        return pid, (0.75 if gaz.player(pid).position or not tags else 0.5), label

    if r.group("age"):
        age = int(r.group("age"))
        return pick(
            lambda p: None if p.born is None else age_on(p.born, doc.published) == age,
            r.group("agepos"),
            "age",
        )
    if r.group("demonym"):
        country = DEMONYMS[r.group("demonym")]
        return pick(
            lambda p: None if not p.nationality else nation(p.nationality) == country, None, "nationality"
        )
    if r.group("nat"):
        country = nation(r.group("nat"))
        return pick(
            lambda p: None if not p.nationality else nation(p.nationality) == country,
            r.group("natpos"),
            "nationality",
        )
    if r.group("shirt"):
        number = int(r.group("shirt"))
        for pid, _, _ in recent:
            p = gaz.player(pid)
            if p.shirt == number and club_ok(p):
                return pid, 0.75, "shirt"
        return _shirt_from_index(doc, number, si, clubs_inside), 0.6, "shirt"
    if r.group("whose"):
        return (newest, 0.5, "position") if close else (None, 0, "")
    if r.group("pos"):
        word = r.group("pos")
        if word in ANY_PLAYER:  # "the player", "the international": one just talked about
            if clubs_inside:
                return pick(lambda p: True, None, "position", POSITION_WINDOW)
            scored = [((True, 1.0), pid) for pid, psi, _ in recent if si - psi <= 2]
            pid = _choose(doc, scored)
            return (pid, 0.5, "position") if pid is not None else (None, 0, "")
        return pick(lambda p: True if p.position else None, word, "position", POSITION_WINDOW)
    return None, 0, ""


def _pronoun_target(
    doc: Doc,
    r: re.Match[str],
    si: int,
    newest: tuple[int, int, int],
    older: Iterator[tuple[int, int, int]],
    ordered: list[Mention],
    starts: list[int],
):
    """A pronoun: only when one player is in play and nobody else could be meant, or when it opens a sentence
    right after one whose subject (its first name, the only player in it) is that player. `newest` is the
    player last named or referred to (player id, sentence index, folded position), `older` the others, newest
    first; `ordered` the mentions by start, whose starts `starts` are."""
    newest, newest_si, newest_pos = newest
    if newest_si == si - 1 and r.start() - doc.sfs[si] <= 1:
        # The mentions of that sentence (`doc.mentions_in` sorted by start).
        before = ordered[bisect_left(starts, doc.sfs[si - 1]) : bisect_left(starts, doc.sfe[si - 1])]
        players = {m.entity for m in before if m.kind == "player"}
        if (
            players == {newest}
            and before
            and before[0].kind == "player"
            and not any(m.kind == "person" and not _after_preposition(doc, m.fs) for m in before)
            and not doc.unknown_names(si - 1, ignore_speakers=True, after_f=before[0].fe)
        ):
            return newest, 0.55, "pronoun"
    window_start = doc.sfs[max(0, si - 3)]
    if newest_pos < window_start:
        return None, 0, ""
    him = r.group("pron") in ("him", "himself")
    if _person_between(doc, ordered, starts, newest_pos, r.start(), him):  # someone else named since
        return None, 0, ""
    # Another player touched in the window (the one touched before the newest is the latest of them).
    runner_up = next(older, None)
    if runner_up is not None and runner_up[2] >= window_start:
        return None, 0, ""
    if doc.unknown_names(si, r.start(), after_f=newest_pos if newest_si == si else -1):
        return None, 0, ""
    for k in range(max(newest_si, si - 2), si):
        if doc.unknown_names(k, ignore_speakers=True, after_f=newest_pos if k == newest_si else -1):
            return None, 0, ""
    return newest, 0.5, "pronoun"


def quote_speaker(doc: Doc, m: Mention) -> bool:
    """Person mention `m` names the speaker of the quote just before him: '... step," Kehl said' or
    '... step," said Kehl'."""
    ftext = doc.ftext
    before = ftext[max(0, m.fs - 40) : m.fs]
    return '"' in before and bool(
        SPEECH_AFTER.match(ftext, m.fe) or _SAID_BEFORE.search(ftext, max(0, m.fs - 20), m.fs)
    )


def _person_between(
    doc: Doc, ordered: list[Mention], starts: list[int], lo: int, hi: int, him: bool = False
) -> bool:
    """A person is named inside a sentence strictly between folded positions `lo` and `hi`; for "him", the
    speaker named after a quote does not count ('"... next step," director Sebastian Kehl said': the one
    his words are about is somebody else, while "he" and "his" may well be him)."""
    sfs, sfe = doc.sfs, doc.sfe
    for k in range(bisect_right(starts, lo), bisect_left(starts, hi)):
        m = ordered[k]
        if m.kind == "person" and not (him and quote_speaker(doc, m)):
            si = bisect_right(sfs, m.fs) - 1
            if si >= 0 and m.fs < sfe[si]:
                return True
    return False


def _after_preposition(doc: Doc, fs: int) -> bool:
    """ "only two starts under Enzo Maresca": a person named after a preposition is not who the next
    sentence's "He" or "His" means; the subject the sentence opened with is."""
    return bool(_PREPOSITION_BEFORE.search(doc.ftext, max(0, fs - 12), fs))


def _shirt_from_index(doc: Doc, number: int, si: int, clubs_inside: list[Mention]) -> int | None:
    if clubs_inside:
        clubs = {c.entity for c in clubs_inside}
    else:
        clubs = {m.entity for k in (si - 1, si) if k >= 0 for m in doc.mentions_in(k) if m.kind == "club"}
    found = {p for c in clubs for p in doc.gaz.players_by_club_shirt.get((c, number), ())}
    return found.pop() if len(found) == 1 else None


# ---- clubs ------------------------------------------------------------------------------------------------
def resolve_club_references(doc: Doc) -> None:
    """ "The club have made enquiries": the club that is the subject just before (the first club of this
    sentence before the words, else of the sentence before); "the Italian club": the most recent Italian club
    named in the last three sentences."""
    found = list(
        CLUB_REFERENCE_G.finditer_near(
            doc.ftext, doc.trigger_list(CLUB_REFERENCE_G), doc.trigger_list(_CLUB_NOUNS), 64, _NEVER
        )
    )
    # Most articles have no club reference ("the club", "the Italian side"): then no club list is built.
    clubs = [m for m in doc.mentions if m.kind == "club" and m.entity is not None] if found else []
    added: list[Mention] = []
    for r in found if clubs else ():
        start = r.start()
        # Inside a name: the mention that starts last at or before it (the longest among equals) runs past it.
        last = max([(m.fs, m.fe) for m in doc.mentions if m.fs <= start], default=None)
        if last is not None and last[1] > start:
            continue
        si = doc.sentence_of(start)
        if si is None:
            continue
        region = r.group("region")
        if region:
            country = REGIONS.get(region) or NATIONS.get(region)
            lo = doc.sfs[max(0, si - 3)]
            pool = [
                m
                for m in clubs
                if lo <= m.fs < start and _country(doc, m.entity) == country and not m.inside_reference
            ]
            club = pool[-1].entity if pool else None
        elif r.group("noun") in ("club", "side", "hierarchy"):
            club = _subject_club(doc, clubs, si, start)
        else:
            continue
        if club is None:
            continue
        fe = r.start("tail")
        m = Mention(start, fe, (), "reference", kind="club", entity=club, confidence=0.6)
        m.reference = "club"
        m.possessive = r.group("tail") == "'s"
        added.append(m)
    added += _club_pronouns(doc, added)
    added += _speakers_we(doc)
    doc.mentions.extend(added)


_QUOTE_MARKS = ('"', "\u201c", "\u201d")
_SAID_BEFORE = re.compile(r"\b(?:said|says|added|insisted|explained|admitted|told reporters)\s+$")


def _speakers_we(doc: Doc) -> list[Mention]:
    """ "We are talking to Ledley's representatives," said Arnesen: the "we" of a quote is the club of the
    person who says it, when the sentence names him as its speaker and the gazetteer (or the article) gives
    his club."""
    ftext = doc.ftext
    if '"' not in ftext or "we " not in ftext:
        return []
    people = sorted((m for m in doc.mentions if m.kind == "person"), key=_START)
    if not people:
        return []
    starts = [m.fs for m in people]
    clubs: dict[int, int | None] = {}  # per sentence: the club of its speaker
    added = []
    cue_sentences: set[int] | None = None
    for m in _WE.finditer(ftext):
        at = m.start()
        si = bisect_right(doc.sfs, at) - 1
        if cue_sentences is None:
            # Only where a transfer or contract fact may need a subject: "We have to be more clinical" names
            # nobody worth a mention.
            cue_sentences = {
                bisect_right(doc.sfs, c.start()) - 1 for c in [*doc.find(RUMOUR), *doc.find(CONTRACT)]
            }
        if si in cue_sentences and si not in clubs:
            clubs[si] = _speaker_club(doc, people, starts, si, at)
        club = clubs.get(si)
        if club is not None:
            we = Mention(at, at + 2, (), "reference", kind="club", entity=club, confidence=0.5)
            we.reference = "club"
            added.append(we)
    return added


# "we" as a word: the lookbehind after the "w" lets the engine skip to that letter in C.
_WE = re.compile(r"w(?<![\w'].)e ")


def _speaker_club(doc: Doc, people: list[Mention], starts: list[int], si: int, at: int) -> int | None:
    """The club of the person named as the speaker of the quote holding folded offset `at` in sentence `si`
    (`people`: the person mentions by start, `starts` theirs): named after the quote closes, right before or
    after "said"."""
    ftext, end = doc.ftext, doc.sfe[si]
    for k in range(bisect_right(starts, at), bisect_left(starts, end)):
        m = people[k]
        if not any(q in ftext[at : m.fs] for q in _QUOTE_MARKS):
            continue
        if SPEECH_AFTER.match(ftext, m.fe) or _SAID_BEFORE.search(ftext, max(0, m.fs - 20), m.fs):
            return m.club if m.club is not None else doc.gaz.person(m.entity).club_id if m.entity else None
    return None


def _club_pronouns(doc: Doc, found: list[Mention]) -> list[Mention]:
    """ "Real Madrid are rebuilding. They have completed the signing of X": a sentence that opens with "They"
    right after one that opens with a club is about that club. Only sentence openings, where the pronoun is
    the subject and the club before it most likely was too."""
    added = []
    ftext, sfs = doc.ftext, doc.sfs
    at = ftext.find("they ")
    while at >= 0:
        si = bisect_right(sfs, at) - 1
        if si >= 1 and sfs[si] == at:
            club = _opening_club(doc, sfs[si - 1], doc.sfe[si - 1], found)
            if club is not None:
                m = Mention(at, at + 4, (), "reference", kind="club", entity=club, confidence=0.5)
                m.reference = "club"
                added.append(m)
        at = ftext.find("they ", at + 5)
    return added


# Words a sentence may open with before its subject: "But the Spanish giants have form".
_OPENING_WORDS = ("", "but ", "and ", "yet ", "so ", "however, ", "meanwhile, ")


def _opening_club(doc: Doc, lo: int, hi: int, found: list[Mention] = ()) -> int | None:
    """The club a sentence opens with (after "But", "However," and the like; `found`: club references found
    but not yet among the mentions), unless it only qualifies the player who follows ("Harbour Town winger
    Dylan Marsh impressed")."""
    there = sorted((m for m in [*doc.mentions, *found] if lo <= m.fs < hi), key=lambda m: m.fs)
    if not there or there[0].kind != "club" or doc.ftext[lo : there[0].fs] not in _OPENING_WORDS:
        return None
    if (
        len(there) > 1
        and there[1].kind == "player"
        and len(doc.ftext[there[0].fe : there[1].fs].split()) <= 2
    ):
        return None
    return there[0].entity


def _country(doc: Doc, club: int) -> str:
    return nation(doc.gaz.club(club).country) if doc.gaz.club(club).country else ""


def _subject_club(doc: Doc, clubs: list[Mention], si: int, pos: int) -> int | None:
    """The first club named in sentence `si` before `pos`, else in the sentence before, else the article's."""
    lo = doc.sfs[si]
    here = next((m for m in clubs if lo <= m.fs < pos and not m.inside_reference), None)
    if here is not None:
        return here.entity
    if si == 0:
        return doc.dominant_club
    lo, hi = doc.sfs[si - 1], doc.sfe[si - 1]
    before = next((m for m in clubs if lo <= m.fs < hi and not m.inside_reference), None)
    return before.entity if before is not None else doc.dominant_club
