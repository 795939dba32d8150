"""The assessment panel's data and the jobs it runs on the worker (no Qt here).

Loading sorts a product's assessments into the one this officer edits, colleagues' ones under
the same rubric version, and ones made under other versions (each with its own rubric).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ovop_desktop.core.consensus import disagreements, median_levels
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.assessment.assessments import (
    AssessmentView,
    list_assessments,
    save_assessment,
)
from ovop_desktop.services.database import Database
from ovop_desktop.services.rubrics import get_rubric
from ovop_desktop.services.settings.app_settings import photo_longest_side
from ovop_desktop.services.settings.officers import current_officer
from ovop_desktop.services.surveys.photos import PhotoInfo, add_photo, list_photos, remove_photo


@dataclass
class AssessmentRef:
    """The assessment being edited. Jobs read and set `assessment_id` on the (serial) worker
    thread, so a save queued before the first one finished still updates the same row."""

    product_id: uuid.UUID
    rubric: Rubric
    assessor_id: uuid.UUID | None
    assessment_id: uuid.UUID | None = None

    def ensure(self, db: Database) -> uuid.UUID:
        """The assessment's id, creating an empty one first if needed (worker thread only)."""
        if self.assessment_id is None:
            created = save_assessment(
                db, self.product_id, self.rubric, {}, assessor_id=self.assessor_id
            )
            self.assessment_id = created.assessment_id
        return self.assessment_id


@dataclass(frozen=True)
class OtherVersion:
    """An assessment made under another rubric version, with that version's rubric."""

    assessment: AssessmentView
    rubric: Rubric


@dataclass(frozen=True)
class PanelData:
    product_id: uuid.UUID
    officer_id: uuid.UUID | None
    own: AssessmentView | None  # this officer's latest under the rubric in force
    colleagues: tuple[AssessmentView, ...]  # other officers' latest under the rubric in force
    other_versions: tuple[OtherVersion, ...]  # oldest first
    photos: tuple[PhotoInfo, ...]  # of `own`

    @property
    def has_assessment_in_force(self) -> bool:
        return self.own is not None or bool(self.colleagues)


def _same_version(view: AssessmentView, rubric: Rubric) -> bool:
    return (view.rubric_id, view.rubric_version) == (rubric.id, rubric.version)


def load_panel_data(
    db: Database, paths: AppPaths, product_id: uuid.UUID, in_force: Rubric
) -> PanelData:
    views = list_assessments(db, product_id)
    officer = current_officer(db)
    officer_id = officer.id if officer else None
    current = [v for v in views if _same_version(v, in_force)]
    own = next((v for v in reversed(current) if v.assessor_id == officer_id), None)
    latest_by_colleague: dict[uuid.UUID | None, AssessmentView] = {}
    for view in current:
        if view.assessor_id != officer_id:
            latest_by_colleague[view.assessor_id] = view
    rubrics: dict[tuple[str, int], Rubric] = {}
    others = []
    for view in views:
        if _same_version(view, in_force):
            continue
        key = (view.rubric_id, view.rubric_version)
        if key not in rubrics:
            rubrics[key] = get_rubric(db, *key)
        others.append(OtherVersion(view, rubrics[key]))
    photos = list_photos(db, paths, assessment_id=own.id) if own else []
    return PanelData(
        product_id=product_id,
        officer_id=officer_id,
        own=own,
        colleagues=tuple(latest_by_colleague.values()),
        other_versions=tuple(others),
        photos=tuple(photos),
    )


@dataclass(frozen=True)
class ComparisonRow:
    criterion_id: str
    levels: tuple[int | None, ...]  # this assessment first, then each colleague's
    median: int | None  # over the final assessments, as the ranking takes it
    flagged: bool  # this assessment and a colleague's differ by 2 levels or more


def compare(
    rubric: Rubric,
    own_levels: Mapping[str, int | None],
    own_final: bool,
    colleagues: Sequence[AssessmentView],
) -> list[ComparisonRow]:
    """Side by side: this assessment (as currently edited) against colleagues' ones."""
    criteria = rubric.criterion_ids
    flagged: set[str] = set()
    for colleague in colleagues:
        flagged.update(disagreements(own_levels, colleague.levels, criteria))
    finals = [c.levels for c in colleagues if c.status == "final"]
    if own_final:
        finals.append(dict(own_levels))
    medians = median_levels(finals, criteria)
    return [
        ComparisonRow(
            criterion_id=cid,
            levels=(own_levels.get(cid), *(c.levels.get(cid) for c in colleagues)),
            median=medians[cid],
            flagged=cid in flagged,
        )
        for cid in criteria
    ]


def attach_evidence(
    db: Database, paths: AppPaths, assessment_id: uuid.UUID, criterion_id: str, files: list[str]
) -> list[PhotoInfo]:
    """Add photos or scans to one criterion; the assessment's evidence afterwards."""
    side = photo_longest_side(db)
    for file in files:
        add_photo(
            db,
            paths,
            Path(file),
            longest_side=side,
            assessment_id=assessment_id,
            criterion_id=criterion_id,
        )
    return list_photos(db, paths, assessment_id=assessment_id)


def detach_evidence(
    db: Database, paths: AppPaths, assessment_id: uuid.UUID, attachment_id: uuid.UUID
) -> list[PhotoInfo]:
    remove_photo(db, attachment_id)
    return list_photos(db, paths, assessment_id=assessment_id)
