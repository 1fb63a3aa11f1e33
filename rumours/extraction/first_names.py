"""First names of players the article has named in full: "Dušan Vlahović ... Dušan has a contract until 2026".

Interviews and columns call a player by his first name once he has been introduced. A first name counts only
when one player named in full carries it (two "Dani"s, or a manager sharing it, leave it alone), only after
that full mention, only with its capital, and not when another capitalised word follows it ("Dušan Tadić" is
somebody else).

The other way round, a known surname after a first name the gazetteer does not give that player ("Hiroki Ito"
when it knows Junya Ito) is somebody else too."""

from __future__ import annotations

import re
from bisect import bisect_right

from .lexicon import NOT_NAMES
from .matching import Mention
from .normalise import Folded

# Capitalised at a sentence's start or in a title, these are words before they are names.
_WORDS = frozenset(
    {"will", "mark", "may", "june", "april", "grant", "rose", "young", "chance", "hope", "king"}
)
_WORD_BEFORE = re.compile(r"(?<![\w'\u2019.-])([A-Z][a-z\u00c0-\u024f'-]+) $")
_FOLDED_NOT_NAMES = frozenset(w.lower() for w in NOT_NAMES) | _WORDS


def first_name_mentions(folded: Folded, mentions: list[Mention]) -> list[Mention]:
    """Mentions of the first names of players named in full in `mentions` (sorted by start)."""
    ftext = folded.text
    owners: dict[str, set[int]] = {}
    first_at: dict[str, int] = {}
    for m in mentions:
        if m.entity is None or m.kind not in ("player", "person"):
            continue
        first, space, _ = ftext[m.fs : m.fe].partition(" ")
        if not space or len(first) < 3 or not first.isalpha():
            continue
        # A person (a coach) with the same first name makes it ambiguous too: keyed by kind and id.
        owners.setdefault(first, set()).add(m.entity if m.kind == "player" else -1 - m.entity)
        if m.kind == "player":
            first_at.setdefault(first, m.fe)
    found: list[Mention] = []
    starts = [m.fs for m in mentions]
    for first, ids in owners.items():
        if len(ids) != 1 or first in _FOLDED_NOT_NAMES:
            continue
        (pid,) = ids
        if pid < 0:
            continue
        at = ftext.find(first, first_at[first])
        while at >= 0:
            end = at + len(first)
            if _is_first_name(folded, at, end) and not _inside(mentions, starts, at):
                found.append(Mention(at, end, (), "alias", kind="player", entity=pid, confidence=0.6))
            at = ftext.find(first, end)
    return found


def someone_elses_surnames(folded: Folded, mentions: list[Mention]) -> set[int]:
    """Indexes into `mentions` of one-word surname aliases right after an unknown capitalised first name."""
    ends = {m.fe for m in mentions}
    drop = set()
    for i, m in enumerate(mentions):
        if m.kind != "player" or m.via != "alias" or m.fs < 2 or folded.text[m.fs - 1] != " ":
            continue
        if m.fs - 1 in ends or " " in folded.text[m.fs : m.fe]:
            continue
        s, _ = folded.span(m.fs, m.fe)
        before = _WORD_BEFORE.search(folded.original, max(0, s - 30), s)
        if before and before.group(1) not in NOT_NAMES:
            drop.add(i)
    return drop


def _is_first_name(folded: Folded, fs: int, fe: int) -> bool:
    ftext = folded.text
    if (fs > 0 and ftext[fs - 1].isalnum()) or (fe < len(ftext) and ftext[fe].isalnum()):
        return False
    s, e = folded.span(fs, fe)
    original = folded.original
    if not original[s].isupper():
        return False
    rest = original[e : e + 40].lstrip(" ")
    # "Dušan Tadić": another capitalised word right after makes it somebody else's full name.
    return not (rest[:1].isupper() and original[e : e + 1] == " ")


def _inside(mentions: list[Mention], starts: list[int], pos: int) -> bool:
    k = bisect_right(starts, pos) - 1
    return any(mentions[j].fe > pos for j in range(max(0, k - 2), k + 1))
