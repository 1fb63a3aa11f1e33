"""Injury facts: what, which body part, how long, attributed to the player the sentence is about."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .cues import ABSENCE_RE, BODY_PARTS, INJURY, INJURY_BLOCK, INJURY_PHRASE, TEAM_INJURY
from .lexicon import holds_any
from .records import InjuryFact
from .roles import pick_subjects

if TYPE_CHECKING:
    from .pipeline import Doc


# Words every match of a pattern holds: a clause without any of them is cleared without the search (these
# patterns start with "\b" or a class, so a search tries every position of the clause).
BLOCK_WORDS = (
    "suspen", "red card", "ban", "injury time", "injury-time", "rested", "offside", "disallowed", "var",
    "goal",
)  # fmt: skip
TEAM_INJURY_WORDS = (
    "stretched", "ravaged", "hit", "depleted", "decimated", "weakened", "hampered", "plagued", "affected",
    "thinned", "crisis", "list", "problems", "worries", "woes", "concerns", "injury-",
)  # fmt: skip


# What follows a name the gazetteer does not know when that person is the one who is hurt: "Michail Antonio
# recovers from", "Gianluca Scamacca, who was making his first appearance since".
_ACTS = re.compile(
    r",?\s*who\b|\s+(?:is|was|has|had|recovers|recovering|suffered|sustained|picked|limped|hurt|injured|tore|"
    r"broke|faces|will|could|remains|misses|missed)\b"
)


def _someone_unknown_between(doc: Doc, si: int, clause: tuple[int, int], cs: int, players) -> bool:
    """A person the gazetteer does not know acts between the known players and the injury cue: the injury is
    his ("ease the burden on Bowen while Michail Antonio recovers from the injuries")."""
    after = max([clause[0], *(p.fe for p in players)])
    if after >= cs:
        return False
    start = doc.sentence_starts[si]
    for name in doc.unknown_names(si, cs, after_f=after):
        at = doc.text.find(name, doc.folded.orig(after) if after > doc.sfs[si] else start)
        if at >= 0 and _ACTS.match(doc.text, at + len(name)):
            return True
    return False


def _nearest(pattern, doc: Doc, lo: int, hi: int, pos: int):
    best = None
    for m in pattern.finditer(doc.ftext, lo, hi):
        d = abs(m.start() - pos)
        if best is None or d < best[0]:
            best = (d, m)
    return best[1] if best else None


# An injury he is over: "started for the first time after recovering from the ankle ligament damage".
_RECOVERED = re.compile(
    r"\b(?:after|since) (?:recovering|returning) from\b|"
    r"\b(?:has|have|had|having|fully) (?:now |since )?(?:recovered|returned) from\b|"
    r"\bback in (?:full )?training after\b"
)


def _recovered(doc: Doc, clause: tuple[int, int], cs: int) -> bool:
    """The injury at `cs` is one he is over: the words saying so are in its clause, or end in it ("is back in
    training | after three weeks out with a calf problem", the clause cut at "after")."""
    lo = max(0, clause[0] - 30)
    window = doc.ftext[lo:cs]
    if "from" not in window and "back in" not in window:
        return False
    return any(m.end() > clause[0] for m in _RECOVERED.finditer(doc.ftext, lo, cs))


_NOUNS = (
    "injury",
    "problem",
    "strain",
    "tear",
    "fracture",
    "rupture",
    "sprain",
    "concussion",
    "broken",
    "torn",
)


def _specificity(phrase: str) -> tuple[bool, int]:
    """A named injury ("serious cruciate ligament injury") beats a bare verb phrase ("injured his knee")."""
    return any(n in phrase.lower() for n in _NOUNS), len(phrase.split())


def extract_injuries(doc: Doc) -> list[InjuryFact]:
    term_sentences = set()
    hits = []
    for m in doc.find(INJURY):
        si = doc.sentence_of(m.start())
        if si is None:
            continue
        if m.group("term"):
            term_sentences.add(si)
        hits.append((m, si))
    found: dict[int, dict] = {}
    order: list[int] = []
    for m, si in hits:
        clause = doc.clause_of(si, m.start())
        clause_text = doc.ftext[clause[0] : clause[1]]
        if holds_any(clause_text, BLOCK_WORDS) and INJURY_BLOCK.search(clause_text):
            continue
        if m.group("miss") and "international duty" in clause_text:
            continue  # away with his country, not hurt ("injured on international duty" still counts)
        if holds_any(clause_text, TEAM_INJURY_WORDS) and any(
            t.start() <= m.start() < t.end() for t in TEAM_INJURY.finditer(doc.ftext, clause[0], clause[1])
        ):
            continue
        if _recovered(doc, clause, m.start()):
            continue
        if m.group("miss") and not (term_sentences & {si - 1, si, si + 1}):
            continue  # "could miss the game" is an injury only where injuries are being talked about
        players = pick_subjects(doc, si, clause, m.start(), m.end())
        if not players or _someone_unknown_between(doc, si, clause, m.start(), players):
            continue
        phrase = _nearest(INJURY_PHRASE, doc, clause[0], clause[1], m.start())
        absence = _nearest(ABSENCE_RE, doc, doc.sfs[si], doc.sfe[si], m.start())
        if (
            absence is None
            and si + 1 < len(doc.sfs)
            and doc.ftext.startswith(("he ", "she "), doc.sfs[si + 1])
        ):
            # "... pulled a hamstring in training. He is expected to be out for two to three weeks."
            absence = ABSENCE_RE.search(doc.ftext, doc.sfs[si + 1], doc.sfe[si + 1])
        body = ""
        for word in doc.ftext[clause[0] : clause[1]].replace("-", " ").split():
            word = word.strip(".,;:'\"()")
            if word in BODY_PARTS:
                body = BODY_PARTS[word]
                break
        injury = doc.original_text(*phrase.span()) if phrase else ""
        for p in players:
            entry = found.get(p.entity)
            info = {
                "injury": injury,
                "body": body,
                "absence": doc.original_text(*absence.span()) if absence else "",
                "si": si,
                "confidence": 0.75 if p.via != "reference" else 0.6,
            }
            if entry is None:
                found[p.entity] = info
                order.append(p.entity)
                continue
            # One fact per player: keep the first sentence that names the injury, fill the gaps from the rest.
            if _specificity(info["injury"]) > _specificity(entry["injury"]):
                entry["injury"], entry["si"] = info["injury"], si
            for key in ("body", "absence"):
                if not entry[key] and info[key]:
                    entry[key] = info[key]
            entry["confidence"] = min(0.95, entry["confidence"] + 0.05)
    facts = []
    for pid in order:
        e = found[pid]
        evidence, start, end = doc.evidence(e["si"])
        outlets = doc.outlets(e["si"])
        facts.append(
            InjuryFact(
                player_id=pid,
                club_id=doc.gaz.player(pid).club_id,
                injury=e["injury"],
                body_part=e["body"],
                expected_absence=e["absence"],
                evidence=evidence,
                start=start,
                end=end,
                cited_outlet=outlets[0] if outlets else "",
                confidence=round(e["confidence"], 2),
            )
        )
    return facts
