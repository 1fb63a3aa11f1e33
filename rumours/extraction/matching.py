"""Finding gazetteer names in text: one automaton pass, boundary and case checks, near-miss spellings, and
disambiguation of names several entities share ("Cole", "Madrid", "Rangers") from the rest of the article."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from operator import attrgetter, itemgetter

from rapidfuzz import fuzz, process

from .gazetteer import Gazetteer, Target
from .normalise import Folded, fold_key, padded_backwards
from .triggers import trigger_keys, trigger_places, trigger_positions

FUZZY_SCORE = 88.0


@dataclass(slots=True)
class Mention:
    """A name found in the text (folded offsets `fs`/`fe`); `entity` is None while ambiguous or unresolved."""

    fs: int
    fe: int
    targets: tuple[Target, ...]
    via: str
    kind: str = ""
    entity: int | None = None
    possessive: bool = False
    club: int | None = None  # for people: the club they speak or act for
    reference: str = ""  # for references: what kind ("age", "pronoun", ...)
    confidence: float = 1.0
    inside_reference: bool = False  # a club inside "the Northgate winger": the player's club
    context: tuple | None = None  # what a club mention's surroundings say, computed once (rumours.py)

    def key(self) -> tuple[str, int | None]:
        return self.kind, self.entity


_TEAM_NOUN = re.compile(
    r"(?:'s)?\s+(?:attack|defence|defense|midfield|side|squad|team|players?|winger|striker|defender|"
    r"midfielder|goalkeeper|keeper|captain|coach|manager|boss|fans|supporters|academy|board|president|"
    r"dressing room|shirt|forward|full-back|centre-back)\b"
)


def _boundary_ok(ftext: str, fs: int, fe: int) -> bool:
    if fs > 0 and ftext[fs - 1].isalnum():
        return False
    return not (fe < len(ftext) and ftext[fe].isalnum())


def _case_ok(folded: Folded, fs: int, fe: int, cap: int) -> bool:
    if cap < 0:
        return True
    if folded.identity:
        surface = folded.original[fs:fe]
    else:
        start, end = folded.span(fs, fe)
        surface = folded.original[start:end]
    pos = cap if cap < len(surface) and surface[cap].isalpha() else 0
    ch = surface[pos] if surface else ""
    return ch.isupper() or ch.isdigit()


def _possessive(ftext: str, fe: int) -> bool:
    return ftext.startswith("'s", fe) or (ftext.startswith("' ", fe) and ftext[fe - 1] == "s")


def _cap_ok(folded: Folded, fs: int, fe: int, cap: int) -> bool:
    """The letter the gazetteer spells with a capital is a capital (or a digit) in the text too."""
    original, omap = folded.original, folded.omap
    if omap is None:
        s, e = fs, fe
    else:
        s, e = omap[fs], omap[fe - 1] + 1
        if cap >= e - s:
            return _case_ok(folded, fs, fe, cap)  # marks after the name may bring `cap` into it
    ch = original[s + cap] if cap < e - s and original[s + cap].isalpha() else original[s]
    return ch.isupper() or ch.isdigit()


_END = itemgetter(0)
_START = attrgetter("fs")
_new = object.__new__


def scan_with_triggers(folded: Folded, gaz: Gazetteer) -> tuple[list[Mention], list]:
    """`scan` and `triggers.trigger_positions` of the folded text, from one automaton pass when the
    gazetteer's automaton holds the trigger keys of every registered pattern."""
    table = trigger_keys()
    if gaz.automaton is None or gaz.trigger_stamp != table.stamp or not folded.text:
        return scan(folded, gaz), trigger_positions(folded.text)
    hits = list(gaz.automaton.iter(padded_backwards(folded.text)))
    name_hits: list[tuple[int, int]] = []
    actions, names = gaz.trigger_actions, len(gaz.scan_lengths)
    triggers = trigger_places(folded.text, hits, actions, table.exact, names, name_hits)
    return scan(folded, gaz, name_hits), triggers


def scan(folded: Folded, gaz: Gazetteer, hits: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Leftmost-longest non-overlapping name matches that pass the boundary and case checks. `hits`: the
    automaton's pass over `padded_backwards(folded.text)` when the caller has it, in the automaton's order
    (it is sorted in place); it may leave out the trigger keys' hits."""
    ftext = folded.text
    automaton = gaz.automaton
    if automaton is None or not ftext:
        return []
    lengths, entries, table, key_index = gaz.scan_lengths, gaz.scan_entries, gaz.scan_table, gaz.key_index
    original, identity, n = folded.original, folded.omap is None, len(ftext)
    # Word-aligned scan: keys are padded with spaces and every non-alphanumeric character of the text is a
    # space, so only hits bounded by non-alphanumerics (or the text's ends) come back. Keys and text are read
    # backwards: a hit's end there (the pad before the name) is its start here, and the automaton gives hits
    # by that end, longest first at each. A stable sort by that end, from the last, puts the leftmost hit
    # first, and at each start the longest. About half the hits are names inside longer ones ("bakedi" in
    # "mateo bakedi", "nezte" in "nezte town").
    found = list(automaton.iter(padded_backwards(ftext))) if hits is None else hits
    found.sort(key=_END, reverse=True)
    mentions: list[Mention] = []
    last_end = -1
    start_at = n + 1  # the backwards text is the padded text, n + 2 long
    names = len(lengths)  # values from here on are trigger keys (gazetteer._automaton_for)
    for end, v in found:
        fs = start_at - end
        if fs < last_end or v >= names:
            continue
        fe = fs + lengths[v]
        entry = entries[v]
        if entry is None:  # several keys share the hit's word-aligned form: which one, if any, is it?
            index = key_index.get(ftext[fs:fe])
            if index is None:
                continue
            entry = table[index]
        # One target: kind, entity and club as resolve() would set them. Several: "", None, None; the
        # filters below only ever narrow several targets, or leave none.
        targets, cap, outlet, via, kind, entity, club, spelling = entry
        if spelling is not None and ftext[fs:fe] != spelling:
            continue  # "mateo. bakedi" is not "mateo bakedi"
        if cap is None:
            targets = tuple(t for t in targets if _case_ok(folded, fs, fe, t.cap))
            if not targets:
                continue
            via = "name" if any(t.via == "name" for t in targets) else targets[0].via
        elif cap >= 0:
            if identity:  # the common case, inlined: the letter at `cap` (or the first) is a capital
                ch = original[fs]
                if cap and cap < fe - fs and original[fs + cap].isalpha():
                    ch = original[fs + cap]
                if not (ch.isupper() or ch.isdigit()):
                    continue
            elif not _cap_ok(folded, fs, fe, cap):
                continue
        if outlet and _TEAM_NOUN.match(ftext, fe):
            # "the Athletic attack" is the club, not the outlet of the same name.
            targets = tuple(t for t in targets if t.kind != "outlet")
            if not targets:
                continue
            via = "name" if any(t.via == "name" for t in targets) else targets[0].via
        # Built field by field, as Mention(fs, fe, targets, via, kind, entity, possessive, club) would be:
        # calling the class (its __init__ a Python frame behind a slot wrapper) costs half as much again.
        m = _new(Mention)
        m.fs = fs
        m.fe = fe
        m.targets = targets
        m.via = via
        m.kind = kind
        m.entity = entity
        m.possessive = fe < n and ftext[fe] == "'" and _possessive(ftext, fe)
        m.club = club
        m.reference = ""
        m.confidence = 1.0
        m.inside_reference = False
        m.context = None
        mentions.append(m)
        last_end = fe
    return mentions


# A capitalised word of 5+ letters not glued to a word, apostrophe or hyphen. It starts with a plain character
# class (every letter [^\W\d_a-z] takes is A-Z or from U+00AA on), which the regex engine skips ahead to in C;
# the lookbehinds then check the real class and what comes before: the same matches, in half the time.
_CAPITALISED = re.compile(r"[A-Z\u00aa-\U0010ffff](?<=[^\W\d_a-z])(?<![\w'\u2019-].)[^\W\d_]{4,}(?![\w-])")


def _character_classes() -> bytes:
    """A bytes.translate table giving each Latin-1 character its class for `_CAPITALISED`: "U" can start a
    match (a letter not a-z), "l" is any other letter, "b" any other character a match may neither follow nor
    precede, "a" one it may precede but not follow (the apostrophe), " " the rest. "?" is "Q", unknown: it
    stands for every character Latin-1 cannot encode, so may be anything."""
    classes = []
    for code in range(256):
        ch = chr(code)
        if ch == "?":
            classes.append("Q")
        elif re.fullmatch(r"[A-Z\u00aa-\U0010ffff]", ch) and re.fullmatch(r"[^\W\d_a-z]", ch):
            classes.append("U")
        elif re.fullmatch(r"[^\W\d_]", ch):
            classes.append("l")
        elif re.fullmatch(r"[\w-]", ch):
            classes.append("b")
        elif re.fullmatch(r"[\w'\u2019-]", ch):
            classes.append("a")
        else:
            classes.append(" ")
    return "".join(classes).encode("ascii")


_CHARACTER_CLASSES = _character_classes()
# Where a `_CAPITALISED` match may start, read off the classes: a "U" (or an unknown "Q") not after a letter,
# digit, apostrophe or hyphen and before four more letters (group 1: all the letters that follow). Unknown
# characters allow everything, so every real match starts at one of these places. Only the start is consumed,
# so no place hides the next. Each pattern starts with one literal byte, which the regex engine finds with a
# tight loop instead of testing a class at every character.
_MAY_START = re.compile(rb"U(?<![Ulab].)(?=([UlQ]{4,}))")
_MAY_START_UNKNOWN = re.compile(rb"Q(?<![Ulab].)(?=([UlQ]{4,}))")
_UNSURE = (0, ord("Q"))  # a blank (see below) or a character Latin-1 cannot encode
_NOT_AFTER = ord("b")

_BLANKS = [bytearray(n) for n in range(64)]


def character_classes(text: str) -> bytearray:
    """`text` as `_CHARACTER_CLASSES`, one byte per character."""
    return bytearray(text.encode("latin-1", "replace").translate(_CHARACTER_CLASSES))


def capitalised_words(text: str, classes: bytearray, skip: set[int]) -> list[tuple[int, int]]:
    """The spans of `_CAPITALISED.finditer(text)` that start at no place in `skip` and hold no blank (class 0)
    of `classes`, the text's `character_classes` with some spans blanked. Where every character of a word and
    the two around it are known the classes decide, else the regex does."""
    places = [(m.start(), m.end(1)) for m in _MAY_START.finditer(classes)]
    unknown = b"Q" in classes
    if unknown:
        places += [(m.start(), m.end(1)) for m in _MAY_START_UNKNOWN.finditer(classes)]
        places.sort()
    n = len(classes)
    words = []
    for start, end in places:  # `end`: where the letters after `start` end
        if start in skip:
            continue
        after = classes[end] if end < n else 32
        if (
            (start and classes[start - 1] in _UNSURE)
            or after == 0
            or (unknown and classes.find(b"Q", start, end) >= 0)
        ):
            tm = _CAPITALISED.match(text, start)
            if tm is not None and classes.find(0, start, tm.end()) < 0:
                words.append(tm.span())
        elif after != _NOT_AFTER:
            words.append((start, end))
    return words


def _uncovered_capitalised_words(
    folded: Folded, taken: list[Mention], skip: set[int]
) -> list[tuple[int, int]]:
    """Folded spans of the `_CAPITALISED` words that start at no place in `skip` (original offsets) and
    overlap no mention in `taken`, in text order."""
    original = folded.original
    classes = character_classes(original)
    if folded.omap is None:
        # Folded offsets are the original's. Most capitalised words are names already found: blanked out
        # (class 0, no letter), they are never candidates. (The blanks are bytearrays: a bytearray takes any
        # other value by way of a copy of it.)
        for m in taken:
            try:
                classes[m.fs : m.fe] = _BLANKS[m.fe - m.fs]
            except IndexError:  # longer than any blank at hand
                classes[m.fs : m.fe] = bytearray(m.fe - m.fs)
        return capitalised_words(original, classes, skip)
    covered = [(m.fs, m.fe) for m in taken]
    ci, nc = 0, len(covered)
    words = []
    for start, end in capitalised_words(original, classes, skip):
        fs, fe = folded.fpos(start), folded.fpos(end)
        while ci < nc and covered[ci][1] <= fs:
            ci += 1
        if ci < nc and covered[ci][0] < fe:
            continue
        words.append((fs, fe))
    return words


# Capitalised words that are not names: fuzzy matching skips them outright.
_COMMON = set(
    [
        "about",
        "above",
        "after",
        "again",
        "against",
        "although",
        "among",
        "another",
        "because",
        "before",
        "being",
        "below",
        "between",
        "during",
        "either",
        "every",
        "first",
        "further",
        "however",
        "indeed",
        "instead",
        "later",
        "meanwhile",
        "maybe",
        "neither",
        "never",
        "other",
        "perhaps",
        "since",
        "still",
        "there",
        "these",
        "those",
        "though",
        "through",
        "under",
        "until",
        "whatever",
        "whenever",
        "where",
        "whether",
        "which",
        "while",
        "within",
        "without",
        "yesterday",
        "today",
        "tomorrow",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "england",
        "english",
        "spain",
        "spanish",
        "france",
        "french",
        "germany",
        "german",
        "italy",
        "italian",
        "europe",
        "european",
        "league",
        "premier",
        "premiership",
        "champions",
        "championship",
        "cup",
        "final",
        "season",
        "world",
        "club",
        "clubs",
        "manager",
        "coach",
        "player",
        "players",
        "transfer",
        "window",
        "sources",
        "report",
        "reports",
        "according",
        "statement",
        "sport",
        "sports",
        "radio",
        "television",
        "speaking",
        "asked",
        "added",
        "adding",
        "earlier",
    ]
)


def fuzzy_mentions(
    folded: Folded, gaz: Gazetteer, taken: list[Mention], sentence_starts: set[int]
) -> list[Mention]:
    """Close misspellings of one-word names ("Marid"), only for capitalised unmatched words of 5+ letters."""
    if not gaz.fuzzy_buckets:
        return []
    out: list[Mention] = []
    ftext = folded.text
    for fs, fe in _uncovered_capitalised_words(folded, taken, sentence_starts):
        word = ftext[fs:fe]
        if fe - fs < 5 or word in _COMMON or not word.isalpha():
            continue
        if gaz.key_index.get(word) is not None:
            continue  # an exact name that failed its checks: not a misspelling
        if fs > 1 and ftext[fs - 1] == " " and _ends_at(taken, fs - 1):
            continue  # "FC Internazionale Milano": a word after a name is more of that name, not another
        key = _closest(gaz, word)
        if key is None:
            continue
        targets = gaz.targets_for(key)
        if targets:
            out.append(Mention(fs, fe, targets, "fuzzy", possessive=_possessive(ftext, fe), confidence=0.7))
    return out


_FUZZY_CACHE_MAX = 50_000


def _ends_at(mentions: list[Mention], end: int) -> bool:
    """Some mention of `mentions` (in start order) ends at `end`."""
    k = bisect_right(mentions, end, key=_START) - 1
    return any(mentions[j].fe == end for j in range(max(0, k - 2), k + 1))


def _closest(gaz: Gazetteer, word: str) -> str | None:
    """The one gazetteer key within FUZZY_SCORE of `word`, or None (none, or two equally close). Remembered
    per gazetteer: the same unknown words (stadiums, competitions, places) come back in article after
    article."""
    cache = gaz.fuzzy_cache
    if word in cache:
        return cache[word]
    hits: list[tuple[str, float]] = []
    for length in (len(word) - 1, len(word), len(word) + 1):
        choices = gaz.fuzzy_buckets.get((word[0], length))
        if not choices:
            continue
        for key, score, _ in process.extract(
            word, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE, limit=3
        ):
            hits.append((key, score))
    best = None
    if hits:
        hits.sort(key=lambda h: -h[1])
        if not (len(hits) > 1 and hits[1][1] >= hits[0][1]):
            best = hits[0][0]
    if len(cache) >= _FUZZY_CACHE_MAX:
        cache.clear()
    cache[word] = best
    return best


def resolve(mentions: list[Mention], title_mentions: list[Mention], gaz: Gazetteer) -> None:
    """Fix `kind`/`entity` of each mention: unambiguous ones first, then shared names from the article."""
    everything = [*title_mentions, *mentions] if title_mentions else mentions
    ambiguous = False
    for m in everything:
        if m.entity is not None:
            continue  # one target, set by scan()
        targets = m.targets
        if len(targets) == 1:
            kind, ident, _, _ = targets[0]
            m.kind, m.entity = kind, ident
            if kind == "person":
                m.club = gaz.person(ident).club_id
        elif targets:
            ambiguous = True
    if not ambiguous:
        return
    # How often each entity is named for sure: what a shared name leans on.
    support: Counter[tuple[str, int]] = Counter((m.kind, m.entity) for m in everything if len(m.targets) == 1)
    for _ in range(2):
        clubs_of_players: Counter[int] = Counter()
        for (kind, ident), n in support.items():
            if kind == "player":
                club = gaz.player(ident).club_id
                if club is not None:
                    clubs_of_players[club] += n
            elif kind == "person":
                club = gaz.person(ident).club_id
                if club is not None:
                    clubs_of_players[club] += n
        changed = False
        for m in everything:
            if m.entity is not None or len(m.targets) < 2:
                continue
            scores = []
            for t in m.targets:
                s = support[(t.kind, t.id)]
                if t.kind == "club":
                    s += clubs_of_players[t.id]
                elif t.kind == "player":
                    club = gaz.player(t.id).club_id
                    s += 0.5 * support[("club", club)] if club is not None and support[("club", club)] else 0
                elif t.kind == "person":
                    club = gaz.person(t.id).club_id
                    s += 0.5 * support[("club", club)] if club is not None and support[("club", club)] else 0
                scores.append((s, t))
            scores.sort(key=lambda x: -x[0])
            if scores[0][0] > 0 and scores[0][0] > scores[1][0]:
                t = scores[0][1]
                m.kind, m.entity = t.kind, t.id
                m.confidence = min(m.confidence, 0.8)
                if t.kind == "person":
                    m.club = gaz.person(t.id).club_id
                support[(t.kind, t.id)] += 1
                changed = True
        if not changed:
            break


def title_scan(title: str, gaz: Gazetteer) -> list[Mention]:
    if not title:
        return []
    return scan(Folded(title), gaz)


__all__ = ["Mention", "scan", "scan_with_triggers", "fuzzy_mentions", "resolve", "title_scan", "fold_key"]
