"""What a recommendation letter prints: its data (the letterhead, the village, the recommended
candidate and an assessment sheet per ranked candidate, the coaching notes, the locator map),
and the snapshot of the assessment the register keeps with it, both from one ranking of the
village (services.letters.register numbers, issues and keeps letters; services.letters.batch
prepares a region's).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ovop_desktop.core.errors import DomainError
from ovop_desktop.core.letter_identity import LetterIdentity, letter_identity
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.core.scoring import explain, score
from ovop_desktop.db.models import Assessment, AssessmentLevel, CandidateProduct, Officer, Survey
from ovop_desktop.paths import AppPaths
from ovop_desktop.reports.data import CandidateSheet, CriterionLine, LetterData, Paper
from ovop_desktop.reports.map_data import LocatorMap
from ovop_desktop.services.assessment.counted_levels import assessed_levels
from ovop_desktop.services.assessment.village_ranking import VillageRanking, rank_survey
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError
from ovop_desktop.services.letters.letter_settings import LetterSettings, load_letter_settings
from ovop_desktop.services.surveys import photos


@dataclass(frozen=True)
class LetterOptions:
    addressee: str
    addressee_place: str
    sifat: str = "Biasa"
    lampiran: str = "1 (satu) berkas"
    tembusan: tuple[str, ...] = ()
    signatory: int = 0
    paper: Paper = "A4"
    issued_on: date | None = None
    # Why a village that already has a live letter gets another; the earlier one is replaced.
    replace_reason: str | None = None


def assessment_snapshot(
    db: Database, survey_id: uuid.UUID, rubric: Rubric, *, ranking: VillageRanking | None = None
) -> dict[str, Any]:
    """What the letter prints of the assessment: candidates, levels, totals, the choice. With
    `ranking`, the survey's ranking under `rubric` already made (the one the letter prints)."""
    if ranking is None:
        ranking = rank_survey(db, survey_id, rubric)
    recommended = ranking.recommended
    return {
        "survey_id": str(survey_id),
        "village_code": ranking.village_code,
        "rubric": {"id": rubric.id, "version": rubric.version, "hash": rubric.definition_hash},
        "candidates": [
            {
                "product_id": str(e.product_id),
                "name": e.name,
                "rank": e.rank,
                "total": None if e.total is None else str(e.total),
                "stars": e.stars,
                "levels": e.levels,
            }
            for e in ranking.entries
        ],
        "recommended": str(recommended.product_id) if recommended else None,
        "justification": ranking.justification,
    }


def _notes(session: Session, counting: list[uuid.UUID]) -> dict[uuid.UUID, dict[str, str]]:
    """Per product, the assessors' notes per criterion from the assessments that count (a
    consensus's joined in the order the assessments were made), in one query for a village."""
    rows = session.execute(
        select(Assessment.product_id, AssessmentLevel.criterion_id, AssessmentLevel.note)
        .join(Assessment, Assessment.id == AssessmentLevel.assessment_id)
        .where(AssessmentLevel.assessment_id.in_(counting), AssessmentLevel.note.is_not(None))
        .order_by(Assessment.created_at, Assessment.id)
    )
    joined: dict[uuid.UUID, dict[str, list[str]]] = {}
    for product, criterion, note in rows:
        if text := (note or "").strip():
            joined.setdefault(product, {}).setdefault(criterion, []).append(text)
    return {
        product: {criterion: " / ".join(texts) for criterion, texts in notes.items()}
        for product, notes in joined.items()
    }


def _sheets(
    db: Database, paths: AppPaths, ranking: VillageRanking, rubric: Rubric
) -> tuple[CandidateSheet, ...]:
    with db.session() as session:
        counted = assessed_levels(session, rubric, [e.product_id for e in ranking.entries])
        rows = session.execute(
            select(CandidateProduct.id, CandidateProduct.story).where(
                CandidateProduct.id.in_([e.product_id for e in ranking.entries])
            )
        )
        stories: dict[uuid.UUID, str | None] = {row.id: row.story for row in rows}
        notes_of = _notes(session, [k for found in counted.values() for k in found.assessment_ids])
    sheets = []
    for entry in ranking.entries:
        if entry.rank is None:
            continue
        result = score(rubric, entry.levels, entry.category)
        band = next(b for b in rubric.bands if b.stars == entry.stars)
        pictures = photos.list_photos(db, paths, product_id=entry.product_id)
        assessed = counted.get(entry.product_id)
        notes = notes_of.get(entry.product_id, {})
        count = len(assessed.assessment_ids) if assessed else 0
        sheets.append(
            CandidateSheet(
                product_name=entry.name,
                category=rubric.category(entry.category).name_id,
                village_rank=entry.rank,
                total=entry.total,
                stars=entry.stars,
                band_meaning=band.meaning_id,
                gate_message=entry.gate_reason,
                group_subtotals=tuple(
                    (f"{g.id} · {g.name_id}", result.group_subtotals.get(g.id, Decimal(0)))
                    for g in rubric.groups
                ),
                criteria=tuple(
                    CriterionLine(
                        c.id,
                        c.name_id,
                        c.group,
                        c.weight,
                        entry.levels.get(c.id),
                        c.descriptor(level).text_id if (level := entry.levels.get(c.id)) else "",
                        result.points.get(c.id),
                        notes.get(c.id),
                    )
                    for c in rubric.criteria
                ),
                assessors=(
                    f"median {count} penilaian final"
                    if count > 1
                    else "1 penilaian final"
                    if entry.final
                    else "penilaian draf"
                ),
                photo_jpeg=pictures[0].path.read_bytes() if pictures else None,
                story=(stories.get(entry.product_id) or "").strip() or None,
                stars_before_gate=result.band_stars if result.capped_by else None,
            )
        )
    return tuple(sheets)


def _point(latitude: float | None, longitude: float | None) -> tuple[float, float] | None:
    return None if latitude is None or longitude is None else (latitude, longitude)


def _locator(
    paths: AppPaths, code: str, caption: str, point: tuple[float, float] | None
) -> LocatorMap | None:
    """The attachment's locator map; a letter is still made without one (no outline)."""
    from ovop_desktop.services.boundaries import locator_map

    try:
        return locator_map(paths, code, caption, point)
    except (OSError, DomainError):
        return None


def prepare_letter(
    db: Database,
    paths: AppPaths,
    survey_id: uuid.UUID,
    options: LetterOptions,
    rubric: Rubric,
    *,
    identity: LetterIdentity | None = None,
    ranking: VillageRanking | None = None,
    settings: LetterSettings | None = None,
) -> LetterData:
    """The data of a letter; refused, naming the setting, when a setting is missing. Without
    an `identity` (a preview) the letter has a placeholder number and no verification code.
    A caller that has already made the survey's `ranking` under `rubric` (for the snapshot the
    letter is registered with) or loaded the `settings` passes them, so that the letter prints
    what was registered and a batch does not read them again for every village."""
    if settings is None:
        settings = load_letter_settings(db)
    if settings.problems:
        raise settings.refusal()
    if not 0 <= options.signatory < len(settings.signatories):
        raise InvalidInputError(
            "Pilih penanda tangan dari daftar.",
            "Choose the signatory from the list.",
            field="signatory",
        )
    if ranking is None:
        ranking = rank_survey(db, survey_id, rubric)
    chosen = ranking.recommended
    if chosen is None or chosen.total is None or chosen.stars is None:
        raise InvalidInputError(
            f"Belum ada produk kandidat {ranking.village_name} yang dinilai lengkap: "
            "surat rekomendasi belum dapat dibuat.",
            f"No candidate of {ranking.village_name} is fully assessed yet.",
        )
    with db.session() as session:
        survey = session.get(Survey, survey_id)
        assert survey is not None
        officer = session.get(Officer, survey.officer_id) if survey.officer_id else None
        district, regency = survey.district_name, survey.regency_name
        code, point = survey.village_code, _point(survey.latitude, survey.longitude)
    explanation = explain(rubric, score(rubric, chosen.levels, chosen.category))
    coaching = tuple(
        f"{note.criterion.name_id} (tingkat {note.level}): menuju tingkat {note.level + 1}, "
        f"{note.criterion.descriptor(note.level + 1).text_id}."
        for note in explanation.weakest
    )
    assert settings.letterhead is not None and settings.place is not None
    day = options.issued_on or date.today()
    return LetterData(
        paper=options.paper,
        letterhead=settings.letterhead,
        place=settings.place,
        issued_on=day,
        number=identity.number if identity else "…/…/…",
        sifat=options.sifat,
        lampiran=options.lampiran,
        hal=f"Rekomendasi Produk Unggulan OVOP Desa {ranking.village_name}",
        addressee=options.addressee,
        addressee_place=options.addressee_place,
        village=ranking.village_name,
        district=district,
        regency=regency,
        survey_date=ranking.survey_date,
        officer_name=officer.name if officer else "-",
        officer_nip=officer.nip if officer else None,
        candidates=_sheets(db, paths, ranking, rubric),
        recommended=chosen.name,
        recommended_total=chosen.total,
        recommended_stars=chosen.stars,
        rubric_name=rubric.name,
        rubric_version=rubric.version,
        rubric_hash=rubric.definition_hash,
        max_stars=rubric.max_stars,
        justification=ranking.justification,
        coaching=coaching,
        signatory=settings.signatories[options.signatory],
        locator=_locator(paths, code, f"Desa {ranking.village_name}, Kecamatan {district}", point),
        tembusan=options.tembusan,
        verification_code=identity.verification_code if identity else "",
        verification_payload=identity.payload if identity else "",
    )


def numbered_letter(
    db: Database,
    paths: AppPaths,
    survey_id: uuid.UUID,
    options: LetterOptions,
    rubric: Rubric,
    *,
    settings: LetterSettings,
    ranking: VillageRanking,
    snapshot: dict[str, Any],
    sequence: int,
) -> tuple[LetterIdentity, LetterData]:
    """A letter to issue: its identity (number `sequence` of the laptop, on the day of
    `options.issued_on`, sealing `snapshot`) and its data, printed from the same `ranking` the
    snapshot was made of."""
    assert options.issued_on is not None
    identity = letter_identity(
        settings.number_template or "", sequence, options.issued_on, snapshot
    )
    data = prepare_letter(
        db,
        paths,
        survey_id,
        options,
        rubric,
        identity=identity,
        ranking=ranking,
        settings=settings,
    )
    return identity, data
