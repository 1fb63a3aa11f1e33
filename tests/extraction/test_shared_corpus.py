"""The acceptance floor on the real development corpus in shared/ (present in CI)."""

import importlib.util
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "eval_shared_corpus.py"


@pytest.mark.skipif(not (CORPUS / "gold.json").exists(), reason="shared corpus not present")
def test_shared_corpus_meets_the_acceptance_floor():
    spec = importlib.util.spec_from_file_location("eval_shared_corpus", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    predictions, _, summary = module.run(CORPUS)
    assert summary["rumours"]["f1"] >= 0.9
    assert summary["rumours"]["status_accuracy"] >= 0.8
    assert summary["injuries"]["f1"] >= 0.9
    assert summary["contracts"]["f1"] >= 0.8

    seed = next(p for p in predictions if p["article"] == "seed_trent_carvajal")
    rumours = {(r["player"], r["to_club"]): r for r in seed["rumours"]}
    assert set(rumours) == {("Trent Alexander-Arnold", "Real Madrid")}
    trent = rumours[("Trent Alexander-Arnold", "Real Madrid")]
    assert (trent["from_club"], trent["status"]) == ("Liverpool", "rejected")
    (fact,) = seed["_extraction"].rumours
    assert fact.cited_outlet == "Fichajes"
    (injury,) = seed["injuries"]
    assert injury["player"] == "Dani Carvajal" and "cruciate ligament" in injury["injury"]
    assert injury["expected_absence"] == "several months"
    contracts = {(c["player"], c["fact_type"]) for c in seed["contracts"]}
    assert {("Trent Alexander-Arnold", "expiry"), ("Mohamed Salah", "wage")} <= contracts
