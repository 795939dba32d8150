"""The survey list: every live survey with its counts and top candidate, fast for 10,000.

The top candidate is each survey's rank 1 from services.assessment.ranking_pass, the pass every
ranking shares: stored snapshots where they are valid, levels read only where they are not (a
consensus, a tie at the top, stars a changed category may move), so the answer is always the
same as the village ranking's rank 1.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import Officer, Survey
from ovop_desktop.services.assessment.pass_reads import as_uuid, id_text
from ovop_desktop.services.assessment.ranking_pass import (
    Passed,
    pass_surveys,
    without_cycle_collection,
)
from ovop_desktop.services.database import Database
from ovop_desktop.services.surveys.survey_row import SurveyRow

SCREENFUL_AT_MOST = 500  # a page this long ranks only its own surveys (one IN list of their ids)


def list_surveys(
    db: Database, rubric: Rubric, *, offset: int = 0, limit: int | None = None
) -> list[SurveyRow]:
    """Every live survey with its top candidate under `rubric`, in a fixed number of queries,
    by regency, district, village, date (and id, so that the order is total). With `offset`
    and `limit`, only that slice of the order: the first screenful at once (`limit`, its own
    surveys alone ranked), then the rest (`offset`), which together are the whole list."""
    order = (
        Survey.regency_name,
        Survey.district_name,
        Survey.village_name,
        Survey.survey_date,
        Survey.id,
    )
    # The cycle collector off for the rows too: at 100,000 surveys it walked them for half of
    # their read (see without_cycle_collection).
    with db.session() as session, without_cycle_collection():
        surveys = session.execute(
            select(
                id_text(Survey.id),
                Survey.village_code,
                Survey.regency_name,
                Survey.district_name,
                Survey.village_name,
                Survey.survey_date,
                Survey.status,
                Officer.name,
                Survey.latitude,
                Survey.longitude,
                id_text(Survey.recommended_product_id),
            )
            .outerjoin(Officer, Officer.id == Survey.officer_id)
            .where(Survey.deleted_at.is_(None))
            .order_by(*order)
            .offset(offset)
            .limit(limit)
        ).all()
        # The survey's rank 1 from the ranking pass every ranking shares (so always what the
        # village ranking says): a screenful reads only its own surveys' candidates, the rest the
        # whole pass. The pass takes these rows as its surveys, and gives its result in their
        # order (no survey read twice, nor looked up by key: at 100,000 surveys each lookup
        # missed the caches).
        narrow = limit is not None and limit <= SCREENFUL_AT_MOST
        passed = pass_surveys(
            session,
            rubric,
            survey_ids=[as_uuid(row[0]) for row in surveys] if narrow else None,
            surveys=[(r[0], r[1], r[4], r[3], r[2], r[6], r[10]) for r in surveys],
        )
        return _rows(surveys, passed)


def _rows(surveys: Sequence[Any], passed: list[Passed]) -> list[SurveyRow]:
    """The list's rows, read straight from the pass (in the same order): only each survey's
    rank 1 and its number of candidates (no RankedCandidate made for the others)."""
    rows = []
    for row, item in zip(surveys, passed, strict=True):
        key, code, regency, district, village, day, status, officer, latitude, longitude, _ = row
        top = item.ranked[0] if item.ranked else None  # (pass_reads.Entry)
        rows.append(
            SurveyRow(
                survey_id=as_uuid(key),
                village_code=code,
                regency=regency,
                district=district,
                village=village,
                survey_date=day,
                officer=officer,
                status=status,
                candidates=len(item.ranked) + len(item.others),
                top_candidate=None if top is None else top[1],
                top_stars=None if top is None else top[3].stars,
                top_total=None if top is None else top[3].total,
                latitude=latitude,
                longitude=longitude,
            )
        )
    return rows


def survey_count(db: Database) -> int:
    with db.session() as session:
        return (
            session.scalar(
                select(func.count()).select_from(Survey).where(Survey.deleted_at.is_(None))
            )
            or 0
        )
