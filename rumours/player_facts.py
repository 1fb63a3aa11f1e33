"""Injuries and contracts from extraction facts: the player-side rows that linking creates or fills.

Called by `rumours.linking.link_article` inside its transaction, with the players concerned already locked.
The rules (which injury a report is about, which contract a fact is about, when one may be created) are in
docs/linking.md.
"""

from __future__ import annotations

import datetime as dt

from players.models import Contract, Currency, Injury, InjuryStatus
from players.text import fold_name
from rumours.extraction import ContractFact, InjuryFact, RumourFact
from rumours.gazetteer_snapshot import Snapshot
from rumours.models import Article, Mention, MentionKind, StaffMention

# An injury reported within this many days of a known one, with the same description, is the same injury.
SAME_INJURY_DAYS = 90
# Contract facts that say something a Contract row can hold; only these may create a contract.
CONTRACT_ROW_FACTS = ("expiry", "wage")


# --- injuries -----------------------------------------------------------------------------------------------


def link_injuries(
    facts: list[InjuryFact],
    article: Article,
    published: dt.datetime,
    snapshot: Snapshot,
    previous: dict[int, int],
    mentions: list[Mention],
) -> set[int]:
    injury_ids: set[int] = set()
    for fact in facts:
        injury = injury_upsert(
            player_id=fact.player_id,
            club_id=fact.club_id,
            description=fact.injury or "",
            body_part=fact.body_part or "",
            expected_absence=fact.expected_absence or "",
            day=published.date(),
            previous_id=previous.get(fact.player_id),
        )
        injury_ids.add(injury.pk)
        mentions.append(
            Mention(
                article=article,
                kind=MentionKind.INJURY,
                player_id=fact.player_id,
                club_id=fact.club_id,
                injury=injury,
                fact=clip(fact.injury or "", 300),
                fact_type="injury",
                details={
                    "injury": fact.injury,
                    "body_part": fact.body_part,
                    "expected_absence": fact.expected_absence,
                },
                **evidence_fields(fact, snapshot),
            )
        )
    return injury_ids


def injury_upsert(
    *,
    player_id: int,
    club_id: int | None,
    description: str,
    body_part: str,
    expected_absence: str,
    day: dt.date,
    previous_id: int | None = None,
) -> Injury:
    """The injury this report is about: the one this article pointed at before, else a known injury of the
    player with the same description (or any, when the report names none) around the same date, else a new
    one. Blanks are filled; what is already there (perhaps a curator's words) is kept."""
    injury = Injury.objects.filter(pk=previous_id, player_id=player_id).first() if previous_id else None
    if injury is None:
        near = Injury.objects.filter(player_id=player_id).filter(
            occurred_on__gte=day - dt.timedelta(days=SAME_INJURY_DAYS),
            occurred_on__lte=day + dt.timedelta(days=SAME_INJURY_DAYS),
        ) | Injury.objects.filter(player_id=player_id, occurred_on__isnull=True).exclude(
            status=InjuryStatus.RECOVERED
        )
        near = list(near.order_by("-occurred_on", "-pk"))
        wanted = fold_name(description)
        injury = next((i for i in near if wanted and fold_name(i.description) == wanted), None)
        if injury is None and not wanted:
            injury = next(iter(near), None)
        if injury is None and body_part:
            injury = next((i for i in near if fold_name(i.body_part) == fold_name(body_part)), None)
    if injury is None:
        return Injury.objects.create(
            player_id=player_id,
            club_id=club_id,
            description=clip(description or "injury", 200),
            body_part=clip(body_part, 60),
            expected_absence=clip(expected_absence, 120),
            occurred_on=day,
        )
    changed = []
    for attr, value, limit in (
        ("body_part", body_part, 60),
        ("expected_absence", expected_absence, 120),
    ):
        if value and not getattr(injury, attr):
            setattr(injury, attr, clip(value, limit))
            changed.append(attr)
    if description and injury.description == "injury":
        injury.description = clip(description, 200)
        changed.append("description")
    if club_id and injury.club_id is None:
        injury.club_id = club_id
        changed.append("club")
    if injury.occurred_on is None:
        injury.occurred_on = day
        changed.append("occurred_on")
    if changed:
        injury.save(update_fields=[*changed, "updated_at"])
    return injury


# --- contracts ----------------------------------------------------------------------------------------------


def link_contracts(
    facts: list[ContractFact],
    article: Article,
    published: dt.datetime,
    snapshot: Snapshot,
    mentions: list[Mention],
) -> tuple[set[int], bool]:
    """Contract mentions; returns the contracts they point at and whether a player's club may have moved."""
    contract_ids: set[int] = set()
    any_changed = False
    for fact in facts:
        contract, changed = contract_for_fact(fact, day=published.date())
        any_changed |= changed
        club_id = fact.club_id or (contract.club_id if contract else None)
        if contract is not None:
            contract_ids.add(contract.pk)
        mentions.append(
            Mention(
                article=article,
                kind=MentionKind.CONTRACT,
                player_id=fact.player_id,
                club_id=club_id,
                contract=contract,
                fact=clip(fact.fact or "", 300),
                fact_type=clip(fact.fact_type or "", 30),
                details={
                    "expires_on": fact.expires_on.isoformat() if fact.expires_on else None,
                    "weekly_wage": fact.weekly_wage,
                    "currency": fact.currency,
                },
                **evidence_fields(fact, snapshot),
            )
        )
    return contract_ids, any_changed


def staff_mention(fact: ContractFact, article: Article, snapshot: Snapshot) -> StaffMention:
    """A contract fact about a manager or other staff member: evidence only (staff have no Contract rows)."""
    return StaffMention(
        article=article,
        kind=MentionKind.CONTRACT,
        staff_id=fact.player_id,
        club_id=fact.club_id,
        fact=clip(fact.fact or "", 300),
        fact_type=clip(fact.fact_type or "", 30),
        details={"expires_on": fact.expires_on.isoformat() if fact.expires_on else None},
        **evidence_fields(fact, snapshot),
    )


def contract_for_fact(fact: ContractFact, *, day: dt.date) -> tuple[Contract | None, bool]:
    """The contract a fact is about, with its blanks filled from the fact. Returns (contract, club_may_move):
    whether a contract was created or given an end date, either of which can change the player's club.

    It is the player's contract at the fact's club (else his club) in force on the article's date. When there
    is none, one is created for an expiry or wage fact only, and only if he has no contract in force anywhere
    on that date: an article must not give a player a second club. An old contract that had already ended is
    history and is never filled. Filled values never overwrite what is there (a curator's, an import's).
    """
    in_force = Contract.objects.filter(player_id=fact.player_id).current(day).order_by(*Contract.LATEST_FIRST)
    club_id = fact.club_id
    if club_id is None:
        current = in_force.first()
        club_id = current.club_id if current else None
    if club_id is None:
        return None, False
    contract = in_force.filter(club_id=club_id).first()
    wage, currency = _wage(fact)
    if contract is None:
        if fact.fact_type not in CONTRACT_ROW_FACTS or not (fact.expires_on or wage) or in_force.exists():
            return None, False
        contract = Contract.objects.create(
            player_id=fact.player_id,
            club_id=club_id,
            end_date=fact.expires_on,
            weekly_wage=wage,
            wage_currency=currency if wage else "",
            notes="Created from an article.",
        )
        return contract, True
    changed = []
    if (
        fact.expires_on
        and contract.end_date is None
        and (contract.start_date is None or fact.expires_on >= contract.start_date)
    ):
        contract.end_date = fact.expires_on
        changed.append("end_date")
    if wage and contract.weekly_wage is None:
        contract.weekly_wage, contract.wage_currency = wage, currency
        changed += ["weekly_wage", "wage_currency"]
    if changed:
        contract.save(update_fields=[*changed, "updated_at"])
    return contract, "end_date" in changed


def _wage(fact: ContractFact) -> tuple[int | None, str]:
    wage = fact.weekly_wage
    currency = (fact.currency or "").upper()
    if not wage or currency not in Currency.values:
        return None, ""
    return int(wage), currency


# --- shared -------------------------------------------------------------------------------------------------


def evidence_fields(fact: RumourFact | InjuryFact | ContractFact, snapshot: Snapshot) -> dict:
    outlet = (fact.cited_outlet or "").strip()
    return {
        "sentence": fact.evidence,
        "span_start": fact.start,
        "span_end": max(fact.end, fact.start),
        "cited_outlet": clip(outlet, 120),
        "cited_source_id": snapshot.source_id_for(outlet),
        "confidence": float(fact.confidence),
    }


def clip(value: str, limit: int) -> str:
    return value[:limit]
