"""Whether this database is the province office's: then the application shows the province
places (dashboard, review, designation) beside the officer's ones.

A setting, chosen in Pengaturan. Until someone chooses, a database on a server (PostgreSQL) or
one that has imported officers' packages is taken to be the province's.
"""

from __future__ import annotations

from sqlalchemy import exists, select

from ovop_desktop.db.models import ImportLogEntry
from ovop_desktop.services.database import Database
from ovop_desktop.services.settings.app_settings import get_setting, set_setting

PROVINCE_MODE = "province_mode"


def province_mode(db: Database) -> bool:
    chosen = get_setting(db, PROVINCE_MODE)
    if chosen is not None:
        return bool(chosen)
    if db.backend != "sqlite":
        return True
    with db.session() as session:
        return bool(session.scalar(select(exists().where(ImportLogEntry.outcome != "rejected"))))


def set_province_mode(db: Database, on: bool) -> None:
    set_setting(db, PROVINCE_MODE, on)
