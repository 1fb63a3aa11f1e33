from django.core.management.base import BaseCommand, CommandError, CommandParser

from rumours.scoring.calibration import calibration_run
from rumours.scoring.service import rumours_rescore_all


class Command(BaseCommand):
    help = "Fit the likelihood weights on resolved rumours, report calibration, and rescore open rumours."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--holdout", type=float, default=0.3, help="Share of rumours kept out of the fit."
        )
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--dry-run", action="store_true", help="Report only; keep the current weights.")

    def handle(self, *args, holdout: float, seed: int, dry_run: bool, **options) -> None:
        if not 0.05 <= holdout <= 0.9:
            raise CommandError("--holdout must be between 0.05 and 0.9")
        report = calibration_run(holdout=holdout, seed=seed, save=not dry_run)
        if "error" in report:
            raise CommandError(f"{report['error']} (found {report['rumours']})")
        out = self.stdout.write
        out(f"Resolved rumours: {report['rumours']} (fit on {report['train']}, tested on {report['test']})")
        out(f"Base rate (moves that happened): {report['base_rate']:.3f}")
        out(f"Brier score, hand-set weights: {report['brier_hand_set']:.4f}")
        out(f"Brier score, fitted weights:   {report['brier_fitted']:.4f}  (lower is better)")
        for name in ("hand_set", "fitted"):
            out(f"Reliability table ({name.replace('_', '-')}): bin, count, predicted, observed")
            for row in report[f"reliability_{name}"]:
                out(f"  {row['bin']}  {row['count']:5d}  {row['predicted']:.3f}  {row['observed']:.3f}")
        out("Weights: " + ", ".join(f"{k}={v:+.2f}" for k, v in report["weights"].items()))
        if dry_run:
            out("Dry run: weights not saved.")
            return
        changed = rumours_rescore_all()
        out(self.style.SUCCESS(f"Saved the fitted weights; {changed} rumours rescored."))
