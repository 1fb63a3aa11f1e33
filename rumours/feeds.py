"""RSS with Django's syndication framework: all rumours, one player's evidence, one club's rumours in and out.

Item titles and descriptions are plain text (the feed generator escapes them); nothing here builds markup.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.views.decorators.http import require_safe

from players.models import Club, Player
from rumours.models import Mention, Rumour

FEED_SIZE = 50


def _rumour_title(rumour: Rumour) -> str:
    origin = f" from {rumour.from_club}" if rumour.from_club else ""
    return (
        f"{rumour.player.display_name}{origin} to {rumour.to_club}: "
        f"{rumour.get_stage_display().lower()} ({rumour.likelihood}%)"
    )


def _rumour_description(rumour: Rumour) -> str:
    return (
        f"{rumour.window} window. Stage: {rumour.get_stage_display().lower()}. "
        f"Estimated likelihood {rumour.likelihood}%. "
        f"First seen {rumour.first_seen:%-d %b %Y}, last seen {rumour.last_seen:%-d %b %Y}."
    )


class _RumourItems:
    """Items that are rumours. The guid changes with the stage, so a reader sees a rumour move on."""

    def item_title(self, item: Rumour) -> str:
        return _rumour_title(item)

    def item_description(self, item: Rumour) -> str:
        return _rumour_description(item)

    def item_link(self, item: Rumour) -> str:
        return item.get_absolute_url()

    def item_guid(self, item: Rumour) -> str:
        return f"touchline:rumour:{item.pk}:{item.stage}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Rumour) -> dt.datetime:
        return item.last_seen

    def item_updateddate(self, item: Rumour) -> dt.datetime:
        return item.updated_at


def _rumours() -> QuerySet[Rumour]:
    return (
        Rumour.objects.visible()
        .select_related("player", "from_club", "to_club")
        .order_by("-last_seen", "-pk")
    )


class LatestRumoursFeed(_RumourItems, Feed):
    title = "Touchline: latest transfer rumours"
    description = "Transfer rumours as they are first reported and as they move on, with their likelihood."

    def link(self) -> str:
        return reverse("rumours:home")

    def items(self) -> list[Rumour]:
        return list(_rumours()[:FEED_SIZE])


class ClubRumoursFeed(_RumourItems, Feed):
    def get_object(self, request, slug: str) -> Club:
        return get_object_or_404(Club, slug=slug)

    def title(self, obj: Club) -> str:
        return f"Touchline: {obj.name} transfer rumours"

    def description(self, obj: Club) -> str:
        return f"Players linked with {obj.name}, and {obj.name} players linked elsewhere."

    def link(self, obj: Club) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Club) -> list[Rumour]:
        return list(_rumours().filter(Q(to_club=obj) | Q(from_club=obj))[:FEED_SIZE])


class PlayerEvidenceFeed(Feed):
    """Every new piece of evidence about one player: rumours, injuries, contracts, each with its sentence."""

    def get_object(self, request, slug: str) -> Player:
        return get_object_or_404(Player, slug=slug)

    def title(self, obj: Player) -> str:
        return f"Touchline: {obj.display_name}"

    def description(self, obj: Player) -> str:
        return f"News about {obj.display_name}'s future: rumours, injuries and contracts, with the evidence."

    def link(self, obj: Player) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Player) -> list[Mention]:
        from rumours.timeline import MENTION_DATE

        return list(
            Mention.objects.filter(player=obj)
            .select_related("article__source", "club", "rumour__to_club")
            .defer("article__text")
            .annotate(when=MENTION_DATE)
            .order_by("-when", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item: Mention) -> str:
        if item.kind == "rumour" and item.rumour_id:
            return f"{item.rumour.to_club}: {item.get_stance_display().lower() or 'linked'}"
        return f"{item.get_kind_display()}: {item.fact or item.sentence[:80]}"

    def item_description(self, item: Mention) -> str:
        source = f" ({item.article.source})" if item.article.source_id else ""
        cited = f", citing {item.cited_outlet}" if item.cited_outlet else ""
        return f"“{item.sentence}”{source}{cited}"

    def item_link(self, item: Mention) -> str:
        return item.article.get_absolute_url()

    def item_guid(self, item: Mention) -> str:
        return f"touchline:mention:{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Mention) -> dt.datetime:
        return item.when


app_name = "feeds"

urlpatterns = [
    # Feeds are read-only like every reader page: anything but GET or HEAD is a 405.
    path("rumours/", require_safe(LatestRumoursFeed()), name="rumours"),
    path("players/<slug:slug>/", require_safe(PlayerEvidenceFeed()), name="player"),
    path("clubs/<slug:slug>/", require_safe(ClubRumoursFeed()), name="club"),
]
