"""The injury rules' word tests before a costly search: no clause they clear holds a match."""

from __future__ import annotations

import random

from rumours.extraction.cues import INJURY_BLOCK, TEAM_INJURY
from rumours.extraction.injuries import BLOCK_WORDS, TEAM_INJURY_WORDS
from rumours.extraction.lexicon import holds_any

# The patterns' words, pieces of them, and what sits around them in folded text (lower case, plain spaces).
_PIECES = (
    "suspension", "suspended", "red card", "ban", "bann", "banned", "injury", "injuries", "injury-", "time",
    "rested", "offside", "disallowed", "var", "goal", "was", "to be", "had been", "ruled out", "ruled",
    "squad", "side", "team", "defence", "defense", "backline", "back line", "attack", "midfield", "ranks",
    "options", "resources", "stretched", "ravaged", "hit", "hit hard", "depleted", "decimated", "weakened",
    "hampered", "plagued", "affected", "thinned", "by", "injur", "crisis", "list", "problems", "worries",
    "woes", "concerns", "stricken", "his", "knee", "the", "x", "s", "-", " ", " ", " ", "  ", ",", ".",
)  # fmt: skip


# Fewer pieces with spaces between, so that TEAM_INJURY's several-word forms come up often.
_TEAM_PIECES = (
    "squad", "side", "team", "back line", "ranks", "stretched", "hit", "hit hard", "plagued", "thinned", "by",
    "injury", "injuries", "injury-hit", "injury-stricken", "crisis", "list", "woes", "the", "x-y", "his",
)  # fmt: skip


def _texts(seed: int, count: int = 30_000) -> list[str]:
    rng = random.Random(seed)
    texts = ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 12))) for _ in range(count)]
    spaced = (" ".join(rng.choice(_TEAM_PIECES) for _ in range(rng.randint(0, 8))) for _ in range(count))
    return texts + [text.replace("-", rng.choice("- ")) for text in spaced]


def test_every_match_holds_a_gate_word():
    found = {INJURY_BLOCK: 0, TEAM_INJURY: 0}
    for text in _texts(1):
        for pattern, words in ((INJURY_BLOCK, BLOCK_WORDS), (TEAM_INJURY, TEAM_INJURY_WORDS)):
            for m in pattern.finditer(text):
                found[pattern] += 1
                assert holds_any(m.group(), words), (pattern.pattern, text)
    assert min(found.values()) > 1000  # the texts reach the patterns often enough to tell


def test_each_form_of_the_patterns_holds_a_gate_word():
    for phrase in (
        "suspended", "a red card", "banned", "injury-time", "injury time", "he was rested", "offside",
        "a disallowed goal", "var", "his goal was ruled out",
    ):  # fmt: skip
        assert INJURY_BLOCK.search(phrase) and holds_any(phrase, BLOCK_WORDS), phrase
    for phrase in (
        "a squad stretched by injuries", "the defence hit hard by injury", "an injury crisis",
        "the injury list", "injury worries", "an injury-hit side", "options thinned by injuries",
    ):  # fmt: skip
        assert TEAM_INJURY.search(phrase) and holds_any(phrase, TEAM_INJURY_WORDS), phrase
