"""Final stays final: every write path of a final survey (its fields, respondents, products and
photos) refuses an in-place change without a reason, changing nothing; with a reason the change
is a correction, written to the audit log with a new revision."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import func, select

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import Attachment, AuditEntry, CandidateProduct, Respondent, Survey
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError
from ovop_desktop.services.settings.officers import save_profile
from ovop_desktop.services.surveys import photos
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    RespondentInput,
    SurveyInput,
    add_product,
    add_respondent,
    create_survey,
    delete_product,
    delete_respondent,
    finalize_survey,
    update_product,
    update_respondent,
    update_survey,
)


class FinalSurvey:
    def __init__(self, db: Database, paths: AppPaths, rubric: Rubric, tmp_path: Path) -> None:
        self.db, self.paths = db, paths
        self.categories = frozenset(c.id for c in rubric.categories)
        officer = save_profile(db, name="Siti Rahmah", nip="198001012005012001")
        self.survey = create_survey(
            db, SurveyInput("63.08.07.2001", date(2026, 8, 3), officer_id=officer.id)
        )
        self.product = add_product(
            db, self.survey, ProductInput("Anyaman Purun", "anyaman"), categories=self.categories
        )
        self.respondent = add_respondent(db, self.survey, RespondentInput("Pak Amat"))
        self.picture = tmp_path / "foto.jpg"
        Image.new("RGB", (64, 48), (200, 30, 30)).save(self.picture)
        other = tmp_path / "lain.jpg"
        Image.new("RGB", (64, 48), (30, 30, 200)).save(other)
        self.other_picture = other
        self.survey_photo = photos.add_photo(db, paths, self.picture, survey_id=self.survey)
        self.product_photo = photos.add_photo(db, paths, self.picture, product_id=self.product)
        finalize_survey(db, self.survey)

    def state(self) -> tuple[Any, ...]:
        """Everything a refused write must leave as it was."""
        with self.db.session() as session:
            revisions = tuple(
                (type(r).__name__, r.id, r.revision, r.deleted_at)
                for model in (Survey, Respondent, CandidateProduct, Attachment)
                for r in session.scalars(select(model).order_by(model.id))
            )
            audits = session.scalar(select(func.count()).select_from(AuditEntry))
        return revisions, audits


@pytest.fixture
def backend() -> str:
    """The guards are plain Python before any SQL: one backend is enough (and fast)."""
    return "sqlite"


@pytest.fixture
def final(db: Database, app_paths: AppPaths, rubric: Rubric, tmp_path: Path) -> FinalSurvey:
    return FinalSurvey(db, app_paths, rubric, tmp_path)


def _writes(f: FinalSurvey) -> dict[str, Callable[..., Any]]:
    """Each write path of a final survey, called with `reason=` or without."""
    return {
        "update_survey": lambda **k: update_survey(f.db, f.survey, {"hamlet": "RT 2"}, **k),
        "update_respondent": lambda **k: update_respondent(
            f.db, f.respondent, {"phone": "0812"}, **k
        ),
        "update_product": lambda **k: update_product(
            f.db, f.product, {"workers": 9}, categories=f.categories, **k
        ),
        "add_respondent": lambda **k: add_respondent(
            f.db, f.survey, RespondentInput("Bu Ina"), **k
        ),
        "add_product": lambda **k: add_product(
            f.db, f.survey, ProductInput("Dodol", "makanan"), categories=f.categories, **k
        ),
        "delete_respondent": lambda **k: delete_respondent(f.db, f.respondent, **k),
        "delete_product": lambda **k: delete_product(f.db, f.product, **k),
        "add_survey_photo": lambda **k: photos.add_photo(
            f.db, f.paths, f.other_picture, survey_id=f.survey, **k
        ),
        "add_product_photo": lambda **k: photos.add_photo(
            f.db, f.paths, f.other_picture, product_id=f.product, **k
        ),
        "remove_survey_photo": lambda **k: photos.remove_photo(
            f.db, f.survey_photo.attachment_id, **k
        ),
        "remove_product_photo": lambda **k: photos.remove_photo(
            f.db, f.product_photo.attachment_id, **k
        ),
    }


WRITE_PATHS = (
    "update_survey",
    "update_respondent",
    "update_product",
    "add_respondent",
    "add_product",
    "delete_respondent",
    "delete_product",
    "add_survey_photo",
    "add_product_photo",
    "remove_survey_photo",
    "remove_product_photo",
)


@pytest.mark.parametrize("path", WRITE_PATHS)
def test_a_final_survey_refuses_each_write_without_a_reason(final: FinalSurvey, path: str) -> None:
    before = final.state()
    for reason in (None, "  "):
        with pytest.raises(InvalidInputError) as refused:
            _writes(final)[path](reason=reason)
        assert refused.value.field == "reason" and "final" in refused.value.message_id
    assert final.state() == before


@pytest.mark.parametrize("path", WRITE_PATHS)
def test_with_a_reason_each_write_is_a_correction_in_the_audit_log(
    final: FinalSurvey, path: str
) -> None:
    _, audits_before = final.state()
    _writes(final)[path](reason="salah ketik saat wawancara")
    with final.db.session() as session:
        entries = session.scalars(select(AuditEntry)).all()
        assert len(entries) > audits_before
        assert {e.reason for e in entries} == {"salah ketik saat wawancara"}


def test_a_draft_survey_needs_no_reason(db: Database, rubric: Rubric, tmp_path: Path) -> None:
    categories = frozenset(c.id for c in rubric.categories)
    survey = create_survey(db, SurveyInput("63.08.07.2001", date(2026, 8, 3)))
    product = add_product(db, survey, ProductInput("Dodol", "makanan"), categories=categories)
    add_respondent(db, survey, RespondentInput("Bu Ina"))
    delete_product(db, product)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == 0
        assert session.get(CandidateProduct, product).deleted_at is not None  # type: ignore[union-attr]
    assert isinstance(survey, uuid.UUID)
