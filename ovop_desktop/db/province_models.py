"""The province office's own records: the review of each survey it received, and the products
the province designated for a village or a kecamatan. Neither travels in exchange packages.

A survey's review is a history: every change of state is a new row, and the newest row is the
current state. A designation is revoked rather than deleted, so its decree stays on record; at
most one designation of a region is live (not revoked) at a time.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, Uuid, text
from sqlalchemy.orm import Mapped, mapped_column

from ovop_desktop.db.base import Base, UtcDateTime, utc_now

REVIEW_STATES = ("diterima", "perlu_perbaikan", "disetujui")
LIVE_DESIGNATION = "revoked_at IS NULL"


class SurveyReview(Base):
    """One review of a survey by the province: its state from then on and the comment."""

    __tablename__ = "survey_reviews"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    survey_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("surveys.id"), nullable=False)
    state: Mapped[str] = mapped_column(String(20), nullable=False)
    comment: Mapped[str | None] = mapped_column(Text)
    reviewer: Mapped[str] = mapped_column(String(200), nullable=False)
    officer_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("officers.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, nullable=False)

    __table_args__ = (
        CheckConstraint("state IN ('diterima', 'perlu_perbaikan', 'disetujui')", name="state"),
        # The newest review of each survey: one index scan per survey.
        Index("ix_survey_reviews_survey_id_created_at", "survey_id", "created_at"),
    )


class Designation(Base):
    """A region's designated OVOP product (produk OVOP yang ditetapkan) and its decree."""

    __tablename__ = "designations"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    # A desa/kelurahan or a kecamatan.
    region_code: Mapped[str] = mapped_column(String(13), ForeignKey("regions.code"), nullable=False)
    # The surveyed candidate, when the designated product is one; its name and category are
    # copied so that the designation reads the same after the survey changes.
    product_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("candidate_products.id"))
    product_name: Mapped[str] = mapped_column(String(200), nullable=False)
    category: Mapped[str] = mapped_column(String(40), nullable=False)
    decided_on: Mapped[date] = mapped_column(Date, nullable=False)
    basis: Mapped[str] = mapped_column(Text, nullable=False)
    decree_number: Mapped[str] = mapped_column(String(100), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, nullable=False)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    revoked_reason: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        # At most one live designation per region; revoked ones are history. A partial unique
        # index, which SQLite and PostgreSQL both enforce.
        Index(
            "uq_designations_live_region_code",
            "region_code",
            unique=True,
            sqlite_where=text(LIVE_DESIGNATION),
            postgresql_where=text(LIVE_DESIGNATION),
        ),
    )
