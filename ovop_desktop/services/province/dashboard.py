"""The province dashboard: per kabupaten/kota the surveys, assessed candidates, stars and best
candidates, the villages of the region list not surveyed yet, the categories, and each officer's
last imported package.

Everything comes from a fixed number of queries, whatever the size of the data. Stars and totals
are those of the assessments that count and the best candidates the regional ranking's, both from
the one ranking pass (services.assessment.ranking_pass). Tombstoned records never count.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ovop_desktop.core.regions import RegionLevel, regency_code
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import CandidateProduct, Device, ImportLogEntry, Region, Survey
from ovop_desktop.services.assessment.ranking_pass import (
    RankedCandidate,
    pass_surveys,
    ranked_surveys,
    without_cycle_collection,
)
from ovop_desktop.services.assessment.regional_ranking import RegionalRow, regional_rows
from ovop_desktop.services.database import Database
from ovop_desktop.services.regions import region_hit, villages_only, with_parents

TOP_PER_REGENCY = 3


@dataclass(frozen=True)
class TopCandidate:
    """One of the best assessed candidates of a kabupaten/kota, by the regional ranking."""

    product_id: uuid.UUID
    survey_id: uuid.UUID
    name: str
    category: str
    village: str
    district: str
    total: Decimal | None
    stars: int | None
    village_rank: int | None


@dataclass(frozen=True)
class RegencySummary:
    code: str
    name: str
    surveys: int
    candidates: int  # live candidates of live surveys
    assessed: int  # of them, those with a final assessment under the rubric
    stars: tuple[int, ...]  # assessed candidates with 1, 2 … max_stars stars
    villages: int  # villages of the region list
    surveyed_villages: int  # of them, those with at least one live survey
    top: tuple[TopCandidate, ...]

    @property
    def unsurveyed_villages(self) -> int:
        return self.villages - self.surveyed_villages


@dataclass(frozen=True)
class CategoryCount:
    category_id: str
    name_id: str
    name_en: str
    candidates: int
    assessed: int


@dataclass(frozen=True)
class UnsurveyedVillage:
    code: str
    name: str
    level: str
    district: str
    regency_code: str
    regency: str


@dataclass(frozen=True)
class OfficerImport:
    """The last package imported from one officer on one device, and how many came before."""

    officer_name: str
    device_id: uuid.UUID | None
    device_name: str | None
    imported_at: datetime
    file_name: str
    outcome: str
    counts: dict[str, int] = field(hash=False)
    packages: int


@dataclass(frozen=True)
class Dashboard:
    rubric_id: str
    rubric_version: int
    regencies: tuple[RegencySummary, ...]  # by region code
    categories: tuple[CategoryCount, ...]  # most candidates first, then rubric order
    unsurveyed: tuple[UnsurveyedVillage, ...]  # by region code
    imports: tuple[OfficerImport, ...]  # latest first
    officers: int  # officers who recorded at least one live survey
    max_stars: int  # the top of the rubric's star scale

    @property
    def surveys(self) -> int:
        return sum(r.surveys for r in self.regencies)

    @property
    def candidates(self) -> int:
        return sum(r.candidates for r in self.regencies)

    @property
    def assessed(self) -> int:
        return sum(r.assessed for r in self.regencies)

    @property
    def stars(self) -> tuple[int, ...]:
        return tuple(sum(r.stars[i] for r in self.regencies) for i in range(self.max_stars))

    @property
    def villages(self) -> int:
        return sum(r.villages for r in self.regencies)

    @property
    def surveyed_villages(self) -> int:
        return sum(r.surveyed_villages for r in self.regencies)

    @property
    def unsurveyed_villages(self) -> int:
        return len(self.unsurveyed)

    @property
    def last_import(self) -> OfficerImport | None:
        return self.imports[0] if self.imports else None

    @property
    def empty(self) -> bool:
        """Nothing to show but the region list: no survey and no import yet."""
        return not self.surveys and not self.imports


@dataclass
class _Tally:
    """What is counted for one kabupaten/kota while the rows go by."""

    name: str
    surveys: int = 0
    candidates: int = 0
    assessed: int = 0
    stars: Counter[int] = field(default_factory=Counter)  # candidates per number of stars
    villages: set[str] = field(default_factory=set)
    surveyed: set[str] = field(default_factory=set)


def province_dashboard(db: Database, rubric: Rubric) -> Dashboard:
    """The dashboard of everything in the database, under `rubric` (the one in force)."""
    with db.session() as session:
        tallies = _regencies(session)
        unsurveyed_candidates = _villages(session, tallies)
        survey_rows = session.execute(
            select(Survey.id, Survey.village_code, Survey.regency_name, Survey.officer_id).where(
                Survey.deleted_at.is_(None)
            )
        ).all()
        product_rows = session.execute(
            select(CandidateProduct.id, CandidateProduct.category, Survey.village_code)
            .join(Survey, Survey.id == CandidateProduct.survey_id)
            .where(CandidateProduct.deleted_at.is_(None), Survey.deleted_at.is_(None))
        ).all()
        # One pass ranks every village: the stars counted below and the best candidates.
        with without_cycle_collection():
            passed = pass_surveys(session, rubric)
            surveys = ranked_surveys(passed)
            top = _top_candidates(regional_rows(passed)[0])
        imports = _last_imports(session)
    officers = set()
    for _, village_code, regency_name, officer_id in survey_rows:
        tally = _tally(tallies, village_code, regency_name)
        tally.surveys += 1
        if village_code in tally.villages:
            tally.surveyed.add(village_code)
        if officer_id is not None:
            officers.add(officer_id)
    counted = {c.product_id: c for survey in surveys for c in survey.candidates}
    categories = _count_products(tallies, product_rows, counted)
    regencies = tuple(
        RegencySummary(
            code=code,
            name=tally.name,
            surveys=tally.surveys,
            candidates=tally.candidates,
            assessed=tally.assessed,
            stars=tuple(tally.stars[stars] for stars in range(1, rubric.max_stars + 1)),
            villages=len(tally.villages),
            surveyed_villages=len(tally.surveyed),
            top=top.get(code, ()),
        )
        for code, tally in sorted(tallies.items())
    )
    surveyed = {code for _, code, _, _ in survey_rows}
    unsurveyed = tuple(v for v in unsurveyed_candidates if v.code not in surveyed)
    return Dashboard(
        rubric_id=rubric.id,
        rubric_version=rubric.version,
        regencies=regencies,
        categories=_categories(rubric, categories),
        unsurveyed=unsurveyed,
        imports=imports,
        officers=len(officers),
        max_stars=rubric.max_stars,
    )


def _regencies(session: Session) -> dict[str, _Tally]:
    rows = session.execute(
        select(Region.code, Region.name).where(Region.level == str(RegionLevel.KABUPATEN_KOTA))
    )
    return {code: _Tally(name) for code, name in rows}


def _villages(session: Session, tallies: dict[str, _Tally]) -> list[UnsurveyedVillage]:
    """Every village of the region list (surveyed or not), counted into its kabupaten/kota."""
    rows = session.execute(with_parents().where(villages_only()).order_by(Region.code))
    villages = []
    for row in rows:
        village = region_hit(*row)
        tally = _tally(tallies, village.code, "")
        tally.villages.add(village.code)
        villages.append(
            UnsurveyedVillage(
                village.code,
                village.name,
                village.level,
                village.district or "",
                regency_code(village.code),
                tally.name,
            )
        )
    return villages


def _tally(tallies: dict[str, _Tally], region_code: str, regency_name: str) -> _Tally:
    """The tally of the region's kabupaten/kota; one named as seen at survey time when the
    region list lacks it."""
    code = regency_code(region_code)
    if code not in tallies:
        tallies[code] = _Tally(regency_name or code)
    return tallies[code]


def _count_products(
    tallies: dict[str, _Tally],
    product_rows: Sequence[tuple[uuid.UUID, str, str]],
    counted: dict[uuid.UUID, RankedCandidate],
) -> dict[str, tuple[int, int]]:
    """Count candidates, assessed candidates and stars per kabupaten/kota; returns per category
    (candidates, assessed)."""
    candidates: Counter[str] = Counter()
    assessed: Counter[str] = Counter()
    for product_id, category, village_code in product_rows:
        tally = _tally(tallies, village_code, "")
        tally.candidates += 1
        candidates[category] += 1
        snapshot = counted.get(product_id)
        if snapshot is None or not snapshot.final:
            continue
        tally.assessed += 1
        assessed[category] += 1
        if snapshot.stars is not None:
            tally.stars[snapshot.stars] += 1
    return {category: (candidates[category], assessed[category]) for category in candidates}


def _categories(rubric: Rubric, counts: dict[str, tuple[int, int]]) -> tuple[CategoryCount, ...]:
    """Every category of the rubric, and any other one a candidate carries, most used first."""
    order = {category_id: index for index, category_id in enumerate(rubric.category_ids)}
    named = {c.id: (c.name_id, c.name_en) for c in rubric.categories}
    ids = list(rubric.category_ids) + sorted(set(counts) - set(order))
    result = [
        CategoryCount(
            category_id,
            *named.get(category_id, (category_id, category_id)),
            *counts.get(category_id, (0, 0)),
        )
        for category_id in ids
    ]
    result.sort(key=lambda c: (-c.candidates, -c.assessed, order.get(c.category_id, len(order))))
    return tuple(result)


def _top_candidates(rows: Iterable[RegionalRow]) -> dict[str, tuple[TopCandidate, ...]]:
    """The first final-assessed candidates of each kabupaten/kota in the regional ranking."""
    top: dict[str, list[TopCandidate]] = defaultdict(list)
    for row in rows:  # best total first
        best = top[regency_code(row.village_code)]
        if row.final and len(best) < TOP_PER_REGENCY:
            best.append(
                TopCandidate(
                    row.product_id,
                    row.survey_id,
                    row.name,
                    row.category,
                    row.village,
                    row.district,
                    row.total,
                    row.stars,
                    row.village_rank,
                )
            )
    return {code: tuple(candidates) for code, candidates in top.items()}


def _last_imports(session: Session) -> tuple[OfficerImport, ...]:
    """Per officer and device, the latest package applied, latest first."""
    latest: dict[tuple[uuid.UUID | None, str], OfficerImport] = {}
    packages: Counter[tuple[uuid.UUID | None, str]] = Counter()
    for device_id, officer, at, file_name, outcome, counts, device_name in session.execute(
        select(
            ImportLogEntry.source_device_id,
            ImportLogEntry.officer_name,
            ImportLogEntry.imported_at,
            ImportLogEntry.file_name,
            ImportLogEntry.outcome,
            ImportLogEntry.counts,
            Device.name,
        )
        .outerjoin(Device, Device.id == ImportLogEntry.source_device_id)
        .order_by(ImportLogEntry.imported_at, ImportLogEntry.id)
    ):
        key = (device_id, (officer or "").strip())
        packages[key] += 1
        latest[key] = OfficerImport(
            officer_name=key[1],
            device_id=device_id,
            device_name=device_name,
            imported_at=at,
            file_name=file_name,
            outcome=outcome,
            counts={k: int(v) for k, v in (counts or {}).items()},
            packages=packages[key],
        )
    return tuple(sorted(latest.values(), key=lambda entry: entry.imported_at, reverse=True))
