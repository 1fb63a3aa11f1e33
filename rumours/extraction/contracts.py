"""Contract facts: expiry, wage, talks about a new deal, a new deal offered or signed, its length."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from .cues import (
    CONTRACT_CUES,
    CONTRACT_RE,
    EXPIRY_WHEN,
    LENGTH_CUES,
    LENGTH_RE,
    MONEY_RE,
    PER_WEEK,
    cue_of,
    parse_money,
)
from .records import ContractFact
from .roles import last_words, pick_subjects
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
_SYMBOL = {"GBP": "\u00a3", "EUR": "\u20ac", "USD": "$"}


def _expires_on(doc: Doc, text: str) -> date | None:
    m = EXPIRY_WHEN.search(text)
    if not m:
        return None
    year = next((g for g in m.groups() if g), None)
    if year:
        return date(int(year), 6, 30)
    return season_end(doc.published)


def extract_contracts(doc: Doc) -> tuple[list[ContractFact], list[ContractFact]]:
    """(facts about players, facts about people such as managers)."""
    seen: dict[tuple[str, int, str], ContractFact] = {}
    hits = [(m, cue_of(m, CONTRACT_CUES)) for m in CONTRACT_RE.finditer(doc.ftext)]
    hits += [(m, cue_of(m, LENGTH_CUES)) for m in LENGTH_RE.finditer(doc.ftext)]
    for m, cue in hits:
        cs, ce = m.start(), m.end()
        si = doc.sentence_of(cs)
        if si is None:
            continue
        clause = doc.clause_of(si, cs)
        fact_type = cue.stage
        pre = last_words(doc.ftext[clause[0] : cs], 4).split()
        if fact_type == "new_deal_signed" and (
            any(w in _FUTURE for w in pre)
            or not doc.ftext[cs:ce].startswith(("signed", "penned", "agreed", "inked", "put", "committed"))
        ):
            fact_type = "talks"
        subjects = pick_subjects(doc, si, clause, cs, ce, kinds=("player", "person"))
        if not subjects:
            continue
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
            club = doc.gaz.person(s.entity).club_id if kind == "person" else doc.gaz.player(s.entity).club_id
            key = (kind, s.entity, fact_type)
            if key in seen:
                continue
            seen[key] = ContractFact(
                player_id=s.entity,
                club_id=club,
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
