"""A throwaway PostgreSQL server for the tests, started from the installed server binaries.

initdb and pg_ctl run in a temporary directory on a free local port; under pytest-xdist each
worker process starts a server of its own (the session fixture is per worker). When no server
binaries exist the tests that need one are skipped with the reason, unless OVOP_REQUIRE_POSTGRES=1
(set by .ci/run), which turns that skip into a failure. As root, the server runs as the `postgres`
user, because PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REQUIRE_ENV = "OVOP_REQUIRE_POSTGRES"
PORT_ATTEMPTS = 3


def _server_bin_dir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)
    return Path(versions[0]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PostgresServer:
    def __init__(self, bin_dir: Path, root: Path) -> None:
        self.bin_dir, self.root = bin_dir, root
        self.data = root / "data"
        self.port = _free_port()
        self.user = "ovop"
        self._as: list[str] = []
        self._template = ""
        if hasattr(os, "geteuid") and os.geteuid() == 0:  # POSIX root: run it as postgres
            import pwd

            account = pwd.getpwnam("postgres")
            os.chown(root, account.pw_uid, account.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]

    def _run(self, *args: str) -> None:
        subprocess.run([*self._as, *args], check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        self._run(
            str(self.bin_dir / "initdb"),
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-U",
            self.user,
            "--no-sync",
            "-E",
            "UTF8",
            "--locale=C",
        )
        # Another worker may take the probed port before this server binds it: try another.
        for attempt in range(PORT_ATTEMPTS):
            try:
                self._start_on(self.port)
                return
            except subprocess.CalledProcessError:
                if attempt == PORT_ATTEMPTS - 1:
                    raise
                self.port = _free_port()

    def _start_on(self, port: int) -> None:
        options = (
            f"-p {port} -k {self.root} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            str(self.bin_dir / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.root / "server.log"),
            "-w",
            "start",
        )

    def stop(self) -> None:
        self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{database}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(
            f"postgresql://{self.user}@127.0.0.1:{self.port}/postgres", autocommit=True
        ) as connection:
            connection.execute(sql)

    def create_database(self) -> str:
        """A new, empty database."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        self._admin(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def migrated_database(self) -> str:
        """A new database already at the newest schema: a copy of a template migrated once,
        so that hundreds of tests do not each run every migration."""
        if not self._template:
            from ovop_desktop.services.database import open_database

            self._template = f"template_{uuid.uuid4().hex[:8]}"
            self._admin(f'CREATE DATABASE "{self._template}"')
            open_database(self.url(self._template)).dispose()
        name = f"t_{uuid.uuid4().hex[:12]}"
        self._admin(f'CREATE DATABASE "{name}" TEMPLATE "{self._template}"')
        return self.url(name)


@contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    bin_dir = _server_bin_dir()
    if bin_dir is None:
        reason = "no PostgreSQL server binaries (initdb, pg_ctl) on this machine"
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(f"{reason}, but {REQUIRE_ENV}=1")
        pytest.skip(reason)
    with tempfile.TemporaryDirectory(prefix="ovop-pg-") as scratch:
        server = PostgresServer(bin_dir, Path(scratch))
        server.start()
        try:
            yield server
        finally:
            server.stop()
