import json
import os
import sys
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from rumours import evaluation_run as run


class Command(BaseCommand):
    help = (
        "Score extraction against a gold file: import the gazetteer, ingest every article the gold names "
        "from --articles with its published date, link, export and score. Runs only on a throwaway "
        "database: started on any other, it re-runs itself on a fresh temporary SQLite file (see "
        "rumours/evaluation_run.py). The last line printed is a JSON summary."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("gold", type=Path, help="gold.json: a list of {article, published, rumours, ...}")
        parser.add_argument("--articles", type=Path, required=True, help="Folder of <article>.txt files.")
        parser.add_argument("--gazetteer", type=Path, required=True, help="Gazetteer CSV (import_gazetteer).")
        parser.add_argument("--export", type=Path, help="Keep the predictions (JSON Lines).")
        parser.add_argument(
            "--i-know-this-database-is-throwaway",
            action="store_true",
            dest="throwaway",
            help="Run on the configured database even though it does not look like a throwaway one.",
        )

    def handle(
        self, *args, gold: Path, articles: Path, gazetteer: Path, export: Path | None, **options
    ) -> None:
        for path, what in ((gold, "gold file"), (gazetteer, "gazetteer")):
            if not path.is_file():
                raise CommandError(f"{what} {path} does not exist")
        if not articles.is_dir():
            raise CommandError(f"articles folder {articles} does not exist")
        if not (options["throwaway"] or run.database_is_throwaway()):
            if os.environ.get(run.CHILD_FLAG):
                raise CommandError("refusing to evaluate: the temporary database does not look like one")
            argv = [str(gold.resolve()), "--articles", str(articles.resolve())]
            argv += ["--gazetteer", str(gazetteer.resolve())]
            if export:
                argv += ["--export", str(export.resolve())]
            code = run.run_in_throwaway_process(argv, self.stdout.write)
            if code:
                raise CommandError(f"evaluation failed (exit status {code})", returncode=code)
            return
        self.evaluate(gold, articles, gazetteer, export)

    def evaluate(self, gold_path: Path, directory: Path, gazetteer_path: Path, export: Path | None) -> None:
        from players.gazetteer import GazetteerError, gazetteer_import, parse_rows
        from rumours.extraction import EXTRACTION_VERSION
        from rumours.extraction.evaluation import score
        from rumours.facts_export import exported_facts
        from rumours.gazetteer_snapshot import forget_snapshot
        from rumours.linking import link_article
        from rumours.models import ArticleStatus

        try:
            gold = run.load_gold(gold_path)
        except (ValueError, OSError) as error:
            raise CommandError(str(error)) from None
        missing = [g["article"] for g in gold if run.article_file(directory, g["article"]) is None]
        if missing:
            raise CommandError(f"no file in {directory} for: {', '.join(missing)}")

        call_command("migrate", interactive=False, verbosity=0)
        try:
            summary = gazetteer_import(parse_rows(gazetteer_path.read_text(encoding="utf-8")))
        except GazetteerError as error:
            raise CommandError(f"{gazetteer_path}: {error}") from None
        # Names changed in this process: do not wait for the commit hook or the cache to say so.
        forget_snapshot()
        self.stdout.write(f"Gazetteer: {summary}")

        canonical = []
        for item in gold:
            path = run.article_file(directory, item["article"])
            try:
                article = run.ingest_article(path, run.published_at(item.get("published")))
            except ValueError as error:
                raise CommandError(str(error)) from None
            # Ingestion may have linked it already (inline tasks); linking again would only redo that work.
            if not (
                article.status == ArticleStatus.EXTRACTED and article.extraction_version == EXTRACTION_VERSION
            ):
                link_article(article)
            canonical.append(article.canonical_url)
        by_label = {facts["article"]: facts for facts in exported_facts(canonical)}
        predictions = [by_label.get(g["article"]) or _empty(g["article"]) for g in gold]
        if export:
            export.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in predictions), "utf-8")

        scores = score(predictions, gold)
        self.stdout.write(f"Articles: {len(gold)} from {directory}")
        for line in run.format_table(scores):
            self.stdout.write(line)
        sys.stdout.flush()
        self.stdout.write(json.dumps(run.summary(scores), sort_keys=True))


def _empty(label: str) -> dict:
    return {"article": label, "rumours": [], "injuries": [], "contracts": []}
