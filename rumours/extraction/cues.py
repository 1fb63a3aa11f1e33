"""Cue patterns over folded (lower-case, accent-free) text. Each table is one compiled alternation, scanned
once
per article; the group name of a hit says which cue fired."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .triggers import Gated, GatedAlternation

MONEY = (
    r"(?:\u00a3|\u20ac|\$|&#163;|&pound;|&euro;)\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:m|bn|k|million|billion|"
    r"thousand|mln))?"
    r"(?:-plus)?"
    r"|\d[\d,]*(?:\.\d+)?\s?(?:m|million|bn|billion)\s(?:pounds|euros|dollars)"
)
_MONEY_PARTS = re.compile(
    r"(?P<cur>\u00a3|\u20ac|\$|&#163;|&pound;|&euro;)?\s?(?P<num>\d[\d,]*(?:\.\d+)?)"
    r"\s?(?P<mult>m|bn|k|million|billion|thousand|mln)?(?:-plus)?(?:\s(?P<word>pounds|euros|dollars))?"
)
_CURRENCIES = {
    "\u00a3": "GBP",
    "&#163;": "GBP",
    "&pound;": "GBP",
    "\u20ac": "EUR",
    "&euro;": "EUR",
    "$": "USD",
}
_WORD_CURRENCIES = {"pounds": "GBP", "euros": "EUR", "dollars": "USD"}
_MULT = {
    "m": 10**6,
    "million": 10**6,
    "mln": 10**6,
    "bn": 10**9,
    "billion": 10**9,
    "k": 10**3,
    "thousand": 10**3,
}
MONEY_RE = re.compile(MONEY)
# A sum's first digit comes at most this many characters after its start: a currency ("&pound;") and a space.
MONEY_LEAD = 8


def parse_money(text: str) -> tuple[int | None, str]:
    m = _MONEY_PARTS.search(text)
    if not m:
        return None, ""
    try:
        value = float(m.group("num").replace(",", ""))
    except ValueError:
        return None, ""
    value *= _MULT.get(m.group("mult") or "", 1)
    currency = _CURRENCIES.get(m.group("cur") or "", "") or _WORD_CURRENCIES.get(m.group("word") or "", "")
    return int(round(value)), currency


@dataclass(frozen=True)
class Cue:
    stage: str
    pattern: str
    buyer_subject: bool = False  # the clause's subject is the buying side ("X are chasing", "X have signed")
    positive: bool = True  # a negation in front turns it into a denial or rejection
    past: bool = False  # a completed move: modal or future words in front cancel it


# Word runs in front of a space are possessive (`++`): such a run can only end where the word ends, so giving
# characters back never lets the space match; `++` spares the engine trying. Same matches, fewer steps.
# Words before a noun ("a club-record", "a \u00a36m"): a sum of money counts as one.
_ADJS = r"(?:[\w'\u00a3\u20ac$.-]++\s+){0,3}?"
# "has moved to strengthen his midfield": "moved to" before a verb is acting, not moving clubs.
_NOT_ACTING = (
    r"(?! (?:strengthen|sign|bring|secure|replace|land|add|bolster|tie|finalise|complete|fill|address|ease|"
    r"end|calm|reassure|quash|dismiss|deny|play|put|make|take|keep|extend|offer|improve|fend|ward|block|"
    r"hijack|rebuild|beat)\b)"
)
# Order matters: at one position the first alternative wins, so negated and longer forms come first.
RUMOUR_CUES: tuple[Cue, ...] = (
    # Cues that cancel a following cue word: "did not rule out", "bidding to bolster".
    Cue("", r"(?:did not|didn't|not|won't|wouldn't|never) rule(?:d)? out"),
    Cue("", r"bidding to|offer (?:him|her|them)\b|targeted by (?:[\w'-]++\s+){0,2}(?:fans|supporters)"),
    Cue(
        "",
        r"(?:has |have |had )?(?:now |officially |also )?(?:signed|agreed|penned|committed to) (?:a |an )?"
        r"(?:new|fresh|improved|extended|bumper|contract extension)",
    ),
    Cue(
        "",
        r"(?:talks|negotiations|discussions) (?:\w++ ){0,2}(?:over|about|on|regarding) (?:a |an |his )?"
        r"(?:new|fresh|improved|extended|longer)\b",
    ),
    # A negated give-up is continued interest: "have not given up on".
    Cue(
        "interest",
        r"(?:not|never|n't) (?:yet )?(?:given up on|giving up on|give up on|abandoned (?:their|its|"
        r"the) (?:pursuit|interest))",
        buyer_subject=True,
        positive=False,
    ),
    # Joining a race for a player is interest, not a signing: it must win over "have joined".
    Cue(
        "interest",
        r"(?:(?:has|have|had) (?:now |also |officially )?)?(?:join(?:s|ed|ing)?|enter(?:s|ed|ing)?) the "
        r"(?:race|chase|hunt|battle|scramble|queue|fight|running|list of suitors)\b",
        buyer_subject=True,
    ),
    Cue(
        "denied",
        r"(?:dismissed|denied|denies|deny|rubbished|rubbishes|played down|plays down|playing down|"
        r"laughed off|shot down|poured cold water on) (?:the |any |all |those )?(?:\w++ )?(?:reports?|spe"
        r"culation|"
        r"rumou?rs?|claims?|suggestions?|talk|links?|stories|story|interest|approach)",
    ),
    Cue(
        "denied",
        r"(?:there (?:has|have|had) been |(?:has|have|had) (?:had|received) |received )no "
        r"(?:formal |official )?(?:approach|offers?|bids?|contact|enquiry|enquiries|inquiry|inquiries)\b|"
        r"(?:(?:has|have|had) not|haven't|hasn't|hadn't) (?:had|received) (?:an? |any )(?:formal |official )?"
        r"(?:approach|offers?|bids?|contact|enquiry|enquiries|inquiry|inquiries)\b",
    ),
    Cue(
        "denied",
        r"no truth|nothing to (?:it|the reports?|the rumou?rs?)|fake news|wide of the mark|"
        r"dismissive|not going anywhere|going nowhere",
    ),
    Cue(
        "denied",
        r"no plans to (?:quit|leave|sell|sign|move|join|return)|not (?:ready|going|looking|planning|"
        r"thinking) (?:to|of|about) (?:return|leave|leaving|quit|quitting|move|moving|join|joining|sign)",
    ),
    Cue("denied", r"ruled out (?:a |any )?(?:\w++ )?(?:move|switch|return|transfer|exit|departure|deal)"),
    Cue("denied", r"(?:has |have |had )?no interest in|(?:is|are|was|were) not interested|not interested in"),
    Cue(
        "rejected",
        r"(?:rejected|rejects|reject|turned down|turn down|turns down|snubbed|snubs|rebuffed|"
        r"knocked back|dismissed (?:a|an|the) (?:\w++ )?(?:move|bid|offer|approach|switch))",
    ),
    Cue(
        "rejected",
        r"not for sale|(?:will|would|shall) (?:not|never) (?:negotiate|sell|accept|listen|entertain|"
        r"enter)|won't (?:negotiate|sell|accept|listen|entertain)|refus(?:e|ed|es|ing) to (?:enter|negotiate|"
        r"sell|accept|listen|open|consider|entertain|engage|let)|no intention of (?:selling|letting|"
        r"negotiating)|not (?:be )?(?:selling|sold)|(?:not|n't) want to sell|in no mood to (?:listen|sell|"
        r"negotiate)|(?:will|would) not accept|not accept (?:any )?(?:offers?|bids?)|hands off",
    ),
    Cue(
        "agreed",
        r"agreed (?:a |an |the )?" + _ADJS + r"(?:fee|deal|terms|move|transfer|switch|"
        r"price)|agrees? (?:a |an )?(?:\w++ )?(?:switch|move|deal|transfer|fee)|(?:set|poised|due|expecte"
        r"d) to "
        r"(?:join|sign|move|complete|seal|finalise|undergo|confirm|announce|arrive)|"
        r"(?:is|are) (?:now )?(?:heading|headed|on (?:his|her) way) to\b|"
        r"on the verge of (?:joining|signing|a move|completing)|"
        r"close to (?:joining|signing|completing|a move|a deal|an agreement)|(?:pending|subject to|ahead of) "
        r"(?:a |his )?medical|(?:undergo|undergoing|undergoes|undergone|undergoes|having|had) (?:a |his )?"
        r"medical|verbal (?:agreement|deal)|personal terms|(?:fee|deal|terms) (?:has |have )?(?:been )?a"
        r"greed|"
        r"accepted (?:a |an |the )?"
        + _ADJS
        + r"(?:bid|offer)|here we go|in principle|agreed to (?:join|sign|move|a move)|"
        r"expected to be (?:confirmed|completed|finalised|finalized|announced|rubber-stamped|sealed)",
    ),
    # A club's own announcement: "delighted to" is no plan, so not past=True (modal words cancel those).
    Cue(
        "completed",
        r"(?:delighted|pleased|proud|happy|thrilled) to (?:announce|confirm) the (?:[\w-]+ )?(?:signing|"
        r"arrival|capture) of",
        buyer_subject=True,
        positive=False,
    ),
    Cue(
        "completed",
        r"(?:has|have|had) (?:now |officially |finally |also )?(?:signed|joined|completed|sealed)|"
        r"signed (?:for|with|from)|\bjoins\b|\bjoined\b|completed (?:his|her|a|an|the) "
        r"(?:[\w\u00a3\u20ac$.]++ )?(?:move|tra"
        r"nsfer|"
        r"switch|loan|signing)|\bunveiled\b|(?:moved|switched) to"
        + _NOT_ACTING
        + r"|\bleft\b[^.;]{0,40}?\bto join|"
        r"(?:is|are|was|were|been|be|currently|already|spent|spending|spend)\s+(?:[\w'-]++\s+){0,4}?on (?"
        r":a |an )?"
        r"(?:[\w'-]++\s+){0,2}?loan (?:from|at|to|with|until)|loaned (?:out )?to|completed the signing|"
        r"(?:brought|brings) in\b|snapped up|(?:arrived|arrives) (?:on loan )?from\b|"
        r"recall(?:ed|s)? (?:[\w'.-]++ ){1,4}?from (?:his |her |a |the |their )?loan\b|"
        r"extend(?:ed|s)? (?:[\w'.-]++ ){0,4}?loan\b|"
        r"(?:announce[sd]?|announcing|confirm(?:s|ed)?|confirming) the (?:[\w-]+ )?(?:signing|arrival|"
        r"capture) of",
        buyer_subject=True,
        positive=False,
        past=True,
    ),
    Cue(
        "bid",
        r"(?:" + MONEY + r")\s(?:[\w-]++\s+){0,2}?(?:bid|offer|approach)|(?:tabled|submitted|lodged|made|put|"
        r"launched|received|rejected|considering|test \w++ with) (?:a |an |the |two |several |previous |"
        r"an improved |a new |an opening )?"
        + _ADJS
        + r"(?:bids?|offers?)|\b(?:bids?|offers?) (?:of|worth|for|"
        r"from)\b|'s (?:\w++ )?(?:bid|offer)\b|\bbid (?:" + MONEY + r")",
        buyer_subject=True,
    ),
    Cue(
        "talks",
        r"in (?:advanced |early |formal |further )?(?:talks|negotiations|discussions)|"
        r"(?:opened|open|opening|begun|began|entered|enter|held|holding|started|start) (?!internal )"
        r"(?:\w++ )?"
        r"(?:negotiations|talks|discussions)|negotiating|negotiations? (?:with|over|for|are|is|have)|"
        r"talks (?:with|over|for|are|have)|discussing (?:a |an )?(?:[\w-]++ ){0,3}?(?:move|deal|transfer|"
        r"loan|switch)|closing in on(?! (?:a |an |his |her |their )?(?:return|comeback|place|record|century|"
        r"milestone|spot|first))|hoping to (?:complete|finalise|seal)|"
        r"(?:spoken|spoke|speaking|talked|talking) (?:to|with) (?:the |his |their )?(?:[\w'-]++ ){0,2}?"
        r"(?:representatives|agents?|entourage|camp|advisers|advisors)\b",
        buyer_subject=True,
    ),
    Cue(
        "interest",
        r"interested in|interest (?:in|from)|(?:expressing|expressed|express|show|shown|showing|"
        r"register|registered) (?:an |their |his |its )?interest|keen on|keen(?= *[.,;]| too\b| as well\b)|"
        r"keen to (?:sign|land|bring|add|"
        r"secure)|monitor(?:ing|ed|s)?\b|eyeing|eyes a|weigh(?:ing|s)? up (?:a |an )?"
        + _ADJS
        + r"(?:approach|move|bid|offer)|(?:transfer|top|main|summer|january|key|priority|prime|shock) target|"
        r"\btarget(?:ing|ed|s)?\b|want(?:s|ed)? to (?:sign|bring|land|recruit|take)\b|"
        r"bring(?:ing|s)? (?:[\w'-]++ ){1,3}?back to\b|chas(?:ing|e|es)\b|"
        r"in the race for|admirers?\b|scouted|scouting|approach for|"
        r"lin(?:e|es|ed|ing) up (?:a |an )?(?:[\w-]+ )?(?:move|bid|offer|swoop|approach)|"
        r"sen(?:t|d|ds|ding) scouts\b|(?:enquiries|inquiries) (?:from|for|about)\b|"
        r"watched (?:closely )?by\b|(?:are|is|were|was|been) (?:closely )?watching\b|"
        r"keep(?:s|ing)? (?:a |an )?(?:close |watchful |keen )?eye on|kept (?:a |an )?(?:close |"
        r"watchful )?eye on|"
        r"(?:keep|keeps|keeping|kept) tabs on|(?:ready|prepared|poised) to (?:move|make a move|pounce|"
        r"swoop)\b|"
        r"prepar(?:ing|e|es|ed) (?:a |an )?(?:fresh |new |renewed |second |improved |formal |opening )?"
        r"(?:attempt|approach|bid|offer|move|swoop)|pursuit of|pursuing|"
        r"consider(?:ed|ing|s)? (?:a |an )?(?:[\w-]++ )?(?:move|bid|offer|approach|swoop) for|"
        r"consider(?:ed|ing|s)? (?:[\w'-]++ ){1,4}?as (?:a |an )?(?:[\w-]++ )?(?:option|target|alternative|"
        r"replacement)|"
        r"(?<!was )(?<!were )(?<!been )(?<!being )(?<!is )(?:asked|enquired|inquired) about\b|"
        r"(?:asked|enquired|inquired) (?:[\w'-]++ ){0,3}?about (?:signing|taking|bringing|a move for|"
        r"a loan for|"
        r"(?:the |his |her )?availability)|"
        r"asked to be kept informed|(?:on|to) (?:their|a|the|its) (?:[\w-]++ )?(?:list|shortlist)\b"
        r"(?! of (?!(?:[\w-]++ )?(?:targets|players|names|candidates|options|signings|suitors)\b))|"
        r"shortlist(?:ed)?\b|"
        r"list of (?:[\w-]++ )?(?:targets|replacements|options|candidates|signings)|"
        r"interested\b|wanted by|(?:ask|asked|asking) for (?:an? )?(?:op"
        r"tion|price)|(?:an |the )?(?:option|enquiry|inquiry) "
        r"(?:on|for|about)|(?:made|make|making) (?:an )?(?:enquiry|enquiries|inquiry)|"
        r"contact(?:ed|ing|s)? (?:[\w'-]++ ){1,3}?(?:about|over|regarding)\b|(?:made|make|making) contact\b|"
        r"circl(?:ing|es?)(?= *[.,;]| for\b| around\b)|circling\b|"
        r"(?:exercis|trigger|activat)(?:e|es|ed|ing) (?:the |a |their |his |its )?(?:buy-?back|repurchase) "
        r"(?:clause|option)|"
        r"their (?:[\w-]++ )?priority\b|(?:lead|leads|leading|led) the race\b|in the mix for|"
        r"put off by the (?:asking )?price|track(?:ing|ed|s)? (?!record)|"
        r"(?:enquiry|inquiry|approach) (?:has been |have been |was |were )?made (?:about|for)\b|"
        r"(?<!was )(?<!were )(?<!been )(?<!being )(?<!is )(?:asked|enquired|inquired) (?:[\w'.-]++ ){1,3}?"
        r"about\b|sound(?:ed|ing|s)? out\b|make (?:their|a|his|its) move\b|"
        r"(?:will|would|could|to) (?:make a |launch a )?move for\b",
        buyer_subject=True,
    ),
    Cue(
        "linked",
        r"linked\b|(?:been|being) offered to\b|(?:has|have) (?:also )?been mentioned\b|"
        r"link(?:s|ing)? (?:him |her )?(?:with|to)|tipped (?:to|for)|touted|mooted|"
        r"mentioned as (?:a |an )?(?:possible|potential|likely|prospective) (?:destination|suitors?|buyers?|"
        r"option)|"
        r"(?:possible|potential|prospective) suitors?|floated the (?:idea|possibility)|"
        r"credited with (?:an |their |its )?interest|"
        r"talk (?:[\w'-]++ ){0,3}?of (?:a |an )?(?:[\w-]++ )?(?:raid|move|swoop|bid|switch) for|"
        r"(?:speculation|rumou?rs?|reports?) (?:of|linking)",
    ),
)


# Every cue starts at a word boundary, an apostrophe ("'s bid") or a currency sign; the guard in front lets
# the engine reject the other positions with one check instead of trying every alternative there.
_GUARD = r"(?:(?<![\w])(?=[\w'\u00a3\u20ac$&])|(?<=[\w])(?=')|(?<=\s)(?=[\u00a3\u20ac$&]))"


def _compile(cues: tuple[Cue, ...]) -> GatedAlternation:
    """One alternation of the cues, group c{i} for cue i: at a place only the cues that can start there are
    tried."""
    return GatedAlternation(_GUARD, {f"c{i}": c.pattern for i, c in enumerate(cues)})


RUMOUR = _compile(RUMOUR_CUES)
RUMOUR_RE = RUMOUR.pattern


def cue_of(match: re.Match[str], cues: tuple[Cue, ...]) -> Cue:
    return cues[int(match.lastgroup[1:])]


def cues_by_group(cues: tuple[Cue, ...]) -> dict[str, Cue]:
    """Cue by the name of its group in the alternation: `cue_of` as one dictionary look-up, for hot loops."""
    return {f"c{i}": c for i, c in enumerate(cues)}


RUMOUR_CUE_BY_GROUP = cues_by_group(RUMOUR_CUES)


NEGATION = re.compile(r"(?:\bnot|\bno|\bnever|n't|\bnor|\bwithout|\bdenied|\bdenies|\bdeny)\b")
MODAL = re.compile(
    r"\b(?:would|could|might|may|will|if|hope|hopes|hoping|hopeful|expected|want|wants|wanted|unlikely|"
    r"allow|set|close|keen|likely|plan|plans|to)\b|'ll\b"
)

# ---- injuries --------------------------------------------------------------------------------------------
BODY_PARTS = {
    "knee": "knee", "cruciate": "knee", "acl": "knee", "meniscus": "knee", "ankle": "ankle",
    "hamstring": "hamstring", "groin": "groin", "calf": "calf", "thigh": "thigh", "quad": "thigh",
    "achilles": "achilles", "foot": "foot", "metatarsal": "foot", "toe": "foot", "shoulder": "shoulder",
    "back": "back", "hip": "hip", "wrist": "wrist", "hand": "hand", "head": "head", "concussion": "head",
    "rib": "ribs", "ribs": "ribs", "shin": "shin", "leg": "leg", "arm": "arm", "elbow": "elbow",
    "neck": "neck",
    "collarbone": "shoulder", "cheekbone": "head", "jaw": "head", "abdominal": "abdomen", "heel": "foot",
}  # fmt: skip
_BODY = "|".join(sorted(BODY_PARTS, key=len, reverse=True))
INJURY_RE = re.compile(
    rf"(?P<term>\binjur(?:y|ies|ed|ing)\b(?![ -]time)|\bknocks?\b|\bstrain(?:ed)?\b|\bsprain(?:ed)?\b|"
    rf"\b(?:torn|tore|tearing)\b(?! (?:up|apart|through|into)\b)|"
    rf"\bruptur(?:e|ed|ing)\b|\bfractur(?:e|ed|ing)\b|\b(?:broken|pulled) (?:{_BODY})\b|"
    rf"\bbroke (?:his|her) (?:{_BODY})\b|"
    rf"\b(?:damag|twist|tweak)(?:ed|ing) (?:his|her) (?:{_BODY})\b|"
    rf"\bpull(?:ed|ing|s)? (?:a|his|her) (?:{_BODY})\b|\b(?:{_BODY}) ligaments?\b|\bgash\b|\bstitches\b|"
    rf"\b(?:{_BODY}) (?:problem|complaint|issue|tear|strain)s?\b|\bconcussion\b|\bsurgery\b|"
    # Team news: "Julio Arca (hamstring) and Carl Robinson (calf) are both doubtful".
    rf"\((?:{_BODY})(?: (?:injury|problem|strain|knock))?\)|"
    rf"\boperation (?:on|to)\b|"
    rf"\bsidelined\b|\bon the sidelines\b|\bout of action\b|\bhurt\b|\blimped off\b|\blay-off\b|\blayoff\b|"
    rf"\bstruggling to be fit\b|\bfitness (?:doubt|battle|test)\b|\bruled out (?:for|of)\b)"
    rf"|(?P<miss>\b(?:could|will|would|set to|is set to|may|might|to) (?:also )?miss\b|\bno chance of pl"
    rf"aying\b|"
    rf"\bmiss the rest of\b)"
)
INJURY = Gated(INJURY_RE)
INJURY_BLOCK = re.compile(
    r"suspen(?:sion|ded)|red card|\bbann?(?:ed)?\b|injury[ -]time|\brested\b|"
    r"\boffside|\bdisallowed\b|\bvar\b|\bgoal (?:was |to be |had been )?ruled out"
)
# Injuries of a team, not of the player named nearby: "a defence stretched by injuries", "an injury crisis".
TEAM_INJURY = re.compile(
    r"\b(?:squad|side|team|defence|defense|backline|back line|attack|midfield|ranks|options|resources)\s+"
    r"(?:[\w-]++\s+){0,2}?(?:stretched|ravaged|hit|depleted|decimated|weakened|hampered|plagued|affected|"
    r"thinned|hit hard)\s+by\s+(?:[\w-]++\s+)?injur(?:y|ies)\b|"
    r"\binjury (?:crisis|list|problems|worries|woes|concerns)\b|\binjury-(?:hit|ravaged|depleted|stricken|"
    r"plagued)\b"
)
INJURY_PHRASE = re.compile(
    rf"(?:(?:serious|suspected|minor|severe|bad|long-term|recurring|slight|major|nasty|fresh|"
    rf"cruciate|ligament|tendon|muscle|muscular|broken|fractured|torn|ruptured|pulled|damaged|bruised|"
    rf"(?:{_BODY}))\s+){{0,4}}(?:injury|problem|strain|tear|fracture|knock|sprain|rupture|damage)"
    rf"|(?:broken|fractured|torn|ruptured|damaged|injured|damaging|twisting|tweaking|pulled|pulling) "
    rf"(?:(?:his|her|a) )?"
    rf"(?:{_BODY})|(?:rupturing|tearing|fracturing) (?:(?:his|her|the|a|an) )?(?:anterior |medial |lateral )?"
    rf"(?:cruciate ligament|ligament|{_BODY})|(?:damaged |torn )?(?:{_BODY}) ligaments?|"
    rf"broke a bone in (?:his|her) (?:{_BODY})|gash on (?:his|her) (?:{_BODY})|concussion|"
    rf"(?:{_BODY}) (?:surgery|operation)|"
    rf"(?<=\()(?:{_BODY})(?: (?:injury|problem|strain|knock))?(?=\))"
)
ABSENCE_RE = re.compile(
    r"(?:(?:up to|at least|around|about|nearly|almost|another|a further|the next|roughly)\s)?"
    r"(?:several|a few|a couple of|a number of|many|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|\d+)(?:\s(?:to|or)\s(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d+))?"
    r"\s(?:days?|weeks?|months?)\b|(?:the )?rest of (?:the|this) (?:season|campaign)|the (?:whole |entire )?"
    r"season|(?:the )?(?:foreseeable|near) future|long-term"
)

# ---- contracts -------------------------------------------------------------------------------------------
_NEW = r"(?:new|fresh|improved|extended|longer|long-term|bumper|lucrative)"
_DEAL = r"(?:deal|contract|terms|extension)"
_UNTIL = (
    r"(?:expires?|expiring|runs? out|ends|is up|will expire|runs? (?:until|till|to)|running (?:until|till|"
    r"to)|"
    r"lasts until|until (?:(?:january|june|july|may|summer) (?:of )?)?(?:20\d\d|the end)|"
    r"(?:was |is )?due to (?:expire|run out|end|run until))"
)
CONTRACT_CUES: tuple[Cue, ...] = (
    Cue(
        "new_deal_offered",
        r"(?:been |was |were |is |are )?offered (?:[\w'-]++ ){0,3}?(?:a |an )?"
        + _NEW
        + r"\s+(?:[\w-]++\s+){0,2}?"
        r"(?:deal|contract|terms)|(?:offer|table|tabled|offering) (?:him |her )?(?:a |an )?(?:new|improved|"
        r"fresh|"
        r"bumper) (?:[\w-]++ )?(?:deal|contract)|offer of (?:a |an )?" + _NEW + r"\s+(?:[\w-]++\s+){0,2}?"
        r"(?:deal|contract|terms)",
    ),
    Cue(
        "new_deal_signed",
        r"(?:signed|penned|agreed|inked|put pen to paper on|committed (?:his future )?to|pen|sign|agree|"
        r"commit (?:his future )?to|commit(?:ting)? (?:himself )?to) (?:a |an )?(?:new|fresh|improved|"
        r"extended|"
        r"bumper)\s+(?:[\w-]++\s+){0,2}?(?:deal|contract|extension|terms)|"
        r"(?:signed|agreed|penned) (?:a |an )?(?:contract )?extension|"
        r"(?:extended|renewed) (?:[\w'-]++ ){0,4}?(?:contract|deal|stay)|"
        r"(?:committed|commit|commits|committing) (?:his|her) (?:long-term )?future to|"
        r"(?:triggered|activated|exercised|taken up|take up|trigger) (?:the |an |a |his |her )?(?:[\w-]++ )?"
        r"option (?:to extend|in (?:his|her) contract)",
    ),
    Cue(
        "talks",
        r"(?:talks|negotiations|discussions)(?: [\w'-]+){0,4}? (?:over|about|on|regarding|for) (?:a |an |"
        r"his |"
        r"her |their )?(?:"
        + _NEW
        + r"\s+(?:[\w-]++\s+){0,2}?"
        + _DEAL
        + r"|(?:contract )?(?:extension|renewal))|"
        r"(?:talks|negotiations) to (?:extend|renew)|contract (?:talks|extension|renewal|negotiations)|"
        r"(?:extend|extending|renew|renewing) (?:his|her|their|it)\b(?: (?:contract|deal|stay))?|"
        r"(?:agree|agreeing) (?:a |an )?(?:contract )?extension|"
        r"tie (?:[\w'-]++ ){0,4}?(?:down )?to (?:a |an )?" + _NEW,
    ),
    Cue(
        "expiry",
        r"out of contract|(?:contract|deal)s?(?:,[^,;]{1,40},| (?:at|with|in) [\w'. -]{1,30}?)?"
        r"(?:,? that|,? which)?(?: still| only| currently| also| now| already)? "
        + _UNTIL
        + r"|(?:final|last) "
        r"(?:year|months|"
        r"six months|12 months) of (?:his|her|a|the) (?:contract|deal)|expir(?:es|ing|y) (?:of )?(?:his |"
        r"her )?"
        r"(?:contract|deal)|free agent (?:at the end|in the summer|next summer)|"
        r"(?:under contract|contracted|tied down) (?:until|till|to|through)\b|"
        r"(?:years?|months?|seasons?) (?:left|remaining) on (?:his|her|the) (?:current |existing |present )?"
        r"(?:contract|deal)",
    ),
    Cue(
        "wage",
        r"(?:" + MONEY + r")(?:\s|-)*(?:per|a|each)(?:\s|-)*week|(?:" + MONEY + r")\s?(?:pw|p/w)\b|"
        r"(?:earns|earning|earn|paid|pockets|pocketing|picks up|on wages of|wages of|salary of|"
        r"weekly wage of)\s+(?:a\s+)?(?:\w++\s+)?(?:" + MONEY + r")(?!\w*\s+(?:for|to sign|to buy)\b)",
    ),
)
CONTRACT = _compile(CONTRACT_CUES)
CONTRACT_RE = CONTRACT.pattern
# Scanned apart: a length often sits inside another cue ("offered a new four-year contract").
LENGTH_CUES = (
    Cue(
        "length",
        r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d)(?:-and-a-half)?-year (?:deal|contract|"
        r"extension)",
    ),
)
LENGTH = _compile(LENGTH_CUES)
LENGTH_RE = LENGTH.pattern
EXPIRY_WHEN = re.compile(
    r"(?:at|in|until|till|to|by) (?:the )?(?:end of (?:the|this|next) (?:season|campaign)|summer(?: of ("
    r"20\d\d))?|"
    r"(?:june|july|may)(?: ?(20\d\d))?|(20\d\d))|(?:end of|in) (20\d\d)"
)
PER_WEEK = re.compile(r"(?:per|a|each)(?:\s|-)*week|\bpw\b|p/w|weekly")
