"""A private PostgreSQL cluster on loopback, for tests that restart or crash the database.

The machine's own PostgreSQL is shared by everyone's tests, so a test that restarts the server gets a cluster
of its own: `initdb` into a temporary directory, `pg_ctl start` on a free port with its socket in that
directory. PostgreSQL refuses to run as root, so when the tests run as root (as on CI here) every `initdb` and
`pg_ctl` call runs as the `postgres` system user (`runuser`, else `su`), and the directory, made directly
under the system temporary directory so that user can reach it, is handed to that user.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shlex
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

PREFERRED_VERSION = "15"
SERVICE_USER = "postgres"


class PostgresUnavailable(Exception):
    """The cluster could not be made or started here; the message says why and what to install."""


def find_bindir() -> Path:
    """The directory holding initdb and pg_ctl: PostgreSQL 15's if installed, else the newest there is."""
    preferred = Path(f"/usr/lib/postgresql/{PREFERRED_VERSION}/bin")
    if (preferred / "initdb").exists():
        return preferred
    installed = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if installed:
        return Path(installed[-1]).parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    raise PostgresUnavailable(
        "initdb was not found (install PostgreSQL 15: apt-get install postgresql-15, or postgresql)"
    )


class PostgresCluster:
    """One throwaway cluster: `start()`, `restart(mode)`, `stop()`, `create_database(name)`, `url(name)`."""

    def __init__(self, port: int, *, bindir: Path | None = None) -> None:
        self.port = port
        self.bindir = bindir or find_bindir()
        self.directory: Path | None = None
        self._as_user: list[str] = []

    @property
    def data_dir(self) -> Path:
        assert self.directory is not None
        return self.directory / "pg"

    @property
    def log_path(self) -> Path:
        assert self.directory is not None
        return self.directory / "postgres.log"

    def url(self, database: str = "postgres") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def start(self) -> PostgresCluster:
        self.directory = Path(tempfile.mkdtemp(prefix="touchline-pg-"))
        self._as_user = self._run_as_service_user()
        self._run(
            [str(self.bindir / "initdb"), "-D", str(self.data_dir), "-A", "trust", "-U", "postgres", "-N"]
        )
        self._pg_ctl("start")
        return self

    def restart(self, mode: str = "fast") -> None:
        """`immediate` is a crash: no checkpoint, every client connection cut, WAL recovery on start."""
        self._pg_ctl("restart", "-m", mode)

    def stop(self) -> None:
        if self.directory is None:
            return
        if (self.data_dir / "postmaster.pid").exists():
            # Already gone or not: the directory goes either way.
            with contextlib.suppress(PostgresUnavailable):
                self._run(
                    [str(self.bindir / "pg_ctl"), "-D", str(self.data_dir), "-w", "-m", "immediate", "stop"]
                )
        shutil.rmtree(self.directory, ignore_errors=True)
        self.directory = None

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def _pg_ctl(self, action: str, *extra: str) -> None:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1"
        self._run(
            [str(self.bindir / "pg_ctl"), "-D", str(self.data_dir), "-l", str(self.log_path),
             "-w", "-t", "30", "-o", options, *extra, action],
        )  # fmt: skip

    def _run_as_service_user(self) -> list[str]:
        """The prefix that runs a command as a non-root user (none needed when we are not root)."""
        assert self.directory is not None
        if os.geteuid() != 0:
            return []
        try:
            account = pwd.getpwnam(SERVICE_USER)
        except KeyError:
            raise PostgresUnavailable(
                f"running as root and there is no '{SERVICE_USER}' user to run PostgreSQL as "
                "(installing the postgresql package creates it)"
            ) from None
        os.chown(self.directory, account.pw_uid, account.pw_gid)
        os.chmod(self.directory, 0o700)
        if shutil.which("runuser"):
            return ["runuser", "-u", SERVICE_USER, "--"]
        if shutil.which("su"):
            return ["su", SERVICE_USER, "-s", "/bin/sh", "-c"]
        raise PostgresUnavailable("running as root, and neither runuser nor su is installed")

    def _run(self, command: list[str]) -> None:
        if self._as_user[:1] == ["su"]:
            full = [*self._as_user, shlex.join(command)]
        else:
            full = [*self._as_user, *command]
        started = time.monotonic()
        try:
            done = subprocess.run(full, capture_output=True, text=True, timeout=60, cwd=self.directory)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PostgresUnavailable(f"{shlex.join(full)} failed: {exc}") from exc
        if done.returncode != 0:
            raise PostgresUnavailable(
                f"{shlex.join(full)} exited {done.returncode} after {time.monotonic() - started:.1f} s:\n"
                f"{done.stdout[-1500:]}{done.stderr[-1500:]}\n--- server log ---\n{self.log()[-1500:]}"
            )
