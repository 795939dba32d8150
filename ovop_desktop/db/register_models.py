"""Registers: the letter register (buku agenda surat), the audit log, the import log and
conflicts found while merging packages."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.schema import UniqueConstraint

from ovop_desktop.db.base import Base, SyncRecord, UtcDateTime, utc_now


class Letter(SyncRecord, Base):
    """An issued recommendation letter. Its number is never reused, even when voided or replaced.

    Each laptop numbers its own letters (1, 2, 3… per year), so a number is unique per issuing
    device (`device_id`): the province holds the letters of many officers side by side."""

    __tablename__ = "letters"

    number: Mapped[str] = mapped_column(String(100), nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    sequence: Mapped[int] = mapped_column(Integer, nullable=False)
    issued_on: Mapped[date] = mapped_column(Date, nullable=False)
    survey_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("surveys.id"), nullable=False)
    product_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("candidate_products.id"))
    signatory: Mapped[Any] = mapped_column(JSON, nullable=False)
    snapshot: Mapped[Any] = mapped_column(JSON, nullable=False)
    snapshot_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    pdf_sha256: Mapped[str | None] = mapped_column(String(64))
    verification_code: Mapped[str] = mapped_column(String(20), nullable=False, unique=True)
    status: Mapped[str] = mapped_column(String(10), nullable=False, default="issued")
    void_reason: Mapped[str | None] = mapped_column(Text)
    voided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # A letter replaced by a later one of the same village (status "replaced"): which, and why.
    # No foreign key: the two letters travel in packages in no particular order.
    replaced_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    replace_reason: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("device_id", "year", "sequence", name="uq_letters_device_year_sequence"),
        UniqueConstraint("device_id", "number", name="uq_letters_device_number"),
        CheckConstraint("status IN ('issued', 'void', 'replaced')", name="status"),
    )


class AuditEntry(Base):
    """A change to a final record: who, when, which field, old and new value, and why."""

    __tablename__ = "audit_log"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, nullable=False)
    officer_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("officers.id"))
    device_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    table_name: Mapped[str] = mapped_column(String(50), nullable=False)
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid, nullable=False, index=True)
    field: Mapped[str] = mapped_column(String(100), nullable=False)
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, nullable=False)


class ImportLogEntry(Base):
    """One exchange package applied (or refused) on this database."""

    __tablename__ = "import_log"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    package_id: Mapped[uuid.UUID] = mapped_column(Uuid, nullable=False, index=True)
    file_name: Mapped[str] = mapped_column(String(255), nullable=False)
    file_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    source_device_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    officer_name: Mapped[str | None] = mapped_column(String(200))
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, nullable=False)
    outcome: Mapped[str] = mapped_column(String(20), nullable=False)
    counts: Mapped[Any] = mapped_column(JSON, nullable=False, default=dict)
    message: Mapped[str | None] = mapped_column(Text)


class Conflict(Base):
    """Two versions of one record that a person must choose between. Both are kept."""

    __tablename__ = "conflicts"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    table_name: Mapped[str] = mapped_column(String(50), nullable=False)
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid, nullable=False, index=True)
    local_revision: Mapped[int] = mapped_column(Integer, nullable=False)
    incoming_revision: Mapped[int] = mapped_column(Integer, nullable=False)
    local_data: Mapped[Any] = mapped_column(JSON, nullable=False)
    incoming_data: Mapped[Any] = mapped_column(JSON, nullable=False)
    package_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    detected_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, nullable=False)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    resolution: Mapped[str | None] = mapped_column(String(20))
    resolution_reason: Mapped[str | None] = mapped_column(Text)
    resolved_by: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("officers.id"))
