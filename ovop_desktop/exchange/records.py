"""Records as they travel: one JSON object per record, one JSON-lines member per table.

Every column of the model travels (UUIDs and dates as text, scores as decimal text); an
assessment carries its levels with it. The order of TABLES respects the foreign keys.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import DeclarativeBase

from ovop_desktop.db.base import UtcDateTime
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
from ovop_desktop.db.survey_models import Points

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
LOCAL_COLUMNS = frozenset({"exchanged"})  # kept on each laptop, never in a package
# Not part of what a record says: when and where it was saved, and the base of the edit.
UNHASHED = frozenset({"updated_at", "device_id", "base_revision"})


def encode_value(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return value


def to_record(obj: Any) -> dict[str, Any]:
    """The travelling form of a model instance."""
    mapper = inspect(type(obj))
    record = {
        column.key: encode_value(getattr(obj, column.key))
        for column in mapper.column_attrs
        if column.key not in LOCAL_COLUMNS
    }
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
    """Column values for `model` from a travelling record (unknown keys are ignored)."""
    mapper = inspect(model)
    values: dict[str, Any] = {}
    for column_attr in mapper.column_attrs:
        key = column_attr.key
        if key not in record or key in LOCAL_COLUMNS:
            continue
        value = record[key]
        column = column_attr.columns[0]
        kind = python_type(column)
        if value is None or kind is None:
            values[key] = value
        elif kind is uuid.UUID:
            values[key] = uuid.UUID(value)
        elif kind is datetime:
            values[key] = datetime.fromisoformat(value)
        elif kind is date:
            values[key] = date.fromisoformat(value)
        elif kind is Decimal:
            values[key] = Decimal(value)
        else:
            values[key] = value
    return values


def python_type(column: Any) -> type | None:
    if isinstance(column.type, UtcDateTime):
        return datetime
    if isinstance(column.type, Points):
        return Decimal
    try:
        return column.type.python_type  # type: ignore[no-any-return]
    except NotImplementedError:
        return None
