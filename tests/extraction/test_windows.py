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


def test_a_move_done_on_deadline_day_in_february_belongs_to_january(run):
    # The January window ran to 3 February in 2025: a signing reported that day is not a summer rumour.
    text = "Bayern Munich have completed the signing of Dylan Marsh."
    assert _window(run, text, date(2025, 2, 3)) == "2025 January"
    assert _window(run, text, date(2025, 2, 4)) == "2025 summer"


def test_a_move_done_on_summer_deadline_day_belongs_to_the_summer(run):
    text = "Bayern Munich have completed the signing of Dylan Marsh."
    assert _window(run, text, date(2025, 9, 1)) == "2025 summer"
    assert _window(run, text, date(2025, 9, 2)) == "2026 January"


def test_in_january_read_on_deadline_day_is_this_january(run):
    text = "Bayern Munich want to sign Dylan Marsh in January."
    assert _window(run, text, date(2025, 2, 2)) == "2025 January"
    assert _window(run, text, date(2025, 2, 20)) == "2026 January"


def test_windows_never_filed_under_one_already_closed():
    from datetime import timedelta

    from rumours.extraction.windows import default_window, window_last_day

    day = date(2024, 1, 1)
    while day < date(2026, 1, 1):
        window = default_window(day)
        assert window_last_day(window) >= day, (day, window)
        day += timedelta(days=1)
