"""The article's topic player and dominant club, found without `Counter.most_common`: same answers."""

import random
from collections import Counter

from rumours.extraction.matching import Mention
from rumours.extraction.pipeline import _dominant_club, _topic


def _plain_topic(mentions, title_mentions):
    counts = Counter()
    for m in mentions:
        if m.kind == "player" and m.entity is not None:
            counts[m.entity] += 1
    for m in title_mentions:
        if m.kind == "player" and m.entity is not None:
            counts[m.entity] += 2
    top = counts.most_common(2)
    if not top or top[0][1] < 2:
        return None
    if len(top) > 1 and top[0][1] < 1.5 * top[1][1]:
        return None
    return top[0][0]


def _plain_dominant(clubs):
    top = clubs.most_common(2)
    return top[0][0] if top and top[0][1] >= 2 and (len(top) < 2 or top[0][1] > top[1][1]) else None


def test_same_leaders_as_most_common():
    rng = random.Random(2)
    for _ in range(3000):
        mentions = [
            Mention(0, 1, (), "name", kind=rng.choice(["player", "club"]), entity=rng.choice([None, 1, 2, 3]))
            for _ in range(rng.randint(0, 12))
        ]
        title = [
            Mention(0, 1, (), "name", kind="player", entity=rng.choice([1, 2]))
            for _ in range(rng.randint(0, 2))
        ]
        assert _topic(mentions, title) == _plain_topic(mentions, title)
        clubs = Counter(rng.choice([4, 5, 6]) for _ in range(rng.randint(0, 8)))
        assert _dominant_club(clubs) == _plain_dominant(clubs)
