from datetime import date


def _window(run, text, published):
    (r,) = run(text, published=published).rumours
    return r.window


def test_in_january_after_the_summer_is_next_january(run):
    assert (
        _window(run, "Bayern Munich are keen on Dylan Marsh in January.", date(2024, 10, 6)) == "2025 January"
    )


def test_next_summer_in_autumn(run):
    assert (
        _window(run, "Bayern Munich want to sign Dylan Marsh next summer.", date(2024, 10, 6))
        == "2025 summer"
    )


def test_next_summer_in_spring_is_this_summer(run):
    assert (
        _window(run, "Bayern Munich want to sign Dylan Marsh next summer.", date(2025, 3, 1)) == "2025 summer"
    )


def test_default_windows_from_the_date(run):
    text = "Bayern Munich are keen on Dylan Marsh."
    assert _window(run, text, date(2025, 1, 10)) == "2025 January"
    assert _window(run, text, date(2025, 4, 10)) == "2025 summer"
    assert _window(run, text, date(2025, 11, 10)) == "2026 January"


def test_mid_season_means_january(run):
    assert _window(
        run, "Bayern Munich are weighing up a mid-season move for Dylan Marsh.", date(2024, 10, 6)
    ) == ("2025 January")
