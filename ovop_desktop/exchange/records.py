"""Records as they travel: one JSON object per record, one JSON-lines member per table.

Every column of the model travels (UUIDs and dates as text, scores as decimal text); an
assessment carries its levels with it. The order of TABLES respects the foreign keys.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy.orm import DeclarativeBase

from ovop_desktop.db.models import (
    Assessment,
    Attachment,
    AuditEntry,
    CandidateProduct,
    Letter,
    Officer,
    Respondent,
    Survey,
)
from ovop_desktop.exchange.table_io import table_io

TABLES: tuple[tuple[str, type[DeclarativeBase]], ...] = (
    ("officers", Officer),
    ("surveys", Survey),
    ("respondents", Respondent),
    ("candidate_products", CandidateProduct),
    ("assessments", Assessment),
    ("attachments", Attachment),
    ("letters", Letter),
    ("audit_log", AuditEntry),  # corrections of final records, with their reasons; never edited
)
SYNC_TABLES = frozenset(name for name, _ in TABLES if name != "officers")
# Not part of what a record says: when and where it was saved, and the base of the edit; and an
# assessment's `scored_category` (the product's category its stars were scored under), which
# records made before it was recorded lack: one edit travelling from an older and a newer copy
# of the application hashes alike.
UNHASHED = frozenset({"updated_at", "device_id", "base_revision", "scored_category"})


def to_record(obj: DeclarativeBase) -> dict[str, Any]:
    """The travelling form of a model instance."""
    io = table_io(type(obj))
    record = io.record([getattr(obj, column.key) for column in io.columns])
    if isinstance(obj, Assessment):
        record["levels"] = [
            {"criterion_id": row.criterion_id, "level": row.level, "note": row.note}
            for row in sorted(obj.levels, key=lambda r: r.criterion_id)
        ]
    return record


def content_hash(record: dict[str, Any]) -> str:
    """What a record says, without when or where it was last saved: two copies of one edit
    hash alike."""
    content = {k: v for k, v in record.items() if k not in UNHASHED}
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def from_record(model: type[DeclarativeBase], record: dict[str, Any]) -> dict[str, Any]:
    """Column values for `model` from a travelling record (unknown keys are ignored); the
    attribute names of the travelling models are their column names."""
    return table_io(model).values(record)
