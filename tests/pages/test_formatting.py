"""Small pieces of the pages: highlighting, time left, points, the chart, the cursor, outbound links."""

import datetime as dt

import pytest

from rumours import charts, timeline
from rumours.templatetags.evidence import find_names, highlight_names
from rumours.templatetags.touchline import points, safe_url, time_left

TODAY = dt.date(2025, 2, 3)


def test_names_are_marked_and_everything_else_escaped():
    html = highlight_names("<b>Mbappé</b> & MBAPPE joined Real Madrid", ["Mbappe", "Real Madrid", "Madrid"])
    assert (
        html
        == "&lt;b&gt;<mark>Mbappé</mark>&lt;/b&gt; &amp; <mark>MBAPPE</mark> joined <mark>Real Madrid</mark>"
    )


def test_only_whole_words_are_marked():
    assert find_names("Realistic Madridista reds", ["Real", "Madrid", "Reds"]) == [(21, 25)]


def test_names_spanning_punctuation_and_special_letters_are_found():
    text = "Ødegaard and Alexander Arnold"
    spans = find_names(text, ["Odegaard", "Alexander-Arnold"])
    assert [text[a:b] for a, b in spans] == ["Ødegaard", "Alexander Arnold"]


def test_a_name_inside_an_escaped_tag_is_still_plain_text():
    assert "<mark>onerror</mark>" in highlight_names('<img src=x onerror="x">', ["onerror"])
    assert "<img" not in highlight_names('<img src=x onerror="x">', ["onerror"])


@pytest.mark.parametrize(
    ("end", "expected"),
    [
        (dt.date(2027, 6, 30), "2 years 4 months left"),
        (dt.date(2025, 6, 30), "4 months left"),
        (dt.date(2025, 3, 1), "3 weeks left"),
        (dt.date(2025, 2, 5), "2 days left"),
        (TODAY, "ends today"),
        (dt.date(2024, 6, 30), "expired 7 months ago"),
        (dt.date(2025, 1, 30), "expired 4 days ago"),
        (None, ""),
    ],
)
def test_time_left_reads_naturally(end, expected):
    assert time_left(end, TODAY) == expected


def test_points_are_signed_with_a_real_minus():
    assert (points(12), points(-3.5), points(0), points(None)) == ("+12", "−3.5", "0", "—")


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", " JAVASCRIPT:x", "data:text/html,x", "//evil", "file:///x", ""]
)
def test_only_http_links_leave_the_site(url):
    assert safe_url(url) == ""


def test_http_links_do():
    assert safe_url("https://news.example/a?b=1") == "https://news.example/a?b=1"


def test_the_chart_draws_one_bar_a_week_and_describes_itself():
    weeks = [(dt.date(2025, 1, 6) + dt.timedelta(weeks=n), n % 3) for n in range(26)]
    svg = charts.weekly_bars(weeks)
    assert svg.count("<rect") == 26
    assert 'role="img"' in svg and "<desc" in svg
    assert "style=" not in svg  # the CSP allows no inline style


def test_the_meter_is_clamped():
    assert 'width="100" height="8" rx="4"></rect></svg>' in charts.likelihood_meter(250)
    assert 'class="meter-fill" x="0" y="0" width="0"' in charts.likelihood_meter(-5)


@pytest.mark.parametrize("value", ["", "x", "1.2", "1.2.3.4", "-1.0.5", "99999999999999999999.1.1", "1.12.1"])
def test_a_malformed_cursor_means_from_the_start(value):
    assert timeline.parse_cursor(value) is None or str(timeline.parse_cursor(value)) == value


def test_a_cursor_round_trips():
    cursor = timeline.Cursor(1_700_000_000_000_000, 2, 41)
    assert timeline.parse_cursor(str(cursor)) == cursor
    assert cursor.when == dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)


def test_unknown_kinds_fall_back_to_everything():
    assert timeline.parse_kind("rumour") == "rumour"
    assert timeline.parse_kind("<script>") == "all"
    assert timeline.parse_kind(None) == "all"
