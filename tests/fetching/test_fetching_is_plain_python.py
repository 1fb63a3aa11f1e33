"""The fetching layer imports no Django: it is called from tasks and services, and tested on its own."""

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.timeout(60)

REPO = Path(__file__).resolve().parents[2]
MODULES = ["charsets", "errors", "feeds", "guard", "http", "limits", "pages", "text", "transport", "urls"]


def test_importing_every_fetching_module_loads_no_django():
    code = (
        "import sys\n"
        + "".join(f"import rumours.fetching.{name}\n" for name in MODULES)
        + "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))"
    )

    child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)

    assert child.returncode == 0, child.stderr
    assert child.stdout.strip() == "[]"
