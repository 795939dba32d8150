"""Every record knows the laptop that made it: its owner (docs/security.md, "Records have owners").

A travelling record (SyncRecord), an officer profile and an audit entry made in a session get this
laptop's device id when they are saved without one. The import keeps the owner a package names,
so at the province each record says which officer's laptop made it; only that laptop may change it
(services.sync.apply). Rows saved before owners were recorded keep a NULL device id: their owner
is not known.

This laptop's device is the `devices` row marked local, named by the `local_device` setting; it is
made here on first use when neither exists yet.
"""

from __future__ import annotations

import platform
import uuid
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from ovop_desktop.db.base import SyncRecord, utc_now
from ovop_desktop.db.reference_models import Device, Officer, Setting
from ovop_desktop.db.register_models import AuditEntry

LOCAL_DEVICE_SETTING = "local_device"
_CACHE = "local_device_id"
OWNED = (SyncRecord, Officer, AuditEntry)


def local_device(session: Session) -> uuid.UUID:
    """This laptop's device id, read (or made) in `session`'s transaction."""
    cached = session.info.get(_CACHE)
    if cached is not None:
        return uuid.UUID(cached)
    stored = session.scalar(select(Setting.value).where(Setting.key == LOCAL_DEVICE_SETTING))
    device_id = _valid(stored)
    if device_id is None:
        device_id = session.scalar(
            select(Device.id).where(Device.is_local.is_(True)).order_by(Device.first_seen_at)
        )
    if device_id is None:
        device = Device(
            id=uuid.uuid4(), name=platform.node() or "laptop", is_local=True, trusted=True
        )
        session.add(device)
        device_id = device.id
    if _valid(stored) != device_id:
        row = session.get(Setting, LOCAL_DEVICE_SETTING)
        if row is None:
            session.add(
                Setting(key=LOCAL_DEVICE_SETTING, value=str(device_id), updated_at=utc_now())
            )
        else:
            row.value, row.updated_at = str(device_id), utc_now()
    session.info[_CACHE] = str(device_id)
    return device_id


def _valid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


@event.listens_for(Session, "before_flush")
def _mark_owner(session: Session, _context: Any, _instances: Any) -> None:
    """New records without an owner are this laptop's."""
    unowned = [obj for obj in session.new if isinstance(obj, OWNED) and obj.device_id is None]
    if not unowned:
        return
    device_id = local_device(session)
    for obj in unowned:
        obj.device_id = device_id
