"""A broken database file is named and left alone: each kind is refused by open_database with a
plain message that says what to do, and nothing is written to it."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ovop_desktop.db import engine as db_engine
from ovop_desktop.db.backup import AUTOMATIC_PREFIX, KEEP_AUTOMATIC_BACKUPS, backup_sqlite
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import open_database
from ovop_desktop.services.errors import StorageError, StorageKind

Break = Callable[[Path], None]


def _digest(file: Path) -> str:
    return hashlib.sha256(file.read_bytes()).hexdigest()


def zero_byte(file: Path) -> None:
    file.write_bytes(b"")


def truncated(file: Path) -> None:
    data = file.read_bytes()
    file.write_bytes(data[: len(data) // 2])


def garbage(file: Path) -> None:
    file.write_bytes(os.urandom(file.stat().st_size))


def schema_less(file: Path) -> None:
    connection = sqlite3.connect(file)
    with connection:
        connection.execute("DROP TABLE alembic_version")
    connection.close()


@pytest.fixture
def genuine(sqlite_template: Path, app_paths: AppPaths) -> Path:
    """A whole database at the newest schema in the data folder, and a good backup of it."""
    shutil.copyfile(sqlite_template, app_paths.database_file)
    backup_sqlite(app_paths.database_file, app_paths.backups_dir / "ovop-20260101-000000.sqlite3")
    return app_paths.database_file


def _refusal(paths: AppPaths) -> StorageError:
    with pytest.raises(StorageError) as caught:
        open_database(paths.database_url, backups_dir=paths.backups_dir).dispose()
    return caught.value


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (zero_byte, "empty (0 bytes)"),
        (truncated, "damaged"),
        (garbage, "no SQLite database"),
        (schema_less, "alembic_version table is missing"),
    ],
)
def test_a_damaged_database_is_named_untouched_with_the_newest_good_backup(
    genuine: Path, app_paths: AppPaths, damage: Break, words: str
) -> None:
    damage(genuine)
    before = _digest(genuine)
    error = _refusal(app_paths)
    assert error.kind is StorageKind.CORRUPT
    assert words in error.message_en
    assert str(genuine) in error.message_en and str(genuine) in error.message_id
    newest = app_paths.backups_dir / "ovop-20260101-000000.sqlite3"
    assert f"newest good backup {newest}" in error.message_en
    assert "cadangan" in error.message_id
    assert _digest(genuine) == before  # never written to
    assert sorted(p.name for p in app_paths.backups_dir.iterdir()) == [newest.name]


def test_a_missing_database_is_a_first_start_and_is_made(app_paths: AppPaths) -> None:
    open_database(app_paths.database_url, backups_dir=app_paths.backups_dir).dispose()
    assert app_paths.database_file.stat().st_size > 0


def test_a_damaged_database_without_backups_says_there_is_none(app_paths: AppPaths) -> None:
    app_paths.database_file.write_bytes(b"")
    error = _refusal(app_paths)
    assert f"There is no good backup in {app_paths.backups_dir}" in error.message_en
    assert app_paths.database_file.stat().st_size == 0


@pytest.fixture
def exclusive_lock(genuine: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Another program holds the file with an exclusive lock (and no busy wait here)."""
    monkeypatch.setattr(db_engine, "SQLITE_BUSY_TIMEOUT_MS", 0)
    holder = sqlite3.connect(genuine, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO settings (key, value, updated_at) VALUES ('x', '1', '2026')")
    yield
    holder.execute("ROLLBACK")
    holder.close()


@pytest.mark.usefixtures("exclusive_lock")
def test_a_locked_database_is_named_and_says_to_close_the_other_program(
    genuine: Path, app_paths: AppPaths
) -> None:
    error = _refusal(app_paths)
    assert error.kind is StorageKind.LOCKED and error.transient
    assert str(genuine) in error.message_en
    assert "Close the other program" in error.message_en
    assert "open it read-only" in error.message_en


@pytest.mark.skipif(
    sys.platform == "win32", reason="chmod 0o444 is only the read-only attribute on Windows"
)
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes all")
def test_a_read_only_database_is_named_and_not_opened_for_writing(
    genuine: Path, app_paths: AppPaths
) -> None:
    before = _digest(genuine)
    genuine.chmod(0o444)
    try:
        error = _refusal(app_paths)
    finally:
        genuine.chmod(0o644)
    assert error.kind is StorageKind.READ_ONLY
    assert str(genuine) in error.message_en and "open it read-only" in error.message_en
    assert _digest(genuine) == before


def test_the_read_only_way_the_message_names_opens_the_database(
    genuine: Path, app_paths: AppPaths
) -> None:
    url = f"sqlite:///file:{genuine}?mode=ro&uri=true"
    db = open_database(url, backups_dir=app_paths.backups_dir)
    db.dispose()


def _automatic(paths: AppPaths) -> list[Path]:
    return sorted(paths.backups_dir.glob(f"{AUTOMATIC_PREFIX}*.sqlite3"))


def test_ten_failed_starts_on_a_schema_less_database_keep_the_genuine_backups(
    genuine: Path, app_paths: AppPaths
) -> None:
    app_paths.backups_dir.mkdir(exist_ok=True)
    older = []
    for number in range(3):
        copy = app_paths.backups_dir / f"{AUTOMATIC_PREFIX}2026010{number}-000000-0-0003.sqlite3"
        shutil.copyfile(genuine, copy)
        older.append(copy)
    schema_less(genuine)
    for _ in range(KEEP_AUTOMATIC_BACKUPS):
        _refusal(app_paths)
    assert _automatic(app_paths) == older
    assert all(copy.exists() and copy.stat().st_size > 0 for copy in older)
