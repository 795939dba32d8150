"""Database upkeep: backup copies and consistency checks."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import text

from ovop_desktop.db.backup import backup_sqlite
from ovop_desktop.db.health import (
    DatabaseFileError,
    inspect_database_file,
    read_only_connection,
    table_row_counts,
)
from ovop_desktop.db.migrate import current_revision, head_revision, known_revisions, sqlite_file
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.broken_database import broken_database_error
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import StorageError


def backup_database(db: Database, paths: AppPaths, target: Path | None = None) -> Path:
    """Copy the SQLite database while it is in use (SQLite's online backup API)."""
    database_file = sqlite_file(db.url)
    if database_file is None:
        raise StorageError(
            "Cadangan dari aplikasi hanya untuk basis data SQLite. Untuk PostgreSQL gunakan "
            "pg_dump di server.",
            "Backups from the application are for SQLite only. For PostgreSQL use pg_dump "
            "on the server.",
        )
    if target is None:
        target = paths.backups_dir / f"ovop-{datetime.now():%Y%m%d-%H%M%S}.sqlite3"
    if target.exists():
        raise StorageError(
            f"Berkas {target} sudah ada; pilih nama lain agar tidak tertimpa.",
            f"{target} already exists; choose another name so that nothing is overwritten.",
        )
    return backup_sqlite(database_file, target)


def _integrity_lines(integrity: list[str], broken: Sequence[object], lines: list[str]) -> bool:
    """Report SQLite's integrity_check and foreign_key_check results; True when both are clean."""
    whole = integrity == ["ok"]
    lines.append(
        "Keutuhan berkas: baik" if whole else "Keutuhan berkas: RUSAK: " + "; ".join(integrity[:5])
    )
    lines.append(
        f"Rujukan antartabel: {len(broken)} rujukan rusak" if broken else "Rujukan antartabel: baik"
    )
    return whole and not broken


@dataclass(frozen=True)
class CheckReport:
    ok: bool
    lines: tuple[str, ...]


def check_database(db: Database) -> CheckReport:
    lines = [f"Basis data: {db.backend}"]
    ok = True
    current, head = current_revision(db.engine), head_revision()
    if current == head:
        lines.append(f"Skema: {current} (terbaru)")
    else:
        ok = False
        lines.append(f"Skema: {current}, seharusnya {head}: jalankan 'ovop db upgrade'")
    if db.backend == "sqlite":
        with db.connect() as connection:
            integrity = [row[0] for row in connection.execute(text("PRAGMA integrity_check"))]
            broken = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
        ok = _integrity_lines(integrity, broken, lines) and ok
    lines.append("Hasil: baik" if ok else "Hasil: ada masalah")
    return CheckReport(ok, tuple(lines))


def check_sqlite_file(database_file: Path, backups_dir: Path) -> CheckReport:
    """Check a SQLite file without opening it for writing: whole and ours (header, length,
    schema revision known), every table of the schema there and each one readable to the end
    (its rows counted), `integrity_check` and `foreign_key_check` clean. Finds damage that
    `integrity_check` alone misses, and works on a file the application refuses to open."""
    from ovop_desktop.db.models import Base

    lines = [f"Basis data: sqlite ({database_file})"]
    try:
        state = inspect_database_file(database_file, writable=False)
    except DatabaseFileError as exc:
        error = broken_database_error(exc, backups_dir)
        return CheckReport(
            False, (*lines, f"Berkas: RUSAK: {error.message_id}", "Hasil: ada masalah")
        )
    if state is None:
        return CheckReport(False, (*lines, "Berkas: tidak ada", "Hasil: ada masalah"))
    ok = True
    head = head_revision()
    if state.revision == head:
        lines.append(f"Skema: {state.revision} (terbaru)")
    elif state.revision is None:
        lines.append("Skema: basis data kosong: dibuat pada awal berikutnya")
    elif state.revision in known_revisions():
        ok = False
        lines.append(f"Skema: {state.revision}, seharusnya {head}: jalankan 'ovop db upgrade'")
    else:
        ok = False
        lines.append(f"Skema: {state.revision} tidak dikenal (versi aplikasi yang lebih baru?)")
    if state.revision is not None:
        missing = sorted(set(Base.metadata.tables) - state.tables)
        if missing:
            ok = False
            lines.append("Tabel hilang: " + ", ".join(missing))
    connection = read_only_connection(database_file)
    try:
        counts: dict[str, int] = {}
        for table in sorted(state.tables):
            try:
                counts.update(table_row_counts(connection, frozenset({table})))
                for _row in connection.execute(f'SELECT * FROM "{table}"'):
                    pass  # every page of the table read, not only its count
            except sqlite3.Error as exc:
                ok = False
                lines.append(f"Tabel {table}: TIDAK TERBACA ({exc})")
        integrity = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.Error as exc:
        ok = False
        integrity, broken = [str(exc)], []
    finally:
        connection.close()
    lines.append("Baris per tabel: " + ", ".join(f"{t} {n}" for t, n in counts.items()))
    ok = _integrity_lines(integrity, broken, lines) and ok
    lines.append("Hasil: baik" if ok else "Hasil: ada masalah")
    return CheckReport(ok, tuple(lines))
