"""Reads for the reader pages and the API: each issues a fixed number of queries, whatever the data."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import TruncWeek

from players import clock
from players.models import Club, ClubAlias, Contract, Injury, Player, PlayerAlias, Position
from players.text import fold_name
from rumours import timeline
from rumours.models import Article, Mention, MentionKind, Rumour, Source

CLUB_RUMOURS_LIMIT = 30
SOURCE_ARTICLES_LIMIT = 20
EXPIRING_WITHIN_DAYS = 365
CHART_WEEKS = 26


@lru_cache(maxsize=1)
def demo_as_of() -> str:
    """The date the demo data set says it describes, for the footer; empty when there is none."""
    try:
        from players.demo import demo_data_read

        data = demo_data_read()
    except (ImportError, OSError, ValueError):
        return ""
    value = data.get("as_of") if isinstance(data, dict) else None
    try:
        return f"{dt.date.fromisoformat(str(value)):%-d %B %Y}" if value else ""
    except ValueError:
        return str(value)


# --- names, for highlighting evidence -----------------------------------------------------------------------


def _surname(name: str) -> str:
    parts = name.split()
    return parts[-1] if len(parts) > 1 and len(parts[-1]) >= 4 else ""


class NameBook:
    """The names a page highlights: a player's names and aliases, and each club's names and aliases."""

    def __init__(self) -> None:
        self.players: dict[int, set[str]] = defaultdict(set)
        self.clubs: dict[int, set[str]] = defaultdict(set)

    @classmethod
    def load(cls, players: Iterable[Player], clubs: Iterable[Club]) -> NameBook:
        """Two queries: the players' aliases and the clubs' aliases."""
        book = cls()
        players = [p for p in players if p is not None]
        clubs = {c.pk: c for c in clubs if c is not None}
        for player in players:
            for name in (player.name, player.known_as, _surname(player.name)):
                if name:
                    book.players[player.pk].add(name)
        for club in clubs.values():
            for name in (club.name, club.short_name):
                if name:
                    book.clubs[club.pk].add(name)
        if players:
            for pk, alias in PlayerAlias.objects.filter(player__in=[p.pk for p in players]).values_list(
                "player_id", "alias"
            ):
                book.players[pk].add(alias)
        if clubs:
            for pk, alias in ClubAlias.objects.filter(club__in=list(clubs)).values_list("club_id", "alias"):
                book.clubs[pk].add(alias)
        return book

    def names(
        self, player_ids: Iterable[int | None] = (), club_ids: Iterable[int | None] = ()
    ) -> tuple[str, ...]:
        found: set[str] = set()
        for pk in player_ids:
            found |= self.players.get(pk, set())
        for pk in club_ids:
            found |= self.clubs.get(pk, set())
        return tuple(sorted(found))


# --- rumours ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Factor:
    factor: str
    label: str
    points: float | None
    value: float | None
    detail: str

    @property
    def name(self) -> str:
        return self.label or self.factor.replace("_", " ")


def _number(value: object) -> float | None:
    return None if isinstance(value, bool) or not isinstance(value, int | float) else value


def explanation(rumour: Rumour) -> list[Factor]:
    """The likelihood breakdown, tolerant of whatever the scorer stored: items that are not objects are
    left out, missing keys are blank. The scorer writes {"factor", "label", "value", "points"}, maybe
    "detail"."""
    items = rumour.likelihood_explanation if isinstance(rumour.likelihood_explanation, list) else []
    return [
        Factor(
            factor=str(item.get("factor") or ""),
            label=str(item.get("label") or ""),
            points=_number(item.get("points")),
            value=_number(item.get("value")),
            detail=str(item.get("detail") or ""),
        )
        for item in items
        if isinstance(item, dict)
    ]


def _latest_mention_subquery() -> Subquery:
    latest = (
        Mention.objects.filter(rumour=OuterRef("pk"))
        .annotate(when=timeline.MENTION_DATE)
        .order_by("-when", "-pk")
        .values("pk")[:1]
    )
    return Subquery(latest)


@dataclass
class RumourCard:
    rumour: Rumour
    outlets: list[str]
    mentions: int
    latest: Mention | None
    factors: list[Factor]
    names: tuple[str, ...] = ()


def rumour_cards(rumours: list[Rumour]) -> list[RumourCard]:
    """Outlets, evidence count and latest evidence for each rumour: two queries for any number of rumours.

    Outlets are the distinct article sources plus the outlets the articles cite, compared by folded name."""
    ids = [r.pk for r in rumours]
    outlets: dict[int, dict[str, str]] = defaultdict(dict)
    counts: dict[int, int] = defaultdict(int)
    if ids:
        grouped = (
            Mention.objects.filter(rumour__in=ids)
            .order_by()
            .values("rumour_id", "article__source__name", "cited_outlet", "cited_source__name")
            .annotate(n=Count("pk"))
        )
        for row in grouped:
            counts[row["rumour_id"]] += row["n"]
            for name in (row["article__source__name"], row["cited_source__name"] or row["cited_outlet"]):
                if name:
                    outlets[row["rumour_id"]].setdefault(fold_name(name), name)
    latest_ids = [r.latest_mention_id for r in rumours if getattr(r, "latest_mention_id", None)]
    latest = (
        Mention.objects.select_related("article__source", "cited_source")
        .defer("article__text")
        .in_bulk(latest_ids)
        if latest_ids
        else {}
    )
    return [
        RumourCard(
            rumour=r,
            outlets=sorted(outlets[r.pk].values(), key=str.casefold),
            mentions=counts[r.pk],
            latest=latest.get(getattr(r, "latest_mention_id", None)),
            factors=explanation(r),
        )
        for r in rumours
    ]


# --- player page --------------------------------------------------------------------------------------------


@dataclass
class ActivityWeek:
    start: dt.date
    count: int


def weekly_activity(player: Player, *, weeks: int = CHART_WEEKS) -> list[ActivityWeek]:
    """Rumour evidence per week for the `weeks` weeks up to the latest one (one grouped query)."""
    rows = (
        Mention.objects.filter(player=player, kind=MentionKind.RUMOUR)
        .annotate(week=TruncWeek(timeline.MENTION_DATE))
        .order_by()
        .values("week")
        .annotate(n=Count("pk"))
    )
    by_week: dict[dt.date, int] = {}
    for row in rows:
        week = row["week"]
        day = week.date() if isinstance(week, dt.datetime) else week
        by_week[day] = by_week.get(day, 0) + row["n"]
    if not by_week:
        return []
    last = max(by_week)
    starts = [last - dt.timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    return [ActivityWeek(start, by_week.get(start, 0)) for start in starts]


@dataclass
class PlayerPage:
    player: Player
    today: dt.date
    contract: Contract | None
    injuries: list[Injury]
    cards: list[RumourCard]
    timeline: timeline.Page
    kind_counts: dict[str, int]
    activity: list[ActivityWeek]
    names: NameBook
    kinds: tuple[tuple[str, str], ...] = field(default=timeline.KINDS)

    @property
    def club(self) -> Club | None:
        return self.contract.club if self.contract else None

    @property
    def open_cards(self) -> list[RumourCard]:
        return [c for c in self.cards if c.rumour.is_open]

    @property
    def closed_cards(self) -> list[RumourCard]:
        return [c for c in self.cards if not c.rumour.is_open]


def player_rumours(player: Player) -> list[Rumour]:
    return list(
        Rumour.objects.visible()
        .filter(player=player)
        .select_related("to_club", "from_club")
        .annotate(latest_mention_id=_latest_mention_subquery())
        .most_likely_first()
    )


def player_page(
    player: Player,
    *,
    kind: str = timeline.Kind.ALL,
    before: timeline.Cursor | None = None,
    today: dt.date | None = None,
) -> PlayerPage:
    """Everything the player page shows, in a fixed number of queries (about ten)."""
    today = today or clock.today()
    events = timeline.load_events(player)
    contract = next((c for c in events.contracts if c.is_current(today)), None)
    injuries = [i for i in events.injuries if i.status != "recovered"]
    cards = rumour_cards(player_rumours(player))
    page = timeline.page(player, kind=kind, before=before, events=events, today=today)
    clubs = {c.rumour.to_club for c in cards} | {c.rumour.from_club for c in cards if c.rumour.from_club}
    clubs |= {club for entry in page.entries for club in (entry.club, entry.other_club) if club}
    if contract:
        clubs.add(contract.club)
    names = NameBook.load([player], clubs)
    for card in cards:
        card.names = names.names([player.pk], [card.rumour.to_club_id, card.rumour.from_club_id])
    attach_names(page, player, names)
    return PlayerPage(
        player=player,
        today=today,
        contract=contract,
        injuries=injuries,
        cards=cards,
        timeline=page,
        kind_counts=timeline.counts(player, events, today=today),
        activity=weekly_activity(player),
        names=names,
    )


def attach_names(page: timeline.Page, player: Player, names: NameBook) -> None:
    for entry in page.entries:
        clubs = [c.pk for c in (entry.club, entry.other_club) if c is not None]
        entry.names = names.names([player.pk], clubs)


def timeline_page(
    player: Player, *, kind: str, before: timeline.Cursor | None, today: dt.date | None = None
) -> timeline.Page:
    """A page of the timeline alone (the htmx filter and 'older' requests, the API)."""
    page = timeline.page(player, kind=kind, before=before, today=today or clock.today())
    attach_names(
        page, player, NameBook.load([player], [c for e in page.entries for c in (e.club, e.other_club)])
    )
    return page


# --- club page ----------------------------------------------------------------------------------------------

POSITION_ORDER = [Position.GOALKEEPER, Position.DEFENDER, Position.MIDFIELDER, Position.FORWARD, ""]


@dataclass
class SquadMember:
    contract: Contract
    injury: Injury | None

    @property
    def player(self) -> Player:
        return self.contract.player


@dataclass
class ClubPage:
    club: Club
    today: dt.date
    squad: list[tuple[str, list[SquadMember]]]
    loaned_out: list[Contract]
    expiring: list[SquadMember]
    rumours_in: list[Rumour]
    rumours_out: list[Rumour]

    @property
    def squad_size(self) -> int:
        return sum(len(members) for _, members in self.squad)


def club_page(club: Club, *, today: dt.date | None = None) -> ClubPage:
    """Squad with contracts and injuries, loans out, expiring deals, rumours in and out: five queries."""
    today = today or clock.today()
    contracts = list(
        Contract.objects.current(today)
        .filter(club=club, player__merged_into__isnull=True)
        .select_related("player", "parent_club")
        .order_by("player__shirt_number", "player__name", *Contract.LATEST_FIRST)
    )
    loaned_out = list(
        Contract.objects.current(today)
        .filter(parent_club=club, is_loan=True)
        .exclude(club=club)
        .select_related("player", "club")
        .order_by("player__name")
    )
    away = {c.player_id for c in loaned_out}
    members: dict[int, Contract] = {}
    for contract in contracts:
        if contract.player_id not in away:
            # Two current contracts at one club (a renewal that overlaps): the latest one wins.
            members.setdefault(contract.player_id, contract)
    injuries: dict[int, Injury] = {}
    if members:
        for injury in (
            Injury.objects.current().filter(player__in=list(members)).order_by("-occurred_on", "-pk")
        ):
            injuries.setdefault(injury.player_id, injury)
    squad_members = [SquadMember(c, injuries.get(c.player_id)) for c in members.values()]
    by_position: dict[str, list[SquadMember]] = {p: [] for p in POSITION_ORDER}
    for member in squad_members:
        by_position.setdefault(member.player.position or "", []).append(member)
    labels = dict(Position.choices) | {"": "Other"}
    squad = [(labels.get(p, "Other") + "s" if p else "Other", m) for p, m in by_position.items() if m]
    horizon = today + dt.timedelta(days=EXPIRING_WITHIN_DAYS)
    expiring = sorted(
        (m for m in squad_members if m.contract.end_date and today <= m.contract.end_date <= horizon),
        key=lambda m: (m.contract.end_date, m.player.name),
    )
    rumours = Rumour.objects.open().select_related("player", "to_club", "from_club").most_likely_first()
    return ClubPage(
        club=club,
        today=today,
        squad=squad,
        loaned_out=loaned_out,
        expiring=expiring,
        rumours_in=list(rumours.filter(to_club=club)[:CLUB_RUMOURS_LIMIT]),
        rumours_out=list(rumours.filter(from_club=club).exclude(to_club=club)[:CLUB_RUMOURS_LIMIT]),
    )


# --- article and source pages -------------------------------------------------------------------------------


@dataclass
class TextPart:
    text: str
    mention_ids: tuple[int, ...] = ()


def article_parts(article: Article, mentions: list[Mention]) -> list[TextPart]:
    """The article text cut at its evidence spans, so each can be marked; spans that do not match the text
    (an edited article, a stale extraction) are left unmarked rather than marking the wrong words."""
    text = article.text
    spans: list[tuple[int, int, int]] = []
    for mention in mentions:
        start, end = mention.span_start, mention.span_end
        if (
            0 <= start < end <= len(text)
            and text[start:end].strip()
            and _span_matches(text[start:end], mention)
        ):
            spans.append((start, end, mention.pk))
    spans.sort()
    parts: list[TextPart] = []
    position = 0
    for start, end, pk in spans:
        if start < position:
            # Overlaps the previous span: attach this mention to it instead of cutting twice.
            if parts and parts[-1].mention_ids:
                parts[-1] = TextPart(parts[-1].text, (*parts[-1].mention_ids, pk))
            continue
        if start > position:
            parts.append(TextPart(text[position:start]))
        parts.append(TextPart(text[start:end], (pk,)))
        position = end
    if position < len(text):
        parts.append(TextPart(text[position:]))
    return parts


def _span_matches(span: str, mention: Mention) -> bool:
    sentence = " ".join(mention.sentence.split())
    span = " ".join(span.split())
    return bool(sentence) and (sentence in span or span in sentence)


@dataclass
class ArticlePage:
    article: Article
    mentions: list[Mention]
    parts: list[TextPart]
    names: NameBook

    @property
    def facts(self) -> list[tuple[str, list[Mention]]]:
        labels = dict(MentionKind.choices)
        grouped: dict[str, list[Mention]] = {}
        for mention in self.mentions:
            grouped.setdefault(mention.kind, []).append(mention)
        return [(labels.get(kind, kind) + "s", items) for kind, items in grouped.items()]


def article_page(article: Article) -> ArticlePage:
    mentions = list(
        article.mentions.select_related(
            "player", "club", "rumour__to_club", "rumour__from_club", "cited_source"
        ).order_by("span_start", "pk")
    )
    players = {m.player_id: m.player for m in mentions}
    clubs = {c.pk: c for m in mentions for c in (m.club, m.rumour and m.rumour.from_club) if c}
    names = NameBook.load(players.values(), clubs.values())
    for mention in mentions:
        from_id = mention.rumour.from_club_id if mention.rumour_id else None
        mention.highlight = names.names([mention.player_id], [mention.club_id, from_id])
    return ArticlePage(
        article=article, mentions=mentions, parts=article_parts(article, mentions), names=names
    )


@dataclass
class SourcePage:
    source: Source
    article_count: int
    cited_count: int
    articles: list[Article]
    rumours: list[Rumour]


def source_page(source: Source) -> SourcePage:
    articles = list(source.articles.defer("text").order_by("-published_at", "-pk")[:SOURCE_ARTICLES_LIMIT])
    reported = Mention.objects.filter(rumour=OuterRef("pk")).filter(
        Q(article__source=source) | Q(cited_source=source)
    )
    rumours = list(
        Rumour.objects.visible()
        .filter(Exists(reported))
        .select_related("player", "to_club", "from_club")
        .order_by("-last_seen", "-pk")[:CLUB_RUMOURS_LIMIT]
    )
    return SourcePage(
        source=source,
        article_count=source.articles.count(),
        cited_count=Mention.objects.filter(cited_source=source).count(),
        articles=articles,
        rumours=rumours,
    )
