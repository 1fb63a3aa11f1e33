import pytest

from tests.factories import ClubAliasFactory, ClubFactory, PlayerAliasFactory, PlayerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(scenario):
    mbappe = PlayerFactory(name="Kylian Mbappé")
    odegaard = PlayerFactory(name="Martin Ødegaard")
    kante = PlayerFactory(name="N'Golo Kanté")
    PlayerAliasFactory(player=mbappe, alias="Donatello")
    spurs = ClubFactory(name="Tottenham Hotspur")
    ClubAliasFactory(club=spurs, alias="Spurs")
    return scenario, mbappe, odegaard, kante, spurs


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("alexander arnold", "Trent Alexander-Arnold"),
        ("ALEXANDER-ARNOLD", "Trent Alexander-Arnold"),
        ("trent arnold", "Trent Alexander-Arnold"),
        ("taa", "Trent Alexander-Arnold"),
        ("mbappe", "Kylian Mbappé"),
        ("MBAPPÉ", "Kylian Mbappé"),
        ("donatello", "Kylian Mbappé"),
        ("odegaard", "Martin Ødegaard"),
        ("ngolo kante", "N&#x27;Golo Kanté"),
    ],
)
def test_players_are_found_whatever_the_accents_case_punctuation_or_alias(client, people, query, expected):
    html = client.get("/search/", {"q": query}).content.decode()
    players = html[html.index('id="players-heading"') : html.index('id="clubs-heading"')]
    assert expected in players


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("real madrid", "Real Madrid"),
        ("los blancos", "Real Madrid"),
        ("spurs", "Tottenham Hotspur"),
        ("the reds", "Liverpool"),
    ],
)
def test_clubs_are_found_by_name_and_alias(client, people, query, expected):
    html = client.get("/search/", {"q": query}).content.decode()
    assert expected in html[html.index('id="clubs-heading"') :]


def test_results_link_to_the_pages_and_show_the_current_club(client, people):
    html = client.get("/search/", {"q": "alexander arnold"}).content.decode()
    assert 'href="/players/trent-alexander-arnold/"' in html
    assert "Liverpool" in html[html.index('id="players-heading"') : html.index('id="clubs-heading"')]


def test_an_exact_name_ranks_above_a_partial_one(client, people):
    PlayerFactory(name="Trent Alexander-Arnoldson")
    html = client.get("/search/", {"q": "trent alexander arnold"}).content.decode()
    assert html.index("/players/trent-alexander-arnold/") < html.index("/players/trent-alexander-arnoldson/")


@pytest.mark.parametrize("query", ["", "   ", "zzzz", "\x00", "%", "_", "'; drop table x; --", "é" * 300])
def test_odd_queries_answer_without_error(client, people, query):
    assert client.get("/search/", {"q": query}).status_code == 200
    assert client.get("/search/suggest/", {"q": query}).status_code == 200


def test_suggestions_are_a_short_list_of_links(client, people):
    response = client.get("/search/suggest/", {"q": "mbap"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.startswith('<ul class="suggestion-list"')
    assert 'href="/players/kylian-mbappe/"' in html
    assert "<html" not in html


def test_suggestions_say_when_nothing_matches(client, people):
    assert "No matches for “qqqq”" in client.get("/search/suggest/", {"q": "qqqq"}).content.decode()
