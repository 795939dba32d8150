"""Opening the database: migrations (after a backup), the engine and short sessions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ovop_desktop.db.engine import make_engine, make_session_factory
from ovop_desktop.db.migrate import MigrationResult, UnknownRevisionError, upgrade
from ovop_desktop.services.errors import StorageError


@dataclass
class Database:
    """An open database. Services take one and open a short session per use case."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    migration: MigrationResult | None = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits when the block ends normally and rolls back otherwise."""
        with self.sessions() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str, *, backups_dir: Path | None = None, migrate: bool = True) -> Database:
    """Open `url`, bringing its schema up to date first (SQLite files are backed up before)."""
    try:
        migration = upgrade(url, backups_dir=backups_dir) if migrate else None
    except UnknownRevisionError as exc:
        raise StorageError(
            "Basis data ini dibuat oleh versi OVOP Desktop yang lebih baru "
            f"(skema {exc.revision}). "
            "Perbarui aplikasi sebelum membukanya; data tidak diubah.",
            f"This database was made by a newer OVOP Desktop (schema {exc.revision}). "
            "Update the application before opening it; nothing was changed.",
        ) from exc
    except OperationalError as exc:
        raise StorageError(
            "Basis data tidak dapat dibuka atau diperbarui. Periksa apakah berkas atau server "
            f"basis data dapat diakses dan tidak dipakai program lain. ({exc.orig})",
            "The database could not be opened or upgraded. Check that the file or database "
            f"server is reachable and not in use by another program. ({exc.orig})",
        ) from exc
    engine = make_engine(url)
    return Database(
        url=url, engine=engine, sessions=make_session_factory(engine), migration=migration
    )
