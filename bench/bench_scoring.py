"""Simulation benchmark for likelihood scoring and `calibrate` (issue 7).

    .venv/bin/python bench/bench_scoring.py [--rumours 1500] [--sources 30]

Generates a season of synthetic rumours with known outcomes and sources of known reliability on a throwaway
SQLite database, runs calibration, and prints: the Spearman rank correlation between each source's true
reliability and its measured track record (goal >= 0.8), and the Brier score of the fitted weights against the
hand-set ones on held-out rumours (goal: fitted beats hand-set), plus the time each step took.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rumours", type=int, default=1500)
    parser.add_argument("--sources", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="touchline-bench-scoring-")
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ["TOUCHLINE_DATA_DIR"] = tmp
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from rumours.models import Source
    from rumours.scoring.calibration import calibration_run
    from rumours.scoring.model import spearman
    from rumours.scoring.service import rumours_rescore_all
    from rumours.scoring.simulation import season_generate

    call_command("migrate", verbosity=0)
    t0 = time.perf_counter()
    season = season_generate(sources=args.sources, rumours=args.rumours, seed=args.seed)
    t1 = time.perf_counter()
    report = calibration_run(seed=args.seed)
    t2 = time.perf_counter()
    rescored = rumours_rescore_all()
    t3 = time.perf_counter()

    true_r, measured = [], []
    for source in Source.objects.filter(pk__in=season.true_reliability):
        true_r.append(season.true_reliability[source.pk])
        measured.append(source.hit_rate or 0.0)
    rho = spearman(true_r, measured)
    print(f"season: {args.rumours} rumours, {args.sources} sources, generated in {t1 - t0:.1f} s")
    print(
        f"calibrate: {t2 - t1:.2f} s; rescoring {rescored} rumours: {t3 - t2:.2f} s "
        f"({args.rumours / max(t3 - t2, 1e-9):.0f} rumours/s)"
    )
    print(f"source reliability recovered: Spearman rho = {rho:.3f} (goal >= 0.8)")
    print(
        f"Brier on {report['test']} held-out rumours: hand-set {report['brier_hand_set']:.4f}, "
        f"fitted {report['brier_fitted']:.4f} (goal: fitted < hand-set; "
        f"ratio {report['brier_fitted'] / report['brier_hand_set']:.3f})"
    )
    ok = rho >= 0.8 and report["brier_fitted"] < report["brier_hand_set"]
    print("RESULT:", "goals met" if ok else "goals NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
