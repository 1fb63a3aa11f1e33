"""The extract step of the pipeline: link the article's facts, then rescore the rumours they touch.

`extraction_run(article)` calls `rumours.linking.link_article(article)` (facts into Mentions and Rumours,
idempotently) and `rumours.scoring.rumour_rescore` for the rumours it reports, in the same transaction, so a
rumour's likelihood is never older than its evidence. Nothing else in ingestion knows how extraction works.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from rumours.linking import link_article
from rumours.models import Article, ArticleStatus
from rumours.scoring import rumour_rescore


def extraction_run(article: Article) -> dict:
    """Extract, link and rescore one fetched article, then mark it extracted. Returns the linker's summary."""
    summary = link_article(article)
    summary["rescored"] = rumour_rescore(summary.get("rumour_ids", []))
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
    return (
        f"article {article_id}: extracted ({summary.get('mentions', 0)} mentions, "
        f"{len(summary.get('rumour_ids', []))} rumours, {summary.get('rescored', 0)} rescored)"
    )
