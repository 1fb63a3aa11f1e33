#!/usr/bin/env bash
# The whole test suite. With no services configured, tests that need PostgreSQL, Redis, a Celery worker or
# Chromium are skipped with a reason; with CI=true they fail instead. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
if ! .venv/bin/python -c "import pytest_django, playwright" 2>/dev/null || [ pyproject.toml -nt .venv/.installed ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e '.[dev]'
  touch .venv/.installed
fi
exec .venv/bin/python -m pytest "$@"
