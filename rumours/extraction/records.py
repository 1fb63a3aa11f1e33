"""The dataclasses that go in and out of extraction: gazetteer entries and extracted facts.

Plain frozen dataclasses so the Django side can build them from rows and read them back without importing
anything of ours beyond this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

STAGES = ("linked", "interest", "talks", "bid", "agreed", "completed", "rejected", "denied")
CONTRACT_FACT_TYPES = ("expiry", "wage", "talks", "new_deal_offered", "new_deal_signed", "length")


@dataclass(frozen=True)
class ClubEntry:
    id: int
    name: str
    aliases: tuple[str, ...] = ()
    country: str = ""
    league: str = ""


@dataclass(frozen=True)
class PlayerEntry:
    id: int
    name: str
    aliases: tuple[str, ...] = ()
    club_id: int | None = None
    nationality: str = ""
    born: date | None = None
    position: str = ""
    shirt: int | None = None


@dataclass(frozen=True)
class PersonEntry:
    """Managers, coaches, directors, agents: known so that they are never taken for players."""

    id: int
    name: str
    aliases: tuple[str, ...] = ()
    club_id: int | None = None
    role: str = ""


@dataclass(frozen=True)
class OutletEntry:
    """A news outlet or journalist ("Fichajes", "Sky Sports"); `Gazetteer.build` also takes plain strings."""

    id: int
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class EntityMention:
    kind: Literal["player", "club", "person"]
    entity_id: int
    start: int
    end: int
    surface: str
    via: str  # "name" | "alias" | "fuzzy" | "reference"


def entity_mention(kind: str, entity_id: int, start: int, end: int, surface: str, via: str) -> EntityMention:
    """`EntityMention(kind, entity_id, start, end, surface, via)`, the same object, built without the frozen
    dataclass's `__init__` (an `object.__setattr__` call per field): extraction makes dozens per article."""
    mention = object.__new__(EntityMention)
    mention.__dict__.update(kind=kind, entity_id=entity_id, start=start, end=end, surface=surface, via=via)
    return mention


@dataclass(frozen=True)
class RumourFact:
    player_id: int
    from_club_id: int | None
    to_club_id: int
    stage: str
    window: str
    evidence: str
    start: int
    end: int
    cited_outlet: str = ""
    confidence: float = 0.5
    fee_amount: int | None = None
    fee_currency: str = ""
    is_loan: bool = False
    also_stages: tuple[str, ...] = ()
    stance_by: str = ""  # "selling_club" | "buying_club" | "player" | "agent" | "media" | ""


def rumour_fact(**fields: object) -> RumourFact:
    """`RumourFact(**fields)` given every field, the same object, built as `entity_mention` builds its."""
    fact = object.__new__(RumourFact)
    fact.__dict__.update(fields)
    return fact


@dataclass(frozen=True)
class InjuryFact:
    player_id: int
    club_id: int | None
    injury: str
    body_part: str
    expected_absence: str
    evidence: str
    start: int
    end: int
    cited_outlet: str = ""
    confidence: float = 0.5


# kw_only: the agreed field order puts required `evidence`, `start`, `end` after defaulted fields, which a
# positional dataclass cannot express. Build it with keywords.
@dataclass(frozen=True, kw_only=True)
class ContractFact:
    player_id: int
    club_id: int | None
    fact: str
    fact_type: str  # expiry | wage | talks | new_deal_offered | new_deal_signed | length
    expires_on: date | None = None
    weekly_wage: int | None = None
    currency: str = ""
    evidence: str
    start: int
    end: int
    cited_outlet: str = ""
    confidence: float = 0.5


@dataclass(frozen=True)
class Candidate:
    """An unknown person name in a transfer context, for curators to add or dismiss."""

    name: str
    evidence: str
    start: int
    end: int
    context: str


@dataclass
class Extraction:
    mentions: list[EntityMention] = field(default_factory=list)
    rumours: list[RumourFact] = field(default_factory=list)
    injuries: list[InjuryFact] = field(default_factory=list)
    contracts: list[ContractFact] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    # Contract facts about people who are not players (a manager "in talks over a new deal"). Kept
    # apart so that
    # code linking `contracts` to players never sees a person id; `player_id` here is a PersonEntry id.
    person_contracts: list[ContractFact] = field(default_factory=list)
