"""Online backup copies of the SQLite database (SQLite's backup API: safe while it is in use)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from ovop_desktop.files import atomic_path

KEEP_AUTOMATIC_BACKUPS = 10
AUTOMATIC_PREFIX = "sebelum-migrasi-"


def backup_sqlite(database_file: Path, target: Path) -> Path:
    """Copy `database_file` to `target` consistently, writing a temporary file first."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(target) as partial:
        source = sqlite3.connect(f"file:{database_file}?mode=ro", uri=True)
        try:
            copy = sqlite3.connect(partial)
            try:
                source.backup(copy)
            finally:
                copy.close()
        finally:
            source.close()
    return target


def automatic_backup(database_file: Path, backups_dir: Path, label: str) -> Path:
    """A timestamped copy made before a migration; only the newest few are kept."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backups_dir / f"{AUTOMATIC_PREFIX}{stamp}-{label}.sqlite3"
    backup_sqlite(database_file, target)
    old = sorted(backups_dir.glob(f"{AUTOMATIC_PREFIX}*.sqlite3"))
    for stale in old[:-KEEP_AUTOMATIC_BACKUPS]:
        stale.unlink(missing_ok=True)
    return target
