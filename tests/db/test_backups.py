"""Automatic backups are checked before they count, and failed starts do not multiply them."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from ovop_desktop.db import backup
from ovop_desktop.db.backup import AUTOMATIC_PREFIX, automatic_backup, backup_problem


@pytest.fixture
def database(sqlite_template: Path, tmp_path: Path) -> Path:
    file = tmp_path / "ovop.sqlite3"
    shutil.copyfile(sqlite_template, file)
    return file


def test_a_start_that_fails_again_on_the_same_database_reuses_its_backup(
    database: Path, tmp_path: Path
) -> None:
    first = automatic_backup(database, tmp_path / "cadangan", "0003")
    again = automatic_backup(database, tmp_path / "cadangan", "0003")
    assert again == first
    assert list((tmp_path / "cadangan").iterdir()) == [first]


def test_a_changed_database_gets_a_new_backup(database: Path, tmp_path: Path) -> None:
    first = automatic_backup(database, tmp_path / "cadangan", "0003")
    with sqlite3.connect(database) as connection:
        connection.execute("INSERT INTO settings (key, value, updated_at) VALUES ('a', '1', 'x')")
    second = automatic_backup(database, tmp_path / "cadangan", "0003")
    assert second != first and first.exists() and second.exists()


def test_a_backup_copy_is_whole_and_self_contained(database: Path, tmp_path: Path) -> None:
    copy = automatic_backup(database, tmp_path / "cadangan", "0003")
    assert backup_problem(copy) is None
    assert sorted(p.name for p in copy.parent.iterdir()) == [copy.name]  # no -wal, no -shm


def test_rotation_keeps_the_newest_good_backups_and_ignores_bad_ones(
    database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup, "KEEP_AUTOMATIC_BACKUPS", 2)
    folder = tmp_path / "cadangan"
    folder.mkdir()
    good = folder / f"{AUTOMATIC_PREFIX}20260101-000000-0-0003.sqlite3"
    shutil.copyfile(database, good)
    for number in range(3):  # copies of no use (empty files) do not push a good one out
        (folder / f"{AUTOMATIC_PREFIX}2026020{number}-000000-0-kosong.sqlite3").write_bytes(b"")
    newest = automatic_backup(database, folder, "0004")
    assert good.exists() and newest.exists()


def test_a_backup_that_does_not_hold_the_rows_of_the_database_is_not_kept(
    database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup, "backup_problem", lambda copy, expected=None: "row counts differ")
    with pytest.raises(backup.BackupError):
        automatic_backup(database, tmp_path / "cadangan", "0003")
    assert list((tmp_path / "cadangan").iterdir()) == []
