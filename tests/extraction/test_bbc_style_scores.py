"""Floors on the BBC-style articles we wrote with their own gazetteer (tests/extraction/bbc_style_articles,
see its README), scored without a database as `bench/eval_shared_corpus.py` scores the shared corpus."""

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "eval_shared_corpus.py"
CORPUS = Path(__file__).resolve().parent / "bbc_style_articles"


def test_bbc_style_articles_meet_their_floors():
    spec = importlib.util.spec_from_file_location("eval_shared_corpus", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    _, gold, summary = module.run(CORPUS)
    assert len(gold) == 12
    assert summary["rumours"]["f1"] >= 0.95
    assert summary["rumours"]["status_accuracy"] >= 0.9
    assert summary["injuries"]["f1"] >= 0.95
    assert summary["contracts"]["f1"] >= 0.88
