"""A synthetic season with known outcomes and sources of known reliability, to check that calibration works.

Used by `bench/bench_scoring.py` and the scoring tests. Every row it makes is tagged (source names start with
"Sim outlet", clubs with "Sim FC") so it is never confused with real data.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from players.models import Club, Contract, Player
from rumours.models import Article, ArticleStatus, Mention, MentionKind, Rumour, Source, Stage

TRUE_STANCES = [Stage.INTEREST, Stage.TALKS, Stage.BID, Stage.AGREED]
TRUE_STANCE_WEIGHTS = [3, 3, 2, 2]
FALSE_STANCES = [Stage.LINKED, Stage.INTEREST, Stage.TALKS, Stage.BID]
FALSE_STANCE_WEIGHTS = [4, 4, 1, 1]


@dataclass
class Season:
    true_reliability: dict[int, float]  # source id -> probability that its claim comes true
    rumour_outcomes: dict[int, bool]


@transaction.atomic
def season_generate(
    *, sources: int = 30, rumours: int = 1500, base_rate: float = 0.3, seed: int = 7
) -> Season:
    rng = random.Random(seed)
    start = timezone.make_aware(dt.datetime(2024, 6, 1))
    clubs = Club.objects.bulk_create([Club(name=f"Sim FC {i}", slug=f"sim-fc-{i}") for i in range(20)])
    players = Player.objects.bulk_create(
        [Player(name=f"Sim Player {i}", slug=f"sim-player-{i}") for i in range(max(50, rumours // 3))]
    )
    Contract.objects.bulk_create(
        [
            Contract(
                player=p,
                club=rng.choice(clubs),
                start_date=dt.date(2022, 7, 1),
                end_date=dt.date(2025 + rng.randint(0, 4), 6, 30),
            )
            for p in players
        ]
    )
    reliability = [0.15 + 0.8 * i / max(1, sources - 1) for i in range(sources)]
    source_rows = Source.objects.bulk_create(
        [
            # Tiers are dealt at random: only the track record can reveal who is reliable.
            Source(name=f"Sim outlet {i}", slug=f"sim-outlet-{i}", reliability_tier=rng.randint(1, 4))
            for i in range(sources)
        ]
    )
    true_reliability = {s.pk: r for s, r in zip(source_rows, reliability, strict=True)}

    pairs = set()
    rumour_rows, outcomes = [], []
    while len(rumour_rows) < rumours:
        player, club = rng.choice(players), rng.choice(clubs)
        if (player.pk, club.pk) in pairs:
            continue
        pairs.add((player.pk, club.pk))
        happened = rng.random() < base_rate
        first = start + dt.timedelta(days=rng.randint(0, 80))
        rumour_rows.append(
            Rumour(
                player=player,
                to_club=club,
                window="2024 summer",
                stage=Stage.COMPLETED if happened else Stage.DEAD,
                first_seen=first,
                last_seen=first + dt.timedelta(days=10),
                resolved_at=first + dt.timedelta(days=20),
            )
        )
        outcomes.append(happened)
    rumour_rows = Rumour.objects.bulk_create(rumour_rows)

    articles, mention_specs = [], []
    for rumour, happened in zip(rumour_rows, outcomes, strict=True):
        # A true story is told mostly by reliable outlets, a false one mostly by unreliable ones.
        weights = [r if happened else 1 - r for r in reliability]
        for source in set(rng.choices(source_rows, weights=weights, k=rng.randint(1, 5))):
            if happened:
                stance = rng.choices(TRUE_STANCES, TRUE_STANCE_WEIGHTS)[0]
            else:
                stance = rng.choices(FALSE_STANCES, FALSE_STANCE_WEIGHTS)[0]
            n = len(articles)
            articles.append(
                Article(
                    canonical_url=f"sim:{rumour.pk}:{source.pk}",
                    title=f"Sim story {n}",
                    text=f"Sim story {n}",
                    content_hash=f"sim{n:061d}",
                    source=source,
                    status=ArticleStatus.EXTRACTED,
                    published_at=rumour.first_seen + dt.timedelta(days=rng.randint(0, 10)),
                )
            )
            mention_specs.append((rumour, stance, ""))
        if not happened and rng.random() < 0.25:
            n = len(articles)
            articles.append(
                Article(
                    canonical_url=f"sim:{rumour.pk}:denial",
                    title=f"Sim denial {n}",
                    text=f"Sim denial {n}",
                    content_hash=f"sim{n:061d}",
                    source=rng.choice(source_rows),
                    status=ArticleStatus.EXTRACTED,
                    published_at=rumour.last_seen,
                )
            )
            mention_specs.append((rumour, Stage.DENIED, rng.choice(["buying_club", "player", "media"])))
    articles = Article.objects.bulk_create(articles, batch_size=1000)
    Mention.objects.bulk_create(
        [
            Mention(
                article=article,
                kind=MentionKind.RUMOUR,
                player_id=rumour.player_id,
                club_id=rumour.to_club_id,
                rumour=rumour,
                stance=stance,
                details={"stance_by": stance_by},
                sentence=article.text,
                span_start=0,
                span_end=len(article.text),
            )
            for article, (rumour, stance, stance_by) in zip(articles, mention_specs, strict=True)
        ],
        batch_size=1000,
    )
    return Season(
        true_reliability=true_reliability,
        rumour_outcomes={r.pk: h for r, h in zip(rumour_rows, outcomes, strict=True)},
    )
