"""The home page list of rumours: filters from the query string, one page of results, filter choices."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Q, QuerySet

from players.models import Club
from rumours.models import Rumour, Stage

HOME_PAGE_SIZE = 20
HOTTEST_SIZE = 6

SORTS = (("latest", "Newest"), ("likely", "Most likely"))
LIKELIHOOD_STEPS = ((0, "Any"), (25, "25%+"), (50, "50%+"), (75, "75%+"))
MAX_PAGE = 500


@dataclass(frozen=True)
class RumourFilters:
    window: str = ""
    league: str = ""
    club: str = ""
    stage: str = ""
    min_likelihood: int = 0
    sort: str = "latest"
    page: int = 1

    @classmethod
    def from_query(cls, query) -> RumourFilters:
        """From a QueryDict; anything unknown or malformed falls back to the default, never an error."""

        def text(name: str, limit: int = 80) -> str:
            value = (query.get(name) or "").replace("\x00", "").strip()
            return value[:limit]

        def number(name: str, default: int, low: int, high: int) -> int:
            try:
                return min(max(int(query.get(name) or default), low), high)
            except (TypeError, ValueError):
                return default

        stage = text("stage")
        sort = text("sort")
        return cls(
            window=text("window", 20),
            league=text("league", 60),
            club=text("club"),
            stage=stage if stage in Stage.values else "",
            min_likelihood=number("min", 0, 0, 100),
            sort=sort if sort in dict(SORTS) else "latest",
            page=number("page", 1, 1, MAX_PAGE),
        )

    def query(self, **changes) -> str:
        """The query string for these filters (with changes), defaults left out."""
        values = {
            "window": self.window,
            "league": self.league,
            "club": self.club,
            "stage": self.stage,
            "min": self.min_likelihood,
            "sort": self.sort,
            "page": self.page,
        }
        values.update(changes)
        defaults = {"min": 0, "sort": "latest", "page": 1}
        return urlencode({k: v for k, v in values.items() if v != "" and v != defaults.get(k)})

    @property
    def cache_part(self) -> str:
        return self.query() or "-"

    @property
    def is_filtered(self) -> bool:
        return bool(self.window or self.league or self.club or self.stage or self.min_likelihood)


def filtered_rumours(filters: RumourFilters) -> QuerySet[Rumour]:
    queryset = Rumour.objects.visible().select_related("player", "to_club", "from_club")
    if filters.window:
        queryset = queryset.filter(window=filters.window)
    if filters.league:
        queryset = queryset.filter(Q(to_club__league=filters.league) | Q(from_club__league=filters.league))
    if filters.club:
        queryset = queryset.filter(Q(to_club__slug=filters.club) | Q(from_club__slug=filters.club))
    if filters.stage:
        queryset = queryset.filter(stage=filters.stage)
    if filters.min_likelihood:
        queryset = queryset.filter(likelihood__gte=filters.min_likelihood)
    if filters.sort == "likely":
        return queryset.most_likely_first()
    return queryset.order_by("-last_seen", "-pk")


@dataclass
class RumourList:
    filters: RumourFilters
    rumours: list[Rumour]
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.filters.page > 1

    @property
    def next_query(self) -> str:
        return self.filters.query(page=self.filters.page + 1)

    @property
    def previous_query(self) -> str:
        return self.filters.query(page=self.filters.page - 1)


def rumour_list(filters: RumourFilters, *, size: int = HOME_PAGE_SIZE) -> RumourList:
    """One page of rumours: one query (one row more than shown tells whether there is a next page)."""
    start = (filters.page - 1) * size
    rows = list(filtered_rumours(filters)[start : start + size + 1])
    return RumourList(filters=filters, rumours=rows[:size], has_next=len(rows) > size)


def hottest(limit: int = HOTTEST_SIZE) -> list[Rumour]:
    return list(
        Rumour.objects.open().select_related("player", "to_club", "from_club").most_likely_first()[:limit]
    )


@dataclass
class FilterOptions:
    windows: list[str]
    leagues: list[str]
    clubs: list[tuple[str, str]]
    stages: list[tuple[str, str]] = field(default_factory=lambda: list(Stage.choices))
    sorts: tuple[tuple[str, str], ...] = SORTS
    likelihoods: tuple[tuple[int, str], ...] = LIKELIHOOD_STEPS


def _window_sort_key(window: str) -> tuple[str, int]:
    year, _, season = window.partition(" ")
    return (year, 1 if season.lower() == "summer" else 0)


def filter_options() -> FilterOptions:
    """Three small queries; cached with the site version, as they change only when rumours do."""
    windows = sorted(
        Rumour.objects.visible().order_by().values_list("window", flat=True).distinct(),
        key=_window_sort_key,
        reverse=True,
    )
    leagues = list(
        Club.objects.exclude(league="").order_by("league").values_list("league", flat=True).distinct()
    )
    clubs = list(Club.objects.order_by("name").values_list("slug", "name"))
    return FilterOptions(windows=windows, leagues=leagues, clubs=clubs)
