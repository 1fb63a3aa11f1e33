"""Unknown person names in a transfer context, offered to curators instead of being made into players."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from .records import Candidate
from .references import NOT_NAMES as _NOT_PERSON
from .references import PERSON_ROLE

if TYPE_CHECKING:
    from .pipeline import Doc

# "\b" as a lookbehind after the first capital: a search then skips ahead to capitals in C instead of
# trying every position.
_NAME = re.compile(
    r"[A-Z](?<!\w[A-Z])[a-z\u00e0-\u00ff]+(?:[-'\u2019][A-Z]?[a-z\u00e0-\u00ff]+)?"
    r"(?:\s+(?:(?:van|de|da|di|del|dos|von|der|el)\s+)?[A-Z][a-z\u00e0-\u00ff]+(?:[-'\u2019][A-Z]?[a-z\u00e"
    r"0-\u00ff]+)?){1,2}\b"
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
    spans = sorted(doc._entity_spans)
    starts = [a for a, _ in spans]
    for si in sorted(doc.rumour_cue_sentences):
        for m in _NAME.finditer(doc.text, doc.sentence_starts[si], doc.sentence_ends[si]):
            name = m.group()
            tokens = name.split()
            if not _NOT_PERSON.isdisjoint(tokens) or name in out:
                continue
            f = doc.folded.fpos(m.start())
            fe = doc.folded.fpos(m.end())
            k = bisect_right(starts, fe) - 1
            if k >= 0 and spans[k][1] > f:
                continue
            if any(name in local or local in name for local in doc.local_people):
                continue
            role = _ROLE_NEAR.search(doc.text, max(0, m.start() - 40), m.start())
            context = role.group(1).lower() if role else "transfer"
            evidence, start, end = doc.evidence(si)
            out[name] = Candidate(name, evidence, start, end, context)
    return list(out.values())
