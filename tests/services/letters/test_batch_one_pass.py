"""The letter batch decides from one ranking pass over the region which villages get no letter
(nothing recommended, unfinished work), exactly as each village's own ranking would, and prepares
only the letters it issues."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.assessment.assessments import save_assessment
from ovop_desktop.services.assessment.village_ranking import (
    VillageRanking,
    rank_survey,
    recommend_product,
)
from ovop_desktop.services.database import Database
from ovop_desktop.services.letters import batch
from ovop_desktop.services.letters.letter_content import LetterOptions, assessment_snapshot
from ovop_desktop.services.letters.letter_settings import demo_letter_settings
from ovop_desktop.services.letters.register import unfinished_work
from ovop_desktop.services.settings.officers import save_profile
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    SurveyInput,
    add_product,
    create_survey,
)
from ovop_desktop.services.surveys.survey_list import list_surveys
from tests.finished_work import finish_survey

OPTIONS = LetterOptions("Gubernur Kalimantan Selatan", "Banjarbaru", issued_on=date(2026, 11, 2))


@pytest.fixture
def backend() -> str:
    return "sqlite"


def _levels(value: int) -> dict[str, int | None]:
    return {f"C{i}": value for i in range(1, 9)}


def _village(
    db: Database, rubric: Rubric, code: str, day: int, *products: str
) -> tuple[uuid.UUID, list[uuid.UUID]]:
    survey_id = create_survey(db, SurveyInput(code, date(2026, 8, day)))
    categories = frozenset(c.id for c in rubric.categories)
    return survey_id, [
        add_product(db, survey_id, ProductInput(name, "anyaman"), categories=categories)
        for name in products
    ]


def test_the_batch_decides_from_one_pass_and_prepares_only_the_letters_it_issues(
    db: Database,
    app_paths: AppPaths,
    rubric: Rubric,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    demo_letter_settings(db)
    a = save_profile(db, name="Siti Rahmah").id
    # Nothing assessed: no letter.
    survey, _ = _village(db, rubric, "63.01.01.2001", 3, "Purun")
    finish_survey(db, survey)
    # An older survey with nothing assessed; the latest one is finished: a letter.
    _village(db, rubric, "63.01.01.2002", 1, "Sasirangan")
    survey, [dodol] = _village(db, rubric, "63.01.01.2002", 9, "Dodol")
    save_assessment(db, dodol, rubric, _levels(4), assessor_id=a, final=True)
    finish_survey(db, survey)
    # The survey is still a draft: unfinished.
    _, [kue] = _village(db, rubric, "63.03.05.1003", 3, "Kue")
    save_assessment(db, kue, rubric, _levels(3), final=True)
    # A counting assessment is still a draft: unfinished.
    survey, [madu, ikan] = _village(db, rubric, "63.03.06.2009", 3, "Madu", "Ikan")
    save_assessment(db, madu, rubric, _levels(4), final=True)
    save_assessment(db, ikan, rubric, _levels(2))
    finish_survey(db, survey)
    # The officer recommends rank 2, with a reason: a letter.
    survey, [tikar, gula] = _village(db, rubric, "63.03.06.2010", 3, "Tikar", "Gula")
    save_assessment(db, tikar, rubric, _levels(5), final=True)
    save_assessment(db, gula, rubric, _levels(3), final=True)
    recommend_product(db, survey, gula, rubric, "Sudah dipasarkan ke luar provinsi")
    finish_survey(db, survey)
    # A consensus of two assessors: a letter.
    survey, [bakul] = _village(db, rubric, "63.08.07.2001", 3, "Bakul")
    b = save_profile(db, name="Yusuf").id
    save_assessment(db, bakul, rubric, _levels(5), assessor_id=a, final=True)
    save_assessment(db, bakul, rubric, _levels(2), assessor_id=b, final=True)
    finish_survey(db, survey)

    # What each village's own ranking says, for its latest survey.
    latest = {row.village_code: row for row in list_surveys(db, rubric)}
    skipped = [r.village for r in latest.values() if not _recommended(db, r.survey_id, rubric)]
    unfinished = [
        r.village
        for r in latest.values()
        if _recommended(db, r.survey_id, rubric) and unfinished_work(db, r.survey_id, rubric)[0]
    ]
    issued = [r.survey_id for r in latest.values() if r.village not in (*skipped, *unfinished)]
    assert len(skipped) == 1 and len(unfinished) == 2 and len(issued) == 3

    prepared: list[uuid.UUID] = []

    def ranking(db: Database, survey_id: uuid.UUID, rubric: Rubric) -> VillageRanking:
        prepared.append(survey_id)
        return rank_survey(db, survey_id, rubric)

    monkeypatch.setattr(batch, "rank_survey", ranking)
    result = batch.issue_region_letters(
        db, app_paths, "63", OPTIONS, rubric, tmp_path / "out", workers=1
    )

    assert sorted(result.skipped) == sorted(skipped)
    assert sorted(result.unfinished) == sorted(unfinished)
    assert len(result.written) == len(issued) and result.already_lettered == []
    # The villages without a letter were not prepared; each letter's village ranked once (its
    # snapshot and its pages print the same ranking).
    assert sorted(prepared) == sorted(issued)


def _recommended(db: Database, survey_id: uuid.UUID, rubric: Rubric) -> bool:
    return assessment_snapshot(db, survey_id, rubric)["recommended"] is not None
