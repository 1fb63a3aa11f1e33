"""Small server-side SVG charts: no chart library, no script, and nothing a strict CSP would block.

Only SVG presentation attributes are used (no style attributes), and colours come from classes in
static/css/components.css, so the chart follows the page's palette.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

WIDTH = 260
HEIGHT = 64
BASELINE = 54  # room under the bars for the axis line


def _describe(weeks: Sequence[tuple[dt.date, int]]) -> str:
    total = sum(count for _, count in weeks)
    busiest_start, busiest = max(weeks, key=lambda week: (week[1], week[0]))
    first, last = weeks[0][0], weeks[-1][0]
    if not total:
        return f"No rumour evidence in the {len(weeks)} weeks from {first:%-d %b %Y} to {last:%-d %b %Y}."
    pieces = "piece" if total == 1 else "pieces"
    return (
        f"{total} {pieces} of rumour evidence in the {len(weeks)} weeks from {first:%-d %b %Y} to "
        f"{last:%-d %b %Y}; the busiest week began {busiest_start:%-d %b %Y} with {busiest}."
    )


def weekly_bars(weeks: Sequence[tuple[dt.date, int]], *, chart_id: str = "activity") -> SafeString:
    """A bar sparkline of counts per week, oldest on the left, with a text description for screen readers."""
    if not weeks:
        return format_html('<p class="chart-empty">{}</p>', "No rumour activity recorded yet.")
    peak = max(count for _, count in weeks) or 1
    slot = WIDTH / len(weeks)
    bar = max(slot - 2, 1)

    def bar_rows():
        for index, (start, count) in enumerate(weeks):
            height = round(count / peak * (BASELINE - 4), 1) if count else 0
            x = round(index * slot + (slot - bar) / 2, 1)
            yield (
                x,
                round(BASELINE - height, 1),
                round(bar, 1),
                height,
                "bar bar-peak" if count == peak and count else "bar",
                f"Week of {start:%-d %b %Y}: {count}",
            )

    bars = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" class="{}"><title>{}</title></rect>',
        bar_rows(),
    )
    return format_html(
        '<svg class="chart" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        'aria-labelledby="{id}-title {id}-desc" preserveAspectRatio="none">'
        '<title id="{id}-title">Rumour activity per week</title>'
        '<desc id="{id}-desc">{desc}</desc>'
        '<line x1="0" y1="{base}" x2="{w}" y2="{base}" class="axis"></line>'
        "{bars}"
        '<text x="0" y="{h}" class="chart-label">{first}</text>'
        '<text x="{w}" y="{h}" class="chart-label chart-label-end">{last}</text>'
        "</svg>",
        w=WIDTH,
        h=HEIGHT,
        id=chart_id,
        desc=_describe(weeks),
        base=BASELINE,
        bars=bars,
        first=f"{weeks[0][0]:%b %Y}",
        last=f"{weeks[-1][0]:%b %Y}",
    )


def likelihood_meter(value: int) -> SafeString:
    """A 0–100 bar drawn with SVG, since a width set in a style attribute would break the CSP."""
    value = min(max(int(value or 0), 0), 100)
    band = "low" if value < 34 else "mid" if value < 67 else "high"
    return format_html(
        '<svg class="meter meter-{}" viewBox="0 0 100 8" width="100" height="8" aria-hidden="true" '
        'focusable="false" preserveAspectRatio="none">'
        '<rect class="meter-track" x="0" y="0" width="100" height="8" rx="4"></rect>'
        '<rect class="meter-fill" x="0" y="0" width="{}" height="8" rx="4"></rect></svg>',
        band,
        value,
    )
