import datetime as dt

import pytest

from players import clock
from tests.factories import ClubFactory, ContractFactory, InjuryFactory, PlayerFactory, RumourFactory
from tests.pages.test_player_page import text_of

pytestmark = pytest.mark.django_db


def test_it_shows_the_squad_with_contracts_and_injuries(client, scenario):
    text = text_of(client.get(scenario.liverpool.get_absolute_url()).content)
    assert "Defenders" in text
    assert "Trent Alexander-Arnold" in text
    assert f"{scenario.contract.end_date:%b %Y} 6 months left" in text
    assert "£180,000 a week" in text
    assert "Injured: hamstring strain" in text


def test_it_lists_rumours_in_and_out(client, scenario):
    striker = PlayerFactory(name="Incoming Striker", position="forward")
    RumourFactory(
        player=striker, from_club=ClubFactory(name="Selling FC"), to_club=scenario.liverpool, likelihood=30
    )
    html = client.get(scenario.liverpool.get_absolute_url()).content.decode()
    rumours_in = html[html.index('id="in-heading"') : html.index('id="out-heading"')]
    rumours_out = html[html.index('id="out-heading"') : html.index('id="squad-heading"')]
    assert "Incoming Striker" in rumours_in and "Trent" not in rumours_in
    assert "Trent Alexander-Arnold" in rumours_out and "Real Madrid" in rumours_out


def test_contracts_expiring_within_twelve_months_are_listed_and_later_ones_are_not(client, scenario):
    today = clock.today()
    later = PlayerFactory(name="Long Contract")
    ContractFactory(
        player=later,
        club=scenario.liverpool,
        start_date=today - dt.timedelta(days=10),
        end_date=today + dt.timedelta(days=800),
    )
    html = client.get(scenario.liverpool.get_absolute_url()).content.decode()
    expiring = html[html.index('id="expiring-heading"') :]
    expiring = expiring[: expiring.index("</section>")]
    assert "Trent Alexander-Arnold" in expiring
    assert "Long Contract" not in expiring


def test_a_player_loaned_out_is_listed_apart_from_the_squad(client, scenario):
    today = clock.today()
    youngster = PlayerFactory(name="Loaned Youngster")
    ContractFactory(
        player=youngster,
        club=scenario.liverpool,
        start_date=today - dt.timedelta(days=400),
        end_date=today + dt.timedelta(days=400),
    )
    ContractFactory(
        player=youngster,
        club=ClubFactory(name="Loan Club"),
        is_loan=True,
        parent_club=scenario.liverpool,
        start_date=today - dt.timedelta(days=30),
        end_date=today + dt.timedelta(days=150),
    )
    html = client.get(scenario.liverpool.get_absolute_url()).content.decode()
    squad = html[html.index('id="squad-heading"') : html.index('id="expiring-heading"')]
    assert "Loaned Youngster" not in squad
    assert "Loaned Youngster" in html[html.index('id="loans-heading"') :]
    assert "Loaned Youngster" in client.get("/clubs/loan-club/").content.decode()


def test_recovered_injuries_do_not_show(client, scenario):
    scenario.injury.status = "recovered"
    scenario.injury.save()
    InjuryFactory(player=scenario.trent, description="old knock", status="recovered")
    text = text_of(client.get(scenario.liverpool.get_absolute_url()).content)
    assert "hamstring" not in text and "Fit" in text


def test_an_unknown_club_is_a_404(client, db):
    assert client.get("/clubs/no-such-club/").status_code == 404
