"""The survey data an officer records: surveys, respondents, candidate products, assessments and
their attachments. All of them travel in exchange packages (see SyncRecord)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    Uuid,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from ovop_desktop.db.base import Base, SyncRecord, UtcDateTime

SURVEY_STATUSES = ("draft", "final")
ASSESSMENT_STATUSES = ("draft", "final")
MARKET_REACHES = ("desa", "kecamatan", "kabupaten", "provinsi", "nasional", "ekspor")
PERMITS = ("nib", "pirt", "bpom", "halal", "sni", "hki")


class Points(TypeDecorator[Decimal]):
    """A score with two decimals: NUMERIC on PostgreSQL, read back as an exact Decimal.

    The SQLite driver has no decimal type; going through float and rounding to two places is
    exact for scores between 0 and 100.
    """

    impl = Numeric(6, 2, asdecimal=False)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> float | None:
        return None if value is None else float(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(f"{float(value):.2f}")


class Survey(SyncRecord, Base):
    __tablename__ = "surveys"

    village_code: Mapped[str] = mapped_column(
        String(13), ForeignKey("regions.code"), nullable=False, index=True
    )
    # Names as seen at survey time: a later reference update may rename the region.
    village_name: Mapped[str] = mapped_column(String(200), nullable=False)
    district_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    regency_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    survey_date: Mapped[date] = mapped_column(Date, nullable=False)
    officer_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("officers.id"), nullable=True
    )
    status: Mapped[str] = mapped_column(String(10), nullable=False, default="draft")
    hamlet: Mapped[str | None] = mapped_column(String(200))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    gps_source: Mapped[str | None] = mapped_column(String(20))
    gps_accuracy_m: Mapped[float | None] = mapped_column(Float)
    population: Mapped[int | None] = mapped_column(Integer)
    households: Mapped[int | None] = mapped_column(Integer)
    main_livelihoods: Mapped[str | None] = mapped_column(Text)
    road_access: Mapped[str | None] = mapped_column(String(100))
    electricity: Mapped[str | None] = mapped_column(String(100))
    mobile_signal: Mapped[str | None] = mapped_column(String(100))
    cooperatives_count: Mapped[int | None] = mapped_column(Integer)
    has_bumdes: Mapped[bool | None] = mapped_column(Boolean)
    umkm_count: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)
    recommended_product_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    recommendation_justification: Mapped[str | None] = mapped_column(Text)

    respondents: Mapped[list[Respondent]] = relationship(back_populates="survey")
    products: Mapped[list[CandidateProduct]] = relationship(back_populates="survey")

    __table_args__ = (
        CheckConstraint("status IN ('draft', 'final')", name="status"),
        Index(
            "ix_surveys_place_date", "regency_name", "district_name", "village_name", "survey_date"
        ),
    )


class Respondent(SyncRecord, Base):
    __tablename__ = "respondents"

    survey_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("surveys.id"), nullable=False, index=True
    )
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    role: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(40))

    survey: Mapped[Survey] = relationship(back_populates="respondents")


class CandidateProduct(SyncRecord, Base):
    __tablename__ = "candidate_products"

    survey_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("surveys.id"), nullable=False, index=True
    )
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    category: Mapped[str] = mapped_column(String(40), nullable=False)
    description: Mapped[str | None] = mapped_column(Text)
    producer_units: Mapped[int | None] = mapped_column(Integer)
    producer_units_grouped: Mapped[int | None] = mapped_column(Integer)
    workers: Mapped[int | None] = mapped_column(Integer)
    monthly_production: Mapped[float | None] = mapped_column(Float)
    production_unit: Mapped[str | None] = mapped_column(String(40))
    unit_price_idr: Mapped[int | None] = mapped_column(BigInteger)
    local_material_pct: Mapped[int | None] = mapped_column(Integer)
    market_reach: Mapped[str | None] = mapped_column(String(20))
    permit_nib: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    permit_pirt: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    permit_bpom: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    permit_halal: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    permit_sni: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    permit_hki: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    story: Mapped[str | None] = mapped_column(Text)

    survey: Mapped[Survey] = relationship(back_populates="products")
    assessments: Mapped[list[Assessment]] = relationship(back_populates="product")

    __table_args__ = (
        CheckConstraint(
            "local_material_pct IS NULL OR (local_material_pct >= 0 AND local_material_pct <= 100)",
            name="local_material_pct",
        ),
        CheckConstraint("unit_price_idr IS NULL OR unit_price_idr >= 0", name="unit_price"),
    )


class Assessment(SyncRecord, Base):
    """One assessor's scoring of one candidate under one rubric version.

    The computed total and stars are kept as a snapshot, so an old letter can always be explained
    even after the rubric in force changes.
    """

    __tablename__ = "assessments"

    product_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("candidate_products.id"), nullable=False, index=True
    )
    assessor_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("officers.id"), nullable=True
    )
    rubric_id: Mapped[str] = mapped_column(String(100), nullable=False)
    rubric_version: Mapped[int] = mapped_column(Integer, nullable=False)
    rubric_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    status: Mapped[str] = mapped_column(String(10), nullable=False, default="draft")
    assessed_on: Mapped[date | None] = mapped_column(Date)
    total: Mapped[Decimal | None] = mapped_column(Points)
    band_stars: Mapped[int | None] = mapped_column(Integer)
    stars: Mapped[int | None] = mapped_column(Integer)
    capped_by_gate: Mapped[str | None] = mapped_column(String(40))
    # The product's category the stars and gate above were scored under (they depend on it; the
    # total and band do not). None: saved before it was recorded (migration 0011).
    scored_category: Mapped[str | None] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(Text)

    product: Mapped[CandidateProduct] = relationship(back_populates="assessments")
    levels: Mapped[list[AssessmentLevel]] = relationship(
        back_populates="assessment", order_by="AssessmentLevel.criterion_id"
    )

    __table_args__ = (
        CheckConstraint("status IN ('draft', 'final')", name="status"),
        CheckConstraint("stars IS NULL OR (stars >= 1 AND stars <= 5)", name="stars"),
    )


class AssessmentLevel(Base):
    """The level (1–5, or none yet: belum dinilai) and note for one criterion of an assessment.
    Travels inside its assessment, whose revision covers it."""

    __tablename__ = "assessment_levels"

    assessment_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("assessments.id"), primary_key=True
    )
    criterion_id: Mapped[str] = mapped_column(String(20), primary_key=True)
    level: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)

    assessment: Mapped[Assessment] = relationship(back_populates="levels")

    __table_args__ = (
        CheckConstraint("level IS NULL OR (level >= 1 AND level <= 5)", name="level"),
        Index("ix_assessment_levels_covering", "assessment_id", "criterion_id", "level"),
    )


class Attachment(SyncRecord, Base):
    """A photo or scanned document. The bytes live once on disk under their SHA-256."""

    __tablename__ = "attachments"

    sha256: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    media_type: Mapped[str] = mapped_column(String(100), nullable=False)
    size_bytes: Mapped[int] = mapped_column(BigInteger, nullable=False)
    original_name: Mapped[str | None] = mapped_column(String(255))
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    caption: Mapped[str | None] = mapped_column(Text)
    taken_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    survey_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("surveys.id"))
    product_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("candidate_products.id"))
    assessment_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("assessments.id"))
    criterion_id: Mapped[str | None] = mapped_column(String(20))
