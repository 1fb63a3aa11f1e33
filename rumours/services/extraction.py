"""The extract step of the pipeline, and the seam where the linking service plugs in.

`extraction_run(article)` is deliberately tiny: it calls `rumours.linking.link_article(article)` when that
module exists (it turns extraction facts into Mentions and Rumours, idempotently) and then marks the article
extracted. Until the linking issue lands it only marks the article extracted. Nothing else in ingestion knows
how extraction works.
"""

from __future__ import annotations

import importlib
import importlib.util

from django.db import transaction
from django.utils import timezone

from rumours.models import Article, ArticleStatus


def extraction_run(article: Article) -> object:
    """Extract and link one fetched article, then mark it extracted. Returns the linker's summary."""
    summary: object = "no linker installed"
    if importlib.util.find_spec("rumours.linking") is not None:
        linking = importlib.import_module("rumours.linking")
        if hasattr(linking, "link_article"):
            summary = linking.link_article(article)
        elif hasattr(linking, "article_extract"):
            summary = linking.article_extract(article_id=article.pk)
    now = timezone.now()
    Article.objects.filter(pk=article.pk).update(
        status=ArticleStatus.EXTRACTED, status_changed_at=now, extracted_at=now
    )
    return summary


def article_extract(*, article_id: int, force: bool = False) -> str:
    """Extract a fetched article (with `force`, an extracted one again). Idempotent; a gone row is a no-op.

    The row lock serialises two deliveries of the same task: the second waits, sees `extracted` and stops.
    Extraction is database work only (no network), so holding the lock for it is cheap.
    """
    allowed = [ArticleStatus.FETCHED, ArticleStatus.EXTRACTED] if force else [ArticleStatus.FETCHED]
    with transaction.atomic():
        article = Article.objects.select_for_update().filter(pk=article_id).first()
        if article is None:
            return f"article {article_id}: gone"
        if article.status not in allowed:
            return f"article {article_id}: not extracted (status {article.status})"
        summary = extraction_run(article)
    return f"article {article_id}: extracted ({summary})"
