"""Reader pages. Read-only: every view here is GET-only (HEAD too), anything else is a 405.

Pages change only when evidence arrives, so each is rendered once and cached under a versioned key
(rumours.cache). The one per-response part of a page, the CSP nonce, is rendered as a placeholder and swapped
for the request's nonce on the way out, so a cached page never carries another response's nonce. htmx
requests for a list or the timeline get just that partial, cached the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlencode

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.crypto import salted_hmac
from django.views.decorators.http import require_safe

from players import clock
from players.models import Club, Player
from rumours import listing, selectors, timeline
from rumours import search as name_search
from rumours.cache import (
    PLAYER_LOOKUP_SECONDS,
    SITE_VERSION_KEY,
    cached,
    fragment_key,
    player_version,
    site_version,
)
from rumours.models import Article, Source

HTMX_VARY = ("HX-Request", "HX-Target")


@lru_cache(maxsize=1)
def _nonce_placeholder() -> str:
    # Derived from SECRET_KEY: the same in every process sharing the cache, unguessable from outside, so
    # article text can never contain it by design. (Even then it would only print the nonce as text.)
    return "csp-nonce-" + salted_hmac("rumours.views.nonce", "placeholder").hexdigest()[:32]


def _htmx_target(request: HttpRequest) -> str:
    """The id of the element an htmx request will swap, or '' for a normal (or history-restore) request."""
    if request.headers.get("HX-Request") != "true" or request.headers.get("HX-History-Restore-Request"):
        return ""
    return request.headers.get("HX-Target", "")


def _respond(html: str, *, push_url: str | None = None) -> HttpResponse:
    response = HttpResponse(html)
    if push_url is not None:
        response["HX-Push-Url"] = push_url
    patch_vary_headers(response, HTMX_VARY)
    return response


def _cached_page(request: HttpRequest, key: str, template_name: str, build_context) -> HttpResponse:
    """A whole page from the cache (rendered on a miss), with this response's CSP nonce put in."""
    placeholder = _nonce_placeholder()
    html = cached(key, lambda: render_to_string(template_name, build_context() | {"CSP_NONCE": placeholder}))
    return _respond(html.replace(placeholder, str(request.csp_nonce)))


def _cached_partial(
    key: str, template_name: str, build_context, *, push_url: str | None = None
) -> HttpResponse:
    return _respond(cached(key, lambda: render_to_string(template_name, build_context())), push_url=push_url)


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    filters = listing.RumourFilters.from_query(request.GET)
    today = clock.today()
    version = site_version()
    if _htmx_target(request) == "rumour-results":
        push = request.path + (f"?{filters.query()}" if filters.query() else "")
        return _cached_partial(
            fragment_key("home-list", version, today, filters.cache_part),
            "rumours/partials/rumour_list.html",
            lambda: {"listing": listing.rumour_list(filters), "today": today},
            push_url=push,
        )
    return _cached_page(
        request,
        fragment_key("home", version, today, filters.cache_part),
        "rumours/home.html",
        lambda: {
            "filters": filters,
            "options": listing.filter_options(),
            "hottest": listing.hottest(),
            "listing": listing.rumour_list(filters),
            "today": today,
        },
    )


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    results = name_search.search(request.GET.get("q", ""))
    response = render(request, "rumours/search.html", {"results": results, "q": results.query})
    patch_vary_headers(response, HTMX_VARY)
    return response


@require_safe
def suggest(request: HttpRequest) -> HttpResponse:
    """Type-ahead: a short list of links for the search box (htmx swaps it under the input)."""
    results = name_search.suggestions(request.GET.get("q", ""))
    return _respond(render_to_string("rumours/partials/suggestions.html", {"results": results}))


@dataclass(frozen=True)
class _PlayerRef:
    pk: int
    updated: float
    merged_into_id: int | None
    version: int


def _player_ref(slug: str) -> _PlayerRef:
    """What a player page's key needs, in one cache round trip and no query when nothing has changed: the
    row's id, last edit and merge, and the player's version. It is stored with the site version it was read
    under; every bump_player also bumps the site version, so a stored ref whose site version is still current
    also has the player's current version. It is read again at the next bump anywhere, or after
    PLAYER_LOOKUP_SECONDS (which bounds how long a bare admin edit of the row goes unseen)."""
    key = fragment_key("player-ref", slug)
    found = cache.get_many([SITE_VERSION_KEY, key])
    site = found.get(SITE_VERSION_KEY) or site_version()
    stored = found.get(key)
    if stored is not None and stored[0] == site:
        return _PlayerRef(*stored[1:])
    row = Player.objects.filter(slug=slug).values_list("pk", "updated_at", "merged_into_id").first()
    if row is None:
        raise Http404("No such player.")
    ref = _PlayerRef(row[0], row[1].timestamp(), row[2], player_version(row[0]))
    cache.set(
        key, (site, ref.pk, ref.updated, ref.merged_into_id, ref.version), timeout=PLAYER_LOOKUP_SECONDS
    )
    return ref


def _survivor(ref: _PlayerRef) -> HttpResponseBase | None:
    """A merged player's pages redirect to the player he was merged into."""
    if ref.merged_into_id is None:
        return None
    return redirect(get_object_or_404(Player, pk=ref.merged_into_id), permanent=True)


def _player_key(kind: str, ref: _PlayerRef, *parts: object) -> str:
    # updated_at catches an edit of the player row itself even if nobody bumped the version.
    return fragment_key(kind, ref.pk, ref.version, ref.updated, *parts)


@require_safe
def player_detail(request: HttpRequest, slug: str) -> HttpResponseBase:
    ref = _player_ref(slug)
    if moved := _survivor(ref):
        return moved
    kind = timeline.parse_kind(request.GET.get("kind"))
    before = timeline.parse_cursor(request.GET.get("before"))
    today = clock.today()

    def context() -> dict:
        player = get_object_or_404(Player, pk=ref.pk)
        return {
            "player": player,
            "page": selectors.player_page(player, kind=kind, before=before, today=today),
        }

    return _cached_page(
        request, _player_key("player", ref, today, kind, before), "rumours/player.html", context
    )


@require_safe
def player_timeline(request: HttpRequest, slug: str) -> HttpResponseBase:
    """A page of the timeline alone, for the htmx filter and the 'older entries' button."""
    ref = _player_ref(slug)
    if moved := _survivor(ref):
        return moved
    kind = timeline.parse_kind(request.GET.get("kind"))
    before = timeline.parse_cursor(request.GET.get("before"))
    page_url = reverse("rumours:player", kwargs={"slug": slug})
    if not _htmx_target(request):
        # A plain visit (a bookmarked or shared link) gets the whole page at that point of the timeline.
        query = urlencode({k: str(v) for k, v in (("kind", kind), ("before", before)) if v and v != "all"})
        return redirect(page_url + (f"?{query}" if query else "") + "#timeline")
    today = clock.today()
    more = before is not None

    def context() -> dict:
        player = get_object_or_404(Player, pk=ref.pk)
        page = selectors.timeline_page(player, kind=kind, before=before, today=today)
        return {"player": player, "timeline": page, "today": today}

    return _cached_partial(
        _player_key("timeline", ref, today, kind, before),
        "rumours/partials/timeline_more.html" if more else "rumours/partials/timeline.html",
        context,
        push_url=None if more else page_url + (f"?kind={kind}" if kind != timeline.Kind.ALL else ""),
    )


@require_safe
def club_detail(request: HttpRequest, slug: str) -> HttpResponse:
    club = get_object_or_404(Club, slug=slug)
    today = clock.today()
    return _cached_page(
        request,
        fragment_key("club", club.pk, site_version(), club.updated_at.timestamp(), today),
        "rumours/club.html",
        lambda: {"club": club, "page": selectors.club_page(club, today=today)},
    )


@require_safe
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("source"), pk=pk)
    return _cached_page(
        request,
        fragment_key("article", article.pk, site_version(), clock.today()),
        "rumours/article.html",
        lambda: {"article": article, "page": selectors.article_page(article)},
    )


@require_safe
def source_detail(request: HttpRequest, slug: str) -> HttpResponse:
    source = get_object_or_404(Source, slug=slug)
    return _cached_page(
        request,
        fragment_key("source", source.pk, site_version(), source.updated_at.timestamp(), clock.today()),
        "rumours/source.html",
        lambda: {"source": source, "page": selectors.source_page(source)},
    )


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
