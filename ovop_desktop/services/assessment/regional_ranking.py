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
from ovop_desktop.services.assessment.counted_levels import (
    AssessedLevels,
    CountedSnapshot,
    assessed_levels,
    counted_snapshots,
)
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


_Ranked = tuple[uuid.UUID, str, str, Decimal, int | None, str | None]


def _needs_levels(
    candidates: list[tuple[uuid.UUID, str, str]], counted: dict[uuid.UUID, CountedSnapshot]
) -> bool:
    snapshots = [counted[pid] for pid, _, _ in candidates if pid in counted]
    if any(s.consensus for s in snapshots):
        return True
    totals = [s.total for s in snapshots if s.total is not None]
    return len(totals) != len(set(totals))


def _village_ranking(
    rubric: Rubric,
    candidates: list[tuple[uuid.UUID, str, str]],
    counted: dict[uuid.UUID, CountedSnapshot],
    assessed: dict[uuid.UUID, AssessedLevels],
) -> list[_Ranked]:
    """The complete candidates of one village in rank order, as the village ranking has them."""
    if any(pid in assessed for pid, _, _ in candidates):
        ranked = rank_candidates(
            rubric,
            [
                CandidateInput(
                    str(pid), name, category, assessed[pid].levels if pid in assessed else {}
                )
                for pid, name, category in candidates
            ],
        )
        return [
            (
                uuid.UUID(r.candidate.product_id),
                r.candidate.name,
                r.candidate.category,
                r.score.total,
                r.score.stars,
                r.score.capped_by.gate.id if r.score.capped_by else None,
            )
            for r in ranked
            if r.rank is not None and r.score.total is not None
        ]
    complete = [
        (pid, name, category, snapshot.total, snapshot.stars, snapshot.gate)
        for pid, name, category in candidates
        if (snapshot := counted.get(pid)) is not None and snapshot.total is not None
    ]
    return sorted(complete, key=lambda c: -c[3])  # totals differ: no tie-break needed


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
        counted = counted_snapshots(session, rubric)
        # Levels are read only where a snapshot is not enough: a consensus of several assessors,
        # or a village where totals tie and the tie-break decides.
        needs_levels = [
            pid
            for candidates in products.values()
            if _needs_levels(candidates, counted)
            for pid, _, _ in candidates
        ]
        assessed = assessed_levels(session, rubric, needs_levels) if needs_levels else {}
    rows: list[RegionalRow] = []
    unassessed: list[UnassessedVillage] = []
    for survey_id, place in surveys.items():
        candidates = products.get(survey_id, [])
        ranked = _village_ranking(rubric, candidates, counted, assessed)
        if not ranked:
            unassessed.append(
                UnassessedVillage(
                    survey_id,
                    place.village_code,
                    place.village,
                    place.district,
                    place.regency,
                    len(candidates),
                )
            )
        for rank, (product_id, product_name, category, total, stars, gate) in enumerate(
            ranked, start=1
        ):
            snapshot = counted[product_id]
            rows.append(
                RegionalRow(
                    product_id=product_id,
                    name=product_name,
                    category=category,
                    survey_id=survey_id,
                    village_code=place.village_code,
                    village=place.village,
                    district=place.district,
                    regency=place.regency,
                    survey_status=place.status,
                    village_rank=rank,
                    total=total,
                    stars=stars,
                    gate=gate,
                    final=snapshot.final,
                    consensus=snapshot.consensus,
                    recommended=product_id == place.chosen or (place.chosen is None and rank == 1),
                )
            )
    rows.sort(key=lambda r: (-(r.total or 0), -(r.stars or 0), r.regency, r.village, r.name))
    unassessed.sort(key=lambda v: (v.regency, v.district, v.village))
    return RegionalRanking(
        region_code, name, rubric.id, rubric.version, tuple(rows), tuple(unassessed)
    )
