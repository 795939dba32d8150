"""Every command on a broken database file ends with a plain message and status 1, never a
traceback, and leaves the file as it was; `ovop db check` names the damage."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ovop_desktop.cli import main
from ovop_desktop.db import engine as db_engine
from ovop_desktop.paths import AppPaths, resolve_paths
from tests.db.test_broken_databases import garbage, schema_less, truncated, zero_byte


@pytest.fixture
def home(tmp_path: Path, sqlite_template: Path) -> AppPaths:
    paths = resolve_paths(tmp_path / "home").ensure()
    shutil.copyfile(sqlite_template, paths.database_file)
    return paths


def _run(capsys: pytest.CaptureFixture[str], paths: AppPaths, *args: str) -> tuple[int, str]:
    code = main(["--home", str(paths.data_dir.parent), *args])
    out, err = capsys.readouterr()
    return code, out + err


@pytest.mark.parametrize("damage", [zero_byte, truncated, garbage, schema_less])
@pytest.mark.parametrize("command", [("surveys", "list"), ("db", "backup"), ("db", "upgrade")])
def test_a_command_on_a_broken_database_is_refused_in_plain_words(
    capsys: pytest.CaptureFixture[str],
    home: AppPaths,
    damage: Callable[[Path], None],
    command: tuple[str, ...],
) -> None:
    damage(home.database_file)
    before = hashlib.sha256(home.database_file.read_bytes()).hexdigest()
    code, output = _run(capsys, home, *command)
    assert code == 1
    assert "Traceback" not in output
    assert f"Galat: Berkas basis data {home.database_file}" in output
    assert hashlib.sha256(home.database_file.read_bytes()).hexdigest() == before


def test_a_locked_database_is_refused_in_plain_words(
    capsys: pytest.CaptureFixture[str], home: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db_engine, "SQLITE_BUSY_TIMEOUT_MS", 0)
    holder = sqlite3.connect(home.database_file, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO settings (key, value, updated_at) VALUES ('x', '1', '2026')")
    try:
        code, output = _run(capsys, home, "surveys", "list")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 1 and "Traceback" not in output
    assert "sedang dikunci program lain" in output


@pytest.mark.skipif(
    sys.platform == "win32", reason="chmod 0o444 is only the read-only attribute on Windows"
)
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes all")
def test_a_read_only_database_is_refused_in_plain_words(
    capsys: pytest.CaptureFixture[str], home: AppPaths
) -> None:
    home.database_file.chmod(0o444)
    try:
        code, output = _run(capsys, home, "surveys", "list")
    finally:
        home.database_file.chmod(0o644)
    assert code == 1 and "Traceback" not in output
    assert "hanya dapat dibaca" in output


def test_db_check_reports_tables_and_row_counts_of_a_whole_database(
    capsys: pytest.CaptureFixture[str], home: AppPaths
) -> None:
    code, output = _run(capsys, home, "db", "check")
    assert code == 0, output
    assert "Baris per tabel:" in output and "settings 0" in output
    assert "Hasil: baik" in output


def _drop_table(file: Path, table: str) -> None:
    connection = sqlite3.connect(file)
    with connection:
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.execute(f"DROP TABLE {table}")
    connection.close()


def _set_revision(file: Path, revision: str) -> None:
    connection = sqlite3.connect(file)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    connection.close()


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda file: _drop_table(file, "settings"), "Tabel hilang: settings"),
        (lambda file: _set_revision(file, "9999"), "Skema: 9999 tidak dikenal"),
        (schema_less, "alembic_version"),
        (truncated, "Berkas: RUSAK"),
        (zero_byte, "Berkas: RUSAK"),
    ],
)
def test_db_check_finds_damage_integrity_check_alone_misses(
    capsys: pytest.CaptureFixture[str],
    home: AppPaths,
    damage: Callable[[Path], None],
    words: str,
) -> None:
    damage(home.database_file)
    code, output = _run(capsys, home, "db", "check")
    assert code == 1 and "Traceback" not in output
    assert words in output and "Hasil: ada masalah" in output
