"""Assessing a candidate product against a rubric version.

The computed total, band and stars are stored with the assessment as a snapshot; the levels are
the source of truth and the snapshot is recomputed from them on every save.

A final assessment stays final: a change to it is a correction, made only with a reason and
written to the audit log (the revision grows with it), or a new assessment (`reassess`).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ovop_desktop.core.errors import DomainError
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.core.scoring import Score, score
from ovop_desktop.db.models import (
    Assessment,
    AssessmentLevel,
    AuditEntry,
    CandidateProduct,
    Officer,
)
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError, NotFoundError


@dataclass(frozen=True)
class AssessmentResult:
    assessment_id: uuid.UUID
    product_id: uuid.UUID
    rubric_id: str
    rubric_version: int
    score: Score

    @property
    def total(self) -> Decimal | None:
        return self.score.total

    @property
    def stars(self) -> int | None:
        return self.score.stars


def save_assessment(
    db: Database,
    product_id: uuid.UUID,
    rubric: Rubric,
    levels: Mapping[str, int | None],
    *,
    notes: Mapping[str, str] | None = None,
    assessment_id: uuid.UUID | None = None,
    assessor_id: uuid.UUID | None = None,
    assessed_on: date | None = None,
    final: bool = False,
    device_id: uuid.UUID | None = None,
    reason: str | None = None,
) -> AssessmentResult:
    """Create an assessment (no `assessment_id`) or update one made under the same rubric.

    A final assessment is changed only with a `reason`: the correction is written to the audit
    log, one entry per changed level or note; without one it is refused and nothing changes."""
    notes = notes or {}
    unknown = (set(levels) | set(notes)) - set(rubric.criterion_ids)
    if unknown:
        raise InvalidInputError(
            f"Kriteria tidak dikenal dalam rubrik {rubric.name}: {', '.join(sorted(unknown))}.",
            f"Criteria unknown to rubric {rubric.name}: {', '.join(sorted(unknown))}.",
        )
    with db.session() as session:
        product = session.get(CandidateProduct, product_id)
        if product is None or product.deleted_at is not None:
            raise NotFoundError("Produk kandidat tidak ditemukan.", "Candidate product not found.")
        try:
            result = score(rubric, levels, product.category)
        except DomainError as exc:
            raise InvalidInputError(exc.message_id, exc.message_en) from exc
        if assessment_id is None:
            assessment = Assessment(
                product_id=product_id,
                rubric_id=rubric.id,
                rubric_version=rubric.version,
                rubric_hash=rubric.definition_hash,
                assessor_id=assessor_id,
                device_id=device_id,
            )
            session.add(assessment)
            existing: dict[str, AssessmentLevel] = {}
        else:
            found = session.get(Assessment, assessment_id)
            if found is None or found.deleted_at is not None:
                raise NotFoundError("Penilaian tidak ditemukan.", "Assessment not found.")
            assessment = found
            if (assessment.rubric_id, assessment.rubric_version) != (rubric.id, rubric.version):
                raise InvalidInputError(
                    "Penilaian ini dibuat dengan versi rubrik lain; buat penilaian ulang.",
                    "This assessment uses another rubric version; re-assess instead.",
                )
            existing = {row.criterion_id: row for row in assessment.levels}
        corrections = _corrections(assessment, existing, rubric, levels, notes, assessed_on)
        if corrections and assessment.status == "final":
            _audit_correction(session, assessment, corrections, reason, assessor_id)
        # A final assessment saved with nothing to correct is left exactly as it is.
        unchanged_final = assessment.status == "final" and not corrections
        for criterion_id in () if unchanged_final else rubric.criterion_ids:
            row = existing.get(criterion_id)
            if row is None:
                row = AssessmentLevel(criterion_id=criterion_id)
                assessment.levels.append(row)
            new_level = levels.get(criterion_id, row.level if assessment_id else None)
            new_note = notes.get(criterion_id, row.note)
            if (row.level, row.note) != (new_level, new_note):
                row.level, row.note = new_level, new_note
        stored = {row.criterion_id: row.level for row in assessment.levels}
        result = score(rubric, stored, product.category)
        if final and not result.complete:
            raise InvalidInputError(
                "Penilaian belum lengkap: semua kriteria harus diberi tingkat sebelum final.",
                "The assessment is incomplete: every criterion needs a level before it is final.",
            )
        gate = result.capped_by.gate.id if result.capped_by else None
        if not unchanged_final or (assessment.stars, assessment.capped_by_gate) != (
            result.stars,
            gate,
        ):
            # The category the stars and gate are scored under, recorded with them: the rankings
            # use them without the levels while the product keeps this category.
            assessment.scored_category = product.category
        assessment.total = result.total
        assessment.band_stars = result.band_stars
        assessment.stars = result.stars
        assessment.capped_by_gate = gate
        assessment.assessed_on = assessed_on or assessment.assessed_on or date.today()
        assessment.status = "final" if final else assessment.status or "draft"
        session.flush()
        return AssessmentResult(assessment.id, product_id, rubric.id, rubric.version, result)


def _corrections(
    assessment: Assessment,
    existing: Mapping[str, AssessmentLevel],
    rubric: Rubric,
    levels: Mapping[str, int | None],
    notes: Mapping[str, str],
    assessed_on: date | None,
) -> list[tuple[str, object, object]]:
    """What saving would change in a stored assessment: (field, old, new) triples."""
    changes: list[tuple[str, object, object]] = []
    for criterion_id in rubric.criterion_ids:
        row = existing.get(criterion_id)
        old_level, old_note = (row.level, row.note) if row is not None else (None, None)
        if criterion_id in levels and levels[criterion_id] != old_level:
            changes.append((f"level {criterion_id}", old_level, levels[criterion_id]))
        if criterion_id in notes and (notes[criterion_id] or None) != (old_note or None):
            changes.append((f"note {criterion_id}", old_note, notes[criterion_id]))
    if assessed_on is not None and assessed_on != assessment.assessed_on:
        changes.append(("assessed_on", assessment.assessed_on, assessed_on))
    return changes


def _audit_correction(
    session: Session,
    assessment: Assessment,
    changes: list[tuple[str, object, object]],
    reason: str | None,
    officer_id: uuid.UUID | None,
) -> None:
    """Refuse a change to a final assessment without a reason; with one, log each change."""
    if not (reason and reason.strip()):
        fields_id = ", ".join(name for name, _, _ in changes)
        raise InvalidInputError(
            "Penilaian ini sudah final dan tidak diubah di tempat "
            f"({fields_id}). Tuliskan alasan koreksi, atau buat penilaian baru.",
            f"This assessment is final and is not changed in place ({fields_id}). "
            "Give a reason for the correction, or make a new assessment.",
            field="reason",
        )
    for name, old, new in changes:
        session.add(
            AuditEntry(
                officer_id=officer_id,
                table_name=Assessment.__tablename__,
                record_id=assessment.id,
                field=name,
                old_value=None if old is None else str(old),
                new_value=None if new is None else str(new),
                reason=reason.strip(),
            )
        )


@dataclass(frozen=True)
class AssessmentView:
    """One assessment as the panel shows it, under the rubric version it was made with."""

    id: uuid.UUID
    product_id: uuid.UUID
    assessor_id: uuid.UUID | None
    assessor_name: str | None
    rubric_id: str
    rubric_version: int
    rubric_hash: str
    status: str
    assessed_on: date | None
    levels: dict[str, int | None]
    notes: dict[str, str | None]
    total: Decimal | None
    stars: int | None
    capped_by_gate: str | None


def list_assessments(db: Database, product_id: uuid.UUID) -> list[AssessmentView]:
    """Every live assessment of a product, oldest first, whatever its rubric version."""
    with db.session() as session:
        found = session.execute(
            select(Assessment, Officer.name)
            .outerjoin(Officer, Officer.id == Assessment.assessor_id)
            .where(Assessment.product_id == product_id, Assessment.deleted_at.is_(None))
            .order_by(Assessment.created_at, Assessment.id)
        ).all()
        return [
            AssessmentView(
                id=a.id,
                product_id=a.product_id,
                assessor_id=a.assessor_id,
                assessor_name=name,
                rubric_id=a.rubric_id,
                rubric_version=a.rubric_version,
                rubric_hash=a.rubric_hash,
                status=a.status,
                assessed_on=a.assessed_on,
                levels={row.criterion_id: row.level for row in a.levels},
                notes={row.criterion_id: row.note for row in a.levels},
                total=a.total,
                stars=a.stars,
                capped_by_gate=a.capped_by_gate,
            )
            for a, name in found
        ]


def finalize_assessment(db: Database, assessment_id: uuid.UUID, rubric: Rubric) -> AssessmentResult:
    """Mark an assessment final: every criterion must have a level."""
    with db.session() as session:
        found = session.get(Assessment, assessment_id)
        if found is None or found.deleted_at is not None:
            raise NotFoundError("Penilaian tidak ditemukan.", "Assessment not found.")
        product_id = found.product_id
    return save_assessment(db, product_id, rubric, {}, assessment_id=assessment_id, final=True)


def reassess(
    db: Database,
    product_id: uuid.UUID,
    rubric: Rubric,
    *,
    assessor_id: uuid.UUID | None = None,
    device_id: uuid.UUID | None = None,
) -> AssessmentResult:
    """A new, empty assessment under `rubric`; assessments under other versions stay as they are."""
    return save_assessment(db, product_id, rubric, {}, assessor_id=assessor_id, device_id=device_id)
