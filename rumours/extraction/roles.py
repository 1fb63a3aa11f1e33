"""Who a cue is about: the player(s) nearest to it in its clause, taking coordination ("Reid and Dawson") and
possessives ("Bridge's injury") into account."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import holds_any
from .matching import Mention

if TYPE_CHECKING:
    from .pipeline import Doc

# "Reid and Dawson", "Salah, Van Dijk and vice-captain Trent"; not "Kimmich, like Davies," (a comparison).
_COORD = re.compile(
    r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+as well as\s+)(?:both\s+)?"
    r"(?!(?:like|unlike|than|with|without|alongside|after|before|for|from|to|against|not|but|including)\b)"
    r"(?:[a-z'-]+\s+){0,3}$"
)
_WORDS = re.compile(r"\S+")
# "Kimmich, like Davies, is out of contract": the compared player is not what the clause is about; nor is the
# player someone would replace ("a replacement for Mbappe", "the successor to Lewandowski").
_COMPARED = re.compile(
    r"(?:(?:,\s*|\()(?:just |much )?(?:like|unlike|as with)|\b(?:replacements?|successors?|alternatives?|"
    r"understudy|cover) (?:for|to)|\breplace|\binstead of|\bin place of|\bsucceed)\s+$"
)
# What `_COMPARED` matches ends, trailing space stripped, with one of these words: checking that first spares
# most mentions the search, which tries every position of its window.
COMPARED_ENDS = ("like", "with", "for", "to", "replace", "of", "succeed")
# ... and holds one of these: windows ending in "for" or "to" ("a bid for", "a move to") mostly do not.
COMPARED_WORDS = (
    "like", "as with", "replace", "successor", "alternative", "understudy", "cover", "instead of",
    "in place of",
    "succeed",
)  # fmt: skip
COMPARED_REACH = 32  # characters before a mention that `_COMPARED` looks at


def last_words(text: str, n: int) -> str:
    # At most n splits from the right: the words before the last n stay one unsplit piece.
    return " ".join(text.rsplit(None, n)[-n:])


def is_compared(ftext: str, fs: int) -> bool:
    """The mention at `fs` is someone compared or replaced: "like Davies", "a replacement for Mbappe"."""
    start = max(0, fs - COMPARED_REACH)
    window = ftext[start:fs]
    return (
        window.rstrip().endswith(COMPARED_ENDS)
        and holds_any(window, COMPARED_WORDS)
        and bool(_COMPARED.search(ftext, start, fs))
    )


def word_count(text: str) -> int:
    return len(text.split())


def coordinated_groups(doc: Doc, mentions: list[Mention]) -> list[list[Mention]]:
    groups: list[list[Mention]] = []
    for m in mentions:
        if groups and _COORD.match(doc.ftext[groups[-1][-1].fe : m.fs]):
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


def pick_subjects(
    doc: Doc, si: int, clause: tuple[int, int], cs: int, ce: int, kinds: tuple[str, ...] = ("player",)
) -> list[Mention]:
    """The mention group a cue at folded [cs, ce) is about: nearest in its clause, else in its sentence."""

    key = (si, kinds)
    got = doc.subject_groups.get(key)
    if got is None:
        sentence = [
            m
            for m in doc.by_sentence[si]
            if m.kind in kinds and m.entity is not None and not is_compared(doc.ftext, m.fs)
        ]
        # Groups are formed over the whole sentence so that a list cut by a clause boundary stays whole.
        got = doc.subject_groups[key] = (sentence, coordinated_groups(doc, sentence) if sentence else [])
    sentence, all_groups = got
    if not sentence:
        return []
    if clause[0] <= sentence[0].fs and sentence[-1].fs < clause[1]:
        groups = all_groups  # the clause holds every mention (often it is the whole sentence)
    else:
        groups = [g for g in all_groups if any(clause[0] <= m.fs < clause[1] for m in g)] or all_groups
    for g in groups:
        if g[-1].possessive and 0 <= cs - g[-1].fe <= 25 and not any(g[-1].fe <= m.fs < cs for m in sentence):
            return _dedupe(g)

    if len(groups) == 1:
        return _last_if_relative(doc, _dedupe(groups[0]), cs)

    def distance(g: list[Mention]) -> float:
        if g[-1].fe <= cs:
            return cs - g[-1].fe
        if g[0].fs >= ce:
            return (g[0].fs - ce) * 1.3
        return 0.0

    # A cue inside ", who ... ," is about the name the clause hangs on: "Mamardashvili, who spent the season
    # on loan at Valencia, ... Alisson's understudy".
    aside = _ASIDE.search(doc.ftext, doc.sfs[si], doc.sfe[si])
    while aside is not None and aside.end() <= cs:
        aside = _ASIDE.search(doc.ftext, aside.end() - 1, doc.sfe[si])
    if aside is not None and aside.start() < cs:
        head = [g for g in groups if g[-1].fe == aside.start()]
        if head:
            return _dedupe(head[0][-1:])
    best = min(groups, key=distance)
    if best[-1].fe <= cs and best is not groups[0]:
        # "The goalkeeper, who had lost his place to David Raya, has signed": a name inside a relative clause
        # that closes before the cue is not its subject when a name stands before that clause.
        aside = _ASIDE.search(doc.ftext, doc.sfs[si], cs)
        while aside is not None and not (aside.start() < best[0].fs and best[-1].fe <= aside.end()):
            aside = _ASIDE.search(doc.ftext, aside.end() - 1, cs)
        if aside is not None:
            before = [g for g in groups if g[0].fe <= aside.start()]
            if before:
                best = before[-1]
    return _last_if_relative(doc, _dedupe(best), cs)


# A relative clause set off by commas that closes before a cue (as rumours.py's asides).
_ASIDE = re.compile(r",\s+(?:who|which|whose)\b[^,;]*,")


# A relative clause in the singular after a list is about its last name: "saves from Lookman and Scamacca, who
# was making his first appearance since rupturing a ligament" is Scamacca's injury only.
_WHO_SINGULAR = re.compile(r",\s*who\s+(?:was|is|has|had|suffered|sustained|tore|broke|picked|limped)\b")


def _last_if_relative(doc: Doc, group: list[Mention], cs: int) -> list[Mention]:
    if len(group) > 1 and group[-1].fe < cs and _WHO_SINGULAR.match(doc.ftext, group[-1].fe, cs):
        return group[-1:]
    return group


def _dedupe(group: list[Mention]) -> list[Mention]:
    if len(group) == 1:
        return group[:]  # a copy all the same: the groups are cached on the doc
    seen: set[tuple[str, int | None]] = set()
    out = []
    for m in group:
        if m.key() not in seen:
            seen.add(m.key())
            out.append(m)
    return out
