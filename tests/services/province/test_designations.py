"""Designation: the province records a village's or kecamatan's designated OVOP product with its
decree, revokes it with a reason, lists them per kabupaten/kota and prints the summary."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import CandidateProduct, Designation, Survey
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError, NotFoundError
from ovop_desktop.services.province import designations
from ovop_desktop.services.province.designation_summary import (
    designation_summary,
    summary_file_name,
)
from ovop_desktop.services.province.designations import (
    DesignationInput,
    designate,
    list_designations,
    region_candidates,
    revoke_designation,
)
from ovop_desktop.services.rubrics import rubric_in_force
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    SurveyInput,
    add_product,
    create_survey,
    delete_product,
)
from tests.conftest import MakeHome

TODAY = date(2026, 11, 28)
TABANIO = "63.01.01.2002"  # a desa of Kec. Takisung, Kabupaten Tanah Laut
BENUA_LAWAS = "63.01.01.2001"
TAKISUNG = "63.01.01"
BANJANG = "63.08.07.2001"  # Kabupaten Hulu Sungai Utara


@pytest.fixture
def province(make_home: MakeHome) -> tuple[Database, Rubric]:
    db = make_home("provinsi", "Siti Rahmawati").db
    return db, rubric_in_force(db)


def _typed(region: str, **changes: object) -> DesignationInput:
    data = DesignationInput(
        region_code=region,
        decided_on=date(2026, 11, 3),
        basis="Hasil penilaian OVOP 2026 dan berita acara rapat tim penilai",
        decree_number="188.44/0123/KUM/2026",
        product_name="Amplang Ikan Tenggiri",
        category="makanan",
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def _surveyed_product(db: Database, village: str, name: str = "Anyaman Purun") -> uuid.UUID:
    survey = create_survey(db, SurveyInput(village, date(2026, 8, 3)))
    categories = frozenset({"anyaman", "makanan"})
    return add_product(db, survey, ProductInput(name, "anyaman"), categories=categories)


def test_a_village_is_designated_with_its_surveyed_candidate(
    province: tuple[Database, Rubric],
) -> None:
    db, rubric = province
    product = _surveyed_product(db, TABANIO)
    designation_id = designate(
        db,
        _typed(TABANIO, product_id=product, product_name="", category=""),
        rubric,
        today=TODAY,
    )

    [row] = list_designations(db)
    assert row.designation_id == designation_id
    assert (row.product_id, row.product_name, row.category) == (product, "Anyaman Purun", "anyaman")
    assert (row.regency, row.district, row.village) == (
        "Kabupaten Tanah Laut",
        "Takisung",
        "Tabanio",
    )
    assert (row.regency_code, row.level, row.place) == ("63.01", "desa", "Tabanio")
    assert row.decree_number == "188.44/0123/KUM/2026"
    assert row.decided_on == date(2026, 11, 3) and row.revoked_at is None


def test_a_kecamatan_is_designated_with_a_product_named_directly(
    province: tuple[Database, Rubric],
) -> None:
    db, rubric = province
    designate(db, _typed(TAKISUNG, product_name="  Terasi   Takisung "), rubric, today=TODAY)

    [row] = list_designations(db, "63.01")
    assert (row.regency, row.district, row.village, row.place) == (
        "Kabupaten Tanah Laut",
        "Takisung",
        None,
        "Takisung",
    )
    assert (row.product_id, row.product_name, row.category) == (None, "Terasi Takisung", "makanan")


def test_a_kecamatan_may_take_a_candidate_surveyed_in_one_of_its_villages(
    province: tuple[Database, Rubric],
) -> None:
    db, rubric = province
    product = _surveyed_product(db, BENUA_LAWAS)
    designate(db, _typed(TAKISUNG, product_id=product), rubric, today=TODAY)
    assert list_designations(db)[0].product_name == "Anyaman Purun"


@pytest.mark.parametrize("code", ["63", "63.01", "63.99.99.2999", ""])
def test_only_a_village_or_a_kecamatan_can_be_designated(
    province: tuple[Database, Rubric], code: str
) -> None:
    db, rubric = province
    with pytest.raises(InvalidInputError, match="Pilih desa/kelurahan atau kecamatan") as raised:
        designate(db, _typed(code), rubric, today=TODAY)
    assert raised.value.field == "region_code"
    assert list_designations(db, include_revoked=True) == []


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"decree_number": "  "}, "decree_number", "Nomor SK"),
        ({"decree_number": "1/" * 60}, "decree_number", "paling panjang"),
        ({"basis": ""}, "basis", "Dasar keputusan wajib"),
        ({"basis": "x" * 601}, "basis", "paling panjang 600"),
        ({"decided_on": None}, "decided_on", "wajib"),
        ({"decided_on": date(2026, 11, 29)}, "decided_on", "setelah hari ini"),
        ({"decided_on": date(1999, 12, 31)}, "decided_on", "tahun 2000"),
        ({"product_name": " "}, "product_name", "Pilih produk kandidat"),
        ({"category": "batu bara"}, "category", "kategori"),
    ],
)
def test_an_incomplete_or_wrong_designation_is_refused_next_to_its_field(
    province: tuple[Database, Rubric], changes: dict[str, object], field: str, message: str
) -> None:
    db, rubric = province
    with pytest.raises(InvalidInputError, match=message) as raised:
        designate(db, _typed(TABANIO, **changes), rubric, today=TODAY)
    assert raised.value.field == field
    assert raised.value.message_en  # the English half is there too
    assert list_designations(db, include_revoked=True) == []


def test_today_is_a_valid_date_of_designation(province: tuple[Database, Rubric]) -> None:
    db, rubric = province
    designate(db, _typed(TABANIO, decided_on=TODAY), rubric, today=TODAY)
    assert list_designations(db)[0].decided_on == TODAY


def test_a_candidate_of_another_region_or_a_deleted_one_is_refused(
    province: tuple[Database, Rubric],
) -> None:
    db, rubric = province
    elsewhere = _surveyed_product(db, BANJANG)
    with pytest.raises(InvalidInputError, match="bukan produk kandidat") as raised:
        designate(db, _typed(TABANIO, product_id=elsewhere), rubric, today=TODAY)
    assert raised.value.field == "product_id"
    gone = _surveyed_product(db, TABANIO)
    delete_product(db, gone)
    with pytest.raises(InvalidInputError, match="bukan produk kandidat"):
        designate(db, _typed(TABANIO, product_id=gone), rubric, today=TODAY)


def test_a_region_has_one_live_designation_and_a_revoked_one_stays_on_record(
    province: tuple[Database, Rubric],
) -> None:
    db, rubric = province
    first = designate(db, _typed(TABANIO), rubric, today=TODAY)
    with pytest.raises(InvalidInputError, match="sudah memiliki produk OVOP") as raised:
        designate(db, _typed(TABANIO, product_name="Kerupuk Haruan"), rubric, today=TODAY)
    assert "Amplang Ikan Tenggiri" in str(raised.value)

    revoke_designation(db, first, "Diganti dengan SK baru")
    second = designate(db, _typed(TABANIO, product_name="Kerupuk Haruan"), rubric, today=TODAY)

    assert [row.designation_id for row in list_designations(db)] == [second]
    both = list_designations(db, include_revoked=True)
    assert [row.designation_id for row in both] == [second, first]  # the live one first
    assert both[1].revoked_at is not None and both[1].revoked_reason == "Diganti dengan SK baru"


def test_the_database_refuses_a_second_live_designation_even_when_two_requests_race(
    province: tuple[Database, Rubric], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two windows saving at once both find no live designation; the partial unique index then
    refuses the second, and the person reads the same plain message."""
    db, rubric = province
    designate(db, _typed(TABANIO), rubric, today=TODAY)
    real_live = designations._live
    calls = iter([None])
    monkeypatch.setattr(
        designations, "_live", lambda session, code: next(calls, real_live(session, code))
    )
    with pytest.raises(InvalidInputError, match="sudah memiliki produk OVOP"):
        designate(db, _typed(TABANIO, product_name="Kerupuk Haruan"), rubric, today=TODAY)
    with db.session() as session:
        assert len(session.scalars(select(Designation)).all()) == 1


def test_revoking_needs_a_reason_and_happens_once(province: tuple[Database, Rubric]) -> None:
    db, rubric = province
    designation_id = designate(db, _typed(TABANIO), rubric, today=TODAY)
    with pytest.raises(InvalidInputError, match="alasan") as raised:
        revoke_designation(db, designation_id, "  ")
    assert raised.value.field == "reason"
    revoke_designation(db, designation_id, "SK dibatalkan")
    with pytest.raises(InvalidInputError, match="sudah dicabut"):
        revoke_designation(db, designation_id, "lagi")
    with pytest.raises(NotFoundError):
        revoke_designation(db, uuid.uuid4(), "tidak ada")


def test_designations_are_listed_per_regency_by_district_and_village(
    province: tuple[Database, Rubric],
) -> None:
    db, rubric = province
    for code in (TABANIO, BANJANG, TAKISUNG, BENUA_LAWAS):
        designate(db, _typed(code), rubric, today=TODAY)

    assert [row.place for row in list_designations(db, "63.01")] == [
        "Takisung",  # the kecamatan before its villages
        "Benua Lawas",
        "Tabanio",
    ]
    assert [row.village for row in list_designations(db, "63.08")] == ["Banjang"]
    assert list_designations(db, "63.7") == []  # a prefix of a code is not a regency
    assert len(list_designations(db)) == 4


def test_the_candidates_offered_are_those_surveyed_in_the_region(
    province: tuple[Database, Rubric],
) -> None:
    db, _ = province
    purun = _surveyed_product(db, TABANIO)
    lawas = _surveyed_product(db, BENUA_LAWAS, "Ikan Asin")
    _surveyed_product(db, BANJANG, "Kain Sasirangan")
    gone = _surveyed_product(db, TABANIO, "Dihapus")
    delete_product(db, gone)

    assert [c.product_id for c in region_candidates(db, TABANIO)] == [purun]
    in_district = region_candidates(db, TAKISUNG)
    assert [(c.village, c.name) for c in in_district] == [
        ("Benua Lawas", "Ikan Asin"),
        ("Tabanio", "Anyaman Purun"),
    ]
    assert in_district[0].product_id == lawas


def test_the_summary_names_the_regency_and_lists_its_live_designations(
    province: tuple[Database, Rubric],
) -> None:
    db, rubric = province
    designate(db, _typed(TABANIO), rubric, today=TODAY)
    revoked = designate(db, _typed(BENUA_LAWAS), rubric, today=TODAY)
    revoke_designation(db, revoked, "Salah desa")
    designate(db, _typed(BANJANG), rubric, today=TODAY)

    summary = designation_summary(db, "63.01", rubric, as_of=TODAY)

    assert (summary.regency, summary.province, summary.as_of) == (
        "Kabupaten Tanah Laut",
        "Kalimantan Selatan",
        TODAY,
    )
    assert [(line.village, line.category) for line in summary.lines] == [("Tabanio", "Makanan")]
    with pytest.raises(InvalidInputError, match="kabupaten/kota"):
        designation_summary(db, TAKISUNG, rubric)


def test_the_summary_file_is_named_after_the_regency_and_day() -> None:
    assert summary_file_name("Kabupaten Tanah Laut", TODAY) == (
        "penetapan-ovop-kabupaten-tanah-laut-2026-11-28.pdf"
    )
    assert summary_file_name("Kota Banjarbaru", TODAY).startswith("penetapan-ovop-kota-banjarbaru")


def test_a_survey_edited_after_designation_does_not_change_the_designated_name(
    province: tuple[Database, Rubric],
) -> None:
    db, rubric = province
    product = _surveyed_product(db, TABANIO)
    designate(db, _typed(TABANIO, product_id=product), rubric, today=TODAY)
    with db.session() as session:
        stored = session.get(CandidateProduct, product)
        assert stored is not None
        stored.name = "Purun Baru"
        assert session.get(Survey, stored.survey_id) is not None
    assert list_designations(db)[0].product_name == "Anyaman Purun"
