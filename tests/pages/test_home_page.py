import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import ClubFactory, PlayerFactory, RumourFactory
from tests.pages.test_player_page import text_of

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true", "HX-Target": "rumour-results"}


@pytest.fixture
def rumours(scenario):
    psg = ClubFactory(name="Paris Saint-Germain", league="Ligue 1", country="France")
    mbappe = PlayerFactory(name="Kylian Mbappé")
    completed = RumourFactory(
        player=mbappe,
        from_club=psg,
        to_club=scenario.madrid,
        window="2024 summer",
        stage="completed",
        likelihood=100,
        last_seen=timezone.now() - dt.timedelta(days=90),
        first_seen=timezone.now() - dt.timedelta(days=200),
    )
    return scenario, completed


def test_it_lists_the_newest_rumours_and_the_hottest_open_ones(client, rumours):
    scenario, completed = rumours
    html = client.get("/").content.decode()
    listing = html[html.index('id="rumour-results"') :]
    assert listing.index("Trent Alexander-Arnold") < listing.index("Kylian Mbappé")  # newest first
    hottest = html[html.index('id="hottest-heading"') : html.index('id="all-rumours"')]
    assert "Trent Alexander-Arnold" in hottest
    assert "Kylian Mbappé" not in hottest  # completed: not open


@pytest.mark.parametrize(
    ("query", "trent", "mbappe"),
    [
        ("window=2024+summer", False, True),
        ("league=Ligue+1", False, True),
        ("league=Premier+League", True, False),
        ("club=paris-saint-germain", False, True),
        ("stage=bid", True, False),
        ("min=75", False, True),
        ("sort=likely", True, True),
    ],
)
def test_each_filter_narrows_the_list(client, rumours, query, trent, mbappe):
    html = client.get(f"/?{query}", headers=HTMX).content.decode()
    assert ("Trent Alexander-Arnold" in html) is trent
    assert ("Kylian Mbappé" in html) is mbappe


def test_an_htmx_request_gets_only_the_list_and_the_url_to_push(client, rumours):
    response = client.get("/?stage=bid&page=1", headers=HTMX)
    assert (
        "<html" not in response.content.decode() and '<form class="filters"' not in response.content.decode()
    )
    assert response["HX-Push-Url"] == "/?stage=bid"
    assert "HX-Target" in response["Vary"]


def test_a_history_restore_gets_the_whole_page(client, rumours):
    response = client.get("/?stage=bid", headers=HTMX | {"HX-History-Restore-Request": "true"})
    assert "<html" in response.content.decode()


def test_the_list_is_paginated(client, scenario):
    for n in range(25):
        RumourFactory(
            player=PlayerFactory(name=f"Paged {n:02d}"),
            to_club=scenario.madrid,
            last_seen=timezone.now() - dt.timedelta(days=n + 5),
            first_seen=timezone.now() - dt.timedelta(days=60),
        )
    first = text_of(client.get("/", headers=HTMX).content)
    second = text_of(client.get("/?page=2", headers=HTMX).content)
    # Trent's rumour is the newest, so the first page of 20 ends with Paged 18.
    assert "Paged 18" in first and "Paged 19" not in first
    assert "Paged 19" in second and "Paged 18" not in second
    assert "Older →" in first and "← Newer" in second


@pytest.mark.parametrize(
    "query", ["page=abc", "page=-3", "page=999999", "min=x", "stage=nonsense", "sort=%00", "window=%00x"]
)
def test_junk_in_the_query_string_is_ignored(client, scenario, query):
    assert client.get(f"/?{query}").status_code == 200
