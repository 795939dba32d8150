"""A final assessment stays final: levels, notes, the date and the evidence are not changed in
place. A change is a correction with a reason (an audit entry per change, a new revision) or a
new assessment."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import Assessment, AuditEntry
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.assessment.assessments import (
    list_assessments,
    reassess,
    save_assessment,
)
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError
from ovop_desktop.services.surveys import photos
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    SurveyInput,
    add_product,
    create_survey,
)

LEVELS = {f"C{i}": 3 for i in range(1, 9)}


@pytest.fixture
def backend() -> str:
    """The guard is plain Python before any SQL: one backend is enough (and fast)."""
    return "sqlite"


@pytest.fixture
def assessed(db: Database, rubric: Rubric) -> tuple:
    survey = create_survey(db, SurveyInput("63.08.07.2001", date(2026, 8, 3)))
    categories = frozenset(c.id for c in rubric.categories)
    product = add_product(
        db, survey, ProductInput("Anyaman Purun", "anyaman"), categories=categories
    )
    result = save_assessment(db, product, rubric, LEVELS, notes={"C1": "rapi"}, final=True)
    return product, result.assessment_id


def _state(db: Database, assessment_id: object) -> tuple:
    with db.session() as session:
        stored = session.get(Assessment, assessment_id)
        assert stored is not None
        return (
            stored.revision,
            stored.total,
            stored.assessed_on,
            sorted((r.criterion_id, r.level, r.note) for r in stored.levels),
            session.scalar(select(func.count()).select_from(AuditEntry)),
        )


CHANGES = {
    "level": {"levels": {"C1": 1}},
    "note": {"levels": {}, "notes": {"C2": "ditambah"}},
    "date": {"levels": {}, "assessed_on": date(2026, 9, 1)},
}


@pytest.mark.parametrize("change", CHANGES)
def test_a_final_assessment_refuses_an_in_place_change(
    db: Database, rubric: Rubric, assessed: tuple, change: str
) -> None:
    product, assessment_id = assessed
    before = _state(db, assessment_id)
    for reason in (None, " "):
        with pytest.raises(InvalidInputError) as refused:
            save_assessment(
                db, product, rubric, assessment_id=assessment_id, reason=reason, **CHANGES[change]
            )
        assert refused.value.field == "reason" and "final" in refused.value.message_id
    assert _state(db, assessment_id) == before


def test_saving_a_final_assessment_unchanged_is_no_change(
    db: Database, rubric: Rubric, assessed: tuple
) -> None:
    product, assessment_id = assessed
    before = _state(db, assessment_id)
    save_assessment(db, product, rubric, LEVELS, assessment_id=assessment_id, final=True)
    assert _state(db, assessment_id) == before


def test_a_correction_with_a_reason_is_audited_with_a_new_revision(
    db: Database, rubric: Rubric, assessed: tuple
) -> None:
    product, assessment_id = assessed
    revision = _state(db, assessment_id)[0]
    save_assessment(
        db, product, rubric, {"C1": 1}, assessment_id=assessment_id, reason="salah baca skala"
    )
    with db.session() as session:
        stored = session.get(Assessment, assessment_id)
        assert stored is not None and stored.status == "final"
        assert stored.revision == revision + 1
        [entry] = session.scalars(select(AuditEntry)).all()
        assert (entry.table_name, entry.record_id, entry.field) == (
            "assessments",
            assessment_id,
            "level C1",
        )
        assert (entry.old_value, entry.new_value, entry.reason) == ("3", "1", "salah baca skala")


def test_a_new_assessment_leaves_the_final_one_as_it_was(
    db: Database, rubric: Rubric, assessed: tuple
) -> None:
    product, assessment_id = assessed
    before = _state(db, assessment_id)
    fresh = reassess(db, product, rubric)
    save_assessment(db, product, rubric, {"C1": 1}, assessment_id=fresh.assessment_id)
    assert _state(db, assessment_id)[:4] == before[:4]
    assert len(list_assessments(db, product)) == 2


@pytest.mark.parametrize("action", ["add", "remove"])
def test_the_evidence_of_a_final_assessment_refuses_changes_without_a_reason(
    db: Database, app_paths: AppPaths, rubric: Rubric, tmp_path: Path, action: str
) -> None:
    survey = create_survey(db, SurveyInput("63.08.07.2001", date(2026, 8, 3)))
    categories = frozenset(c.id for c in rubric.categories)
    product = add_product(db, survey, ProductInput("Purun", "anyaman"), categories=categories)
    assessment_id = save_assessment(db, product, rubric, LEVELS).assessment_id
    picture = tmp_path / "bukti.jpg"
    Image.new("RGB", (40, 30), (10, 120, 10)).save(picture)
    kept = photos.add_photo(db, app_paths, picture, assessment_id=assessment_id, criterion_id="C1")
    save_assessment(db, product, rubric, {}, assessment_id=assessment_id, final=True)
    other = tmp_path / "lain.jpg"
    Image.new("RGB", (40, 30), (120, 10, 10)).save(other)

    def write(reason: str | None) -> None:
        if action == "add":
            photos.add_photo(
                db, app_paths, other, assessment_id=assessment_id, criterion_id="C2", reason=reason
            )
        else:
            photos.remove_photo(db, kept.attachment_id, reason=reason)

    with pytest.raises(InvalidInputError, match="final"):
        write(None)
    assert [
        p.attachment_id for p in photos.list_photos(db, app_paths, assessment_id=assessment_id)
    ] == [kept.attachment_id]
    write("foto bukti tertukar")
    with db.session() as session:
        [entry] = session.scalars(select(AuditEntry)).all()
        assert (entry.record_id, entry.field, entry.reason) == (
            assessment_id,
            "photo",
            "foto bukti tertukar",
        )
