"""The outlet a sentence cites: "according to Fichajes", "BBC Sport understands", "told BBC Sport",
"reports in Spain". Known outlets come from the gazetteer; unknown ones are accepted only in citing shapes."""

from __future__ import annotations

import re

from .lexicon import holds_any

# Words that mark a capitalised phrase as a news outlet when no gazetteer entry says so.
_OUTLET_WORDS = {
    "bbc", "sky", "espn", "sport", "sports", "times", "mail", "telegraph", "guardian", "mirror", "sun",
    "express", "independent", "post", "marca", "as", "athletic", "gazzetta", "corriere", "bild", "kicker",
    "equipe", "l'equipe", "record", "ojo", "mundo", "deportivo", "radio", "tv", "fichajes", "goal",
    "football",
    "calciomercato", "tuttosport", "news", "daily", "live", "five", "talksport", "standard", "echo",
    "observer", "herald", "gazette", "cadena", "ser", "cope", "rmc", "sport1", "telegraaf", "abola", "ojogo",
    "correio", "manha", "fabrizio", "romano", "spotrac", "transfermarkt", "capology", "athletic's", "press",
    "agency", "reuters", "afp", "ap", "bleacher", "report", "90min", "mediaset", "dazn", "canal", "rai",
}  # fmt: skip
_NAME = r"[A-Z0-9][\w'\u2019.&-]*(?:\s+(?:[A-Z0-9][\w'\u2019.&-]*|de|del|dello|della|di|dos|da))*"
_DESCRIPTOR = (
    r"(?:(?:[A-Z][a-z]+\s+)?(?:newspaper|outlet|publication|paper|daily|website|radio station|radio|"
    r"broadcaster|station|journalist|reporter|magazine|television|tv channel|channel)\s+)"
)
_ACCORDING = re.compile(rf"\b[Aa]ccording to (?:the )?(?P<desc>{_DESCRIPTOR})?(?P<name>{_NAME})")
_ACCORDING_REPORTS = re.compile(
    r"\b[Aa]ccording to (?:(?:several|some|local|media|multiple|recent) )?reports?"
    r"(?: in (?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?))?"
)
_REPORTS_IN = re.compile(r"\b(?:reports?|media|press) in (?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?)")
_VERB_AFTER = re.compile(
    rf"(?P<name>{_NAME})\s+(?:understands|understand|has learned|has learnt|have learned|reports|reported|"
    rf"claims|claimed|revealed|reveals|can reveal|says|said|confirmed|confirms|is reporting|are reporting)\b"
)
_TOLD = re.compile(
    rf"\b(?:told|telling|speaking (?:exclusively )?to|talking (?:exclusively )?to|in an "
    rf"interview with|via) (?:the )?(?P<desc>{_DESCRIPTOR})?(?P<name>{_NAME})"
)
# Cheap tests: a pattern runs only where its words are (the patterns are costly). The patterns' words are
# lower-case literals, so the tests look for them in the sentence as written, without lower-casing it.
_VERBS = re.compile(r"understand|has learn|have learn|report|claim|reveal|says|said|confirm")
_TOLD_WORDS = ("told", "telling", "speaking", "talking", "interview with", "via ")
_TRAILING_NAME_JUNK = re.compile(r"[\s.,'\u2019]+$")
_TOKEN = re.compile(r"[\w']+")


def _outlet_like(name: str) -> bool:
    tokens = _TOKEN.findall(name.lower().replace("\u2019", "'"))
    return any(t in _OUTLET_WORDS for t in tokens)


def _clean_name(name: str) -> str:
    name = _TRAILING_NAME_JUNK.sub("", name)
    if name.endswith("'s") or name.endswith("\u2019s"):
        return ""
    return name


def _verb_search_start(sentence: str) -> int:
    """Where a search for _VERB_AFTER may start without missing a match (len(sentence) when none can match).
    A match is a run of name characters and spaces that ends in a verb, so it cannot contain a comma: it
    starts after the last comma before the first verb-like word."""
    first = _VERBS.search(sentence)
    if first is None:
        return len(sentence)
    return sentence.rfind(",", 0, first.start()) + 1


def cited_outlets(sentence: str, is_entity: callable, known_outlet: callable) -> list[str]:
    """Outlets cited in one sentence, in order. `is_entity(offset, end)` says whether a span is a known
    player, club or person (then it is not an outlet); `known_outlet(offset, end)` gives the gazetteer name of
    an outlet there ("" when none): a known outlet is reported by that name, whatever spelling cited it."""
    found: list[tuple[int, str]] = []
    # Both "according to" patterns match from the letter before "ccording to": searches start there.
    according = sentence.find("ccording to") - 1
    for m in _ACCORDING.finditer(sentence, according) if according >= -1 else ():
        name = _clean_name(m.group("name"))
        s = m.start("name")
        tail = sentence[m.end("name") : m.end("name") + 3]
        if not name or tail.startswith(("'s", "\u2019s")) or name.lower() in {"reports", "report", "sources"}:
            continue
        known = known_outlet(s, s + len(name))
        if not known and is_entity(s, s + len(name)):
            continue
        found.append((s, known or name))
    for m in _ACCORDING_REPORTS.finditer(sentence, according) if according >= -1 else ():
        if m.group("place"):
            found.append((m.start(), f"reports in {m.group('place')}"))
    reports_in = " in " in sentence and ("report" in sentence or "media" in sentence or "press" in sentence)
    for m in _REPORTS_IN.finditer(sentence) if reports_in else ():
        if not any(abs(s - m.start()) < 30 for s, _ in found):
            found.append((m.start(), f"reports in {m.group('place')}"))
    for m in _VERB_AFTER.finditer(sentence, _verb_search_start(sentence)):
        name = _clean_name(m.group("name"))
        s = m.start("name")
        # Keep the longest trailing run of capitalised words: "Sources close to Sky Sports understand".
        known = known_outlet(s, s + len(name)) if name else ""
        if name and (known or (_outlet_like(name) and not is_entity(s, s + len(name)))):
            found.append((s, known or name))
    for m in _TOLD.finditer(sentence) if holds_any(sentence, _TOLD_WORDS) else ():
        name = _clean_name(m.group("name"))
        s = m.start("name")
        if not name:
            continue
        known = known_outlet(s, s + len(name))
        if known or ((m.group("desc") or _outlet_like(name)) and not is_entity(s, s + len(name))):
            found.append((s, known or name))
    found.sort()
    out: list[str] = []
    for _, name in found:
        if name not in out:
            out.append(name)
    return out
