import json

from django.core.management.base import BaseCommand, CommandParser

from rumours.facts_export import exported_facts


class Command(BaseCommand):
    help = (
        "Print the extracted facts as JSON Lines, one object per extracted article: "
        '{"article", "rumours", "injuries", "contracts"} with canonical names (DESIGN.md).'
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--article",
            action="append",
            dest="articles",
            metavar="CANONICAL_URL",
            help="Only this article (its canonical URL, or file:<stem>); repeatable.",
        )

    def handle(self, *args, articles: list[str] | None = None, **options) -> None:
        for facts in exported_facts(articles):
            self.stdout.write(json.dumps(facts, ensure_ascii=False))
