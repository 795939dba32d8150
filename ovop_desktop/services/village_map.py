"""What the map shows of each village: its state (not surveyed, surveyed, assessed with the
stars of its recommended product, designated) and the GPS points of the surveys.

Stars and the recommended product come from the regional ranking (`rank_region`), the same
figures the ranking page shows; a village whose survey recommends no product shows its best
ranked candidate.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import Designation, Survey
from ovop_desktop.services.assessment.regional_ranking import RegionalRow, rank_region
from ovop_desktop.services.database import Database


class VillageState(StrEnum):
    NOT_SURVEYED = "not_surveyed"
    SURVEYED = "surveyed"
    ASSESSED = "assessed"
    DESIGNATED = "designated"


@dataclass(frozen=True)
class VillageOnMap:
    code: str
    state: VillageState
    survey_id: uuid.UUID | None = None
    survey_status: str | None = None
    product: str | None = None
    category: str | None = None
    stars: int | None = None


@dataclass(frozen=True)
class SurveyPoint:
    survey_id: uuid.UUID
    village_code: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class VillageMap:
    """Villages with a survey or a designation by code (any other village is not surveyed),
    and every live survey's GPS point."""

    villages: dict[str, VillageOnMap]
    points: tuple[SurveyPoint, ...]

    def village(self, code: str) -> VillageOnMap:
        return self.villages.get(code) or VillageOnMap(code, VillageState.NOT_SURVEYED)


def _shown_row(rows: list[RegionalRow]) -> RegionalRow | None:
    """The recommended product of a village, else its first ranked one."""
    recommended = [row for row in rows if row.recommended]
    if recommended:
        return recommended[0]
    ranked = sorted(
        (r for r in rows if r.village_rank is not None), key=lambda r: r.village_rank or 0
    )
    return ranked[0] if ranked else None


def village_map(db: Database, rubric: Rubric) -> VillageMap:
    """The state of every surveyed or designated village, and the surveys' points."""
    ranking = rank_region(db, None, rubric)
    by_village: dict[str, list[RegionalRow]] = {}
    for row in ranking.rows:
        by_village.setdefault(row.village_code, []).append(row)
    villages: dict[str, VillageOnMap] = {}
    for code, rows in by_village.items():
        shown = _shown_row(rows)
        if shown is None:
            continue
        villages[code] = VillageOnMap(
            code,
            VillageState.ASSESSED if shown.stars is not None else VillageState.SURVEYED,
            shown.survey_id,
            shown.survey_status,
            shown.name,
            shown.category,
            shown.stars,
        )
    for place in ranking.unassessed:
        villages.setdefault(
            place.village_code,
            VillageOnMap(place.village_code, VillageState.SURVEYED, place.survey_id),
        )
    with db.session() as session:
        points = tuple(
            SurveyPoint(survey_id, code, float(latitude or 0), float(longitude or 0))
            for survey_id, code, latitude, longitude in session.execute(
                select(Survey.id, Survey.village_code, Survey.latitude, Survey.longitude)
                .where(Survey.deleted_at.is_(None))
                .where(Survey.latitude.is_not(None), Survey.longitude.is_not(None))
                .order_by(Survey.village_code, Survey.survey_date)
            )
        )
        designations = session.execute(
            select(Designation.region_code, Designation.product_name, Designation.category).where(
                Designation.revoked_at.is_(None)
            )
        ).all()
    for code, product, category in designations:
        before = villages.get(code)
        villages[code] = VillageOnMap(
            code,
            VillageState.DESIGNATED,
            before.survey_id if before else None,
            before.survey_status if before else None,
            product,
            category,
            before.stars if before else None,
        )
    return VillageMap(villages, points)
