"""A database that refuses after start-up is a typed storage error with a plain message, read
from the driver's error code; a wrong query or a broken constraint stays what it is."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

from ovop_desktop.db import engine as db_engine
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database, open_database, storage_error
from ovop_desktop.services.errors import StorageError, StorageKind

WRITE = text("INSERT INTO settings (key, value, updated_at) VALUES ('probe', '1', '2026-01-01')")


@pytest.fixture
def backend() -> str:
    """Breaking a database file is a SQLite matter; the mapping of PostgreSQL's codes is
    checked below without a server."""
    return "sqlite"


def _sidecars(file: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{file}{suffix}").unlink(missing_ok=True)


def _refusal(db: Database, statement: object = WRITE) -> StorageError:
    with pytest.raises(StorageError) as caught, db.session() as session:
        session.execute(statement)  # type: ignore[call-overload]
    return caught.value


def test_a_file_that_is_no_database_is_reported_as_damaged(
    empty_db: Database, app_paths: AppPaths
) -> None:
    empty_db.dispose()
    app_paths.database_file.write_bytes(b"not a database " * 512)
    _sidecars(app_paths.database_file)
    error = _refusal(empty_db, text("SELECT count(*) FROM settings"))
    assert error.kind is StorageKind.CORRUPT
    assert "restore a backup" in error.message_en
    assert "cadangan" in error.message_id
    assert isinstance(error.__cause__, Exception) and not error.transient


def test_a_read_only_database_refuses_a_write_in_plain_words(
    empty_db: Database, app_paths: AppPaths
) -> None:
    empty_db.dispose()
    read_only = open_database(
        f"sqlite:///file:{app_paths.database_file}?mode=ro&uri=true", migrate=False
    )
    try:
        error = _refusal(read_only)
    finally:
        read_only.dispose()
    assert error.kind is StorageKind.READ_ONLY
    assert error.message_en.startswith("The database is read-only")


def test_a_locked_database_is_transient(
    empty_db: Database, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db_engine, "SQLITE_BUSY_TIMEOUT_MS", 0)
    other = open_database(app_paths.database_url, migrate=False)
    try:
        with other.connect() as holder:
            holder.execute(WRITE)  # another program holds the write lock, uncommitted
            empty_db.dispose()  # fresh connections, without a busy timeout
            error = _refusal(empty_db)
            holder.rollback()
    finally:
        other.dispose()
    assert error.kind is StorageKind.LOCKED
    assert error.transient
    assert "try again" in error.message_en


def test_a_database_path_that_is_a_folder_is_unreachable(
    empty_db: Database, app_paths: AppPaths
) -> None:
    empty_db.dispose()
    app_paths.database_file.unlink()
    _sidecars(app_paths.database_file)
    app_paths.database_file.mkdir()
    try:
        error = _refusal(empty_db, text("SELECT 1 FROM settings"))
    finally:
        shutil.rmtree(app_paths.database_file)
    assert error.kind is StorageKind.UNREACHABLE


def test_connections_below_the_orm_are_typed_as_well(
    empty_db: Database, app_paths: AppPaths
) -> None:
    empty_db.dispose()
    app_paths.database_file.write_bytes(b"\0" * 4096 + b"garbage" * 100)
    _sidecars(app_paths.database_file)
    with pytest.raises(StorageError) as caught, empty_db.connect() as connection:
        connection.execute(text("SELECT count(*) FROM settings"))
    assert caught.value.kind is StorageKind.CORRUPT


def test_a_wrong_query_is_a_bug_not_a_storage_error(empty_db: Database) -> None:
    with pytest.raises(OperationalError), empty_db.session() as session:
        session.execute(text("SELECT * FROM no_such_table"))


def test_a_broken_constraint_stays_an_integrity_error(empty_db: Database) -> None:
    with pytest.raises(IntegrityError), empty_db.session() as session:
        session.execute(WRITE)
        session.execute(WRITE)


def test_a_full_disk_met_inside_a_session_names_the_file(empty_db: Database) -> None:
    with pytest.raises(StorageError) as caught, empty_db.session():
        raise OSError(errno.ENOSPC, "No space left on device", "/data/foto/a.jpg")
    assert caught.value.kind is StorageKind.FULL
    assert "/data/foto/a.jpg" in caught.value.message_en


class _PostgresError(Exception):
    def __init__(self, sqlstate: str | None) -> None:
        super().__init__(f"server said {sqlstate}")
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("sqlstate", "kind"),
    [
        ("40001", StorageKind.LOCKED),  # serialization failure
        ("40P01", StorageKind.LOCKED),  # deadlock
        ("25006", StorageKind.READ_ONLY),  # read-only transaction
        ("53100", StorageKind.FULL),  # disk full
        ("08006", StorageKind.UNREACHABLE),  # connection failure
        ("57P01", StorageKind.UNREACHABLE),  # server shutting down
        ("XX001", StorageKind.CORRUPT),  # data corrupted
        (None, StorageKind.UNREACHABLE),  # could not connect at all: no SQLSTATE
    ],
)
def test_postgresql_states_map_to_their_kind(sqlstate: str | None, kind: StorageKind) -> None:
    error = storage_error(OperationalError("SELECT 1", {}, _PostgresError(sqlstate)))
    assert error is not None
    assert error.kind is kind
    assert error.transient is (kind is StorageKind.LOCKED)


@pytest.mark.parametrize(
    "error",
    [
        IntegrityError("INSERT", {}, _PostgresError("23505")),  # unique violation: retried
        ProgrammingError("SELECT", {}, _PostgresError("42P01")),  # undefined table: a bug
        ZeroDivisionError("a bug"),
    ],
)
def test_other_errors_are_no_storage_errors(error: Exception) -> None:
    assert storage_error(error) is None
