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
    # First name -> its one owner: a player id, or -1 - id for a person (a coach with the same first name
    # makes it ambiguous too); None once two owners carry it. Insertion order is the order of first use.
    owner: dict[str, int | None] = {}
    first_at: dict[str, int] = {}  # where the first player mention with that first name ends
    for m in mentions:
        kind = m.kind
        if m.entity is None or (kind != "player" and kind != "person"):
            continue
        name = ftext[m.fs : m.fe]
        space = name.find(" ")
        if space < 3:  # a one-word name, or a first name shorter than three letters
            continue
        first = name[:space]
        if not first.isalpha():
            continue
        key = m.entity if kind == "player" else -1 - m.entity
        if owner.setdefault(first, key) != key:
            owner[first] = None
        if kind == "player" and first not in first_at:
            first_at[first] = m.fe
    found: list[Mention] = []
    starts: list[int] | None = None  # mention starts, made for the first occurrence found
    for first, pid in owner.items():
        if pid is None or pid < 0 or first in _FOLDED_NOT_NAMES:
            continue
        at = ftext.find(first, first_at[first])
        while at >= 0:
            end = at + len(first)
            if _is_first_name(folded, at, end):
                if starts is None:
                    starts = [m.fs for m in mentions]
                if not _inside(mentions, starts, at):
                    found.append(Mention(at, end, (), "alias", kind="player", entity=pid, confidence=0.6))
            at = ftext.find(first, end)
    return found


def someone_elses_surnames(folded: Folded, mentions: list[Mention]) -> set[int]:
    """Indexes into `mentions` of one-word surname aliases right after an unknown capitalised first name."""
    ends: set[int] | None = None  # mention ends, made for the first alias that needs them
    drop = set()
    for i, m in enumerate(mentions):
        if m.via != "alias" or m.kind != "player" or m.fs < 2 or folded.text[m.fs - 1] != " ":
            continue
        if ends is None:
            ends = {other.fe for other in mentions}
        if m.fs - 1 in ends or " " in folded.text[m.fs : m.fe]:
            continue
        s, _ = folded.span(m.fs, m.fe)
        before = _WORD_BEFORE.search(folded.original, max(0, s - 30), s)
        if before and before.group(1) not in NOT_NAMES:
            drop.add(i)
    return drop


# A capitalised word that is not followed by another: "Theo Marchand, who", not a title-case headline such as
# "Theo Ruled Out For A Month".
_WORD_AFTER = re.compile(r" ([A-Z][a-z\u00e0-\u024f'-]+)(?! [A-Z])")


def someone_elses_first_names(folded: Folded, mentions: list[Mention]) -> set[int]:
    """Indexes into `mentions` (in start order) of one-word player aliases followed by a capitalised word that
    no mention covers: "Lyon's Theo Marchand" is not Theo Hernández, whatever his alias says."""
    drop = set()
    starts: set[int] | None = None  # mention starts, made for the first alias that needs them
    ftext = folded.text
    for i, m in enumerate(mentions):
        if m.via != "alias" or m.kind != "player" or m.fe >= len(ftext) or ftext[m.fe] != " ":
            continue
        if " " in ftext[m.fs : m.fe]:
            continue
        _, e = folded.span(m.fs, m.fe)
        after = _WORD_AFTER.match(folded.original, e)
        if after is None or after.group(1) in NOT_NAMES:
            continue
        if starts is None:
            starts = {other.fs for other in mentions}
        if m.fe + 1 not in starts:
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
