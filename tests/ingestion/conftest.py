"""Fixtures for ingestion tests: a private Redis, real Celery workers on the test database."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.db import connection
from pytest_httpserver import HTTPServer

from tests.support import services
from tests.support.celery_worker import (
    CeleryWorker,
    RedisServer,
    free_port,
    port_is_free,
    reset_pools,
    use_broker,
)

REDIS_PORT = int(os.environ.get("TOUCHLINE_TEST_REDIS_PORT", "6390"))


@pytest.fixture
def live_database_url(transactional_db) -> str:
    """The URL of the database this test uses, for worker subprocesses (rows must be committed to be seen)."""
    services.require_postgresql(connection)
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.fixture(autouse=True)
def _inline_tasks() -> Iterator[None]:
    """Tasks run inline unless a test asks for the `broker` fixture, even when REDIS_URL is set (as in CI):
    an in-process test checks the whole pipeline's outcome, and nothing else would consume the messages."""
    from config.celery import app

    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}
    reset_pools(app)
    app.conf.update(broker_url="memory://", task_always_eager=True)
    yield
    reset_pools(app)
    app.conf.update(saved)


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory) -> Iterator[RedisServer]:
    """A private redis-server (append-only, fsync always), separate from anyone else's queues."""
    port = REDIS_PORT if port_is_free(REDIS_PORT) else free_port()  # another checkout's tests may hold 6390
    try:
        server = RedisServer(tmp_path_factory.mktemp("redis"), port).start()
    except FileNotFoundError as exc:
        services.missing(str(exc))
    yield server
    server.stop()


@pytest.fixture
def broker(redis_server: RedisServer) -> Iterator[RedisServer]:
    if not redis_server.ping():
        redis_server.start()  # a previous test killed it
    redis_server.client().flushall()
    with use_broker(redis_server.url):
        yield redis_server


WorkerFactory = Callable[..., CeleryWorker]


@pytest.fixture
def start_worker(broker: RedisServer, live_database_url: str, tmp_path: Path) -> Iterator[WorkerFactory]:
    """Start Celery workers on the test's database and the private Redis; all are stopped after the test."""
    workers: list[CeleryWorker] = []

    def start(name: str = "w1", concurrency: int = 2, **env: str) -> CeleryWorker:
        environment = {
            "DATABASE_URL": live_database_url,
            "REDIS_URL": broker.url,
            "TOUCHLINE_FETCH_ALLOW_PRIVATE": "1",
            "TOUCHLINE_VISIBILITY_TIMEOUT": "10",
            "DJANGO_SETTINGS_MODULE": "tests.support.worker_settings",
            # Short limits so that a killed worker's lease runs out within a test's time.
            "TOUCHLINE_TASK_SOFT_TIME_LIMIT": "6",
            "TOUCHLINE_TASK_TIME_LIMIT": "8",
            "TOUCHLINE_FETCH_TIMEOUT": "3",
            "LOG_LEVEL": "INFO",
            **env,
        }
        worker = CeleryWorker(name, environment, tmp_path, concurrency=concurrency)
        workers.append(worker)
        return worker.start()

    yield start
    for worker in workers:
        worker.stop()
        # Shown by pytest only when the test fails.
        print(f"--- log of worker {worker.name} (last 4000 characters) ---\n{worker.log()[-4000:]}")


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    return ("127.0.0.1", 0)


@pytest.fixture(autouse=True)
def _a_small_gazetteer(request) -> None:
    """Touchline always has a gazetteer; extraction runs against one club and one player of ours.

    (Extraction with an empty gazetteer is the extraction area's concern, not ingestion's.)
    """
    if "django_db" not in {m.name for m in request.node.iter_markers()}:
        return
    request.getfixturevalue("transactional_db")
    from tests.factories import ContractFactory

    ContractFactory(player__name="Marco Testerman", club__name="Northfield Rovers")


@pytest.fixture
def threaded_server() -> Iterator[HTTPServer]:
    """A local HTTP server that answers several workers at once."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()
