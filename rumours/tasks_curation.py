"""Scheduled curation work. Kept out of rumours/tasks.py (ingestion's module) so the two evolve apart.

Celery's autodiscovery imports only `rumours.tasks`, which imports this module so workers register its tasks.
The beat entry `close-ended-windows` in config/settings.py runs `close_ended_windows` daily.
"""

from __future__ import annotations

import logging

from celery import shared_task

from rumours.curation import close_window, ended_windows

logger = logging.getLogger(__name__)


@shared_task(acks_late=True)
def close_ended_windows() -> str:
    """Every open rumour of a transfer window whose last day has passed becomes dead. Idempotent."""
    closed = {window: close_window(window=window) for window in ended_windows()}
    if closed:
        logger.info("Closed ended transfer windows: %s", closed)
    return ", ".join(f"{window}: {count} dead" for window, count in closed.items()) or "no window ended"
