"""The read-only JSON API under /api/ (django-ninja), with its OpenAPI schema at /api/openapi.json.

Every endpoint answers GET (and HEAD), reads through rumours.selectors / rumours.timeline with a fixed number
of queries, and bounds what a client can ask for (limit <= 100, offset <= 10,000, strings of bounded
length), so no request can make the server do unbounded work.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Literal

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Query, Schema
from ninja.params import Path
from pydantic import Field

from players import clock
from players.models import Club, Contract, Injury, Player
from rumours import listing, selectors, timeline
from rumours import search as name_search
from rumours.models import Mention, Rumour, Stage


class ReadOnlyAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        """The schema documents GET only: HEAD is implied by it (RFC 9110), and two operations sharing one
        operationId would break the schema."""
        schema = super().get_openapi_schema(*args, **kwargs)
        for item in schema["paths"].values():
            item.pop("head", None)
        return schema


api = ReadOnlyAPI(
    title="Touchline API",
    version="1",
    description=(
        "Read-only access to Touchline's players, clubs, transfer rumours with their evidence, and player "
        "timelines. Lists are paginated with limit and offset; `next_offset` is null on the last page."
    ),
    openapi_url="/openapi.json",
    # The interactive docs page loads its script from a CDN, which the CSP refuses; the schema is enough.
    docs_url=None,
    urls_namespace="api",
)

SLUG = r"^[-a-zA-Z0-9_]+$"
CURSOR = r"^-?\d{1,18}\.\d\.\d{1,18}$"
MAX_OFFSET = 10_000
EVIDENCE_IN_LISTS = 5
EVIDENCE_IN_DETAIL = 50

# Every endpoint reads: HEAD is answered as GET is (its body dropped by the server), as Django's views do.
read = partial(api.api_operation, ["GET", "HEAD"])

StageName = Literal[tuple(Stage.values)]  # type: ignore[valid-type]
KindName = Literal[tuple(v for v, _ in timeline.KINDS)]  # type: ignore[valid-type]


def _clean(value: str | None) -> str:
    # PostgreSQL refuses NUL in text; a NUL can never match a stored value, so it is simply dropped.
    return (value or "").replace("\x00", "").strip()


# --- schemas ------------------------------------------------------------------------------------------------


class Error(Schema):
    detail: str


class ClubRef(Schema):
    slug: str
    name: str
    url: str


class PlayerRef(Schema):
    slug: str
    name: str
    known_as: str
    url: str


class ClubOut(ClubRef):
    short_name: str
    country: str
    league: str
    stadium: str


class PlayerOut(PlayerRef):
    date_of_birth: dt.date | None
    nationality: str
    position: str
    shirt_number: int | None
    current_club: ClubRef | None
    contract_end: dt.date | None


class ArticleRef(Schema):
    id: int
    title: str
    url: str = Field(description="The article's page on Touchline.")
    original_url: str
    source: str | None
    published_at: dt.datetime | None


class EvidenceOut(Schema):
    id: int
    kind: str
    stance: str
    sentence: str
    cited_outlet: str
    confidence: float
    article: ArticleRef


class FactorOut(Schema):
    factor: str
    label: str
    points: float | None
    value: float | None
    detail: str


class RumourOut(Schema):
    id: int
    url: str
    player: PlayerRef
    from_club: ClubRef | None
    to_club: ClubRef
    window: str
    stage: str
    is_loan: bool
    likelihood: int
    likelihood_explanation: list[FactorOut]
    curator_state: str
    first_seen: dt.datetime
    last_seen: dt.datetime
    evidence: list[EvidenceOut] = Field(description="The latest evidence, newest first.")


class ContractOut(Schema):
    club: ClubRef
    start_date: dt.date | None
    end_date: dt.date | None
    weekly_wage: int | None
    wage_currency: str
    is_loan: bool


class InjuryOut(Schema):
    description: str
    body_part: str
    occurred_on: dt.date | None
    expected_absence: str
    expected_return: dt.date | None
    status: str


class PlayerDetail(PlayerOut):
    aliases: list[str]
    contract: ContractOut | None
    contracts: list[ContractOut]
    injuries: list[InjuryOut]
    rumours: list[RumourOut]


class ClubDetail(ClubOut):
    aliases: list[str]
    rumours_in: list[RumourOut]
    rumours_out: list[RumourOut]


class TimelineEntryOut(Schema):
    kind: str
    date: dt.datetime
    title: str
    stage: str
    sentence: str
    club: ClubRef | None
    article: ArticleRef | None
    cursor: str


class TimelineOut(Schema):
    entries: list[TimelineEntryOut]
    next_cursor: str | None = Field(description="Pass as `before` for the next, older page.")


class PlayerList(Schema):
    items: list[PlayerOut]
    next_offset: int | None


class ClubList(Schema):
    items: list[ClubOut]
    next_offset: int | None


class RumourList(Schema):
    items: list[RumourOut]
    next_offset: int | None


# --- building the payloads ----------------------------------------------------------------------------------


def _club(club: Club | None) -> dict | None:
    if club is None:
        return None
    return {"slug": club.slug, "name": club.name, "url": club.get_absolute_url()}


def _club_out(club: Club) -> dict:
    return _club(club) | {
        "short_name": club.short_name,
        "country": club.country,
        "league": club.league,
        "stadium": club.stadium,
    }


def _player_ref(player: Player) -> dict:
    return {
        "slug": player.slug,
        "name": player.name,
        "known_as": player.known_as,
        "url": player.get_absolute_url(),
    }


def _player_out(player: Player, current_club: Club | None, contract_end: dt.date | None) -> dict:
    return _player_ref(player) | {
        "date_of_birth": player.date_of_birth,
        "nationality": player.nationality,
        "position": player.position,
        "shirt_number": player.shirt_number,
        "current_club": _club(current_club),
        "contract_end": contract_end,
    }


def _article(mention: Mention) -> dict:
    article = mention.article
    return {
        "id": article.pk,
        "title": article.title,
        "url": article.get_absolute_url(),
        "original_url": article.url,
        "source": article.source.name if article.source_id else None,
        "published_at": article.published_at,
    }


def _evidence(mention: Mention) -> dict:
    return {
        "id": mention.pk,
        "kind": mention.kind,
        "stance": mention.stance,
        "sentence": mention.sentence,
        "cited_outlet": mention.cited_outlet,
        "confidence": mention.confidence,
        "article": _article(mention),
    }


def _rumour(rumour: Rumour) -> dict:
    return {
        "id": rumour.pk,
        "url": rumour.get_absolute_url(),
        "player": _player_ref(rumour.player),
        "from_club": _club(rumour.from_club),
        "to_club": _club(rumour.to_club),
        "window": rumour.window,
        "stage": rumour.stage,
        "is_loan": rumour.is_loan,
        "likelihood": rumour.likelihood,
        "likelihood_explanation": [
            {"factor": f.factor, "label": f.label, "points": f.points, "value": f.value, "detail": f.detail}
            for f in selectors.explanation(rumour)
        ],
        "curator_state": rumour.curator_state,
        "first_seen": rumour.first_seen,
        "last_seen": rumour.last_seen,
        "evidence": [_evidence(m) for m in rumour.latest_evidence],
    }


def _with_evidence(queryset, per_rumour: int):
    """Rumours with their latest `per_rumour` pieces of evidence: one more query, however many rumours."""
    evidence = (
        Mention.objects.select_related("article__source")
        .defer("article__text")
        .annotate(when=timeline.MENTION_DATE)
        .order_by("-when", "-pk")
    )
    return queryset.select_related("player", "from_club", "to_club").prefetch_related(
        Prefetch("mentions", queryset=evidence[:per_rumour], to_attr="latest_evidence")
    )


def _next_offset(offset: int, limit: int, fetched: int) -> int | None:
    return offset + limit if fetched > limit and offset + limit <= MAX_OFFSET else None


# --- endpoints ----------------------------------------------------------------------------------------------


@read("/players", response=PlayerList, summary="List or search players")
def list_players(
    request,
    q: str = Query("", max_length=100, description="Name or alias; case- and accent-insensitive."),
    club: str = Query("", max_length=80, description="Only players currently at this club (slug)."),
    limit: int = Query(20, ge=1, le=100),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    q, club = _clean(q), _clean(club)
    key = name_search.search_key(q)
    queryset = name_search.matching_players(key) if key else Player.objects.active().order_by("name", "pk")
    today = clock.today()
    if club:
        # A semi-join on the club's contracts (indexed), not a filter on the per-row subquery below.
        at_club = Contract.objects.current(today).filter(player=OuterRef("pk"), club__slug=club)
        queryset = queryset.filter(Exists(at_club))
    queryset = queryset.with_current_contract(today)
    rows = list(queryset[offset : offset + limit + 1])
    clubs = Club.objects.in_bulk({p.current_club_id for p in rows if p.current_club_id})
    return {
        "items": [_player_out(p, clubs.get(p.current_club_id), p.contract_end) for p in rows[:limit]],
        "next_offset": _next_offset(offset, limit, len(rows)),
    }


@read("/players/{slug:slug}", response={200: PlayerDetail, 404: Error}, summary="One player, in full")
def player_detail(request, slug: str = Path(..., pattern=SLUG, max_length=80)):
    player = get_object_or_404(Player, slug=slug)
    today = clock.today()
    contracts = list(
        Contract.objects.filter(player=player).select_related("club").order_by(*Contract.LATEST_FIRST)
    )
    current = next((c for c in contracts if c.is_current(today)), None)
    rumours = list(
        _with_evidence(Rumour.objects.visible().filter(player=player), EVIDENCE_IN_LISTS).most_likely_first()
    )
    return _player_out(player, current.club if current else None, current.end_date if current else None) | {
        "aliases": list(player.aliases.values_list("alias", flat=True)),
        "contract": _contract(current) if current else None,
        "contracts": [_contract(c) for c in contracts],
        "injuries": [_injury(i) for i in Injury.objects.filter(player=player)],
        "rumours": [_rumour(r) for r in rumours],
    }


def _contract(contract: Contract) -> dict:
    return {
        "club": _club(contract.club),
        "start_date": contract.start_date,
        "end_date": contract.end_date,
        "weekly_wage": contract.weekly_wage,
        "wage_currency": contract.wage_currency,
        "is_loan": contract.is_loan,
    }


def _injury(injury: Injury) -> dict:
    return {
        "description": injury.description,
        "body_part": injury.body_part,
        "occurred_on": injury.occurred_on,
        "expected_absence": injury.expected_absence,
        "expected_return": injury.expected_return,
        "status": injury.status,
    }


@read(
    "/players/{slug:slug}/timeline",
    response={200: TimelineOut, 404: Error},
    summary="A player's timeline, newest first",
)
def player_timeline(
    request,
    slug: str = Path(..., pattern=SLUG, max_length=80),
    kind: KindName = Query("all"),  # noqa: B008 - django-ninja declares parameters this way
    before: str = Query("", max_length=60, description="A `next_cursor` from the previous page."),
):
    player = get_object_or_404(Player, slug=slug)
    page = timeline.page(player, kind=kind, before=timeline.parse_cursor(_clean(before)), today=clock.today())
    return {
        "entries": [
            {
                "kind": e.kind,
                "date": e.when,
                "title": e.title,
                "stage": e.stage,
                "sentence": e.sentence,
                "club": _club(e.club),
                "article": _article(e.mention) if e.mention else None,
                "cursor": e.cursor,
            }
            for e in page.entries
        ],
        "next_cursor": page.next_cursor,
    }


@read("/clubs", response=ClubList, summary="List clubs")
def list_clubs(
    request,
    q: str = Query("", max_length=100, description="Name or alias; case- and accent-insensitive."),
    league: str = Query("", max_length=60),
    limit: int = Query(50, ge=1, le=100),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    q, league = _clean(q), _clean(league)
    key = name_search.search_key(q)
    queryset = name_search.matching_clubs(key) if key else Club.objects.order_by("name", "pk")
    if league:
        queryset = queryset.filter(league=league)
    rows = list(queryset[offset : offset + limit + 1])
    return {
        "items": [_club_out(c) for c in rows[:limit]],
        "next_offset": _next_offset(offset, limit, len(rows)),
    }


@read(
    "/clubs/{slug:slug}", response={200: ClubDetail, 404: Error}, summary="One club with rumours in and out"
)
def club_detail(request, slug: str = Path(..., pattern=SLUG, max_length=80)):
    club = get_object_or_404(Club, slug=slug)
    rumours = _with_evidence(Rumour.objects.open(), EVIDENCE_IN_LISTS).most_likely_first()
    limit = selectors.CLUB_RUMOURS_LIMIT
    return _club_out(club) | {
        "aliases": list(club.aliases.values_list("alias", flat=True)),
        "rumours_in": [_rumour(r) for r in rumours.filter(to_club=club)[:limit]],
        "rumours_out": [_rumour(r) for r in rumours.filter(from_club=club).exclude(to_club=club)[:limit]],
    }


@read("/rumours", response=RumourList, summary="List rumours with their latest evidence")
def list_rumours(
    request,
    window: str = Query("", max_length=20, description="e.g. '2025 summer'"),
    league: str = Query("", max_length=60),
    club: str = Query("", max_length=80, description="Club slug, either end of the move."),
    player: str = Query("", max_length=80, description="Player slug."),
    stage: StageName | None = Query(None),  # noqa: B008
    min_likelihood: int = Query(0, ge=0, le=100),
    sort: Literal["latest", "likely"] = Query("latest"),
    limit: int = Query(20, ge=1, le=100),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    filters = listing.RumourFilters(
        window=_clean(window),
        league=_clean(league),
        club=_clean(club),
        stage=stage or "",
        min_likelihood=min_likelihood,
        sort=sort,
    )
    queryset = listing.filtered_rumours(filters)
    player = _clean(player)
    if player:
        queryset = queryset.filter(Q(player__slug=player))
    rows = list(_with_evidence(queryset, EVIDENCE_IN_LISTS)[offset : offset + limit + 1])
    return {
        "items": [_rumour(r) for r in rows[:limit]],
        "next_offset": _next_offset(offset, limit, len(rows)),
    }


@read(
    "/rumours/{int:rumour_id}", response={200: RumourOut, 404: Error}, summary="One rumour with its evidence"
)
def rumour_detail(request, rumour_id: int = Path(..., ge=1, le=2**63 - 1)):
    queryset = _with_evidence(Rumour.objects.visible(), EVIDENCE_IN_DETAIL)
    return _rumour(get_object_or_404(queryset, pk=rumour_id))
