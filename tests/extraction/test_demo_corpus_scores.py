"""Floors on our own demo corpus (rumours/data/demo_articles), scored without a database.

The demo corpus was written apart from the extractor, so it is a second check beside the shared corpus; the
floors sit below today's scores to leave room for rules that trade one article for another.
"""

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "eval_demo_corpus.py"


def _run():
    spec = importlib.util.spec_from_file_location("eval_demo_corpus", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.run()


def test_demo_corpus_meets_its_floors():
    predictions, gold, summary = _run()
    assert len(gold) >= 30
    assert summary["rumours"]["f1"] >= 0.85
    assert summary["rumours"]["status_accuracy"] >= 0.8
    assert summary["injuries"]["f1"] >= 0.85
    assert summary["contracts"]["f1"] >= 0.8
