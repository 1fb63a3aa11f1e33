"""`split_sentences` finds boundaries with literal-prefixed scans and a prefilter for abbreviations; it must
give exactly what the plain splitter below gives (one regex for every boundary, every period checked)."""

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from rumours.extraction.sentences import (
    _ABBREVIATIONS,
    _OPEN_QUOTES,
    _QUOTE_MARKS,
    _TERMINAL,
    Sentence,
    _is_abbreviation,
    split_sentences,
)

_BOUNDARY = re.compile(r"[\n.!?\u2026](?:(?<=\n)\s*|(?<=[.!?\u2026])[.!?\u2026]*[\"'\u201d\u2019)\]]*(?=\s))")
_SPACE_RUN = re.compile(r"\s*")


def _plain_quote_marks(text: str) -> list[tuple[int, str]]:
    """(offset, mark) of every quote mark, in order: `str.find` runs, faster than a regex over the text."""
    marks: list[tuple[int, str]] = []
    for mark in _QUOTE_MARKS:
        i = text.find(mark)
        while i >= 0:
            marks.append((i, mark))
            i = text.find(mark, i + 1)
    marks.sort()
    return marks


def plain_split_sentences(text: str) -> list[Sentence]:
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
    quotes = _plain_quote_marks(text)
    qi, nq = 0, len(quotes)
    isspace = str.isspace
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
            sentences.append(Sentence(len(sentences), s, e, paragraph, bool(depth or straight)))
        if new_paragraph:
            paragraph += 1
        start = cut
    return sentences


_PIECES = [
    *sorted(_ABBREVIATIONS),
    *(w.title() for w in sorted(_ABBREVIATIONS)),
    *(w.upper() for w in sorted(_ABBREVIATIONS)),
    "U.S", "e.g", "A", "b", "word", "Smith", "\u00e9", "\u00c9a", "\u00df", "ab.cd", "x", "3", "3.5",
    "the", "The",
    "abcdefghijkl", "abcdefghijklm", "\u00d6laf", "\u00f1", "\u0301", "\u212a", "\u017f",
    ".", "..", "!", "?", "\u2026", "?!", ".!", '"', "'", "\u201c", "\u201d", "\u2019", ")", "]", "(", "[",
    "-",
    " ", " ", " ", "  ", "\t", "\n", "\n\n", " \n ", "\r\n", "\u00a0", "\u2028", "\x0b",
]  # fmt: skip


def test_same_sentences_as_the_plain_splitter_on_random_pieces():
    rng = random.Random(3)
    for _ in range(20_000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 40)))
        assert split_sentences(text) == plain_split_sentences(text), text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join))
def test_same_sentences_as_the_plain_splitter(text):
    assert split_sentences(text) == plain_split_sentences(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_same_sentences_as_the_plain_splitter_on_any_text(text):
    assert split_sentences(text) == plain_split_sentences(text)


def test_news_text():
    text = (
        'Mr. A. Smith said: "We will see." The U.S. side won.\n\nHeadline here\nThe club, who\nwere '
        "relegated, e.g. in 2019. Then? Yes! \u201cQuoted. Still quoted\u201d he said... and left."
    )
    got = split_sentences(text)
    assert got == plain_split_sentences(text)
    assert all(type(s) is Sentence for s in got)
    assert [text[s.start : s.end] for s in got][:3] == [
        'Mr. A. Smith said: "We will see."',
        "The U.S. side won.",
        "Headline here",
    ]
