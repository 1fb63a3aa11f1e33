"""Rumour facts: for each transfer cue, the player, the club he would join and the stance, merged per
(player, to_club) into the one stance the article foregrounds."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .cues import MODAL, MONEY_LEAD, MONEY_RE, NEGATION, RUMOUR, RUMOUR_CUE_BY_GROUP, parse_money
from .discourse import (
    Thread,
    club_context,
    club_mentions,
    is_renewal,
    own_club_deal,
    subject_club,
    tentative_agreement,
)
from .lexicon import NOT_NAMES, holds_any
from .matching import Mention
from .records import RumourFact, rumour_fact
from .roles import last_words, pick_subjects, word_count
from .windows import default_window

if TYPE_CHECKING:
    from .pipeline import Doc

PRIORITY = {
    "completed": 7,
    "agreed": 6,
    "rejected": 5,
    "denied": 4,
    "bid": 3,
    "talks": 2,
    "interest": 1,
    "linked": 0,
}
_ASIDE = re.compile(r",\s+(?:who|which|where|whose)\b[^,;]*,")
_THAT = re.compile(r"\bthat\b")
_HIM_AFTER = re.compile(r"\s*(?:with |in |for |to |on |about )?(?:him|her)\b")
_SELLER_VERB = re.compile(
    r"\b(?:rejected|rejects|received|receives|considering|turned down|snubbed|entertain(?:s|ed|ing)?|"
    r"listen(?:s|ed|ing)? to|accept(?:s|ed|ing)?)\b"
)
_IN_YEAR = re.compile(
    r"\bin (?:(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"the summer of|the winter of|the spring of|the autumn of) )?(20\d\d)\b"
)
_REPORTS = re.compile(
    r"\b(?:reports?|speculation|rumou?rs?|claims?|suggestions?|talk|links?|stories|story)\b"
)
_TOLD_BEFORE = re.compile(r"\b(?:told|tell|tells|informed|warned|assured|clear to)\s+(?:the\s+)?$")
_NOT_ONLY = re.compile(r"\bnot (?:the only|only|just|merely|alone)\b")
_APPOINTMENT = re.compile(
    r"\b(?:take|takes|took|taking|taken) charge\b|\bappoint(?:ed|s)?\b|\bappointment as\b|"
    r"\bmanagerial\b|\bhot seat\b|\bin the dugout\b|"
    r"\b(?:manager|coach|coaching|head coach|boss)(?:'s)? (?:job|role|post|position|vacancy)\b|"
    r"\b(?:join|joins|joined|joining|return|returns|move|moves) (?:[\w'-]+ ){0,4}?as (?:their |the |its |a )?"
    r"(?:new )?(?:manager|head coach|coach|boss|sporting director|assistant|director of football)\b|"
    # "a possible successor at Tottenham, should Postecoglou leave": a club's successor is its next coach; a
    # player's is "Salah's successor".
    r"\bsuccessor at\b"
)
# Every match of the two patterns holds one of these words: most clauses are settled by `in`.
_APPOINTMENT_WORDS = (
    "charge", "appoint", "managerial", "hot seat", "dugout", "manager", "coach", "boss", "director",
    "assistant", "successor at",
)  # fmt: skip
_BACKGROUND_WORDS = ("before", "past", "previously", "last", "ago", "in 20")
_NEGATABLE = ("interest", "talks", "bid", "agreed", "linked")  # stages a negation in front turns around
_TIER_CONFIDENCE = {3: 0.7, 2: 0.6, 1: 0.5}
_CONDITIONAL = re.compile(r"\b(?:if|unless|whether|should)\b")
# A clause about the past, not the current window: "before", "in the past", "last summer".
_BACKGROUND = re.compile(
    r"\b(?:before|in the past|previously|last (?:summer|season|year|january)|years? ago|"
    r"in 20[01]\d)\s*[.,;]?$|"
    r"\bin the past\b|\bpreviously\b"
)
# Refusals that answer every move at once ("not for sale", "going nowhere"), unlike "turned down a move".
GENERAL_REFUSAL = re.compile(
    r"not for sale|not going anywhere|going nowhere|(?:not|never|n't) (?:negotiate|sell|accept|listen|"
    r"entertain)|"
    r"refus|no intention|not (?:be )?(?:selling|sold)|want to sell|no mood|hands off|dismiss|deni|deny|"
    r"rubbish|down|laughed|no truth|nothing to|fake|wide of|no plans|not (?:ready|going|looking|planning|"
    r"thinking)|no interest|not interested"
)
_AGENT = re.compile(r"\bagent\b|\brepresentatives?\b")
_BIDDER_CUE = re.compile(
    r"\b(?:bids?|offers?|interest|approach|enquir(?:y|ies)|inquir(?:y|ies)|requests?|proposals?)\b"
)
_DIGIT = re.compile(r"\d")
_PER_WEEK = re.compile(r"\s*(?:-|\s)*(?:per|a|each)(?:\s|-)*week|\s?(?:pw|p/w)\b")


# Every match of each pattern below holds one of its words: the plain substring tests run first.
_NEGATION_WORDS = ("no", "ne", "n'", "without", "den")
_CONDITIONAL_WORDS = ("if", "unless", "whether", "should")
_SELLER_WORDS = (
    "reject",
    "receive",
    "considering",
    "turned down",
    "snubbed",
    "entertain",
    "listen",
    "accept",
)


def _negation_words(words: str) -> bool:
    """`NEGATION.search(words)` as a bool."""
    return holds_any(words, _NEGATION_WORDS) and bool(NEGATION.search(words))


def _conditional_words(words: str) -> bool:
    """`_CONDITIONAL.search(words)` as a bool."""
    return holds_any(words, _CONDITIONAL_WORDS) and bool(_CONDITIONAL.search(words))


def _seller_verb(text: str) -> bool:
    """`_SELLER_VERB.search(text)` as a bool."""
    return holds_any(text, _SELLER_WORDS) and bool(_SELLER_VERB.search(text))


def _names_an_agent(ftext: str, start: int, end: int) -> bool:
    """`_AGENT.search(ftext, start, end)` as a bool, searched only where the words are there at all."""
    return (ftext.find("agent", start, end) >= 0 or ftext.find("representative", start, end) >= 0) and bool(
        _AGENT.search(ftext, start, end)
    )


def _is_appointment(clause_text: str) -> bool:
    return holds_any(clause_text, _APPOINTMENT_WORDS) and bool(_APPOINTMENT.search(clause_text))


def _is_background(clause_text: str) -> bool:
    return holds_any(clause_text, _BACKGROUND_WORDS) and bool(_BACKGROUND.search(clause_text))


@dataclass(slots=True)
class Event:
    player: int
    to_club: int
    from_club: int | None
    stage: str
    si: int
    confidence: float
    window: str | None
    loan: bool
    stance_by: str
    clause: tuple[int, int]  # where the cue is: the fee and the outlet are read from there when needed
    cs: int

    def outlet(self, doc: Doc) -> str:
        outlets = doc.outlets(self.si)
        return outlets[0] if outlets else ""

    def fee(self, doc: Doc) -> tuple[int | None, str]:
        if self.stage in ("bid", "agreed", "completed", "rejected"):
            return _fee(doc, self.clause, self.cs)
        return None, ""


def _club_of(m: Mention) -> int | None:
    return m.entity if m.kind == "club" else m.club


# Clubs the cue names by number or kind only: the destinations are those, never a club named elsewhere.
_UNNAMED_CLUBS = re.compile(
    r"\s+(?:(?:with|to|by|from)\s+)?(?:[\w-]+\s+){0,3}?(?:clubs|sides|teams|suitors)\b"
)
_LIST_GLUE = re.compile(r",\s*|,?\s+(?:and|or|&)\s+")


def _targets(
    doc: Doc,
    si: int,
    clause: tuple[int, int],
    cs: int,
    ce: int,
    player: Mention,
    stage: str,
):
    """(to-club candidates as (tier, club id), explicit from-club) for `player` around a cue at [cs, ce)."""
    current = doc.gaz.player(player.entity).club_id
    ftext = doc.ftext
    explicit_from = None
    found: list[tuple[int, int]] = []
    asides = None
    list_end = -1  # where the last club named right after the cue ends
    for m, club in club_mentions(doc, si):
        if not (clause[0] <= m.fs < clause[1]):
            continue
        if asides is None:
            asides = _asides(doc, si, cs)
        if asides and any(a <= m.fs < b for a, b in asides):
            continue  # "Napoli, who sold their winger to PSG, asked about X": PSG is no destination here
        after_cue = m.fs >= ce
        from_before, not_target, qualified = club_context(doc, si, m)
        if from_before:
            # "a bid from Napoli": the club after "from" is the bidder. The bidding words are looked for last.
            if (
                after_cue
                and word_count(ftext[ce : m.fs]) <= 7
                and (_BIDDER_CUE.search(ftext, cs, ce) or _BIDDER_CUE.search(ftext, cs, m.fs))
            ):
                found.append((3, club))
            elif m.kind == "club":
                explicit_from = club
            continue
        if not_target:
            continue
        if qualified is not None:
            if qualified.entity == player.entity and club != current:
                explicit_from = club
            continue  # "Middlesbrough defender Andy Davies": that player's club, not a destination
        if club == current and stage != "completed":
            continue
        if not after_cue and _matrix_subject(doc, m, player, cs):
            continue
        if after_cue:
            gap = ftext[ce : m.fs]
            tier = 3 if "," not in gap and word_count(gap) <= 6 else 1
            if tier == 1 and list_end >= 0 and _LIST_GLUE.fullmatch(ftext, list_end, m.fs):
                tier = 3  # "linked with Chelsea, Arsenal and Manchester United": the list goes on
            if tier == 3:
                list_end = m.fe
        elif m.possessive and 0 <= cs - m.fe <= 30:
            tier = 3
        else:
            tier = 2
        found.append((tier, club))
    return found, explicit_from


def _all_asides(doc: Doc, si: int) -> list[tuple[int, int]]:
    """Relative clauses set off by commas (", who ... ,") in sentence `si`."""
    spans = doc.asides.get(si)
    if spans is None:
        spans = doc.asides[si] = [m.span() for m in _ASIDE.finditer(doc.ftext, doc.sfs[si], doc.sfe[si])]
    return spans


# A name, right before a relative clause: "Giorgi Mamardashvili, who".
_NAME_BEFORE = re.compile(r"[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2}$")


def _about_someone_unknown(doc: Doc, si: int, cs: int) -> bool:
    """The cue is inside a relative clause (", who agreed to join ...") about a name the gazetteer lacks, and
    the clause names no player of its own (", who wants to sign Ashley Cole" is a buyer's)."""
    for a, b in _all_asides(doc, si):
        if a <= cs < b:
            if any(m.kind == "player" and a <= m.fs < b for m in doc.by_sentence[si]):
                return False
            return _unknown_head(doc, a)
    return False


def _unknown_head(doc: Doc, comma: int) -> bool:
    """The name right before a relative clause's comma (folded offset) is one the gazetteer lacks."""
    end = doc.folded.orig(comma)
    m = _NAME_BEFORE.search(doc.text, max(0, end - 60), end)
    return m is not None and _unknown_name(doc, m.group(), m.start())


def _unknown_name(doc: Doc, name: str, start: int) -> bool:
    """`name`, at original offset `start`, may be a person's (no word of it is never one) and no known
    mention holds it."""
    return not any(t in NOT_NAMES for t in name.split()) and not doc._in_entity(doc.folded.fpos(start))


def _in_unknown_aside(doc: Doc, ce: int, pos: int) -> bool:
    """Folded `pos`, after a cue ending at `ce`, is inside ", who ..." hanging on a name the gazetteer lacks:
    "watching Crewe forward Luke Varney, who played alongside Ashton" is about Varney, not Ashton."""
    k = doc.ftext.rfind(", who", ce, pos)
    return k >= 0 and "," not in doc.ftext[k + 1 : pos] and _unknown_head(doc, k)


def _asides(doc: Doc, si: int, cs: int) -> list[tuple[int, int]]:
    """Relative clauses set off by commas that do not hold the cue at `cs`."""
    spans = _all_asides(doc, si)
    return [(a, b) for a, b in spans if not (a <= cs < b)] if spans else spans


def _matrix_subject(doc: Doc, club: Mention, player: Mention, cs: int) -> bool:
    """ "Arsenal will be aware that the player has turned down a move": the club before "that" is the subject
    of another verb, unless it is the one being told ("told Arsenal that he is not for sale")."""
    if not (club.fe <= player.fs < cs):
        return False
    between = doc.ftext[club.fe : player.fs]
    if not _THAT.search(between):
        return False
    # The one told may be a list: "warned Manchester United, Chelsea and Arsenal that he is not for sale".
    start = club.fs
    si = doc.sentence_of(club.fs)
    for m in reversed(doc.by_sentence[si] if si is not None else ()):
        if m.fe <= start and m.kind == "club" and _LIST_GLUE.fullmatch(doc.ftext, m.fe, start):
            start = m.fs
    return not _TOLD_BEFORE.search(doc.ftext, max(0, start - 30), start)


def _best(found: list[tuple[int, int]]) -> tuple[int, list[int]]:
    if not found:
        return 0, []
    if len(found) == 1:
        return found[0][0], [found[0][1]]
    top = max(t for t, _ in found)
    clubs: list[int] = []
    for t, c in found:
        if t == top and c not in clubs:
            clubs.append(c)
    return top, clubs


def _done_in_an_earlier_year(doc: Doc, cs: int, clause_end: int) -> bool:
    """A year before the article's own named in a move's words or after them, before the clause or aside
    ends."""
    end = doc.ftext.find(",", cs, clause_end)
    return _names_an_earlier_year(doc, cs, clause_end if end < 0 else end)


def _names_an_earlier_year(doc: Doc, start: int, end: int) -> bool:
    year = _IN_YEAR.search(doc.ftext, start, end)
    if year is not None and int(year.group(1)) < doc.published.year:
        return True
    season = _SEASON.search(doc.ftext, start, end) if "spent" in doc.ftext[start:end] else None
    if season is not None and int(season.group(1)) < doc.published.year:
        return True  # "spent the 2024-25 season on loan", written in 2025: a move of the summer before
    return doc.ftext.find("last ", start, end) >= 0 and _LAST_TIME.search(doc.ftext, start, end) is not None


# "spent the 2024-25 season on loan", not "on loan until the end of the 2024/25 season"
_SEASON = re.compile(r"\bspent (?:the |his |her )?(?:whole |entire )?(20\d\d)[-/](?:\d\d|20\d\d) season\b")
# A time before the article's own window, said without a year: "who joined them from Genk last summer".
_LAST_TIME = re.compile(r"\blast (?:summer|season|year|campaign)\b")


def _same_paragraph(doc: Doc, a: int, b: int) -> bool:
    first, second = doc.sentences[min(a, b)], doc.sentences[max(a, b)]
    return "\n" not in doc.text[first.end : second.start]


def _paragraph_allows(doc: Doc, si: int, club: int) -> bool:
    """Whether the paragraph around sentence `si` may be about `club` without naming it: it names that club
    or no club at all. In a column of separate items, the club the article talks most about is not what an
    item naming other clubs refers to."""
    lo = hi = si
    while lo > 0 and _same_paragraph(doc, lo - 1, lo):
        lo -= 1
    while hi + 1 < len(doc.sentences) and _same_paragraph(doc, hi, hi + 1):
        hi += 1
    named = {_club_of(m) for k in range(lo, hi + 1) for m in doc.by_sentence[k]} - {None}
    return not named or club in named


def _previous_subject_club(doc: Doc, si: int) -> int | None:
    """The club (or the club of the person) the previous sentence of the paragraph opens with."""
    if si == 0 or not _same_paragraph(doc, si - 1, si):
        return None
    before = [m for m in doc.by_sentence[si - 1] if _club_of(m) is not None]
    return _club_of(before[0]) if before and before[0].fs - doc.sfs[si - 1] <= 4 else None


_DENIES = re.compile(r"\bden(?:y|ies|ied|ying)\b")
_DEAL_TERMS = re.compile(r"\b(?:fee|deal|terms|price)\b")
_SELLER_STAGES = ("denied", "rejected", "linked")  # stages whose subject is not the buyer
# A clause opening with a name and a verb: "and Flamengo are understood to have agreed", "but Al-Ahli have".
_OPENS_WITH_NAME = re.compile(
    r"\s*(?:(?:and|but|while|whereas|with)\s+)?([A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})\s+"
    r"(?:are|is|were|was|have|has|had|will|would)\b"
)


def _unknown_opens(doc: Doc, clause: tuple[int, int], cs: int) -> bool:
    """The clause of a cue opens with a subject the gazetteer does not know (a club or person it has never
    heard of), so the clubs of the rest of the sentence are not the ones acting."""
    start = doc.folded.orig(clause[0])
    m = _OPENS_WITH_NAME.match(doc.text, start, doc.folded.orig(max(clause[0], cs - 1)) + 1)
    return m is not None and _unknown_name(doc, m.group(1), m.start(1))


def _club_before(doc: Doc, si: int, player: Mention) -> bool:
    """The player's own club is named before him in the sentence ("Bournemouth centre-back Dean Huijsen"):
    where he came from is said, so the move is news, not an aside about some earlier career."""
    current = doc.gaz.player(player.entity).club_id
    return current is not None and any(
        m.kind == "club" and m.entity == current and m.fe <= player.fs for m in doc.by_sentence[si]
    )


def _sentence_candidates(doc: Doc, si: int, player: Mention, stage: str) -> list[int]:
    current = doc.gaz.player(player.entity).club_id
    found, _ = _targets(doc, si, (doc.sfs[si], doc.sfe[si]), doc.sfe[si], doc.sfe[si], player, stage)
    return list(dict.fromkeys(c for _, c in found if c != current))


def _stance(
    doc: Doc, si: int, clause: tuple[int, int], cs: int, stage: str, player: Mention, to_club: int
) -> str:
    if stage == "linked":
        return "media"
    if _names_an_agent(doc.ftext, clause[0], cs):
        return "agent"
    # The last mention before the cue that names someone or a club (mentions are in text order).
    for subject in reversed(doc.by_sentence[si]):
        if clause[0] <= subject.fs < cs and (subject.entity is not None or subject.club is not None):
            break
    else:
        return ""
    if subject.kind == "player":
        return "player" if subject.entity == player.entity else ""
    club = _club_of(subject)
    if club == to_club:
        return "buying_club"
    if club is not None and club == doc.gaz.player(player.entity).club_id:
        return "selling_club"
    return ""


def _fee(doc: Doc, clause: tuple[int, int], cs: int) -> tuple[int | None, str]:
    digit = _DIGIT.search(doc.ftext, clause[0], clause[1])
    if digit is None:
        return None, ""  # every sum of money has a digit; one test for it is far cheaper than MONEY_RE's scan
    # No sum starts further than MONEY_LEAD characters before its first digit: the scan starts there.
    best = None
    for m in MONEY_RE.finditer(doc.ftext, max(clause[0], digit.start() - MONEY_LEAD), clause[1]):
        if _PER_WEEK.match(doc.ftext, m.end()):
            continue
        d = abs(m.start() - cs)
        if best is None or d < best[0]:
            best = (d, m.group())
    return parse_money(best[1]) if best else (None, "")


def rumour_events(doc: Doc) -> list[Event]:
    events: list[Event] = []
    hits = []
    sfs, sfe = doc.sfs, doc.sfe
    # Looked up once, not once or more per cue.
    ftext, by_sentence, player_entry = doc.ftext, doc.by_sentence, doc.gaz.player
    for m in doc.find(RUMOUR):
        cue = RUMOUR_CUE_BY_GROUP[m.lastgroup]
        if not cue.stage:
            continue
        si = bisect_right(sfs, m.start()) - 1  # `doc.sentence_of`, inline
        if si >= 0 and m.start() < sfe[si]:
            hits.append((m, cue, si))
    # Sentences with a transfer cue: their neighbours may lend them a destination club.
    cue_sentences = doc.rumour_cue_sentences = {si for _, _, si in hits}
    thread = Thread(doc)
    appointments: dict[tuple[int, int], bool] = {}  # per clause
    dismissed: dict[tuple[int, int], int] = {}  # clause -> where its denial of reports or claims ends
    for m, cue, si in hits:
        stage = cue.stage
        if not by_sentence[si] and stage not in ("denied", "rejected"):
            continue  # no name, no reference, no club: nothing to attach the cue to (denials may borrow one)
        cs, ce = m.start(), m.end()
        clause = doc.clause_of(si, cs)
        if stage == "denied" and _REPORTS.search(m.group()):
            dismissed.setdefault(clause, ce)
        elif stage not in ("denied", "rejected") and cs >= dismissed.get(clause, ce + 1):
            continue  # "dismissed reports that he has agreed to join": the agreement is what is denied
        pre = ftext[clause[0] : cs]
        words = last_words(pre, 6)
        # A past form right after "and" is a finite verb of its own ("moved quickly to find an alternative and
        # completed a loan"): a modal word before the "and" is not about it.
        if cue.past and not (" " + words).endswith(" and") and MODAL.search(last_words(words, 5)):
            continue
        if stage == "completed" and _done_in_an_earlier_year(doc, cs, clause[1]):
            continue  # "who moved to Frankfurt from Wolfsburg in 2023": history, not this window's news
        if stage == "agreed" and tentative_agreement(pre, m.group()):
            stage = "talks"  # "confident they can agree personal terms": not agreed yet
        negated = False
        # The last 4 words of `pre`, as `last_words(pre, 4)` gives them; only these stages look at them.
        last4 = last_words(words, 4) if stage in _NEGATABLE else ""
        if cue.positive and stage in _NEGATABLE:
            negated = _negation_words(last4) and not _NOT_ONLY.search(last4)
        if negated and stage == "agreed" and _DEAL_TERMS.search(m.group()):
            # "although no fee has been agreed", "have yet to agree terms": the clubs are still talking.
            stage, negated = "talks", False
        if stage in ("rejected", "denied", "agreed", "completed") and _conditional_words(words):
            continue  # "if Villa reject the bid": not something that happened
        appointment = appointments.get(clause)
        if appointment is None:
            appointment = appointments[clause] = _is_appointment(ftext[clause[0] : clause[1]])
        if appointment:
            continue  # a coach taking charge is an appointment, never a player's transfer
        if _about_someone_unknown(doc, si, cs):
            continue  # "Giorgi Mamardashvili, who agreed to join Liverpool": a player the gazetteer lacks
        subject = subject_club(doc, si, clause, cs)
        players = pick_subjects(doc, si, clause, cs, ce)
        if players and all(p.fs >= ce and _in_unknown_aside(doc, ce, p.fs) for p in players):
            continue
        if players and _all_asides(doc, si) and _HIM_AFTER.match(ftext, ce):
            # "Bayern, who must plan for life after Neuer, were linked with him": "him" is someone else.
            outside = _asides(doc, si, cs)
            players = [p for p in players if not any(a <= p.fs < b for a, b in outside)]
        if cue.buyer_subject and stage not in ("talks", "bid", "completed"):
            # A club is not a buyer of its own player: "Inter are interested, with Inzaghi looking for a
            # partner for Lautaro" is about the player the article is following.
            players = [
                p
                for p in players
                if not own_club_deal(doc, si, clause, ce, subject, player_entry(p.entity).club_id)
            ]
        if not players:
            players = thread.focus(si, cs, ce, clause, cue.buyer_subject, subject, stage)
        # A move done inside a relative clause (", who joined from City in the summer,") is how he got
        # where he is: its club, if any, is in there.
        aside = None
        if stage == "completed":
            aside = next(((a, b) for a, b in _all_asides(doc, si) if a <= cs < b), None)
        renewal = stage in ("talks", "bid", "agreed") and is_renewal(doc, clause, ce)
        if stage == "rejected" and is_renewal(doc, clause, ce):
            continue  # "has turned down Everton's offer of a new deal": his contract, not a transfer
        loan = "loan" in ftext[clause[0] : clause[1]]
        for player in players:
            current = player_entry(player.entity).club_id
            # A club that received or rejected an offer for its own player is selling, not renewing.
            if renewal or (
                stage in ("talks", "bid")
                and own_club_deal(doc, si, clause, ce, subject, current)
                and not _seller_verb(m.group() + " " + last4)
            ):
                doc.renewals.append(
                    (player.entity, si, "talks" if stage == "talks" else "new_deal_offered", cs, ce)
                )
                continue
            found, explicit_from = _targets(doc, si, aside or clause, cs, ce, player, stage)
            tier, clubs = _best(found)
            confidence = _TIER_CONFIDENCE.get(tier, 0.4)
            if aside and not clubs:
                continue  # "X, who joined from City in the summer, is watched by ...": history, no club here
            if not clubs and stage not in _SELLER_STAGES and _unknown_opens(doc, clause, cs):
                continue  # "..., and Flamengo have agreed terms with him": a buyer the gazetteer lacks
            if not clubs and _UNNAMED_CLUBS.match(ftext, ce):
                continue  # "linked with all three Premiership clubs after ... against Werder Bremen"
            others = [] if clubs else _sentence_candidates(doc, si, player, stage)
            if len(others) == 1:
                if stage == "completed" and _names_an_earlier_year(doc, doc.sfs[si], doc.sfe[si]):
                    continue  # "X left for PSG in 2021, and Y arrived that summer": borrowed from history
                clubs, confidence = others, 0.5
            on_loan_here = stage == "completed" and "loan from" in ftext[cs:ce]
            if not clubs and on_loan_here and current is not None and current != explicit_from:
                clubs, confidence = [current], 0.5
            if not clubs and _is_background(ftext[clause[0] : clause[1]]):
                continue  # "has turned down a big move before": an old story, and no club to pin it on
            if (
                not clubs
                and not others
                and stage in ("completed", "agreed")
                and (explicit_from is not None or (stage == "completed" and _club_before(doc, si, player)))
            ):
                # "Pep Guardiola moved quickly. Reijnders joined from AC Milan", "Madrid have strengthened.
                # Bournemouth's Huijsen joined", "... X is expected to arrive from Liverpool": the club the
                # paragraph was just about is where he went.
                arrival = _previous_subject_club(doc, si)
                if arrival not in (None, current, explicit_from):
                    clubs, confidence = [arrival], 0.45
            if not clubs and not others and stage != "completed":
                # A refusal answers what came before it, never a link reported after it, unless it dismisses
                # claims the next sentence goes on to report. Never across a paragraph: a new item begins.
                refusal = stage in ("denied", "rejected") and not _REPORTS.search(m.group())
                # "He is not for sale" after the article has named his suitors answers them all (below), not
                # whatever club the sentence before happens to name.
                answers_all = (
                    refusal and GENERAL_REFUSAL.search(m.group()) and thread.earlier_clubs(player.entity)
                )
                for near in () if answers_all else (si - 1,) if refusal else (si - 1, si + 1):
                    if (
                        0 <= near < len(doc.sentences)
                        and near in cue_sentences
                        and _same_paragraph(doc, si, near)
                    ):
                        near_clubs = _sentence_candidates(doc, near, player, stage)
                        if len(near_clubs) == 1:
                            clubs, confidence = near_clubs, 0.45
                            break
            if (
                not clubs
                and not others
                and stage in ("denied", "rejected")
                and GENERAL_REFUSAL.search(m.group())
            ):
                # "He is not going anywhere": every move the article has linked him with so far.
                clubs, confidence = thread.earlier_clubs(player.entity), 0.45
            if not clubs and stage != "completed" and doc.dominant_club not in (None, current):
                unnamed_buyer = cue.buyer_subject and doc.unknown_subject(si, clause, cs)
                media = stage in ("linked", "denied") and not any(
                    _club_of(x) not in (None, current) for x in by_sentence[si]
                )
                if (unnamed_buyer or media) and _paragraph_allows(doc, si, doc.dominant_club):
                    clubs, confidence = [doc.dominant_club], 0.4
            if player.via == "reference":
                confidence -= 0.1
            for to_club in clubs:
                final = stage
                stance = _stance(doc, si, clause, cs, stage, player, to_club)
                if negated:
                    # "denied receiving an offer": the seller says there was none, not that it refused it.
                    refused = stance == "selling_club" and not _DENIES.search(last4)
                    final = "rejected" if refused else "denied"
                from_club = explicit_from if explicit_from not in (None, to_club) else current
                if from_club == to_club:
                    from_club = None
                # Positional arguments, in field order: cheaper than keywords for a record made per cue.
                window = doc.window_hint(si)
                event = Event(
                    player.entity,
                    to_club,
                    from_club,
                    final,
                    si,
                    max(0.1, confidence),
                    window,
                    loan,
                    stance,
                    clause,
                    cs,
                )
                events.append(event)
                thread.add(event)
    return events


_ROUNDED: dict[float, float] = {}  # confidences take few values: the costly round() runs once for each


def _rounded(confidence: float) -> float:
    got = _ROUNDED.get(confidence)
    if got is None:
        got = _ROUNDED[confidence] = round(confidence, 2)
    return got


def extract_rumours(doc: Doc) -> list[RumourFact]:
    groups: dict[tuple[int, int], list[Event]] = {}
    for e in rumour_events(doc):
        groups.setdefault((e.player, e.to_club), []).append(e)
    facts = []
    for (player, to_club), events in groups.items():
        # Most pairs have one event: it is chosen, and the other events the fallbacks below look at are none.
        several = len(events) > 1
        chosen = max(events, key=lambda e: (PRIORITY[e.stage], e.confidence, -e.si)) if several else events[0]
        also = (
            sorted({e.stage for e in events} - {chosen.stage}, key=lambda s: -PRIORITY[s]) if several else ()
        )
        outlet = chosen.outlet(doc)
        if not outlet and several:
            outlet = next((o for o in (e.outlet(doc) for e in events if e is not chosen) if o), "")
        # A move done is done in the window open now, whatever later window the article talks about.
        fallback = default_window(doc.published) if chosen.stage == "completed" else doc.article_window
        window = chosen.window or (several and next((e.window for e in events if e.window), None)) or fallback
        fee = chosen.fee(doc)
        if not fee[0] and several:
            fee = next((f for f in (e.fee(doc) for e in events if e is not chosen) if f[0]), (None, ""))
        from_club = chosen.from_club
        if from_club is None and several:
            from_club = next((e.from_club for e in events if e.from_club is not None), None)
        loan = any(e.loan for e in events) if several else chosen.loan
        # Only a move away from the club the gazetteer has him at is news; one that took him there is history.
        moved_on = to_club != doc.gaz.player(player).club_id
        if chosen.stage == "completed" and not loan and moved_on:
            doc.moves[player] = (min(e.si for e in events if e.stage == "completed"), to_club)
        evidence, start, end = doc.evidence(chosen.si)
        confidence = min(0.95, chosen.confidence + 0.05 * (len(events) - 1))
        facts.append(
            rumour_fact(
                player_id=player,
                from_club_id=from_club,
                to_club_id=to_club,
                stage=chosen.stage,
                window=window,
                evidence=evidence,
                start=start,
                end=end,
                cited_outlet=outlet,
                confidence=_rounded(confidence),
                fee_amount=fee[0],
                fee_currency=fee[1],
                is_loan=loan,
                also_stages=tuple(also),
                stance_by=chosen.stance_by,
            )
        )
    return facts
