"""Floors on the further articles we wrote (tests/extraction/more_articles, see its README), scored without a
database. They were used while developing: these floors guard against regressions, not a held-out score."""

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "eval_demo_corpus.py"
ARTICLES = Path(__file__).resolve().parent / "more_articles"


def test_more_articles_meet_their_floors():
    spec = importlib.util.spec_from_file_location("eval_demo_corpus", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    _, gold, summary = module.run(ARTICLES)
    assert len(gold) == 62
    assert summary["rumours"]["f1"] >= 0.91
    assert summary["rumours"]["status_accuracy"] >= 0.93
    assert summary["injuries"]["f1"] >= 0.94
    assert summary["contracts"]["f1"] >= 0.88
