"""Reads for the review queue, and evidence sentences with the names in them highlighted."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, F, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString

from players.models import Club, Player
from rumours.models import CLOSED_STAGES, Candidate, CandidateStatus, CuratorState, Mention, Rumour

QUEUE_RUMOURS = 100
QUEUE_CANDIDATES = 50


# --- evidence -----------------------------------------------------------------------------------------------


def highlight(sentence: str, names: Iterable[str]) -> SafeString:
    """The sentence with each name wrapped in <mark>; every piece of the sentence is escaped on its own.

    Names are found in the raw text and the text between and inside matches is escaped before it is wrapped,
    so neither the sentence nor a name (both come from the outside world) is ever trusted as HTML.
    """
    wanted = sorted({n.strip() for n in names if n and len(n.strip()) >= 3}, key=len, reverse=True)
    if not wanted:
        return conditional_escape(sentence)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, wanted)) + r")(?!\w)", re.IGNORECASE)
    parts: list[SafeString] = []
    last = 0
    for match in pattern.finditer(sentence):
        parts.append(conditional_escape(sentence[last : match.start()]))
        parts.append(format_html("<mark>{}</mark>", match.group(0)))
        last = match.end()
    parts.append(conditional_escape(sentence[last:]))
    return format_html_join("", "{}", ((part,) for part in parts))


def player_names(player: Player | None) -> list[str]:
    if player is None:
        return []
    names = [player.name, player.known_as, *(a.alias for a in player.aliases.all())]
    surname = player.name.split()[-1] if player.name.split() else ""
    return [*names, surname] if len(surname) >= 4 else names


def club_names(club: Club | None) -> list[str]:
    if club is None:
        return []
    return [club.name, club.short_name, *(a.alias for a in club.aliases.all())]


# --- the queue ----------------------------------------------------------------------------------------------


def queue_rumours(limit: int = QUEUE_RUMOURS) -> list[Rumour]:
    """Unreviewed open rumours, most likely and most recent first, with their best sentence and outlet count.

    A fixed number of queries whatever the length: two subqueries per row are computed by the database.
    """
    mentions = Mention.objects.filter(rumour=OuterRef("pk"))
    best = mentions.order_by("-confidence", F("article__published_at").desc(nulls_last=True), "-pk")
    # An article citing another outlet counts as that outlet, as scoring counts it.
    outlets = (
        mentions.annotate(origin=Coalesce("cited_source_id", "article__source_id"))
        .exclude(origin=None)
        .order_by()
        .values("rumour")
        .annotate(n=Count("origin", distinct=True))
        .values("n")
    )
    return list(
        Rumour.objects.filter(curator_state=CuratorState.UNREVIEWED, merged_into__isnull=True)
        .exclude(stage__in=CLOSED_STAGES)
        .select_related("player", "from_club", "to_club")
        .prefetch_related("player__aliases", "from_club__aliases", "to_club__aliases")
        .annotate(
            best_sentence=Subquery(best.values("sentence")[:1]),
            best_article_id=Subquery(best.values("article_id")[:1]),
            outlet_count=Coalesce(Subquery(outlets, output_field=IntegerField()), 0),
        )
        .order_by("-likelihood", "-last_seen", "pk")[:limit]
    )


@dataclass
class CandidateRow:
    candidate: Candidate
    articles: int
    evidence: SafeString


def queue_candidates(limit: int = QUEUE_CANDIDATES) -> list[CandidateRow]:
    """Open candidate names, newest first, one row per name with the number of articles that found it."""
    newest: dict[str, Candidate] = {}
    for candidate in (
        Candidate.objects.filter(status=CandidateStatus.OPEN)
        .select_related("article")
        .order_by("-created_at", "-pk")[: limit * 5]
    ):
        newest.setdefault(candidate.normalised, candidate)
        if len(newest) == limit:
            break
    counts = dict(
        Candidate.objects.filter(status=CandidateStatus.OPEN, normalised__in=list(newest))
        .values("normalised")
        .annotate(n=Count("pk"))
        .values_list("normalised", "n")
    )
    return [CandidateRow(c, counts.get(key, 1), highlight(c.evidence, [c.name])) for key, c in newest.items()]


def rumour_names(rumour: Rumour) -> list[str]:
    """Every name worth highlighting in a sentence about this rumour (needs the aliases prefetched)."""
    return [*player_names(rumour.player), *club_names(rumour.to_club), *club_names(rumour.from_club)]
