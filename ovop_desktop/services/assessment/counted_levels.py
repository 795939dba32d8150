"""Which levels count for a candidate under one rubric version.

Among a product's live assessments under that version: the median of the final ones when there
are any, one per assessor (a consensus when two or more assessors finished), else the latest draft,
so that a ranking shows work in progress. Assessments under other versions never count.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from ovop_desktop.core.consensus import median_levels
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.core.scoring import score
from ovop_desktop.db.models import Assessment, AssessmentLevel

CHUNK = 5_000  # products per IN list: well under every backend's limit on bound parameters
SHOWN_CHUNK = 500  # products per IN list when only a screenful's assessments are read


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


@dataclass(frozen=True)
class CountedSnapshot:
    """The assessments that count for a product, with the stored total, stars and gate when a
    single assessment counts (a consensus has to be scored from its median levels)."""

    assessment_ids: tuple[uuid.UUID, ...]
    final: bool
    total: Decimal | None
    stars: int | None
    gate: str | None

    @property
    def consensus(self) -> bool:
        return self.final and len(self.assessment_ids) > 1


def counted_snapshots(
    session: Session, rubric: Rubric, product_ids: Collection[uuid.UUID] | None = None
) -> dict[uuid.UUID, CountedSnapshot]:
    """Every product's counting assessments with their stored snapshot: in one query over all
    products, or, given `product_ids`, reading only those products' assessments (IN lists of at
    most `SHOWN_CHUNK`), for a screenful that should not pay for the whole province.

    A product's assessments all land in the same statement, so each product's answer is the same
    either way."""
    if product_ids is None:
        return _counted_snapshots(session, _under_rubric(rubric))
    wanted = list(dict.fromkeys(product_ids))
    result: dict[uuid.UUID, CountedSnapshot] = {}
    for start in range(0, len(wanted), SHOWN_CHUNK):
        chunk = wanted[start : start + SHOWN_CHUNK]
        result.update(
            _counted_snapshots(session, [*_under_rubric(rubric), Assessment.product_id.in_(chunk)])
        )
    return result


def _counted_snapshots(
    session: Session, conditions: list[ColumnElement[bool]]
) -> dict[uuid.UUID, CountedSnapshot]:
    finals: dict[uuid.UUID, dict[uuid.UUID | None, uuid.UUID]] = defaultdict(dict)
    latest_draft: dict[uuid.UUID, uuid.UUID] = {}
    stored: dict[uuid.UUID, tuple[Decimal | None, int | None, str | None]] = {}
    for product_id, assessment_id, assessor_id, status, total, stars, gate in session.execute(
        select(
            Assessment.product_id,
            Assessment.id,
            Assessment.assessor_id,
            Assessment.status,
            Assessment.total,
            Assessment.stars,
            Assessment.capped_by_gate,
        )
        .where(*conditions)
        .order_by(Assessment.updated_at, Assessment.id)
    ):
        stored[assessment_id] = (total, stars, gate)
        if status == "final":
            finals[product_id][assessor_id] = assessment_id
        else:
            latest_draft[product_id] = assessment_id
    result: dict[uuid.UUID, CountedSnapshot] = {}
    for product_id, by_assessor in finals.items():
        ids = tuple(sorted(by_assessor.values()))
        snapshot = stored[ids[0]] if len(ids) == 1 else (None, None, None)
        result[product_id] = CountedSnapshot(ids, True, *snapshot)
    for product_id, assessment_id in latest_draft.items():
        if product_id not in result:
            result[product_id] = CountedSnapshot((assessment_id,), False, *stored[assessment_id])
    return result


def scored_snapshots(
    session: Session,
    rubric: Rubric,
    categories: Mapping[uuid.UUID, str],
    *,
    only_these: bool = False,
) -> dict[uuid.UUID, CountedSnapshot]:
    """`counted_snapshots`, with the total, stars and gate of every consensus among the products
    of `categories` (product id → category, which the gates need) scored from its median levels.

    Only the consensus products read their levels: one more query when there are any. With
    `only_these`, only the assessments of the products of `categories` are read at all (a
    screenful); otherwise every product's, in one query (the whole list).
    """
    counted = counted_snapshots(session, rubric, list(categories) if only_these else None)
    several = [pid for pid, snapshot in counted.items() if snapshot.consensus and pid in categories]
    if not several:
        return counted
    for product_id, assessed in assessed_levels(session, rubric, several).items():
        result = score(rubric, assessed.levels, categories[product_id])
        counted[product_id] = replace(
            counted[product_id],
            total=result.total,
            stars=result.stars,
            gate=result.capped_by.gate.id if result.capped_by else None,
        )
    return counted
