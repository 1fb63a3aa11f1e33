"""Services for rumours: keyword-only functions named `<entity>_<action>` that write across rows.

Ingestion lives in the modules here: `feeds` (add and poll feeds), `articles` (URL submission, page fetch,
text ingestion, dedupe), `files` (local files and directories), `sweep` (re-enqueue stuck work) and
`extraction` (the extract step and the seam to the linking service). Celery tasks in `rumours.tasks` are thin
wrappers over these; the management commands and the admin call them too.
"""

from rumours.services.articles import (
    article_fail,
    article_fetch,
    article_ingest_text,
    article_refetch,
    article_submit_url,
)
from rumours.services.common import IngestError, RowBusy, TransientFetchFailure
from rumours.services.extraction import article_extract, extraction_run
from rumours.services.feeds import PollSummary, feed_add, feed_enable, feed_poll, feed_record_error
from rumours.services.files import PathResult, ingest_file, ingest_path
from rumours.services.sweep import sweep_stuck

__all__ = [
    "IngestError",
    "PathResult",
    "PollSummary",
    "RowBusy",
    "TransientFetchFailure",
    "article_extract",
    "article_fail",
    "article_fetch",
    "article_ingest_text",
    "article_refetch",
    "article_submit_url",
    "extraction_run",
    "feed_add",
    "feed_enable",
    "feed_poll",
    "feed_record_error",
    "ingest_file",
    "ingest_path",
    "sweep_stuck",
]
