"""Looking at a SQLite database file before anything writes to it: is it whole, ours, writable?

A file that is empty, truncated, no database at all, locked by another program, read-only, or
has tables but no schema version must be named and left alone: opening it with the application's
engine would already write (the journal mode), and a migration would make a backup of the wreck.
Everything here reads through a read-only connection, never through the engine.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from ovop_desktop.db import engine as db_engine
from ovop_desktop.paths import sqlite_file_uri

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
SQLITE_BUSY, SQLITE_LOCKED = 5, 6
SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN, SQLITE_NOTADB = 8, 3, 14, 26
SQLITE_IOERR, SQLITE_FULL = 10, 13
# Below this much free space, an I/O error while opening is the disk, not the file.
LOW_FREE_BYTES = 1024 * 1024


class FileTrouble(StrEnum):
    """Why a database file cannot be used."""

    EMPTY = "empty"  # zero bytes: not a database, and not a first start either
    NOT_A_DATABASE = "not_a_database"  # the header is not SQLite's
    TRUNCATED = "truncated"  # shorter than its header says, or pages unreadable
    NO_SCHEMA_VERSION = "no_schema_version"  # tables, but no (or an empty) alembic_version
    LOCKED = "locked"  # another program holds it
    READ_ONLY = "read_only"  # the file or its folder cannot be written
    UNREADABLE = "unreadable"  # the file cannot be opened at all
    DISK_FULL = "disk_full"  # no room on its disk, even for the -wal/-shm files beside it


class DatabaseFileError(RuntimeError):
    """A database file that must not be used, and why."""

    def __init__(self, path: Path, trouble: FileTrouble, detail: str = "") -> None:
        super().__init__(f"{path}: {trouble}{f' ({detail})' if detail else ''}")
        self.path = path
        self.trouble = trouble
        self.detail = detail


@dataclass(frozen=True)
class FileState:
    """What a readable database file holds: its tables and stored schema revision."""

    tables: frozenset[str]
    revision: str | None


def read_only_connection(
    path: Path, mode: str = "ro", *, immutable: bool = False
) -> sqlite3.Connection:
    """A connection that does not write to `path` (it does not create it either).

    `immutable` is for files nobody writes (backups): no locks and no -wal/-shm files beside."""
    parameters = {"mode": mode, **({"immutable": "1"} if immutable else {})}
    uri = sqlite_file_uri(path.resolve(), **parameters)
    connection = sqlite3.connect(uri, uri=True, isolation_level=None)
    connection.execute(f"PRAGMA busy_timeout={db_engine.SQLITE_BUSY_TIMEOUT_MS}")
    return connection


def _read_state(path: Path, mode: str, immutable: bool) -> FileState:
    connection = read_only_connection(path, mode, immutable=immutable)
    try:
        connection.execute("BEGIN")
        tables = frozenset(
            str(row[0])
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        )
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = str(row[0]) if row else None
        connection.execute("COMMIT")
    finally:
        connection.close()
    return FileState(tables, revision)


def _header_trouble(path: Path) -> FileTrouble | None:
    size = path.stat().st_size
    if size == 0:
        return FileTrouble.EMPTY
    with path.open("rb") as file:
        header = file.read(HEADER_SIZE)
    if not header.startswith(SQLITE_MAGIC):
        return FileTrouble.NOT_A_DATABASE
    if len(header) < HEADER_SIZE:
        return FileTrouble.TRUNCATED
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return FileTrouble.NOT_A_DATABASE
    pages = int.from_bytes(header[28:32], "big")
    # The page count is valid only while the change counter and "version valid for" agree; a
    # write-ahead log with frames may hold pages a checkpoint has not yet written.
    counted = pages > 0 and header[24:28] == header[92:96]
    wal = Path(f"{path}-wal")
    if counted and size < pages * page_size and not (wal.exists() and wal.stat().st_size > 0):
        return FileTrouble.TRUNCATED
    return None


def _trouble_of(error: sqlite3.Error, path: Path) -> FileTrouble:
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    if code == SQLITE_FULL or (code == SQLITE_IOERR and _free_bytes(path) < LOW_FREE_BYTES):
        # e.g. SQLITE_IOERR_SHMSIZE: no room for the shared-memory file of the WAL
        return FileTrouble.DISK_FULL
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return FileTrouble.LOCKED
    if code in (SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN):
        return FileTrouble.UNREADABLE
    if code == SQLITE_NOTADB:
        return FileTrouble.NOT_A_DATABASE
    return FileTrouble.TRUNCATED  # SQLITE_CORRUPT, SQLITE_IOERR short reads, and the like


def _free_bytes(path: Path) -> int:
    """Free space on the disk holding `path` (unknown counts as plenty)."""
    try:
        return shutil.disk_usage(path.parent).free
    except OSError:
        return LOW_FREE_BYTES


def inspect_database_file(
    path: Path, *, writable: bool = True, immutable: bool = False
) -> FileState | None:
    """What the file at `path` holds, or None when there is no file yet (a first start).

    Raises `DatabaseFileError` for a file that must not be used; `writable=False` accepts a
    file that cannot be written (it is being opened read-only on purpose); `immutable` is for a
    backup (see `read_only_connection`)."""
    if not path.exists():
        return None
    if path.is_dir():
        raise DatabaseFileError(path, FileTrouble.UNREADABLE, "a folder, not a file")
    try:
        trouble = _header_trouble(path)
    except OSError as exc:
        raise DatabaseFileError(path, FileTrouble.UNREADABLE, exc.strerror or "") from exc
    if trouble is not None:
        raise DatabaseFileError(path, trouble)
    try:
        try:
            state = _read_state(path, "ro", immutable)
        except sqlite3.Error as exc:
            if getattr(exc, "sqlite_errorcode", 0) & 0xFF != SQLITE_READONLY:
                raise
            # A log left by a crash needs recovering, which a read-only connection cannot do:
            # reading through a writable one recovers it, as any start would.
            state = _read_state(path, "rw", immutable)
    except sqlite3.Error as exc:
        raise DatabaseFileError(path, _trouble_of(exc, path), str(exc)) from exc
    if state.revision is None and state.tables - {"alembic_version"}:
        raise DatabaseFileError(path, FileTrouble.NO_SCHEMA_VERSION)
    if writable and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        raise DatabaseFileError(path, FileTrouble.READ_ONLY)
    return state


def table_row_counts(connection: sqlite3.Connection, tables: frozenset[str]) -> dict[str, int]:
    """The number of rows of each table, read in full (a damaged page raises)."""
    return {
        table: int(connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
        for table in sorted(tables)
    }
