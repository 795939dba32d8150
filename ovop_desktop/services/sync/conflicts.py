"""Conflicts found while merging packages: list them, and let a person keep one version.

The kept version is saved with a revision above both, so that it wins everywhere it travels next;
the conflict keeps both versions, the choice, the reason, who and when.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import select

from ovop_desktop.db.engine import KEEP_REVISIONS
from ovop_desktop.db.models import Conflict, utc_now
from ovop_desktop.exchange.records import TABLES
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError, NotFoundError
from ovop_desktop.services.sync.apply import write_record

MODELS = dict(TABLES)


@dataclass(frozen=True)
class ConflictView:
    id: uuid.UUID
    table: str
    record_id: uuid.UUID
    first: dict[str, Any]
    second: dict[str, Any]
    detected_at: datetime
    resolved_at: datetime | None
    resolution: str | None
    reason: str | None

    def differences(self) -> list[str]:
        """The fields whose values differ, in a stable order."""
        keys = sorted(set(self.first) | set(self.second))
        return [
            k
            for k in keys
            if k not in ("updated_at", "device_id", "revision", "base_revision")
            and self.first.get(k) != self.second.get(k)
        ]


def list_conflicts(db: Database, *, open_only: bool = True) -> list[ConflictView]:
    with db.session() as session:
        query = select(Conflict).order_by(Conflict.detected_at, Conflict.id)
        if open_only:
            query = query.where(Conflict.resolved_at.is_(None))
        return [
            ConflictView(
                c.id,
                c.table_name,
                c.record_id,
                c.local_data,
                c.incoming_data,
                c.detected_at,
                c.resolved_at,
                c.resolution,
                c.resolution_reason,
            )
            for c in session.scalars(query)
        ]


def resolve_conflict(
    db: Database,
    conflict_id: uuid.UUID,
    keep: Literal["first", "second"],
    reason: str,
    *,
    officer_id: uuid.UUID | None = None,
) -> None:
    if not reason.strip():
        raise InvalidInputError(
            "Tuliskan alasan memilih versi ini.",
            "Give the reason for keeping this version.",
            field="reason",
        )
    with db.session() as session:
        conflict = session.get(Conflict, conflict_id)
        if conflict is None:
            raise NotFoundError("Konflik tidak ditemukan.", "Conflict not found.")
        if conflict.resolved_at is not None:
            raise InvalidInputError(
                "Konflik ini sudah diselesaikan.", "This conflict is already resolved."
            )
        chosen = dict(conflict.local_data if keep == "first" else conflict.incoming_data)
        model = MODELS[conflict.table_name]
        live = session.get(model, conflict.record_id)
        revisions = [
            int(conflict.local_data.get("revision", 0)),
            int(conflict.incoming_data.get("revision", 0)),
            int(getattr(live, "revision", 0) or 0),
        ]
        chosen["revision"] = max(revisions) + 1
        chosen["base_revision"] = max(revisions)  # the kept version has seen both
        chosen["updated_at"] = utc_now().isoformat()
        session.info[KEEP_REVISIONS] = True
        try:
            write_record(session, model, live, chosen)
            session.flush()  # while revisions are kept as written
        finally:
            session.info.pop(KEEP_REVISIONS, None)
        conflict.resolved_at = utc_now()
        conflict.resolution = keep
        conflict.resolution_reason = reason.strip()
        conflict.resolved_by = officer_id
