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


def test_a_loan_until_the_end_of_the_season_is_no_summer_hint(run):
    text = (
        "Bayern Munich want to sign Dylan Marsh. "
        "Marco Bellini has joined Real Madrid on loan until the end of the season."
    )
    x = run(text, published=date(2025, 1, 15))
    assert {(r.player_id, r.window) for r in x.rumours} == {(8, "2025 January"), (3, "2025 January")}


def test_since_the_summer_is_no_summer_hint(run):
    x = run(
        "Bayern Munich have been interested in Dylan Marsh since the summer.", published=date(2025, 1, 15)
    )
    assert [r.window for r in x.rumours] == ["2025 January"]


def test_a_move_done_now_is_in_the_open_window_whatever_else_the_article_plans(run):
    text = "Bayern Munich have signed Dylan Marsh. They will look for a striker in the summer."
    x = run(text, published=date(2025, 1, 15))
    assert [(r.stage, r.window) for r in x.rumours] == [("completed", "2025 January")]
