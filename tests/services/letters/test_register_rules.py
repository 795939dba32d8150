"""A register that cannot lie: letters come only from finished work (anything else is a DRAF
preview without a number), and a village has one live letter: a second one needs a reason and
marks the earlier one replaced; batches skip villages that already have a live letter."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import Letter
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.assessment.assessments import save_assessment
from ovop_desktop.services.database import Database
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.services.errors import InvalidInputError
from ovop_desktop.services.letters.batch import issue_region_letters
from ovop_desktop.services.letters.letter_content import LetterOptions
from ovop_desktop.services.letters.letter_settings import demo_letter_settings
from ovop_desktop.services.letters.preview import letter_context, preview_letter_data
from ovop_desktop.services.letters.register import (
    LiveLetterExists,
    UnfinishedWorkError,
    issue_letter,
    letter_register,
)
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    SurveyInput,
    add_product,
    create_survey,
)
from ovop_desktop.services.surveys.survey_list import list_surveys
from tests.finished_work import finish_survey

OPTIONS = LetterOptions("Bupati Hulu Sungai Utara", "Amuntai", issued_on=date(2026, 11, 2))
LEVELS = {f"C{i}": 4 for i in range(1, 9)}


@pytest.fixture
def backend() -> str:
    return "sqlite"


def _survey(db: Database, rubric: Rubric) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID]:
    """A draft survey of two candidates: one assessed final, one with a draft assessment."""
    demo_letter_settings(db)
    survey_id = create_survey(db, SurveyInput("63.08.07.2001", date(2026, 8, 3)))
    categories = frozenset(c.id for c in rubric.categories)
    purun = add_product(
        db, survey_id, ProductInput("Anyaman Purun", "anyaman"), categories=categories
    )
    dodol = add_product(db, survey_id, ProductInput("Dodol", "makanan"), categories=categories)
    save_assessment(db, purun, rubric, LEVELS, final=True)
    save_assessment(db, dodol, rubric, {"C1": 2})
    return survey_id, purun, dodol


def _letters(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(Letter)) or 0)


def test_unfinished_work_is_a_draf_preview_and_takes_no_number(
    db: Database, app_paths: AppPaths, rubric: Rubric
) -> None:
    survey_id, _, dodol = _survey(db, rubric)

    with pytest.raises(UnfinishedWorkError) as refused:
        issue_letter(db, app_paths, survey_id, OPTIONS, rubric)
    assert "survei masih draf" in refused.value.message_id
    assert "penilaian masih draf: Dodol" in refused.value.message_id
    assert "draft assessments: Dodol" in refused.value.message_en
    preview = preview_letter_data(db, app_paths, survey_id, OPTIONS, rubric)
    assert preview.draft and preview.number == "—" and not preview.verification_code
    assert letter_context(db, survey_id, rubric).unfinished == refused.value.unfinished

    finish_survey(db, survey_id)  # the survey final; the draft assessment still counts
    with pytest.raises(UnfinishedWorkError) as refused:
        issue_letter(db, app_paths, survey_id, OPTIONS, rubric)
    assert "survei" not in refused.value.message_id.split(":")[1]
    assert _letters(db) == 0

    save_assessment(db, dodol, rubric, LEVELS, final=True)
    assert not preview_letter_data(db, app_paths, survey_id, OPTIONS, rubric).draft
    assert letter_context(db, survey_id, rubric).unfinished == ()
    issue_letter(db, app_paths, survey_id, OPTIONS, rubric)
    assert _letters(db) == 1


def test_a_second_letter_needs_a_reason_and_replaces_the_first(
    db: Database, app_paths: AppPaths, rubric: Rubric
) -> None:
    survey_id, _, dodol = _survey(db, rubric)
    save_assessment(db, dodol, rubric, LEVELS, final=True)
    finish_survey(db, survey_id)
    first = issue_letter(db, app_paths, survey_id, OPTIONS, rubric)

    for reason in (None, "  "):
        with pytest.raises(LiveLetterExists) as refused:
            issue_letter(db, app_paths, survey_id, replace(OPTIONS, replace_reason=reason), rubric)
        assert (refused.value.number, refused.value.issued_on) == (first.number, date(2026, 11, 2))
        assert isinstance(refused.value, InvalidInputError)
        assert "2 November 2026" in refused.value.message_id
    assert _letters(db) == 1
    context = letter_context(db, survey_id, rubric)
    assert (context.live_number, context.live_issued_on) == (first.number, date(2026, 11, 2))

    second = issue_letter(
        db, app_paths, survey_id, replace(OPTIONS, replace_reason="Alamat salah"), rubric
    )
    with db.session() as session:
        old = session.get(Letter, first.letter_id)
        assert old is not None
        assert (old.status, old.replaced_by, old.replace_reason) == (
            "replaced",
            second.letter_id,
            "Alamat salah",
        )
    statuses = {e.number: e.status for e in letter_register(db)}
    assert statuses == {first.number: "replaced", second.number: "issued"}
    assert second.number != first.number  # a replaced letter keeps its number


def test_a_batch_skips_villages_with_a_live_letter_and_replaces_them_only_with_a_reason(
    db: Database, app_paths: AppPaths, rubric: Rubric, tmp_path: Path
) -> None:
    seed_demo(db, villages=3, seed=2)
    rows = list_surveys(db, rubric)
    region = rows[0].village_code[:5]
    villages = sorted(r.village for r in rows if r.village_code.startswith(region + "."))
    lettered = next(r for r in rows if r.village == villages[0])
    issue_letter(db, app_paths, lettered.survey_id, OPTIONS, rubric)

    result = issue_region_letters(db, app_paths, region, OPTIONS, rubric, tmp_path / "a", workers=1)
    assert result.already_lettered == [villages[0]]
    assert len(result.written) == len(villages) - 1

    with pytest.raises(InvalidInputError, match="alasan"):
        issue_region_letters(
            db, app_paths, region, OPTIONS, rubric, tmp_path / "b", replace_existing=True
        )
    again = issue_region_letters(
        db,
        app_paths,
        region,
        OPTIONS,
        rubric,
        tmp_path / "c",
        workers=1,
        replace_existing=True,
        reason="Tanggal surat salah",
    )
    assert again.already_lettered == [] and len(again.written) == len(villages)
    live = [e.village for e in letter_register(db) if e.status == "issued"]
    assert sorted(live) == villages  # one live letter per village
    assert sum(e.status == "replaced" for e in letter_register(db)) == len(villages)
