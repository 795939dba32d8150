"""Many believable surveys, fast: for benchmarks of the screens that list them.

The services add one record per short session, which is right for an officer and far too slow for
10,000 surveys; here everything goes in as ORM bulk inserts in one transaction. Scores are
computed with the same scoring as the services, so the list shows what the application would.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import aliased

from ovop_desktop.core.scoring import score
from ovop_desktop.db.models import (
    Assessment,
    AssessmentLevel,
    CandidateProduct,
    Officer,
    Region,
    Survey,
)
from ovop_desktop.services.database import Database
from ovop_desktop.services.demo import CATALOGUE, LIVELIHOODS
from ovop_desktop.services.regions import villages_only
from ovop_desktop.services.rubrics import rubric_in_force

OFFICER_NAMES = (
    "Rahmah Hidayati, S.E.",
    "Muhammad Noor Ifansyah",
    "Siti Norhalimah, S.Sos.",
    "Ahmad Rizki Maulana",
    "Hj. Fitriani",
    "Gusti Muhammad Ilmi",
    "Nor Aisyah Putri",
    "Rudi Hartono, S.T.",
)
FIRST_DAY = date(2025, 1, 6)


def _villages(db: Database) -> list[tuple[str, str, str, str]]:
    """(code, village, district, regency) of every village in the region list, by code."""
    district, regency = aliased(Region), aliased(Region)
    with db.session() as session:
        rows = session.execute(
            select(Region.code, Region.name, district.name, regency.name)
            .outerjoin(district, district.code == Region.parent_code)
            .outerjoin(regency, regency.code == district.parent_code)
            .where(villages_only())
            .order_by(Region.code)
        ).all()
    return [(code, name, dname or "", rname or "") for code, name, dname, rname in rows]


def make_surveys(db: Database, n: int, seed: int = 1, per_survey: int | None = None) -> None:
    """Insert `n` surveys, each with `per_survey` candidate products (1–4 at random when None)
    assessed completely under the rubric in force, cycling over the villages of the region
    list. Deterministic per seed."""
    villages = _villages(db)
    if not villages:
        raise ValueError("the database has no villages: import a region list first")
    rng = random.Random(seed)
    rubric = rubric_in_force(db)
    criteria = rubric.criterion_ids
    fallback_category = rubric.category_ids[0]
    now = datetime.now(UTC)
    officers = [{"id": uuid.uuid4(), "name": name} for name in OFFICER_NAMES]
    templates = list(CATALOGUE.values())
    surveys: list[dict[str, Any]] = []
    products: list[dict[str, Any]] = []
    assessments: list[dict[str, Any]] = []
    levels_rows: list[dict[str, Any]] = []
    scores: dict[tuple[tuple[int, ...], str], dict[str, Any]] = {}
    for index in range(n):
        code, village, district, regency = villages[index % len(villages)]
        survey_id = uuid.uuid4()
        day = FIRST_DAY + timedelta(days=rng.randint(0, 600))
        surveys.append(
            {
                "id": survey_id,
                "village_code": code,
                "village_name": village,
                "district_name": district,
                "regency_name": regency,
                "survey_date": day,
                "officer_id": rng.choice(officers)["id"],
                "status": "final" if rng.random() < 0.7 else "draft",
                "population": rng.randint(400, 9000),
                "households": rng.randint(120, 2500),
                "main_livelihoods": rng.choice(LIVELIHOODS),
                "created_at": now,
                "updated_at": now,
            }
        )
        for template in rng.sample(templates, per_survey or rng.randint(1, 4)):
            product_id, assessment_id = uuid.uuid4(), uuid.uuid4()
            category = (
                template.category if template.category in rubric.category_ids else fallback_category
            )
            levels = tuple(
                max(1, min(5, base + rng.choice((-1, 0, 0, 1)))) for base in template.levels
            )
            key = (levels, category)
            if key not in scores:
                result = score(rubric, dict(zip(criteria, levels, strict=True)), category)
                scores[key] = {
                    "total": result.total,
                    "band_stars": result.band_stars,
                    "stars": result.stars,
                    "capped_by_gate": result.capped_by.gate.id if result.capped_by else None,
                    "scored_category": category,
                }
            products.append(
                {
                    "id": product_id,
                    "survey_id": survey_id,
                    "name": template.name,
                    "category": category,
                    "production_unit": template.unit,
                    "unit_price_idr": template.price,
                    "story": template.story,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            assessments.append(
                {
                    "id": assessment_id,
                    "product_id": product_id,
                    "rubric_id": rubric.id,
                    "rubric_version": rubric.version,
                    "rubric_hash": rubric.definition_hash,
                    "status": "final",
                    "assessed_on": day + timedelta(days=1),
                    **scores[key],
                    "created_at": now,
                    "updated_at": now,
                }
            )
            levels_rows += [
                {"assessment_id": assessment_id, "criterion_id": cid, "level": level}
                for cid, level in zip(criteria, levels, strict=True)
            ]
    with db.session() as session:
        session.execute(insert(Officer), officers)
        session.execute(insert(Survey), surveys)
        session.execute(insert(CandidateProduct), products)
        session.execute(insert(Assessment), assessments)
        session.execute(insert(AssessmentLevel), levels_rows)
