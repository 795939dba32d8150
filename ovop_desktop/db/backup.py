"""Online backup copies of the SQLite database (SQLite's backup API: safe while it is in use).

A copy counts as good only once it has been checked: it opens, `integrity_check` passes, it has
a schema revision, and every table holds the rows the database held when it was copied. Rotation
deletes good copies only beyond the newest few good ones, and a start that fails again on an
unchanged database reuses its copy instead of adding one: failed starts never push out the last
good backups.
"""

from __future__ import annotations

import errno
import hashlib
import os
import sqlite3
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from ovop_desktop.db.health import (
    DatabaseFileError,
    inspect_database_file,
    read_only_connection,
    table_row_counts,
)
from ovop_desktop.files import atomic_path
from ovop_desktop.paths import PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE

KEEP_AUTOMATIC_BACKUPS = 10
AUTOMATIC_PREFIX = "sebelum-migrasi-"


class BackupError(RuntimeError):
    """A backup copy turned out unusable; it was removed. `message_id` says so in Indonesian
    for the officer, `message_en` (also the exception's text) in English."""

    def __init__(self, message_id: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_id = message_id
        self.message_en = message_en


# What backup_problem may answer, in Indonesian too (an unexpected SQLite text stays as it is).
_PROBLEMS_ID = {
    "missing": "salinannya tidak ada",
    "the tables differ from the database": "tabel-tabelnya berbeda dari basis data",
    "row counts differ from the database": "jumlah baris tabelnya berbeda dari basis data",
}


def _tables(connection: sqlite3.Connection) -> frozenset[str]:
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
    return frozenset(str(row[0]) for row in rows if not str(row[0]).startswith("sqlite_"))


def backup_sqlite(database_file: Path, target: Path) -> Path:
    """Copy `database_file` to `target` consistently, writing a temporary file first; the copy
    is checked against the database before it takes its name (`BackupError` if it fails).

    A full disk raises `OSError` (ENOSPC) naming `target`, and leaves no file behind.
    The copy holds everything the database holds, so it is the user's alone (0600) wherever it
    goes, and a folder made for it is too (0700); an existing folder is left as it is."""
    target.parent.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)
    with atomic_path(target, mode=PRIVATE_FILE_MODE) as partial:
        source = read_only_connection(database_file)
        try:
            source.execute("BEGIN")  # the counts and the copy see the same snapshot
            expected = table_row_counts(source, _tables(source))
            copy = sqlite3.connect(partial)
            try:
                source.backup(copy)
                # A copy of a database in WAL mode is in WAL mode too: made self-contained, it
                # can be read (and checked) later without -wal and -shm files beside it.
                copy.execute("PRAGMA journal_mode=DELETE")
            except sqlite3.Error as exc:
                if exc.sqlite_errorcode & 0xFF != sqlite3.SQLITE_FULL:
                    raise
                # Only the copy grows: its disk is full, said as any other file would say it.
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target)) from exc
            finally:
                copy.close()
            source.execute("COMMIT")
        finally:
            source.close()
        problem = backup_problem(partial, expected)
        if problem is not None:
            raise BackupError(
                f"Salinan cadangan {target} tidak sama dengan basis data {database_file} "
                f"({_PROBLEMS_ID.get(problem, problem)}), jadi salinan itu dihapus dan tidak ada "
                "cadangan yang dibuat.",
                f"The backup copy {target} does not match the database {database_file} "
                f"({problem}), so it was removed and no backup was made.",
            )
    return target


def backup_problem(copy: Path, expected: dict[str, int] | None = None) -> str | None:
    """Why the backup file `copy` is no good backup, or None when it is: it opens, its
    integrity check passes, it has a schema revision and (when given) the expected row counts."""
    try:
        state = inspect_database_file(copy, writable=False, immutable=True)
        if state is None:
            return "missing"
        connection = read_only_connection(copy, immutable=True)
        try:
            integrity = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
            counts = table_row_counts(connection, _tables(connection))
        finally:
            connection.close()
    except DatabaseFileError as exc:
        return str(exc.trouble)
    except (sqlite3.Error, OSError) as exc:
        return str(exc)
    if integrity != ["ok"]:
        return "integrity check: " + "; ".join(integrity[:3])
    if expected is not None and set(counts) != set(expected):
        return "the tables differ from the database"
    if expected is not None and counts != expected:
        return "row counts differ from the database"
    return None


def is_good_backup(copy: Path) -> bool:
    """A quick look (no integrity check): opens, whole, with a schema revision."""
    try:
        state = inspect_database_file(copy, writable=False, immutable=True)
    except DatabaseFileError:
        return False
    return state is not None and state.revision is not None


def newest_good_backup(backups_dir: Path) -> Path | None:
    """The newest backup in `backups_dir` (automatic or made by hand) that looks good."""
    if not backups_dir.is_dir():
        return None
    copies = sorted(backups_dir.glob("*.sqlite3"), key=lambda p: p.stat().st_mtime, reverse=True)
    return next((copy for copy in copies if is_good_backup(copy)), None)


def _digest(file: Path) -> str:
    digest = hashlib.sha256()
    with file.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _automatic(backups_dir: Path) -> list[Path]:
    return sorted(backups_dir.glob(f"{AUTOMATIC_PREFIX}*.sqlite3"))


def automatic_backup(database_file: Path, backups_dir: Path, label: str) -> Path:
    """A checked, timestamped copy made before a migration. A copy identical to the newest one
    (a start that failed before on the same database) is not kept twice; only the newest few
    good copies are kept, and copies that are no good never count towards them."""
    earlier = _automatic(backups_dir) if backups_dir.is_dir() else []
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backups_dir / f"{AUTOMATIC_PREFIX}{stamp}-{label}.sqlite3"
    backup_sqlite(database_file, target)
    same_label = bool(earlier) and earlier[-1].name.endswith(f"-{label}.sqlite3")
    if same_label and _digest(earlier[-1]) == _digest(target):
        target.unlink()
        return earlier[-1]
    _rotate(_automatic(backups_dir))
    return target


def _rotate(copies: Iterable[Path]) -> None:
    good = [copy for copy in copies if is_good_backup(copy)]
    for stale in good[:-KEEP_AUTOMATIC_BACKUPS]:
        stale.unlink(missing_ok=True)
