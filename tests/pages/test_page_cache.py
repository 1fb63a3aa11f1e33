"""Pages are cached per version; the services that write evidence bump the version (rumours.cache)."""

import pytest
from django.core.cache import cache

from rumours.cache import bump_player, bump_site, fragment_key, player_version, site_version
from rumours.models import Rumour
from tests.factories import ArticleFactory, MentionFactory

pytestmark = pytest.mark.django_db


def test_a_player_page_is_served_from_the_cache_until_the_player_is_bumped(client, scenario):
    url = scenario.trent.get_absolute_url()
    assert "72%" in client.get(url).content.decode()
    Rumour.objects.filter(pk=scenario.rumour.pk).update(likelihood=91)  # a write that forgot to bump
    assert "72%" in client.get(url).content.decode()
    bump_player(scenario.trent.pk)
    html = client.get(url).content.decode()
    assert "91%" in html and "72%" not in html


def test_new_evidence_shows_after_the_bump(client, scenario):
    url = scenario.trent.get_absolute_url()
    client.get(url)
    MentionFactory(rumour=scenario.rumour, article=ArticleFactory(), sentence="Brand new evidence sentence.")
    assert "Brand new evidence sentence." not in client.get(url).content.decode()
    bump_player(scenario.trent.pk)
    assert "Brand new evidence sentence." in client.get(url).content.decode()


def test_bumping_a_player_refreshes_the_lists_that_show_him(client, scenario):
    assert "72%" in client.get("/").content.decode()
    assert "72%" in client.get(scenario.liverpool.get_absolute_url()).content.decode()
    Rumour.objects.filter(pk=scenario.rumour.pk).update(likelihood=55)
    bump_player(scenario.trent.pk)
    assert "55%" in client.get("/").content.decode()
    assert "55%" in client.get(scenario.liverpool.get_absolute_url()).content.decode()


def test_an_edit_of_the_player_row_shows_once_the_row_is_read_again(client, scenario, settings):
    url = scenario.trent.get_absolute_url()
    client.get(url)
    scenario.trent.nationality = "Wales"
    scenario.trent.save()  # a bare save, as an admin edit would be: nobody bumps
    assert "Wales" not in client.get(url).content.decode()
    # The row is read again after PLAYER_LOOKUP_SECONDS or at any bump; updated_at then changes the key.
    bump_site()
    assert "Wales" in client.get(url).content.decode()


def test_a_player_created_after_a_404_is_found(client, db):
    from tests.factories import PlayerFactory

    assert client.get("/players/late-arrival/").status_code == 404
    PlayerFactory(name="Late Arrival")
    assert client.get("/players/late-arrival/").status_code == 200


def test_versions_only_go_up_and_survive_a_flushed_cache():
    first = player_version(7)
    assert player_version(7) == first
    assert bump_player(7) == first + 1
    site = site_version()
    assert bump_site() == site + 1
    cache.clear()
    # After a flush the version starts from the clock, above any number handed out before.
    assert player_version(7) > first + 1


def test_fragment_keys_name_everything_they_depend_on():
    assert (
        fragment_key("player", 1, 2, "2025-02-03", "all", None)
        == "touchline:pages:v1:player:1:2:2025-02-03:all:None"
    )


def test_pages_differ_by_day_because_ages_and_time_left_do(client, scenario, settings):
    import datetime as dt

    url = scenario.trent.get_absolute_url()
    settings.TOUCHLINE_TODAY = scenario.contract.end_date - dt.timedelta(days=20)
    assert "2 weeks left" in client.get(url).content.decode()
    settings.TOUCHLINE_TODAY = scenario.contract.end_date
    assert "ends today" in client.get(url).content.decode()
