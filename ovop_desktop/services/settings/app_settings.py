"""Application settings kept in the database, so they travel with it and survive reinstalls."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ovop_desktop.db.models import Setting, utc_now
from ovop_desktop.db.ownership import LOCAL_DEVICE_SETTING
from ovop_desktop.services.database import Database

RUBRIC_IN_FORCE = "rubric_in_force"
OFFICER_PROFILE = "officer_profile"
LOCAL_DEVICE = LOCAL_DEVICE_SETTING
# The province's signing key, from the setup package: its packages may change any record.
PROVINCE_KEY = "province_public_key"


def get_setting(db: Database, key: str, default: Any = None) -> Any:
    with db.session() as session:
        value = session.scalar(select(Setting.value).where(Setting.key == key))
    return default if value is None else value


def set_setting(db: Database, key: str, value: Any) -> None:
    with db.session() as session:
        store_setting(session, key, value)


def store_setting(session: Session, key: str, value: Any) -> None:
    """A setting, written in the caller's transaction (with other changes, all or nothing)."""
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value, updated_at=utc_now()))
    else:
        row.value = value
        row.updated_at = utc_now()


PHOTO_LONGEST_SIDE = "photo_longest_side"
DEFAULT_PHOTO_LONGEST_SIDE = 1600
PHOTO_SIDE_RANGE = (640, 4096)


def photo_longest_side(db: Database) -> int:
    """The longest side photos are downscaled to on import (a setting, 1600 px by default)."""
    value = get_setting(db, PHOTO_LONGEST_SIDE, DEFAULT_PHOTO_LONGEST_SIDE)
    low, high = PHOTO_SIDE_RANGE
    return min(high, max(low, int(value)))
