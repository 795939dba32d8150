"""Ranking the candidates of a village, and the survey list with each village's top candidate.

A ranking uses one rubric version only (the one in force unless told otherwise) and says which;
a product's assessment under that version is its most recently saved one.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.core.scoring import CandidateInput, RankedCandidate, explain, rank_candidates
from ovop_desktop.db.models import Assessment, AssessmentLevel, CandidateProduct, Survey
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import NotFoundError


@dataclass(frozen=True)
class RankEntry:
    product_id: uuid.UUID
    name: str
    category: str
    rank: int | None
    total: Decimal | None
    stars: int | None
    levels: dict[str, int | None]
    gate: str | None
    gate_reason: str | None
    tie_break: str | None
    strongest: tuple[str, ...]
    weakest: tuple[str, ...]
    assessment_id: uuid.UUID | None

    def as_json(self) -> dict[str, object]:
        return {
            "product_id": str(self.product_id),
            "name": self.name,
            "category": self.category,
            "rank": self.rank,
            "total": None if self.total is None else float(self.total),
            "stars": self.stars,
            "levels": self.levels,
            "gate": self.gate,
            "gate_reason": self.gate_reason,
            "tie_break": self.tie_break,
            "strongest": list(self.strongest),
            "weakest": list(self.weakest),
        }


@dataclass(frozen=True)
class VillageRanking:
    village_code: str
    village_name: str
    survey_id: uuid.UUID
    survey_date: date
    rubric_id: str
    rubric_version: int
    entries: tuple[RankEntry, ...]


def _latest_levels(
    session: Session, product_ids: list[uuid.UUID] | None, rubric: Rubric
) -> dict[uuid.UUID, tuple[uuid.UUID, dict[str, int | None]]]:
    """Per product (all when `product_ids` is None), its most recent live assessment under
    `rubric` and that assessment's levels. Two queries, whatever the number of products."""
    live_under_rubric: list[ColumnElement[bool]] = [
        Assessment.rubric_id == rubric.id,
        Assessment.rubric_version == rubric.version,
        Assessment.deleted_at.is_(None),
    ]
    if product_ids is not None:
        if not product_ids:
            return {}
        live_under_rubric.append(Assessment.product_id.in_(product_ids))
    latest: dict[uuid.UUID, uuid.UUID] = {}
    for product_id, assessment_id in session.execute(
        select(Assessment.product_id, Assessment.id)
        .where(*live_under_rubric)
        .order_by(Assessment.updated_at, Assessment.id)
    ):
        latest[product_id] = assessment_id
    wanted = set(latest.values())
    levels: dict[uuid.UUID, dict[str, int | None]] = defaultdict(dict)
    for assessment_id, criterion_id, level in session.execute(
        select(AssessmentLevel.assessment_id, AssessmentLevel.criterion_id, AssessmentLevel.level)
        .join(Assessment, Assessment.id == AssessmentLevel.assessment_id)
        .where(*live_under_rubric)
    ):
        if assessment_id in wanted:
            levels[assessment_id][criterion_id] = level
    return {pid: (aid, dict(levels[aid])) for pid, aid in latest.items()}


def _entries(
    rubric: Rubric,
    products: list[tuple[uuid.UUID, str, str]],
    assessed: dict[uuid.UUID, tuple[uuid.UUID, dict[str, int | None]]],
) -> tuple[RankEntry, ...]:
    candidates = [
        CandidateInput(str(pid), name, category, assessed.get(pid, (None, {}))[1])
        for pid, name, category in products
    ]
    return tuple(_entry(rubric, ranked, assessed) for ranked in rank_candidates(rubric, candidates))


def _entry(
    rubric: Rubric,
    ranked: RankedCandidate,
    assessed: dict[uuid.UUID, tuple[uuid.UUID, dict[str, int | None]]],
) -> RankEntry:
    candidate, result = ranked.candidate, ranked.score
    product_id = uuid.UUID(candidate.product_id)
    cap = result.capped_by
    strongest: tuple[str, ...] = ()
    weakest: tuple[str, ...] = ()
    if result.complete:
        explanation = explain(rubric, result)
        strongest = tuple(note.criterion.id for note in explanation.strongest)
        weakest = tuple(note.criterion.id for note in explanation.weakest)
    return RankEntry(
        product_id=product_id,
        name=candidate.name,
        category=candidate.category,
        rank=ranked.rank,
        total=result.total,
        stars=result.stars,
        levels={cid: candidate.levels.get(cid) for cid in rubric.criterion_ids},
        gate=cap.gate.id if cap else None,
        gate_reason=cap.gate.reason_id if cap else None,
        tie_break=ranked.tie_break.describe_id() if ranked.tie_break else None,
        strongest=strongest,
        weakest=weakest,
        assessment_id=assessed[product_id][0] if product_id in assessed else None,
    )


def rank_village(db: Database, village_code: str, rubric: Rubric) -> VillageRanking:
    """Rank the candidates of the village's most recent live survey under `rubric`."""
    with db.session() as session:
        survey = session.scalars(
            select(Survey)
            .where(Survey.village_code == village_code, Survey.deleted_at.is_(None))
            .order_by(Survey.survey_date.desc(), Survey.created_at.desc())
            .limit(1)
        ).first()
        if survey is None:
            raise NotFoundError(
                f"Belum ada survei untuk desa dengan kode {village_code}.",
                f"There is no survey of the village with code {village_code} yet.",
            )
        products = [
            (p.id, p.name, p.category)
            for p in session.scalars(
                select(CandidateProduct).where(
                    CandidateProduct.survey_id == survey.id, CandidateProduct.deleted_at.is_(None)
                )
            )
        ]
        assessed = _latest_levels(session, [pid for pid, _, _ in products], rubric)
    return VillageRanking(
        village_code=survey.village_code,
        village_name=survey.village_name,
        survey_id=survey.id,
        survey_date=survey.survey_date,
        rubric_id=rubric.id,
        rubric_version=rubric.version,
        entries=_entries(rubric, products, assessed),
    )
