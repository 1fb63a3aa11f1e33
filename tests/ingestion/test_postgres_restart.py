"""PostgreSQL crashes and comes back while a real Celery worker is ingesting (C6).

The database is a private cluster (the machine's shared PostgreSQL must never be restarted by a test): made
with initdb, migrated by `manage.py migrate`, crashed with `pg_ctl restart -m immediate` while a fetch is in
flight.
The task caught mid-flight fails with OperationalError or InterfaceError and retries with backoff (the tasks'
`autoretry_for`); idle pool children get a fresh connection from Django's health check. Every article ends
extracted exactly once, the same worker and pool processes serve the tasks sent afterwards, and extraction's
transaction leaves no rumour without its evidence.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from rumours.tasks import fetch_article
from tests.support import services
from tests.support.celery_worker import REPO, CeleryWorker, RedisServer, free_port, wait_for
from tests.support.news import page, story
from tests.support.postgres_server import PostgresCluster, PostgresUnavailable

pytestmark = [pytest.mark.chaos, pytest.mark.services, pytest.mark.timeout(90)]

FIRST_BATCH = 10  # in flight when the database crashes
LATER_BATCH = 3  # sent afterwards, to the same worker
HELD = 4  # the fifth page request is held open across the crash

# Invented players, one rumour each: "<buyer> have tabled a bid for <player>" against his contract elsewhere.
PLAYERS = [
    "Aldo Brennick", "Tomas Vellacourt", "Ruben Ostergaard", "Kofi Amantey", "Lucas Dervaine",
    "Mateo Quillan", "Jonah Farrestead", "Idris Calloway", "Pieter Vanmoorsel", "Sandro Okello",
    "Emil Haverstrand", "Nuno Albarosa", "Callum Treloar",
]  # fmt: skip
BUYER, SELLER = "Northfield Rovers", "Eastbrook Albion"

SEED = """
import datetime as dt, json, sys
from django.db import transaction
from players.gazetteer import bump_gazetteer_version
from players.models import Club, Contract, Player
from rumours.models import Article

spec = json.loads(sys.stdin.read())
with transaction.atomic():
    buyer = Club.objects.create(name=spec["buyer"], country="England")
    seller = Club.objects.create(name=spec["seller"], country="England")
    for name in spec["players"]:
        player = Player.objects.create(name=name, position="midfielder")
        Contract.objects.create(player=player, club=seller, start_date=dt.date(2022, 7, 1),
                                end_date=dt.date(2027, 6, 30))
    ids = [
        Article.objects.create(url=url, canonical_url=url,
                               published_at=dt.datetime(2024, 12, 1, tzinfo=dt.UTC)).pk
        for url in spec["urls"]
    ]
    transaction.on_commit(bump_gazetteer_version)
print("SEEDED " + json.dumps(ids))
"""


def article_text(n: int) -> str:
    return (
        f"{BUYER} have tabled a £{n + 20}m bid for {PLAYERS[n]}. {SELLER} are yet to respond to the offer."
        f"\n\n{story(n)}"
    )


@pytest.fixture(scope="module")
def private_postgres() -> Iterator[PostgresCluster]:
    """A PostgreSQL cluster of this module's own, so crashing it disturbs no one else's tests."""
    cluster = PostgresCluster(free_port())
    try:
        cluster.start()
    except PostgresUnavailable as exc:
        cluster.stop()
        services.missing(f"could not start a private PostgreSQL cluster: {exc}")
    yield cluster
    cluster.stop()


def manage(database_url: str, *args: str, stdin: str = "", timeout: float = 60) -> str:
    env = {**os.environ, "DATABASE_URL": database_url, "PYTHONUNBUFFERED": "1"}
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, (
        f"manage.py {' '.join(args)} failed:\n{done.stdout[-2000:]}{done.stderr[-3000:]}"
    )
    return done.stdout


@pytest.fixture(scope="module")
def chaos_database(private_postgres: PostgresCluster) -> str:
    url = private_postgres.create_database("touchline_c6")
    manage(url, "migrate", "--noinput", timeout=120)
    return url


def rows(database_url: str, sql: str) -> list[tuple]:
    """A query on a fresh connection: the test's own connections die with the server too."""
    with psycopg.connect(database_url, connect_timeout=3) as conn:
        return conn.execute(sql).fetchall()


def extracted(database_url: str, ids: list[int]) -> int:
    id_list = ",".join(map(str, ids))
    try:
        [(count,)] = rows(
            database_url,
            f"SELECT count(*) FROM rumours_article WHERE status = 'extracted' AND id IN ({id_list})",
        )
    except psycopg.OperationalError:
        return 0  # the server is still coming back
    return count


def test_postgres_restart_mid_task(
    private_postgres: PostgresCluster, chaos_database: str, broker: RedisServer, tmp_path: Path
) -> None:
    started = time.monotonic()
    held, release = threading.Event(), threading.Event()
    served: list[str] = []
    lock = threading.Lock()

    def article_page(request: Request, n: int) -> Response:
        with lock:
            order = len(served)
            served.append(request.path)
        if order == HELD:
            held.set()
            release.wait(20)  # until the database has crashed and come back
        else:
            time.sleep(0.2)  # keep the pool busy, so the crash lands on work in progress
        return Response(page(f"Bid {n}", article_text(n)), content_type="text/html")

    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    try:
        for n in range(len(PLAYERS)):
            server.expect_request(f"/story/{n}").respond_with_handler(lambda r, n=n: article_page(r, n))
        spec = {
            "buyer": BUYER,
            "seller": SELLER,
            "players": PLAYERS,
            "urls": [server.url_for(f"/story/{n}") for n in range(len(PLAYERS))],
        }
        out = manage(chaos_database, "shell", "-c", SEED, stdin=json.dumps(spec))
        ids = json.loads(out.split("SEEDED ", 1)[1])
        first, later = ids[:FIRST_BATCH], ids[FIRST_BATCH:]
        assert len(later) == LATER_BATCH

        worker = CeleryWorker(
            "c6",
            {
                "DATABASE_URL": chaos_database,
                "REDIS_URL": broker.url,
                "DJANGO_SETTINGS_MODULE": "tests.support.worker_settings",
                "TOUCHLINE_FETCH_ALLOW_PRIVATE": "1",
                # Nothing is killed here, so no redelivery is wanted: longer than any retry countdown below.
                "TOUCHLINE_VISIBILITY_TIMEOUT": "30",
                # A claim lasts the hard limit plus 5 s: the task that lost its connection mid-fetch finds its
                # own claim on retry and waits it out, so keep it short.
                "TOUCHLINE_TASK_SOFT_TIME_LIMIT": "4",
                "TOUCHLINE_TASK_TIME_LIMIT": "6",
                "TOUCHLINE_FETCH_TIMEOUT": "3",
                "LOG_LEVEL": "INFO",
            },
            tmp_path,
            concurrency=2,
        ).start()
        try:
            main_pid = worker.pid
            children = {p.pid for p in worker.pool_children()}
            assert len(children) == 2

            for pk in first:
                fetch_article.delay(pk)
            assert held.wait(20), "the worker never reached the fifth page"
            before_crash = extracted(chaos_database, first)
            private_postgres.restart("immediate")
            release.set()

            wait_for(
                lambda: extracted(chaos_database, first) == FIRST_BATCH,
                timeout=40,
                interval=0.5,
                what=f"{FIRST_BATCH} articles extracted after the crash",
            )
            log = worker.log()
            assert "OperationalError" in log or "InterfaceError" in log, (
                "no task saw the crash: the test did not exercise a restart mid-task"
            )
            assert "Retry in" in log, "the task that lost its connection was not retried"

            # The same worker, and the same pool children, serve the next tasks: nothing was restarted.
            for pk in later:
                fetch_article.delay(pk)
            wait_for(
                lambda: extracted(chaos_database, later) == LATER_BATCH,
                timeout=20,
                interval=0.3,
                what="the later articles on the same worker",
            )
            assert worker.process is not None and worker.process.poll() is None
            assert worker.pid == main_pid
            assert {p.pid for p in worker.pool_children()} == children, "a pool child was replaced"
        finally:
            worker.stop()
            print(f"--- worker log (last 6000 characters) ---\n{worker.log()[-6000:]}")
            print(f"--- postgres log (last 3000 characters) ---\n{private_postgres.log()[-3000:]}")
    finally:
        release.set()
        server.clear()
        server.stop()

    # Every article extracted exactly once: one page fetch that counted, one rumour, one piece of evidence.
    statuses = rows(chaos_database, "SELECT status, count(*) FROM rumours_article GROUP BY status")
    assert statuses == [("extracted", len(PLAYERS))]
    per_article = rows(
        chaos_database,
        "SELECT a.id, count(m.id) FROM rumours_article a LEFT JOIN rumours_mention m ON m.article_id = a.id "
        "GROUP BY a.id",
    )
    assert sorted(count for _, count in per_article) == [1] * len(PLAYERS), per_article
    rumours = rows(
        chaos_database,
        "SELECT p.name, c.name, r.window FROM rumours_rumour r JOIN players_player p ON p.id = r.player_id "
        "JOIN players_club c ON c.id = r.to_club_id",
    )
    assert sorted(rumours) == sorted((name, BUYER, "2025 January") for name in PLAYERS)
    # Atomic extraction: no rumour without its evidence, no rumour evidence without its rumour.
    assert rows(
        chaos_database,
        "SELECT count(*) FROM rumours_rumour r WHERE NOT EXISTS "
        "(SELECT 1 FROM rumours_mention m WHERE m.rumour_id = r.id)",
    ) == [(0,)]
    assert rows(
        chaos_database, "SELECT count(*) FROM rumours_mention WHERE kind = 'rumour' AND rumour_id IS NULL"
    ) == [(0,)]
    assert before_crash < FIRST_BATCH, "the crash came after the work, not during it"
    elapsed = time.monotonic() - started
    assert elapsed < 60, f"the restart test took {elapsed:.0f} s"
