"""A player's timeline: the dated union of evidence (mentions), injuries, contract events and completed moves.

Mentions can number in the thousands, so they are read a page at a time with a keyset cursor; the other
events are few per player and are read whole. Every entry has a sort key (when, rank, pk), newest first; the
cursor of a page is the key of its last entry, so "older" pages never skip or repeat an entry, even when
several share a timestamp. A page costs the same number of queries however long the timeline is.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from players import clock
from players.models import Club, Contract, Injury, Player
from rumours.models import Mention, Rumour, Stage

PAGE_SIZE = 40


class Kind:
    ALL = "all"
    RUMOUR = "rumour"
    INJURY = "injury"
    CONTRACT = "contract"
    TRANSFER = "transfer"


KINDS: tuple[tuple[str, str], ...] = (
    (Kind.ALL, "Everything"),
    (Kind.RUMOUR, "Rumours"),
    (Kind.INJURY, "Injuries"),
    (Kind.CONTRACT, "Contracts"),
    (Kind.TRANSFER, "Transfers"),
)
KIND_VALUES = frozenset(value for value, _ in KINDS)

# Ties on the same instant: moves first, then contract events, injuries, and evidence last.
RANK_TRANSFER = 5
RANK_CONTRACT_START = 4
RANK_CONTRACT_END = 3
RANK_INJURY = 2
RANK_MENTION = 0

# When a piece of evidence happened: its article's publication, else when we stored the article.
MENTION_DATE = Coalesce(F("article__published_at"), F("article__created_at"))

_CURSOR = re.compile(r"^(-?\d{1,18})\.(\d)\.(\d{1,18})$")


@dataclass(frozen=True, order=True)
class Cursor:
    micros: int
    rank: int
    pk: int

    def __str__(self) -> str:
        return f"{self.micros}.{self.rank}.{self.pk}"

    @property
    def when(self) -> dt.datetime:
        return dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(microseconds=self.micros)


def parse_kind(value: str | None) -> str:
    return value if value in KIND_VALUES else Kind.ALL


def parse_cursor(value: str | None) -> Cursor | None:
    """A cursor from a query string; anything malformed means 'from the newest'."""
    match = _CURSOR.match(value or "")
    if not match:
        return None
    micros, rank, pk = (int(group) for group in match.groups())
    try:
        Cursor(micros, rank, pk).when  # noqa: B018 - out-of-range instants are rejected here
    except OverflowError:
        return None
    return Cursor(micros, rank, pk)


def _micros(when: dt.datetime) -> int:
    delta = when - dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def _start_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)


@dataclass
class Entry:
    kind: str
    when: dt.datetime
    rank: int
    pk: int
    title: str
    stage: str = ""
    sentence: str = ""
    mention: Mention | None = None
    club: Club | None = None
    other_club: Club | None = None
    # Names to highlight in the sentence; filled in once per page with all aliases at hand.
    names: tuple[str, ...] = field(default=())

    @property
    def key(self) -> Cursor:
        return Cursor(_micros(self.when), self.rank, self.pk)

    @property
    def cursor(self) -> str:
        return str(self.key)

    @property
    def is_dated_by_day(self) -> bool:
        return self.mention is None

    @property
    def anchor(self) -> str:
        return f"t-{self.rank}-{self.pk}"

    @property
    def article(self):
        return self.mention.article if self.mention else None

    @property
    def outlet(self) -> str:
        if self.mention is None:
            return ""
        source = self.mention.article.source
        return source.name if source else ""

    @property
    def cited(self) -> str:
        if self.mention is None:
            return ""
        if self.mention.cited_source_id and self.mention.cited_source:
            return self.mention.cited_source.name
        return self.mention.cited_outlet


@dataclass
class Page:
    kind: str
    entries: list[Entry]
    next_cursor: str | None
    before: Cursor | None


@dataclass
class Events:
    """The few, non-evidence events of one player, read once and shared with the page header."""

    contracts: list[Contract]  # latest first
    injuries: list[Injury]
    completed: list[Rumour]


def load_events(player: Player) -> Events:
    contracts = list(
        Contract.objects.filter(player=player)
        .select_related("club", "parent_club")
        .order_by(*Contract.LATEST_FIRST)
    )
    injuries = list(Injury.objects.filter(player=player).select_related("club"))
    completed = list(
        Rumour.objects.visible()
        .filter(player=player, stage=Stage.COMPLETED)
        .select_related("to_club", "from_club")
        .order_by("-last_seen")
    )
    return Events(contracts=contracts, injuries=injuries, completed=completed)


def event_entries(events: Events, *, today: dt.date) -> list[Entry]:
    """Injuries, contract signings and expiries, and completed moves as entries, newest first."""
    entries: list[Entry] = []
    oldest_first = sorted((c for c in events.contracts if c.start_date), key=lambda c: (c.start_date, c.pk))
    previous: Contract | None = None
    for contract in oldest_first:
        if contract.is_loan:
            kind, title = Kind.TRANSFER, f"Loan move to {contract.club}"
        elif previous is not None and previous.club_id != contract.club_id and not previous.is_loan:
            kind, title = Kind.TRANSFER, f"Moved from {previous.club} to {contract.club}"
        elif previous is not None and previous.club_id == contract.club_id:
            kind, title = Kind.CONTRACT, f"New contract with {contract.club}"
        else:
            kind, title = Kind.CONTRACT, f"Signed for {contract.club}"
        if contract.end_date:
            title += f" until {contract.end_date:%-d %B %Y}"
        other = previous.club if previous is not None and previous.club_id != contract.club_id else None
        entries.append(
            Entry(
                kind=kind,
                when=_start_of(contract.start_date),
                rank=RANK_CONTRACT_START,
                pk=contract.pk,
                title=title,
                club=contract.club,
                other_club=other,
            )
        )
        if not contract.is_loan:
            previous = contract
    for contract in events.contracts:
        if contract.end_date and contract.end_date < today:
            entries.append(
                Entry(
                    kind=Kind.CONTRACT,
                    when=_start_of(contract.end_date),
                    rank=RANK_CONTRACT_END,
                    pk=contract.pk,
                    title=f"{'Loan' if contract.is_loan else 'Contract'} with {contract.club} ended",
                    club=contract.club,
                )
            )
    for injury in events.injuries:
        day = injury.occurred_on or timezone.localdate(injury.created_at)
        title = f"Injured: {injury.description}"
        if injury.expected_absence:
            title += f" (expected out {injury.expected_absence})"
        entries.append(
            Entry(
                kind=Kind.INJURY,
                when=_start_of(day),
                rank=RANK_INJURY,
                pk=injury.pk,
                title=title,
                stage=injury.status,
                club=injury.club,
            )
        )
    for rumour in events.completed:
        entries.append(
            Entry(
                kind=Kind.TRANSFER,
                when=rumour.resolved_at or rumour.last_seen,
                rank=RANK_TRANSFER,
                pk=rumour.pk,
                title=f"Completed {'loan ' if rumour.is_loan else ''}move to {rumour.to_club}",
                stage=Stage.COMPLETED,
                club=rumour.to_club,
                other_club=rumour.from_club,
            )
        )
    entries.sort(key=lambda e: e.key, reverse=True)
    return entries


def mention_queryset(player: Player) -> QuerySet[Mention]:
    return (
        Mention.objects.filter(player=player)
        .select_related("article__source", "club", "cited_source", "rumour__from_club", "rumour__to_club")
        # Article text can be long and is not shown on the timeline.
        .defer("article__text")
        .annotate(when=MENTION_DATE)
    )


def _mentions_before(queryset: QuerySet[Mention], before: Cursor | None) -> QuerySet[Mention]:
    if before is None:
        return queryset
    if before.rank > RANK_MENTION:
        # Mentions sort after every other event at the same instant.
        return queryset.filter(when__lte=before.when)
    return queryset.filter(Q(when__lt=before.when) | Q(when=before.when, pk__lt=before.pk))


_STANCE_TITLE = {
    Stage.LINKED: "Linked with {club}",
    Stage.INTEREST: "{club} interested",
    Stage.TALKS: "Talks with {club}",
    Stage.BID: "Bid from {club}",
    Stage.AGREED: "Move to {club} agreed",
    Stage.COMPLETED: "Joined {club}",
    Stage.REJECTED: "Move to {club} rejected",
    Stage.DENIED: "Link with {club} denied",
    Stage.DEAD: "Move to {club} off",
    Stage.RENEWED: "Renewed instead of joining {club}",
}


def mention_entry(mention: Mention) -> Entry:
    club = mention.club or (mention.rumour.to_club if mention.rumour_id else None)
    if mention.kind == Kind.RUMOUR:
        template = _STANCE_TITLE.get(mention.stance, "Linked with {club}")
        title = template.format(club=club or "a club")
        other = mention.rumour.from_club if mention.rumour_id else None
    elif mention.kind == Kind.INJURY:
        title, other = f"Injury news: {mention.fact}" if mention.fact else "Injury news", None
    else:
        title, other = f"Contract news: {mention.fact}" if mention.fact else "Contract news", None
    return Entry(
        kind=mention.kind,
        when=mention.when,
        rank=RANK_MENTION,
        pk=mention.pk,
        title=title,
        stage=mention.stance,
        sentence=mention.sentence,
        mention=mention,
        club=club,
        other_club=other,
    )


def page(
    player: Player,
    *,
    kind: str = Kind.ALL,
    before: Cursor | None = None,
    events: Events | None = None,
    today: dt.date | None = None,
    limit: int = PAGE_SIZE,
) -> Page:
    """One page of the timeline, newest first: one query for mentions plus three for events (unless given)."""
    today = today or clock.today()
    events = events if events is not None else load_events(player)
    others = [e for e in event_entries(events, today=today) if kind in (Kind.ALL, e.kind)]
    if before is not None:
        others = [e for e in others if e.key < before]

    mentions: list[Entry] = []
    if kind in (Kind.ALL, Kind.RUMOUR, Kind.INJURY, Kind.CONTRACT):
        queryset = mention_queryset(player)
        if kind != Kind.ALL:
            queryset = queryset.filter(kind=kind)
        queryset = _mentions_before(queryset, before).order_by("-when", "-pk")
        mentions = [mention_entry(m) for m in queryset[: limit + 1]]

    merged = sorted([*others, *mentions], key=lambda e: e.key, reverse=True)
    shown = merged[:limit]
    next_cursor = shown[-1].cursor if len(merged) > limit else None
    return Page(kind=kind, entries=shown, next_cursor=next_cursor, before=before)


def counts(player: Player, events: Events, *, today: dt.date) -> dict[str, int]:
    """How many entries each filter would show (one grouped query over the mentions)."""
    result = {value: 0 for value in KIND_VALUES}
    grouped = Mention.objects.filter(player=player).order_by().values("kind").annotate(n=Count("pk"))
    for row in grouped:
        if row["kind"] in result:
            result[row["kind"]] += row["n"]
    for entry in event_entries(events, today=today):
        result[entry.kind] += 1
    result[Kind.ALL] = sum(n for key, n in result.items() if key != Kind.ALL)
    return result
