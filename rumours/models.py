"""News and what it says: sources, feeds, articles, rumours and the evidence (mentions) behind them."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from players.models import Club, Contract, Injury, Player, Staff, unique_slug


class ReliabilityTier(models.IntegerChoices):
    TIER_1 = 1, "Tier 1: very reliable"
    TIER_2 = 2, "Tier 2: reliable"
    TIER_3 = 3, "Tier 3: mixed"
    TIER_4 = 4, "Tier 4: unreliable"


class SourceKind(models.TextChoices):
    OUTLET = "outlet", "Outlet"
    JOURNALIST = "journalist", "Journalist"
    DATA = "data", "Data provider"
    OTHER = "other", "Other"


class Source(models.Model):
    """An outlet or journalist that publishes or is cited for claims."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=12, choices=SourceKind.choices, default=SourceKind.OUTLET)
    url = models.URLField(blank=True)
    aliases = models.JSONField(default=list, blank=True, help_text="Other names it is cited by.")
    reliability_tier = models.PositiveSmallIntegerField(
        choices=ReliabilityTier.choices, default=ReliabilityTier.TIER_3
    )
    claims_resolved = models.PositiveIntegerField(default=0, editable=False)
    claims_correct = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("rumours:source", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(Source, self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    @property
    def hit_rate(self) -> float | None:
        return self.claims_correct / self.claims_resolved if self.claims_resolved else None


class FeedQuerySet(models.QuerySet):
    def due(self, now: dt.datetime | None = None) -> FeedQuerySet:
        """Enabled feeds whose next poll time has come (or that were never polled)."""
        now = now or timezone.now()
        return self.filter(enabled=True).filter(Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now))


class Feed(models.Model):
    url = models.URLField(max_length=2000, unique=True)
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="feeds")
    title = models.CharField(max_length=300, blank=True)
    final_url = models.URLField(max_length=2000, blank=True, help_text="Where the last redirect chain ended.")
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    enabled = models.BooleanField(default=True)
    disabled_reason = models.CharField(max_length=500, blank=True)
    poll_interval = models.PositiveIntegerField(default=900, help_text="Seconds between polls when healthy.")
    last_polled_at = models.DateTimeField(null=True, blank=True)
    next_poll_at = models.DateTimeField(null=True, blank=True, db_index=True)
    consecutive_errors = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    last_warning = models.TextField(blank=True, help_text="A survivable problem with the last parse.")
    # A worker holds the feed until this time so two workers never poll the same feed at once.
    leased_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FeedQuerySet.as_manager()

    class Meta:
        ordering = ["url"]

    def __str__(self) -> str:
        return self.title or self.url


class FeedEntry(models.Model):
    """One item of a feed, keyed by its GUID; several entries (in several feeds) may lead to one article."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="entries")
    guid = models.CharField(
        max_length=64, help_text="sha256 of the entry's key (id, else link, else title+date)."
    )
    link = models.URLField(max_length=2000, blank=True)
    title = models.CharField(max_length=500, blank=True)
    # sha256 of what the feed says about the entry (title, summary, updated): a change means the story was
    # edited, so its article is fetched again and re-extracted in place.
    entry_hash = models.CharField(max_length=64, blank=True)
    article = models.ForeignKey(
        "Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="feed_entries"
    )
    first_seen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "feed entries"
        constraints = [models.UniqueConstraint(fields=["feed", "guid"], name="feed_entry_unique_guid")]

    def __str__(self) -> str:
        return self.title or self.link


class ArticleStatus(models.TextChoices):
    NEW = "new", "New"
    FETCHED = "fetched", "Fetched"
    EXTRACTED = "extracted", "Extracted"
    FAILED = "failed", "Failed"
    DUPLICATE = "duplicate", "Duplicate"


class ArticleQuerySet(models.QuerySet):
    def stuck(self, older_than: dt.timedelta) -> ArticleQuerySet:
        cutoff = timezone.now() - older_than
        return self.filter(
            status__in=[ArticleStatus.NEW, ArticleStatus.FETCHED], status_changed_at__lt=cutoff
        )


class Article(models.Model):
    url = models.URLField(max_length=2000, blank=True, help_text="The address it was found at.")
    canonical_url = models.CharField(
        max_length=2000,
        unique=True,
        help_text="Canonical URL, or file:<stem> / text:<hash> for other sources.",
    )
    title = models.CharField(max_length=500, blank=True)
    text = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    feed = models.ForeignKey(Feed, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles")
    content_hash = models.CharField(max_length=64, null=True, blank=True, unique=True)
    status = models.CharField(max_length=10, choices=ArticleStatus.choices, default=ArticleStatus.NEW)
    failure_reason = models.TextField(blank=True)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    # A worker fetching the page holds the row until this time, so a duplicate delivery does not fetch twice;
    # a killed worker's claim simply runs out.
    leased_until = models.DateTimeField(null=True, blank=True)
    extraction_version = models.PositiveIntegerField(default=0)
    status_changed_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(auto_now_add=True)
    fetched_at = models.DateTimeField(null=True, blank=True)
    extracted_at = models.DateTimeField(null=True, blank=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["status", "status_changed_at"], name="article_status_changed_idx")]

    def __str__(self) -> str:
        return self.title or self.canonical_url

    def get_absolute_url(self) -> str:
        return reverse("rumours:article", kwargs={"pk": self.pk})

    @property
    def display_date(self) -> dt.datetime:
        return self.published_at or self.created_at


class Stage(models.TextChoices):
    LINKED = "linked", "Linked"
    INTEREST = "interest", "Interest"
    TALKS = "talks", "Talks"
    BID = "bid", "Bid"
    AGREED = "agreed", "Agreed"
    COMPLETED = "completed", "Completed"
    REJECTED = "rejected", "Rejected"
    DENIED = "denied", "Denied"
    DEAD = "dead", "Dead"
    RENEWED = "renewed", "Renewed"


# How far along the road to a transfer each stage is; used to keep the most advanced stance.
STAGE_PROGRESS = {
    Stage.LINKED: 1,
    Stage.INTEREST: 2,
    Stage.TALKS: 3,
    Stage.BID: 4,
    Stage.AGREED: 5,
    Stage.COMPLETED: 6,
}
CLOSED_STAGES = (Stage.COMPLETED, Stage.DEAD, Stage.RENEWED)


class CuratorState(models.TextChoices):
    UNREVIEWED = "unreviewed", "Unreviewed"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class RumourQuerySet(models.QuerySet):
    def visible(self) -> RumourQuerySet:
        """What readers see: not rejected by a curator, not merged into another rumour."""
        return self.exclude(curator_state=CuratorState.REJECTED).filter(merged_into__isnull=True)

    def open(self) -> RumourQuerySet:
        return self.visible().exclude(stage__in=CLOSED_STAGES)

    def most_likely_first(self) -> RumourQuerySet:
        return self.order_by("-likelihood", "-last_seen", "pk")


class Rumour(models.Model):
    player = models.ForeignKey(Player, on_delete=models.CASCADE, related_name="rumours")
    from_club = models.ForeignKey(
        Club,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="rumours_out",
        help_text="The player's club when the rumour began.",
    )
    to_club = models.ForeignKey(Club, on_delete=models.CASCADE, related_name="rumours_in")
    window = models.CharField(
        max_length=20, help_text="Transfer window, e.g. '2025 January' or '2025 summer'."
    )
    stage = models.CharField(max_length=10, choices=Stage.choices, default=Stage.LINKED)
    fee_amount = models.PositiveBigIntegerField(null=True, blank=True)
    fee_currency = models.CharField(max_length=3, blank=True)
    is_loan = models.BooleanField(default=False)
    likelihood = models.PositiveSmallIntegerField(default=0)
    likelihood_explanation = models.JSONField(default=list, blank=True)
    curator_state = models.CharField(
        max_length=10, choices=CuratorState.choices, default=CuratorState.UNREVIEWED
    )
    curator_note = models.TextField(blank=True, help_text="Why a curator rejected or changed it.")
    stage_set_by_curator = models.BooleanField(
        default=False, help_text="A curator fixed the stage; extraction no longer changes it."
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_rumours"
    )
    first_seen = models.DateTimeField(default=timezone.now)
    last_seen = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RumourQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-likelihood", "-last_seen"]
        constraints = [
            models.UniqueConstraint(
                fields=["player", "to_club", "window"], name="rumour_unique_player_club_window"
            ),
            models.CheckConstraint(condition=Q(likelihood__lte=100), name="rumour_likelihood_0_to_100"),
            models.CheckConstraint(
                condition=Q(last_seen__gte=models.F("first_seen")), name="rumour_seen_in_order"
            ),
        ]
        indexes = [
            models.Index(fields=["player", "-likelihood"], name="rumour_player_likely_idx"),
            models.Index(fields=["to_club", "-last_seen"], name="rumour_to_club_recent_idx"),
            models.Index(fields=["from_club", "-last_seen"], name="rumour_from_club_recent_idx"),
            models.Index(fields=["-last_seen"], name="rumour_recent_idx"),
            models.Index(fields=["curator_state", "-likelihood"], name="rumour_review_queue_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.player} → {self.to_club} ({self.window}, {self.get_stage_display().lower()})"

    def get_absolute_url(self) -> str:
        return f"{self.player.get_absolute_url()}#rumour-{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.stage not in CLOSED_STAGES


class MentionKind(models.TextChoices):
    RUMOUR = "rumour", "Rumour"
    INJURY = "injury", "Injury"
    CONTRACT = "contract", "Contract"


class Mention(models.Model):
    """Evidence: one sentence of one article supporting a rumour, an injury or a contract fact."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    kind = models.CharField(max_length=10, choices=MentionKind.choices)
    player = models.ForeignKey(Player, on_delete=models.CASCADE, related_name="mentions")
    club = models.ForeignKey(
        Club,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentions",
        help_text="The other club of the fact: destination of a rumour, club of a contract or injury.",
    )
    rumour = models.ForeignKey(
        Rumour, null=True, blank=True, on_delete=models.CASCADE, related_name="mentions"
    )
    injury = models.ForeignKey(Injury, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    contract = models.ForeignKey(Contract, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    stance = models.CharField(max_length=10, choices=Stage.choices, blank=True, help_text="For a rumour.")
    fact = models.CharField(max_length=300, blank=True, help_text="The fact in words, as exported.")
    fact_type = models.CharField(max_length=30, blank=True)
    details = models.JSONField(default=dict, blank=True)
    sentence = models.TextField(help_text="The evidence, exactly as the article says it.")
    span_start = models.PositiveIntegerField()
    span_end = models.PositiveIntegerField()
    cited_outlet = models.CharField(max_length=120, blank=True, help_text="'according to Fichajes'")
    cited_source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="cited_in"
    )
    confidence = models.FloatField(default=0.5)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article", "span_start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(span_end__gte=models.F("span_start")), name="mention_span_in_order"
            ),
            models.CheckConstraint(
                condition=~Q(kind=MentionKind.RUMOUR) | Q(rumour__isnull=False),
                name="mention_rumour_has_rumour",
            ),
        ]
        indexes = [
            models.Index(fields=["player", "created_at"], name="mention_player_idx"),
            models.Index(fields=["rumour", "article"], name="mention_rumour_article_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.sentence[:80]}"


class StaffMention(models.Model):
    """Evidence for a fact about a manager or other staff member ("O'Leary is in talks over a new deal").

    Kept apart from Mention, whose facts are always about a player, so that nothing reading player evidence
    ever meets a mention without a player. Written by linking; exported by export_facts with the contracts.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="staff_mentions")
    kind = models.CharField(max_length=10, choices=MentionKind.choices, default=MentionKind.CONTRACT)
    staff = models.ForeignKey(Staff, on_delete=models.CASCADE, related_name="mentions")
    club = models.ForeignKey(
        Club, null=True, blank=True, on_delete=models.SET_NULL, related_name="staff_mentions"
    )
    fact = models.CharField(max_length=300, blank=True, help_text="The fact in words, as exported.")
    fact_type = models.CharField(max_length=30, blank=True)
    details = models.JSONField(default=dict, blank=True)
    sentence = models.TextField(help_text="The evidence, exactly as the article says it.")
    span_start = models.PositiveIntegerField()
    span_end = models.PositiveIntegerField()
    cited_outlet = models.CharField(max_length=120, blank=True)
    cited_source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="cited_in_staff_mentions"
    )
    confidence = models.FloatField(default=0.5)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article", "span_start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(span_end__gte=models.F("span_start")), name="staff_mention_span_in_order"
            ),
        ]
        indexes = [models.Index(fields=["staff", "created_at"], name="staff_mention_staff_idx")]

    def __str__(self) -> str:
        return f"{self.staff}: {self.sentence[:80]}"


class CandidateStatus(models.TextChoices):
    OPEN = "open", "Open"
    ADDED = "added", "Added as player or alias"
    DISMISSED = "dismissed", "Dismissed"


class Candidate(models.Model):
    """An unknown name found in a transfer context: a curator decides whether it is a player."""

    name = models.CharField(max_length=120)
    normalised = models.CharField(max_length=120, db_index=True)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="candidates")
    evidence = models.TextField()
    status = models.CharField(max_length=10, choices=CandidateStatus.choices, default=CandidateStatus.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["normalised", "article"], name="candidate_unique_per_article")
        ]

    def __str__(self) -> str:
        return self.name


class ScoringModel(models.Model):
    """Weights of the likelihood model fitted by `manage.py calibrate`; the newest active one is used."""

    weights = models.JSONField()
    trained_on = models.PositiveIntegerField(help_text="Resolved rumours it was fitted on.")
    brier_fitted = models.FloatField(null=True, blank=True)
    brier_hand_set = models.FloatField(null=True, blank=True)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Scoring model of {self.created_at:%Y-%m-%d %H:%M} ({self.trained_on} rumours)"


class ContradictionKind(models.TextChoices):
    LEFT_CLUB = "left_club", "Placed at a club he has left"
    INJURY_RECOVERED = "injury_recovered", "Reported injured, recorded as fit"


class ContradictionStatus(models.TextChoices):
    OPEN = "open", "Open"
    RESOLVED = "resolved", "Resolved"
    DISMISSED = "dismissed", "Dismissed"


class Contradiction(models.Model):
    """An article disagrees with what our records say. Raised for curators; nothing is overwritten."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="contradictions")
    player = models.ForeignKey(Player, on_delete=models.CASCADE, related_name="contradictions")
    kind = models.CharField(max_length=20, choices=ContradictionKind.choices)
    claim = models.CharField(max_length=300, help_text="What the article says.")
    record = models.CharField(max_length=300, help_text="What our records say.")
    evidence = models.TextField()
    status = models.CharField(
        max_length=10, choices=ContradictionStatus.choices, default=ContradictionStatus.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "player", "kind"], name="contradiction_unique_per_article"
            )
        ]

    def __str__(self) -> str:
        return f"{self.player}: {self.claim} / {self.record}"
