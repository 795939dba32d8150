"""Database upkeep: backup copies and consistency checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import text

from ovop_desktop.db.backup import backup_sqlite
from ovop_desktop.db.migrate import current_revision, head_revision, sqlite_file
from ovop_desktop.paths import AppPaths
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
        if integrity == ["ok"]:
            lines.append("Keutuhan berkas: baik")
        else:
            ok = False
            lines.append("Keutuhan berkas: RUSAK: " + "; ".join(integrity[:5]))
        if broken:
            ok = False
            lines.append(f"Rujukan antartabel: {len(broken)} rujukan rusak")
        else:
            lines.append("Rujukan antartabel: baik")
    lines.append("Hasil: baik" if ok else "Hasil: ada masalah")
    return CheckReport(ok, tuple(lines))
