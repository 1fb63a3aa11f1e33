"""What a sentence leaves unsaid and the article around it supplies: the player a clause is about when it
names none ("Chelsea are also interested."), the moves a denial answers, the club a clause's subject is, and
talks that are about a new contract rather than a transfer."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import holds_any
from .matching import Mention
from .roles import last_words

if TYPE_CHECKING:
    from .pipeline import Doc
    from .rumours import Event

FOCUS_REACH = 2  # sentences back a clause without a player may borrow the player of the last rumour
_NOT_A_TARGET = re.compile(
    r"(?:against|beat|beating|beaten|versus|vs\.?|v|over|(?:tie|game|match|win|defeat|draw|victory|loss|"
    r"clash|trip|"
    r"visit|fixture|final)\s+(?:\w+\s+)?(?:at|to|with|against)|"
    # "tracked him since his days at Atalanta": a club of his past
    r"(?:days|time|spell|spells|stint|years)\s+(?:at|with))\s+(?:the\s+)?$"
)
# "from Napoli", and "from his loan at Nice": where a player comes from.
_FROM = re.compile(r"\bfrom\s+(?:(?:his|her|a|their)\s+loan\s+(?:spell\s+)?(?:at|with)\s+)?(?:the\s+)?$")
# A text those two patterns match, trailing space stripped, ends with one of these words: one `endswith` rules
# out most clubs before the searches, which try every position of their 40 characters.
FROM_ENDS = ("from", "the", "at", "with")
NOT_A_TARGET_ENDS = (
    "against", "beat", "beating", "beaten", "versus", "vs", "vs.", "v", "over", "at", "to", "with", "the",
)  # fmt: skip
_ROLE_WORDS = (
    r"(?:goalkeeper|keeper|defender|centre-back|center-back|full-back|right-back|left-back|wing-back|"
    r"midfielder|"
    r"midfield|playmaker|winger|striker|forward|attacker|captain|skipper|star|youngster|teenager|teenage|"
    r"young|"
    r"veteran|academy|graduate|loanee|ace|international|player|new|signing|talisman|number|no)"
)
# What a club's possessive owns when it is an act of the club, not one of its players: "Madrid's interest in".
_CLUB_ACTS = (
    r"(?:interest|bid|bids|offer|offers|approach|move|pursuit|enquiry|inquiry|proposal|search|hunt|"
    r"admiration|"
    r"chase|swoop|raid|attempt|attempts|plans?|targets?|hopes|stance|valuation|position|refusal|decision)"
)
# "Middlesbrough defender Andy Davies", "Liverpool's Trent": a club before a player is that player's club.
ATTRIBUTIVE = re.compile(
    rf"^(?:(?:'s|\u2019s)\s+(?!{_CLUB_ACTS}\b)(?:[a-z-]+\s+){{0,2}}|\s+(?:{_ROLE_WORDS}\s+){{1,3}})$"
)
_AGED = re.compile(r"\b\d{2}-year-old\b")
# "interested in signing a striker": the object is someone not yet named, not the player in focus.
_INDEFINITE_OBJECT = re.compile(
    r"\s*(?:in |on |for |to )?(?:signing |bringing in |adding |landing |a move for )?"
    r"(?:a|an|another|several|two|three|new|more)\s+(?:[\w-]+\s+){0,2}?(?:striker|forward|winger|defender|"
    r"centre-back|full-back|midfielder|goalkeeper|keeper|player|players|signing|signings|replacement|"
    r"reinforcements?|attacker|options?|additions?)\b"
)
_RENEWAL_OBJECT = re.compile(
    r"(?:\s+[\w'-]+){0,5}?\s+(?:over|about|on|regarding|for|of|to)\s+(?:a |an |his |her |the |their )?"
    r"(?:new|fresh|improved|extended|longer|long-term|bumper|lucrative|contract|extension|renewal)\b"
    r"(?!\s+(?:club|challenge|side|team|home|chapter|start|manager|coach))"
)
# A match of `_RENEWAL_OBJECT` holds one of these ("renewal" has "new", "extended" and "extension" have
# "exten", "long-term" has "long"): a window without any of them is not searched (most windows are not).
RENEWAL_WORDS = ("new", "contract", "exten", "long", "fresh", "improved", "bumper", "lucrative")
_TENTATIVE = re.compile(
    r"\b(?:can|could|would|might|may|hope|hopes|hoping|hopeful|confident|if|try|trying|able|unable|want|"
    r"wants|bid|attempt)\b"
)


class Thread:
    """The rumours an article has told so far, in order, so that a later clause can lean on them."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.events: list[Event] = []

    def add(self, event: Event) -> None:
        self.events.append(event)

    def earlier_clubs(self, player: int) -> list[int]:
        """Every club the article has linked `player` with so far, oldest first."""
        out: list[int] = []
        for e in self.events:
            if e.player == player and e.to_club not in out:
                out.append(e.to_club)
        return out

    def focus(
        self,
        si: int,
        cs: int,
        ce: int,
        clause: tuple[int, int],
        buyer_subject: bool,
        subject: int | None,
        stage: str,
    ) -> list[Mention]:
        """The player a clause that names none is about: the player of the rumour told just before (within
        FOCUS_REACH sentences), else the article's main player; only where the clause has a club as its
        subject (a buyer, or a club "linked" with him) or denies something, and never the club's own
        player."""
        doc = self.doc
        if stage == "completed":
            return []
        denial = stage in ("denied", "rejected")
        if subject is None and not denial:
            return []
        if _INDEFINITE_OBJECT.match(doc.ftext, ce, clause[1]):
            return []
        first = next((m for m in doc.by_sentence[si] if clause[0] <= m.fs < cs), None)
        if first is not None and first.kind == "person" and stage in ("agreed", "linked", "talks"):
            return []  # "Slot is set to join Bayern": the coach moves, not a player
        if _AGED.search(doc.ftext, clause[0], cs):
            return []  # "the 19-year-old forward turned down ...": someone the gazetteer does not know
        if doc.unknown_names(si, upto_f=clause[1], after_f=ce, ignore_speakers=True):
            return []  # "in talks with Bayern over Mathys Tel": the deal is about a player we do not know
        recent = [e for e in self.events if 0 <= si - e.si <= FOCUS_REACH]
        candidates = [recent[-1].player] if recent else []
        if not denial and doc.topic is not None:
            candidates.append(doc.topic)
        for pid in candidates:
            if not denial and subject is not None and doc.gaz.player(pid).club_id == subject:
                continue
            m = Mention(cs, cs, (), "reference", kind="player", entity=pid, confidence=0.5)
            m.reference = "focus"
            return [m]
        return []


def club_mentions(doc: Doc, si: int) -> list[tuple[Mention, int]]:
    """(mention, club) for every club, or person with a club, named in sentence `si` (not inside a player
    reference such as "the Northgate winger"), computed once per sentence."""
    got = doc.club_lists.get(si)
    if got is None:
        got = doc.club_lists[si] = [
            (m, m.entity if m.kind == "club" else m.club)
            for m in doc.by_sentence[si]
            if m.kind != "player"
            and not m.inside_reference
            and (m.entity if m.kind == "club" else m.club) is not None
        ]
    return got


def club_context(doc: Doc, si: int, m: Mention) -> tuple[bool, bool, Mention | None]:
    """(named after "from", named after "against"/"beat", the player it qualifies as in "Northgate defender
    X"): what the words around a club mention say, whatever the cue."""
    if m.context is None:
        ftext = doc.ftext
        before = ftext[max(0, m.fs - 40) : m.fs]
        qualified = None
        if m.kind == "club":
            for p in doc.by_sentence[si]:  # the first player named after the club
                if p.kind == "player" and p.fs >= m.fe:
                    if ATTRIBUTIVE.match(ftext[m.fe : p.fs]):
                        qualified = p
                    break
        tail = before.rstrip()
        m.context = (
            tail.endswith(FROM_ENDS) and bool(_FROM.search(before)),
            tail.endswith(NOT_A_TARGET_ENDS) and bool(_NOT_A_TARGET.search(before)),
            qualified,
        )
    return m.context


def subject_club(doc: Doc, si: int, clause: tuple[int, int], cs: int) -> int | None:
    """The club that acts in a clause: the first club (or a person's club) named before the cue, leaving out
    a club that only qualifies a player ("Liverpool's Trent", "Northgate defender X")."""
    for m, club in club_mentions(doc, si):
        if not (clause[0] <= m.fs < cs):
            continue
        if m.kind == "club" and club_context(doc, si, m)[2] is not None:
            continue
        return club
    return None


def is_renewal(doc: Doc, clause: tuple[int, int], ce: int) -> bool:
    """Talks, an offer or an agreement "over a new contract", "about an extension": not a transfer."""
    end = min(clause[1], ce + 80)
    return holds_any(doc.ftext[ce:end], RENEWAL_WORDS) and bool(_RENEWAL_OBJECT.match(doc.ftext, ce, end))


def own_club_deal(
    doc: Doc, si: int, clause: tuple[int, int], ce: int, subject: int | None, current: int | None
) -> bool:
    """Talks or an offer by the player's own club with no other club in the clause: a new contract."""
    if subject is None or subject != current:
        return False
    for m in doc.by_sentence[si]:
        club = m.entity if m.kind == "club" else m.club
        if clause[0] <= m.fs < clause[1] and club is not None and club != current and not m.inside_reference:
            return False
    return True


def tentative_agreement(pre: str, cue_text: str = "") -> bool:
    """ "Confident they can agree personal terms", "hope to agree a fee": an agreement still to be reached."""
    words = last_words(pre, 3)
    if cue_text.startswith("agree ") or cue_text.startswith("agrees "):
        return bool(_TENTATIVE.search(last_words(pre, 2)))
    return "agree" in words.split()[-1:] and bool(_TENTATIVE.search(words))
