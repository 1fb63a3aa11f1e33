"""manage.py poll_feeds [--force]: poll the feeds that are due (inline without a broker, else enqueue)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from config.celery import app as celery_app
from rumours.models import Feed
from rumours.services import feed_poll
from rumours.services.common import enqueue
from rumours.services.feeds import feeds_due


class Command(BaseCommand):
    help = "Poll every feed that is due (with --force: every enabled feed, now)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="Ignore schedules and backoff.")

    def handle(self, *args, force: bool, **options) -> None:
        ids = list(Feed.objects.filter(enabled=True).values_list("pk", flat=True)) if force else feeds_due()
        if not celery_app.conf.task_always_eager:
            enqueue("fetch_feed", ids, force=force)
            self.stdout.write(self.style.SUCCESS(f"Queued {len(ids)} feeds."))
            return
        errors = 0
        for feed_id in ids:
            summary = feed_poll(feed_id=feed_id, force=force)
            errors += summary.outcome == "error"
            self.stdout.write(str(summary))
        line = f"Polled {len(ids)} feeds, {errors} with errors."
        self.stdout.write(self.style.ERROR(line) if errors else self.style.SUCCESS(line))
