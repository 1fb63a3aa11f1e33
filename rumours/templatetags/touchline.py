"""Formatting for the reader pages: time left, wages, likelihood points, stages, safe outbound links."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from django import template
from django.utils.safestring import SafeString

from players import clock
from players.models import Currency
from rumours import charts
from rumours.models import CLOSED_STAGES, Stage

register = template.Library()

_CURRENCY_SYMBOLS = dict(Currency.choices)


def _months_between(start: dt.date, end: dt.date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - (1 if end.day < start.day else 0)


@register.filter
def time_left(end: dt.date | None, today: dt.date) -> str:
    """'2 years 3 months left', '5 weeks left', 'ends today', 'expired 4 months ago'."""
    if not end or not today:
        return ""
    if end == today:
        return "ends today"
    if end < today:
        months = _months_between(end, today)
        ago = f"{months} month{'s' * (months != 1)} ago" if months else f"{(today - end).days} days ago"
        return f"expired {ago}"
    months = _months_between(today, end)
    if months < 2:
        weeks = (end - today).days // 7
        return f"{weeks} week{'s' * (weeks != 1)} left" if weeks else f"{(end - today).days} days left"
    years, months = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years} year{'s' * (years != 1)}")
    if months:
        parts.append(f"{months} month{'s' * (months != 1)}")
    return " ".join(parts) + " left"


@register.filter
def wage(contract) -> str:
    """'£350,000 a week', or '' when the wage is unknown."""
    if not contract or contract.weekly_wage is None:
        return ""
    symbol = _CURRENCY_SYMBOLS.get(contract.wage_currency, contract.wage_currency + " ")
    return f"{symbol}{contract.weekly_wage:,} a week"


@register.filter
def points(value: float | None) -> str:
    """Signed points for a likelihood factor, with a real minus sign."""
    if value is None:
        return "—"
    number = f"{abs(value):g}"
    return f"+{number}" if value > 0 else f"−{number}" if value < 0 else "0"


@register.filter
def stage_label(stage: str) -> str:
    return Stage(stage).label if stage in Stage.values else (stage or "").capitalize()


@register.filter
def stage_class(stage: str) -> str:
    if stage in (Stage.COMPLETED, Stage.AGREED):
        return "stage-done"
    if stage in (Stage.REJECTED, Stage.DENIED, Stage.DEAD, Stage.RENEWED):
        return "stage-off"
    if stage in (Stage.BID, Stage.TALKS):
        return "stage-hot"
    return "stage-early"


@register.filter
def is_closed(stage: str) -> bool:
    return stage in CLOSED_STAGES


@register.filter
def safe_url(url: str) -> str:
    """An outbound link only if it is plain http(s); anything else (javascript:, data:) becomes ''."""
    url = (url or "").strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return ""
    return url if scheme in ("http", "https") else ""


@register.filter
def age_on(player, day: dt.date) -> int | None:
    return player.age_on(day) if player else None


@register.simple_tag
def likelihood_meter(value: int) -> SafeString:
    return charts.likelihood_meter(value)


@register.simple_tag
def activity_chart(weeks, chart_id: str = "activity") -> SafeString:
    return charts.weekly_bars([(week.start, week.count) for week in weeks], chart_id=chart_id)


@register.filter
def get_item(mapping: dict, key):
    return mapping.get(key) if mapping else None


@register.simple_tag
def data_note() -> str:
    """The footer's note on what 'today' means for the data shown, and how old the demo data is."""
    from django.conf import settings

    from rumours.selectors import demo_as_of

    today = clock.today()
    if not getattr(settings, "TOUCHLINE_TODAY", None):
        return f"Ages and contract time left are counted from today, {today:%-d %B %Y}."
    note = (
        f"The site's clock is set to {today:%-d %B %Y} (TOUCHLINE_TODAY): ages and contract time left "
        "count from then."
    )
    as_of = demo_as_of()
    if as_of:
        note = f"Demo data: squads and contracts as they stood on {as_of}. " + note
    return note
