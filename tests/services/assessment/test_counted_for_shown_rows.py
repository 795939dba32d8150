"""A screenful ranks only its own surveys, and gets the same answer as the whole pass."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import Assessment, Officer
from ovop_desktop.services.assessment.assessments import save_assessment
from ovop_desktop.services.assessment.ranking_pass import rank_surveys
from ovop_desktop.services.database import Database
from ovop_desktop.services.rubrics import install_rubric
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    SurveyInput,
    add_product,
    create_survey,
)
from ovop_desktop.services.surveys.survey_list import list_surveys
from tests.conftest import ROOT

SHIPPED = (ROOT / "resources" / "rubrics" / "ovop-kalsel-2026-v1.toml").read_text(encoding="utf-8")
VILLAGES = (
    "63.01.01.2001",
    "63.01.01.2002",
    "63.03.05.1003",
    "63.03.06.2009",
    "63.03.06.2010",
    "63.08.07.2001",
    "63.08.07.2004",
)
# What each product has been through: no assessment, drafts, a final with a later draft, one
# officer finalising twice, a consensus of two or three, work under another rubric version, a
# deleted final.
PATTERNS = (
    "none",
    "draft",
    "two drafts",
    "final",
    "final then draft",
    "same officer twice",
    "consensus of two",
    "consensus of three",
    "other version",
    "deleted final",
)


def _generated(db: Database, rubric: Rubric, seed: int = 17) -> list[uuid.UUID]:
    """Surveys of several villages whose products between them go through every pattern, some
    more than once; their product ids in creation order."""
    rng = random.Random(seed)
    categories = [c.id for c in rubric.categories]
    version_2 = install_rubric(db, SHIPPED.replace("version = 1", "version = 2", 1))
    with db.session() as session:
        officers = [Officer(name=name) for name in ("Rahmah", "Yusuf", "Siti")]
        session.add_all(officers)
        session.flush()
        a, b, c = (o.id for o in officers)

    def levels() -> dict[str, int | None]:
        return {cid: rng.randint(1, 5) for cid in rubric.criterion_ids}

    def assess(product: uuid.UUID, officer: uuid.UUID | None, *, final: bool) -> uuid.UUID:
        return save_assessment(
            db, product, rubric, levels(), assessor_id=officer, final=final
        ).assessment_id

    def go_through(pattern: str, p: uuid.UUID) -> None:
        if pattern == "draft":
            assess(p, a, final=False)
        elif pattern == "two drafts":
            assess(p, a, final=False)
            assess(p, b, final=False)
        elif pattern == "final":
            assess(p, a, final=True)
        elif pattern == "final then draft":
            assess(p, a, final=True)
            assess(p, b, final=False)
        elif pattern == "same officer twice":
            assess(p, a, final=True)
            assess(p, a, final=True)
        elif pattern in ("consensus of two", "consensus of three"):
            for officer in (a, b, c)[: 2 if pattern == "consensus of two" else 3]:
                assess(p, officer, final=True)
            assess(p, None, final=False)
        elif pattern == "other version":
            save_assessment(db, p, version_2, levels(), assessor_id=b, final=True)
            assess(p, a, final=False)
        elif pattern == "deleted final":
            _delete(db, assess(p, b, final=True))

    products: list[uuid.UUID] = []
    patterns = list(PATTERNS)
    rng.shuffle(patterns)
    for index, code in enumerate(VILLAGES):
        survey = create_survey(db, SurveyInput(code, date(2026, 8, 1 + index)))
        # 1 to 3 products, more where needed for every pattern to come up.
        for _ in range(max(rng.randint(1, 3), -(-len(patterns) // (len(VILLAGES) - index)))):
            product = add_product(
                db,
                survey,
                ProductInput(f"Produk {len(products)}", rng.choice(categories)),
                categories=frozenset(categories),
            )
            go_through(patterns.pop() if patterns else rng.choice(PATTERNS), product)
            products.append(product)
    return products


def _delete(db: Database, assessment_id: uuid.UUID) -> None:
    with db.session() as session:
        assessment = session.get(Assessment, assessment_id)
        assert assessment is not None
        assessment.deleted_at = datetime.now(UTC)


def test_a_screenful_ranks_only_its_surveys_and_gets_what_the_whole_pass_gives(
    db: Database, rubric: Rubric
) -> None:
    _generated(db, rubric)
    with db.session() as session:
        whole = {survey.survey_id: survey for survey in rank_surveys(session, rubric)}
        assert any(c.consensus for s in whole.values() for c in s.candidates)
        assert any(not c.final and c.assessments for s in whole.values() for c in s.candidates)
        rng = random.Random(3)
        ids = list(whole)
        for subset in (ids[:2], rng.sample(ids, 4), ids, [], [uuid.uuid4(), ids[0], ids[0]]):
            shown = rank_surveys(session, rubric, survey_ids=subset)
            assert sorted(s.survey_id for s in shown) == sorted(set(subset) & set(whole))
            for survey in shown:
                # `latest` compares only the surveys read; everything else is the whole pass's.
                assert survey._replace(latest=True) == whole[survey.survey_id]._replace(latest=True)
    rows = list_surveys(db, rubric)
    assert any(row.top_candidate for row in rows)
    for limit in (1, 4, len(rows)):
        assert list_surveys(db, rubric, limit=limit) == rows[:limit]
        assert list_surveys(db, rubric, offset=limit) == rows[limit:]
