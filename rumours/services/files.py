"""Local files and directories as articles: `.txt` (first line is the title), `.html` / `.htm`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rumours.fetching.errors import ParseError
from rumours.fetching.pages import read_file
from rumours.models import Article, Source
from rumours.services.articles import article_ingest_text
from rumours.services.common import IngestError

SUFFIXES = (".txt", ".html", ".htm")


@dataclass
class PathResult:
    path: Path
    article: Article | None = None
    created: bool = False
    error: str = ""


def files_under(path: Path) -> list[Path]:
    """The article files a path names: itself, or every .txt/.html under a directory (hidden ones skipped)."""
    path = Path(path)
    if path.is_dir():
        return sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and p.suffix.lower() in SUFFIXES
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
    return [path]


def ingest_file(
    *, path: Path, published: dt.date | dt.datetime | None = None, source: Source | None = None
) -> PathResult:
    """Store one file as an article (canonical URL `file:<stem>`). Errors are returned, not raised."""
    path = Path(path)
    try:
        page = read_file(path)
        article, created = article_ingest_text(
            title=page.title,
            text=page.text,
            canonical_url=page.canonical_url,
            # A date in the file wins; `published` is for files that have none (.txt never do).
            published=page.published or published,
            source=source,
        )
    except (ParseError, IngestError) as exc:
        return PathResult(path, error=exc.reason)
    return PathResult(path, article, created)


def ingest_path(
    *, path: Path, published: dt.date | dt.datetime | None = None, source: Source | None = None
) -> Iterator[PathResult]:
    """Ingest a file or every article file under a directory, yielding one result per file."""
    path = Path(path)
    if not path.exists():
        yield PathResult(path, error="No such file or directory.")
        return
    for file in files_under(path):
        yield ingest_file(path=file, published=published, source=source)
