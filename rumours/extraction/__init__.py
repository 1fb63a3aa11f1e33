"""Pure-Python extraction: article text + publication date + gazetteer snapshot in, facts out.

No Django here (DESIGN.md): fast, testable and benchmarkable on its own.
"""

from .evaluation import facts_to_export, score
from .gazetteer import Gazetteer, gazetteer_from_csv
from .pipeline import EXTRACTION_VERSION, extract
from .records import (
    Candidate,
    ClubEntry,
    ContractFact,
    EntityMention,
    Extraction,
    InjuryFact,
    OutletEntry,
    PersonEntry,
    PlayerEntry,
    RumourFact,
)

__all__ = [
    "EXTRACTION_VERSION",
    "Candidate",
    "ClubEntry",
    "ContractFact",
    "EntityMention",
    "Extraction",
    "Gazetteer",
    "InjuryFact",
    "OutletEntry",
    "PersonEntry",
    "PlayerEntry",
    "RumourFact",
    "extract",
    "facts_to_export",
    "gazetteer_from_csv",
    "score",
]
