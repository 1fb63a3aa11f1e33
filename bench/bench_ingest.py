"""Ingestion benchmark: generated article pages on a local HTTP server, ingested through real Celery workers.

    .venv/bin/python bench/bench_ingest.py                      # 2,000 pages, 1 worker x 4 processes
    .venv/bin/python bench/bench_ingest.py --pages 4000 --workers 2 --concurrency 2

It needs PostgreSQL (--database-url, default postgres://postgres@127.0.0.1:5432/touchline_bench_ingest: the
database is dropped and created afresh; its name must contain "bench") and redis-server on the PATH (a
private one is started on a free port). The pages are served by a threaded HTTP server on 127.0.0.1 and
listed in feeds of 500 entries; the run publishes one `fetch_feed` per feed, and the workers fan out
`fetch_article` and then `extract_article` as in production.

Printed: articles ingested per second (from the first publish until every page is fetched, its main text
extracted, deduplicated and stored: network, Redis, PostgreSQL), how many were also extracted and linked by
then (`--extract` waits for all of them and prints that rate too), the same pages parsed in this process
without network or database (`extract_page` + `content_hash`, one core) as the baseline, and the ratio.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

# A small gazetteer, varied enough that articles do not all fight over the same few rumour rows.
TOWNS = ("Northfield", "Eastport", "Westbury", "Southgate", "Harbour")
CLUBS = [f"{town} {kind}" for town in TOWNS for kind in ("Rovers", "Athletic", "United", "City")]
FIRST = ("Marco", "Luis", "Tom", "Pieter", "Samir", "Jonas", "Kofi", "Ivan")
PLAYERS = [f"{first} {last}" for first in FIRST for last in ("Testerman", "Ferrandi", "Okafor", "Vandamme")]
CUES = ["are weighing up an approach for", "have opened talks over", "have made a bid for", "are monitoring"]
FEED_SIZE = 500


def article_page(n: int) -> bytes:
    rng = random.Random(n)
    club, other = rng.sample(CLUBS, 2)
    player = rng.choice(PLAYERS)
    paragraphs = [
        f"{club} {rng.choice(CUES)} {player}, according to reports on day {n}.",
        f"The {other} player has {rng.randint(6, 30)} months left on his contract and a fee of "
        f"£{rng.randint(5, 90)}m is being discussed, story number {n}.",
        *(
            f"Paragraph {k} of story {n}: the window opens soon and the manager said little about "
            f"{player} when asked about it before the match against {rng.choice(CLUBS)}."
            for k in range(rng.randint(3, 8))
        ),
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{club} move for {player} ({n})</title></head>"
        f"<body><nav>Home | News | Transfers</nav><article><h1>{club} move for {player}</h1>{body}</article>"
        "<footer>Copyright the bench</footer></body></html>"
    ).encode()


def feed(base: str, first: int, last: int) -> bytes:
    items = "".join(
        f"<item><guid>story-{n}</guid><link>{base}/story/{n}</link><title>Story {n}</title></item>"
        for n in range(first, last)
    )
    head = '<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>'
    return f"{head}{items}</channel></rss>".encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes; no 40 ms delayed-ACK stall
    pages = 0

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        parts = self.path.strip("/").split("/")
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if parts[0] == "story" and int(parts[1]) < self.pages:
            body, kind = article_page(int(parts[1])), "text/html; charset=utf-8"
        elif parts[0].startswith("feed-"):
            k = int(parts[0][5:].split(".")[0])
            body = feed(base, k * FEED_SIZE, min(self.pages, (k + 1) * FEED_SIZE))
            kind = "application/rss+xml"
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def recreate_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if "bench" not in name:
        raise SystemExit(f"refusing to drop {name!r}: the benchmark database's name must contain 'bench'")
    admin = urlunsplit((parts.scheme, parts.netloc, "/postgres", "", ""))
    with psycopg.connect(admin.replace("postgres://", "postgresql://", 1), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def baseline(pages: int) -> float:
    """Pages per second for extract_page + content_hash on the same bodies: no network, no database."""
    from rumours.fetching.pages import extract_page
    from rumours.fetching.text import content_hash

    bodies = [article_page(n) for n in range(pages)]
    started = time.perf_counter()
    for n, body in enumerate(bodies):
        content_hash(extract_page(body, url=f"http://127.0.0.1/story/{n}").text)
    return pages / (time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=1, help="worker main processes")
    parser.add_argument("--concurrency", type=int, default=4, help="prefork processes per worker")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/touchline_bench_ingest")
    parser.add_argument("--timeout", type=float, default=170, help="give up after this many seconds")
    parser.add_argument("--extract", action="store_true", help="also wait until every article is extracted")
    args = parser.parse_args()

    recreate_database(args.database_url)
    tmp = Path(tempfile.mkdtemp(prefix="touchline-bench-ingest-"))
    redis_port = free_port()
    env = {
        "DATABASE_URL": args.database_url,
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "TOUCHLINE_FETCH_ALLOW_PRIVATE": "1",
        "TOUCHLINE_DATA_DIR": str(tmp),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    from players.models import Club, Contract, Player
    from rumours.models import Article, ArticleStatus, Feed
    from rumours.tasks import fetch_feed

    call_command("migrate", verbosity=0)
    clubs = [Club.objects.create(name=name, country="England") for name in CLUBS]
    for n, name in enumerate(PLAYERS):
        Contract.objects.create(player=Player.objects.create(name=name), club=clubs[n % len(clubs)])

    redis = subprocess.Popen(
        ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--dir", str(tmp), "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    Handler.pages = args.pages
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    command = [sys.executable, "-m", "celery", "-A", "config", "worker", "-P", "prefork", "-l", "WARNING"]
    command += ["-c", str(args.concurrency), "--without-mingle", "--without-gossip", "--without-heartbeat"]
    workers = [
        subprocess.Popen(
            [*command, "-n", f"bench{i}@%h"],
            cwd=REPO,
            env={**os.environ, **env},
            stdout=open(tmp / f"worker{i}.log", "wb"),  # noqa: SIM115 - the child owns it
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        for i in range(args.workers)
    ]
    extract_elapsed = None
    try:
        time.sleep(3)  # workers import Django and connect
        count = (args.pages + FEED_SIZE - 1) // FEED_SIZE
        feeds = [Feed.objects.create(url=f"{base}/feed-{k}.xml") for k in range(count)]
        print(f"{args.pages} pages in {count} feeds; {args.workers} worker(s) x {args.concurrency} processes")
        started = time.perf_counter()
        for f in feeds:
            fetch_feed.delay(f.pk, True)
        # Ingested: fetched, main text extracted from the page, deduplicated and stored (status past `new`).
        elapsed = wait(lambda: Article.objects.exclude(status=ArticleStatus.NEW).count(), args, started)
        if elapsed is None:
            print(f"timed out; worker logs in {tmp}")
            return 1
        done = [ArticleStatus.FETCHED, ArticleStatus.EXTRACTED]
        stored = Article.objects.filter(status__in=done).count()
        extracted = Article.objects.filter(status=ArticleStatus.EXTRACTED).count
        extracted_by_then = extracted()
        if args.extract:
            extract_elapsed = wait(extracted, args, started)
    finally:
        for w in workers:
            w.terminate()
        for w in workers:
            w.wait(30)
        redis.terminate()
        server.shutdown()

    rate = args.pages / elapsed
    print(f"ingest:   {args.pages} pages fetched and stored in {elapsed:.1f} s = {rate:.1f} articles/s")
    print(f"          ({stored} stored, {args.pages - stored} failed or duplicate)")
    if extract_elapsed is not None:
        end_to_end = args.pages / extract_elapsed
        print(
            f"extract:  all extracted and linked after {extract_elapsed:.1f} s = {end_to_end:.1f} articles/s"
        )
    else:
        print(f"extract:  {extracted_by_then} also extracted and linked by then (--extract waits for all)")
    base_rate = baseline(args.pages)
    print(f"baseline: extract_page + content_hash, no network or database: {base_rate:.1f} pages/s, one core")
    print(f"ratio:    ingest / baseline = {rate / base_rate:.2f}")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


def wait(count, args: argparse.Namespace, started: float) -> float | None:  # noqa: ANN001 - () -> int
    """Seconds from `started` until `count()` reaches the page count; None past the timeout."""
    while count() < args.pages:
        if time.perf_counter() - started > args.timeout:
            return None
        time.sleep(0.25)
    return time.perf_counter() - started


if __name__ == "__main__":
    raise SystemExit(main())
