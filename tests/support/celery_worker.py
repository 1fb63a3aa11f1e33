"""Real Redis servers and Celery workers as subprocesses, for tests that need the whole pipeline.

`RedisServer` runs a private redis-server on loopback with an append-only file fsynced on every write, so a
SIGKILL and a restart on the same directory lose nothing that was acknowledged. `CeleryWorker` runs
`celery -A config worker` (prefork) against that Redis and the test's own PostgreSQL database. `use_broker`
points the test process's Celery app at the same Redis, so `transaction.on_commit` publishes for real.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[2]


def wait_for(
    predicate: Callable[[], object], *, timeout: float, interval: float = 0.1, what: str = ""
) -> object:
    """Poll `predicate` until it returns something truthy; fail with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what or predicate}")
        time.sleep(interval)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_is_free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


class RedisServer:
    def __init__(self, directory: Path, port: int) -> None:
        self.directory = directory
        self.port = port
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        binary = shutil.which("redis-server")
        if binary is None:
            raise FileNotFoundError("redis-server is not installed (apt-get install redis-server)")
        self.directory.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [
                binary,
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--dir",
                str(self.directory),
                "--appendonly",
                "yes",
                "--appendfsync",
                "always",
                "--save",
                "",
                "--maxmemory-policy",
                "noeviction",
            ],  # fmt: skip
            stdout=open(self.directory / "redis.log", "ab"),  # noqa: SIM115 - the child owns it
            stderr=subprocess.STDOUT,
        )
        wait_for(self.ping, timeout=10, what=f"redis-server on port {self.port}")
        return self

    def ping(self) -> bool:
        import redis

        try:
            return bool(redis.Redis(port=self.port, socket_timeout=0.5).ping())
        except redis.RedisError:
            return False

    def client(self):  # noqa: ANN201 - redis.Redis
        import redis

        return redis.Redis(port=self.port)

    def kill(self) -> None:
        """SIGKILL: a crash, not a shutdown (no final save)."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)
        wait_for(lambda: port_is_free(self.port), timeout=10, what="redis port to close")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


class CeleryWorker:
    """One `celery worker` main process with a prefork pool; its log goes to a file the test can read."""

    def __init__(self, name: str, env: dict[str, str], log_dir: Path, concurrency: int = 2) -> None:
        self.name = name
        self.env = env
        self.log_path = log_dir / f"{name}.log"
        self.concurrency = concurrency
        self.process: subprocess.Popen | None = None

    def start(self, *, timeout: float = 30) -> CeleryWorker:
        env = {**os.environ, **self.env, "PYTHONUNBUFFERED": "1"}
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "-P",
                "prefork",
                "-c",
                str(self.concurrency),
                "--without-mingle",
                "--without-gossip",
                "--without-heartbeat",
                "-n",
                f"{self.name}@%h",
                "-l",
                "INFO",
            ],  # fmt: skip
            cwd=REPO,
            env=env,
            stdout=open(self.log_path, "ab"),  # noqa: SIM115 - the child owns it
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_for(self.ready, timeout=timeout, interval=0.2, what=f"worker {self.name} to be ready")
        return self

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def ready(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise AssertionError(
                f"worker {self.name} exited with {self.process.returncode}:\n{self.log()[-3000:]}"
            )
        return " ready." in self.log()

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def pool_children(self) -> list[psutil.Process]:
        try:
            return psutil.Process(self.pid).children()
        except psutil.NoSuchProcess:
            return []

    def children_connected_to(self, port: int) -> list[psutil.Process]:
        """Pool children with an open TCP connection to `port`: the ones in the middle of a fetch from it."""
        found = []
        for child in self.pool_children():
            with contextlib.suppress(psutil.Error):
                if any(c.raddr and c.raddr.port == port for c in child.net_connections(kind="tcp")):
                    found.append(child)
        return found

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(5)


@contextlib.contextmanager
def use_broker(url: str) -> Iterator[None]:
    """Make this process's Celery app publish to `url` for real (not inline) for the duration."""
    from config.celery import app

    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}
    reset_pools(app)
    app.conf.update(broker_url=url, task_always_eager=False)
    try:
        yield
    finally:
        reset_pools(app)
        app.conf.update(saved)


def reset_pools(app) -> None:  # noqa: ANN001 - celery.Celery
    # The app's connection and producer pools are bound to the broker URL they were created with. They are
    # dropped, not closed: kombu keeps one registry of pools per URL, which the next test may reuse.
    app._pool = None
    app.amqp._producer_pool = None
