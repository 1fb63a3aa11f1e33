import datetime as dt

import pytest

from players.gazetteer import bump_gazetteer_version
from rumours import gazetteer_snapshot
from rumours.gazetteer_snapshot import build_snapshot, current_snapshot
from rumours.linking import link_article
from tests.factories import ContractFactory, PlayerAliasFactory, PlayerFactory
from tests.linking.conftest import LIVERPOOL_NEWS, make_article

pytestmark = pytest.mark.django_db


def test_it_holds_clubs_players_staff_and_outlets_with_their_aliases(world):
    snapshot = build_snapshot()
    gazetteer = snapshot.gazetteer

    assert gazetteer.club(world.liverpool.pk).aliases == ("the Reds", "Anfield")
    salah = gazetteer.player(world.salah.pk)
    assert (salah.name, salah.club_id, salah.nationality) == ("Mohamed Salah", world.liverpool.pk, "Egypt")
    assert set(salah.aliases) == {"Mo Salah", "Salah"}
    assert gazetteer.person(world.slot.pk).aliases == ("Slot",)
    assert gazetteer.outlet(world.fichajes.pk) == "Fichajes"
    assert snapshot.source_id_for("FICHAJES.NET") == world.fichajes.pk
    assert snapshot.source_id_for("l'equipe") == world.equipe.pk
    assert snapshot.source_id_for("Marca") is None


def test_known_as_names_are_aliases_and_merged_players_are_left_out(world):
    world.saka.known_as = "Starboy"
    world.saka.save()
    merged = PlayerFactory(name="Bukayo Saka Junior", merged_into=world.saka)

    gazetteer = build_snapshot().gazetteer

    assert "Starboy" in gazetteer.player(world.saka.pk).aliases
    assert gazetteer.sizes["players"] == 4
    with pytest.raises(KeyError):
        gazetteer.player(merged.pk)


def test_a_players_club_is_his_club_today_else_his_last_one(world):
    free_agent = PlayerFactory(name="Adrien Rabiot")
    ContractFactory(
        player=free_agent, club=world.madrid, start_date=dt.date(2019, 7, 1), end_date=dt.date(2023, 6, 30)
    )
    ContractFactory(
        player=free_agent, club=world.chelsea, start_date=dt.date(2015, 7, 1), end_date=dt.date(2019, 6, 30)
    )
    loaned = PlayerFactory(name="Harvey Elliott")
    ContractFactory(player=loaned, club=world.liverpool, start_date=dt.date(2020, 7, 1), end_date=None)
    ContractFactory(
        player=loaned, club=world.arsenal, start_date=dt.date(2024, 8, 1), end_date=None, is_loan=True
    )

    gazetteer = build_snapshot().gazetteer

    assert gazetteer.player(free_agent.pk).club_id == world.madrid.pk
    assert (
        gazetteer.player(loaned.pk).club_id == world.arsenal.pk
    )  # the later start, as Player.club_on has it


def test_the_snapshot_is_reused_until_the_version_changes(world):
    first = current_snapshot()
    assert current_snapshot() is first

    PlayerAliasFactory(player=world.saka, alias="Sakinho")
    bump_gazetteer_version()

    second = current_snapshot()
    assert second is not first
    assert "Sakinho" in second.gazetteer.player(world.saka.pk).aliases


def test_an_old_snapshot_is_rebuilt_even_without_a_bump(world, settings, monkeypatch):
    settings.TOUCHLINE_GAZETTEER_MAX_AGE = 60
    first = current_snapshot()
    now = gazetteer_snapshot.time.monotonic()
    monkeypatch.setattr(gazetteer_snapshot.time, "monotonic", lambda: now + 61)

    assert current_snapshot() is not first


def test_linking_bumps_the_version_after_commit_when_a_contract_changes(
    world, django_capture_on_commit_callbacks
):
    version = gazetteer_snapshot.gazetteer_version()
    with django_capture_on_commit_callbacks(execute=True):
        link_article(make_article(LIVERPOOL_NEWS, "2024-10-06", stem="liverpool-news"))

    assert gazetteer_snapshot.gazetteer_version() != version
