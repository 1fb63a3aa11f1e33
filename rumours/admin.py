from functools import partial

from django.contrib import admin
from django.urls import path
from django.utils.html import format_html

# The Rumour and Candidate admins (review queue, curator actions, player merging) live in admin_curation;
# importing it registers them.
from rumours.admin_curation import CandidateAdmin, RumourAdmin  # noqa: F401
from rumours.ingestion_admin import (
    article_submit_view,
    poll_now,
    reenable_feeds,
    reextract_articles,
    refetch_articles,
)
from rumours.models import (
    Article,
    ArticleStatus,
    Contradiction,
    ContradictionStatus,
    Feed,
    FeedEntry,
    Mention,
    ScoringModel,
    Source,
    StaffMention,
)


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "reliability_tier", "claims_resolved", "claims_correct"]
    list_filter = ["kind", "reliability_tier"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["claims_resolved", "claims_correct"]


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "source",
        "enabled",
        "consecutive_errors",
        "last_polled_at",
        "next_poll_at",
        "error",
    ]
    list_filter = ["enabled", "source"]
    list_select_related = ["source"]
    search_fields = ["url", "title"]
    autocomplete_fields = ["source"]
    readonly_fields = [
        "final_url",
        "etag",
        "last_modified",
        "last_polled_at",
        "consecutive_errors",
        "last_error",
        "last_warning",
        "disabled_reason",
        "leased_until",
    ]
    actions = [poll_now, reenable_feeds]

    @admin.display(description="Error")
    def error(self, feed: Feed) -> str:
        if feed.disabled_reason:
            return format_html('<strong class="errornote">{}</strong>', feed.disabled_reason[:160])
        return (feed.last_error or feed.last_warning)[:160]


@admin.register(FeedEntry)
class FeedEntryAdmin(admin.ModelAdmin):
    list_display = ["title", "feed", "article", "first_seen_at"]
    list_select_related = ["feed", "article"]
    search_fields = ["title", "link"]
    autocomplete_fields = ["feed", "article"]


class MentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    fields = ["kind", "player", "club", "stance", "fact", "sentence", "cited_outlet", "confidence"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "source", "status", "published_at", "extraction_version", "problem"]
    list_filter = ["status", "source"]
    list_select_related = ["source"]
    search_fields = ["title", "canonical_url", "url"]
    autocomplete_fields = ["source", "feed", "duplicate_of"]
    readonly_fields = [
        "content_hash",
        "status_changed_at",
        "fetched_at",
        "extracted_at",
        "attempts",
        "failure_reason",
        "leased_until",
    ]
    date_hierarchy = "published_at"
    inlines = [MentionInline]
    actions = [refetch_articles, reextract_articles]

    @admin.display(description="Problem")
    def problem(self, article: Article) -> str:
        if article.status == ArticleStatus.DUPLICATE and article.duplicate_of_id:
            return f"Duplicate of article {article.duplicate_of_id}"
        return article.failure_reason[:160]

    def get_urls(self) -> list:
        submit = self.admin_site.admin_view(partial(article_submit_view, self))
        return [path("submit/", submit, name="rumours_article_submit"), *super().get_urls()]


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["kind", "player", "club", "stance", "evidence", "cited_outlet", "article"]
    list_filter = ["kind", "stance"]
    list_select_related = ["player", "club", "article"]
    search_fields = ["sentence", "player__name", "cited_outlet"]
    autocomplete_fields = ["article", "player", "club", "rumour", "cited_source"]
    raw_id_fields = ["injury", "contract"]

    @admin.display(description="Evidence")
    def evidence(self, mention: Mention) -> str:
        return format_html("<q>{}</q>", mention.sentence[:160])


@admin.register(Contradiction)
class ContradictionAdmin(admin.ModelAdmin):
    """Articles that disagree with our records: a curator checks which is right and closes the flag."""

    list_display = ["player", "kind", "claim", "record", "status", "article", "created_at"]
    list_filter = ["status", "kind"]
    list_select_related = ["player", "article"]
    search_fields = ["player__name", "player__known_as", "claim", "evidence"]
    readonly_fields = ["article", "player", "kind", "claim", "record", "evidence", "created_at"]
    actions = ["mark_resolved", "mark_dismissed"]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.action(description="Mark resolved (our records were fixed)", permissions=["change"])
    def mark_resolved(self, request, queryset) -> None:
        count = queryset.update(status=ContradictionStatus.RESOLVED)
        self.message_user(request, f"{count} contradiction(s) marked resolved.")

    @admin.action(description="Dismiss (the article was wrong)", permissions=["change"])
    def mark_dismissed(self, request, queryset) -> None:
        count = queryset.update(status=ContradictionStatus.DISMISSED)
        self.message_user(request, f"{count} contradiction(s) dismissed.")


@admin.register(StaffMention)
class StaffMentionAdmin(admin.ModelAdmin):
    list_display = ["staff", "fact_type", "fact", "club", "article"]
    list_filter = ["fact_type"]
    list_select_related = ["staff", "club", "article"]
    search_fields = ["staff__name", "sentence"]
    readonly_fields = [f.name for f in StaffMention._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(ScoringModel)
class ScoringModelAdmin(admin.ModelAdmin):
    """Fitted likelihood weights (manage.py calibrate); only superusers change which one is active."""

    list_display = ["created_at", "trained_on", "brier_fitted", "brier_hand_set", "active"]
    list_filter = ["active"]
    readonly_fields = ["weights", "trained_on", "brier_fitted", "brier_hand_set", "created_at"]

    def has_add_permission(self, request) -> bool:
        return False
