"""Survey capture use cases: required fields, names kept, audit of final surveys, tombstones."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import AuditEntry, Survey
from ovop_desktop.services.assessment.assessments import save_assessment
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError, NotFoundError
from ovop_desktop.services.regions import import_regions
from ovop_desktop.services.settings.officers import save_profile
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    RespondentInput,
    SurveyIncompleteError,
    SurveyInput,
    add_product,
    add_respondent,
    create_survey,
    delete_survey,
    finalize_survey,
    update_product,
    update_respondent,
    update_survey,
)
from ovop_desktop.services.surveys.survey_list import list_surveys

ALL_THREES = {f"C{i}": 3 for i in range(1, 9)}


def _categories(rubric: Rubric) -> frozenset[str]:
    return frozenset(c.id for c in rubric.categories)


def test_a_survey_keeps_the_place_names_seen_at_survey_time(db: Database) -> None:
    survey_id = create_survey(db, SurveyInput("63.01.01.2001", date(2026, 8, 3)))
    import_regions(db, b"kode,nama\n63.01.01.2001,Benua Lawas Raya\n")
    with db.session() as session:
        survey = session.get(Survey, survey_id)
        assert survey is not None
        assert (survey.village_name, survey.district_name, survey.regency_name) == (
            "Benua Lawas",
            "Takisung",
            "Kabupaten Tanah Laut",
        )


@pytest.mark.parametrize("code", ["63.01.01", "63.77.01.2001"])
def test_a_survey_must_name_a_village_of_the_region_list(db: Database, code: str) -> None:
    with pytest.raises(InvalidInputError, match="Pilih desa") as caught:
        create_survey(db, SurveyInput(code, date(2026, 8, 3)))
    assert caught.value.field == "village_code"


def test_coordinates_outside_the_globe_are_refused(db: Database) -> None:
    with pytest.raises(InvalidInputError, match="Lintang"):
        create_survey(db, SurveyInput("63.01.01.2001", date(2026, 8, 3), latitude=-114.8))


def test_a_survey_is_final_only_when_everything_required_is_there(
    db: Database, rubric: Rubric
) -> None:
    survey_id = create_survey(db, SurveyInput("63.08.07.2001", date(2026, 8, 3)))
    with pytest.raises(SurveyIncompleteError) as caught:
        finalize_survey(db, survey_id)
    assert {m.field for m in caught.value.missing} == {"officer_id", "products"}

    officer = save_profile(db, name="Rahmah Hidayati")
    update_survey(db, survey_id, {"officer_id": officer.id})
    with pytest.raises(SurveyIncompleteError) as caught:
        finalize_survey(db, survey_id)
    assert [m.message_id for m in caught.value.missing] == [
        "Tambahkan minimal satu produk kandidat."
    ]
    add_product(
        db, survey_id, ProductInput("Anyaman Purun", "anyaman"), categories=_categories(rubric)
    )

    finalize_survey(db, survey_id)  # assessing the candidates is a step of its own
    assert [row.status for row in list_surveys(db, rubric)] == ["final"]


def test_correcting_a_final_survey_needs_a_reason_and_is_audited(
    db: Database, rubric: Rubric
) -> None:
    officer = save_profile(db, name="Rahmah Hidayati")
    survey_id = create_survey(
        db, SurveyInput("63.08.07.2001", date(2026, 8, 3), officer_id=officer.id, population=900)
    )
    product_id = add_product(
        db, survey_id, ProductInput("Anyaman Purun", "anyaman"), categories=_categories(rubric)
    )
    save_assessment(db, product_id, rubric, ALL_THREES)
    finalize_survey(db, survey_id)

    with pytest.raises(InvalidInputError, match="alasan"):
        update_survey(db, survey_id, {"population": 1200})
    changed = update_survey(
        db,
        survey_id,
        {"population": 1200, "notes": None},
        reason="Salah ketik",
        officer_id=officer.id,
    )

    assert changed == ["population"]
    with db.session() as session:
        entries = session.scalars(select(AuditEntry)).all()
        assert [(e.field, e.old_value, e.new_value, e.reason, e.officer_id) for e in entries] == [
            ("population", "900", "1200", "Salah ketik", officer.id)
        ]


def test_deleting_leaves_a_tombstone(db: Database) -> None:
    survey_id = create_survey(db, SurveyInput("63.08.07.2001", date(2026, 8, 3)))
    delete_survey(db, survey_id)
    with db.session() as session:
        survey = session.get(Survey, survey_id)
        assert survey is not None and survey.deleted_at is not None and survey.revision == 2
    with pytest.raises(NotFoundError):
        add_respondent(db, survey_id, RespondentInput("Siti Aisyah"))


def test_a_product_needs_a_category_of_the_rubric(db: Database, rubric: Rubric) -> None:
    survey_id = create_survey(db, SurveyInput("63.08.07.2001", date(2026, 8, 3)))
    with pytest.raises(InvalidInputError, match="kategori") as caught:
        add_product(
            db, survey_id, ProductInput("Purun", "furniture"), categories=_categories(rubric)
        )
    assert caught.value.field == "category"


def test_unknown_survey_is_reported_plainly(db: Database) -> None:
    with pytest.raises(NotFoundError, match="Survei tidak ditemukan"):
        update_survey(db, uuid.uuid4(), {"notes": "x"})


def test_a_respondent_can_be_corrected_but_not_emptied(db: Database) -> None:
    survey_id = create_survey(db, SurveyInput("63.08.07.2001", date(2026, 8, 3)))
    respondent_id = add_respondent(db, survey_id, RespondentInput("Siti Aisyah", "Perajin"))
    assert update_respondent(db, respondent_id, {"role": "Ketua Kelompok"}) == ["role"]
    with pytest.raises(InvalidInputError, match="Nama narasumber"):
        update_respondent(db, respondent_id, {"name": "  "})


def test_correcting_a_product_of_a_final_survey_is_audited(db: Database, rubric: Rubric) -> None:
    officer = save_profile(db, name="Rahmah Hidayati")
    survey_id = create_survey(
        db, SurveyInput("63.08.07.2001", date(2026, 8, 3), officer_id=officer.id)
    )
    product_id = add_product(
        db, survey_id, ProductInput("Anyaman Purun", "anyaman"), categories=_categories(rubric)
    )
    save_assessment(db, product_id, rubric, ALL_THREES)
    finalize_survey(db, survey_id)

    with pytest.raises(InvalidInputError, match="alasan"):
        update_product(db, product_id, {"unit_price_idr": 50_000}, categories=_categories(rubric))
    with pytest.raises(InvalidInputError, match="kategori"):
        update_product(
            db, product_id, {"category": "mebel"}, categories=_categories(rubric), reason="x"
        )
    assert update_product(
        db,
        product_id,
        {"unit_price_idr": 50_000},
        categories=_categories(rubric),
        reason="Harga baru",
    ) == ["unit_price_idr"]
    with db.session() as session:
        fields = [e.field for e in session.scalars(select(AuditEntry))]
    assert fields == ["unit_price_idr"]
