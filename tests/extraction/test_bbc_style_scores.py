"""Floors on the BBC-style articles we wrote with their own gazetteers (tests/extraction/bbc_style_probe*, see
BBC_STYLE.md), scored without a database as `bench/eval_shared_corpus.py` scores the shared corpus."""

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "eval_shared_corpus.py"
HERE = Path(__file__).resolve().parent


@pytest.mark.parametrize(
    ("folder", "floors"),
    [
        ("bbc_style_probe6", {"rumours": 0.95, "status": 0.95, "injuries": 0.95, "contracts": 0.95}),
        ("bbc_style_probe7", {"rumours": 0.95, "status": 0.9, "injuries": 0.95, "contracts": 0.95}),
        ("bbc_style_probe8", {"rumours": 0.95, "status": 0.95, "injuries": 0.95, "contracts": 0.92}),
        ("bbc_style_probe9", {"rumours": 0.95, "status": 0.9, "injuries": 0.95, "contracts": 0.95}),
    ],
)
def test_bbc_style_articles_meet_their_floors(folder, floors):
    spec = importlib.util.spec_from_file_location("eval_shared_corpus", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    _, gold, summary = module.run(HERE / folder)
    assert len(gold) == 12
    assert summary["rumours"]["f1"] >= floors["rumours"]
    assert summary["rumours"]["status_accuracy"] >= floors["status"]
    assert summary["injuries"]["f1"] >= floors["injuries"]
    assert summary["contracts"]["f1"] >= floors["contracts"]
