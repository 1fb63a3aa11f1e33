"""Run extraction directly (no database) on the shared corpus and score it against gold.json.

    .venv/bin/python bench/eval_shared_corpus.py [--corpus ../shared/corpus] [--verbose]

Prints per-article misses and false positives, then the scores; the last line is the JSON summary.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rumours.extraction import extract, facts_to_export, gazetteer_from_csv, score  # noqa: E402
from rumours.extraction.evaluation import score_article  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def read_article(path: Path) -> tuple[str, str]:
    """(title, body): the first line of a corpus file is its title."""
    raw = path.read_text(encoding="utf-8")
    title, _, body = raw.partition("\n")
    return title.strip(), body


def score_articles(gold: list[dict], articles: Path, gazetteer) -> tuple[list[dict], list[dict], dict]:
    """Extract every gold article in `articles` (checking each fact's evidence is quoted from its body) and
    score the exports against `gold`: (predictions, gold, summary)."""
    predictions = []
    for g in gold:
        title, body = read_article(articles / f"{g['article']}.txt")
        extraction = extract(
            body, published=date.fromisoformat(g["published"]), gazetteer=gazetteer, title=title
        )
        exported = facts_to_export(g["article"], extraction, gazetteer)
        for kind in ("rumours", "injuries", "contracts"):
            for fact in exported[kind]:
                assert fact["evidence"] in body, (g["article"], fact)
        exported["_extraction"] = extraction
        predictions.append(exported)
    return predictions, gold, score(predictions, gold)


def run(corpus: Path) -> tuple[list[dict], list[dict], dict]:
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    return score_articles(gold, corpus / "articles", gazetteer_from_csv(corpus / "gazetteer.csv"))


def report(predictions: list[dict], gold: list[dict], summary: dict, verbose: bool = False) -> None:
    """Per-article misses, false positives and wrong stances, then the scores; the last line is JSON."""
    by_article = {p["article"]: p for p in predictions}
    for g in gold:
        p = by_article[g["article"]]
        result = score_article(p, g)
        lines = []
        for kind, r in result.items():
            for m in r["missed"]:
                lines.append(f"  MISS {kind}: {m.get('player')} {m.get('to_club') or m.get('club') or ''}")
            for fp in r["false_positives"]:
                lines.append(
                    f"  FP   {kind}: {fp.get('player')} -> {fp.get('to_club') or fp.get('club') or ''} "
                    f"[{fp.get('status') or fp.get('fact_type') or ''}] {fp['evidence'][:90]!r}"
                )
            if kind == "rumours":
                for gf, pf in r["pairs"]:
                    ok = pf["status"] == gf["status"] or pf["status"] in gf.get("also_ok", [])
                    if not ok:
                        pair = f"{gf['player']} -> {gf['to_club']}"
                        lines.append(f"  STATUS {pair}: {pf['status']} (gold {gf['status']})")
        if verbose:
            x = p["_extraction"]
            for r in x.rumours:
                lines.append(
                    f"  . rumour {r.player_id}->{r.to_club_id} {r.stage} {r.also_stages} {r.cited_outlet!r}"
                    f" {r.window} fee={r.fee_amount}{r.fee_currency} loan={r.is_loan} by={r.stance_by}"
                )
            for kind in ("rumours", "injuries", "contracts"):
                for f in p[kind]:
                    lines.append(f"  . {kind}: {json.dumps({k: v for k, v in f.items() if k != 'evidence'})}")
        print(f"{g['article']}: {'ok' if not lines else ''}")
        for line in lines:
            print(line)
    for kind, s in summary.items():
        print(f"{kind:10s} " + " ".join(f"{k}={v}" for k, v in s.items()))
    print(json.dumps(summary))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--verbose", action="store_true", help="print every predicted fact")
    args = parser.parse_args()
    predictions, gold, summary = run(args.corpus)
    report(predictions, gold, summary, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
