"""Ranking the candidates of a village, and the officer's recommendation.

A ranking uses one rubric version only (the one in force unless told otherwise) and says which;
the levels that count are those of services.assessed (the median of final assessments).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.core.scoring import CandidateInput, RankedCandidate, explain, rank_candidates
from ovop_desktop.db.models import CandidateProduct, Survey
from ovop_desktop.services.assessment.counted_levels import AssessedLevels, assessed_levels
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError, NotFoundError


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
    tie_break_en: str | None
    strongest: tuple[str, ...]
    weakest: tuple[str, ...]
    assessment_ids: tuple[uuid.UUID, ...]
    final: bool
    consensus: bool

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
            "assessments": len(self.assessment_ids),
            "final": self.final,
            "consensus": self.consensus,
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
    recommended_product_id: uuid.UUID | None
    justification: str | None

    @property
    def recommended(self) -> RankEntry | None:
        """The officer's choice, else rank 1."""
        chosen = self.recommended_product_id
        for entry in self.entries:
            if entry.product_id == chosen or (chosen is None and entry.rank == 1):
                return entry
        return None


def _entries(
    rubric: Rubric,
    products: list[tuple[uuid.UUID, str, str]],
    assessed: dict[uuid.UUID, AssessedLevels],
) -> tuple[RankEntry, ...]:
    candidates = [
        CandidateInput(str(pid), name, category, assessed[pid].levels if pid in assessed else {})
        for pid, name, category in products
    ]
    return tuple(_entry(rubric, ranked, assessed) for ranked in rank_candidates(rubric, candidates))


def _entry(
    rubric: Rubric,
    ranked: RankedCandidate,
    assessed: dict[uuid.UUID, AssessedLevels],
) -> RankEntry:
    candidate, result = ranked.candidate, ranked.score
    product_id = uuid.UUID(candidate.product_id)
    counted = assessed.get(product_id)
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
        tie_break_en=ranked.tie_break.describe_en() if ranked.tie_break else None,
        strongest=strongest,
        weakest=weakest,
        assessment_ids=counted.assessment_ids if counted else (),
        final=counted.final if counted else False,
        consensus=counted.consensus if counted else False,
    )


def rank_village(db: Database, village_code: str, rubric: Rubric) -> VillageRanking:
    """Rank the candidates of the village's most recent live survey under `rubric`."""
    with db.session() as session:
        survey_id = session.scalar(
            select(Survey.id)
            .where(Survey.village_code == village_code, Survey.deleted_at.is_(None))
            .order_by(Survey.survey_date.desc(), Survey.created_at.desc())
            .limit(1)
        )
    if survey_id is None:
        raise NotFoundError(
            f"Belum ada survei untuk desa dengan kode {village_code}.",
            f"There is no survey of the village with code {village_code} yet.",
        )
    return rank_survey(db, survey_id, rubric)


def rank_survey(db: Database, survey_id: uuid.UUID, rubric: Rubric) -> VillageRanking:
    """Rank the candidates of one survey under `rubric`."""
    with db.session() as session:
        survey = session.get(Survey, survey_id)
        if survey is None or survey.deleted_at is not None:
            raise NotFoundError("Survei tidak ditemukan.", "Survey not found.")
        products = [
            (p.id, p.name, p.category)
            for p in session.scalars(
                select(CandidateProduct)
                .where(
                    CandidateProduct.survey_id == survey.id, CandidateProduct.deleted_at.is_(None)
                )
                .order_by(CandidateProduct.created_at)
            )
        ]
        assessed = assessed_levels(session, rubric, [pid for pid, _, _ in products])
    return VillageRanking(
        village_code=survey.village_code,
        village_name=survey.village_name,
        survey_id=survey.id,
        survey_date=survey.survey_date,
        rubric_id=rubric.id,
        rubric_version=rubric.version,
        entries=_entries(rubric, products, assessed),
        recommended_product_id=survey.recommended_product_id,
        justification=survey.recommendation_justification,
    )


def recommend_product(
    db: Database,
    survey_id: uuid.UUID,
    product_id: uuid.UUID,
    rubric: Rubric,
    justification: str | None = None,
) -> VillageRanking:
    """Record the village's recommended product: rank 1, or another with a written reason."""
    ranking = rank_survey(db, survey_id, rubric)
    chosen = next((e for e in ranking.entries if e.product_id == product_id), None)
    if chosen is None or chosen.rank is None:
        raise InvalidInputError(
            "Hanya produk kandidat yang sudah dinilai lengkap yang dapat direkomendasikan.",
            "Only a fully assessed candidate can be recommended.",
            field="recommended_product_id",
        )
    reason = (justification or "").strip() or None
    if chosen.rank != 1 and reason is None:
        raise InvalidInputError(
            f"{chosen.name} berada di peringkat {chosen.rank}. Tuliskan alasan memilihnya "
            "daripada peringkat 1; alasan ini dicetak di surat rekomendasi.",
            f"{chosen.name} is ranked {chosen.rank}. Write why it is chosen over rank 1; the "
            "reason is printed in the recommendation letter.",
            field="recommendation_justification",
        )
    with db.session() as session:
        survey = session.get(Survey, survey_id)
        assert survey is not None
        survey.recommended_product_id = product_id
        survey.recommendation_justification = reason if chosen.rank != 1 else None
    return rank_survey(db, survey_id, rubric)
