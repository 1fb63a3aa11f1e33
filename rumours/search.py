"""Name search for players and clubs: case-, accent- and punctuation-insensitive, with aliases.

Nothing new is stored, and no function runs over every row. The query is folded (players.text.fold_name,
plus hyphens read as spaces and apostrophes dropped) and turned into a regular expression in which each
letter matches its accented forms ("e" matches "é", "è", "É"...) and punctuation may sit between letters.
The database then compares each name with one compiled pattern (PostgreSQL's ~*, SQLite's REGEXP), so
"alexander arnold" finds "Trent Alexander-Arnold", "mbappe" finds "Kylian Mbappé" and "ngolo" finds
"N'Golo". Aliases are matched on their stored folded form (`normalised`). Every word of the query must
appear; exact and prefix matches of the whole query rank first.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When

from players.models import Club, ClubAlias, Player, PlayerAlias
from players.text import fold_name

MAX_QUERY_LENGTH = 100
RESULTS_LIMIT = 20
SUGGESTIONS_LIMIT = 8
# Punctuation inside names: a hyphen reads as a space ("Alexander-Arnold"), apostrophes and dots vanish
# ("N'Golo", "St. Pauli").
_AS_SPACE = "-‐‑–"
_DROPPED = "'’.`"
_BETWEEN_LETTERS = "['’.`]?"
_BETWEEN_WORDS = "[-‐‑–\\s'’.`]+"


def search_key(text: str) -> str:
    """The folded query: lower case, no accents, hyphens as spaces, no apostrophes or dots."""
    folded = fold_name(text.replace("\x00", ""))
    for char in _AS_SPACE:
        folded = folded.replace(char, " ")
    for char in _DROPPED:
        folded = folded.replace(char, "")
    return " ".join(folded.split())


@lru_cache(maxsize=1)
def _accented() -> dict[str, str]:
    """For each plain letter, the Latin letters with diacritics (either case) that fold to it."""
    forms: dict[str, set[str]] = defaultdict(set)
    for code in list(range(0x00C0, 0x0250)) + list(range(0x1E00, 0x1F00)):
        char = chr(code)
        if unicodedata.category(char).startswith("L"):
            folded = fold_name(char)
            if len(folded) == 1 and folded.isascii() and folded.isalpha() and folded != char:
                forms[folded].add(char)
    return {letter: "".join(sorted(chars)) for letter, chars in forms.items()}


def _letter(char: str) -> str:
    accented = _accented().get(char)
    return f"[{char}{accented}]" if accented else re.escape(char)


def _word_pattern(word: str) -> str:
    pieces = []
    index = 0
    while index < len(word):
        if word.startswith("ss", index):
            pieces.append("(?:ss|ß)")  # fold_name reads "ß" as "ss"
            index += 2
        else:
            pieces.append(_letter(word[index]))
            index += 1
    return _BETWEEN_LETTERS.join(pieces)


def _phrase_pattern(key: str) -> str:
    return _BETWEEN_WORDS.join(_word_pattern(word) for word in key.split())


@dataclass
class Results:
    query: str
    players: list[Player]
    clubs: list[Club]
    current_clubs: dict[int, Club]

    def __bool__(self) -> bool:
        return bool(self.players or self.clubs)


def _matching(queryset: QuerySet, fields: tuple[str, str], aliases: QuerySet, key: str) -> QuerySet:
    """Rows where every word is in one of `fields`, or an alias holds the whole query; best first."""
    words = Q()
    for word in key.split():
        pattern = _word_pattern(word)
        words &= Q(**{f"{fields[0]}__iregex": pattern}) | Q(**{f"{fields[1]}__iregex": pattern})
    phrase = _phrase_pattern(key)
    exact, prefix = f"^{phrase}$", f"^{phrase}"
    return (
        queryset.filter(words | Exists(aliases.filter(normalised__iregex=phrase)))
        .annotate(
            rank=Case(
                When(
                    Q(**{f"{fields[0]}__iregex": exact})
                    | Q(**{f"{fields[1]}__iregex": exact})
                    | Exists(aliases.filter(normalised__iregex=exact)),
                    then=Value(0),
                ),
                When(
                    Q(**{f"{fields[0]}__iregex": prefix}) | Q(**{f"{fields[1]}__iregex": prefix}),
                    then=Value(1),
                ),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .order_by("rank", "name", "pk")
    )


def matching_players(key: str) -> QuerySet[Player]:
    """Players whose name or known-as name holds every word of the folded `key`, or an alias holds it."""
    aliases = PlayerAlias.objects.filter(player=OuterRef("pk"))
    return _matching(Player.objects.active(), ("name", "known_as"), aliases, key)


def matching_clubs(key: str) -> QuerySet[Club]:
    aliases = ClubAlias.objects.filter(club=OuterRef("pk"))
    return _matching(Club.objects.all(), ("name", "short_name"), aliases, key)


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
