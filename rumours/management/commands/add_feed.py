"""manage.py add_feed URL [--source NAME] [--interval SECONDS]: track a feed (polled at the next fan-out)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from rumours.fetching.errors import FetchError
from rumours.models import Feed, Source
from rumours.services import feed_add


class Command(BaseCommand):
    help = "Add an RSS or Atom feed to poll."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("url")
        parser.add_argument("--source", help="Name of the outlet (created if new).")
        parser.add_argument("--interval", type=int, help="Seconds between polls when healthy.")

    def handle(self, *args, url: str, source: str | None, interval: int | None, **options) -> None:
        outlet = Source.objects.get_or_create(name=source.strip())[0] if source else None
        try:
            feed, created = feed_add(url=url, source=outlet)
        except FetchError as exc:
            raise CommandError(exc.reason) from None
        if interval is not None:
            if interval < 60:
                raise CommandError("--interval must be at least 60 seconds.")
            Feed.objects.filter(pk=feed.pk).update(poll_interval=interval)
        verb = "Added" if created else "Already tracking"
        self.stdout.write(self.style.SUCCESS(f"{verb} feed {feed.pk}: {feed.url}"))
