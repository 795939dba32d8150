"""Reading one survey whole, for the editor: its fields, respondents and candidate products."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from ovop_desktop.db.models import CandidateProduct, Officer, Respondent, Survey
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import NotFoundError
from ovop_desktop.services.surveys.capture import PRODUCT_FIELDS, RESPONDENT_FIELDS, SURVEY_FIELDS


@dataclass(frozen=True)
class RecordState:
    """One record as the editor shows it: its id, revision and field values."""

    id: uuid.UUID
    revision: int
    values: dict[str, Any]


@dataclass(frozen=True)
class SurveyDetail:
    survey: RecordState
    village_name: str
    district_name: str
    regency_name: str
    status: str
    officer_name: str | None
    updated_at: datetime
    respondents: tuple[RecordState, ...]
    products: tuple[RecordState, ...]

    @property
    def id(self) -> uuid.UUID:
        return self.survey.id

    @property
    def is_final(self) -> bool:
        return self.status == "final"


def _state(record: Any, names: frozenset[str]) -> RecordState:
    return RecordState(record.id, record.revision, {n: getattr(record, n) for n in sorted(names)})


def load_survey(db: Database, survey_id: uuid.UUID) -> SurveyDetail:
    with db.session() as session:
        survey = session.get(Survey, survey_id)
        if survey is None or survey.deleted_at is not None:
            raise NotFoundError("Survei tidak ditemukan.", "Survey not found.")
        officer = session.get(Officer, survey.officer_id) if survey.officer_id else None
        respondents = session.scalars(
            select(Respondent)
            .where(Respondent.survey_id == survey_id, Respondent.deleted_at.is_(None))
            .order_by(Respondent.created_at, Respondent.id)
        ).all()
        products = session.scalars(
            select(CandidateProduct)
            .where(CandidateProduct.survey_id == survey_id, CandidateProduct.deleted_at.is_(None))
            .order_by(CandidateProduct.created_at, CandidateProduct.id)
        ).all()
        return SurveyDetail(
            survey=_state(survey, SURVEY_FIELDS),
            village_name=survey.village_name,
            district_name=survey.district_name,
            regency_name=survey.regency_name,
            status=survey.status,
            officer_name=officer.name if officer else None,
            updated_at=survey.updated_at,
            respondents=tuple(_state(r, RESPONDENT_FIELDS) for r in respondents),
            products=tuple(_state(p, PRODUCT_FIELDS) for p in products),
        )


def regency_points(
    db: Database, village_code: str, exclude: uuid.UUID | None
) -> list[tuple[float, float]]:
    """Coordinates of the other live surveys in the same kabupaten/kota as `village_code`."""
    with db.session() as session:
        rows = session.execute(
            select(Survey.latitude, Survey.longitude).where(
                Survey.village_code.startswith(village_code[:5] + ".", autoescape=True),
                Survey.deleted_at.is_(None),
                Survey.latitude.is_not(None),
                Survey.longitude.is_not(None),
                Survey.id != exclude if exclude else Survey.id.is_not(None),
            )
        ).all()
    return [(float(lat), float(lon)) for lat, lon in rows if lat is not None and lon is not None]
