#!/usr/bin/env bash
# One command from a fresh clone to a running Touchline on http://127.0.0.1:8000:
# a virtual environment, the install, migrations, the demo data and articles, an admin login, the server.
# Nothing to configure: SQLite under data/, Celery tasks inline. Set DATABASE_URL / REDIS_URL to use real services.
set -euo pipefail
cd "$(dirname "$0")/.."

# The demo data set is as of 1 October 2024 and its news runs to early February 2025: pin the clock there.
export TOUCHLINE_TODAY=${TOUCHLINE_TODAY:-2025-02-03}
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "==> Creating the virtual environment in .venv"
  "$PYTHON" -m venv .venv
fi
echo "==> Installing Touchline and its dependencies"
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e .

echo "==> Migrating the database"
.venv/bin/python manage.py migrate --no-input -v 0
echo "==> Loading the demo data set and ingesting the demo articles"
.venv/bin/python manage.py load_demo
.venv/bin/python manage.py ensure_admin

ADDR=${TOUCHLINE_ADDR:-127.0.0.1:8000}
echo
echo "Touchline is running on http://${ADDR}/  (admin: http://${ADDR}/admin/)"
echo "The site's clock is set to ${TOUCHLINE_TODAY} (TOUCHLINE_TODAY), inside the season the demo data describes."
echo "Press Ctrl+C to stop."
exec .venv/bin/python manage.py runserver "$ADDR"
