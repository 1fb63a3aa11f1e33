"""Sentence splitting for news text: abbreviations, quotes, headlines and paragraphs broken mid-sentence."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import partial
from itertools import accumulate
from typing import NamedTuple

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "v", "no", "nos", "prof", "gen", "capt", "sgt", "lt",
    "col", "etc", "eg", "ie", "approx", "inc", "ltd", "co", "utd", "fc", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "pts", "min", "mins", "cf", "al",
    "sen", "rep",
}  # fmt: skip
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_TERMINAL = set(".!?\u2026:;\"'\u201d\u2019)")
_QUOTE_MARKS = '"\u201c\u201d'
_OPEN_QUOTES = {"\u201c": 1, "\u201d": -1}


_CLOSERS = "\"'\u201d\u2019)\\]"
# Every terminal mark (".!?…") reads as "." in the copy of the text that `_END` runs over: the pattern then
# starts with a literal, which the regex engine finds with a fast scan instead of testing a class at every
# character. A match is a run of terminal marks and closing quotes or brackets, then the gap to the next
# sentence: group 1 when the gap has no line break and the next character is ASCII and not a lower-case
# letter (a sentence start for certain: the common case), else group 2 (checked by hand).
_END = re.compile(rf"\.\.*[{_CLOSERS}]*(?:([^\S\n]+)(?=[!-`{{-~])|(\s+))")
_LINE_BREAK = re.compile(r"\n\s*")


def _maybe_abbreviation() -> re.Pattern[str]:
    """Periods that `_is_abbreviation` could accept (a superset), as lookbehinds: the ASCII letters before the
    dot are one letter or a listed abbreviation, or another dot or a line break is among the six characters
    before it. Most periods end a plain word and fail all of them, so `_is_abbreviation` runs only on the
    few that pass."""
    by_length: dict[int, list[str]] = {}
    for word in sorted(_ABBREVIATIONS):
        by_length.setdefault(len(word), []).append(word)
    words = [r"(?<=(?<![A-Za-z])[A-Za-z]\.)"]
    words += [
        rf"(?<=(?<![A-Za-z])(?i:{'|'.join(group)})\.)" for n, group in sorted(by_length.items()) if n > 1
    ]
    # Another dot among the six characters before, or fewer than six of them; or a line break there (wider
    # than needed: `_WORD_BEFORE`'s "$" also matches before a final line break, so the word may end before a
    # "\n" just before the dot). One lookbehind for all of these.
    dots = [r"(?<![^.\n]{6}\.)"]
    return re.compile(rf"\.(?:{'|'.join(words + dots)})")


_MAYBE_ABBREVIATION = _maybe_abbreviation()


class Sentence(NamedTuple):
    index: int
    start: int
    end: int
    paragraph: int
    in_quote: bool  # starts inside a quotation: someone's words, not the writer's


_new_sentence = partial(tuple.__new__, Sentence)


def _is_abbreviation(text: str, dot: int) -> bool:
    space = text.rfind(" ", max(0, dot - 13), dot)
    word = text[space + 1 : dot]
    if not (space >= 0 and word.isascii() and word.isalpha()):
        # Not the common "... word." after a space within reach: the regex decides what the word is.
        m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
        if not m:
            return False
        word = m.group(1)
    if len(word) == 1 and word.isupper():  # an initial: "A. Smith"
        return True
    if "." in word and len(word) <= 6:  # "U.S", "e.g"
        return True
    return word.lower() in _ABBREVIATIONS


def _quote_marks(text: str) -> list[tuple[int, str]]:
    """(offset, mark) of every quote mark, in order: `str.find` runs, faster than a regex over the text."""
    marks: list[tuple[int, str]] = []
    for mark in _QUOTE_MARKS:
        i = text.find(mark)
        while i >= 0:
            marks.append((i, mark))
            i = text.find(mark, i + 1)
    marks.sort()
    return marks


def _terminal_marks_as_dots(text: str) -> str:
    """`text` with "!", "?" and "…" written as "." (same offsets): the copy `_END` scans."""
    for mark in "!?\u2026":
        if mark in text:
            text = text.replace(mark, ".")
    return text


def _cuts(text: str, end: int) -> list[tuple[int, int, int]]:
    """(start of the next sentence, end of this one, paragraph breaks) at every sentence boundary before
    `end` (the text without its trailing whitespace), in text order.

    A boundary is terminal punctuation before whitespace, or a run of whitespace with a line break in it;
    the next sentence starts after the whitespace. Terminal punctuation does not end a sentence before a
    lower-case word or after an abbreviation, unless a line break follows it; a line that does not end in
    punctuation is a headline unless the text goes on in lower case (a paragraph broken mid-sentence).
    Punctuation followed by a line break can count two paragraph breaks, one for each reason."""
    cuts: list[tuple[int, int, int]] = []
    maybe_abbreviation = {m.start() for m in _MAYBE_ABBREVIATION.finditer(text, 0, end)}
    broken: set[int] = set()  # sentence starts after terminal punctuation and a line break
    covered = 0  # where the last of those line breaks ends: line breaks before it need no second look
    unbroken_line_break = False  # a line break after `covered` and before the next boundary
    for m in _END.finditer(_terminal_marks_as_dots(text), 0, end):
        stop, nxt = m.span(1)
        if stop < 0:
            stop, nxt = m.span(2)
            line_break = text.find("\n", stop, nxt)
            if line_break >= 0:
                unbroken_line_break = unbroken_line_break or text.find("\n", covered, stop) >= 0
                covered = nxt
                # Always a boundary; the line break is a second one here unless it fails the line rule
                # (tested cheapest first: the next sentence opens with a capital).
                cuts.append(
                    (nxt, stop, 1 + (not text[nxt].islower() or _line_break_is_cut(text, line_break, nxt)))
                )
                broken.add(nxt)
                continue
            if text[nxt].islower():
                continue
        if maybe_abbreviation and m.start() in maybe_abbreviation and _is_abbreviation(text, m.start()):
            continue
        cuts.append((nxt, stop, 0))
    # Line breaks after terminal punctuation were handled above; the others (if any) are looked at here.
    if unbroken_line_break or text.find("\n", covered, end) >= 0:
        for m in _LINE_BREAK.finditer(text, 0, end):
            nxt = m.end()
            if nxt not in broken and _line_break_is_cut(text, m.start(), nxt):
                stop = m.start()
                while stop > 0 and text[stop - 1].isspace():
                    stop -= 1
                cuts.append((nxt, stop, 1))
        cuts.sort()
    return cuts


def _line_break_is_cut(text: str, line_break: int, nxt: int) -> bool:
    """A line break ends a sentence unless the line does not end in punctuation and the text goes on in lower
    case at `nxt` (a paragraph broken mid-sentence)."""
    before = line_break - 1
    while before >= 0 and text[before] in " \t":
        before -= 1
    return before < 0 or text[before] in _TERMINAL or not text[nxt].islower()


def _quoted(text: str, starts: list[int]) -> list[bool]:
    """Whether each offset in `starts` is inside a quotation (curly-quote depth, or straight-quote parity)."""
    if not ('"' in text or "\u201c" in text or "\u201d" in text):
        return [False] * len(starts)
    offsets: list[int] = []
    inside = [False]  # the state after each mark
    depth = straight = 0
    for offset, mark in _quote_marks(text):
        if mark == '"':
            straight ^= 1
        else:
            depth = max(0, depth + _OPEN_QUOTES[mark])
        offsets.append(offset)
        inside.append(bool(depth or straight))
    # The state after the marks before each start, found by bisection in C (a map, not a Python loop).
    return list(map(inside.__getitem__, map(partial(bisect_left, offsets), starts)))


def sentence_spans(text: str) -> tuple[list[int], list[int], list[int]]:
    """The start, end and paragraph of every sentence of `text`, as three columns (what `split_sentences`
    gives, without building a `Sentence` each or finding which are quoted)."""
    end = len(text.rstrip())
    cuts = _cuts(text, end)
    nxts, stops, breaks = zip(*cuts, strict=True) if cuts else ((), (), ())  # columns, built in C
    starts = [len(text) - len(text.lstrip()), *nxts]
    stops = [*stops, end]
    paragraphs = list(accumulate(breaks, initial=0))
    if stops[0] <= starts[0]:  # the text opens with a boundary (or is blank): no first sentence
        del starts[0], stops[0], paragraphs[0]
    return starts, stops, paragraphs


def sentences_from(text: str, starts: list[int], ends: list[int], paragraphs: list[int]) -> list[Sentence]:
    """The `Sentence`s of `text` from the columns `sentence_spans` gives."""
    # tuple.__new__: the named tuple without its Python-level constructor, one C call per sentence
    return list(
        map(
            _new_sentence,
            zip(range(len(starts)), starts, ends, paragraphs, _quoted(text, starts), strict=True),
        )
    )


def split_sentences(text: str) -> list[Sentence]:
    return sentences_from(text, *sentence_spans(text))
