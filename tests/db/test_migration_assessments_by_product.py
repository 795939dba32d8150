"""0009 → 0010: assessments are found by product again (the rubric index of 0009 is dropped).

SQLite chose 0009's `(rubric_id, rubric_version, …)` index over the product index for every
query that reads some products' assessments, and walked every assessment of the rubric version
for each: the survey list's tie-breaks took a minute at 10,000 surveys.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.engine import Connection

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.engine import make_engine
from ovop_desktop.db.migrate import upgrade
from ovop_desktop.db.models import Assessment, AssessmentLevel
from ovop_desktop.services.assessment.counted_levels import assessed_levels
from ovop_desktop.services.assessment.ranking_pass import rank_surveys
from ovop_desktop.services.database import Database, open_database
from tests.db.test_migration_indexes import seeded_with_an_assessment

DROPPED = "ix_assessments_rubric_updated_at"


def test_upgrade_drops_the_rubric_index_and_keeps_the_data(any_backend_url: str) -> None:
    product_id, assessment_id = seeded_with_an_assessment(any_backend_url, "0009")

    result = upgrade(any_backend_url, target="0010")

    assert (result.from_revision, result.to_revision) == ("0009", "0010")
    engine = make_engine(any_backend_url)
    try:
        names = {i["name"] for i in inspect(engine).get_indexes("assessments")}
        assert DROPPED not in names
        assert "ix_assessments_product_id" in names
    finally:
        engine.dispose()
    db = open_database(any_backend_url)
    try:
        with db.session() as session:
            assessment = session.get(Assessment, assessment_id)
            assert assessment is not None
            assert (assessment.product_id, assessment.total, assessment.stars) == (
                product_id,
                Decimal("72.50"),
                4,
            )
            levels = session.execute(
                select(AssessmentLevel.criterion_id, AssessmentLevel.level)
                .where(AssessmentLevel.assessment_id == assessment_id)
                .order_by(AssessmentLevel.criterion_id)
            ).all()
            assert [tuple(row) for row in levels] == [("K1", 4), ("K2", None)]
    finally:
        db.dispose()


def test_some_products_assessments_are_searched_by_product(db: Database, rubric: Rubric) -> None:
    """Every statement that reads chosen products' assessments finds them through the product
    index, never by walking the rubric version's assessments."""
    statements: list[tuple[str, Any]] = []

    def keep(_conn: Connection, _cursor: Any, sql: str, params: Any, *_: Any) -> None:
        if "assessments.product_id IN" in sql:
            statements.append((sql, params))

    products = [uuid.uuid4() for _ in range(3)]
    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        with db.session() as session:
            assessed_levels(session, rubric, products)
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)

    assert len(statements) == 2  # the counting assessments, then their levels
    with db.engine.connect() as connection:
        for sql, params in statements:
            plan = [
                row[-1] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)
            ]
            searched = [step for step in plan if " assessments " in f" {step} "]
            assert searched, plan
            assert all("ix_assessments_product_id" in step for step in searched), plan


def test_a_screenful_of_surveys_is_ranked_without_walking_any_table(
    db: Database, rubric: Rubric
) -> None:
    """The survey list's first screenful ranks its own surveys through indexes alone."""
    statements: list[tuple[str, Any]] = []

    def keep(_conn: Connection, _cursor: Any, sql: str, params: Any, *_: Any) -> None:
        if sql.lstrip().upper().startswith("SELECT"):
            statements.append((sql, params))

    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        with db.session() as session:
            rank_surveys(session, rubric, survey_ids=[uuid.uuid4() for _ in range(3)])
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)

    assert len(statements) >= 2  # the surveys; their candidates with their assessments
    with db.engine.connect() as connection:
        for sql, params in statements:
            plan = [
                row[-1] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)
            ]
            assert not [step for step in plan if step.startswith("SCAN")], (sql, plan)
