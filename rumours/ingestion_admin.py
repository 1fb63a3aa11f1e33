"""Admin pieces for ingestion: the "add article" form and view, and the actions on feeds and articles.

Kept out of admin.py so that file stays a list of ModelAdmins; the view is mounted by ArticleAdmin.get_urls
and so runs inside `admin_site.admin_view` (staff login, CSRF protection).
"""

from __future__ import annotations

import logging

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django_ratelimit.core import get_usage

from config.celery import app as celery_app
from rumours.fetching.errors import FetchError
from rumours.fetching.text import content_hash
from rumours.fetching.urls import canonicalize_url
from rumours.models import Article, ArticleStatus, Feed, Source
from rumours.services import (
    IngestError,
    article_ingest_text,
    article_refetch,
    article_submit_url,
    feed_enable,
    feed_poll,
)
from rumours.services.common import enqueue

logger = logging.getLogger("rumours.ingestion")
SUBMIT_RATE_GROUP = "touchline:article-submit"


class ArticleSubmitForm(forms.Form):
    url = forms.URLField(
        label="URL",
        required=False,
        max_length=2000,
        assume_scheme="https",
        help_text="The article's address. Leave empty to paste the text instead.",
    )
    title = forms.CharField(
        required=False, max_length=500, help_text="For pasted text; pages have their own."
    )
    text = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 14, "cols": 100}),
        help_text="The article's text, when it cannot be fetched (paywall, print edition).",
    )
    published = forms.DateField(required=False, help_text="YYYY-MM-DD, when the article does not say.")
    source = forms.ModelChoiceField(Source.objects.all(), required=False)

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("url") and not (data.get("text") or "").strip():
            raise forms.ValidationError("Give a URL to fetch, or paste the article's text.")
        if (data.get("text") or "").strip() and not (data.get("title") or "").strip():
            data["title"] = data["text"].strip().split("\n", 1)[0][:200]
        return data


def _inline() -> bool:
    return bool(celery_app.conf.task_always_eager)


def _report(request: HttpRequest, article: Article, created: bool) -> None:
    """One message saying where the article stands (inline, the pipeline has already run)."""
    article.refresh_from_db()
    if article.status == ArticleStatus.FAILED:
        messages.error(request, f"Article {article.pk} could not be fetched: {article.failure_reason}")
    elif article.status == ArticleStatus.DUPLICATE:
        messages.warning(
            request, f"Same story as article {article.duplicate_of_id}; recorded as a duplicate."
        )
    elif not created:
        messages.info(request, f"Already stored as article {article.pk} ({article.get_status_display()}).")
    elif article.status == ArticleStatus.NEW:
        messages.success(request, f"Article {article.pk} is queued; a worker will fetch and extract it.")
    else:
        messages.success(request, f"Article {article.pk} stored ({article.get_status_display()}).")


def submit_wait(request: HttpRequest) -> int | None:
    """Count a submission against its user's allowance (its IP's, signed out); seconds to wait if over it.

    The counter lives in the default cache, which is Redis when REDIS_URL is set, so every web process shares
    it. A cache that cannot be reached lets the submission through: the article must still be stored when
    Redis is down (the sweeper enqueues it later), and the admin is behind a staff login anyway.
    """
    try:
        usage = get_usage(
            request,
            group=SUBMIT_RATE_GROUP,
            key="user_or_ip",
            rate=f"{settings.TOUCHLINE_SUBMIT_PER_MINUTE}/m",
            method="POST",
            increment=True,
        )
    except Exception as exc:  # noqa: BLE001 - any cache failure: fail open, and say so
        logger.warning("Submission rate limit not checked (%s: %s)", type(exc).__name__, exc)
        return None
    if usage is None or not usage["should_limit"]:
        return None
    return max(1, usage["time_left"])


def article_submit_view(model_admin: admin.ModelAdmin, request: HttpRequest) -> HttpResponse:
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    form = ArticleSubmitForm(request.POST if request.method == "POST" else None)
    wait = submit_wait(request) if request.method == "POST" else None
    if wait is not None:
        form.is_valid()  # keep what was typed on the page, with the reason on top
        form.add_error(
            None,
            f"Too many submissions: at most {settings.TOUCHLINE_SUBMIT_PER_MINUTE} a minute. "
            f"Nothing was added; try again in {wait} seconds.",
        )
        response = _submit_page(model_admin, request, form, status=429)
        response["Retry-After"] = str(wait)
        return response
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if (data["text"] or "").strip():
                url = data["url"] or ""
                canonical = canonicalize_url(url) if url else f"text:{content_hash(data['text'])}"
                article, created = article_ingest_text(
                    title=data["title"],
                    text=data["text"],
                    canonical_url=canonical,
                    url=url,
                    published=data["published"],
                    source=data["source"],
                )
            else:
                article, created = article_submit_url(
                    url=data["url"], source=data["source"], published=data["published"]
                )
        except FetchError as exc:
            form.add_error("url", f"Refused: {exc.reason}")
        except IngestError as exc:
            form.add_error("text", exc.reason)
        else:
            _report(request, article, created)
            return HttpResponseRedirect(reverse("admin:rumours_article_change", args=[article.pk]))
    return _submit_page(model_admin, request, form)


def _submit_page(
    model_admin: admin.ModelAdmin, request: HttpRequest, form: ArticleSubmitForm, status: int = 200
) -> TemplateResponse:
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Add an article by URL or text",
        "form": form,
        "opts": model_admin.model._meta,
        "has_view_permission": model_admin.has_view_permission(request),
    }
    return TemplateResponse(request, "admin/rumours/article/submit.html", context, status=status)


@admin.action(description="Poll now (whatever the schedule or backoff)", permissions=["change"])
def poll_now(model_admin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Feed]) -> None:
    ids = list(queryset.values_list("pk", flat=True))
    if not _inline():
        enqueue("fetch_feed", ids, force=True)
        model_admin.message_user(request, f"{len(ids)} feeds queued for polling.", messages.SUCCESS)
        return
    for feed_id in ids:
        summary = feed_poll(feed_id=feed_id, force=True)
        level = messages.ERROR if summary.outcome == "error" else messages.SUCCESS
        model_admin.message_user(request, str(summary), level)


@admin.action(description="Re-enable (reset the error count)", permissions=["change"])
def reenable_feeds(model_admin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Feed]) -> None:
    ids = list(queryset.values_list("pk", flat=True))
    for feed_id in ids:
        feed_enable(feed_id=feed_id)
    model_admin.message_user(request, f"{len(ids)} feeds enabled; they are polled at the next round.")


@admin.action(description="Re-fetch the page (then extract again)", permissions=["change"])
def refetch_articles(
    model_admin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Article]
) -> None:
    ids = list(queryset.values_list("pk", flat=True))
    done = sum(article_refetch(article_id=pk) for pk in ids)
    skipped = len(ids) - done
    note = f"; {skipped} skipped (files and pasted text have no page to fetch)" if skipped else ""
    model_admin.message_user(request, f"{done} articles queued for fetching{note}.")


@admin.action(description="Re-extract facts", permissions=["change"])
def reextract_articles(
    model_admin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Article]
) -> None:
    ready = [ArticleStatus.FETCHED, ArticleStatus.EXTRACTED]
    ids = list(queryset.filter(status__in=ready).values_list("pk", flat=True))
    enqueue("extract_article", ids, force=True)
    skipped = queryset.count() - len(ids)
    note = f"; {skipped} skipped (no text yet: new, failed or duplicate)" if skipped else ""
    model_admin.message_user(request, f"{len(ids)} articles queued for extraction{note}.")
