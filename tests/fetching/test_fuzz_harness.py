"""P10: the nightly atheris harness works. A short burst here proves it starts, reads the seeds and finds
nothing; the long run (-max_total_time=600) is the nightly job's, see fuzz/fuzz_feed.py."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.fuzz


def test_the_atheris_harness_runs_clean_on_the_seeds(tmp_path):
    corpus = tmp_path / "corpus"  # libFuzzer writes what it learns into the first directory: not the seeds
    corpus.mkdir()
    done = subprocess.run(
        [sys.executable, str(ROOT / "fuzz" / "fuzz_feed.py"), "-runs=2000", "-timeout=20", str(corpus),
         str(ROOT / "fuzz" / "seeds" / "feed")],
        cwd=tmp_path, capture_output=True, text=True, timeout=100,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Done 2000 runs" in done.stderr
    assert not list(tmp_path.glob("crash-*")) and not list(tmp_path.glob("timeout-*"))
    assert sorted(p.name for p in (ROOT / "fuzz" / "seeds" / "feed").iterdir()) == ["atom.xml", "rss.xml"]
