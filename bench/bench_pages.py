"""Reader-page benchmark: the player page, the home page and a trivial view, served by gunicorn.

    # full scale (50,000 players, 200,000 articles, 1,000,000 mentions; generation takes a few minutes once)
    .venv/bin/python bench/bench_pages.py

    # reduced scale, shorter runs
    .venv/bin/python bench/bench_pages.py --players 5000 --articles 20000 --mentions 100000 --duration 10

It generates the data set into its own PostgreSQL database (default
postgres://postgres@127.0.0.1:5432/touchline_bench, created if missing; the name must contain "bench", as it
is emptied when the requested sizes differ from what is there), starts `gunicorn -w 2` on 127.0.0.1 with
DEBUG off, warms the page cache, then loads each target for a fixed time with concurrent clients (threads in
several processes; http.client by default, httpx with --client httpx) and prints requests per second, p50
and p99 for each, and the ratio of the player page to the trivial view (goal: >= 35%, player p99 < 100 ms).
The trivial view is /healthz (one `SELECT 1`). The player pages are a sample of players with evidence, cached
after their first request as in production; "player (cold)" requests players never requested before, i.e.
the uncached page with its queries. With --cache redis (the default when Redis answers at --redis-url, whose
database it flushes) the page cache is shared by both workers, as in production; --cache locmem gives each
worker its own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LEAGUES = [
    ("Premier League", "England"),
    ("La Liga", "Spain"),
    ("Serie A", "Italy"),
    ("Bundesliga", "Germany"),
    ("Ligue 1", "France"),
    ("Eredivisie", "Netherlands"),
    ("Primeira Liga", "Portugal"),
    ("Championship", "England"),
]
FIRST = ["Ali", "Ben", "Carlos", "Dani", "Erik", "Felix", "Hugo", "Ivan", "Jonas", "Karim", "Luca", "Marco"]
LAST = ["Silva", "Müller", "García", "Rossi", "Dupont", "Jansen", "Novak", "Kowalski", "Ødegaard", "Pérez"]
POSITIONS = ["goalkeeper", "defender", "defender", "midfielder", "midfielder", "forward"]
STAGES = ["linked", "interest", "interest", "talks", "bid", "agreed", "rejected", "denied"]
WINDOWS = ["2024 summer", "2025 January", "2025 summer", "2026 January"]
SENTENCE = (
    "{club} are weighing up an approach for {player}, whose deal has two years left, according to {outlet}."
)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/touchline_bench")
    parser.add_argument("--players", type=int, default=50_000)
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--clubs", type=int, default=400)
    parser.add_argument("--duration", type=float, default=20.0, help="seconds of load per target")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads in all")
    parser.add_argument("--client-processes", type=int, default=2)
    parser.add_argument(
        "--client",
        choices=["stdlib", "httpx"],
        default="stdlib",
        help="http.client costs the client far less CPU per request than httpx: the server is measured",
    )
    parser.add_argument("--sample", type=int, default=200, help="distinct player pages in the warm run")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--cache", choices=["auto", "redis", "locmem"], default="auto")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/15")
    parser.add_argument("--seed", type=int, default=7)
    return parser.parse_args()


# --- the database -------------------------------------------------------------------------------------------


def ensure_database(url: str) -> None:
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    if "bench" not in name:
        sys.exit(
            f"refusing to use database {name!r}: the benchmark empties it; use a name containing 'bench'"
        )
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def setup_django(args: argparse.Namespace, cache_url: str | None) -> None:
    os.environ["DATABASE_URL"] = args.database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DEBUG"] = "false"
    if cache_url:
        os.environ["REDIS_URL"] = cache_url
    import django

    django.setup()


def generate(args: argparse.Namespace) -> None:
    """Fill the database with the requested sizes, unless it already holds exactly them."""
    from django.core.management import call_command
    from django.db import connection, transaction

    from players.models import Club, Contract, Injury, Player
    from rumours.models import Article, Mention, Rumour, Source

    call_command("migrate", verbosity=0)
    sizes = (Player.objects.count(), Article.objects.count(), Mention.objects.count())
    if sizes == (args.players, args.articles, args.mentions):
        print(
            f"data set present: {args.players:,} players, {args.articles:,} articles, "
            f"{args.mentions:,} mentions"
        )
        return
    print(f"generating {args.players:,} players, {args.articles:,} articles, {args.mentions:,} mentions ...")
    started = time.perf_counter()
    tables = [m._meta.db_table for m in (Mention, Rumour, Article, Source, Injury, Contract, Player, Club)]
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
    rng = random.Random(args.seed)
    now = dt.datetime(2025, 2, 1, 12, tzinfo=dt.UTC)
    batch = 10_000

    def save(model, rows) -> None:
        with transaction.atomic():
            model.objects.bulk_create(rows, batch_size=batch)

    save(
        Source,
        [
            Source(name=f"Outlet {n:03d}", slug=f"outlet-{n:03d}", reliability_tier=1 + n % 4)
            for n in range(60)
        ],
    )
    sources = list(Source.objects.values_list("pk", "name"))
    save(
        Club,
        [
            Club(
                name=f"Bench Club {n:04d}",
                slug=f"bench-club-{n:04d}",
                league=LEAGUES[n % 8][0],
                country=LEAGUES[n % 8][1],
                stadium=f"Stadium {n}",
            )
            for n in range(args.clubs)
        ],
    )
    clubs = list(Club.objects.values_list("pk", "name"))
    for start in range(0, args.players, batch):
        save(
            Player,
            [
                Player(
                    name=f"{rng.choice(FIRST)} {rng.choice(LAST)} {n:05d}",
                    slug=f"player-{n:05d}",
                    date_of_birth=dt.date(1990 + n % 15, 1 + n % 12, 1 + n % 28),
                    nationality=LEAGUES[n % 8][1],
                    position=POSITIONS[n % len(POSITIONS)],
                    shirt_number=1 + n % 99,
                )
                for n in range(start, min(start + batch, args.players))
            ],
        )
    player_ids = list(Player.objects.order_by("pk").values_list("pk", flat=True))
    player_names = dict(Player.objects.values_list("pk", "name"))
    home = {pk: clubs[i % len(clubs)] for i, pk in enumerate(player_ids)}
    contracts = []
    for i, pk in enumerate(player_ids):
        contracts.append(
            Contract(
                player_id=pk,
                club_id=home[pk][0],
                start_date=dt.date(2022, 7, 1),
                end_date=dt.date(2025 + i % 5, 6, 30),
                weekly_wage=(20_000 + i % 50 * 1000) if i % 3 else None,
                wage_currency="GBP" if i % 3 else "",
            )
        )
        if i % 10 == 0:
            contracts.append(
                Contract(
                    player_id=pk,
                    club_id=clubs[(i + 7) % len(clubs)][0],
                    start_date=dt.date(2019, 7, 1),
                    end_date=dt.date(2022, 6, 30),
                )
            )
    save(Contract, contracts)
    save(
        Injury,
        [
            Injury(
                player_id=pk,
                club_id=home[pk][0],
                description="hamstring strain",
                body_part="hamstring",
                occurred_on=dt.date(2025, 1, 10),
            )
            for pk in player_ids[::20]
        ],
    )
    for start in range(0, args.articles, batch):
        rows = []
        for n in range(start, min(start + batch, args.articles)):
            source = sources[n % len(sources)]
            rows.append(
                Article(
                    url=f"https://bench.example/{n}",
                    canonical_url=f"https://bench.example/{n}",
                    title=f"Transfer news {n}",
                    text=f"Story {n}. " + "Transfer talk continues. " * 20,
                    published_at=now - dt.timedelta(minutes=n * 5),
                    source_id=source[0],
                    content_hash=f"{n:064x}",
                    status="extracted",
                )
            )
        save(Article, rows)
    article_ids = list(Article.objects.values_list("pk", "published_at"))

    rumour_rows = []
    per_player = max(1, args.mentions // 10 // max(1, args.players))
    for i, pk in enumerate(player_ids):
        for k in range(per_player):
            to_club = clubs[(i * 31 + k * 7 + 3) % len(clubs)]
            if to_club[0] == home[pk][0]:
                to_club = clubs[(i * 31 + k * 7 + 4) % len(clubs)]
            rumour_rows.append(
                Rumour(
                    player_id=pk,
                    from_club_id=home[pk][0],
                    to_club_id=to_club[0],
                    window=WINDOWS[k % 4],
                    stage=STAGES[(i + k) % len(STAGES)],
                    likelihood=(i * 37 + k * 11) % 101,
                    likelihood_explanation=[
                        {"factor": "stage", "label": "Stage reached", "value": 1, "points": 12.5},
                        {"factor": "outlets", "label": "Independent outlets", "value": 2, "points": 8.0},
                    ],
                    first_seen=now - dt.timedelta(days=60),
                    last_seen=now - dt.timedelta(hours=i % 500),
                )
            )
    for start in range(0, len(rumour_rows), batch):
        save(Rumour, rumour_rows[start : start + batch])
    rumours = list(Rumour.objects.values_list("pk", "player_id", "to_club_id"))
    club_names = dict(clubs)
    written = 0
    while written < args.mentions:
        rows = []
        for _ in range(min(batch * 2, args.mentions - written)):
            rumour_id, player_id, club_id = rumours[rng.randrange(len(rumours))]
            article_id, _ = article_ids[rng.randrange(len(article_ids))]
            kind = "rumour" if rng.random() < 0.9 else rng.choice(["injury", "contract"])
            outlet = sources[rng.randrange(len(sources))][1] if rng.random() < 0.3 else ""
            sentence = SENTENCE.format(
                club=club_names[club_id], player=player_names[player_id], outlet=outlet or "reports"
            )
            rows.append(
                Mention(
                    article_id=article_id,
                    kind=kind,
                    player_id=player_id,
                    club_id=club_id,
                    rumour_id=rumour_id if kind == "rumour" else None,
                    stance=rng.choice(STAGES) if kind == "rumour" else "",
                    fact="" if kind == "rumour" else f"{kind} news",
                    sentence=sentence,
                    span_start=0,
                    span_end=len(sentence),
                    cited_outlet=outlet,
                    confidence=0.8,
                )
            )
        save(Mention, rows)
        written += len(rows)
        print(f"  mentions {written:,}/{args.mentions:,}", end="\r", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"\ngenerated in {time.perf_counter() - started:.0f} s")


# --- the server and the load --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(args: argparse.Namespace, port: int, cache_url: str | None) -> subprocess.Popen:
    env = os.environ | {
        "DATABASE_URL": args.database_url,
        "DEBUG": "false",
        "TOUCHLINE_ENV": "dev",
        "LOG_LEVEL": "WARNING",
        "TOUCHLINE_TODAY": "2025-02-03",
    }
    env.pop("REDIS_URL", None)
    if cache_url:
        env["REDIS_URL"] = cache_url
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi:application",
        "--workers",
        str(args.workers),
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
    import httpx

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.2)
    stop(process)
    sys.exit("gunicorn did not come up")


def stop(process: subprocess.Popen) -> None:
    # Only the process group we started: gunicorn's master and its workers.
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(process.pid, signal.SIGKILL)


def _stdlib_get(host: str, port: int):
    import http.client

    connection = http.client.HTTPConnection(host, port, timeout=10)

    def get(path: str) -> int:
        # gunicorn's sync workers close every connection; http.client reconnects on the next request.
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        if response.will_close:
            connection.close()
        return response.status

    return get, connection.close


def _httpx_get(base: str):
    import logging

    import httpx

    # The Django logging set-up inherited by the fork would log every request at INFO: client time.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    client = httpx.Client(base_url=base, timeout=10)
    return (lambda path: client.get(path).status_code), client.close


def _client_process(base: str, kind: str, paths: list[str], threads: int, duration: float, queue) -> None:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop_at = time.perf_counter() + duration
    parsed = urlparse(base)

    def worker(offset: int) -> None:
        nonlocal errors
        local: list[float] = []
        bad = 0
        get, close = _stdlib_get(parsed.hostname, parsed.port) if kind == "stdlib" else _httpx_get(base)
        n = offset
        while time.perf_counter() < stop_at:
            path = paths[n % len(paths)]
            n += threads
            started = time.perf_counter()
            try:
                ok = get(path) == 200
            except OSError:
                ok = False
            local.append(time.perf_counter() - started)
            bad += not ok
        close()
        with lock:
            latencies.extend(local)
            errors += bad

    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    queue.put((latencies, errors))


def load(base: str, paths: list[str], args: argparse.Namespace) -> dict:
    queue = multiprocessing.Queue()
    processes = max(1, args.client_processes)
    threads = max(1, args.concurrency // processes)
    chunks = [paths[i::processes] or paths for i in range(processes)]
    workers = [
        multiprocessing.Process(
            target=_client_process, args=(base, args.client, chunks[i], threads, args.duration, queue)
        )
        for i in range(processes)
    ]
    for worker in workers:
        worker.start()
    results = [queue.get() for _ in workers]
    for worker in workers:
        worker.join()
    latencies = sorted(lat for part, _ in results for lat in part)
    errors = sum(e for _, e in results)
    return {
        "requests": len(latencies),
        "rps": len(latencies) / args.duration,
        "p50": statistics.median(latencies) * 1000 if latencies else float("nan"),
        "p99": latencies[int(len(latencies) * 0.99) - 1] * 1000 if latencies else float("nan"),
        "errors": errors,
    }


def redis_answers(url: str) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 6379), timeout=0.5):
            return True
    except OSError:
        return False


def main() -> None:
    args = parse_args()
    if args.cache == "redis" or (args.cache == "auto" and redis_answers(args.redis_url)):
        cache_url = args.redis_url
    else:
        cache_url = None
    ensure_database(args.database_url)
    setup_django(args, cache_url)
    generate(args)

    from django.db.models import Count

    from players.models import Player

    rng = random.Random(args.seed)
    with_evidence = list(
        Player.objects.annotate(n=Count("mentions"))
        .filter(n__gt=0)
        .order_by("?")
        .values_list("slug", "n")[: args.sample * 20]
    )
    rng.shuffle(with_evidence)
    warm = [f"/players/{slug}/" for slug, _ in with_evidence[: args.sample]]
    cold = [f"/players/{slug}/" for slug, _ in with_evidence[args.sample :]]
    typical = statistics.median(n for _, n in with_evidence[: args.sample])

    port = args.port or free_port()
    base = f"http://127.0.0.1:{port}"
    process = start_gunicorn(args, port, cache_url)
    try:
        import httpx

        if cache_url:
            import redis

            redis.Redis.from_url(cache_url).flushdb()
        with httpx.Client(base_url=base, timeout=30) as client:
            for path in ["/healthz", "/", *warm]:
                for _ in range(args.workers * 2):  # each worker's local cache too, when it is not shared
                    assert client.get(path).status_code == 200, path
        targets = [("trivial (/healthz)", ["/healthz"]), ("home (/)", ["/"]), ("player (cached)", warm)]
        results = {name: load(base, paths, args) for name, paths in targets}
        cold_args = argparse.Namespace(**vars(args) | {"duration": min(args.duration, 10.0)})
        results["player (cold)"] = load(base, cold, cold_args)
    finally:
        stop(process)

    print()
    print(
        f"gunicorn -w {args.workers} on 127.0.0.1, DEBUG off, cache: {'redis' if cache_url else 'locmem'}; "
        f"{args.concurrency} {args.client} client threads in {args.client_processes} processes, "
        f"{args.duration:.0f} s per target"
    )
    print(f"player sample: {len(warm)} players, median {typical:.0f} mentions each")
    print(f"{'target':<22}{'requests':>10}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'errors':>8}")
    for name, r in results.items():
        print(
            f"{name:<22}{r['requests']:>10}{r['rps']:>10.0f}{r['p50']:>10.1f}{r['p99']:>10.1f}{r['errors']:>8}"
        )
    ratio = results["player (cached)"]["rps"] / results["trivial (/healthz)"]["rps"]
    p99 = results["player (cached)"]["p99"]
    print(
        f"player/trivial throughput: {ratio:.0%} (goal >= 35%: {'met' if ratio >= 0.35 else 'NOT met'}); "
        f"player p99 {p99:.1f} ms (goal < 100 ms: {'met' if p99 < 100 else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
