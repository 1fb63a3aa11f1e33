import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from rumours.evaluation_run import database_is_throwaway
from tests.linking.conftest import LIVERPOOL_NEWS, SAKA_BID

CORPUS = Path(settings.BASE_DIR).parent / "shared" / "corpus"

GAZETTEER = """kind,name,aliases,club,country,born,position,shirt
club,Arsenal,the Gunners|Gunners,,England,,,
club,Chelsea,the Blues|Stamford Bridge,,England,,,
club,Liverpool,the Reds|Anfield,,England,,,
club,Real Madrid,Los Blancos,,Spain,,,
player,Bukayo Saka,Saka,Arsenal,England,2001-09-05,winger,7
player,Trent Alexander-Arnold,Alexander-Arnold,Liverpool,England,1998-10-07,right-back,66
player,Dani Carvajal,Carvajal,Real Madrid,Spain,1992-01-11,right-back,2
player,Mohamed Salah,Mo Salah|Salah,Liverpool,Egypt,1992-06-15,forward,11
manager,Arne Slot,Slot,Liverpool,Netherlands,,head coach,
"""

GOLD = [
    {
        "article": "saka_bid",
        "published": "2025-01-05",
        "rumours": [
            {
                "player": "Bukayo Saka",
                "from_club": "Arsenal",
                "to_club": "Chelsea",
                "status": "bid",
                "also_ok": [],
                "evidence": "Chelsea have tabled a £70m bid for Bukayo Saka.",
            }
        ],
        "injuries": [],
        "contracts": [],
        "optional": {"rumours": [], "injuries": [], "contracts": []},
    },
    {
        "article": "liverpool_news",
        "published": "2024-10-06",
        "rumours": [],
        "injuries": [
            {"player": "Dani Carvajal", "injury": "knee", "expected_absence": "months", "evidence": "x"},
            # Not in the text: the one fact the evaluation must count as missed.
            {"player": "Mohamed Salah", "injury": "hamstring", "expected_absence": None, "evidence": "x"},
        ],
        "contracts": [
            {"player": "Trent Alexander-Arnold", "club": "Liverpool", "fact_type": "expiry", "evidence": "x"},
            {"player": "Mohamed Salah", "club": "Liverpool", "fact_type": "wage", "evidence": "x"},
            {"player": "Arne Slot", "club": "Liverpool", "fact_type": "talks", "evidence": "x"},
        ],
        "optional": {"rumours": [], "injuries": [], "contracts": []},
    },
]

EXPECTED = {
    "rumours": {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "tp": 1,
        "fp": 0,
        "fn": 0,
        "status_accuracy": 1.0,
    },
    "injuries": {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "tp": 1, "fp": 0, "fn": 1},
    "contracts": {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 3, "fp": 0, "fn": 0},
}


@pytest.fixture
def tiny_gold(tmp_path: Path) -> dict[str, Path]:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "saka_bid.txt").write_text("Chelsea table bid for Saka\n" + SAKA_BID + "\n", "utf-8")
    (articles / "liverpool_news.txt").write_text("Liverpool round-up\n" + LIVERPOOL_NEWS + "\n", "utf-8")
    (tmp_path / "gazetteer.csv").write_text(GAZETTEER, "utf-8")
    (tmp_path / "gold.json").write_text(json.dumps(GOLD), "utf-8")
    return {"gold": tmp_path / "gold.json", "articles": articles, "gazetteer": tmp_path / "gazetteer.csv"}


def evaluate_here(gold: Path, articles: Path, gazetteer: Path, extra: tuple[str, ...] = ()) -> list[str]:
    out = StringIO()
    args = [str(gold), "--articles", str(articles), "--gazetteer", str(gazetteer), *extra]
    call_command("evaluate", *args, stdout=out)
    return out.getvalue().splitlines()


@pytest.mark.django_db
def test_it_scores_a_gold_file_and_ends_with_a_json_summary(tiny_gold, tmp_path):
    export = tmp_path / "predictions.jsonl"

    lines = evaluate_here(**tiny_gold, extra=("--export", str(export)))

    assert json.loads(lines[-1]) == EXPECTED
    table = "\n".join(lines)
    assert "rumours" in table and "injuries" in table and "contracts" in table
    predictions = [json.loads(line) for line in export.read_text("utf-8").splitlines()]
    assert [p["article"] for p in predictions] == ["saka_bid", "liverpool_news"]
    assert predictions[0]["rumours"][0]["status"] == "bid"


@pytest.mark.django_db
def test_it_names_the_articles_it_cannot_find(tiny_gold):
    (tiny_gold["articles"] / "saka_bid.txt").unlink()

    with pytest.raises(CommandError, match="saka_bid"):
        evaluate_here(**tiny_gold)


def run_manage(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "REDIS_URL": "", **env}
    full_env.pop("CI", None)
    return subprocess.run(
        [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *args],
        env=full_env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_on_a_real_database_it_reruns_itself_on_a_temporary_one(tiny_gold, tmp_path):
    configured = tmp_path / "precious" / "touchline.sqlite3"
    configured.parent.mkdir()
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    args = ["evaluate", str(tiny_gold["gold"]), "--articles", str(tiny_gold["articles"])]
    args += ["--gazetteer", str(tiny_gold["gazetteer"])]

    result = run_manage(
        args,
        # The configured database is outside the temporary directory, so it is not a throwaway one.
        {
            "DATABASE_URL": f"sqlite:///{configured}",
            "TMPDIR": str(scratch),
            "TOUCHLINE_DATA_DIR": str(tmp_path),
        },
        tmp_path,
    )

    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout.splitlines()[-1]) == EXPECTED
    assert not configured.exists()
    assert list(scratch.iterdir()) == []  # the temporary database is gone too


def test_a_child_that_finds_a_real_database_refuses_instead_of_recursing(tiny_gold, tmp_path):
    configured = tmp_path / "precious" / "touchline.sqlite3"
    configured.parent.mkdir()
    (tmp_path / "scratch").mkdir()
    args = ["evaluate", str(tiny_gold["gold"]), "--articles", str(tiny_gold["articles"])]
    args += ["--gazetteer", str(tiny_gold["gazetteer"])]

    result = run_manage(
        args,
        {
            "DATABASE_URL": f"sqlite:///{configured}",
            "TMPDIR": str(tmp_path / "scratch"),
            "TOUCHLINE_DATA_DIR": str(tmp_path),
            "TOUCHLINE_EVALUATE_CHILD": "1",
        },
        tmp_path,
    )

    assert result.returncode != 0
    assert "refusing" in result.stderr
    assert not configured.exists()


@pytest.mark.parametrize(
    ("vendor", "name", "throwaway"),
    [
        ("sqlite", "/srv/touchline/data/touchline.sqlite3", False),
        ("sqlite", "file:memorydb_default?mode=memory&cache=shared", True),
        ("sqlite", ":memory:", True),
        ("postgresql", "touchline", False),
        ("postgresql", "test_touchline_linking", True),
    ],
)
def test_what_counts_as_a_throwaway_database(vendor, name, throwaway):
    assert database_is_throwaway(vendor, name) is throwaway


def test_a_sqlite_file_in_the_temporary_directory_is_a_throwaway(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # forget the cached answer so TMPDIR is read again
    assert database_is_throwaway("sqlite", str(tmp_path / "x" / "evaluate.sqlite3"))
    assert not database_is_throwaway("sqlite", str(Path(settings.BASE_DIR) / "data" / "touchline.sqlite3"))


@pytest.mark.django_db
@pytest.mark.skipif(not (CORPUS / "gold.json").exists(), reason=f"no evaluation corpus at {CORPUS}")
def test_the_evaluation_corpus_meets_the_acceptance_floor():
    lines = evaluate_here(CORPUS / "gold.json", CORPUS / "articles", CORPUS / "gazetteer.csv")

    scores = json.loads(lines[-1])
    assert scores["rumours"]["f1"] >= 0.9, lines
    assert scores["rumours"]["status_accuracy"] >= 0.8, lines
    assert scores["injuries"]["f1"] >= 0.9, lines
    assert scores["contracts"]["f1"] >= 0.8, lines
