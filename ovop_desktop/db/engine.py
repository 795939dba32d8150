"""Engines and sessions: SQLite (the officer's laptop) by default, PostgreSQL by URL.

SQLite gets the settings a laptop on battery needs (WAL, foreign keys, a busy timeout and
synchronous=FULL) and real transactions: the sqlite3 module neither begins a transaction before
DDL nor lets SAVEPOINT work unless SQLAlchemy emits BEGIN itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from ovop_desktop.db import ownership  # noqa: F401  (registers the owner of new records)
from ovop_desktop.db.base import SyncRecord, utc_now
from ovop_desktop.db.survey_models import Assessment, AssessmentLevel
from ovop_desktop.paths import make_private_file

SQLITE_BUSY_TIMEOUT_MS = 10_000

# Session.info key: set by the exchange import, which writes revisions as they arrive.
KEEP_REVISIONS = "keep_revisions"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(url: str, *, foreign_keys: bool = True, **kwargs: Any) -> Engine:
    """An engine for `url`. `foreign_keys=False` is for migrations only (see migrate.py)."""
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, foreign_keys=foreign_keys)
    return engine


def _sqlite_file(engine: Engine) -> Path | None:
    """The database file of a SQLite engine; None in memory or for a `file:` URI."""
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def _configure_sqlite(engine: Engine, *, foreign_keys: bool) -> None:
    database_file = _sqlite_file(engine)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        if database_file is not None:
            # Every officer's NIP and phone number is in here: the file is the user's alone,
            # whatever the umask made of it. The connection has just created a new file (empty)
            # and no -wal or -shm file exists yet: SQLite gives those the database file's mode,
            # so they follow. Files an older version left wider are tightened too.
            for path in (
                database_file,
                database_file.with_name(database_file.name + "-wal"),
                database_file.with_name(database_file.name + "-shm"),
            ):
                make_private_file(path)
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself, below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@event.listens_for(Session, "before_flush")
def _bump_revisions(session: Session, _context: Any, _instances: Any) -> None:
    """Every saved change to a travelling record raises its revision and updated_at; the first
    change after an exchange records the exchanged revision as its base.

    A change to an assessment's levels is a change to the assessment.
    """
    if session.info.get(KEEP_REVISIONS):
        return
    changed: set[SyncRecord] = set()
    for obj in session.dirty:
        if isinstance(obj, SyncRecord) and session.is_modified(obj, include_collections=False):
            changed.add(obj)
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, AssessmentLevel):
            parent = obj.assessment
            if isinstance(parent, Assessment) and parent not in session.new:
                changed.add(parent)
    now = utc_now()
    for record in changed:
        if record.exchanged:  # others have this version: the edit is based on it
            record.base_revision = record.revision
            record.exchanged = False
        record.revision = (record.revision or 0) + 1
        record.updated_at = now
