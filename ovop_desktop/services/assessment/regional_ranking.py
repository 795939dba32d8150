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
from ovop_desktop.services.assessment.pass_reads import as_uuid
from ovop_desktop.services.assessment.ranking_pass import (
    Passed,
    counts,
    pass_surveys,
    recommended,
    without_cycle_collection,
)
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import NotFoundError

_make = tuple.__new__  # _make(RegionalRow, fields): without the Python frame of its __new__
_row = itemgetter(3)
_STARS = 8  # more than any number of stars: (-cents × _STARS - stars) orders by total, then stars


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
    passed: list[Passed],
) -> tuple[tuple[RegionalRow, ...], tuple[UnassessedVillage, ...]]:
    """The ranked candidates of each village's latest survey, best total first, and the villages
    that have none, made straight from the pass's entries (a province has 50,000 rows).

    The order is (-total, -stars, regency, village, name). With a few dozen distinct totals in a
    province, comparing those tuples would mostly compare names. The first four are one integer
    instead (the regency and the village each as its place among the names in order), so that
    sorting 50,000 rows compares integers, and names only within one village."""
    latest = [item for item in passed if item.latest]
    regency_of = _places({item.survey[4] for item in latest})
    village_of = _places({item.survey[2] for item in latest})
    villages, spread = len(village_of), len(regency_of) * len(village_of)
    keyed: list[tuple[int, str, int, RegionalRow]] = []
    unassessed: list[UnassessedVillage] = []
    append = keyed.append
    for survey, ranked, others, _ in latest:
        key, code, village, district, regency, status, chosen = survey
        if not ranked:
            unassessed.append(
                UnassessedVillage(as_uuid(key), code, village, district, regency, len(others))
            )
            continue
        place = regency_of[regency] * villages + village_of[village]
        for rank, (product, name, category, standing, _, counted, _) in enumerate(ranked, 1):
            stars, (assessments, final) = standing.stars, counts(counted)
            row = _make(
                RegionalRow,
                (
                    product,
                    name,
                    category,
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
                    final and assessments > 1,
                    recommended(chosen, product, rank),
                ),
            )
            append(((-standing.cents * _STARS - stars) * spread + place, name, rank, row))
    # Same total, stars and place, same name: the village's own order (the row is not compared).
    keyed.sort()
    unassessed.sort(key=lambda v: (v.regency, v.district, v.village))
    return tuple(map(_row, keyed)), tuple(unassessed)


def _places(names: set[str]) -> dict[str, int]:
    """Each name's place in the order of the names (strings sort faster alone than in pairs)."""
    return {name: number for number, name in enumerate(sorted(names))}


def rank_region(db: Database, region_code: str | None, rubric: Rubric) -> RegionalRanking:
    """All assessed candidates of the region (None: every survey), best total first."""
    name = _region_name(db, region_code)
    with db.session() as session, without_cycle_collection():
        rows, unassessed = regional_rows(pass_surveys(session, rubric, region_code))
    return RegionalRanking(region_code, name, rubric.id, rubric.version, rows, unassessed)
