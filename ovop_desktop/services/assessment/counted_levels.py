"""Which levels count for a candidate under one rubric version.

Among a product's live assessments under that version: the median of the final ones when there
are any, one per assessor (a consensus when two or more assessors finished), else the latest draft,
so that a ranking shows work in progress. Assessments under other versions never count.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from ovop_desktop.core.consensus import median_levels
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import Assessment, AssessmentLevel

CHUNK = 5_000  # products per IN list: well under every backend's limit on bound parameters


@dataclass(frozen=True)
class AssessedLevels:
    levels: dict[str, int | None]
    assessment_ids: tuple[uuid.UUID, ...]
    final: bool

    @property
    def consensus(self) -> bool:
        """The median of two or more final assessments."""
        return self.final and len(self.assessment_ids) > 1


def _under_rubric(rubric: Rubric) -> list[ColumnElement[bool]]:
    return [
        Assessment.rubric_id == rubric.id,
        Assessment.rubric_version == rubric.version,
        Assessment.deleted_at.is_(None),
    ]


def counting_assessments(
    session: Session, rubric: Rubric, product_ids: list[uuid.UUID] | None
) -> dict[uuid.UUID, tuple[tuple[uuid.UUID, ...], bool]]:
    """Per product, the ids of the assessments that count and whether they are final."""
    conditions = _under_rubric(rubric)
    if product_ids is not None:
        if not product_ids:
            return {}
        conditions.append(Assessment.product_id.in_(product_ids))
    # Per product and assessor, the assessor's latest final assessment: one officer who scores
    # again replaces their own judgement; two officers make a consensus.
    finals: dict[uuid.UUID, dict[uuid.UUID | None, uuid.UUID]] = defaultdict(dict)
    latest_draft: dict[uuid.UUID, uuid.UUID] = {}
    for product_id, assessment_id, assessor_id, status in session.execute(
        select(Assessment.product_id, Assessment.id, Assessment.assessor_id, Assessment.status)
        .where(*conditions)
        .order_by(Assessment.updated_at, Assessment.id)
    ):
        if status == "final":
            finals[product_id][assessor_id] = assessment_id
        else:
            latest_draft[product_id] = assessment_id
    counting = {
        pid: (tuple(sorted(by_assessor.values())), True) for pid, by_assessor in finals.items()
    }
    for product_id, assessment_id in latest_draft.items():
        counting.setdefault(product_id, ((assessment_id,), False))
    return counting


def assessed_levels(
    session: Session, rubric: Rubric, product_ids: list[uuid.UUID] | None
) -> dict[uuid.UUID, AssessedLevels]:
    """The counting levels of each product (all products when `product_ids` is None)."""
    if product_ids is not None and len(product_ids) > CHUNK:
        merged: dict[uuid.UUID, AssessedLevels] = {}
        for start in range(0, len(product_ids), CHUNK):
            merged.update(assessed_levels(session, rubric, product_ids[start : start + CHUNK]))
        return merged
    counting = counting_assessments(session, rubric, product_ids)
    wanted = {aid for ids, _ in counting.values() for aid in ids}
    levels: dict[uuid.UUID, dict[str, int | None]] = defaultdict(dict)
    conditions = _under_rubric(rubric)
    if product_ids is not None:
        conditions.append(Assessment.product_id.in_(product_ids))
    for assessment_id, criterion_id, level in session.execute(
        select(AssessmentLevel.assessment_id, AssessmentLevel.criterion_id, AssessmentLevel.level)
        .join(Assessment, Assessment.id == AssessmentLevel.assessment_id)
        .where(*conditions)
    ):
        if assessment_id in wanted:
            levels[assessment_id][criterion_id] = level
    criteria = rubric.criterion_ids
    return {
        product_id: AssessedLevels(
            median_levels([levels[aid] for aid in ids], criteria), ids, final
        )
        for product_id, (ids, final) in counting.items()
    }
