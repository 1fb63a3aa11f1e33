from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from players.gazetteer import GazetteerError, gazetteer_import, parse_rows


class Command(BaseCommand):
    help = "Import clubs, players and managers from a gazetteer CSV (DESIGN.md format)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("csv_file", type=Path)

    def handle(self, *args, csv_file: Path, **options) -> None:
        try:
            text = csv_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"cannot read {csv_file}: {error}") from None
        try:
            summary = gazetteer_import(parse_rows(text))
        except GazetteerError as error:
            raise CommandError(f"{csv_file}: {error}; nothing was imported") from None
        self.stdout.write(self.style.SUCCESS(f"Imported {csv_file.name}: {summary}"))
