"""Running the big cue patterns only where they can start.

A pattern with a hundred alternatives, scanned with `finditer`, is tried at every word of an article. Instead,
each pattern's possible literal beginnings ("linked", "has ", "£", "the ") are read off its parse tree once,
one Aho-Corasick automaton over all of them finds every place an article could start a match (one C pass), and
the compiled pattern is `match`ed at those places only. The matches are exactly those of `finditer`: every
match starts with one of its pattern's prefixes, positions are tried in order, and overlapping ones skipped.

The automaton is the gazetteer's name automaton (see TriggerKeys): both read the article word-aligned and
backwards, so one pass finds names and trigger places together. Places are then a superset of those the exact
beginnings give ("was " also stands for "was,"), which costs a failing `match` now and then, never a match.

An alternation of many cues (`GatedAlternation`) goes further: the automaton says which of its alternatives
can start at a place, and only those are tried there, so a failing place costs one or two alternatives
instead of sixty.
"""

from __future__ import annotations

import itertools
import re
import threading
from collections.abc import Iterator
from typing import NamedTuple

import ahocorasick

from .normalise import padded_backwards, word_aligned

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

# Longer prefixes add automaton size; 8 tells "reporter" from "reported", "the open" from "the offer".
_MAXLEN = 8
_SMALL = 8  # a class this small is expanded even after literal text
_WIDE = 40  # a character class with more members than this is not expanded
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_NEEDED = 5  # shorter words needed further on ("to", " of ") are in nearly every article: not worth a look


class Unbounded(ValueError):
    """A pattern that can start with any character: it cannot be gated."""


def _class_chars(items) -> list[str] | None:
    """The characters of a class, or None when it is too wide (\\w, a negation, a long range)."""
    chars: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            chars.append(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < _WIDE:
            chars.extend(chr(x) for x in range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            chars.extend("0123456789")
        elif op is _c.CATEGORY and av is _c.CATEGORY_SPACE:
            chars.append(" ")  # folded text has only plain spaces
        else:
            return None
    return chars if len(chars) <= _WIDE else None


def _first(seq: list, k: int, prefix: str, out: set[str]) -> None:
    """Add to `out` every literal beginning (up to _MAXLEN characters) a match of seq[k:] can have."""
    while True:
        if len(prefix) >= _MAXLEN or k == len(seq):
            out.add(prefix)
            return
        op, av = seq[k]
        if op is _c.LITERAL:
            prefix += chr(av)
            k += 1
        elif op in _ZERO_WIDTH:
            k += 1
        elif op is _c.SUBPATTERN:
            seq, k = list(av[-1]) + seq[k + 1 :], 0
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            seq, k = list(av) + seq[k + 1 :], 0
        elif op is _c.BRANCH:
            for branch in av[1]:
                _first(list(branch) + seq[k + 1 :], 0, prefix, out)
            return
        elif op in _REPEATS:
            low, high, sub = av
            if low == 0:
                _first(seq, k + 1, prefix, out)
            if high == 1:  # "x?": once, then the rest
                _first(list(sub) + seq[k + 1 :], 0, prefix, out)
            elif high != 0:
                _first(list(sub), 0, prefix, out)  # stops at the end of one repetition: still a prefix
            return
        elif op is _c.IN:
            chars = _class_chars(av)
            if chars is None or (prefix and len(chars) > _SMALL):
                out.add(prefix)  # a wide class after some literal text: that text is prefix enough
                return
            for ch in chars:
                _first(seq, k + 1, prefix + ch, out)
            return
        elif op is _c.CATEGORY and av is _c.CATEGORY_SPACE:
            prefix += " "
            k += 1
        else:
            out.add(prefix)
            return


def literal_prefixes(pattern: re.Pattern[str]) -> set[str]:
    return _prefixes(list(_sre_parse.parse(pattern.pattern, pattern.flags)), pattern.pattern)


def _prefixes(seq: list, source: str) -> set[str]:
    out: set[str] = set()
    _first(seq, 0, "", out)
    if "" in out:
        raise Unbounded(source[:80])
    # A prefix that extends another adds nothing: keep the shortest.
    return {p for p in out if not any(q != p and p.startswith(q) for q in out)}


def _forms(body: str) -> list[list]:
    """The top-level alternatives of a regex ("a|b|c"), as parse-tree sequences."""
    tree = list(_sre_parse.parse(body))
    if len(tree) == 1 and tree[0][0] is _c.BRANCH:
        return [list(form) for form in tree[0][1][1]]
    return [tree]


def _needed_text(seq: list) -> str:
    """The longest run of plain characters every match of `seq` holds past its literal beginning (which
    the automaton has seen already), or "" when there is none worth looking up (under _NEEDED)."""
    k = 0
    while k < len(seq) and (seq[k][0] is _c.LITERAL or seq[k][0] in _ZERO_WIDTH):
        k += 1
    best = run = ""
    for op, av in seq[k:]:
        if op is _c.LITERAL:
            run += chr(av)
            continue
        best, run = max(best, run, key=len), ""
    best = max(best, run, key=len)
    return best if len(best) >= _NEEDED else ""


def finditer_near(
    pattern: re.Pattern[str],
    text: str,
    positions: list[int],
    needed: list[int],
    reach: int,
    always: re.Pattern[str],
) -> Iterator[re.Match[str]]:
    """Like `finditer` trying only `positions` (sorted), for a pattern whose every match either starts with
    `always` or holds one of the positions in `needed` (sorted) within `reach` characters of its start: no
    other position is tried."""
    match = pattern.match
    last = -1
    k, n = 0, len(needed)
    for pos in positions:
        if pos < last:
            continue
        while k < n and needed[k] < pos:
            k += 1
        if not (k < n and needed[k] < pos + reach) and not always.match(text, pos):
            continue
        m = match(text, pos)
        if m is not None:
            last = m.end() if m.end() > pos else pos + 1
            yield m


class Gated:
    """A compiled pattern with the literal beginnings of its matches."""

    def __init__(self, pattern: re.Pattern[str], word_start: bool = True) -> None:
        """`word_start`: every match that begins with a word character begins a word (the pattern starts
        with \\b or an equivalent guard), so such prefixes inside a word need not be tried."""
        self.pattern = pattern
        self.word_start = word_start
        self.prefixes = literal_prefixes(pattern)
        self.index = _register(self)

    def finditer_near(
        self, text: str, positions: list[int], needed: list[int], reach: int, always: re.Pattern[str]
    ) -> Iterator[re.Match[str]]:
        return finditer_near(self.pattern, text, positions, needed, reach, always)

    def finditer(self, text: str, positions: list[int]) -> Iterator[re.Match[str]]:
        """The matches `pattern.finditer(text)` gives, trying only `positions` (sorted)."""
        match = self.pattern.match
        last = -1
        for pos in positions:
            if pos < last:
                continue
            m = match(text, pos)
            if m is not None:
                last = m.end() if m.end() > pos else pos + 1
                yield m


def _useful_prefixes(forms: list[tuple[set[str], str]]) -> set[str]:
    """The prefixes of an alternative's forms, less those extending a prefix of a form that needs nothing
    more (that shorter one already opens the alternative wherever the longer would)."""
    every = set().union(*(prefixes for prefixes, _ in forms))
    opening = set().union(*(prefixes for prefixes, needed in forms if not needed))
    return {p for p in every if not any(q != p and p.startswith(q) for q in opening)}


def _gate_table(keys, forms) -> dict[str, tuple[int, tuple[tuple[int, tuple[str, ...]], ...]]]:
    """Per key: (a bit for each alternative of `forms` some prefix of which the key starts with
    unconditionally, and (bit, words) for those it opens only where the article holds one of the words).
    `forms` holds, per alternative, (prefixes, needed word or "") pairs."""
    gates = {}
    for key in keys:
        mask, conditional = 0, []
        for j, alt in enumerate(forms):
            needs = {needed for prefixes, needed in alt if any(key.startswith(p) for p in prefixes)}
            if "" in needs:
                mask |= 1 << j
            elif needs:
                conditional.append((1 << j, tuple(sorted(needs))))
        gates[key] = (mask, tuple(conditional))
    return gates


class GatedAlternation(Gated):
    """`guard(?:(?P<name>body)|...)`: a gated pattern whose named alternatives are told apart by their own
    prefixes. At a place only the alternatives that can start there are tried, in their order and under
    their names, which gives the same match as the whole pattern: alternatives that cannot start at a place
    fail there, and the first one that matches wins either way.

    An alternative is itself an alternation of forms ("has signed|loaned out to|... on loan from"). A form
    that starts with a common word but needs a rarer one further on ("was ... on loan from" needs "loan ")
    opens its alternative at "was " only in an article that holds that word."""

    def __init__(self, guard: str, branches: dict[str, str], word_start: bool = True) -> None:
        self.guard = guard
        self.branches = branches
        guard_seq = list(_sre_parse.parse(guard))
        # Per alternative, its forms as (prefixes, text every match of the form holds beyond them or "").
        self.forms: list[list[tuple[set[str], str]]] = []
        for body in branches.values():
            forms = []
            for form in _forms(body):
                prefixes = _prefixes(guard_seq + form, body)
                forms.append((prefixes, _needed_text(form)))
            self.forms.append(forms)
        self.branch_prefixes = [_useful_prefixes(forms) for forms in self.forms]
        self._subpatterns: dict[int, re.Pattern[str]] = {}
        super().__init__(re.compile(self._source(range(len(branches)))), word_start)
        # Compiled now rather than at the first article that needs one (a few dozen small patterns).
        for mask, conditional in [*self.key_gates().values(), *self.aligned_gates().values()]:
            bits = [bit for bit, _ in conditional]
            for r in range(len(bits) + 1):
                for chosen in itertools.combinations(bits, r):
                    if mask | sum(chosen):
                        self.subpattern(mask | sum(chosen))

    def _source(self, chosen) -> str:
        names = list(self.branches)
        body = "|".join(f"(?P<{names[j]}>{self.branches[names[j]]})" for j in chosen)
        return f"{self.guard}(?:{body})"

    def key_gates(self) -> dict[str, tuple[int, tuple[tuple[int, tuple[str, ...]], ...]]]:
        """Every prefix of a form -> (the alternatives, a bit each, a place starting with it may match, and
        (bit, words) for alternatives it opens only where the article holds one of the words). Counted are
        the forms with a prefix that this one extends, so the longest prefix found at a place says it all."""
        return _gate_table(set().union(*self.branch_prefixes), self.forms)

    def aligned_gates(self) -> dict[str, tuple[int, tuple[tuple[int, tuple[str, ...]], ...]]]:
        """`key_gates` for the word-aligned keys (see TriggerKeys): a key found at a place stands for every
        beginning whose word-aligned form it starts with. Several beginnings may share one form ("'s " and
        "-s "), and a form may extend another's where the beginnings did not: the gates are wider, never
        narrower, so every cue that can start at a place is still tried."""
        forms = [
            [({word_aligned(p) for p in prefixes}, needed) for prefixes, needed in alt] for alt in self.forms
        ]
        return _gate_table({word_aligned(p) for prefixes in self.branch_prefixes for p in prefixes}, forms)

    def subpattern(self, mask: int) -> re.Pattern[str]:
        """The alternatives in `mask` alone, compiled once per process."""
        got = self._subpatterns.get(mask)
        if got is None:
            chosen = [j for j in range(len(self.branches)) if mask >> j & 1]
            got = self._subpatterns[mask] = re.compile(self._source(chosen))
        return got

    def finditer(self, text: str, positions: dict) -> Iterator[re.Match[str]]:  # type: ignore[override]
        """The matches `pattern.finditer(text)` gives, trying at each place in `positions` (place -> gate,
        as `trigger_positions` gives it) only the alternatives that can start there."""
        subpatterns = self._subpatterns
        present: dict[str, bool] = {}  # whether the text holds a word some form needs, looked up once
        last = -1
        for pos in sorted(positions):  # sorting the places alone is cheaper than sorting (place, gate) pairs
            if pos < last:
                continue
            mask, conditional = positions[pos]
            for bit, words in conditional:
                for word in words:
                    found = present.get(word)
                    if found is None:
                        found = present[word] = word in text
                    if found:
                        mask |= bit
                        break
            if not mask:
                continue
            pattern = subpatterns.get(mask) or self.subpattern(mask)
            m = pattern.match(text, pos)
            if m is not None:
                last = m.end() if m.end() > pos else pos + 1
                yield m


_lock = threading.Lock()
_registry: list[Gated] = []
_automaton: ahocorasick.Automaton | None = None
_plain_ids: list[int] = []  # the registered patterns that are not a GatedAlternation
_table: TriggerKeys | None = None


def _register(gated: Gated) -> int:
    global _automaton, _table
    with _lock:
        _registry.append(gated)
        _automaton = _table = None
        return len(_registry) - 1


def registry_stamp() -> int:
    """Changes whenever a pattern is registered (patterns are only ever added)."""
    return len(_registry)


class TriggerKeys(NamedTuple):
    """Every registered pattern's beginnings as the name scan reads text (gazetteer.padded_backwards: word
    aligned, every character but letters and digits a space), so that one automaton pass finds names and
    trigger places alike. A key of a `word_start` pattern that starts with a letter or digit gets a space in
    front: it is found only at the start of a word, with no check in Python. Keys are spelt forwards here.

    `keys`: key -> actions, each (pattern id, gate, lead): the place is `lead` characters after the key's
    start (1 for the space in front), the gate None for a plain pattern. `exact`: the beginnings that hold
    no letter or digit (", ", "£"), whose word-aligned form is only spaces: found in the folded text instead,
    shortest first, as (key, its first character that is not a space, where that is in the key, ((pattern
    id, gate), ...)). Looking for that one character is a C-speed memchr; a key that ends with a space
    would make `str.find` stop at every space of the text."""

    stamp: int
    keys: dict[str, tuple[tuple[int, tuple | None, int], ...]]
    exact: list[tuple[str, str, int, tuple[tuple[int, tuple | None], ...]]]


def trigger_keys() -> TriggerKeys:
    global _table
    table = _table
    if table is None:
        with _lock:
            if _table is None:
                _table = _trigger_keys()
            table = _table
    return table


def _trigger_keys() -> TriggerKeys:
    global _plain_ids
    _plain_ids = [g.index for g in _registry if not isinstance(g, GatedAlternation)]
    keys: dict[str, dict[tuple[int, int], tuple | None]] = {}
    exact: dict[str, dict[int, tuple | None]] = {}
    for g in _registry:
        if isinstance(g, GatedAlternation):
            aligned, original = g.aligned_gates(), g.key_gates()
        else:
            aligned = dict.fromkeys({word_aligned(p) for p in g.prefixes})
            original = dict.fromkeys(g.prefixes)
        for key, gate in aligned.items():
            if key.isspace():
                continue
            lead = 1 if g.word_start and key[0] != " " else 0
            keys.setdefault(" " * lead + key, {})[(g.index, lead)] = gate
        for key, gate in original.items():
            if word_aligned(key).isspace():
                exact.setdefault(key, {})[g.index] = gate
    return TriggerKeys(
        registry_stamp(),
        {key: tuple((i, gate, lead) for (i, lead), gate in found.items()) for key, found in keys.items()},
        [
            (key, key.lstrip()[0], len(key) - len(key.lstrip()), tuple(found.items()))
            for key, found in sorted(exact.items(), key=lambda e: (len(e[0]), e[0]))
        ],
    )


def trigger_places(
    text: str,
    hits: list[tuple[int, int]],
    actions: list[tuple],
    exact: list[tuple[str, str, int, tuple]],
    names: int = 0,
    name_hits: list[tuple[int, int]] | None = None,
) -> list[list[int] | dict[int, tuple]]:
    """For every registered pattern, the sorted places in `text` (folded) where one of its beginnings starts
    (a word beginning only at the start of a word); for a `GatedAlternation`, those places mapped to the gate
    of the alternatives that may start there (see `aligned_gates`). `hits`: an automaton pass over
    `padded_backwards(text)` whose value `v` stands for the key actions[v] (empty for a name key); `exact`:
    as in TriggerKeys. The hits whose value is below `names` (the name keys of a gazetteer's automaton) are
    put in `name_hits`, in the order the automaton gave them, so that the name scan need not pass over the
    rest.

    Where several beginnings of one pattern start at a place, the longest one's gate holds the others': so
    the `exact` keys go first (any key the automaton finds at their place is longer), and the hits are read
    backwards, where at each place the shorter come first, each overwriting the one before."""
    found: list = [{} for _ in _registry]
    for key, anchor, offset, pairs in exact:
        at = text.find(anchor, offset)
        while at >= 0:
            if text.startswith(key, at - offset):
                for i, gate in pairs:
                    found[i][at - offset] = gate
            at = text.find(anchor, at + 1)
    n = len(text)
    keep = (name_hits if name_hits is not None else []).append
    for hit in reversed(hits):
        end, v = hit
        if v < names:
            keep(hit)
        if actions[v]:
            at = n - end  # the backwards text is the padded text: its end is the key's start, less 1
            for i, gate, lead in actions[v]:
                found[i][at + lead] = gate
    if name_hits is not None:
        name_hits.reverse()
    for i in _plain_ids:
        found[i] = sorted(found[i])
    return found


def _build() -> tuple[ahocorasick.Automaton, list[tuple]]:
    table = trigger_keys()
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    actions = []
    for key in sorted(table.keys, key=_insertion_order):
        automaton.add_word(key[::-1], len(actions))
        actions.append(table.keys[key])
    automaton.make_automaton()
    return automaton, actions


# Characters of folded prose, most frequent first. A trie node's children are searched in the order they
# were added, so adding the keys in this order makes the automaton find the common next character sooner.
_FREQUENT = " etaoinsrhldcumfgpwybvk.,'-1029384756jxqz"
_RANK = {ch: i for i, ch in enumerate(_FREQUENT)}


def _insertion_order(key: str) -> list[int]:
    return [_RANK.get(ch, len(_RANK) + ord(ch)) for ch in key[::-1]]


def trigger_positions(text: str) -> list[list[int] | dict[int, tuple]]:
    """`trigger_places` of `text` from a pass of the trigger keys alone (the name scan finds them with the
    names in one pass, see pipeline.Doc)."""
    global _automaton
    built = _automaton
    if built is None:
        with _lock:
            if _automaton is None:
                _automaton = _build()
            built = _automaton
    automaton, actions = built
    return trigger_places(text, list(automaton.iter(padded_backwards(text))), actions, trigger_keys().exact)
