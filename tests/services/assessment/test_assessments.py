"""Assessments keep their rubric version and a snapshot; a village ranking uses one version."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import Assessment
from ovop_desktop.services.assessment.assessments import save_assessment
from ovop_desktop.services.assessment.village_ranking import rank_village
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError, NotFoundError
from ovop_desktop.services.rubrics import install_rubric, rubric_in_force, set_rubric_in_force
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    SurveyInput,
    add_product,
    create_survey,
    update_product,
)
from tests.conftest import ROOT

SHIPPED = (ROOT / "resources" / "rubrics" / "ovop-kalsel-2026-v1.toml").read_text(encoding="utf-8")


def _levels(*values: int) -> dict[str, int | None]:
    return {f"C{i}": v for i, v in enumerate(values, start=1)}


def _village(db: Database, rubric: Rubric, *products: tuple[str, str]) -> list[uuid.UUID]:
    survey_id = create_survey(db, SurveyInput("63.08.07.2001", date(2026, 8, 3)))
    categories = frozenset(c.id for c in rubric.categories)
    return [
        add_product(db, survey_id, ProductInput(name, category), categories=categories)
        for name, category in products
    ]


def test_the_snapshot_stores_total_stars_and_the_capping_gate(db: Database, rubric: Rubric) -> None:
    [dodol] = _village(db, rubric, ("Dodol Kandangan", "makanan"))
    # by hand: C1..C4 4 x 10*4/5 = 32, C5 15*4/5 = 12, C6 8, C7 20*3/5 = 12, C8 15 -> 79
    result = save_assessment(db, dodol, rubric, _levels(4, 4, 4, 4, 4, 4, 3, 5), final=True)
    assert result.total == Decimal("79.00")
    assert result.stars == 3  # food without C7 >= 4 (izin edar + halal) stays below 4 stars
    with db.session() as session:
        stored = session.get(Assessment, result.assessment_id)
        assert stored is not None
        assert (stored.total, stored.band_stars, stored.stars) == (Decimal("79.00"), 4, 3)
        assert stored.capped_by_gate is not None
        assert (stored.rubric_id, stored.rubric_version, stored.rubric_hash) == (
            rubric.id,
            rubric.version,
            rubric.definition_hash,
        )
        assert {lv.criterion_id: lv.level for lv in stored.levels}["C7"] == 3
        assert stored.scored_category == "makanan"  # what the stars and gate were scored under


def test_the_snapshot_records_the_category_it_was_scored_under(
    db: Database, rubric: Rubric
) -> None:
    """Saved again after the product's category changed, the snapshot is scored under the new
    one and says so; a final assessment saved again unchanged keeps what it recorded."""
    [parang] = _village(db, rubric, ("Parang Bungkul", "logam"))
    levels = _levels(5, 5, 5, 5, 5, 5, 3, 5)
    first = save_assessment(db, parang, rubric, levels)
    assert first.stars == 4  # metal work: no gate on C7
    update_product(db, parang, {"category": "makanan"}, categories=frozenset(rubric.category_ids))
    again = save_assessment(db, parang, rubric, levels, assessment_id=first.assessment_id)
    assert again.stars == 3  # food's gate: C7 below 4
    with db.session() as session:
        stored = session.get(Assessment, first.assessment_id)
        assert stored is not None
        assert (stored.stars, stored.scored_category) == (3, "makanan")
    key = first.assessment_id
    save_assessment(db, parang, rubric, levels, assessment_id=key, final=True)
    revision = _revision(db, key)
    save_assessment(db, parang, rubric, levels, assessment_id=key, final=True)
    assert _revision(db, key) == revision
    with db.session() as session:
        stored = session.get(Assessment, first.assessment_id)
        assert stored is not None and stored.scored_category == "makanan"


def _revision(db: Database, assessment_id: uuid.UUID) -> int:
    with db.session() as session:
        stored = session.get(Assessment, assessment_id)
        assert stored is not None
        return stored.revision


def test_an_incomplete_assessment_has_no_total_and_cannot_be_final(
    db: Database, rubric: Rubric
) -> None:
    [purun] = _village(db, rubric, ("Anyaman Purun", "anyaman"))
    result = save_assessment(db, purun, rubric, {"C1": 5, "C2": 3})
    assert (result.total, result.stars) == (None, None)
    with pytest.raises(InvalidInputError, match="belum lengkap"):
        save_assessment(db, purun, rubric, {"C1": 5}, final=True)


def test_updating_levels_keeps_the_others_and_raises_the_revision(
    db: Database, rubric: Rubric
) -> None:
    [purun] = _village(db, rubric, ("Anyaman Purun", "anyaman"))
    first = save_assessment(db, purun, rubric, _levels(3, 3, 3, 3, 3, 3, 3, 3))
    second = save_assessment(
        db,
        purun,
        rubric,
        {"C8": 5},
        assessment_id=first.assessment_id,
        notes={"C8": "Motif kambang khas"},
    )
    assert second.total == Decimal("66.00")
    with db.session() as session:
        stored = session.get(Assessment, first.assessment_id)
        assert stored is not None and stored.revision == 2
        assert {lv.criterion_id: lv.note for lv in stored.levels}["C8"] == "Motif kambang khas"


def test_levels_outside_the_rubric_are_refused(db: Database, rubric: Rubric) -> None:
    [purun] = _village(db, rubric, ("Anyaman Purun", "anyaman"))
    with pytest.raises(InvalidInputError):
        save_assessment(db, purun, rubric, {"C1": 6})
    with pytest.raises(InvalidInputError, match="C9"):
        save_assessment(db, purun, rubric, {"C9": 3})
    with pytest.raises(NotFoundError):
        save_assessment(db, uuid.uuid4(), rubric, {"C1": 3})


def test_the_village_ranking_orders_by_total_with_the_tie_break(
    db: Database, rubric: Rubric
) -> None:
    purun, tas, haruan = _village(
        db,
        rubric,
        ("Anyaman Purun", "anyaman"),
        ("Tas Purun", "anyaman"),
        ("Kerupuk Haruan", "makanan"),
    )
    save_assessment(db, purun, rubric, _levels(5, 3, 3, 4, 3, 3, 3, 4))  # 69
    save_assessment(db, tas, rubric, _levels(3, 3, 3, 4, 3, 3, 4, 4))  # 69, higher C7
    save_assessment(db, haruan, rubric, {"C1": 5})

    ranking = rank_village(db, "63.08.07.2001", rubric)

    assert [(e.name, e.rank, e.total) for e in ranking.entries] == [
        ("Tas Purun", 1, Decimal("69.00")),
        ("Anyaman Purun", 2, Decimal("69.00")),
        ("Kerupuk Haruan", None, None),
    ]
    assert ranking.entries[0].tie_break is not None
    assert (ranking.rubric_id, ranking.rubric_version) == (rubric.id, rubric.version)


def test_a_rubric_version_cannot_change_once_installed(db: Database) -> None:
    changed = SHIPPED.replace("Bahan baku lokal", "Bahan baku setempat", 1)
    assert changed != SHIPPED
    with pytest.raises(InvalidInputError, match="tidak boleh diubah"):
        install_rubric(db, changed)


def test_a_ranking_never_mixes_rubric_versions(db: Database, rubric: Rubric) -> None:
    [purun] = _village(db, rubric, ("Anyaman Purun", "anyaman"))
    save_assessment(db, purun, rubric, _levels(3, 3, 3, 3, 3, 3, 3, 3))
    version_2 = install_rubric(db, SHIPPED.replace("version = 1", "version = 2", 1))
    assert version_2.version == 2
    set_rubric_in_force(db, version_2.id, 2)
    assert rubric_in_force(db).version == 2

    under_v2 = rank_village(db, "63.08.07.2001", version_2)
    under_v1 = rank_village(db, "63.08.07.2001", rubric)

    assert [e.total for e in under_v2.entries] == [None]  # not yet re-assessed under v2
    assert [e.total for e in under_v1.entries] == [Decimal("60.00")]
    with db.session() as session:
        assert session.scalars(select(Assessment.rubric_version)).all() == [1]


def test_a_complete_assessment_is_finalised_from_its_stored_levels(
    db: Database, rubric: Rubric
) -> None:
    from ovop_desktop.services.assessment.assessments import finalize_assessment

    [purun] = _village(db, rubric, ("Anyaman Purun", "anyaman"))
    draft = save_assessment(db, purun, rubric, _levels(3, 3, 3, 3, 3, 3, 3, 2))
    result = finalize_assessment(db, draft.assessment_id, rubric)
    assert result.total == Decimal("57.00")
    with db.session() as session:
        stored = session.get(Assessment, draft.assessment_id)
        assert stored is not None and stored.status == "final"
    partial = save_assessment(db, purun, rubric, {"C1": 3})
    with pytest.raises(InvalidInputError, match="belum lengkap"):
        finalize_assessment(db, partial.assessment_id, rubric)
