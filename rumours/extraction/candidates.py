"""Unknown person names in a transfer context, offered to curators instead of being made into players."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .records import Candidate
from .references import PERSON_ROLE

if TYPE_CHECKING:
    from .pipeline import Doc

_NAME = re.compile(
    r"\b[A-Z][a-z\u00e0-\u00ff]+(?:[-'\u2019][A-Z]?[a-z\u00e0-\u00ff]+)?"
    r"(?:\s+(?:(?:van|de|da|di|del|dos|von|der|el)\s+)?[A-Z][a-z\u00e0-\u00ff]+(?:[-'\u2019][A-Z]?[a-z\u00e0-\u00ff]+)?){1,2}\b"
)
_NOT_PERSON = set(
    """The A An But And Or If So As At In On Of For To With From By Also Even Meanwhile However Although While When
    Where What Who Why How He She It We They His Her Their Our You My Its That This These Those There Here Premier
    League Premiership Champions Cup Final Saturday Sunday Monday Tuesday Wednesday Thursday Friday January February
    March April May June July August September October November December England Spain France Germany Italy Europe
    European Brazil Holland Scotland Wales Ireland Republic Northern Instagram Twitter Getty Images Sport Sports
    News Radio Live Stadium Park Road Lane Arena Ground Club City United Town Rovers Athletic Real Santiago La Liga
    Serie Bundesliga Ligue Carling Copa Super Euro World Under Fc Championship International Five Sky Times Daily
    Mail Post Independent Guardian Telegraph Mirror Express Sun Standard Fans Chairman Boss Manager Coach Director
    Sir Mr Mrs Dr Mediterranean Middle East West North South Emirates Santiago Millennium Have Your Say Listen""".split()
)
_ROLE_NEAR = re.compile(rf"\b({PERSON_ROLE})\s+$", re.IGNORECASE)


def extract_candidates(doc: Doc) -> list[Candidate]:
    out: dict[str, Candidate] = {}
    for name, club in doc.local_people.items():
        if " " not in name:
            continue
        pos = doc.text.find(name)
        if pos < 0:
            continue
        si = doc.sentence_of(doc.folded.fpos(pos))
        if si is None:
            continue
        evidence, start, end = doc.evidence(si)
        out[name] = Candidate(name, evidence, start, end, f"person at {doc.gaz.club(club).name}")
    for si in sorted(doc.rumour_cue_sentences):
        s = doc.sentences[si]
        for m in _NAME.finditer(doc.text, s.start, s.end):
            name = m.group()
            tokens = name.split()
            if any(t in _NOT_PERSON for t in tokens) or name in out:
                continue
            f = doc.folded.fpos(m.start())
            fe = doc.folded.fpos(m.end())
            if any(a < fe and f < b for a, b in doc._entity_spans):
                continue
            if any(name in local or local in name for local in doc.local_people):
                continue
            role = _ROLE_NEAR.search(doc.text, max(0, m.start() - 40), m.start())
            context = role.group(1).lower() if role else "transfer"
            evidence, start, end = doc.evidence(si)
            out[name] = Candidate(name, evidence, start, end, context)
    return list(out.values())
