"""The demo: the players data set, the sources, and our own sample articles, ingested like real news."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management import call_command
from django.db import transaction

from players.demo import demo_data_read, demo_players_load
from players.gazetteer import bump_gazetteer_version
from rumours.models import Article, Source

DATA_DIR = Path(__file__).resolve().parent / "data"
SOURCES_FILE = DATA_DIR / "sources.json"
DEMO_ARTICLES_DIR = DATA_DIR / "demo_articles"


@transaction.atomic
def demo_sources_load(path: Path = SOURCES_FILE) -> int:
    sources = json.loads(path.read_text(encoding="utf-8"))["sources"]
    for item in sources:
        Source.objects.update_or_create(
            name=item["name"],
            defaults={
                "kind": item.get("kind") or "outlet",
                "url": item.get("url") or "",
                "reliability_tier": item.get("tier") or 3,
                "aliases": list(item.get("aliases") or []),
            },
        )
    # Outlet names are part of the extraction gazetteer ("according to Fichajes").
    transaction.on_commit(bump_gazetteer_version)
    return len(sources)


def demo_articles() -> list[dict]:
    """The demo corpus as (file, published date) records from its gold file."""
    gold_file = DEMO_ARTICLES_DIR / "gold.json"
    if not gold_file.exists():
        return []
    return [
        {"path": DEMO_ARTICLES_DIR / f"{item['article']}.txt", "published": item["published"]}
        for item in json.loads(gold_file.read_text(encoding="utf-8"))
    ]


def demo_load(*, articles: bool = True, stdout=None) -> dict[str, int]:
    summary = demo_players_load(demo_data_read())
    summary["sources"] = demo_sources_load()
    summary["articles"] = 0
    if articles:
        for item in demo_articles():
            # The public `ingest` command, so the demo goes through the same pipeline as real news.
            call_command("ingest", str(item["path"]), "--date", item["published"], stdout=stdout)
            summary["articles"] += 1
        summary["articles_stored"] = Article.objects.filter(canonical_url__startswith="file:").count()
    return summary
