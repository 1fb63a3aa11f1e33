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


def default_window(published: date) -> str:
    """The window a rumour published on `published` is about when the text does not say."""
    if published.month == 1:
        return f"{published.year} January"
    if published.month <= 8:
        return f"{published.year} summer"
    return f"{published.year + 1} January"


def window_from_hint(match: re.Match[str], published: date) -> str | None:
    if match.group("last"):
        return None  # a past move: the article's own window is not it
    if match.group("jan"):
        year = match.group("jyear")
        if year:
            return f"{year} January"
        return f"{published.year if published.month == 1 else published.year + 1} January"
    if match.group("summer"):
        year = match.group("syear")
        if year:
            return f"{year} summer"
        text = match.group("summer")
        if text.startswith("next summer") and published.month >= 6:
            return f"{published.year + 1} summer"
        return f"{published.year if published.month <= 8 else published.year + 1} summer"
    return None


def season_end(published: date) -> date:
    """The end of the season running on `published` (30 June)."""
    return date(published.year if published.month <= 6 else published.year + 1, 6, 30)


WINDOW = Gated(WINDOW_RE)
