"""Name search for players and clubs: case-, accent- and punctuation-insensitive, with aliases.

Nothing new is stored. Aliases already keep a folded form (`normalised`, from players.text.fold_name);
canonical names are folded inside the query by `Folded`, which uses PostgreSQL's translate() (one pass, no
extension) and, on SQLite, search_key() itself registered as an SQL function, so "alexander arnold" finds
"Trent Alexander-Arnold" and "mbappe" finds "Kylian Mbappé" on both databases.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from django.db.models import Case, CharField, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.db.models.expressions import Func
from django.db.models.functions import Lower

from players.models import Club, ClubAlias, Player, PlayerAlias
from players.text import fold_name

MAX_QUERY_LENGTH = 100
RESULTS_LIMIT = 20
SUGGESTIONS_LIMIT = 8
# Punctuation inside names: a hyphen reads as a space ("Alexander-Arnold"), apostrophes and dots vanish
# ("N'Golo", "St. Pauli").
_AS_SPACE = "-‐‑–"
_DROPPED = "'’.`"


@lru_cache(maxsize=1)
def _char_map() -> dict[str, str]:
    """Every Latin letter with a diacritic (and the odd ones fold_name knows) mapped to its folded letter."""
    mapping: dict[str, str] = {}
    for code in list(range(0x00C0, 0x0250)) + list(range(0x1E00, 0x1F00)):
        char = chr(code)
        if not unicodedata.category(char).startswith("L"):
            continue
        folded = fold_name(char)
        if len(folded) == 1 and folded != char and folded.isascii():
            mapping[char] = folded
    for char in _AS_SPACE:
        mapping[char] = " "
    return mapping


def search_key(text: str) -> str:
    """The folded form both sides of a comparison are reduced to."""
    folded = fold_name(text.replace("\x00", ""))
    for char in _AS_SPACE:
        folded = folded.replace(char, " ")
    for char in _DROPPED:
        folded = folded.replace(char, "")
    return " ".join(folded.split())


class Folded(Func):
    """search_key() in SQL, close enough for matching: lower-case, accents and punctuation folded."""

    output_field = CharField()

    def __init__(self, expression, **extra) -> None:
        super().__init__(Lower(expression), **extra)

    def as_postgresql(self, compiler, connection, **extra_context):
        mapping = _char_map()
        source = "".join(mapping) + _DROPPED
        target = "".join(
            mapping.values()
        )  # the dropped characters have no counterpart, so translate() drops them
        sql, params = compiler.compile(self.source_expressions[0])
        return f"replace(translate({sql}, %s, %s), 'ß', 'ss')", [*params, source, target]

    def as_sqlite(self, compiler, connection, **extra_context):
        # SQLite (development) has no translate(), and a chain of replace() calls overflows its parser:
        # the same folding as search_key(), registered on the connection as a deterministic SQL function.
        connection.ensure_connection()
        connection.connection.create_function(
            "touchline_search_key", 1, _sqlite_search_key, deterministic=True
        )
        sql, params = compiler.compile(self.source_expressions[0])
        return f"touchline_search_key({sql})", params

    def as_sql(self, compiler, connection, **extra_context):
        # Any other database: case-insensitive only.
        return compiler.compile(self.source_expressions[0])


def _sqlite_search_key(value: str | None) -> str | None:
    return None if value is None else search_key(value)


@dataclass
class Results:
    query: str
    players: list[Player]
    clubs: list[Club]
    current_clubs: dict[int, Club]

    def __bool__(self) -> bool:
        return bool(self.players or self.clubs)


def _tokens(key: str) -> list[str]:
    return [token for token in key.split() if token]


def _rank(field: str, key: str) -> Case:
    return Case(
        When(**{f"{field}": key}, then=Value(0)),
        When(**{f"{field}__startswith": key}, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )


def matching_players(key: str) -> QuerySet[Player]:
    """Players whose name or known-as name holds every word of the query, or one of whose aliases holds it."""
    alias = PlayerAlias.objects.filter(player=OuterRef("pk")).annotate(folded=Folded("normalised"))
    queryset = Player.objects.active().annotate(folded_name=Folded("name"), folded_known=Folded("known_as"))
    words = Q()
    for token in _tokens(key):
        words &= Q(folded_name__contains=token) | Q(folded_known__contains=token)
    alias_match = Exists(alias.filter(folded__contains=key))
    exact_alias = Exists(alias.filter(folded=key))
    return (
        queryset.filter(words | alias_match)
        .annotate(
            rank=Case(
                When(Q(folded_name=key) | Q(folded_known=key) | exact_alias, then=Value(0)),
                When(Q(folded_name__startswith=key) | Q(folded_known__startswith=key), then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .order_by("rank", "name", "pk")
    )


def matching_clubs(key: str) -> QuerySet[Club]:
    alias = ClubAlias.objects.filter(club=OuterRef("pk")).annotate(folded=Folded("normalised"))
    queryset = Club.objects.annotate(folded_name=Folded("name"), folded_short=Folded("short_name"))
    words = Q()
    for token in _tokens(key):
        words &= Q(folded_name__contains=token) | Q(folded_short__contains=token)
    return (
        queryset.filter(words | Exists(alias.filter(folded__contains=key)))
        .annotate(
            rank=Case(
                When(
                    Q(folded_name=key) | Q(folded_short=key) | Exists(alias.filter(folded=key)), then=Value(0)
                ),
                When(folded_name__startswith=key, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .order_by("rank", "name", "pk")
    )


def search(query: str, *, limit: int = RESULTS_LIMIT) -> Results:
    """Players and clubs matching `query`, best first, with each player's current club: three queries."""
    query = query.replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    key = search_key(query)
    if not key:
        return Results(query=query, players=[], clubs=[], current_clubs={})
    players = list(matching_players(key).with_current_contract()[:limit])
    clubs = list(matching_clubs(key)[:limit])
    club_ids = {p.current_club_id for p in players if p.current_club_id}
    current = Club.objects.in_bulk(club_ids) if club_ids else {}
    return Results(query=query, players=players, clubs=clubs, current_clubs=current)


def suggestions(query: str, *, limit: int = SUGGESTIONS_LIMIT) -> Results:
    return search(query, limit=limit)
