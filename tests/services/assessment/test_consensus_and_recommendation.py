"""Second assessors, the recommendation, rubric versions and the regional ranking."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import Assessment, Letter, Officer, Survey
from ovop_desktop.services.assessment.assessments import list_assessments, reassess, save_assessment
from ovop_desktop.services.assessment.regional_ranking import rank_region
from ovop_desktop.services.assessment.village_ranking import rank_survey, recommend_product
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError
from ovop_desktop.services.rubrics import install_rubric, rubric_in_force, set_rubric_in_force
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    SurveyInput,
    add_product,
    create_survey,
)
from ovop_desktop.services.surveys.survey_list import list_surveys
from tests.conftest import ROOT

SHIPPED = (ROOT / "resources" / "rubrics" / "ovop-kalsel-2026-v1.toml").read_text(encoding="utf-8")


def _levels(*values: int) -> dict[str, int | None]:
    return {f"C{i}": v for i, v in enumerate(values, start=1)}


def _officer(db: Database, name: str) -> uuid.UUID:
    with db.session() as session:
        officer = Officer(name=name)
        session.add(officer)
        session.flush()
        return officer.id


def _village(
    db: Database, rubric: Rubric, code: str, *products: tuple[str, str]
) -> tuple[uuid.UUID, list[uuid.UUID]]:
    survey_id = create_survey(db, SurveyInput(code, date(2026, 8, 3)))
    categories = frozenset(c.id for c in rubric.categories)
    return survey_id, [
        add_product(db, survey_id, ProductInput(n, c), categories=categories) for n, c in products
    ]


def test_the_ranking_uses_the_median_level_of_the_assessors_final_assessments(
    db: Database, rubric: Rubric
) -> None:
    survey_id, [purun] = _village(db, rubric, "63.08.07.2001", ("Anyaman Purun", "anyaman"))
    rahmah, yusuf, siti = (_officer(db, n) for n in ("Rahmah", "Yusuf", "Siti"))
    save_assessment(
        db, purun, rubric, _levels(5, 3, 3, 4, 3, 3, 3, 4), assessor_id=rahmah, final=True
    )
    save_assessment(
        db, purun, rubric, _levels(3, 3, 5, 4, 3, 3, 4, 4), assessor_id=yusuf, final=True
    )
    save_assessment(
        db, purun, rubric, _levels(4, 2, 4, 4, 3, 3, 5, 2), assessor_id=siti, final=True
    )
    save_assessment(db, purun, rubric, _levels(1, 1, 1, 1, 1, 1, 1, 1))  # a draft: not counted

    [entry] = rank_survey(db, survey_id, rubric).entries

    assert entry.levels == _levels(4, 3, 4, 4, 3, 3, 4, 4)
    assert entry.consensus and entry.final and len(entry.assessment_ids) == 3
    # by hand: 8 + 6 + 8 + 8 + 9 + 6 + 16 + 12
    assert entry.total == Decimal("73.00")
    assert entry.as_json()["consensus"] is True


def test_an_officer_who_finalises_again_replaces_their_own_judgement(
    db: Database, rubric: Rubric
) -> None:
    survey_id, [purun] = _village(db, rubric, "63.08.07.2001", ("Anyaman Purun", "anyaman"))
    rahmah = _officer(db, "Rahmah")
    save_assessment(
        db, purun, rubric, _levels(2, 2, 2, 2, 2, 2, 2, 2), assessor_id=rahmah, final=True
    )
    save_assessment(
        db, purun, rubric, _levels(4, 4, 4, 4, 4, 4, 4, 4), assessor_id=rahmah, final=True
    )
    [entry] = rank_survey(db, survey_id, rubric).entries
    assert (entry.total, entry.consensus) == (Decimal("80.00"), False)
    [row] = list_surveys(db, rubric)
    assert row.top_total == Decimal("80.00")


def test_the_survey_list_and_the_village_ranking_agree_on_a_consensus(
    db: Database, rubric: Rubric
) -> None:
    survey_id, [purun, dodol] = _village(
        db, rubric, "63.08.07.2001", ("Anyaman Purun", "anyaman"), ("Dodol", "makanan")
    )
    a, b = _officer(db, "A"), _officer(db, "B")
    save_assessment(db, purun, rubric, _levels(5, 5, 5, 5, 5, 5, 5, 5), assessor_id=a, final=True)
    save_assessment(db, purun, rubric, _levels(1, 1, 1, 1, 1, 1, 1, 1), assessor_id=b, final=True)
    save_assessment(db, dodol, rubric, _levels(3, 3, 3, 3, 3, 3, 3, 3), assessor_id=a, final=True)

    top = rank_survey(db, survey_id, rubric).entries[0]
    [row] = list_surveys(db, rubric)

    assert top.name == "Dodol" and top.total == Decimal("60.00")
    assert (row.top_candidate, row.top_total) == ("Dodol", Decimal("60.00"))


def test_choosing_another_product_than_rank_1_needs_a_written_reason(
    db: Database, rubric: Rubric
) -> None:
    survey_id, [purun, tas] = _village(
        db, rubric, "63.08.07.2001", ("Anyaman Purun", "anyaman"), ("Tas Purun", "anyaman")
    )
    save_assessment(db, purun, rubric, _levels(5, 3, 3, 4, 3, 3, 3, 4), final=True)  # 69, rank 2
    save_assessment(
        db, tas, rubric, _levels(3, 3, 3, 4, 3, 3, 4, 4), final=True
    )  # 69, rank 1 by C7

    with pytest.raises(InvalidInputError, match="peringkat 2") as caught:
        recommend_product(db, survey_id, purun, rubric, "  ")
    assert caught.value.field == "recommendation_justification"

    ranking = recommend_product(
        db, survey_id, purun, rubric, "Bahan baku purun paling terjamin; kelompok sudah aktif."
    )
    assert ranking.recommended is not None and ranking.recommended.name == "Anyaman Purun"
    with db.session() as session:
        survey = session.get(Survey, survey_id)
        assert survey is not None
        assert survey.recommended_product_id == purun
        assert survey.recommendation_justification is not None

    ranking = recommend_product(db, survey_id, tas, rubric)
    assert ranking.justification is None and ranking.recommended_product_id == tas


def test_an_incomplete_candidate_cannot_be_recommended(db: Database, rubric: Rubric) -> None:
    survey_id, [purun] = _village(db, rubric, "63.08.07.2001", ("Anyaman Purun", "anyaman"))
    save_assessment(db, purun, rubric, {"C1": 5})
    with pytest.raises(InvalidInputError, match="dinilai lengkap"):
        recommend_product(db, survey_id, purun, rubric, "alasan")


def test_a_new_rubric_version_leaves_version_1_assessments_and_letters_unchanged(
    db: Database, rubric: Rubric
) -> None:
    survey_id, [purun] = _village(db, rubric, "63.08.07.2001", ("Anyaman Purun", "anyaman"))
    first = save_assessment(db, purun, rubric, _levels(4, 4, 4, 4, 4, 4, 4, 4), final=True)
    snapshot = {"assessment_id": str(first.assessment_id), "total": "80.00", "stars": 4}
    with db.session() as session:
        session.add(
            Letter(
                number="500.2/1/DKUKM/VIII/2026",
                year=2026,
                sequence=1,
                issued_on=date(2026, 8, 10),
                survey_id=survey_id,
                product_id=purun,
                signatory={"name": "Kepala Dinas"},
                snapshot=snapshot,
                snapshot_hash="a" * 64,
                verification_code="ABCD-1234",
            )
        )
    with db.session() as session:
        before = session.get(Assessment, first.assessment_id)
        assert before is not None
        stored = (
            before.revision,
            before.total,
            before.stars,
            before.rubric_hash,
            {lv.criterion_id: lv.level for lv in before.levels},
        )

    version_2 = install_rubric(db, SHIPPED.replace("version = 1", "version = 2", 1))
    set_rubric_in_force(db, version_2.id, version_2.version)
    second = reassess(db, purun, rubric_in_force(db))

    views = list_assessments(db, purun)
    assert [(v.rubric_version, v.status) for v in views] == [(1, "final"), (2, "draft")]
    assert second.assessment_id != first.assessment_id
    with db.session() as session:
        after = session.get(Assessment, first.assessment_id)
        assert after is not None
        assert (
            after.revision,
            after.total,
            after.stars,
            after.rubric_hash,
            {lv.criterion_id: lv.level for lv in after.levels},
        ) == stored
        letter = session.scalars(select(Letter)).one()
        assert letter.snapshot == snapshot
    under_v1 = rank_survey(db, survey_id, rubric)
    under_v2 = rank_survey(db, survey_id, version_2)
    assert [e.total for e in under_v1.entries] == [Decimal("80.00")]
    assert [e.total for e in under_v2.entries] == [None]
    assert (under_v2.rubric_version, under_v1.rubric_version) == (2, 1)


def test_the_regional_ranking_spans_villages_and_lists_those_not_assessed(
    db: Database, rubric: Rubric
) -> None:
    _, [purun] = _village(db, rubric, "63.08.07.2001", ("Anyaman Purun", "anyaman"))
    _, [permata, perak] = _village(
        db, rubric, "63.03.05.1003", ("Permata", "logam"), ("Perak", "logam")
    )
    _village(db, rubric, "63.08.07.2004", ("Tas Purun", "anyaman"))
    save_assessment(db, purun, rubric, _levels(3, 3, 3, 3, 3, 3, 3, 3), final=True)
    save_assessment(db, permata, rubric, _levels(4, 4, 4, 4, 4, 4, 4, 4), final=True)
    save_assessment(db, perak, rubric, _levels(2, 2, 2, 2, 2, 2, 2, 2), final=True)

    province = rank_region(db, "63", rubric)
    hulu_sungai_utara = rank_region(db, "63.08", rubric)

    assert [(r.name, r.village_rank) for r in province.rows] == [
        ("Permata", 1),
        ("Anyaman Purun", 1),
        ("Perak", 2),
    ]
    assert [v.village for v in province.unassessed] == ["Pandulangan"]
    assert [r.name for r in hulu_sungai_utara.rows] == ["Anyaman Purun"]
    assert province.region_name == "Kalimantan Selatan"
    assert (province.rubric_id, province.rubric_version) == (rubric.id, rubric.version)


def test_the_regional_ranking_ranks_each_village_exactly_as_the_village_ranking(
    db: Database, rubric: Rubric
) -> None:
    import random

    rng = random.Random(7)
    codes = ["63.08.07.2001", "63.08.07.2004", "63.03.05.1003", "63.01.01.2001"]
    surveys = []
    for code in codes:
        survey_id, products = _village(
            db,
            rubric,
            code,
            *[(f"Produk {i}", rng.choice(["anyaman", "makanan", "logam"])) for i in range(5)],
        )
        surveys.append(survey_id)
        for product in products:
            # Few distinct levels: ties on total are frequent and the tie-break decides.
            levels = _levels(*(rng.choice((3, 4)) for _ in range(8)))
            save_assessment(
                db,
                product,
                rubric,
                levels,
                final=True,
                assessor_id=_officer(db, "A") if rng.random() < 0.3 else None,
            )
    region = rank_region(db, "63", rubric)
    for survey_id in surveys:
        village = [
            (r.name, r.village_rank, r.total, r.stars)
            for r in region.rows
            if r.survey_id == survey_id
        ]
        expected = [
            (e.name, e.rank, e.total, e.stars)
            for e in rank_survey(db, survey_id, rubric).entries
            if e.rank is not None
        ]
        assert village == expected
