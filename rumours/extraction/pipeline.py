"""`extract()`: text + publication date + gazetteer in, facts out. Builds one `Doc` per article that the fact
extractors share (sentences, clauses, resolved mentions, cited outlets, window hints)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from datetime import date
from functools import cached_property, partial
from operator import attrgetter, itemgetter

from .candidates import extract_candidates
from .contracts import extract_contracts
from .first_names import first_name_mentions, someone_elses_first_names, someone_elses_surnames
from .gazetteer import Gazetteer
from .injuries import extract_injuries
from .lexicon import SPEECH_AFTER
from .matching import Mention, fuzzy_mentions, resolve, scan_with_triggers, title_scan
from .normalise import Folded
from .outlets import cited_outlets
from .records import Extraction, entity_mention
from .references import NOT_NAMES, learn_people, resolve_club_references, resolve_references
from .rumours import extract_rumours
from .sentences import Sentence, sentence_spans, sentences_from
from .triggers import Gated
from .windows import WINDOW, default_window, window_from_hint

EXTRACTION_VERSION = 2  # 2: wider cues, discourse rules, renewals, position-aware references
# Every way outlets.py recognises a citation needs one of these words: a sentence without them cites nobody.
CITING = Gated(
    re.compile(
        r"\b(?:according|report|media|press|understand|learn|claim|reveal|says|said|confirm|told|telling|"
        r"speaking|talking|interview|via)"
    )
)
_FS = attrgetter("fs")  # C-level, for map and sort
MAX_TEXT = 200_000  # longer inputs are cut: an article is never this long, a pasted feed dump might be

_CLAUSE = re.compile(
    r";\s|\s-\s|\s--\s|,\s*but\s|\sbut\s|\swhile\s|\swhereas\s|,?\salthough\s|\safter\s|,\sdespite\s|"
    r"\sand\s(?=(?:he|she|they|it|we|i)\s)|,\sand\s"
)
CLAUSE = Gated(_CLAUSE, word_start=False)
# Every character a clause separator can hold, but whitespace. No separator holds any other character (a full
# stop, a digit, most letters), so a scan from just after one finds the separators that a scan of the whole
# text finds from there on: none found earlier reaches past it.
_CLAUSE_CHARS = frozenset(";,-abdefghilnoprstuw")


def clause_cuts(text: str, places: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the separators `_CLAUSE.finditer(text)` finds that start in [start, end) and end by `end`,
    trying only `places` (CLAUSE's trigger positions). The scan starts a little before `start`, where no
    separator can reach across: one that starts before `start` and runs into it hides the separators it
    overlaps, as in a scan of the whole text."""
    lo = start
    while lo and (text[lo - 1] in _CLAUSE_CHARS or text[lo - 1].isspace()):
        lo -= 1
    cuts = []
    last = -1
    match = _CLAUSE.match
    for at in places[bisect_left(places, lo) : bisect_left(places, end)]:
        if at < last:
            continue  # inside the separator found before, as `finditer` skips it
        m = match(text, at)
        if m is not None:
            last = m.end()
            if at >= start and last <= end:
                cuts.append((at, last))
    return cuts


_CAP_SEQ = re.compile(r"\b[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*")
_VERB_AFTER = re.compile(
    r"(?:'s|\u2019s|\s+(?:is|was|has|had|will|would|could|can|said|says|hinted|insisted|added|admitted|"
    r"believes|"
    r"wants|claims|told|revealed|thinks|feels|vowed|confirmed|explained|described|accused)\b)"
)
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|explained|added|insisted)\s+$")


def _first_name_clashes(ftext: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """A one-word alias that is also the first name of another player named in full in the article means that
    player ("Bruno" after "Bruno Guimaraes", though the gazetteer gives "Bruno" to Bruno Fernandes); when two
    such players are named it is left unresolved."""
    # Player aliases first: many articles have none, and then the full names need not be looked at.
    aliases = [m for m in mentions if m.via == "alias" and m.kind == "player"]
    if not aliases:
        return
    first: dict[str, set[int]] = {}
    for m in mentions:
        if m.kind == "player" and m.via == "name" and " " in ftext[m.fs : m.fe]:
            first.setdefault(ftext[m.fs : m.fe].split(" ", 1)[0], set()).add(m.entity)
    if not first:
        return
    for m in aliases:
        owners = first.get(ftext[m.fs : m.fe])
        if owners and owners - {m.entity}:
            m.entity = next(iter(owners)) if len(owners) == 1 else None
            m.confidence = min(m.confidence, 0.7)


def _topic(mentions: list[Mention], title_mentions: list[Mention]) -> int | None:
    """The player the article is about: named most often (the title counts double), well ahead of the next."""
    counts = Counter(m.entity for m in mentions if m.kind == "player" and m.entity is not None)
    for m in title_mentions:
        if m.kind == "player" and m.entity is not None:
            counts[m.entity] += 2
    if not counts:
        return None
    # The two highest counts (a tie counts twice), without `most_common`'s Python-level heap: a player that
    # passes is the only one with the highest count, so which of tied players comes first does not matter.
    top = sorted(counts.values(), reverse=True)[:2]
    if top[0] < 2 or (len(top) > 1 and top[0] < 1.5 * top[1]):
        return None
    return max(counts, key=counts.__getitem__)


def _dominant_club(clubs: Counter[int]) -> int | None:
    """The club named most often, at least twice and more often than any other."""
    top = sorted(clubs.values(), reverse=True)[:2]  # as in `_topic`: only a clear leader passes
    if not top or top[0] < 2 or (len(top) > 1 and top[0] == top[1]):
        return None
    return max(clubs, key=clubs.__getitem__)


class Doc:
    """Everything the fact extractors need about one article."""

    def __init__(self, text: str, published: date, gaz: Gazetteer, title: str = "") -> None:
        self.text = text
        self.published = published
        self.gaz = gaz
        self.folded = Folded(text)
        self.ftext = self.folded.text
        self._found: dict[int, list[re.Match[str]]] = {}
        # Sentence spans in the original text; `sfs`, `sfe`: the same in folded offsets.
        self.sentence_starts, self.sentence_ends, self._paragraphs = sentence_spans(text)
        self.sfs = self.folded.fpos_all(self.sentence_starts)
        self.sfe = self.folded.fpos_all(self.sentence_ends)
        self._clauses: dict[int, list[tuple[int, int]]] = {}
        self._outlets: dict[int, list[str]] = {}
        self.subject_groups: dict[tuple, tuple[list, list]] = {}  # per sentence and kinds (roles.py)
        self.asides: dict[int, list[tuple[int, int]]] = {}  # relative clauses per sentence (rumours.py)
        self.club_lists: dict[int, list] = {}  # club mentions per sentence (discourse.py)
        mentions, self._triggers = scan_with_triggers(self.folded, gaz)  # one automaton pass for both
        if "sporting director" in self.ftext:
            # "Sporting director Frank Arnesen" opening a sentence is a job, not Sporting Lisbon.
            mentions = [m for m in mentions if not self.ftext.startswith("sporting director", m.fs)]
        mentions += fuzzy_mentions(self.folded, gaz, mentions, set(self.sentence_starts))
        mentions.sort(key=_FS)
        title_mentions = title_scan(title, gaz)
        resolve(mentions, title_mentions, gaz)
        _first_name_clashes(self.ftext, mentions, gaz)
        others = someone_elses_surnames(self.folded, mentions) | someone_elses_first_names(
            self.folded, mentions
        )
        if others:
            mentions = [m for i, m in enumerate(mentions) if i not in others]
        first_names = first_name_mentions(self.folded, mentions)
        if first_names:
            mentions = sorted([*mentions, *first_names], key=lambda m: m.fs)
        self.outlet_mentions = [(m.fs, m.fe, m.entity) for m in mentions if m.kind == "outlet"]
        self.mentions = [
            m for m in mentions if m.entity is not None and m.kind in ("player", "club", "person")
        ]
        self._entity_spans = [(m.fs, m.fe) for m in mentions]  # in start order
        self._span_starts: list[int] = []
        self._span_reach: list[int] | None = None  # furthest span end so far, along `_entity_spans`
        clubs = Counter(m.entity for m in [*self.mentions, *title_mentions] if m.kind == "club" and m.entity)
        self.dominant_club = _dominant_club(clubs)
        self.local_people = self._learn_people()
        self.topic = _topic(self.mentions, title_mentions)
        resolve_references(self)
        resolve_club_references(self)
        self.mentions.sort(key=_FS)
        self.by_sentence: list[list[Mention]] = [[] for _ in self.sfs]
        # Each mention's sentence as `sentence_of` finds it, the bisections mapped in C.
        sfe, by_sentence = self.sfe, self.by_sentence
        after = map(partial(bisect_right, self.sfs), map(_FS, self.mentions))  # sentence index + 1
        for m, k in zip(self.mentions, after, strict=True):
            if k and m.fs < sfe[k - 1]:
                by_sentence[k - 1].append(m)
        self._windows: dict[int, str] = {}
        hints: Counter[str] = Counter()
        for m in self.find(WINDOW):
            window = window_from_hint(m, published)
            si = self.sentence_of(m.start())
            if window and si is not None:
                self._windows.setdefault(si, window)
                hints[window] += 1
        self.article_window = hints.most_common(1)[0][0] if hints else default_window(published)
        self.rumour_cue_sentences: set[int] = set()
        # (player, sentence, contract fact type, cue span) of talks and offers about a new contract.
        self.renewals: list[tuple[int, int, str, int, int]] = []  # + folded span of the cue
        # Permanent moves the article reports as done: player -> (sentence, new club). Later contract facts
        # about him are about his new club.
        self.moves: dict[int, tuple[int, int]] = {}

    @cached_property
    def sentences(self) -> list[Sentence]:
        """The sentences as `split_sentences` gives them, built when first asked for: most articles need only
        their spans."""
        return sentences_from(self.text, self.sentence_starts, self.sentence_ends, self._paragraphs)

    def trigger_list(self, gated: Gated) -> list[int]:
        """Where a match of `gated` could start (a superset of its matches' starts)."""
        return self._triggers[gated.index]

    def find(self, gated: Gated) -> list[re.Match[str]]:
        """Every match of a gated pattern in the folded text, as `finditer` would give them."""
        got = self._found.get(gated.index)
        if got is None:
            got = self._found[gated.index] = list(gated.finditer(self.ftext, self._triggers[gated.index]))
        return got

    # ---- geometry -----------------------------------------------------------------------------------------
    def sentence_of(self, fpos: int) -> int | None:
        i = bisect_right(self.sfs, fpos) - 1
        return i if i >= 0 and fpos < self.sfe[i] else None

    def clauses(self, si: int) -> list[tuple[int, int]]:
        got = self._clauses.get(si)
        if got is None:
            got, last = [], self.sfs[si]
            for a, _ in clause_cuts(self.ftext, self._triggers[CLAUSE.index], last, self.sfe[si]):
                got.append((last, a))
                last = a + 1
            got.append((last, self.sfe[si]))
            self._clauses[si] = got
        return got

    def clause_of(self, si: int, fpos: int) -> tuple[int, int]:
        for c in self.clauses(si):
            if c[0] <= fpos < c[1]:
                return c
        return self.sfs[si], self.sfe[si]

    def original_text(self, fs: int, fe: int) -> str:
        s, e = self.folded.span(fs, fe)
        return self.text[s:e]

    def evidence(self, si: int) -> tuple[str, int, int]:
        start, end = self.sentence_starts[si], self.sentence_ends[si]
        return self.text[start:end], start, end

    def window_hint(self, si: int) -> str | None:
        return self._windows.get(si)

    def outlets(self, si: int) -> list[str]:
        got = self._outlets.get(si)
        if got is None and not self._cites(si):
            got = self._outlets[si] = []  # no citing word in the sentence: nothing can be cited
        if got is None:
            s_start = self.sentence_starts[si]
            base_f = self.sfs[si]

            def is_entity(start: int, end: int) -> bool:
                fs = self.folded.fpos(s_start + start)
                fe = self.folded.fpos(s_start + end)
                return self._entity_overlaps(fs, fe, base_f, self.sfe[si] + 1)

            def outlet(start: int, end: int) -> str:
                fs = self.folded.fpos(s_start + start)
                fe = self.folded.fpos(s_start + end)
                for a, b, oid in self.outlet_mentions:
                    if a < fe and fs < b:
                        return self.gaz.outlet(oid)
                return ""

            got = cited_outlets(self.text[s_start : self.sentence_ends[si]], is_entity, outlet)
            self._outlets[si] = got
        return got

    def _cites(self, si: int) -> bool:
        """A match of CITING starts in sentence `si`: only the pattern's trigger positions inside the sentence
        are tried (its matches are single words, so none reaches in from an earlier sentence)."""
        positions = self._triggers[CITING.index]
        match, ftext = CITING.pattern.match, self.ftext
        for k in range(bisect_left(positions, self.sfs[si]), bisect_left(positions, self.sfe[si])):
            if match(ftext, positions[k]):
                return True
        return False

    # ---- people the gazetteer does not know
    # -----------------------------------------------------------------
    def unknown_names(
        self, si: int, upto_f: int | None = None, ignore_speakers: bool = False, after_f: int = -1
    ):
        """Person-like names the gazetteer does not know in sentence `si` (before `upto_f`, after `after_f`):
        two or more capitalised words ("Alan Shearer"), or one before a verb or possessive ("Parry said")."""
        s_start, s_end = self.sentence_starts[si], self.sentence_ends[si]
        end = s_end if upto_f is None else min(s_end, self.folded.orig(max(upto_f - 1, 0)) + 1)
        begin = s_start if after_f < 0 else max(s_start, self.folded.orig(after_f))
        names = []
        for m in _CAP_SEQ.finditer(self.text, begin, end):
            tokens = m.group().split()
            offset = m.start()
            while tokens and tokens[0].rstrip("'\u2019") in NOT_NAMES:
                offset += len(tokens[0]) + 1
                tokens.pop(0)
            if not tokens or any(t.rstrip("'\u2019") in NOT_NAMES for t in tokens):
                continue
            if self._in_entity(self.folded.fpos(offset)):
                continue
            speaker = SPEECH_AFTER.match(self.text, m.end()) or _SPEECH_BEFORE.search(
                self.text, max(0, offset - 12), offset
            )
            if ignore_speakers and speaker:
                continue
            if len(tokens) == 1 and not (speaker or _VERB_AFTER.match(self.text, m.end())):
                continue
            names.append(" ".join(tokens))
        return names

    def _starts(self) -> list[int]:
        """Where each known mention's span starts, in start order (listed when first asked for)."""
        if not self._span_starts and self._entity_spans:
            self._span_starts = list(map(itemgetter(0), self._entity_spans))  # mapped in C, as `_START` above
        return self._span_starts

    def _index_spans(self) -> None:
        # The spans are in start order: the furthest end among those starting at or before `f` says whether
        # one holds `f`. A plain loop: `accumulate(..., max)` costs a slow call of the builtin per span.
        reach, furthest = [], -1
        for _, end in self._entity_spans:
            if end > furthest:
                furthest = end
            reach.append(furthest)
        self._span_reach = reach

    def _in_entity(self, f: int) -> bool:
        """Some known mention's span holds folded offset `f`."""
        if self._span_reach is None:
            self._index_spans()
        k = bisect_right(self._starts(), f) - 1
        return k >= 0 and self._span_reach[k] > f

    def _entity_overlaps(self, fs: int, fe: int, lo: int, hi: int) -> bool:
        """Some known mention starting in folded [lo, hi) overlaps folded [fs, fe); only the mentions that
        start there are looked at, found by bisection (no running furthest end needed)."""
        starts, spans = self._starts(), self._entity_spans
        k, end = bisect_left(starts, lo), min(hi, fe)
        while k < len(starts) and starts[k] < end:
            if fs < spans[k][1]:
                return True
            k += 1
        return False

    def unknown_subject(self, si: int, clause: tuple[int, int], cs: int) -> bool:
        """A person the gazetteer does not know (and whose club we did not learn) acts in this clause."""
        for m in self.by_sentence[si]:
            if clause[0] <= m.fs < cs and m.kind == "person" and m.club is None:
                return True
        before = self.unknown_names(si, cs)
        return (
            bool(before)
            and self.folded.fpos(self.text.find(before[-1], self.sentence_starts[si])) >= clause[0]
        )

    def _learn_people(self) -> dict[str, int]:
        if self.folded.identity:  # ASCII text: folded offsets are the original ones, no mapping per club
            clubs = [(m.fs, m.fe, m.entity, m.fs) for m in self.mentions if m.kind == "club"]
        else:
            clubs = []
            for m in self.mentions:
                if m.kind == "club":
                    s, e = self.folded.span(m.fs, m.fe)
                    clubs.append((s, e, m.entity, m.fs))
        learned = learn_people(self.text, self.ftext, clubs)
        if not learned:
            return learned
        taken = [(m.fs, m.fe) for m in self.mentions]
        pattern = re.compile(
            r"\b(?:" + "|".join(re.escape(n) for n in sorted(learned, key=len, reverse=True)) + r")\b"
        )
        for m in pattern.finditer(self.text):
            fs, fe = self.folded.fpos(m.start()), self.folded.fpos(m.end())
            if any(a < fe and fs < b for a, b in taken):
                continue
            mention = Mention(fs, fe, (), "name", kind="person", club=learned[m.group()], reference="local")
            mention.possessive = self.ftext.startswith("'s", fe)
            self.mentions.append(mention)
            taken.append((fs, fe))
        return learned

    def mentions_in(self, si: int) -> list[Mention]:
        lo, hi = self.sfs[si], self.sfe[si]
        return [m for m in self.mentions if lo <= m.fs < hi]


def extract(text: str, *, published: date, gazetteer: Gazetteer, title: str = "") -> Extraction:
    """Facts from one article. Never raises on odd text; evidence spans always point into `text`."""
    text = text[:MAX_TEXT]
    doc = Doc(text, published, gazetteer, title=title[:1000])
    rumours = extract_rumours(doc)
    injuries = extract_injuries(doc)
    contracts, person_contracts = extract_contracts(doc)
    mentions = []
    span = None if doc.folded.identity else doc.folded.span  # identity: folded offsets are original ones
    for m in doc.mentions:
        if m.entity is None:
            continue
        s, e = (m.fs, m.fe) if span is None else span(m.fs, m.fe)
        mentions.append(entity_mention(m.kind, m.entity, s, e, text[s:e], m.via))
    return Extraction(
        mentions=mentions,
        rumours=rumours,
        injuries=injuries,
        contracts=contracts,
        candidates=extract_candidates(doc),
        person_contracts=person_contracts,
    )
