"""Curation in Django admin: the review queue, the Rumour and Candidate admins, and merging players.

Every write goes through `rumours.curation` services, so the admin adds no rules of its own. Actions declare
the permissions they need (`@admin.action(permissions=...)`): Django drops an action the user may not run from
the select box and refuses it when posted anyway.

Player merging lives here, as an admin view of the Rumour admin (/admin/rumours/rumour/merge-players/), rather
than as an action on PlayerAdmin: `players` must not import `rumours`, and the alternative, unregistering
PlayerAdmin and registering a subclass from `rumours`, would make what players/admin.py says untrue depending
on app loading order. A merge moves rumours and evidence, which are `rumours`' business, so `rumours` owns it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from simple_history.admin import SimpleHistoryAdmin

from rumours import curation
from rumours.curation.common import optional
from rumours.curation.queue import highlight, queue_candidates, queue_rumours, rumour_names
from rumours.curation_forms import (
    AliasForm,
    CompletedForm,
    DeadForm,
    MergePlayersForm,
    MergeRumoursForm,
    NewPlayerForm,
    RejectForm,
    RenewedForm,
    RumourForm,
    StageForm,
)
from rumours.models import (
    Article,
    ArticleStatus,
    Candidate,
    CandidateStatus,
    Mention,
    Rumour,
)

TEMPLATES = "admin/rumours/curation"


# --- shared pieces of the two admins ------------------------------------------------------------------------


class ActionPagesMixin:
    """Intermediate pages for actions that need input, and one message for a batch of service calls."""

    def action_form_page(
        self, request: HttpRequest, queryset: QuerySet, form: forms.Form, *, title: str, action: str
    ) -> TemplateResponse:
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.model._meta,
            "form": form,
            "objects": list(queryset),
            "action": action,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            # Which queue the page was opened from, posted back so the review view routes the answer.
            "queue": request.POST.get("queue", ""),
            "media": self.media + form.media,
        }
        return TemplateResponse(request, f"{TEMPLATES}/action_form.html", context)

    def run_each(
        self, request: HttpRequest, rows: Iterable, service: Callable, *, key: str, done: str, **kwargs
    ) -> None:
        """Call `service(<key>=row, user=..., **kwargs)` for each row. Each call is its own transaction, so
        one refusal (a ValidationError, reported to the curator) spoils nothing else."""
        succeeded, refused = 0, []
        for row in rows:
            try:
                service(**{key: row}, user=request.user, **kwargs)
            except ValidationError as error:
                refused.append(f"{row}: {' '.join(error.messages)}")
            else:
                succeeded += 1
        if succeeded:
            self.message_user(request, f"{succeeded} {done}.", messages.SUCCESS)
        for reason in refused:
            self.message_user(request, reason, messages.ERROR)

    @staticmethod
    def form_from(request: HttpRequest, form_class: type[forms.Form], **kwargs) -> forms.Form:
        # The first post comes from the list (no "apply"); the page's own post carries "apply".
        return form_class(request.POST if "apply" in request.POST else None, **kwargs)


def _has_all(request: HttpRequest, *perms: str) -> bool:
    return request.user.has_perms(perms)


# --- Rumour -------------------------------------------------------------------------------------------------


class RumourMentionInline(admin.TabularInline):
    """The evidence: machine facts, read-only. A wrong sentence is fixed by re-extracting its article."""

    model = Mention
    fk_name = "rumour"
    extra = 0
    can_delete = False
    show_change_link = False
    fields = ["article_link", "evidence", "stance", "cited_outlet", "confidence"]
    readonly_fields = fields
    verbose_name_plural = "evidence (mentions)"

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .select_related("article", "player", "club")
            .order_by(F("article__published_at").desc(nulls_last=True), "span_start")
        )

    @admin.display(description="Article")
    def article_link(self, mention: Mention) -> str:
        article = mention.article
        when = article.display_date.date().isoformat() if article.display_date else ""
        return format_html(
            '<a href="{}">{}</a><br><small>{} · <a href="{}">public page</a></small>',
            reverse("admin:rumours_article_change", args=[article.pk]),
            str(article)[:90],
            when,
            article.get_absolute_url(),
        )

    @admin.display(description="Evidence")
    def evidence(self, mention: Mention) -> SafeString:
        names = [mention.player.name, mention.player.known_as, *([mention.club.name] if mention.club else [])]
        return highlight(mention.sentence, names)


@admin.register(Rumour)
class RumourAdmin(ActionPagesMixin, SimpleHistoryAdmin):
    form = RumourForm
    list_display = [
        "player",
        "from_club",
        "to_club",
        "window",
        "stage",
        "likelihood",
        "curator_state",
        "last_seen",
    ]
    list_filter = ["curator_state", "stage", "stage_set_by_curator", "window", "to_club__league"]
    list_select_related = ["player", "from_club", "to_club"]
    search_fields = ["player__name", "player__known_as", "to_club__name", "from_club__name"]
    autocomplete_fields = ["player", "from_club", "to_club"]
    readonly_fields = [
        "likelihood",
        "explanation",
        "first_seen",
        "last_seen",
        "resolved_at",
        "merged_into_link",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "player",
                    ("from_club", "to_club"),
                    "window",
                    ("fee_amount", "fee_currency"),
                    "is_loan",
                ]
            },
        ),
        ("Curation", {"fields": ["curator_state", "curator_note", "stage", "stage_set_by_curator"]}),
        (
            "Machine facts (read-only)",
            {
                "fields": [
                    ("likelihood", "explanation"),
                    ("first_seen", "last_seen"),
                    "resolved_at",
                    "merged_into_link",
                    ("created_at", "updated_at"),
                ]
            },
        ),
    ]
    inlines = [RumourMentionInline]
    actions = [
        "approve",
        "reject",
        "set_stage",
        "merge_rumours",
        "mark_completed",
        "mark_renewed",
        "mark_dead",
    ]
    change_form_template = f"{TEMPLATES}/rumour_change_form.html"
    change_list_template = f"{TEMPLATES}/rumour_change_list.html"

    # --- permissions named by the actions (`permissions=["merge"]` calls has_merge_permission) -------------

    def has_merge_permission(self, request: HttpRequest) -> bool:
        # Moving the evidence is part of the merge service, not a hand edit of mentions.
        return _has_all(request, "rumours.change_rumour")

    def has_outcome_permission(self, request: HttpRequest) -> bool:
        return _has_all(request, "rumours.change_rumour", "players.add_contract", "players.change_contract")

    def has_player_merge_permission(self, request: HttpRequest) -> bool:
        return _has_all(
            request,
            "players.change_player",
            "players.add_playeralias",
            "players.change_playeralias",
            "players.delete_playeralias",
            "players.change_contract",
            "players.change_injury",
            "rumours.change_rumour",
        )

    def has_reextract_permission(self, request: HttpRequest) -> bool:
        return _has_all(request, "rumours.view_rumour", "rumours.change_article")

    # --- read-only facts --------------------------------------------------------------------------------

    @admin.display(description="Likelihood explained")
    def explanation(self, rumour: Rumour) -> str:
        factors = [f for f in rumour.likelihood_explanation or [] if isinstance(f, dict)]
        if not factors:
            return "—"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{}: {}</li>",
                ((f.get("label", f.get("factor", "?")), f.get("points", "")) for f in factors),
            ),
        )

    @admin.display(description="Merged into")
    def merged_into_link(self, rumour: Rumour) -> str:
        if rumour.merged_into_id is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:rumours_rumour_change", args=[rumour.merged_into_id]),
            rumour.merged_into,
        )

    def save_model(self, request: HttpRequest, obj: Rumour, form: forms.ModelForm, change: bool) -> None:
        if change and "stage" in form.changed_data:
            # A stage typed by a curator is the curator's: extraction never changes it again.
            obj.stage_set_by_curator = True
            obj.resolved_at = None
        super().save_model(request, obj, form, change)
        players = {obj.player_id, form.initial.get("player")} - {None}
        curation.after_commit(rumour_ids=[obj.pk], player_ids=players)

    # --- actions ---------------------------------------------------------------------------------------

    @admin.action(description="Approve selected rumours", permissions=["change"])
    def approve(self, request: HttpRequest, queryset: QuerySet) -> None:
        self.run_each(
            request, queryset.order_by("pk"), curation.rumour_approve, key="rumour", done="approved"
        )

    @admin.action(description="Reject selected rumours (with a reason)…", permissions=["change"])
    def reject(self, request: HttpRequest, queryset: QuerySet) -> TemplateResponse | None:
        form = self.form_from(request, RejectForm)
        if form.is_bound and form.is_valid():
            self.run_each(
                request,
                queryset.order_by("pk"),
                curation.rumour_reject,
                key="rumour",
                done="rejected",
                reason=form.cleaned_data["reason"],
            )
            return None
        return self.action_form_page(request, queryset, form, title="Reject rumours", action="reject")

    @admin.action(description="Set the stage of selected rumours…", permissions=["change"])
    def set_stage(self, request: HttpRequest, queryset: QuerySet) -> TemplateResponse | None:
        form = self.form_from(request, StageForm)
        if form.is_bound and form.is_valid():
            stage = form.cleaned_data["stage"]
            self.run_each(
                request,
                queryset.order_by("pk"),
                curation.rumour_set_stage,
                key="rumour",
                done=f"set to {stage}",
                stage=stage,
            )
            return None
        return self.action_form_page(request, queryset, form, title="Set the stage", action="set_stage")

    @admin.action(description="Merge two duplicate rumours…", permissions=["merge"])
    def merge_rumours(self, request: HttpRequest, queryset: QuerySet) -> TemplateResponse | None:
        pair = list(queryset.select_related("player", "to_club").order_by("pk"))
        if len(pair) != 2:
            self.message_user(request, "Select exactly two rumours to merge.", messages.WARNING)
            return None
        form = self.form_from(request, MergeRumoursForm, rumours=queryset.order_by("pk"))
        if form.is_bound and form.is_valid():
            survivor = form.cleaned_data["survivor"]
            merged = next(r for r in pair if r.pk != survivor.pk)
            try:
                result = curation.rumour_merge(survivor=survivor, merged=merged, user=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(
                    request,
                    f"Merged “{merged}” into “{survivor}”: {result.mentions_moved} mentions moved.",
                    messages.SUCCESS,
                )
            return None
        return self.action_form_page(
            request, queryset, form, title="Merge two rumours", action="merge_rumours"
        )

    @admin.action(description="Mark completed (the move happened)…", permissions=["outcome"])
    def mark_completed(self, request: HttpRequest, queryset: QuerySet) -> TemplateResponse | None:
        form = self.form_from(request, CompletedForm)
        if form.is_bound and form.is_valid():
            self.run_each(
                request,
                queryset.order_by("pk"),
                curation.rumour_mark_completed,
                key="rumour",
                done="marked completed",
                on=form.cleaned_data["on"],
            )
            return None
        return self.action_form_page(request, queryset, form, title="Mark completed", action="mark_completed")

    @admin.action(description="Mark renewed (the player signed a new contract)…", permissions=["outcome"])
    def mark_renewed(self, request: HttpRequest, queryset: QuerySet) -> TemplateResponse | None:
        form = self.form_from(request, RenewedForm)
        if form.is_bound and form.is_valid():
            self.run_each(
                request,
                queryset.order_by("pk"),
                curation.rumour_mark_renewed,
                key="rumour_or_player",
                done="marked renewed",
                until=form.cleaned_data["until"],
                on=form.cleaned_data["on"],
            )
            return None
        return self.action_form_page(request, queryset, form, title="Mark renewed", action="mark_renewed")

    @admin.action(description="Mark dead…", permissions=["change"])
    def mark_dead(self, request: HttpRequest, queryset: QuerySet) -> TemplateResponse | None:
        form = self.form_from(request, DeadForm)
        if form.is_bound and form.is_valid():
            self.run_each(
                request,
                queryset.order_by("pk"),
                curation.rumour_mark_dead,
                key="rumour",
                done="marked dead",
                reason=form.cleaned_data["reason"],
            )
            return None
        return self.action_form_page(request, queryset, form, title="Mark dead", action="mark_dead")

    # --- views ----------------------------------------------------------------------------------------

    def get_urls(self) -> list:
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        # Before the defaults, whose "<path:object_id>/" would swallow these.
        return [
            path("review/", view(self.review_view), name=f"{name}_review"),
            path("merge-players/", view(self.merge_players_view), name=f"{name}_merge_players"),
            path(
                "<path:object_id>/reextract/<int:article_id>/",
                view(self.reextract_view),
                name=f"{name}_reextract",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "", extra_context=None):
        articles = (
            Article.objects.filter(mentions__rumour_id=object_id).distinct().order_by("-published_at", "pk")
        )
        extra_context = {
            **(extra_context or {}),
            "articles": articles if object_id.isdigit() else [],
            "can_reextract": self.has_reextract_permission(request),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def review_view(self, request: HttpRequest) -> HttpResponse:
        """The queue: unreviewed rumours and unknown names, with single and bulk actions."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            if request.POST.get("queue") == "candidates":
                handler = self.admin_site.get_model_admin(Candidate)
                if not handler.has_view_permission(request):
                    raise PermissionDenied
                queryset = handler.get_queryset(request).filter(status=CandidateStatus.OPEN)
            else:
                handler, queryset = self, self.get_queryset(request)
            response = handler.response_action(request, queryset)
            return response or HttpResponseRedirect(request.get_full_path())
        candidate_admin = self.admin_site.get_model_admin(Candidate)
        show_candidates = candidate_admin.has_view_permission(request)
        rumours = queue_rumours()
        for rumour in rumours:
            rumour.evidence_html = highlight(rumour.best_sentence or "", rumour_names(rumour))
        context = {
            **self.admin_site.each_context(request),
            "title": "Review queue",
            "opts": self.opts,
            "rumours": rumours,
            "rumour_actions": self.get_action_choices(request),
            "candidates": queue_candidates() if show_candidates else [],
            "show_candidates": show_candidates,
            "candidate_actions": candidate_admin.get_action_choices(request) if show_candidates else [],
            "can_merge_players": self.has_player_merge_permission(request),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, f"{TEMPLATES}/review_queue.html", context)

    def reextract_view(self, request: HttpRequest, object_id: str, article_id: int) -> HttpResponse:
        """Extract an article again; curators' decisions on its rumours survive (linking keeps them)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_reextract_permission(request):
            raise PermissionDenied
        rumour = get_object_or_404(Rumour, pk=object_id)
        article = get_object_or_404(Article, pk=article_id)
        back = HttpResponseRedirect(reverse("admin:rumours_rumour_change", args=[rumour.pk]))
        if optional("rumours.tasks", "extract_article") is None:
            self.message_user(request, "Extraction is not installed here.", messages.ERROR)
        elif article.status not in (ArticleStatus.FETCHED, ArticleStatus.EXTRACTED):
            self.message_user(
                request,
                f"“{article}” is {article.get_status_display().lower()}: nothing to extract.",
                messages.WARNING,
            )
        else:
            self.log_change(request, article, "Asked for re-extraction")
            curation.enqueue_reextract([article.pk])
            self.message_user(request, f"“{article}” queued for extraction.", messages.SUCCESS)
        return back

    def merge_players_view(self, request: HttpRequest) -> HttpResponse:
        """Pick two players, see what would move, confirm."""
        if not self.has_player_merge_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            form = MergePlayersForm(request.POST)
        else:
            form = MergePlayersForm(
                initial={k: request.GET[k] for k in ("survivor", "merged") if k in request.GET}
            )
        preview = None
        if form.is_bound and form.is_valid():
            survivor, merged = form.cleaned_data["survivor"], form.cleaned_data["merged"]
            if "confirm" in request.POST:
                try:
                    result = curation.player_merge(survivor=survivor, merged=merged, user=request.user)
                except ValidationError as error:
                    self.message_user(request, " ".join(error.messages), messages.ERROR)
                else:
                    self.message_user(
                        request,
                        f"Merged {merged} into {survivor}: {result.mentions_moved} mentions, "
                        f"{result.aliases_moved + result.aliases_added} aliases, "
                        f"{result.contracts_moved} contracts, {result.injuries_moved} injuries and "
                        f"{result.rumours_moved + result.rumours_merged} rumours moved.",
                        messages.SUCCESS,
                    )
                    return HttpResponseRedirect(reverse("admin:players_player_change", args=[survivor.pk]))
            else:
                preview = {
                    "mentions": merged.mentions.count(),
                    "aliases": merged.aliases.count(),
                    "contracts": merged.contracts.count(),
                    "injuries": merged.injuries.count(),
                    "rumours": merged.rumours.count(),
                }
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge two players",
            "opts": self.opts,
            "form": form,
            "preview": preview,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, f"{TEMPLATES}/merge_players.html", context)


# --- Candidate ----------------------------------------------------------------------------------------------


@admin.register(Candidate)
class CandidateAdmin(ActionPagesMixin, admin.ModelAdmin):
    list_display = ["name", "status", "evidence_sentence", "article", "created_at"]
    list_filter = ["status"]
    list_select_related = ["article"]
    search_fields = ["name", "evidence"]
    autocomplete_fields = ["article"]
    readonly_fields = ["name", "normalised", "article", "evidence", "created_at"]
    actions = ["to_new_player", "to_alias", "dismiss"]

    def has_add_player_permission(self, request: HttpRequest) -> bool:
        return _has_all(request, "rumours.change_candidate", "players.add_player", "players.add_contract")

    def has_add_alias_permission(self, request: HttpRequest) -> bool:
        return _has_all(request, "rumours.change_candidate", "players.add_playeralias")

    @admin.display(description="Evidence")
    def evidence_sentence(self, candidate: Candidate) -> SafeString:
        return highlight(candidate.evidence[:300], [candidate.name])

    @admin.action(description="Make each name a new player…", permissions=["add_player"])
    def to_new_player(self, request: HttpRequest, queryset: QuerySet) -> TemplateResponse | None:
        form = self.form_from(request, NewPlayerForm)
        if form.is_bound and form.is_valid():
            self.run_each(
                request,
                queryset.order_by("pk"),
                curation.candidate_to_player,
                key="candidate",
                done="added as players",
                club=form.cleaned_data["club"],
            )
            return None
        return self.action_form_page(request, queryset, form, title="New players", action="to_new_player")

    @admin.action(description="Add the names as aliases of a player…", permissions=["add_alias"])
    def to_alias(self, request: HttpRequest, queryset: QuerySet) -> TemplateResponse | None:
        form = self.form_from(request, AliasForm)
        if form.is_bound and form.is_valid():
            player = form.cleaned_data["player"]
            self.run_each(
                request,
                queryset.order_by("pk"),
                curation.candidate_to_alias,
                key="candidate",
                done=f"added as aliases of {player}",
                player=player,
            )
            return None
        return self.action_form_page(request, queryset, form, title="Aliases of a player", action="to_alias")

    @admin.action(description="Dismiss (not a player)", permissions=["change"])
    def dismiss(self, request: HttpRequest, queryset: QuerySet) -> None:
        self.run_each(
            request, queryset.order_by("pk"), curation.candidate_dismiss, key="candidate", done="dismissed"
        )
