"""Scoring extracted facts against gold (shared/corpus/README.md), and the export_facts JSON shape.

Pure: the `evaluate` management command and the bench script call these with plain dicts.
"""

from __future__ import annotations

from typing import Any

from .gazetteer import Gazetteer
from .normalise import fold_key
from .records import Extraction

_KEYS = {"rumours": ("player", "to_club"), "injuries": ("player",), "contracts": ("player", "club")}


def _name(value: Any) -> str:
    return fold_key(value) if isinstance(value, str) else ""


def _key(kind: str, fact: dict) -> tuple[str, ...]:
    return tuple(_name(fact.get(field)) for field in _KEYS[kind])


def _prf(tp_gold: int, n_gold: int, matched_pred: int, n_pred: int) -> dict[str, float]:
    precision = matched_pred / n_pred if n_pred else 1.0
    recall = tp_gold / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def score_article(prediction: dict, gold: dict) -> dict[str, dict]:
    """Per-kind matches for one article: lists of (gold, prediction) pairs, misses and false positives."""
    out = {}
    optional = gold.get("optional") or {}
    for kind in _KEYS:
        required = list(gold.get(kind) or [])
        extra = list(optional.get(kind) or [])
        preds = list(prediction.get(kind) or [])
        allowed = {_key(kind, f) for f in [*required, *extra]}
        # One prediction recalls at most one gold fact; same-type pairs first (contracts have several
        # per key).
        free = list(range(len(preds)))
        pairs, missed = [], []
        for g in required:
            k = _key(kind, g)
            same = [i for i in free if _key(kind, preds[i]) == k]
            typed = [
                i for i in same if kind == "contracts" and preds[i].get("fact_type") == g.get("fact_type")
            ]
            pick = (typed or same or [None])[0]
            if pick is None:
                missed.append(g)
            else:
                free.remove(pick)
                pairs.append((g, preds[pick]))
        false_positives = [p for p in preds if _key(kind, p) not in allowed]
        out[kind] = {
            "pairs": pairs,
            "missed": missed,
            "false_positives": false_positives,
            "n_pred": len(preds),
        }
    return out


def _status_ok(g: dict, p: dict) -> bool:
    status = p.get("status")
    return status == g.get("status") or status in (g.get("also_ok") or [])


def score(predictions: list[dict], gold: list[dict]) -> dict[str, dict]:
    """Precision, recall and F1 per fact kind, and status accuracy on matched rumours.

    Rumours match on (player, to_club), injuries on player, contracts on (player, club); names are compared
    accent- and case-folded. A prediction that matches a required or an optional gold fact is not a false
    positive; only required facts count for recall.
    """
    by_article = {p.get("article"): p for p in predictions}
    totals = {k: {"tp": 0, "fp": 0, "fn": 0, "n_gold": 0, "n_pred": 0} for k in _KEYS}
    status_hits = status_total = 0
    for g in gold:
        prediction = by_article.get(g.get("article"), {})
        result = score_article(prediction, g)
        for kind, r in result.items():
            t = totals[kind]
            t["tp"] += len(r["pairs"])
            t["fn"] += len(r["missed"])
            t["fp"] += len(r["false_positives"])
            t["n_gold"] += len(g.get(kind) or [])
            t["n_pred"] += r["n_pred"]
        for gf, pf in result["rumours"]["pairs"]:
            status_total += 1
            status_hits += _status_ok(gf, pf)
    summary: dict[str, dict] = {}
    for kind, t in totals.items():
        summary[kind] = {
            **_prf(t["tp"], t["n_gold"], t["n_pred"] - t["fp"], t["n_pred"]),
            "tp": t["tp"],
            "fp": t["fp"],
            "fn": t["fn"],
        }
    summary["rumours"]["status_accuracy"] = round(status_hits / status_total, 4) if status_total else 1.0
    return summary


def facts_to_export(article_stem: str, extraction: Extraction, gazetteer: Gazetteer) -> dict:
    """The export_facts JSON object for one article, with canonical names."""

    def club(club_id: int | None) -> str | None:
        return gazetteer.club(club_id).name if club_id is not None and gazetteer.has_club(club_id) else None

    return {
        "article": article_stem,
        "rumours": [
            {
                "player": gazetteer.player(r.player_id).name,
                "from_club": club(r.from_club_id),
                "to_club": club(r.to_club_id),
                "status": r.stage,
                "evidence": r.evidence,
            }
            for r in extraction.rumours
        ],
        "injuries": [
            {
                "player": gazetteer.player(i.player_id).name,
                "injury": i.injury,
                "expected_absence": i.expected_absence,
                "evidence": i.evidence,
            }
            for i in extraction.injuries
        ],
        "contracts": [
            {
                "player": gazetteer.player(c.player_id).name,
                "club": club(c.club_id),
                "fact": c.fact,
                "fact_type": c.fact_type,
                "evidence": c.evidence,
            }
            for c in extraction.contracts
        ]
        + [
            {
                "player": gazetteer.person(c.player_id).name,
                "club": club(c.club_id),
                "fact": c.fact,
                "fact_type": c.fact_type,
                "evidence": c.evidence,
            }
            for c in extraction.person_contracts
        ],
    }
