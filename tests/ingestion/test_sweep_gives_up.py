"""The sweeper brings back stuck articles, but not forever: a hopeless one ends failed with a reason."""

import datetime as dt

from django.utils import timezone

from rumours.models import Article, ArticleStatus
from rumours.services.sweep import MAX_ATTEMPTS, sweep_stuck
from tests.factories import ArticleFactory


def stuck_article(**fields) -> Article:
    article = ArticleFactory(status=ArticleStatus.FETCHED, **fields)
    Article.objects.filter(pk=article.pk).update(status_changed_at=timezone.now() - dt.timedelta(hours=1))
    return article


def test_each_sweep_counts_as_an_attempt(db, django_capture_on_commit_callbacks):
    article = stuck_article(attempts=1)
    with django_capture_on_commit_callbacks() as callbacks:
        assert sweep_stuck(older_than=dt.timedelta(minutes=5)) == {"fetch": 0, "extract": 1, "failed": 0}
    assert len(callbacks) == 1
    article.refresh_from_db()
    assert article.attempts == 2 and article.status == ArticleStatus.FETCHED


def test_an_article_stuck_too_often_is_failed_with_a_readable_reason(db, django_capture_on_commit_callbacks):
    article = stuck_article(attempts=MAX_ATTEMPTS)
    with django_capture_on_commit_callbacks() as callbacks:
        assert sweep_stuck(older_than=dt.timedelta(minutes=5)) == {"fetch": 0, "extract": 0, "failed": 1}
    assert callbacks == []
    article.refresh_from_db()
    assert article.status == ArticleStatus.FAILED
    assert f"Gave up after {MAX_ATTEMPTS} attempts" in article.failure_reason
