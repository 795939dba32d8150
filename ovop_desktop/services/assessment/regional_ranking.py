"""The candidates of a whole kecamatan, kabupaten/kota or province, ranked under one rubric
version, with the villages whose candidates are not assessed yet.

Each village counts with its most recent live survey, as in the village ranking; the ranking
comes from the one pass of services.assessment.ranking_pass.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal
from operator import itemgetter
from typing import NamedTuple

from sqlalchemy import select

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import Region
from ovop_desktop.services.assessment.ranking_pass import (
    RankedSurvey,
    as_uuid,
    rank_surveys,
    without_cycle_collection,
)
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import NotFoundError

_make = tuple.__new__  # _make(RegionalRow, fields): without the Python frame of its __new__
_key, _row = itemgetter(0, 1, 2), itemgetter(3)


class RegionalRow(NamedTuple):
    """One assessed candidate of the region. A named tuple, its ids kept as the database keeps
    them until asked for: a province makes 50,000 of them."""

    product_key: object  # the product id as the database keeps it (see product_id)
    name: str
    category: str
    survey_key: object  # the survey id as the database keeps it (see survey_id)
    village_code: str
    village: str
    district: str
    regency: str
    survey_status: str
    village_rank: int | None
    total: Decimal | None
    stars: int | None
    gate: str | None
    final: bool
    consensus: bool
    recommended: bool

    @property
    def product_id(self) -> uuid.UUID:
        return as_uuid(self.product_key)

    @property
    def survey_id(self) -> uuid.UUID:
        return as_uuid(self.survey_key)

    def as_json(self) -> dict[str, object]:
        return {
            "product_id": str(self.product_id),
            "name": self.name,
            "category": self.category,
            "village_code": self.village_code,
            "village": self.village,
            "district": self.district,
            "regency": self.regency,
            "survey_status": self.survey_status,
            "village_rank": self.village_rank,
            "total": None if self.total is None else float(self.total),
            "stars": self.stars,
            "gate": self.gate,
            "final": self.final,
            "consensus": self.consensus,
            "recommended": self.recommended,
        }


@dataclass(frozen=True)
class UnassessedVillage:
    survey_id: uuid.UUID
    village_code: str
    village: str
    district: str
    regency: str
    candidates: int


@dataclass(frozen=True)
class RegionalRanking:
    region_code: str | None
    region_name: str
    rubric_id: str
    rubric_version: int
    rows: tuple[RegionalRow, ...]
    unassessed: tuple[UnassessedVillage, ...]


def _region_name(db: Database, region_code: str | None) -> str:
    if region_code is None:
        return ""
    with db.session() as session:
        name = session.scalar(select(Region.name).where(Region.code == region_code))
    if name is None:
        raise NotFoundError(
            f"Kode wilayah {region_code} tidak ada di daftar wilayah.",
            f"Region code {region_code} is not in the region list.",
        )
    return name


def regional_rows(
    surveys: list[RankedSurvey],
) -> tuple[tuple[RegionalRow, ...], tuple[UnassessedVillage, ...]]:
    """The ranked candidates of each village's latest survey, best total first, and the villages
    that have none.

    The order is (-total, -stars, regency, village, name). With a few dozen distinct totals in a
    province, comparing those tuples would mostly compare names; the regency and village are
    replaced by the place of their pair among the pairs in order, in one integer with the stars,
    so that sorting 50,000 rows mostly compares integers."""
    latest = [survey for survey in surveys if survey.latest]
    places = {(survey.regency, survey.village) for survey in latest}
    place_of = {pair: number for number, pair in enumerate(sorted(places))}
    spread = len(place_of) + 1
    keyed: list[tuple[int, int, str, RegionalRow]] = []
    unassessed: list[UnassessedVillage] = []
    append = keyed.append
    for survey in latest:
        key, code, village, district, regency, status, _, _, candidates = survey
        place = place_of[regency, village]
        assessed = False
        for candidate in candidates:
            rank = candidate.rank
            if rank is None:
                break  # the unranked come after the ranked
            assessed = True
            standing = candidate.standing
            assert standing is not None
            stars, final = standing.stars, candidate.final
            row = _make(
                RegionalRow,
                (
                    candidate.key,
                    candidate.name,
                    candidate.category,
                    key,
                    code,
                    village,
                    district,
                    regency,
                    status,
                    rank,
                    standing.total,
                    stars,
                    standing.gate,
                    final,
                    final and candidate.assessments > 1,
                    survey.recommended(candidate),
                ),
            )
            append((-standing.cents, place - stars * spread, candidate.name, row))
        if not assessed:
            unassessed.append(
                UnassessedVillage(
                    survey.survey_id, code, village, district, regency, len(candidates)
                )
            )
    keyed.sort(key=_key)
    unassessed.sort(key=lambda v: (v.regency, v.district, v.village))
    return tuple(map(_row, keyed)), tuple(unassessed)


def rank_region(db: Database, region_code: str | None, rubric: Rubric) -> RegionalRanking:
    """All assessed candidates of the region (None: every survey), best total first."""
    name = _region_name(db, region_code)
    with db.session() as session:
        surveys = rank_surveys(session, rubric, region_code)
    with without_cycle_collection():
        rows, unassessed = regional_rows(surveys)
    return RegionalRanking(region_code, name, rubric.id, rubric.version, rows, unassessed)
