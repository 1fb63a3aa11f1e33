"""Transfer windows ("2025 January", "2025 summer") from the publication date and what the text says."""

from __future__ import annotations

import re
from datetime import date

from .triggers import Gated

WINDOW_RE = re.compile(
    r"(?P<jan>\bin january\b|\bjanuary (?:transfer )?window\b|\bjanuary\b(?! \d)|\bmid-season\b|\bwinter "
    r"(?:transfer )?window\b|\bwhen the (?:transfer )?window (?:re)?opens\b)(?: (?P<jyear>20\d\d))?"
    r"|(?P<last>\blast summer\b|\blast january\b)"
    r"|(?P<summer>\bnext summer\b|\bthis summer\b|\bin the summer\b|\bthe summer\b|\bend of (?:the|this) "
    r"season\b|\bclose season\b|\bpre-season\b|\bsummer (?:transfer )?window\b|\bnext season\b)"
    r"(?: of (?P<syear>20\d\d))?"
)


# The latest day each window has closed on in the big five leagues (deadline day moves when it falls on a
# weekend: 3 February 2025, 1 September 2025). Until then a move done or reported belongs to that window. The
# curation job that closes ended windows reads the same days, so no rumour is filed under a closed window.
LAST_DAY = {"January": (2, 3), "summer": (9, 1)}


def window_last_day(window: str) -> date | None:
    """'2025 January' -> 2025-02-03; '2025 summer' -> 2025-09-01; None for a window it cannot read."""
    year, _, season = (window or "").strip().partition(" ")
    season = season.strip().lower()
    kind = "January" if season == "january" else "summer" if season == "summer" else None
    if kind is None or not (year.isdigit() and len(year) == 4):
        return None
    return date(int(year), *LAST_DAY[kind])


def _in_january_window(day: date) -> bool:
    return (day.month, day.day) <= LAST_DAY["January"]


def _before_summer_closes(day: date) -> bool:
    return (day.month, day.day) <= LAST_DAY["summer"]


_NOT_THE_MOVE = re.compile(r"(?:\bsince|\b(?:loan|move)\b[^.;]{0,40}\b(?:until|till)(?: the)?)\s+$")


def default_window(published: date) -> str:
    """The window a rumour published on `published` is about when the text does not say: the one open (or
    on its last days) then, else the next."""
    if _in_january_window(published):
        return f"{published.year} January"
    if _before_summer_closes(published):
        return f"{published.year} summer"
    return f"{published.year + 1} January"


def window_from_hint(match: re.Match[str], published: date) -> str | None:
    if match.group("last"):
        return None  # a past move: the article's own window is not it
    if match.group("jan"):
        year = match.group("jyear")
        if year:
            return f"{year} January"
        return f"{published.year if _in_january_window(published) else published.year + 1} January"
    if match.group("summer"):
        if _NOT_THE_MOVE.search(match.string, max(0, match.start() - 40), match.start()):
            return None  # "since the summer", "on loan until the end of the season": not when a move happens
        year = match.group("syear")
        if year:
            return f"{year} summer"
        text = match.group("summer")
        if text.startswith("next summer") and published.month >= 6:
            return f"{published.year + 1} summer"
        return f"{published.year if _before_summer_closes(published) else published.year + 1} summer"
    return None


def season_end(published: date) -> date:
    """The end of the season running on `published` (30 June)."""
    return date(published.year if published.month <= 6 else published.year + 1, 6, 30)


WINDOW = Gated(WINDOW_RE)
