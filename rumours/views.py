"""Reader pages. Read-only: every view here is GET-only (HEAD too), anything else is a 405.

The parts of a page that change only when evidence arrives are rendered once and cached under versioned
keys (rumours.cache); the shell around them (base.html: header, footer, the CSP nonce) is rendered per
request, so a cached fragment never holds a nonce or anything personal. htmx requests for a list or the
timeline get just that partial.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_safe

from players import clock
from players.models import Club, Player
from rumours import search as name_search
from rumours import selectors, timeline
from rumours.cache import cached, fragment_key, player_version, site_version
from rumours.models import Article, Source

HTMX_VARY = ("HX-Request", "HX-Target")


def _fragment(key: str, template_name: str, build_context) -> SafeString:
    """A cached rendering of `template_name`. The template escapes everything it prints, so its output is
    safe to embed as it stands."""
    html = cached(key, lambda: render_to_string(template_name, build_context()))
    return mark_safe(html)  # noqa: S308 - our own template output, autoescaped when rendered


def _htmx_target(request: HttpRequest) -> str:
    """The id of the element an htmx request will swap, or '' for a normal (or history-restore) request."""
    if request.headers.get("HX-Request") != "true" or request.headers.get("HX-History-Restore-Request"):
        return ""
    return request.headers.get("HX-Target", "")


def _partial(html: str, *, push_url: str | None = None) -> HttpResponse:
    response = HttpResponse(html)
    if push_url is not None:
        response["HX-Push-Url"] = push_url
    patch_vary_headers(response, HTMX_VARY)
    return response


def _page(request: HttpRequest, template_name: str, context: dict) -> HttpResponse:
    response = render(request, template_name, context)
    patch_vary_headers(response, HTMX_VARY)
    return response


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    filters = selectors.RumourFilters.from_query(request.GET)
    today = clock.today()
    version = site_version()
    results = _fragment(
        fragment_key("home-list", version, today, filters.cache_part),
        "rumours/partials/rumour_list.html",
        lambda: {"listing": selectors.rumour_list(filters), "today": today},
    )
    if _htmx_target(request) == "rumour-results":
        push = request.path + (f"?{filters.query()}" if filters.query() else "")
        return _partial(results, push_url=push)
    body = _fragment(
        fragment_key("home", version, today, filters.cache_part),
        "rumours/partials/home_body.html",
        lambda: {
            "filters": filters,
            "options": selectors.filter_options(),
            "hottest": selectors.hottest(),
            "results": results,
        },
    )
    return _page(request, "rumours/home.html", {"body": body, "filters": filters})


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    results = name_search.search(request.GET.get("q", ""))
    return _page(request, "rumours/search.html", {"results": results, "q": results.query})


@require_safe
def suggest(request: HttpRequest) -> HttpResponse:
    """Type-ahead: a short list of links for the search box (htmx swaps it under the input)."""
    results = name_search.suggestions(request.GET.get("q", ""))
    return _partial(render_to_string("rumours/partials/suggestions.html", {"results": results}))


def _player_or_redirect(slug: str) -> Player | HttpResponseBase:
    player = get_object_or_404(Player, slug=slug)
    if player.merged_into_id:
        return redirect(player.merged_into, permanent=True)
    return player


def _player_key(kind: str, player: Player, *parts: object) -> str:
    # updated_at catches an admin edit of the player row itself even if nobody bumped the version.
    return fragment_key(kind, player.pk, player_version(player.pk), player.updated_at.timestamp(), *parts)


@require_safe
def player_detail(request: HttpRequest, slug: str) -> HttpResponseBase:
    player = _player_or_redirect(slug)
    if not isinstance(player, Player):
        return player
    kind = timeline.parse_kind(request.GET.get("kind"))
    before = timeline.parse_cursor(request.GET.get("before"))
    today = clock.today()
    body = _fragment(
        _player_key("player", player, today, kind, before),
        "rumours/partials/player_body.html",
        lambda: {"page": selectors.player_page(player, kind=kind, before=before, today=today)},
    )
    return _page(request, "rumours/player.html", {"player": player, "body": body})


@require_safe
def player_timeline(request: HttpRequest, slug: str) -> HttpResponseBase:
    """A page of the timeline alone, for the htmx filter and the 'older entries' button."""
    player = _player_or_redirect(slug)
    if not isinstance(player, Player):
        return player
    kind = timeline.parse_kind(request.GET.get("kind"))
    before = timeline.parse_cursor(request.GET.get("before"))
    if not _htmx_target(request):
        # A plain visit (a bookmarked or shared link) gets the whole page at that point of the timeline.
        query = urlencode({k: str(v) for k, v in (("kind", kind), ("before", before)) if v and v != "all"})
        return redirect(player.get_absolute_url() + (f"?{query}" if query else "") + "#timeline")
    today = clock.today()
    more = before is not None
    html = _fragment(
        _player_key("timeline", player, today, kind, before),
        "rumours/partials/timeline_more.html" if more else "rumours/partials/timeline.html",
        lambda: {
            "player": player,
            "timeline": selectors.timeline_page(player, kind=kind, before=before, today=today),
            "today": today,
        },
    )
    push = (
        None if more else player.get_absolute_url() + (f"?kind={kind}" if kind != timeline.Kind.ALL else "")
    )
    return _partial(html, push_url=push)


@require_safe
def club_detail(request: HttpRequest, slug: str) -> HttpResponse:
    club = get_object_or_404(Club, slug=slug)
    today = clock.today()
    body = _fragment(
        fragment_key("club", club.pk, site_version(), club.updated_at.timestamp(), today),
        "rumours/partials/club_body.html",
        lambda: {"page": selectors.club_page(club, today=today)},
    )
    return _page(request, "rumours/club.html", {"club": club, "body": body})


@require_safe
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("source"), pk=pk)
    body = _fragment(
        fragment_key("article", article.pk, site_version()),
        "rumours/partials/article_body.html",
        lambda: {"page": selectors.article_page(article)},
    )
    return _page(request, "rumours/article.html", {"article": article, "body": body})


@require_safe
def source_detail(request: HttpRequest, slug: str) -> HttpResponse:
    source = get_object_or_404(Source, slug=slug)
    body = _fragment(
        fragment_key("source", source.pk, site_version(), source.updated_at.timestamp()),
        "rumours/partials/source_body.html",
        lambda: {"page": selectors.source_page(source)},
    )
    return _page(request, "rumours/source.html", {"source": source, "body": body})


@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
