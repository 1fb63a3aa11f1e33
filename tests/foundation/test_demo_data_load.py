"""The demo data set loads with one command, twice without change, with clubs, players and contracts."""

import datetime as dt
import io

from django.core.management import call_command

from players.models import Club, ClubAlias, Contract, Player, PlayerAlias, Staff
from rumours.models import Source


def counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Club, ClubAlias, Player, PlayerAlias, Contract, Staff, Source))


def test_load_demo_is_idempotent_and_complete(db, settings):
    settings.TOUCHLINE_TODAY = dt.date(2025, 2, 3)
    call_command("load_demo", "--no-articles", stdout=io.StringIO())
    first = counts()
    call_command("load_demo", "--no-articles", stdout=io.StringIO())
    assert counts() == first
    assert Club.objects.count() == 96
    assert Player.objects.count() >= 300
    assert set(Club.objects.values_list("league", flat=True)) == {
        "Premier League",
        "La Liga",
        "Bundesliga",
        "Serie A",
        "Ligue 1",
    }
    trent = Player.objects.get(name="Trent Alexander-Arnold")
    assert trent.current_club.name == "Liverpool"
    assert trent.contract_on().end_date == dt.date(2025, 6, 30)
    assert Club.objects.get(name="Real Madrid").aliases.filter(alias="Los Blancos").exists()
    assert Source.objects.get(name="Fichajes").reliability_tier == 4


def test_the_clock_can_be_pinned_inside_the_demo_season(db, settings):
    call_command("load_demo", "--no-articles", stdout=io.StringIO())
    trent = Player.objects.get(name="Trent Alexander-Arnold")
    settings.TOUCHLINE_TODAY = dt.date(2024, 10, 6)
    assert trent.age == 25 and trent.current_club.name == "Liverpool"
    settings.TOUCHLINE_TODAY = dt.date(2025, 7, 1)
    assert trent.current_club is None  # his Liverpool contract ran out on 30 June 2025


def test_ensure_admin_prints_a_login_that_works(db, settings, tmp_path, client):
    settings.DATA_DIR = tmp_path
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    username, password = out.getvalue().strip().removeprefix("Admin login: ").split(" / ")
    again = io.StringIO()
    call_command("ensure_admin", stdout=again)
    assert again.getvalue() == out.getvalue()
    response = client.post("/admin/login/?next=/admin/", {"username": username, "password": password})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/players/club/").status_code == 200
