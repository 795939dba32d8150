"""Survey capture: surveys, respondents and candidate products.

Each function is one use case in one short session. A change to a final survey needs a reason
and is written to the audit log; deleting leaves a tombstone. A final survey stays final: every
write path (its fields, respondents and products added, changed or deleted, the survey deleted)
refuses without a reason, and with one is a correction written to the audit log.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ovop_desktop.core.regions import is_village_level
from ovop_desktop.db.models import (
    AuditEntry,
    CandidateProduct,
    Region,
    Respondent,
    Survey,
    SyncRecord,
    utc_now,
)
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError, NotFoundError
from ovop_desktop.services.regions import region_hit, with_parents


@dataclass
class SurveyInput:
    village_code: str
    survey_date: date
    officer_id: uuid.UUID | None = None
    hamlet: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    gps_source: str | None = None
    gps_accuracy_m: float | None = None
    population: int | None = None
    households: int | None = None
    main_livelihoods: str | None = None
    road_access: str | None = None
    electricity: str | None = None
    mobile_signal: str | None = None
    cooperatives_count: int | None = None
    has_bumdes: bool | None = None
    umkm_count: int | None = None
    notes: str | None = None


@dataclass
class RespondentInput:
    name: str
    role: str | None = None
    phone: str | None = None


@dataclass
class ProductInput:
    name: str
    category: str
    description: str | None = None
    producer_units: int | None = None
    producer_units_grouped: int | None = None
    workers: int | None = None
    monthly_production: float | None = None
    production_unit: str | None = None
    unit_price_idr: int | None = None
    local_material_pct: int | None = None
    market_reach: str | None = None
    permit_nib: bool = False
    permit_pirt: bool = False
    permit_bpom: bool = False
    permit_halal: bool = False
    permit_sni: bool = False
    permit_hki: bool = False
    story: str | None = None


SURVEY_FIELDS = frozenset(f.name for f in fields(SurveyInput))
PRODUCT_FIELDS = frozenset(f.name for f in fields(ProductInput))
RESPONDENT_FIELDS = frozenset(f.name for f in fields(RespondentInput))


def _require_live(session: Session, model: type[Any], record_id: uuid.UUID, what: str) -> Any:
    record = session.get(model, record_id)
    if record is None or record.deleted_at is not None:
        raise NotFoundError(f"{what} tidak ditemukan.", f"{what} not found.")
    return record


def _check_counts(values: Mapping[str, Any]) -> None:
    for name in (
        "population",
        "households",
        "cooperatives_count",
        "umkm_count",
        "workers",
        "producer_units",
        "producer_units_grouped",
        "unit_price_idr",
    ):
        value = values.get(name)
        if value is not None and value < 0:
            raise InvalidInputError(
                "Jumlah tidak boleh negatif.", "Counts cannot be negative.", field=name
            )
    latitude, longitude = values.get("latitude"), values.get("longitude")
    if latitude is not None and not -90 <= latitude <= 90:
        raise InvalidInputError(
            "Lintang harus di antara -90 dan 90 derajat.",
            "Latitude must be between -90 and 90 degrees.",
            field="latitude",
        )
    if longitude is not None and not -180 <= longitude <= 180:
        raise InvalidInputError(
            "Bujur harus di antara -180 dan 180 derajat.",
            "Longitude must be between -180 and 180 degrees.",
            field="longitude",
        )
    pct = values.get("local_material_pct")
    if pct is not None and not 0 <= pct <= 100:
        raise InvalidInputError(
            "Persentase bahan baku lokal harus 0–100.",
            "The local raw material share must be 0–100 %.",
            field="local_material_pct",
        )


def _place_names(session: Session, village_code: str) -> tuple[str, str, str]:
    row = session.execute(with_parents().where(Region.code == village_code)).first()
    village = region_hit(*row) if row is not None else None
    if village is None or not is_village_level(village.level):
        raise InvalidInputError(
            "Pilih desa atau kelurahan dari daftar wilayah.",
            "Choose a village from the region list.",
            field="village_code",
        )
    return village.name, village.district or "", village.regency or ""


def create_survey(
    db: Database, data: SurveyInput, *, device_id: uuid.UUID | None = None
) -> uuid.UUID:
    values = {f.name: getattr(data, f.name) for f in fields(data)}
    _check_counts(values)
    with db.session() as session:
        village, district, regency = _place_names(session, data.village_code)
        survey = Survey(
            **values,
            village_name=village,
            district_name=district,
            regency_name=regency,
            device_id=device_id,
            status="draft",
        )
        session.add(survey)
        session.flush()
        return survey.id


def _apply_changes(
    session: Session,
    record: SyncRecord,
    changes: Mapping[str, Any],
    allowed: frozenset[str],
    *,
    final: bool,
    reason: str | None,
    officer_id: uuid.UUID | None,
) -> list[str]:
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)}")
    _check_counts(changes)
    changed = [name for name, value in changes.items() if getattr(record, name) != value]
    if final and changed and not (reason and reason.strip()):
        raise InvalidInputError(
            "Survei ini sudah final. Tuliskan alasan koreksi.",
            "This survey is final. Give a reason for the correction.",
            field="reason",
        )
    for name in changed:
        if final:
            session.add(
                AuditEntry(
                    officer_id=officer_id,
                    table_name=type(record).__tablename__,  # type: ignore[attr-defined]
                    record_id=record.id,
                    field=name,
                    old_value=_audit_text(getattr(record, name)),
                    new_value=_audit_text(changes[name]),
                    reason=(reason or "").strip(),
                )
            )
        setattr(record, name, changes[name])
    return changed


def _audit_text(value: Any) -> str | None:
    return None if value is None else str(value)


def update_survey(
    db: Database,
    survey_id: uuid.UUID,
    changes: Mapping[str, Any],
    *,
    reason: str | None = None,
    officer_id: uuid.UUID | None = None,
) -> list[str]:
    """Apply `changes`; returns the fields that really changed."""
    with db.session() as session:
        survey = _require_live(session, Survey, survey_id, "Survei")
        changed = _apply_changes(
            session,
            survey,
            changes,
            SURVEY_FIELDS,
            final=survey.status == "final",
            reason=reason,
            officer_id=officer_id,
        )
        if "village_code" in changed:
            survey.village_name, survey.district_name, survey.regency_name = _place_names(
                session, survey.village_code
            )
        return changed


def delete_survey(db: Database, survey_id: uuid.UUID) -> None:
    """Leave a tombstone, so that the deletion travels to the province too. (Deleting a whole
    survey changes nothing inside it: it can be restored until the next export.)"""
    with db.session() as session:
        _require_live(session, Survey, survey_id, "Survei").deleted_at = utc_now()


def add_respondent(
    db: Database,
    survey_id: uuid.UUID,
    data: RespondentInput,
    *,
    device_id: uuid.UUID | None = None,
    reason: str | None = None,
    officer_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Add a respondent; to a final survey only as a correction with a `reason`."""
    if not data.name.strip():
        raise InvalidInputError(
            "Nama narasumber wajib diisi.", "The respondent's name is required.", field="name"
        )
    with db.session() as session:
        survey = _require_live(session, Survey, survey_id, "Survei")
        respondent = Respondent(
            survey_id=survey_id,
            name=data.name.strip(),
            role=data.role,
            phone=data.phone,
            device_id=device_id,
        )
        session.add(respondent)
        session.flush()
        _correct_final(
            session, survey, respondent, "added", None, respondent.name, reason, officer_id
        )
        return respondent.id


def _correct_final(
    session: Session,
    survey: Survey,
    record: SyncRecord,
    field: str,
    old: Any,
    new: Any,
    reason: str | None,
    officer_id: uuid.UUID | None,
) -> None:
    """A change to a final `survey` (its own record or a child's): refused without a reason,
    written to the audit log with one. Nothing to do for a draft survey."""
    if survey.status != "final":
        return
    if not (reason and reason.strip()):
        raise InvalidInputError(
            "Survei ini sudah final. Tuliskan alasan koreksi.",
            "This survey is final. Give a reason for the correction.",
            field="reason",
        )
    session.add(
        AuditEntry(
            officer_id=officer_id,
            table_name=type(record).__tablename__,  # type: ignore[attr-defined]
            record_id=record.id,
            field=field,
            old_value=_audit_text(old),
            new_value=_audit_text(new),
            reason=reason.strip(),
        )
    )


def _update_survey_child(
    db: Database,
    model: type[Respondent] | type[CandidateProduct],
    record_id: uuid.UUID,
    what: str,
    changes: Mapping[str, Any],
    allowed: frozenset[str],
    reason: str | None,
    officer_id: uuid.UUID | None,
) -> list[str]:
    """A change to a respondent or product of a final survey is a correction of that survey."""
    with db.session() as session:
        record = _require_live(session, model, record_id, what)
        survey = session.get(Survey, record.survey_id)
        return _apply_changes(
            session,
            record,
            changes,
            allowed,
            final=survey is not None and survey.status == "final",
            reason=reason,
            officer_id=officer_id,
        )


def update_respondent(
    db: Database,
    respondent_id: uuid.UUID,
    changes: Mapping[str, Any],
    *,
    reason: str | None = None,
    officer_id: uuid.UUID | None = None,
) -> list[str]:
    if "name" in changes and not str(changes["name"] or "").strip():
        raise InvalidInputError(
            "Nama narasumber wajib diisi.", "The respondent's name is required.", field="name"
        )
    return _update_survey_child(
        db, Respondent, respondent_id, "Narasumber", changes, RESPONDENT_FIELDS, reason, officer_id
    )


def add_product(
    db: Database,
    survey_id: uuid.UUID,
    data: ProductInput,
    *,
    categories: frozenset[str],
    device_id: uuid.UUID | None = None,
    reason: str | None = None,
    officer_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Add a candidate product; `categories` are the ids of the rubric in force. To a final
    survey only as a correction with a `reason`."""
    values = {f.name: getattr(data, f.name) for f in fields(data)}
    _check_product(values, categories)
    with db.session() as session:
        survey = _require_live(session, Survey, survey_id, "Survei")
        product = CandidateProduct(survey_id=survey_id, device_id=device_id, **values)
        session.add(product)
        session.flush()
        _correct_final(session, survey, product, "added", None, product.name, reason, officer_id)
        return product.id


def _check_product(values: Mapping[str, Any], categories: frozenset[str]) -> None:
    if "name" in values and not str(values["name"]).strip():
        raise InvalidInputError(
            "Nama produk wajib diisi.", "The product name is required.", field="name"
        )
    if "category" in values and values["category"] not in categories:
        raise InvalidInputError(
            "Pilih kategori produk dari daftar.",
            "Choose the product category from the list.",
            field="category",
        )
    _check_counts(values)


def update_product(
    db: Database,
    product_id: uuid.UUID,
    changes: Mapping[str, Any],
    *,
    categories: frozenset[str],
    reason: str | None = None,
    officer_id: uuid.UUID | None = None,
) -> list[str]:
    _check_product(changes, categories)
    return _update_survey_child(
        db,
        CandidateProduct,
        product_id,
        "Produk kandidat",
        changes,
        PRODUCT_FIELDS,
        reason,
        officer_id,
    )


@dataclass(frozen=True)
class MissingItem:
    field: str
    message_id: str
    message_en: str


class SurveyIncompleteError(InvalidInputError):
    """A survey cannot be final yet; `missing` lists what to fill, field by field."""

    def __init__(self, missing: tuple[MissingItem, ...]) -> None:
        super().__init__(
            "Survei belum dapat difinalkan:\n- " + "\n- ".join(m.message_id for m in missing),
            "The survey cannot be finalised yet:\n- " + "\n- ".join(m.message_en for m in missing),
        )
        self.missing = missing


def missing_for_final(session: Session, survey: Survey) -> tuple[MissingItem, ...]:
    missing = []
    if not survey.village_code:
        missing.append(
            MissingItem(
                "village_code",
                "Pilih desa dari daftar wilayah.",
                "Choose the village from the region list.",
            )
        )
    if survey.survey_date is None:
        missing.append(MissingItem("survey_date", "Isi tanggal survei.", "Fill in the date."))
    if survey.officer_id is None:
        missing.append(
            MissingItem(
                "officer_id",
                "Isi profil petugas di Pengaturan.",
                "Fill in the officer profile in Settings.",
            )
        )
    products = [p for p in survey.products if p.deleted_at is None]
    if not products:
        missing.append(
            MissingItem(
                "products",
                "Tambahkan minimal satu produk kandidat.",
                "Add at least one candidate product.",
            )
        )
    return tuple(missing)


def finalize_survey(db: Database, survey_id: uuid.UUID) -> None:
    """Mark a survey final once its required fields are there: village, date, officer and at
    least one candidate. (Assessing the candidates is a step of its own.)"""
    with db.session() as session:
        survey = _require_live(session, Survey, survey_id, "Survei")
        missing = missing_for_final(session, survey)
        if missing:
            raise SurveyIncompleteError(missing)
        survey.status = "final"


def _tombstone(
    db: Database,
    model: type[Respondent] | type[CandidateProduct],
    record_id: uuid.UUID,
    what: str,
    reason: str | None,
    officer_id: uuid.UUID | None,
) -> None:
    """Delete a respondent or a product; from a final survey only with a reason."""
    with db.session() as session:
        record = _require_live(session, model, record_id, what)
        survey = session.get(Survey, record.survey_id)
        now = utc_now()
        if survey is not None:
            _correct_final(session, survey, record, "deleted_at", None, now, reason, officer_id)
        record.deleted_at = now


def delete_respondent(
    db: Database,
    respondent_id: uuid.UUID,
    *,
    reason: str | None = None,
    officer_id: uuid.UUID | None = None,
) -> None:
    _tombstone(db, Respondent, respondent_id, "Narasumber", reason, officer_id)


def delete_product(
    db: Database,
    product_id: uuid.UUID,
    *,
    reason: str | None = None,
    officer_id: uuid.UUID | None = None,
) -> None:
    _tombstone(db, CandidateProduct, product_id, "Produk kandidat", reason, officer_id)


def restore_survey(db: Database, survey_id: uuid.UUID) -> None:
    """Undo a deletion (until the next export carries the tombstone away)."""
    with db.session() as session:
        survey = session.get(Survey, survey_id)
        if survey is None:
            raise NotFoundError("Survei tidak ditemukan.", "Survey not found.")
        survey.deleted_at = None
