"""Linking: what extraction read in one article, written into the database as rumours, injuries and evidence.

`link_article(article)` is idempotent and re-runnable: it replaces the article's own mentions (and open
candidates) and touches nothing else's evidence. Everything happens in one transaction, with locks taken in a
fixed order so that workers linking different articles about the same player never deadlock:

1. the article row (two deliveries of the same article run one after the other, never interleaved);
2. the players that get injury or contract facts, by id (so two articles never create the same injury twice);
3. rumours: upserted in natural-key order, then locked by id for the stage update.

Row locks are `FOR NO KEY UPDATE`, the lock an UPDATE takes anyway: unlike `FOR UPDATE` it lets other
workers commit evidence for the same rows meanwhile (the foreign-key checks of their mentions take `KEY SHARE`
locks, at commit, since Django's PostgreSQL foreign keys are deferred).

The stage of a rumour is decided from all its mentions, in every article:
- `completed` if any article says the move is done (a signing is not undone by a later denial);
- otherwise `rejected` or `denied` when the latest article about it (by publication date) says so and says
  nothing more advanced; `rejected` wins over `denied` in that article;
- otherwise the most advanced stance any article gives it: agreed > bid > talks > interest > linked.
A curator's word is final: a rumour whose stage a curator set, or that a curator approved or rejected, keeps
its stage. Evidence (mentions, first and last seen) is still recorded for it.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
from collections.abc import Iterable
from dataclasses import dataclass, replace

from django.db import IntegrityError, transaction
from django.utils import timezone

from players.gazetteer import bump_gazetteer_version
from players.models import Club, Contract, Player, Staff
from players.text import fold_name
from rumours.contradictions import PlacedAt, contradictions_flag
from rumours.extraction import EXTRACTION_VERSION, ContractFact, Extraction, InjuryFact, RumourFact, extract
from rumours.extraction.windows import default_window
from rumours.gazetteer_snapshot import Snapshot, current_snapshot
from rumours.models import (
    STAGE_PROGRESS,
    Article,
    ArticleStatus,
    Candidate,
    CandidateStatus,
    CuratorState,
    Mention,
    MentionKind,
    Rumour,
    StaffMention,
    Stage,
)
from rumours.player_facts import (
    clip,
    evidence_fields,
    link_contracts,
    link_injuries,
    staff_mention,
)

NEGATIVE_STAGES = (Stage.REJECTED, Stage.DENIED)


@dataclass
class _Seen:
    """One rumour's stance in one article, for the stage rule."""

    stance: str
    published: dt.datetime
    article_id: int


def article_date(article: Article) -> dt.datetime:
    return article.published_at or article.created_at or timezone.now()


def window_for(day: dt.date) -> str:
    """The window a move belongs to when extraction found none: used only as a fallback."""
    return default_window(day)


@dataclass
class _Facts:
    """What extraction found, restricted to rows that exist now (see `_checked`)."""

    rumours: list[RumourFact]
    injuries: list[InjuryFact]
    contracts: list[ContractFact]
    staff_contracts: list[ContractFact]


def _clubs_on(player_ids: set[int], day: dt.date) -> dict[int, tuple[int, dt.date | None]]:
    """Each player's club on a day and since when, from contracts (the loan club while a loan runs)."""
    clubs: dict[int, tuple[int, dt.date | None]] = {}
    rows = (
        Contract.objects.filter(player_id__in=player_ids)
        .current(day)
        .order_by("player_id", *Contract.LATEST_FIRST)
        .values_list("player_id", "club_id", "start_date")
    )
    for player_id, club_id, start in rows:
        clubs.setdefault(player_id, (club_id, start))
    return clubs


def _checked(extraction: Extraction, day: dt.date) -> _Facts:
    """Drop facts about players or staff that no longer exist and forget clubs that do not.

    The snapshot may be up to TOUCHLINE_GAZETTEER_MAX_AGE old (or, in tests, from a rolled-back database): a
    player merged or a club deleted since must cost a missed fact, never a foreign-key error at commit.
    """
    facts = [*extraction.rumours, *extraction.injuries, *extraction.contracts]
    players = set(
        Player.objects.active().filter(pk__in={f.player_id for f in facts}).values_list("pk", flat=True)
    )
    staff = set(
        Staff.objects.filter(pk__in={f.player_id for f in extraction.person_contracts}).values_list(
            "pk", flat=True
        )
    )
    club_ids = {
        f.club_id for f in [*extraction.injuries, *extraction.contracts, *extraction.person_contracts]
    }
    club_ids |= {c for r in extraction.rumours for c in (r.from_club_id, r.to_club_id)}
    clubs = set(Club.objects.filter(pk__in=club_ids - {None}).values_list("pk", flat=True))

    def known(club_id: int | None) -> int | None:
        return club_id if club_id in clubs else None

    # A "move" to the club a player is known to have joined before the article is a renewal or background,
    # not a transfer. A contract with no known start (a gazetteer lists clubs as they are *after* its
    # articles) proves nothing, and the day before counts, so a move recorded on the article's date links.
    before = _clubs_on(players, day - dt.timedelta(days=1))
    club_before = {p: club for p, (club, start) in before.items()}
    settled_at = {p: club for p, (club, start) in before.items() if start is not None and start < day}

    def from_club(fact: RumourFact) -> int | None:
        club = known(fact.from_club_id) or club_before.get(fact.player_id)
        return club if club != fact.to_club_id else None

    return _Facts(
        rumours=[
            replace(f, from_club_id=from_club(f))
            for f in extraction.rumours
            if f.player_id in players
            and f.to_club_id in clubs
            and f.to_club_id != f.from_club_id
            and f.to_club_id != settled_at.get(f.player_id)
        ],
        injuries=[
            replace(f, club_id=known(f.club_id)) for f in extraction.injuries if f.player_id in players
        ],
        contracts=[
            replace(f, club_id=known(f.club_id)) for f in extraction.contracts if f.player_id in players
        ],
        staff_contracts=[
            replace(f, club_id=known(f.club_id)) for f in extraction.person_contracts if f.player_id in staff
        ],
    )


@transaction.atomic
def link_article(article: Article) -> dict:
    """Extract facts from one article and link them into the database. Returns a short JSON-able summary.

    Affected players' page caches are bumped after commit; the summary's `rumour_ids` are the rumours a
    rescore step should look at (those this article supports now and those it supported before).
    """
    # Lock order 1: the article.
    article = Article.objects.select_for_update(no_key=True).get(pk=article.pk)
    published = article_date(article)
    snapshot = current_snapshot()
    extraction = extract(
        article.text, published=published.date(), gazetteer=snapshot.gazetteer, title=article.title
    )
    facts = _checked(extraction, published.date())

    old = list(article.mentions.values_list("kind", "rumour_id", "player_id", "injury_id"))
    old_rumour_ids = {rumour_id for _, rumour_id, _, _ in old if rumour_id}
    old_injury_by_player = {player: injury for kind, _, player, injury in old if kind == "injury" and injury}
    article.mentions.all().delete()
    article.staff_mentions.all().delete()

    # Lock order 2: players whose injuries and contracts this article may create or fill.
    list(
        Player.objects.select_for_update(no_key=True)
        .filter(pk__in={f.player_id for f in [*facts.injuries, *facts.contracts]})
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    mentions: list[Mention] = []
    rumours, created_ids = _link_rumours(facts.rumours, article, published, snapshot, mentions)
    injury_ids = link_injuries(facts.injuries, article, published, snapshot, old_injury_by_player, mentions)
    contract_ids, clubs_changed = link_contracts(facts.contracts, article, published, snapshot, mentions)
    staff_mentions = [staff_mention(f, article, snapshot) for f in facts.staff_contracts]
    Mention.objects.bulk_create(mentions)
    StaffMention.objects.bulk_create(staff_mentions)

    # Lock order 3: rumours, by id. Those that lost this article's support are brought up to date as well.
    rumour_ids = {r.pk for r in rumours.values()} | old_rumour_ids
    _update_rumours(rumour_ids, seen={r.pk: published for r in rumours.values()})
    candidates = _replace_candidates(article, extraction.candidates)
    placements = [PlacedAt(f.player_id, f.from_club_id, f.evidence) for f in facts.rumours if f.from_club_id]
    placements += [PlacedAt(f.player_id, f.club_id, f.evidence) for f in facts.contracts if f.club_id]
    contradictions = contradictions_flag(
        article=article, day=published.date(), placements=placements, injury_ids=injury_ids
    )

    now = timezone.now()
    article.status = ArticleStatus.EXTRACTED
    article.failure_reason = ""
    article.extraction_version = EXTRACTION_VERSION
    article.extracted_at = now
    article.status_changed_at = now
    article.save(
        update_fields=["status", "failure_reason", "extraction_version", "extracted_at", "status_changed_at"]
    )

    player_ids = sorted({m.player_id for m in mentions} | {player for _, _, player, _ in old})
    transaction.on_commit(lambda: _bump_player_pages(player_ids))
    if clubs_changed:
        # A new or newly ended contract can change a player's club, which the gazetteer snapshot holds.
        transaction.on_commit(bump_gazetteer_version)
    return {
        "article": article.pk,
        "extraction_version": EXTRACTION_VERSION,
        "mentions": len(mentions),
        "staff_mentions": len(staff_mentions),
        "rumour_ids": sorted(rumour_ids),
        "rumours_created": len(created_ids),
        "injury_ids": sorted(injury_ids),
        "contract_ids": sorted(contract_ids),
        "candidates": candidates,
        "contradictions": contradictions,
        "player_ids": player_ids,
    }


# --- rumours ------------------------------------------------------------------------------------------------


def rumour_upsert(
    *, player_id: int, to_club_id: int, window: str, defaults: dict | None = None
) -> tuple[Rumour, bool]:
    """Get or create the rumour on its natural key; safe when another worker creates it at the same moment.

    The INSERT runs in a savepoint: a worker that loses the race (IntegrityError on the unique key) rolls back
    only that statement, not its whole transaction, and reads the winner's row, which READ COMMITTED lets it
    see once the winner has committed (until then its INSERT waits on the unique index).
    """
    key = {"player_id": player_id, "to_club_id": to_club_id, "window": window}
    try:
        with transaction.atomic():
            return Rumour.objects.get_or_create(**key, defaults=defaults or {})
    except IntegrityError as error:
        rumour = Rumour.objects.filter(**key).first()
        if rumour is None:
            raise error  # not the race: some other constraint failed
        return rumour, False


def _link_rumours(
    facts: list[RumourFact],
    article: Article,
    published: dt.datetime,
    snapshot: Snapshot,
    mentions: list[Mention],
) -> tuple[dict[tuple, Rumour], set[int]]:
    keyed = [((f.player_id, f.to_club_id, f.window or window_for(published.date())), f) for f in facts]
    # Natural-key order, so two workers inserting the same new rumours queue up instead of deadlocking.
    keyed.sort(key=lambda item: (item[0], item[1].start))
    rumours: dict[tuple, Rumour] = {}
    created_ids: set[int] = set()
    for key, fact in keyed:
        if key in rumours:
            continue
        rumour, created = rumour_upsert(
            player_id=key[0],
            to_club_id=key[1],
            window=key[2],
            defaults={
                "from_club_id": fact.from_club_id,
                "stage": fact.stage,
                "fee_amount": fact.fee_amount,
                "fee_currency": fact.fee_currency or "",
                "is_loan": bool(fact.is_loan),
                "first_seen": published,
                "last_seen": published,
            },
        )
        if created:
            created_ids.add(rumour.pk)
        rumours[key] = _survivor(rumour)
    for key, fact in keyed:
        rumour = rumours[key]
        mentions.append(
            Mention(
                article=article,
                kind=MentionKind.RUMOUR,
                player_id=rumour.player_id,
                club_id=rumour.to_club_id,
                rumour=rumour,
                stance=fact.stage,
                details={
                    "from_club_id": fact.from_club_id,
                    "window": key[2],
                    "also_stages": list(fact.also_stages or ()),
                    "stance_by": fact.stance_by or "",
                    "fee_amount": fact.fee_amount,
                    "fee_currency": fact.fee_currency or "",
                    "is_loan": bool(fact.is_loan),
                },
                **evidence_fields(fact, snapshot),
            )
        )
    return rumours, created_ids


def _survivor(rumour: Rumour) -> Rumour:
    """The rumour a curator merged this one into (following a chain of merges), else the rumour itself.

    Evidence found again in an article belongs where the curator put it, not back on the hidden duplicate.
    """
    seen = {rumour.pk}
    while rumour.merged_into_id is not None and rumour.merged_into_id not in seen:
        seen.add(rumour.merged_into_id)
        rumour = Rumour.objects.get(pk=rumour.merged_into_id)
    return rumour


def _update_rumours(rumour_ids: set[int], *, seen: dict[int, dt.datetime]) -> None:
    """Lock the rumours (by id: lock order 3), then bring stage, dates and blanks in line with evidence."""
    if not rumour_ids:
        return
    locked = list(Rumour.objects.select_for_update(no_key=True).filter(pk__in=rumour_ids).order_by("pk"))
    evidence: dict[int, list[_Seen]] = {}
    rows = (
        Mention.objects.filter(rumour_id__in=rumour_ids, kind=MentionKind.RUMOUR)
        .values_list("rumour_id", "stance", "article_id", "article__published_at", "article__created_at")
        .order_by()
    )
    for rumour_id, stance, article_id, published_at, created_at in rows:
        evidence.setdefault(rumour_id, []).append(_Seen(stance, published_at or created_at, article_id))
    for rumour in locked:
        changed: list[str] = []
        when = seen.get(rumour.pk)
        if when is not None:
            if when < rumour.first_seen:
                rumour.first_seen = when
                changed.append("first_seen")
            if when > rumour.last_seen:
                rumour.last_seen = when
                changed.append("last_seen")
        stage = decide_stage(evidence.get(rumour.pk, []))
        if stage and stage != rumour.stage and not curator_owns_stage(rumour):
            rumour.stage = stage
            changed.append("stage")
        if changed:
            rumour.save(update_fields=[*changed, "updated_at"])
    _fill_rumour_blanks(locked)


def _fill_rumour_blanks(rumours: list[Rumour]) -> None:
    # From club, fee and loan flag come from the evidence only while nobody has set them.
    ids = [r.pk for r in rumours if r.from_club_id is None or r.fee_amount is None or not r.is_loan]
    if not ids:
        return
    details: dict[int, list[tuple[dt.datetime, dict]]] = {}
    rows = Mention.objects.filter(rumour_id__in=ids, kind=MentionKind.RUMOUR).values_list(
        "rumour_id", "details", "article__published_at", "article__created_at"
    )
    for rumour_id, detail, published_at, created_at in rows:
        details.setdefault(rumour_id, []).append((published_at or created_at, detail or {}))
    for rumour in rumours:
        ordered = [d for _, d in sorted(details.get(rumour.pk, []), key=lambda item: item[0])]
        changed = []
        if rumour.from_club_id is None:
            from_club = next((d["from_club_id"] for d in ordered if d.get("from_club_id")), None)
            if from_club and from_club != rumour.to_club_id:
                rumour.from_club_id = from_club
                changed.append("from_club")
        if rumour.fee_amount is None and not curator_owns_stage(rumour):
            fee = next((d for d in reversed(ordered) if d.get("fee_amount")), None)
            if fee:
                rumour.fee_amount, rumour.fee_currency = fee["fee_amount"], fee.get("fee_currency") or ""
                changed += ["fee_amount", "fee_currency"]
        if not rumour.is_loan and not curator_owns_stage(rumour) and any(d.get("is_loan") for d in ordered):
            rumour.is_loan = True
            changed.append("is_loan")
        if changed:
            rumour.save(update_fields=[*changed, "updated_at"])


def curator_owns_stage(rumour: Rumour) -> bool:
    return rumour.stage_set_by_curator or rumour.curator_state in (
        CuratorState.APPROVED,
        CuratorState.REJECTED,
    )


def decide_stage(seen: list[_Seen]) -> str | None:
    """The module docstring's rule: completed; else a refusal or denial as the latest word; else progress."""
    if not seen:
        return None
    stances = {s.stance for s in seen}
    if Stage.COMPLETED in stances:
        return Stage.COMPLETED
    latest_key = max((s.published, s.article_id) for s in seen)
    latest = {s.stance for s in seen if (s.published, s.article_id) == latest_key}
    if latest & set(NEGATIVE_STAGES) and not latest & set(STAGE_PROGRESS):
        return Stage.REJECTED if Stage.REJECTED in latest else Stage.DENIED
    progress = [s for s in stances if s in STAGE_PROGRESS]
    if progress:
        return max(progress, key=STAGE_PROGRESS.__getitem__)
    # Only refusals and denials, none of them the latest word: the most recent of them stands.
    return Stage.REJECTED if Stage.REJECTED in stances else Stage.DENIED


# --- shared -------------------------------------------------------------------------------------------------


def _replace_candidates(article: Article, found: Iterable) -> int:
    """Open candidates are replaced; ones a curator already added or dismissed are kept as they are."""
    wanted: dict[str, object] = {}
    for candidate in found:
        key = clip(fold_name(candidate.name), 120)
        if key:
            wanted.setdefault(key, candidate)
    kept = set(article.candidates.exclude(status=CandidateStatus.OPEN).values_list("normalised", flat=True))
    article.candidates.filter(status=CandidateStatus.OPEN).delete()
    Candidate.objects.bulk_create(
        [
            Candidate(
                name=clip(c.name, 120),
                normalised=key,
                article=article,
                evidence=c.evidence,
            )
            for key, c in wanted.items()
            if key not in kept
        ]
    )
    return len(wanted)


def _bump_player_pages(player_ids: list[int]) -> None:
    """Tell the page cache these players changed, once the pages colleague's `rumours.cache` exists."""
    bump = _optional("rumours.cache", "bump_player")
    if bump is None:
        return
    for player_id in player_ids:
        bump(player_id)


def _optional(module: str, name: str):
    # find_spec rather than catching ImportError: a real error inside an existing module must still surface.
    if importlib.util.find_spec(module) is None:
        return None
    return getattr(importlib.import_module(module), name, None)
