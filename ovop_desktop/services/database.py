"""Opening the database: migrations (after a backup), the engine and short sessions.

A database that refuses after start-up (locked, read-only, full, damaged, gone) is expected
trouble, not a bug: every session and connection a service opens turns the driver's error into a
`StorageError` of the matching kind, read from the driver's error code (SQLite's result code,
PostgreSQL's SQLSTATE), never from its message. Other driver errors (a wrong query, a constraint)
stay as they are: they are bugs, or conflicts the caller handles.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, literal, select
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from ovop_desktop.db.backup import BackupError
from ovop_desktop.db.engine import make_engine, make_session_factory
from ovop_desktop.db.health import DatabaseFileError, inspect_database_file
from ovop_desktop.db.migrate import (
    MigrationResult,
    UnknownRevisionError,
    opened_read_only,
    sqlite_file,
    upgrade,
)
from ovop_desktop.services.broken_database import broken_database_error
from ovop_desktop.services.errors import StorageError, StorageKind, file_error

log = logging.getLogger(__name__)

# SQLite primary result codes (https://sqlite.org/rescode.html); extended codes carry the
# primary one in their low byte.
SQLITE_KINDS = {
    3: StorageKind.READ_ONLY,  # SQLITE_PERM
    5: StorageKind.LOCKED,  # SQLITE_BUSY
    6: StorageKind.LOCKED,  # SQLITE_LOCKED
    8: StorageKind.READ_ONLY,  # SQLITE_READONLY
    10: StorageKind.UNREACHABLE,  # SQLITE_IOERR
    11: StorageKind.CORRUPT,  # SQLITE_CORRUPT
    13: StorageKind.FULL,  # SQLITE_FULL
    14: StorageKind.UNREACHABLE,  # SQLITE_CANTOPEN
    15: StorageKind.LOCKED,  # SQLITE_PROTOCOL
    26: StorageKind.CORRUPT,  # SQLITE_NOTADB
}
# PostgreSQL SQLSTATEs, then whole classes (https://www.postgresql.org/docs/current/errcodes-appendix.html)
POSTGRES_KINDS = {
    "40001": StorageKind.LOCKED,  # serialization_failure
    "40P01": StorageKind.LOCKED,  # deadlock_detected
    "55P03": StorageKind.LOCKED,  # lock_not_available
    "25006": StorageKind.READ_ONLY,  # read_only_sql_transaction
    "42501": StorageKind.READ_ONLY,  # insufficient_privilege
    "XX001": StorageKind.CORRUPT,  # data_corrupted
    "XX002": StorageKind.CORRUPT,  # index_corrupted
}
POSTGRES_CLASSES = {
    "08": StorageKind.UNREACHABLE,  # connection exception
    "53": StorageKind.FULL,  # insufficient resources (disk full, out of memory)
    "57": StorageKind.UNREACHABLE,  # operator intervention (server shutting down)
    "58": StorageKind.UNREACHABLE,  # system error (I/O)
}

MESSAGES = {
    StorageKind.LOCKED: (
        "Basis data sedang dipakai program atau pengguna lain, sehingga pekerjaan ini belum "
        "dapat dilakukan. Tunggu sebentar lalu coba lagi; tutup OVOP Desktop lain yang membuka "
        "basis data yang sama.",
        "The database is in use by another program or person, so this could not be done yet. "
        "Wait a moment and try again; close any other OVOP Desktop that has the same database "
        "open.",
    ),
    StorageKind.READ_ONLY: (
        "Basis data hanya dapat dibaca: perubahan tidak dapat disimpan. Periksa izin tulis "
        "berkas basis data dan foldernya (atau hak pengguna di server), lalu coba lagi.",
        "The database is read-only: changes cannot be saved. Check the write permission of the "
        "database file and its folder (or the user's rights on the server), then try again.",
    ),
    StorageKind.FULL: (
        "Disk penuh: basis data tidak dapat menyimpan perubahan. Kosongkan ruang disk, lalu "
        "coba lagi.",
        "The disk is full: the database cannot save changes. Free some disk space, then try again.",
    ),
    StorageKind.CORRUPT: (
        "Berkas basis data rusak atau bukan basis data OVOP Desktop. Tutup aplikasi dan "
        "pulihkan dari cadangan (folder cadangan di folder data); jangan hapus berkasnya.",
        "The database file is damaged or not an OVOP Desktop database. Close the application "
        "and restore a backup (the backups folder in the data folder); do not delete the file.",
    ),
    StorageKind.UNREACHABLE: (
        "Basis data tidak dapat dijangkau: berkasnya hilang atau tidak dapat dibuka, atau "
        "server basis data tidak menjawab. Periksa berkas, flashdisk atau jaringannya, lalu "
        "coba lagi.",
        "The database cannot be reached: its file is missing or cannot be opened, or the "
        "database server does not answer. Check the file, the USB stick or the network, then "
        "try again.",
    ),
}


def storage_kind(error: DBAPIError) -> StorageKind | None:
    """What the driver's error says about the storage, or None when it is no storage trouble
    (a wrong query, a broken constraint: a bug or a conflict for the caller)."""
    original = error.orig
    code = getattr(original, "sqlite_errorcode", None)
    if isinstance(code, int):
        return SQLITE_KINDS.get(code & 0xFF)
    state = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
    if isinstance(state, str):
        return POSTGRES_KINDS.get(state) or POSTGRES_CLASSES.get(state[:2])
    if error.connection_invalidated or isinstance(error, OperationalError):
        # A server driver that could not connect (or lost the connection) gives no SQLSTATE.
        return StorageKind.UNREACHABLE
    return None


def storage_error(error: BaseException) -> StorageError | None:
    """`error` as a storage error a person can act on, or None when it is not one."""
    if isinstance(error, StorageError):
        return error
    if isinstance(error, OSError):
        return file_error(error)
    if not isinstance(error, DBAPIError):
        return None
    kind = storage_kind(error)
    if kind is None:
        return None
    message_id, message_en = MESSAGES[kind]
    detail = f" ({error.orig})" if error.orig is not None else ""
    return StorageError(message_id + detail, message_en + detail, kind=kind)


@contextmanager
def storage_errors() -> Iterator[None]:
    """Raise storage trouble met inside the block as a `StorageError` (the driver's error is
    its cause); anything else passes unchanged."""
    try:
        yield
    except (DBAPIError, OSError) as exc:
        error = storage_error(exc)
        if error is None:
            raise
        raise error from exc


@dataclass
class Database:
    """An open database. Services take one and open a short session per use case."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    migration: MigrationResult | None = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits when the block ends normally and rolls back otherwise.
        Storage trouble is raised as a `StorageError`."""
        with storage_errors(), self.sessions() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def raw_session(self) -> Iterator[Session]:
        """A session the caller commits or rolls back itself; storage trouble is raised as a
        `StorageError`, as in `session`."""
        with storage_errors(), self.sessions() as session:
            yield session

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection of the engine, for work below the ORM; storage trouble is raised as a
        `StorageError`, as in `session`."""
        with storage_errors(), self.engine.connect() as connection:
            yield connection

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def dispose(self) -> None:
        self.engine.dispose()


def refresh_statistics(db: Database) -> None:
    """After a bulk write (package imports, a region list), let PostgreSQL's planner know how
    many rows the tables now hold, and mark the pages written as all-visible.

    A province database filled by a batch of packages otherwise keeps no statistics until the
    autovacuum daemon comes round (a minute or more, or never on a busy server), and plans for
    tables of unknown size: the survey list's first screenful took 340 ms instead of 19 ms
    after 100 packages (10,000 surveys) until ANALYZE ran. ANALYZE reads a fixed sample of each
    table, so it costs the same after one package as after a thousand: run it once per batch,
    not per package.

    Only tables that hold rows are analysed. An empty table analysed is one the planner then
    believes empty, and the statements psycopg prepares on it keep the plans made for that:
    100 packages imported into a province whose record tables had been analysed empty took
    40 s instead of 19 s, each package slower than the one before.

    VACUUM comes with it: it marks the new pages all-visible, so that the ranking's reads of
    the levels (ix_assessment_levels_covering) are index-only scans rather than a visit to the
    table for each row. At 100,000 surveys (4 million levels) those reads took 3.1 s with
    ANALYZE alone and 2.3 s after VACUUM; from 10,000 to 100,000 surveys they grew 1.41×
    linear with ANALYZE alone, 1.11× after VACUUM. Autovacuum would come round to it too, later.

    SQLite plans without statistics unless ANALYZE was ever run (it was not: plans stay what the
    tests check), so nothing is done there."""
    if db.backend != "postgresql":
        return
    from ovop_desktop.db.models import Base  # every table of the schema

    try:
        with db.connect() as connection:
            # VACUUM runs outside a transaction only.
            connection = connection.execution_options(isolation_level="AUTOCOMMIT")
            name = connection.dialect.identifier_preparer.format_table
            filled = [
                name(table)
                for table in Base.metadata.sorted_tables
                if connection.execute(select(literal(1)).select_from(table).limit(1)).first()
            ]
            if filled:
                connection.exec_driver_sql("VACUUM (ANALYZE) " + ", ".join(filled))
    except (SQLAlchemyError, StorageError):  # what was written stands; only the plans may be slower
        log.warning("VACUUM (ANALYZE) after a bulk write failed", exc_info=True)


def open_database(url: str, *, backups_dir: Path | None = None, migrate: bool = True) -> Database:
    """Open `url`, bringing its schema up to date first (SQLite files are backed up before).

    A SQLite file that is broken (empty, truncated, no database, locked, read-only, without a
    schema version) is refused before anything writes to it, with a message naming it and the
    newest good backup."""
    try:
        if migrate:
            migration = upgrade(url, backups_dir=backups_dir)
        else:
            migration = None
            database_file = sqlite_file(url)
            if database_file is not None:
                inspect_database_file(database_file, writable=not opened_read_only(url))
    except DatabaseFileError as exc:
        raise broken_database_error(exc, backups_dir) from exc
    except BackupError as exc:
        raise StorageError(
            "Cadangan sebelum pembaruan basis data tidak utuh, jadi basis data tidak diperbarui "
            f"dan tidak diubah. Basis data mungkin rusak: jalankan 'ovop db check'. ({exc})",
            "The backup made before upgrading the database is not whole, so the database was "
            f"neither upgraded nor changed. It may be damaged: run 'ovop db check'. ({exc})",
            kind=StorageKind.CORRUPT,
        ) from exc
    except UnknownRevisionError as exc:
        raise StorageError(
            "Basis data ini dibuat oleh versi OVOP Desktop yang lebih baru "
            f"(skema {exc.revision}). "
            "Perbarui aplikasi sebelum membukanya; data tidak diubah.",
            f"This database was made by a newer OVOP Desktop (schema {exc.revision}). "
            "Update the application before opening it; nothing was changed.",
            kind=StorageKind.NEWER_SCHEMA,
        ) from exc
    except OperationalError as exc:
        raise StorageError(
            "Basis data tidak dapat dibuka atau diperbarui. Periksa apakah berkas atau server "
            f"basis data dapat diakses dan tidak dipakai program lain. ({exc.orig})",
            "The database could not be opened or upgraded. Check that the file or database "
            f"server is reachable and not in use by another program. ({exc.orig})",
            kind=storage_kind(exc) or StorageKind.UNREACHABLE,
        ) from exc
    except DBAPIError as exc:
        error = storage_error(exc)  # a file that is no database at all, say
        if error is None:
            raise
        raise error from exc
    engine = make_engine(url)
    return Database(
        url=url, engine=engine, sessions=make_session_factory(engine), migration=migration
    )
