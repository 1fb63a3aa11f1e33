"""Contract facts: expiry, wage, talks about a new deal, a new deal offered or signed, its length."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from .cues import (
    CONTRACT,
    CONTRACT_CUES,
    EXPIRY_WHEN,
    LENGTH,
    MONEY_RE,
    PER_WEEK,
    cue_of,
    parse_money,
)
from .discourse import subject_club
from .matching import Mention
from .records import ContractFact
from .references import quote_speaker
from .roles import coordinated_groups, last_words, pick_subjects
from .windows import season_end

if TYPE_CHECKING:
    from .pipeline import Doc

_FUTURE = (
    "will",
    "would",
    "could",
    "to",
    "hope",
    "hopes",
    "hopeful",
    "expected",
    "set",
    "wants",
    "want",
    "may",
)
_CLUB_BEFORE = re.compile(r"(?:'s)?\s?$")
_WHOSE = re.compile(r",?\s*whose\s")
_AS_ARE = re.compile(r",?\s+as (?:are|is|was|were|do|does|did|has|have)\s+")
_SIGNED = (
    "signed", "penned", "agreed", "inked", "put", "committed", "extended", "renewed", "triggered",
    "activated", "exercised", "taken",
)  # fmt: skip
_SYMBOL = {"GBP": "\u00a3", "EUR": "\u20ac", "USD": "$"}


def _expires_on(doc: Doc, text: str) -> date | None:
    m = EXPIRY_WHEN.search(text)
    if not m:
        return None
    year = next((g for g in m.groups() if g), None)
    if year:
        return date(int(year), 6, 30)
    return season_end(doc.published)


def _club(doc: Doc, subject: Mention, si: int, cs: int, ce: int) -> int | None:
    """The club a contract fact is with: one named in the phrase ("his contract at Old Trafford", "his
    Liverpool deal"), else the club the article says he has just moved to, else his club in the gazetteer."""
    if subject.kind == "person":
        return doc.gaz.person(subject.entity).club_id
    for m in doc.by_sentence[si]:
        if (
            m.kind == "club"
            and m.entity is not None
            and cs - 3 <= m.fs < ce
            and m.fe <= ce + 1
            and (m.fs >= cs or _CLUB_BEFORE.match(doc.ftext, m.fe, cs))
        ):
            return m.entity
    moved = doc.moves.get(subject.entity)
    if moved is not None and moved[0] <= si:
        return moved[1]
    return doc.gaz.player(subject.entity).club_id


def _also(doc: Doc, si: int, ce: int) -> list[Mention]:
    """ "X is out of contract in the summer, as are A and B": A and B share the fact."""
    m = _AS_ARE.search(doc.ftext, ce, doc.sfe[si])
    if not m:
        return []
    after = [
        p for p in doc.by_sentence[si] if p.kind == "player" and p.fs >= m.end() and p.entity is not None
    ]
    if not after or after[0].fs - m.end() > 40:
        return []
    return next(g for g in coordinated_groups(doc, after) if after[0] in g)


def _hits(doc: Doc):
    """(kind, folded start, end, fact type, sentence) of every contract cue and renewal, in text order."""
    out = []
    for m in doc.find(CONTRACT):
        out.append(("cue", m.start(), m.end(), cue_of(m, CONTRACT_CUES).stage, None))
    for m in doc.find(LENGTH):
        out.append(("cue", m.start(), m.end(), "length", None))
    for pid, _, fact_type, cs, ce in doc.renewals:
        out.append(("renewal", cs, ce, fact_type, pid))
    out.sort(key=lambda h: h[1])
    return out


def extract_contracts(doc: Doc) -> tuple[list[ContractFact], list[ContractFact]]:
    """(facts about players, facts about people such as managers)."""
    seen: dict[tuple[str, int, str], ContractFact] = {}
    last: tuple[int, list[Mention]] = (-9, [])  # the sentence and subjects of the last contract fact
    for source, cs, ce, fact_type, pid in _hits(doc):
        si = doc.sentence_of(cs)
        if si is None:
            continue
        clause = doc.clause_of(si, cs)
        pre = last_words(doc.ftext[clause[0] : cs], 4).split()
        if fact_type == "new_deal_signed" and (
            any(w in _FUTURE for w in pre) or not doc.ftext[cs:ce].startswith(_SIGNED)
        ):
            fact_type = "talks"
        if source == "renewal":
            subjects = [Mention(cs, cs, (), "reference", kind="player", entity=pid, confidence=0.6)]
        else:
            subjects = _whose(doc, si, cs) or pick_subjects(
                doc, si, clause, cs, ce, kinds=("player", "person")
            )
            if subjects:
                subjects = [s for s in subjects if not _speaks_of_another(doc, s, doc.sfs[si], ce)]
            if not subjects and last[0] == si - 1:
                subjects = last[1]  # "Talks over an extension have stalled": the player just talked about
            if subjects and fact_type in ("talks", "new_deal_offered"):
                # Contract talks led by another club are a transfer's personal terms, not a renewal.
                actor = subject_club(doc, si, clause, cs)
                subjects = [s for s in subjects if actor is None or actor == _home(doc, s)]
            subjects = [*subjects, *_also(doc, si, ce)]
        if not subjects:
            continue
        last = (si, subjects)
        tail = doc.ftext[ce : min(clause[1], ce + 60)]
        expires_on = (
            _expires_on(doc, doc.ftext[cs : min(clause[1], ce + 60)]) if fact_type == "expiry" else None
        )
        weekly, currency = None, ""
        if fact_type == "wage":
            money = MONEY_RE.search(doc.ftext, cs, min(clause[1], ce + 5))
            amount, currency = parse_money(money.group()) if money else (None, "")
            if amount is None:
                continue
            if PER_WEEK.search(doc.ftext[cs : min(clause[1], ce + 15)]):
                weekly = amount
            fact = f"wage {_SYMBOL.get(currency, '')}{amount:,}" + (" per week" if weekly else "")
        else:
            when = EXPIRY_WHEN.search(tail) if fact_type == "expiry" else None
            fe = ce + when.end() if when and when.start() <= 30 else ce
            fact = doc.original_text(cs, fe)
        evidence, start, end = doc.evidence(si)
        outlets = doc.outlets(si)
        for s in subjects:
            kind = "person" if s.kind == "person" else "player"
            key = (kind, s.entity, fact_type)
            if key in seen:
                continue
            seen[key] = ContractFact(
                player_id=s.entity,
                club_id=_club(doc, s, si, cs, ce),
                fact=fact,
                fact_type=fact_type,
                expires_on=expires_on,
                weekly_wage=weekly,
                currency=currency,
                evidence=evidence,
                start=start,
                end=end,
                cited_outlet=outlets[0] if outlets else "",
                confidence=0.7 if s.via != "reference" else 0.55,
            )
    players = [f for (kind, _, _), f in seen.items() if kind == "player"]
    people = [f for (kind, _, _), f in seen.items() if kind == "person"]
    return players, people


_FIRST_PERSON = re.compile(r"\b(?:i|my|me|myself)\b")


def _speaks_of_another(doc: Doc, s: Mention, start: int, ce: int) -> bool:
    """'"Contract talks are between the club and his people," Dyche added': the person named as the speaker
    after a quote is not the one whose contract it is, unless his words before his name speak of himself
    ("I want to stay")."""
    return (
        s.kind == "person"
        and s.fs >= ce
        and quote_speaker(doc, s)
        and not _FIRST_PERSON.search(doc.ftext, start, s.fs)
    )


def _whose(doc: Doc, si: int, cs: int) -> list[Mention]:
    """ "a replacement for Rodrigo De Paul, whose contract expires in 2026": the name before "whose"."""
    if not doc.ftext.endswith("whose ", 0, cs):
        return []
    for m in doc.by_sentence[si]:
        if m.kind in ("player", "person") and m.fe <= cs and _WHOSE.fullmatch(doc.ftext, m.fe, cs):
            return [m]
    return []


def _home(doc: Doc, s: Mention) -> int | None:
    return doc.gaz.person(s.entity).club_id if s.kind == "person" else doc.gaz.player(s.entity).club_id
