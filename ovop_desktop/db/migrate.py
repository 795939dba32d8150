"""Schema migrations, run in code at start-up after a backup copy of the SQLite file.

On SQLite, migrations run with foreign keys off (batch migrations copy and drop tables, which
would fire cascades) and `PRAGMA foreign_key_check` must come back empty before the commit.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.pool import NullPool

from ovop_desktop.db.backup import automatic_backup
from ovop_desktop.db.engine import make_engine
from ovop_desktop.db.health import inspect_database_file
from ovop_desktop.db.revision import HEAD_REVISION
from ovop_desktop.paths import sqlite_uri_path

if TYPE_CHECKING:
    from alembic.config import Config


def _migrations_dir() -> Path:
    """Alembic's scripts, which it reads as files: beside this module (source tree, wheel), or
    in a frozen bundle under `sys._MEIPASS` at the same relative place (packaging/ovop.spec
    copies them there as data, since a frozen module's own folder may not exist on disk)."""
    here = Path(__file__).resolve().parent / "migrations"
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root and not (here / "env.py").is_file():
        return Path(frozen_root, "ovop_desktop", "db", "migrations")
    return here


MIGRATIONS_DIR = _migrations_dir()


class MigrationError(RuntimeError):
    """A migration left the database inconsistent; it was rolled back."""


class UnknownRevisionError(MigrationError):
    """The database was made by a newer version of the application."""

    def __init__(self, revision: str) -> None:
        super().__init__(f"database revision {revision} is unknown to this version")
        self.revision = revision


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise MigrationError("no migrations found")
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    return {script.revision for script in scripts.walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The revision stored in the database (None for an empty one), read without Alembic."""
    with engine.connect() as connection:
        try:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
        except (OperationalError, ProgrammingError):
            return None
    return str(rows[0][0]) if rows else None


def sqlite_file(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    if parsed.query.get("uri") == "true" and parsed.database.startswith("file:"):
        return sqlite_uri_path(parsed.database)
    return Path(parsed.database)


def opened_read_only(url: str) -> bool:
    """A SQLite URL that asks for the file read-only (`file:…?mode=ro&uri=true`)."""
    parsed = make_url(url)
    return parsed.get_backend_name() == "sqlite" and parsed.query.get("mode") == "ro"


def upgrade(url: str, *, backups_dir: Path | None = None, target: str = "head") -> MigrationResult:
    """Bring the database at `url` to `target`, backing up a SQLite file that has data first.

    A SQLite file is looked at before anything opens it for writing: a broken one raises
    `DatabaseFileError` untouched (and no backup of it is made)."""
    database_file = sqlite_file(url)
    if database_file is not None:
        inspect_database_file(database_file, writable=not opened_read_only(url))
    engine = make_engine(url, foreign_keys=False, poolclass=NullPool)
    try:
        before = current_revision(engine)
        if target == "head" and before == HEAD_REVISION:
            return MigrationResult(before, before, None)
        wanted = head_revision() if target == "head" else target
        if before is not None and before not in known_revisions():
            raise UnknownRevisionError(before)
        if before == wanted:
            return MigrationResult(before, wanted, None)
        backup = None
        if backups_dir is not None and database_file is not None and _has_tables(engine):
            backup = automatic_backup(database_file, backups_dir, before or "kosong")
        _run_upgrade(engine, target)
        return MigrationResult(before, current_revision(engine) or wanted, backup)
    finally:
        engine.dispose()


def _has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())


def _run_upgrade(engine: Engine, target: str) -> None:
    from alembic import command

    config = alembic_config()
    with engine.connect() as connection, connection.begin() as transaction:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
        if connection.dialect.name == "sqlite":
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                transaction.rollback()
                raise MigrationError(f"foreign key check failed after migration: {broken[:5]}")
