import io

from django.core.management.base import BaseCommand, CommandParser

from rumours.demo import demo_load


class Command(BaseCommand):
    help = (
        "Load the demo data set (clubs, players, contracts, managers, sources) and ingest the demo articles."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-articles", action="store_true", help="Load the data set only.")

    def handle(self, *args, no_articles: bool = False, **options) -> None:
        quiet = io.StringIO()
        summary = demo_load(articles=not no_articles, stdout=quiet)
        self.stdout.write(
            self.style.SUCCESS("Demo loaded: " + ", ".join(f"{v} {k}" for k, v in summary.items()))
        )
