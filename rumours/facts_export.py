"""The extracted facts of each article as `export_facts` prints them (DESIGN.md, "Interfaces other tools
depend on").

Built from the Mentions in the database, never by extracting again, so it shows exactly what linking stored.
Four queries whatever the number of articles: articles, mentions (names joined in), staff mentions and
club names.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from players.models import Club
from rumours.models import Article, ArticleStatus, Mention, MentionKind, StaffMention

FILE_PREFIX = "file:"


def article_label(canonical_url: str) -> str:
    """The file stem for articles ingested from files (`file:<stem>`), else the URL."""
    return canonical_url[len(FILE_PREFIX) :] if canonical_url.startswith(FILE_PREFIX) else canonical_url


def exported_facts(canonical_urls: Iterable[str] | None = None) -> Iterator[dict]:
    """One dict per extracted article, ordered by article id, in the export_facts shape.

    `status` of a rumour is that article's stance (the mention's), not the rumour's current stage; when an
    article supports one (player, to club) more than once (two windows), the first in reading order is kept,
    as the gold files keep one record per pair.
    """
    articles = Article.objects.filter(status=ArticleStatus.EXTRACTED)
    if canonical_urls is not None:
        articles = articles.filter(canonical_url__in=list(canonical_urls))
    club_names = dict(Club.objects.values_list("pk", "name"))
    # Facts about managers are few: one query for all of them, merged into each article's contracts below.
    staff_facts: dict[int, list[tuple[int, dict]]] = {}
    staff_rows = (
        StaffMention.objects.filter(article__in=articles.values("pk"))
        .order_by("article_id", "span_start", "pk")
        .values_list("article_id", "span_start", "staff__name", "club_id", "fact", "sentence")
    )
    for article_id, start, name, club_id, fact, sentence in staff_rows:
        staff_facts.setdefault(article_id, []).append(
            (start, {"player": name, "club": club_names.get(club_id), "fact": fact, "evidence": sentence})
        )
    mentions = (
        Mention.objects.filter(article__in=articles.values("pk"))
        .order_by("article_id", "span_start", "pk")
        .values_list(
            "article_id",
            "span_start",
            "kind",
            "player__name",
            "club_id",
            "stance",
            "fact",
            "details",
            "sentence",
        )
    )
    rows = iter(mentions.iterator(chunk_size=2000))
    pending = next(rows, None)
    for article_id, canonical_url in articles.order_by("pk").values_list("pk", "canonical_url").iterator():
        facts: dict = {
            "article": article_label(canonical_url),
            "rumours": [],
            "injuries": [],
            "contracts": [],
        }
        contracts = list(staff_facts.get(article_id, ()))
        seen_rumours: set[tuple[str, str | None]] = set()
        # Both streams are ordered by article id: a merge join, so memory stays flat on a big database.
        while pending is not None and pending[0] <= article_id:
            if pending[0] == article_id:
                _add(facts, contracts, pending, club_names, seen_rumours)
            pending = next(rows, None)
        facts["contracts"] = [fact for _, fact in sorted(contracts, key=lambda item: item[0])]
        yield facts


def _add(
    facts: dict,
    contracts: list[tuple[int, dict]],
    row: tuple,
    club_names: dict[int, str],
    seen_rumours: set[tuple[str, str | None]],
) -> None:
    _, start, kind, player, club_id, stance, fact, details, sentence = row
    details = details or {}
    club = club_names.get(club_id) if club_id else None
    if kind == MentionKind.RUMOUR:
        if (player, club) in seen_rumours:
            return
        seen_rumours.add((player, club))
        # What this article says, like `status`: the rumour's own from club may come from another article.
        from_id = details.get("from_club_id")
        facts["rumours"].append(
            {
                "player": player,
                "from_club": club_names.get(from_id) if from_id else None,
                "to_club": club,
                "status": stance,
                "evidence": sentence,
            }
        )
    elif kind == MentionKind.INJURY:
        facts["injuries"].append(
            {
                "player": player,
                "injury": details.get("injury", fact),
                "expected_absence": details.get("expected_absence"),
                "evidence": sentence,
            }
        )
    elif kind == MentionKind.CONTRACT:
        contracts.append((start, {"player": player, "club": club, "fact": fact, "evidence": sentence}))
