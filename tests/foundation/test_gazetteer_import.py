"""import_gazetteer: the DESIGN.md CSV in, clubs, players and managers out; idempotent; all or nothing."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from players.models import Club, ClubAlias, Contract, Player, PlayerAlias, Staff

SHARED_GAZETTEER = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "gazetteer.csv"

SAMPLE = """kind,name,aliases,club,country,born,position,shirt
club,Liverpool,the Reds|Reds|Anfield,,England,,,
club,Real Madrid,Los Blancos|Madrid,,Spain,,,
player,Trent Alexander-Arnold,Alexander-Arnold|Trent,Liverpool,England,1998-10-07,right-back,66
player,Mohamed Salah,Mo Salah|Salah,Liverpool,Egypt,1992-06-15,forward,11
player,Free Agent Jones,Jones,,Wales,,,
manager,Arne Slot,Slot,Liverpool,Netherlands,,head coach,
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "gazetteer.csv"
    path.write_text(text, encoding="utf-8")
    return path


def counts() -> tuple[int, ...]:
    models = (Club, ClubAlias, Player, PlayerAlias, Staff, Contract)
    return tuple(model.objects.count() for model in models)


def test_it_imports_clubs_players_and_managers(db, tmp_path):
    call_command("import_gazetteer", write(tmp_path, SAMPLE))
    trent = Player.objects.get(name="Trent Alexander-Arnold")
    assert trent.shirt_number == 66
    assert trent.position == "defender" and trent.position_detail == "right-back"
    assert trent.current_club.name == "Liverpool"
    assert set(trent.aliases.values_list("alias", flat=True)) == {"Alexander-Arnold", "Trent"}
    assert set(Club.objects.get(name="Real Madrid").aliases.values_list("alias", flat=True)) == {
        "Los Blancos",
        "Madrid",
    }
    slot = Staff.objects.get(name="Arne Slot")
    assert slot.club.name == "Liverpool" and slot.role == "head coach"
    assert not Player.objects.filter(name="Arne Slot").exists()
    assert Player.objects.get(name="Free Agent Jones").current_club is None


def test_importing_twice_changes_nothing(db, tmp_path):
    path = write(tmp_path, SAMPLE)
    call_command("import_gazetteer", path)
    before = counts()
    call_command("import_gazetteer", path)
    assert counts() == before


def test_a_move_in_a_later_file_closes_the_old_contract(db, tmp_path):
    call_command("import_gazetteer", write(tmp_path, SAMPLE))
    moved = SAMPLE.replace("Alexander-Arnold|Trent,Liverpool", "Alexander-Arnold|Trent,Real Madrid")
    call_command("import_gazetteer", write(tmp_path, moved))
    trent = Player.objects.get(name="Trent Alexander-Arnold")
    assert trent.current_club.name == "Real Madrid"
    assert trent.contracts.count() == 2


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        ("striker,Someone,,,,,,", "kind must be one of"),
        ("player,,,Liverpool,,,,", "name is empty"),
        ("player,Someone,,Liverpool,England,07/10/1998,,", "born must be a date"),
        ("player,Someone,,Liverpool,England,,,100", "shirt must be a number from 1 to 99"),
        ("player,Someone,,Atlantis FC,England,,,", "unknown club 'Atlantis FC'"),
        ("player,Someone,,Liverpool,England,,,9,extra", "too many columns"),
    ],
)
def test_a_bad_row_rejects_the_whole_file_with_its_line_number(db, tmp_path, bad_row, message):
    text = SAMPLE + "player,Should Not Land,,Liverpool,England,,,\n" + bad_row + "\n"
    with pytest.raises(CommandError) as error:
        call_command("import_gazetteer", write(tmp_path, text))
    assert "line 9" in str(error.value)
    assert message in str(error.value)
    assert counts() == (0, 0, 0, 0, 0, 0)


def test_a_missing_header_is_reported_on_line_1(db, tmp_path):
    with pytest.raises(CommandError, match="line 1"):
        call_command("import_gazetteer", write(tmp_path, "name,club\nX,Y\n"))


@pytest.mark.skipif(not SHARED_GAZETTEER.exists(), reason="../shared/corpus is only beside the repo in CI")
def test_the_shared_corpus_gazetteer_imports_cleanly_and_idempotently(db):
    call_command("import_gazetteer", SHARED_GAZETTEER)
    before = counts()
    call_command("import_gazetteer", SHARED_GAZETTEER)
    assert counts() == before
    assert Player.objects.get(name="Mohamed Salah").aliases.filter(alias="Mo Salah").exists()
    assert Staff.objects.filter(name="Arne Slot").exists()
    assert PlayerAlias.objects.filter(normalised="cole").count() == 2
