"""Rumour facts: for each transfer cue, the player, the club he would join and the stance, merged per
(player, to_club) into the one stance the article foregrounds."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .cues import MODAL, MONEY_RE, NEGATION, RUMOUR_CUES, RUMOUR_RE, cue_of, parse_money
from .matching import Mention
from .records import RumourFact
from .roles import last_words, pick_subjects, word_count

if TYPE_CHECKING:
    from .pipeline import Doc

PRIORITY = {
    "completed": 7,
    "agreed": 6,
    "rejected": 5,
    "denied": 4,
    "bid": 3,
    "talks": 2,
    "interest": 1,
    "linked": 0,
}
_NOT_A_TARGET = re.compile(
    r"(?:against|beat|beating|beaten|versus|vs\.?|v|over|(?:tie|game|match|win|defeat|draw|victory|loss|clash|trip|"
    r"visit|fixture|final)\s+(?:\w+\s+)?(?:at|to|with|against))\s+(?:the\s+)?$"
)
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$")
_ROLE_WORDS = (
    r"(?:goalkeeper|keeper|defender|centre-back|center-back|full-back|right-back|left-back|wing-back|midfielder|"
    r"midfield|playmaker|winger|striker|forward|attacker|captain|skipper|star|youngster|teenager|teenage|young|"
    r"veteran|academy|graduate|loanee|ace|international|player|new|signing|talisman|number|no)"
)
# "Middlesbrough defender Andy Davies", "Liverpool's Trent": a club in front of a player is that
# player's club.
_ATTRIBUTIVE = re.compile(rf"^(?:(?:'s|\u2019s)\s+(?:[a-z-]+\s+){{0,2}}|\s+(?:{_ROLE_WORDS}\s+){{1,3}})$")
_BIDDER_CUE = re.compile(r"\b(?:bids?|offers?|interest|approach|enquiry|inquiry)\b")
_PER_WEEK = re.compile(r"\s*(?:-|\s)*(?:per|a|each)(?:\s|-)*week|\s?(?:pw|p/w)\b")


@dataclass
class Event:
    player: int
    to_club: int
    from_club: int | None
    stage: str
    si: int
    confidence: float
    outlet: str
    window: str | None
    fee: tuple[int | None, str]
    loan: bool
    stance_by: str


def _club_of(m: Mention) -> int | None:
    return m.entity if m.kind == "club" else m.club


def _targets(
    doc: Doc,
    si: int,
    clause: tuple[int, int],
    cs: int,
    ce: int,
    player: Mention,
    stage: str,
    bidder_from: bool,
):
    """(to-club candidates as (tier, club id), explicit from-club) for `player` around a cue at [cs, ce)."""
    gaz = doc.gaz
    current = gaz.player(player.entity).club_id
    ftext = doc.ftext
    explicit_from = None
    found: list[tuple[int, int]] = []
    for m in doc.by_sentence[si]:
        club = _club_of(m)
        if club is None or not (clause[0] <= m.fs < clause[1]) or m.kind == "player":
            continue
        before = ftext[max(0, m.fs - 40) : m.fs]
        after_cue = m.fs >= ce
        if _FROM.search(before):
            bidder = bidder_from or bool(_BIDDER_CUE.search(ftext, cs, m.fs))
            if bidder and after_cue and word_count(ftext[ce : m.fs]) <= 7:
                found.append((3, club))
            elif m.kind == "club":
                explicit_from = club
            continue
        if _NOT_A_TARGET.search(before):
            continue
        nxt = next((p for p in doc.by_sentence[si] if p.kind == "player" and p.fs >= m.fe), None)
        if m.kind == "club" and nxt is not None and _ATTRIBUTIVE.match(ftext[m.fe : nxt.fs]):
            if nxt.entity == player.entity and club != current:
                explicit_from = club
            continue  # "Middlesbrough defender Andy Davies": that player's club, not a destination
        if club == current and stage != "completed":
            continue
        if after_cue:
            gap = ftext[ce : m.fs]
            tier = 3 if word_count(gap) <= 6 and "," not in gap else 1
        elif m.possessive and 0 <= cs - m.fe <= 30:
            tier = 3
        else:
            tier = 2
        found.append((tier, club))
    return found, explicit_from


def _best(found: list[tuple[int, int]]) -> tuple[int, list[int]]:
    if not found:
        return 0, []
    top = max(t for t, _ in found)
    clubs: list[int] = []
    for t, c in found:
        if t == top and c not in clubs:
            clubs.append(c)
    return top, clubs


def _sentence_candidates(doc: Doc, si: int, player: Mention, stage: str) -> list[int]:
    current = doc.gaz.player(player.entity).club_id
    found, _ = _targets(doc, si, (doc.sfs[si], doc.sfe[si]), doc.sfe[si], doc.sfe[si], player, stage, False)
    return list(dict.fromkeys(c for _, c in found if c != current))


def _stance(
    doc: Doc, si: int, clause: tuple[int, int], cs: int, stage: str, player: Mention, to_club: int
) -> str:
    if stage == "linked":
        return "media"
    if re.search(r"\bagent\b|\brepresentatives?\b", doc.ftext[clause[0] : cs]):
        return "agent"
    before = [
        m
        for m in doc.by_sentence[si]
        if clause[0] <= m.fs < cs and (m.entity is not None or m.club is not None)
    ]
    if not before:
        return ""
    subject = before[-1]
    if subject.kind == "player":
        return "player" if subject.entity == player.entity else ""
    club = _club_of(subject)
    if club == to_club:
        return "buying_club"
    if club is not None and club == doc.gaz.player(player.entity).club_id:
        return "selling_club"
    return ""


def _fee(doc: Doc, clause: tuple[int, int], cs: int) -> tuple[int | None, str]:
    best = None
    for m in MONEY_RE.finditer(doc.ftext, clause[0], clause[1]):
        if _PER_WEEK.match(doc.ftext, m.end()):
            continue
        d = abs(m.start() - cs)
        if best is None or d < best[0]:
            best = (d, m.group())
    return parse_money(best[1]) if best else (None, "")


def rumour_events(doc: Doc) -> list[Event]:
    events: list[Event] = []
    hits = []
    for m in RUMOUR_RE.finditer(doc.ftext):
        cue = cue_of(m, RUMOUR_CUES)
        si = doc.sentence_of(m.start())
        if cue.stage and si is not None:
            hits.append((m, cue, si))
    # Sentences with a transfer cue: their neighbours may lend them a destination club.
    cue_sentences = doc.rumour_cue_sentences = {si for _, _, si in hits}
    for m, cue, si in hits:
        cs, ce = m.start(), m.end()
        clause = doc.clause_of(si, cs)
        pre = doc.ftext[clause[0] : cs]
        stage = cue.stage
        if cue.past and MODAL.search(last_words(pre, 5)):
            continue
        negated = (
            cue.positive
            and stage in ("interest", "talks", "bid", "agreed", "linked")
            and bool(NEGATION.search(last_words(pre, 4)))
        )
        for player in pick_subjects(doc, si, clause, cs, ce):
            bidder_from = bool(_BIDDER_CUE.search(doc.ftext, cs, ce))
            found, explicit_from = _targets(doc, si, clause, cs, ce, player, stage, bidder_from)
            tier, clubs = _best(found)
            confidence = {3: 0.7, 2: 0.6, 1: 0.5}.get(tier, 0.4)
            current = doc.gaz.player(player.entity).club_id
            others = [] if clubs else _sentence_candidates(doc, si, player, stage)
            if len(others) == 1:
                clubs, confidence = others, 0.5
            on_loan_here = stage == "completed" and re.search(r"loan from", doc.ftext[cs:ce])
            if not clubs and on_loan_here and current is not None and current != explicit_from:
                clubs, confidence = [current], 0.5
            if not clubs and not others and stage != "completed":
                for near in (si - 1, si + 1):
                    if 0 <= near < len(doc.sentences) and near in cue_sentences:
                        others = _sentence_candidates(doc, near, player, stage)
                        if len(others) == 1:
                            clubs, confidence = others, 0.45
                            break
            if (
                (
                    not clubs
                    and cue.buyer_subject
                    and stage != "completed"
                    and doc.unknown_subject(si, clause, cs)
                )
                and doc.dominant_club is not None
                and doc.dominant_club != current
            ):
                clubs, confidence = [doc.dominant_club], 0.4
            if player.via == "reference":
                confidence -= 0.1
            for to_club in clubs:
                final = stage
                stance = _stance(doc, si, clause, cs, stage, player, to_club)
                if negated:
                    final = "rejected" if stance == "selling_club" else "denied"
                from_club = explicit_from if explicit_from not in (None, to_club) else current
                if from_club == to_club:
                    from_club = None
                fee = (
                    _fee(doc, clause, cs)
                    if final in ("bid", "agreed", "completed", "rejected")
                    else (None, "")
                )
                outlets = doc.outlets(si)
                events.append(
                    Event(
                        player=player.entity,
                        to_club=to_club,
                        from_club=from_club,
                        stage=final,
                        si=si,
                        confidence=max(0.1, confidence),
                        outlet=outlets[0] if outlets else "",
                        window=doc.window_hint(si),
                        fee=fee,
                        loan="loan" in doc.ftext[clause[0] : clause[1]],
                        stance_by=stance,
                    )
                )
    return events


def extract_rumours(doc: Doc) -> list[RumourFact]:
    groups: dict[tuple[int, int], list[Event]] = {}
    for e in rumour_events(doc):
        groups.setdefault((e.player, e.to_club), []).append(e)
    facts = []
    for (player, to_club), events in groups.items():
        chosen = max(events, key=lambda e: (PRIORITY[e.stage], e.confidence, -e.si))
        also = sorted({e.stage for e in events} - {chosen.stage}, key=lambda s: -PRIORITY[s])
        outlet = chosen.outlet or next((e.outlet for e in events if e.outlet), "")
        window = chosen.window or next((e.window for e in events if e.window), None) or doc.article_window
        fee = chosen.fee if chosen.fee[0] else next((e.fee for e in events if e.fee[0]), (None, ""))
        explicit = [e.from_club for e in events if e.from_club is not None]
        from_club = chosen.from_club if chosen.from_club is not None else (explicit[0] if explicit else None)
        evidence, start, end = doc.evidence(chosen.si)
        confidence = min(0.95, chosen.confidence + 0.05 * (len(events) - 1))
        facts.append(
            RumourFact(
                player_id=player,
                from_club_id=from_club,
                to_club_id=to_club,
                stage=chosen.stage,
                window=window,
                evidence=evidence,
                start=start,
                end=end,
                cited_outlet=outlet,
                confidence=round(confidence, 2),
                fee_amount=fee[0],
                fee_currency=fee[1],
                is_loan=any(e.loan for e in events),
                also_stages=tuple(also),
                stance_by=chosen.stance_by,
            )
        )
    return facts
