"""The candidates of a whole kecamatan, kabupaten/kota or province, ranked under one rubric
version, with the villages whose candidates are not assessed yet.

Each village counts with its most recent live survey, as in the village ranking.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.core.scoring import CandidateInput, rank_candidates
from ovop_desktop.db.models import CandidateProduct, Region, Survey
from ovop_desktop.services.assessed import assessed_levels
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import NotFoundError


@dataclass(frozen=True)
class RegionalRow:
    product_id: uuid.UUID
    name: str
    category: str
    survey_id: uuid.UUID
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
class _Place:
    survey_id: uuid.UUID
    village_code: str
    village: str
    district: str
    regency: str
    status: str
    chosen: uuid.UUID | None


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


def rank_region(db: Database, region_code: str | None, rubric: Rubric) -> RegionalRanking:
    """All assessed candidates of the region (None: every survey), best total first."""
    name = _region_name(db, region_code)
    with db.session() as session:
        query = select(
            Survey.id,
            Survey.village_code,
            Survey.village_name,
            Survey.district_name,
            Survey.regency_name,
            Survey.status,
            Survey.recommended_product_id,
        ).where(Survey.deleted_at.is_(None))
        if region_code is not None:
            query = query.where(Survey.village_code.startswith(region_code + ".", autoescape=True))
        latest: dict[str, _Place] = {}
        for row in session.execute(query.order_by(Survey.survey_date, Survey.created_at)):
            latest[row[1]] = _Place(*row)
        surveys = {place.survey_id: place for place in latest.values()}
        products: dict[uuid.UUID, list[tuple[uuid.UUID, str, str]]] = defaultdict(list)
        for product_id, survey_id, product_name, category in session.execute(
            select(
                CandidateProduct.id,
                CandidateProduct.survey_id,
                CandidateProduct.name,
                CandidateProduct.category,
            ).where(CandidateProduct.deleted_at.is_(None))
        ):
            if survey_id in surveys:
                products[survey_id].append((product_id, product_name, category))
        assessed = assessed_levels(session, rubric, None)
    rows: list[RegionalRow] = []
    unassessed: list[UnassessedVillage] = []
    for survey_id, place in surveys.items():
        code, village, district, regency = (
            place.village_code,
            place.village,
            place.district,
            place.regency,
        )
        candidates = products.get(survey_id, [])
        ranked = rank_candidates(
            rubric,
            [
                CandidateInput(
                    str(pid), pname, category, assessed[pid].levels if pid in assessed else {}
                )
                for pid, pname, category in candidates
            ],
        )
        complete = [r for r in ranked if r.rank is not None]
        if not complete:
            unassessed.append(
                UnassessedVillage(
                    survey_id, str(code), str(village), str(district), str(regency), len(candidates)
                )
            )
        for entry in complete:
            product_id = uuid.UUID(entry.candidate.product_id)
            counted = assessed[product_id]
            cap = entry.score.capped_by
            rows.append(
                RegionalRow(
                    product_id=product_id,
                    name=entry.candidate.name,
                    category=entry.candidate.category,
                    survey_id=survey_id,
                    village_code=str(code),
                    village=str(village),
                    district=str(district),
                    regency=str(regency),
                    survey_status=place.status,
                    village_rank=entry.rank,
                    total=entry.score.total,
                    stars=entry.score.stars,
                    gate=cap.gate.id if cap else None,
                    final=counted.final,
                    consensus=counted.consensus,
                    recommended=product_id == place.chosen
                    or (place.chosen is None and entry.rank == 1),
                )
            )
    rows.sort(key=lambda r: (-(r.total or 0), -(r.stars or 0), r.regency, r.village, r.name))
    unassessed.sort(key=lambda v: (v.regency, v.district, v.village))
    return RegionalRanking(
        region_code, name, rubric.id, rubric.version, tuple(rows), tuple(unassessed)
    )
