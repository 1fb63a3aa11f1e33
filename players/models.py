"""Who is where: clubs, players, staff, contracts and injuries. Knows nothing of news."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from players import clock
from players.text import fold_name


class Position(models.TextChoices):
    GOALKEEPER = "goalkeeper", "Goalkeeper"
    DEFENDER = "defender", "Defender"
    MIDFIELDER = "midfielder", "Midfielder"
    FORWARD = "forward", "Forward"


class Currency(models.TextChoices):
    GBP = "GBP", "£"
    EUR = "EUR", "€"
    USD = "USD", "$"


def unique_slug(model: type[models.Model], name: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(fold_name(name))[:70] or "item"
    slug, n = base, 2
    while model._default_manager.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


class Club(models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    short_name = models.CharField(max_length=60, blank=True)
    country = models.CharField(max_length=60, blank=True)
    league = models.CharField(max_length=60, blank=True, db_index=True)
    stadium = models.CharField(max_length=120, blank=True)
    city = models.CharField(max_length=80, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("rumours:club", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(Club, self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)


class AliasBase(models.Model):
    """A name the media use for something: 'Los Blancos', 'Mo Salah'. Unique per folded text and owner."""

    alias = models.CharField(max_length=120)
    normalised = models.CharField(max_length=120, editable=False, db_index=True)

    class Meta:
        abstract = True
        ordering = ["alias"]

    def __str__(self) -> str:
        return self.alias

    def save(self, *args, **kwargs) -> None:
        # Derived from alias, so keeping it in step here is bookkeeping, not a side effect.
        self.normalised = fold_name(self.alias)
        super().save(*args, **kwargs)


class ClubAlias(AliasBase):
    club = models.ForeignKey(Club, on_delete=models.CASCADE, related_name="aliases")

    class Meta(AliasBase.Meta):
        verbose_name_plural = "club aliases"
        constraints = [
            models.UniqueConstraint(fields=["normalised", "club"], name="club_alias_unique_per_club")
        ]


class PlayerQuerySet(models.QuerySet):
    def active(self) -> PlayerQuerySet:
        return self.filter(merged_into__isnull=True)

    def with_current_contract(self, on: dt.date | None = None) -> PlayerQuerySet:
        """Annotate current_club_id and contract_end with one subquery each, for list pages."""
        on = on or clock.today()
        current = (
            Contract.objects.filter(player=models.OuterRef("pk")).current(on).order_by(*Contract.LATEST_FIRST)
        )
        return self.annotate(
            current_club_id=models.Subquery(current.values("club_id")[:1]),
            contract_end=models.Subquery(current.values("end_date")[:1]),
        )


class Player(models.Model):
    name = models.CharField(max_length=120, db_index=True, help_text="Full canonical name.")
    slug = models.SlugField(max_length=80, unique=True)
    known_as = models.CharField(max_length=120, blank=True, help_text="The name headlines use.")
    date_of_birth = models.DateField(null=True, blank=True)
    nationality = models.CharField(max_length=60, blank=True, db_index=True)
    position = models.CharField(max_length=20, choices=Position.choices, blank=True)
    position_detail = models.CharField(max_length=40, blank=True, help_text="Finer role: right-back, winger…")
    shirt_number = models.PositiveSmallIntegerField(null=True, blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_players"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PlayerQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(shirt_number__isnull=True) | Q(shirt_number__gte=1, shirt_number__lte=99),
                name="player_shirt_number_1_to_99",
            )
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.known_as or self.name

    def get_absolute_url(self) -> str:
        return reverse("rumours:player", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(Player, self.known_as or self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def age_on(self, day: dt.date) -> int | None:
        if not self.date_of_birth:
            return None
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    @property
    def age(self) -> int | None:
        return self.age_on(clock.today())

    def contract_on(self, day: dt.date | None = None) -> Contract | None:
        """The contract in force on a day; a loan beats the parent contract because it starts later."""
        day = day or clock.today()
        return self.contracts.current(day).select_related("club").order_by(*Contract.LATEST_FIRST).first()

    def club_on(self, day: dt.date | None = None) -> Club | None:
        contract = self.contract_on(day)
        return contract.club if contract else None

    @property
    def current_club(self) -> Club | None:
        return self.club_on()


class PlayerAlias(AliasBase):
    player = models.ForeignKey(Player, on_delete=models.CASCADE, related_name="aliases")

    class Meta(AliasBase.Meta):
        verbose_name_plural = "player aliases"
        constraints = [
            models.UniqueConstraint(fields=["normalised", "player"], name="player_alias_unique_per_player")
        ]


class Staff(models.Model):
    """A football person who is not a player (manager, director, agent): known so extraction never makes
    'Slot' or 'Ferguson' the subject of a rumour."""

    name = models.CharField(max_length=120, unique=True)
    role = models.CharField(max_length=60, blank=True, default="manager")
    club = models.ForeignKey(Club, null=True, blank=True, on_delete=models.SET_NULL, related_name="staff")
    nationality = models.CharField(max_length=60, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "staff"

    def __str__(self) -> str:
        return self.name


class StaffAlias(AliasBase):
    staff = models.ForeignKey(Staff, on_delete=models.CASCADE, related_name="aliases")

    class Meta(AliasBase.Meta):
        verbose_name_plural = "staff aliases"
        constraints = [
            models.UniqueConstraint(fields=["normalised", "staff"], name="staff_alias_unique_per_staff")
        ]


class ContractQuerySet(models.QuerySet):
    def current(self, on: dt.date) -> ContractQuerySet:
        return self.filter(Q(start_date__isnull=True) | Q(start_date__lte=on)).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=on)
        )

    def expiring_between(self, start: dt.date, end: dt.date) -> ContractQuerySet:
        return self.filter(end_date__gte=start, end_date__lte=end)


class Contract(models.Model):
    player = models.ForeignKey(Player, on_delete=models.CASCADE, related_name="contracts")
    club = models.ForeignKey(Club, on_delete=models.PROTECT, related_name="contracts")
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True, help_text="Expiry.")
    weekly_wage = models.PositiveIntegerField(null=True, blank=True)
    wage_currency = models.CharField(max_length=3, choices=Currency.choices, blank=True)
    is_loan = models.BooleanField(default=False)
    parent_club = models.ForeignKey(
        Club,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="loaned_out_contracts",
        help_text="For a loan: the club that owns the player's registration.",
    )
    notes = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ContractQuerySet.as_manager()
    history = HistoricalRecords()

    # A contract with no known start is the oldest; PostgreSQL would otherwise sort NULLs first.
    LATEST_FIRST = (models.F("start_date").desc(nulls_last=True), "-pk")

    class Meta:
        ordering = ["player", "-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="contract_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(weekly_wage__isnull=True) | ~Q(wage_currency=""),
                name="contract_wage_has_currency",
            ),
        ]
        indexes = [
            models.Index(fields=["club", "end_date"], name="contract_club_end_idx"),
            models.Index(fields=["player", "start_date"], name="contract_player_start_idx"),
        ]

    def __str__(self) -> str:
        until = self.end_date.isoformat() if self.end_date else "open-ended"
        return f"{self.player} at {self.club} until {until}{' (loan)' if self.is_loan else ''}"

    def is_current(self, day: dt.date | None = None) -> bool:
        day = day or clock.today()
        return (self.start_date is None or self.start_date <= day) and (
            self.end_date is None or self.end_date >= day
        )


class InjuryStatus(models.TextChoices):
    INJURED = "injured", "Injured"
    DOUBTFUL = "doubtful", "Doubtful"
    RECOVERED = "recovered", "Recovered"


class InjuryQuerySet(models.QuerySet):
    def current(self) -> InjuryQuerySet:
        return self.exclude(status=InjuryStatus.RECOVERED)


class Injury(models.Model):
    player = models.ForeignKey(Player, on_delete=models.CASCADE, related_name="injuries")
    club = models.ForeignKey(Club, null=True, blank=True, on_delete=models.SET_NULL, related_name="injuries")
    description = models.CharField(max_length=200)
    body_part = models.CharField(max_length=60, blank=True)
    occurred_on = models.DateField(null=True, blank=True)
    expected_absence = models.CharField(
        max_length=120, blank=True, help_text="As reported: 'several months'."
    )
    expected_return = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=InjuryStatus.choices, default=InjuryStatus.INJURED)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = InjuryQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-occurred_on", "-pk"]
        verbose_name_plural = "injuries"
        indexes = [models.Index(fields=["player", "status"], name="injury_player_status_idx")]

    def __str__(self) -> str:
        return f"{self.player}: {self.description}"
