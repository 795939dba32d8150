"""0008 → 0009: three indexes for province scale; the data stays as it was."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import insert, inspect, select
from sqlalchemy.orm import Session

from ovop_desktop.db.engine import make_engine
from ovop_desktop.db.migrate import upgrade
from ovop_desktop.db.models import Assessment, AssessmentLevel, CandidateProduct, Survey
from ovop_desktop.services.database import open_database
from tests.db.test_migrations import SURVEY_ID, _seed_letters

INDEXES = {
    "assessments": (
        "ix_assessments_rubric_updated_at",
        ["rubric_id", "rubric_version", "updated_at", "id"],
    ),
    "assessment_levels": (
        "ix_assessment_levels_covering",
        ["assessment_id", "criterion_id", "level"],
    ),
    "surveys": (
        "ix_surveys_place_date",
        ["regency_name", "district_name", "village_name", "survey_date"],
    ),
}


def _seed_assessment(url: str) -> tuple[uuid.UUID, uuid.UUID]:
    """At revision 0008: a candidate of the seeded survey, assessed on two criteria."""
    product_id, assessment_id = uuid.uuid4(), uuid.uuid4()
    engine = make_engine(url)
    try:
        with Session(engine) as session, session.begin():
            session.add(
                CandidateProduct(
                    id=product_id,
                    survey_id=uuid.UUID(SURVEY_ID),
                    name="Kerupuk Ikan",
                    category="makanan",
                )
            )
            session.flush()
            # The table's columns at 0008 only (a Core insert names just these and the defaults;
            # the model has columns of later revisions).
            session.execute(
                insert(Assessment).values(
                    id=assessment_id,
                    product_id=product_id,
                    rubric_id="ovop-standar",
                    rubric_version=2,
                    rubric_hash="b" * 64,
                    status="final",
                    total=Decimal("72.50"),
                    stars=4,
                )
            )
            session.add_all(
                [
                    AssessmentLevel(assessment_id=assessment_id, criterion_id="K1", level=4),
                    AssessmentLevel(assessment_id=assessment_id, criterion_id="K2", note="-"),
                ]
            )
    finally:
        engine.dispose()
    return product_id, assessment_id


def seeded_with_an_assessment(url: str, revision: str) -> tuple[uuid.UUID, uuid.UUID]:
    """A database at `revision` (0008 or later) holding regions, a survey, letters (made at
    0004) and an assessed candidate (made at 0008): the candidate's and assessment's ids."""
    upgrade(url, target="0004")
    _seed_letters(url, uuid.uuid4())  # regions, a survey and letters
    upgrade(url, target="0008")
    made = _seed_assessment(url)
    upgrade(url, target=revision)
    return made


def test_upgrade_to_province_indexes_adds_them_and_keeps_the_data(any_backend_url: str) -> None:
    product_id, assessment_id = seeded_with_an_assessment(any_backend_url, "0008")

    result = upgrade(any_backend_url, target="0009")

    assert (result.from_revision, result.to_revision) == ("0008", "0009")
    engine = make_engine(any_backend_url)
    try:
        inspector = inspect(engine)
        for table, (name, columns) in INDEXES.items():
            found = {i["name"]: i["column_names"] for i in inspector.get_indexes(table)}
            assert found.get(name) == columns, (table, found)
    finally:
        engine.dispose()
    db = open_database(any_backend_url)
    try:
        with db.session() as session:
            survey = session.get(Survey, uuid.UUID(SURVEY_ID))
            assert survey is not None
            assert (survey.regency_name, survey.district_name, survey.village_name) == (
                "KAB. HULU SUNGAI UTARA",
                "Banjang",
                "Banjang",
            )
            assert survey.survey_date == date(2026, 8, 3)
            assessment = session.get(Assessment, assessment_id)
            assert assessment is not None
            assert (assessment.product_id, assessment.total, assessment.stars) == (
                product_id,
                Decimal("72.50"),
                4,
            )
            levels = session.execute(
                select(AssessmentLevel.criterion_id, AssessmentLevel.level, AssessmentLevel.note)
                .where(AssessmentLevel.assessment_id == assessment_id)
                .order_by(AssessmentLevel.criterion_id)
            ).all()
            assert [tuple(row) for row in levels] == [("K1", 4, None), ("K2", None, "-")]
    finally:
        db.dispose()
