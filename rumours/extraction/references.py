"""Resolving "the 32-year-old", "the England international", "their number 66", "the former Northgate winger",
"he" and "the Italian club" to the player or club they mean, and learning the club of people the gazetteer
does not know ("R's manager Ian Holloway")."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date
from operator import itemgetter
from typing import TYPE_CHECKING

from .lexicon import (
    ANY_PLAYER,
    DEMONYMS,
    NATIONS,
    NOT_NAMES,
    PERSON_ROLE,
    POSITION_TAGS,
    REGIONS,
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

REFERENCE = re.compile(
    rf"\b(?:the|their|his|our|its|a)\s+{_ADJ}(?P<age>\d{{2}})-year-old(?:\s+(?P<agepos>{_POS_TRIE}))?\b"
    rf"|\bthe\s+{_ADJ}(?P<nat>{_NAT_TRIE})\s+(?P<natpos>{_POS_TRIE})\b"
    rf"|\bthe\s+(?P<demonym>{_DEMONYM_TRIE}){_AS_SUBJECT}"
    rf"|\b(?:their|his|the|our)\s+{_ADJ3}(?:number|no\.?|#)\s?(?P<shirt>\d{{1,2}})\b"
    rf"|\b(?:a|the) (?P<whose>player) whose\b"
    rf"|\bthe\s+{_ADJ3}(?P<pos>{_POS_TRIE})\b(?!'s\s+(?:father|family|mother|wife|brother))"
    rf"|\b(?P<pron>he|him|his|himself)\b"
)
REFERENCE_G = Gated(REFERENCE)
# Every reference but a pronoun holds one of these words (an age, a nationality, a shirt, a position): "the"
# and "a" are tried only where one follows within _REACH characters.
_REFERENCE_WORDS = Gated(
    re.compile(rf"\b(?:\d{{2}}-year-old|number|no\b|#|player|{_POS_ALT}|{_NAT_ALT}|{_DEMONYM_ALT})"),
    word_start=False,
)
_PRONOUN = re.compile(r"(?:he|him|his|himself)\b")
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
_CLUB_NOUNS = Gated(re.compile(r"(?:club|side|giants|champions|outfit|hierarchy)\b"), word_start=False)
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
_TITLES = {"sir", "mr", "dr", "senor", "signor", "herr"}
POSITION_WINDOW = 3  # sentences a position word reaches back


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


# ---- players ----------------------------------------------------------------------------------------------
def resolve_references(doc: Doc) -> None:
    """Add a player mention for every reference that resolves, walking the article in order so that "recent"
    means recent at that point."""
    mentions = doc.mentions
    taken = sorted((m.fs, m.fe) for m in mentions)
    starts = [a for a, _ in taken]
    events: list[tuple[int, int, object]] = [(m.fs, 0, m) for m in mentions]
    found = REFERENCE_G.finditer_near(
        doc.ftext, doc.trigger_list(REFERENCE_G), doc.trigger_list(_REFERENCE_WORDS), _REACH, _PRONOUN
    )
    for r in found:
        k = bisect_right(starts, r.start()) - 1
        if k >= 0 and taken[k][1] > r.start():
            continue
        if not r.group("pron"):
            nxt = k + 1
            # "the striker Fernando Morientes": an apposition, the name itself is the mention.
            if nxt < len(taken) and 0 <= taken[nxt][0] - r.end() <= 1:
                continue
        events.append((r.start(), 1, r))
    events.sort(key=_EVENT_ORDER)
    clubs = sorted((m for m in mentions if m.kind == "club"), key=_by_start)
    club_starts = [m.fs for m in clubs]
    recent: list[tuple[int, int, int]] = []  # (player id, sentence index, folded position), newest first
    others: list[tuple[int, int]] = []  # (folded position, sentence) of people, for pronoun safety
    added: list[Mention] = []

    def touch(pid: int, si: int, pos: int) -> None:
        recent[:] = [r for r in recent if r[0] != pid]
        recent.insert(0, (pid, si, pos))

    # Events come in text order: the sentence index only moves forward (as `doc.sentence_of` would find it).
    sfs, sfe = doc.sfs, doc.sfe
    last_sentence = len(sfs) - 1
    si = -1
    for pos, kind, item in events:
        while si < last_sentence and sfs[si + 1] <= pos:
            si += 1
        if si < 0 or pos >= sfe[si]:
            continue
        if kind == 0:
            if item.kind == "player":
                touch(item.entity, si, pos)
            elif item.kind == "person":
                others.append((pos, si))
            continue
        r = item
        clubs_inside = []
        if not r.group("pron"):
            k = bisect_left(club_starts, r.start())
            while k < len(clubs) and clubs[k].fs < r.end():
                if clubs[k].fe <= r.end():
                    clubs_inside.append(clubs[k])
                k += 1
        pid, confidence, ref = _reference_target(doc, r, si, recent, others, clubs_inside)
        if pid is None:
            continue
        for club in clubs_inside:
            club.inside_reference = True  # "the Northgate winger": his club, never a destination
        m = Mention(r.start(), r.end(), (), "reference", kind="player", entity=pid, confidence=confidence)
        m.reference = ref
        m.possessive = doc.ftext.startswith("'s", r.end()) or r.group() == "his"
        added.append(m)
        touch(pid, si, pos)
    mentions.extend(added)


_EVENT_ORDER = itemgetter(0, 1)  # position, then names before references


def _by_start(m: Mention) -> int:
    return m.fs


def _choose(doc: Doc, scored: list[tuple[tuple, int]]) -> int | None:
    """The best-scored candidate; among equals the article's main player, else the most recent."""
    if not scored:
        return None
    best = max(s for s, _ in scored)
    top = [pid for s, pid in scored if s == best]
    if len(top) > 1 and doc.topic in top:
        return doc.topic
    return top[0]


def _reference_target(doc: Doc, r: re.Match[str], si: int, recent, others, clubs_inside: list[Mention]):
    gaz = doc.gaz
    if not recent:
        if r.group("shirt"):
            return _shirt_from_index(doc, int(r.group("shirt")), si, clubs_inside), 0.6, "shirt"
        return None, 0, ""
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
    return _pronoun_target(doc, r, si, recent, others)


def _pronoun_target(doc: Doc, r: re.Match[str], si: int, recent, others):
    """A pronoun: only when one player is in play and nobody else could be meant, or when it opens a sentence
    right after one whose subject (its first name, the only player in it) is that player."""
    newest, newest_si, newest_pos = recent[0]
    if newest_si == si - 1 and r.start() - doc.sfs[si] <= 1:
        before = sorted(doc.mentions_in(si - 1), key=lambda m: m.fs)
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
    if any(newest_pos < pos < r.start() for pos, _ in others):
        return None, 0, ""
    if any(pid != newest and pos >= window_start for pid, _, pos in recent[1:]):
        return None, 0, ""
    if doc.unknown_names(si, r.start(), after_f=newest_pos if newest_si == si else -1):
        return None, 0, ""
    for k in range(max(newest_si, si - 2), si):
        if doc.unknown_names(k, ignore_speakers=True, after_f=newest_pos if k == newest_si else -1):
            return None, 0, ""
    return newest, 0.5, "pronoun"


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
    clubs = [m for m in doc.mentions if m.kind == "club" and m.entity is not None]
    if not clubs:
        return
    taken = sorted((m.fs, m.fe) for m in doc.mentions)
    starts = [a for a, _ in taken]
    added: list[Mention] = []
    found = CLUB_REFERENCE_G.finditer_near(
        doc.ftext, doc.trigger_list(CLUB_REFERENCE_G), doc.trigger_list(_CLUB_NOUNS), 64, _NEVER
    )
    for r in found:
        k = bisect_right(starts, r.start()) - 1
        if k >= 0 and taken[k][1] > r.start():
            continue
        si = doc.sentence_of(r.start())
        if si is None:
            continue
        region = r.group("region")
        if region:
            country = REGIONS.get(region) or NATIONS.get(region)
            lo = doc.sfs[max(0, si - 3)]
            pool = [
                m
                for m in clubs
                if lo <= m.fs < r.start() and _country(doc, m.entity) == country and not m.inside_reference
            ]
            club = pool[-1].entity if pool else None
        elif r.group("noun") in ("club", "side", "hierarchy"):
            club = _subject_club(doc, clubs, si, r.start())
        else:
            continue
        if club is None:
            continue
        fe = r.start("tail")
        m = Mention(r.start(), fe, (), "reference", kind="club", entity=club, confidence=0.6)
        m.reference = "club"
        m.possessive = r.group("tail") == "'s"
        added.append(m)
    added += _club_pronouns(doc)
    doc.mentions.extend(added)


def _club_pronouns(doc: Doc) -> list[Mention]:
    """ "Real Madrid are rebuilding. They have completed the signing of X": a sentence that opens with "They"
    right after one that opens with a club is about that club. Only sentence openings, where the pronoun is
    the subject and the club before it most likely was too."""
    added = []
    ftext, sfs = doc.ftext, doc.sfs
    at = ftext.find("they ")
    while at >= 0:
        si = bisect_right(sfs, at) - 1
        if si >= 1 and sfs[si] == at:
            club = _opening_club(doc, sfs[si - 1], doc.sfe[si - 1])
            if club is not None:
                m = Mention(at, at + 4, (), "reference", kind="club", entity=club, confidence=0.5)
                m.reference = "club"
                added.append(m)
        at = ftext.find("they ", at + 5)
    return added


def _opening_club(doc: Doc, lo: int, hi: int) -> int | None:
    """The club a sentence opens with, unless it only qualifies the player who follows ("Harbour Town
    winger Dylan Marsh impressed")."""
    there = sorted((m for m in doc.mentions if lo <= m.fs < hi), key=lambda m: m.fs)
    if not there or there[0].fs != lo or there[0].kind != "club":
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
    here = [m for m in clubs if doc.sfs[si] <= m.fs < pos and not m.inside_reference]
    if here:
        return here[0].entity
    if si == 0:
        return doc.dominant_club
    before = [m for m in clubs if doc.sfs[si - 1] <= m.fs < doc.sfe[si - 1] and not m.inside_reference]
    return before[0].entity if before else doc.dominant_club
