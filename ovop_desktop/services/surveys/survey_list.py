"""The survey list: every live survey with its counts and top candidate, fast for 10,000.

The top candidate comes from the totals and stars stored with the assessment that counts for each
product (services.assessed); only for a consensus of several assessors, or where totals tie at the
top, are the levels read, so the answer is always the same as `rank_village`'s rank 1.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.core.scoring import CandidateInput, rank_candidates
from ovop_desktop.db.models import CandidateProduct, Officer, Survey
from ovop_desktop.services.assessment.counted_levels import assessed_levels, scored_snapshots
from ovop_desktop.services.database import Database


@dataclass(frozen=True)
class SurveyRow:
    survey_id: uuid.UUID
    village_code: str
    regency: str
    district: str
    village: str
    survey_date: date
    officer: str | None
    status: str
    candidates: int
    top_candidate: str | None
    top_stars: int | None
    top_total: Decimal | None
    latitude: float | None = None  # the survey's GPS point, checked for the list's flag
    longitude: float | None = None

    def as_json(self) -> dict[str, object]:
        return {
            "survey_id": str(self.survey_id),
            "village_code": self.village_code,
            "regency": self.regency,
            "district": self.district,
            "village": self.village,
            "survey_date": self.survey_date.isoformat(),
            "officer": self.officer,
            "status": self.status,
            "candidates": self.candidates,
            "top_candidate": self.top_candidate,
            "top_stars": self.top_stars,
            "top_total": None if self.top_total is None else float(self.top_total),
        }


@dataclass(frozen=True)
class _Candidate:
    product_id: uuid.UUID
    name: str
    category: str
    total: Decimal | None
    stars: int | None


def list_surveys(
    db: Database, rubric: Rubric, *, offset: int = 0, limit: int | None = None
) -> list[SurveyRow]:
    """Every live survey with its top candidate under `rubric`, in a fixed number of queries,
    by regency, district, village, date (and id, so that the order is total). With `offset`
    and `limit`, only that slice of the order, its products alone read: the first screenful at
    once (`limit`), then the rest (`offset`), which together are the whole list."""
    order = (
        Survey.regency_name,
        Survey.district_name,
        Survey.village_name,
        Survey.survey_date,
        Survey.id,
    )
    with db.session() as session:
        page = (
            select(Survey.id)
            .where(Survey.deleted_at.is_(None))
            .order_by(*order)
            .offset(offset)
            .limit(limit)
        )
        surveys = session.execute(
            select(
                Survey.id,
                Survey.village_code,
                Survey.regency_name,
                Survey.district_name,
                Survey.village_name,
                Survey.survey_date,
                Survey.status,
                Officer.name,
                Survey.latitude,
                Survey.longitude,
            )
            .outerjoin(Officer, Officer.id == Survey.officer_id)
            .where(Survey.deleted_at.is_(None))
            .order_by(*order)
            .offset(offset)
            .limit(limit)
        ).all()
        products_query = select(
            CandidateProduct.id,
            CandidateProduct.survey_id,
            CandidateProduct.name,
            CandidateProduct.category,
        ).where(CandidateProduct.deleted_at.is_(None))
        if offset or limit is not None:
            products_query = products_query.where(CandidateProduct.survey_id.in_(page))
        products = session.execute(products_query).all()
        # Two or more final assessments: the consensus is scored from the median levels. A
        # screenful (`limit`) reads only its own products' assessments; the rest of the list
        # reads the province's in one query, cheaper than thousands of IN lists.
        counted = scored_snapshots(
            session,
            rubric,
            {pid: category for pid, _, _, category in products},
            only_these=limit is not None,
        )
        by_survey: dict[uuid.UUID, list[_Candidate]] = defaultdict(list)
        for product_id, survey_id, name, category in products:
            snapshot = counted.get(product_id)
            total = snapshot.total if snapshot else None
            stars = snapshot.stars if snapshot else None
            by_survey[survey_id].append(_Candidate(product_id, name, category, total, stars))
        tops = {sid: _top(rubric, session, cands) for sid, cands in by_survey.items()}
    return [
        SurveyRow(
            survey_id=sid,
            village_code=code,
            regency=regency,
            district=district,
            village=village,
            survey_date=day,
            officer=officer,
            status=status,
            candidates=len(by_survey.get(sid, ())),
            top_candidate=top.name if (top := tops.get(sid)) else None,
            top_stars=top.stars if top else None,
            top_total=top.total if top else None,
            latitude=latitude,
            longitude=longitude,
        )
        for sid, code, regency, district, village, day, status, officer, latitude, longitude in (
            surveys
        )
    ]


def _top(rubric: Rubric, session: Session, candidates: list[_Candidate]) -> _Candidate | None:
    scored = [c for c in candidates if c.total is not None]
    if not scored:
        return None
    best = max(c.total for c in scored if c.total is not None)
    tied = [c for c in scored if c.total == best]
    if len(tied) == 1:
        return tied[0]
    return _break_tie(rubric, session, tied)


def _break_tie(rubric: Rubric, session: Session, tied: list[_Candidate]) -> _Candidate:
    """Rank the tied candidates with their levels, exactly as the village ranking does."""
    levels = assessed_levels(session, rubric, [c.product_id for c in tied])
    by_id = {str(c.product_id): c for c in tied}
    ranked = rank_candidates(
        rubric,
        [
            CandidateInput(
                str(c.product_id),
                c.name,
                c.category,
                levels[c.product_id].levels if c.product_id in levels else {},
            )
            for c in tied
        ],
    )
    return by_id[ranked[0].candidate.product_id]


def survey_count(db: Database) -> int:
    with db.session() as session:
        return (
            session.scalar(
                select(func.count()).select_from(Survey).where(Survey.deleted_at.is_(None))
            )
            or 0
        )
