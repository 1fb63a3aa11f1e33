"""Sentence splitting for news text: abbreviations, quotes, headlines and paragraphs broken mid-sentence."""

from __future__ import annotations

import re
from typing import NamedTuple

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "v", "no", "nos", "prof", "gen", "capt", "sgt", "lt",
    "col", "etc", "eg", "ie", "approx", "inc", "ltd", "co", "utd", "fc", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "pts", "min", "mins", "cf", "al",
    "sen", "rep",
}  # fmt: skip
# Terminal punctuation (with closing quotes and brackets) before whitespace, or a line break. Written to
# start with one character class so that the regex engine skips ahead to candidates in C.
_BOUNDARY = re.compile(r"[\n.!?\u2026](?:(?<=\n)\s*|(?<=[.!?\u2026])[.!?\u2026]*[\"'\u201d\u2019)\]]*(?=\s))")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_TERMINAL = set(".!?\u2026:;\"'\u201d\u2019)")
_QUOTE_MARKS = '"\u201c\u201d'
_SPACE_RUN = re.compile(r"\s*")  # \s is str.isspace: the whitespace after a boundary, in one C call
_OPEN_QUOTES = {"\u201c": 1, "\u201d": -1}


class Sentence(NamedTuple):
    index: int
    start: int
    end: int
    paragraph: int
    in_quote: bool  # starts inside a quotation: someone's words, not the writer's


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


def split_sentences(text: str) -> list[Sentence]:
    cuts: list[tuple[int, bool]] = []  # (offset after the boundary, starts a new paragraph)
    n = len(text)
    space_run = _SPACE_RUN.match
    for m in _BOUNDARY.finditer(text):
        token = m.group(0)
        end = m.end()
        if text.startswith(" ", end) and not text[end + 1 : end + 2].isspace():
            nxt = end + 1  # the common case: one space (or a space ending the text), then the next sentence
        else:
            nxt = space_run(text, end).end()
        if nxt >= n:
            continue
        following = text[nxt]
        if token[0] == "\n" or token[0].isspace():
            before = m.start() - 1
            while before >= 0 and text[before] in " \t":
                before -= 1
            # A line that does not end a sentence is a headline, unless the text goes on in lower case
            # (a paragraph broken mid-sentence).
            if before >= 0 and text[before] not in _TERMINAL and following.islower():
                continue
            cuts.append((nxt, "\n\n" in token or token.count("\n") >= 1))
            continue
        broken = text.find("\n", end, nxt) >= 0
        if not broken and (following.islower() or (token[0] == "." and _is_abbreviation(text, m.start()))):
            continue
        cuts.append((nxt, broken))
    sentences: list[Sentence] = []
    start = 0
    paragraph = 0
    depth = 0  # curly-quote depth, or straight-quote parity
    straight = 0
    # Every quote mark, found once; walked in step with the sentence starts.
    quotes = _quote_marks(text)
    qi, nq = 0, len(quotes)
    isspace = str.isspace
    new = tuple.__new__
    for cut, new_paragraph in [*cuts, (n, False)]:
        s, e = start, cut
        while s < e and isspace(text[s]):
            s += 1
        while e > s and isspace(text[e - 1]):
            e -= 1
        if e > s:
            # Quote state at the sentence start, counted incrementally.
            while qi < nq and quotes[qi][0] < s:
                ch = quotes[qi][1]
                if ch == '"':
                    straight ^= 1
                else:
                    depth = max(0, depth + _OPEN_QUOTES[ch])
                qi += 1
            # tuple.__new__: the named tuple without its Python-level constructor (one call per sentence)
            sentences.append(new(Sentence, (len(sentences), s, e, paragraph, bool(depth or straight))))
        if new_paragraph:
            paragraph += 1
        start = cut
    return sentences
