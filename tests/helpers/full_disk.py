"""A full disk for tests, two ways.

`disk_full_under(folder, room=0)` needs no root and behaves the same on every platform: files
opened for writing under `folder` (through `open`, `io.open` or `Path.open`, as files.py and
zipfile do) take `room` more bytes between them and then fail with `OSError(ENOSPC)`, leaving
what fitted on disk, as a real full disk does; SQLite databases connected to under `folder`
afterwards (`sqlite3.connect`, or SQLAlchemy) may not grow by more than `room` each, so SQLite
reports "database or disk is full" (SQLITE_FULL) from its own writes. The `room` left can be
changed during the block. `full_database(db)` puts a database already open on a full disk.

`small_filesystem(folder, size)` mounts a real tmpfs of `size` bytes (Linux, as root: CI);
anything else skips the test. It is for what injection cannot reach, such as SQLite's journal.
"""

from __future__ import annotations

import builtins
import contextlib
import errno
import io
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from ovop_desktop.services.database import Database

_WRITING = ("w", "a", "x", "+")


@dataclass
class FullDisk:
    """The disk under `folder`: `room` bytes are left, shared by every file written there."""

    folder: Path
    room: int

    def holds(self, file: object) -> bool:
        if isinstance(file, int):
            return False
        try:
            path = Path(os.fsdecode(file)).resolve()  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return False
        return path == self.folder or self.folder in path.parents

    def take(self, wanted: int) -> int:
        """How many of `wanted` bytes still fit; they are taken from the room."""
        granted = min(wanted, self.room)
        self.room -= granted
        return granted


def _no_space(name: object) -> OSError:
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(name))


class _FullFileIO(io.FileIO):
    """A file on the full disk: writes what fits, then fails as the disk is full."""

    disk: FullDisk

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        granted = self.disk.take(len(view))
        if granted:
            super().write(view[:granted])
        if granted < len(view):
            raise _no_space(self.name)
        return granted


def _opener(disk: FullDisk, real_open: Any) -> Any:
    def open_on_full_disk(
        file: Any,
        mode: str = "r",
        buffering: int = -1,
        encoding: str | None = None,
        errors: str | None = None,
        newline: str | None = None,
        closefd: bool = True,
        opener: Any = None,
    ) -> Any:
        if not any(flag in mode for flag in _WRITING) or not disk.holds(file):
            return real_open(file, mode, buffering, encoding, errors, newline, closefd, opener)
        raw_mode = mode.replace("b", "").replace("t", "")
        raw = _FullFileIO(file, raw_mode, closefd, opener=opener)
        raw.disk = disk
        if buffering == 0:
            return raw
        buffered_class = io.BufferedRandom if "+" in mode else io.BufferedWriter
        buffered = buffered_class(raw)
        if "b" in mode:
            return buffered
        text = io.TextIOWrapper(buffered, encoding, errors, newline, line_buffering=buffering == 1)
        text.mode = mode  # type: ignore[misc]
        return text

    return open_on_full_disk


def _database_full() -> sqlite3.OperationalError:
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]
    error.sqlite_errorname = "SQLITE_FULL"  # type: ignore[attr-defined]
    return error


def _limit(connection: sqlite3.Connection, room: int) -> None:
    """`connection`'s database may not grow by more than `room` bytes (SQLITE_FULL after)."""
    page_size = int(connection.execute("PRAGMA page_size").fetchone()[0])
    pages = int(connection.execute("PRAGMA page_count").fetchone()[0])
    connection.execute(f"PRAGMA max_page_count = {max(1, pages + room // page_size)}")


class _FullConnection(sqlite3.Connection):
    """A database on the full disk: it cannot grow past the room there was when it was
    opened, and with no room left a commit that changed something fails, as appending to the
    journal or write-ahead log fails (SQLite reuses free pages of its file, so a limit on the
    pages alone would let much through)."""

    disk: FullDisk
    _settled = 0

    def commit(self) -> None:
        if self.disk.room <= 0 and self.total_changes != self._settled:
            raise _database_full()
        super().commit()
        self._settled = self.total_changes

    def rollback(self) -> None:
        super().rollback()
        self._settled = self.total_changes


@contextlib.contextmanager
def disk_full_under(folder: Path, room: int = 0) -> Iterator[FullDisk]:
    """Within the block, the disk holding `folder` has only `room` bytes left (see above)."""
    disk = FullDisk(Path(folder).resolve(), room)
    real_open, real_connect = io.open, sqlite3.connect
    full_open = _opener(disk, real_open)

    def connect(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if not (isinstance(database, str | os.PathLike) and disk.holds(database)):
            return real_connect(database, *args, **kwargs)
        kwargs.setdefault("factory", _FullConnection)
        connection = real_connect(database, *args, **kwargs)
        if isinstance(connection, _FullConnection):
            connection.disk = disk
            connection._settled = connection.total_changes
        _limit(connection, disk.room)
        return connection

    saved = [
        (io, "open", io.open),
        (builtins, "open", builtins.open),
        (sqlite3, "connect", sqlite3.connect),
        (sqlite3.dbapi2, "connect", sqlite3.dbapi2.connect),  # what SQLAlchemy calls
    ]
    io.open = builtins.open = full_open  # type: ignore[assignment]
    sqlite3.connect = sqlite3.dbapi2.connect = connect  # type: ignore[assignment]
    try:
        yield disk
    finally:
        for owner, name, value in saved:
            setattr(owner, name, value)


@contextlib.contextmanager
def full_database(db: Database) -> Iterator[None]:
    """Within the block the SQLite database `db` is on a full disk: it cannot grow by a page,
    and a commit that changed something fails with SQLITE_FULL ("database or disk is full")
    even when it would not grow the file, as appending to the write-ahead log fails."""
    assert db.backend == "sqlite", "full_database is for SQLite"
    dialect = db.engine.dialect
    real_commit, real_rollback = dialect.do_commit, dialect.do_rollback
    settled: dict[int, int] = {}

    def on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        _limit(dbapi_connection, 0)
        settled[id(dbapi_connection)] = dbapi_connection.total_changes

    def do_commit(proxied: Any) -> None:
        raw = getattr(proxied, "dbapi_connection", proxied)  # SQLAlchemy hands its proxy
        if raw.total_changes != settled.get(id(raw)):
            raise _database_full()
        real_commit(proxied)

    def do_rollback(proxied: Any) -> None:
        real_rollback(proxied)
        raw = getattr(proxied, "dbapi_connection", proxied)
        settled[id(raw)] = raw.total_changes

    db.engine.dispose()  # pooled connections reconnect, and get the limit
    event.listen(db.engine, "connect", on_connect)
    dialect.do_commit, dialect.do_rollback = do_commit, do_rollback  # type: ignore[method-assign]
    try:
        yield
    finally:
        del dialect.do_commit, dialect.do_rollback
        event.remove(db.engine, "connect", on_connect)
        db.engine.dispose()


@contextlib.contextmanager
def small_filesystem(folder: Path, size: int) -> Iterator[Path]:
    """A real tmpfs of `size` bytes mounted on `folder` (Linux, as root); skips elsewhere."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("a small real filesystem needs Linux and root (CI); injection covers it")
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"tmpfs cannot be mounted here: {mounted.stderr.decode(errors='replace')}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


@contextlib.contextmanager
def filled(folder: Path, leave: int = 0) -> Iterator[Path]:
    """Fill the filesystem of `folder` but for about `leave` bytes, with a file of its own that
    is removed again when the block ends."""
    filler = folder / "filler.bin"
    stat = os.statvfs(folder)
    with contextlib.suppress(OSError), open(filler, "wb") as handle:
        handle.write(b"\0" * max(0, stat.f_bavail * stat.f_frsize - leave))
    try:
        yield filler
    finally:
        filler.unlink(missing_ok=True)


def leftovers(folder: Path) -> list[str]:
    """Temporary and partial files under `folder` (what a failed write must not leave)."""
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.name.endswith((".part", ".tmp", "-journal")) or p.name.startswith(".")
    )
