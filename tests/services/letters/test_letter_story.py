"""The letter itself tells the product's story and why its stars were lowered, not only the
attachment."""

from __future__ import annotations

import uuid
from datetime import date

import pypdfium2 as pdfium
import pytest

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.assessment.assessments import save_assessment
from ovop_desktop.services.database import Database
from ovop_desktop.services.letters.letter_content import LetterOptions
from ovop_desktop.services.letters.letter_settings import demo_letter_settings
from ovop_desktop.services.letters.register import issue_letter
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    SurveyInput,
    add_product,
    create_survey,
)
from tests.finished_work import finish_survey

STORY = "Dianyam ibu-ibu Kelompok Sejahtera dari purun rawa sejak 1980."


@pytest.fixture
def backend() -> str:
    return "sqlite"


def _first_page_text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    try:
        return " ".join(document[0].get_textpage().get_text_range().split())
    finally:
        document.close()


def test_the_letter_prints_the_story_and_the_lowered_stars(
    db: Database, app_paths: AppPaths, rubric: Rubric
) -> None:
    demo_letter_settings(db)
    survey_id = create_survey(db, SurveyInput("63.08.07.2001", date(2026, 8, 3)))
    categories = frozenset(c.id for c in rubric.categories)
    product = add_product(
        db, survey_id, ProductInput("Anyaman Purun", "anyaman", story=STORY), categories=categories
    )
    # Level 4 everywhere but Kelembagaan (C3) at 2: the total reaches 4 stars, the NIB gate
    # lowers them to 3.
    levels = {f"C{i}": 4 for i in range(1, 9)} | {"C3": 2}
    save_assessment(db, product, rubric, levels, final=True)
    finish_survey(db, survey_id)

    issued = issue_letter(db, app_paths, survey_id, LetterOptions("Bupati", "Amuntai"), rubric)

    text = _first_page_text(issued.pdf)
    assert "Dianyam ibu-ibu Kelompok Sejahtera" in text
    assert "diturunkan dari 4 menjadi 3" in text
    assert isinstance(issued.letter_id, uuid.UUID)
