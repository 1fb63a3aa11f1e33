"""`manage.py evaluate`: score extraction end to end (import, ingest, link, export) against a gold file.

It writes a whole gazetteer and articles into the database, so it only ever runs on a throwaway database:

- a SQLite file in the system's temporary directory (what `.ci/run` passes through DATABASE_URL),
- the test database (Django's `test_*` names, or SQLite in memory) when tests call it,
- or any database the caller vouches for with `--i-know-this-database-is-throwaway`.

Started on any other database (the default `data/touchline.sqlite3`, a production PostgreSQL), the command
does not touch it: it runs itself again in a child process with DATABASE_URL pointing at a fresh SQLite file
in a new temporary directory and REDIS_URL emptied (tasks inline and a local-memory cache, so neither the real
broker nor the real cache's gazetteer counter is touched), relays the child's output and removes the directory
afterwards.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import connection

CHILD_FLAG = "TOUCHLINE_EVALUATE_CHILD"
SECTIONS = ("rumours", "injuries", "contracts")


def database_is_throwaway(vendor: str | None = None, name: str | None = None) -> bool:
    """Whether the database (by default the configured one) may be filled with a gold file's world."""
    vendor = connection.vendor if vendor is None else vendor
    name = str(connection.settings_dict.get("NAME") or "") if name is None else name
    if vendor == "sqlite":
        if name == ":memory:" or name.startswith("file:memorydb") or "mode=memory" in name:
            return True
        return _under(Path(name), Path(tempfile.gettempdir()))
    # Django's test databases (pytest-django uses them too) are created and dropped around a test run.
    return Path(name).name.startswith("test_")


def _under(path: Path, directory: Path) -> bool:
    try:
        path.resolve().relative_to(directory.resolve())
    except ValueError:
        return False
    return True


def run_in_throwaway_process(argv: list[str], write: Callable[[str], None]) -> int:
    """Run `manage.py evaluate argv` on a fresh temporary SQLite database; relay its stdout line by line."""
    workdir = Path(tempfile.mkdtemp(prefix="touchline-evaluate-"))
    try:
        env = dict(os.environ)
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'evaluate.sqlite3'}"
        env["REDIS_URL"] = ""
        env[CHILD_FLAG] = "1"
        command = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "evaluate", *argv]
        with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True, encoding="utf-8") as child:
            assert child.stdout is not None
            for line in child.stdout:
                write(line.rstrip("\n"))
        return child.returncode
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def load_gold(path: Path) -> list[dict]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(gold, list) or not all(isinstance(g, dict) and g.get("article") for g in gold):
        raise ValueError(f"{path}: expected a JSON list of objects with an 'article' key")
    return gold


def article_file(directory: Path, stem: str) -> Path | None:
    for suffix in (".txt", ".html", ".htm"):
        path = directory / f"{stem}{suffix}"
        if path.is_file():
            return path
    return None


def published_at(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    day = dt.date.fromisoformat(value[:10])
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def ingest_article(path: Path, published: dt.datetime | None):
    """The Article for one gold file, stored the way `manage.py ingest` stores files when that service is
    there (`rumours.services.files.ingest_file`), else by `ingest_text_file`."""
    if importlib.util.find_spec("rumours.services.files") is None:
        return ingest_text_file(path, published)
    from rumours.services.files import ingest_file

    result = ingest_file(path=path, published=published)
    if result.article is None:
        raise ValueError(f"{path.name}: {result.error}")
    result.article.refresh_from_db()
    return result.article


def ingest_text_file(path: Path, published: dt.datetime | None):
    """An Article for a `.txt` file (first line the title), keyed like `manage.py ingest` keys files."""
    from rumours.models import Article, ArticleStatus

    raw = path.read_text(encoding="utf-8").lstrip("\ufeff")
    title, _, text = raw.partition("\n")
    text = text.strip("\n")
    article, _ = Article.objects.update_or_create(
        canonical_url=f"file:{path.stem}",
        defaults={
            "title": title.strip(),
            "text": text,
            "published_at": published,
            "content_hash": hashlib.sha256(raw.encode("utf-8")).hexdigest(),
            "status": ArticleStatus.FETCHED,
        },
    )
    return article


def format_table(scores: dict) -> list[str]:
    columns = ("precision", "recall", "f1", "status_accuracy", "tp", "fp", "fn")
    lines = [f"{'':<10}" + "".join(f"{c:>17}" for c in columns)]
    for section in SECTIONS:
        values = scores.get(section, {})
        cells = []
        for column in columns:
            value = values.get(column)
            if value is None:
                cells.append(f"{'':>17}")
            elif isinstance(value, float):
                cells.append(f"{value:>17.3f}")
            else:
                cells.append(f"{value!s:>17}")
        lines.append(f"{section:<10}" + "".join(cells))
    return lines


def summary(scores: dict) -> dict:
    """The last line's JSON: each section's metrics (precision, recall, f1, counts; status accuracy)."""
    return {section: dict(scores.get(section, {})) for section in SECTIONS}
