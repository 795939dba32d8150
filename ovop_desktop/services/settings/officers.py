"""The officer using this laptop (the profile) and the laptop itself (the local device)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from ovop_desktop.core.nip import nip_problem
from ovop_desktop.db.models import Device, Officer, utc_now
from ovop_desktop.db.ownership import local_device
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError
from ovop_desktop.services.settings.app_settings import (
    OFFICER_PROFILE,
    get_setting,
    set_setting,
)


@dataclass(frozen=True)
class OfficerProfile:
    id: uuid.UUID
    name: str
    nip: str | None
    unit: str | None
    phone: str | None


def _profile(officer: Officer) -> OfficerProfile:
    return OfficerProfile(officer.id, officer.name, officer.nip, officer.unit, officer.phone)


def current_officer(db: Database) -> OfficerProfile | None:
    officer_id = get_setting(db, OFFICER_PROFILE)
    if officer_id is None:
        return None
    with db.session() as session:
        officer = session.get(Officer, uuid.UUID(officer_id))
        return None if officer is None else _profile(officer)


def save_profile(
    db: Database,
    *,
    name: str,
    nip: str | None = None,
    unit: str | None = None,
    phone: str | None = None,
) -> OfficerProfile:
    """Create or update the profile of the officer who uses this laptop."""
    name = " ".join(name.split())
    if not name:
        raise InvalidInputError(
            "Nama petugas wajib diisi.", "The officer's name is required.", field="name"
        )
    nip = (nip or "").replace(" ", "") or None
    problem = nip_problem(nip) if nip is not None else None
    if problem is not None:
        raise InvalidInputError(*problem, field="nip")
    existing = current_officer(db)
    with db.session() as session:
        officer = session.get(Officer, existing.id) if existing else None
        if officer is None:
            officer = Officer(name=name)
            session.add(officer)
        officer.name, officer.nip, officer.unit, officer.phone = (
            name,
            nip,
            unit or None,
            phone or None,
        )
        officer.updated_at = utc_now()
        session.flush()
        profile = _profile(officer)
    set_setting(db, OFFICER_PROFILE, str(profile.id))
    return profile


def local_device_id(db: Database) -> uuid.UUID:
    """This laptop's device id, made on first use. It marks every record made here
    (db.ownership)."""
    with db.session() as session:
        return local_device(session)


def device_name(db: Database) -> str:
    with db.session() as session:
        device = session.get(Device, local_device_id(db))
        return device.name if device else ""


def set_device_name(db: Database, name: str) -> None:
    name = " ".join(name.split())
    if not name:
        raise InvalidInputError(
            "Nama perangkat wajib diisi.", "The device name is required.", field="device_name"
        )
    device_id = local_device_id(db)
    with db.session() as session:
        device = session.get(Device, device_id)
        if device is not None:
            device.name = name
