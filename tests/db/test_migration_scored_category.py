"""0010 → 0011: assessments record the category their stars and gate were scored under.

Assessments saved before keep NULL there (not known), and rank as before: their levels are read
wherever a category could move their stars. One saved after the upgrade records its product's
category.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import inspect

from ovop_desktop.db.engine import make_engine
from ovop_desktop.db.migrate import upgrade
from ovop_desktop.db.models import Assessment, CandidateProduct
from ovop_desktop.services.assessment.assessments import save_assessment
from ovop_desktop.services.database import open_database
from ovop_desktop.services.rubrics import install_shipped_rubrics, rubric_in_force
from tests.db.test_migration_indexes import seeded_with_an_assessment


def test_upgrade_adds_the_scored_category_and_keeps_the_data(any_backend_url: str) -> None:
    product_id, assessment_id = seeded_with_an_assessment(any_backend_url, "0010")

    result = upgrade(any_backend_url, target="0011")

    assert (result.from_revision, result.to_revision) == ("0010", "0011")
    engine = make_engine(any_backend_url)
    try:
        columns = {c["name"]: c for c in inspect(engine).get_columns("assessments")}
        assert columns["scored_category"]["nullable"]
    finally:
        engine.dispose()
    db = open_database(any_backend_url)
    try:
        with db.session() as session:
            old = session.get(Assessment, assessment_id)
            assert old is not None
            assert (old.product_id, old.total, old.stars, old.scored_category) == (
                product_id,
                Decimal("72.50"),
                4,
                None,
            )
        install_shipped_rubrics(db)
        rubric = rubric_in_force(db)
        with db.session() as session:
            product = session.get(CandidateProduct, product_id)
            assert product is not None
            category = product.category
        levels = dict.fromkeys(rubric.criterion_ids, 4)
        saved = save_assessment(db, product_id, rubric, levels)
        with db.session() as session:
            new = session.get(Assessment, saved.assessment_id)
            assert new is not None and new.scored_category == category == "makanan"
    finally:
        db.dispose()
