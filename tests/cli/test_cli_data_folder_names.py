"""A data folder may be called anything Windows and Linux allow (`#`, `%25`, `?`, spaces,
accents): the database, `ovop db backup` and the backup made before a migration all use the
file in that folder, and a backup holds what the database holds."""

from __future__ import annotations

import sqlite3
from pathlib import Path, PureWindowsPath

import pytest

from ovop_desktop.cli import main
from ovop_desktop.db import backup
from ovop_desktop.db.migrate import sqlite_file, upgrade
from ovop_desktop.paths import (
    resolve_paths,
    sqlite_file_uri,
    sqlite_uri_path,
    sqlite_url,
)
from tests.conftest import FIXTURES

FOLDER_NAMES = ["a#b", "x%25y", "q?r", "dua kata", "Désa Ñ★"]


def _counts(database: Path) -> dict[str, int]:
    """Every table's row count, read by opening the file by its name (no URI involved)."""
    connection = sqlite3.connect(database)
    try:
        tables = [
            str(row[0])
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            if not str(row[0]).startswith("sqlite_")
        ]
        return {t: connection.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        connection.close()


def _files(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("name", FOLDER_NAMES)
def test_db_backup_in_an_oddly_named_data_folder_holds_the_database(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / name
    csv = str(FIXTURES / "wilayah-contoh.csv")
    assert main(["--home", str(home), "regions", "import", csv]) == 0
    database = home / "data" / "ovop.sqlite3"
    assert database.is_file()
    # Nothing was made beside the data folder (a `q?r` folder once gave a database named `q`).
    assert {p.name for p in tmp_path.iterdir()} == {name}
    capsys.readouterr()

    assert main(["--home", str(home), "db", "backup"]) == 0
    copies = list((home / "data" / "cadangan").glob("*.sqlite3"))
    assert len(copies) == 1, capsys.readouterr()
    counts = _counts(database)
    assert counts["regions"] > 0
    assert _counts(copies[0]) == counts


@pytest.mark.parametrize("name", ["a#b", "x%25y"])
def test_the_backup_before_a_migration_in_an_oddly_named_folder_holds_the_old_rows(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = resolve_paths(tmp_path / name).ensure()
    upgrade(paths.database_url, target="0001")
    with sqlite3.connect(paths.database_file) as connection:
        connection.execute("INSERT INTO settings (key, value, updated_at) VALUES ('k', 'v', 'x')")
    connection.close()
    before = _counts(paths.database_file)

    assert main(["--home", str(tmp_path / name), "rubrics", "list"]) == 0  # opens, so migrates
    copies = list(paths.backups_dir.glob(f"{backup.AUTOMATIC_PREFIX}*.sqlite3"))
    assert len(copies) == 1, capsys.readouterr()
    assert _counts(copies[0]) == before
    assert _counts(copies[0])["settings"] == 1


def test_a_backup_that_differs_from_the_database_is_an_error_in_indonesian_and_removed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "a#b"
    csv = str(FIXTURES / "wilayah-contoh.csv")
    assert main(["--home", str(home), "regions", "import", csv]) == 0
    capsys.readouterr()
    real = backup.table_row_counts
    calls: list[int] = []

    def counted(connection: sqlite3.Connection, tables: frozenset[str]) -> dict[str, int]:
        # The database is counted first (what the copy must hold), the copy second.
        counts = real(connection, tables)
        calls.append(1)
        return {**counts, "regions": counts["regions"] + 1} if len(calls) == 1 else counts

    monkeypatch.setattr(backup, "table_row_counts", counted)
    assert main(["--home", str(home), "db", "backup"]) == 1
    err = capsys.readouterr().err
    assert "jumlah baris tabelnya berbeda dari basis data" in err
    assert "row counts differ" in err
    assert "Traceback" not in err
    assert list((home / "data" / "cadangan").glob("*")) == []


@pytest.mark.parametrize("name", FOLDER_NAMES)
def test_a_read_only_url_names_the_same_file(tmp_path: Path, name: str) -> None:
    database = tmp_path / name / "ovop.sqlite3"
    database.parent.mkdir()
    sqlite3.connect(database).close()
    assert sqlite_file(sqlite_url(database)) == database
    assert sqlite_file(sqlite_url(database, read_only=True)) == database
    assert sqlite_uri_path(sqlite_file_uri(database, mode="ro")) == database
    sqlite3.connect(sqlite_file_uri(database, mode="ro"), uri=True).close()  # no new file
    assert _files(tmp_path) == {database}


def test_windows_paths_become_uris_sqlite_accepts() -> None:
    drive = PureWindowsPath(r"C:\Users\Budi #1\OVOP\ovop.sqlite3")
    assert sqlite_file_uri(drive, mode="ro") == (
        "file:///C:/Users/Budi%20%231/OVOP/ovop.sqlite3?mode=ro"
    )
    share = PureWindowsPath(r"\\kantor\data\ovop.sqlite3")
    assert sqlite_file_uri(share) == "file:////kantor/data/ovop.sqlite3"
