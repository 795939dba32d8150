"""The province's review of received surveys: states with comments kept as a history, the list
of surveys needing correction, and that list as XLSX and CSV for the officers."""

from __future__ import annotations

import csv
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]
from sqlalchemy import event, select

from ovop_desktop.db.models import Survey
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError, NotFoundError
from ovop_desktop.services.province import reviews
from ovop_desktop.services.province.reviews import (
    APPROVED,
    NEEDS_CORRECTION,
    RECEIVED,
    correction_list,
    current_reviews,
    export_corrections_csv,
    export_corrections_xlsx,
    local_date,
    review_history,
    review_rows,
    set_review,
)
from ovop_desktop.services.surveys.capture import (
    SurveyInput,
    create_survey,
    delete_survey,
    update_survey,
)
from tests.conftest import MakeHome

REVIEWER = "Siti Rahmawati"


@pytest.fixture
def province(make_home: MakeHome) -> Database:
    """Three final demo surveys by Rahmah, as merged at the province."""
    return make_home("provinsi", "Rahmah Hidayati", seed=1).db


def _survey_ids(db: Database) -> list[uuid.UUID]:
    with db.session() as session:
        return list(session.scalars(select(Survey.id).order_by(Survey.village_code)))


def test_the_newest_review_is_the_current_state_and_the_history_keeps_all(
    province: Database,
) -> None:
    first, *_ = _survey_ids(province)
    set_review(province, first, RECEIVED, reviewer=REVIEWER)
    set_review(province, first, NEEDS_CORRECTION, "Foto produk buram.", reviewer=REVIEWER)
    set_review(province, first, APPROVED, "  ", reviewer="  Ahmad   Rifani ")

    history = review_history(province, first)
    assert [entry.state for entry in history] == [APPROVED, NEEDS_CORRECTION, RECEIVED]
    assert history[0].comment is None and history[0].reviewer == "Ahmad Rifani"
    assert history[1].comment == "Foto produk buram."
    assert current_reviews(province)[first].state == APPROVED


def test_surveys_not_reviewed_yet_have_no_current_state(province: Database) -> None:
    first, second, third = _survey_ids(province)
    set_review(province, second, RECEIVED, reviewer=REVIEWER)

    assert set(current_reviews(province)) == {second}
    assert current_reviews(province, [first, third]) == {}
    states = {row.survey_id: row.state for row in review_rows(province)}
    assert states == {first: None, second: RECEIVED, third: None}


def test_current_states_of_many_surveys_take_one_query(province: Database) -> None:
    ids = _survey_ids(province)
    for survey_id in ids:
        set_review(province, survey_id, RECEIVED, reviewer=REVIEWER)
        set_review(province, survey_id, NEEDS_CORRECTION, "Lengkapi NIB.", reviewer=REVIEWER)
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(province.engine, "before_cursor_execute", count)
    try:
        current = current_reviews(province, ids)
    finally:
        event.remove(province.engine, "before_cursor_execute", count)

    assert {entry.state for entry in current.values()} == {NEEDS_CORRECTION}
    assert len(current) == 3
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1


def test_reviews_in_the_same_instant_keep_their_order(
    province: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A coarse or stepped-back clock must not make an older review the current one."""
    monkeypatch.setattr(reviews, "utc_now", lambda: datetime(2026, 11, 28, 2, 0, tzinfo=UTC))
    first = _survey_ids(province)[0]
    for state in (NEEDS_CORRECTION, RECEIVED, APPROVED, NEEDS_CORRECTION):
        set_review(province, first, state, "Catatan", reviewer=REVIEWER)

    history = review_history(province, first)
    assert [e.state for e in history] == [NEEDS_CORRECTION, APPROVED, RECEIVED, NEEDS_CORRECTION]
    assert len({e.reviewed_at for e in history}) == 4
    assert current_reviews(province)[first].state == NEEDS_CORRECTION


@pytest.mark.parametrize("comment", [None, "", "   \n "])
def test_needs_correction_must_say_what_to_correct(province: Database, comment: str | None) -> None:
    first = _survey_ids(province)[0]
    with pytest.raises(InvalidInputError, match="perlu diperbaiki") as raised:
        set_review(province, first, NEEDS_CORRECTION, comment, reviewer=REVIEWER)
    assert raised.value.field == "comment"
    assert review_history(province, first) == []


def test_unknown_states_and_a_missing_reviewer_are_refused(province: Database) -> None:
    first = _survey_ids(province)[0]
    with pytest.raises(InvalidInputError) as unknown:
        set_review(province, first, "ditolak", "x", reviewer=REVIEWER)
    assert unknown.value.field == "state"
    with pytest.raises(InvalidInputError, match="Nama peninjau") as nobody:
        set_review(province, first, RECEIVED, reviewer="  ")
    assert nobody.value.field == "reviewer"
    assert review_history(province, first) == []


def test_only_a_final_survey_can_be_approved(province: Database) -> None:
    with province.session() as session:
        village = session.scalars(select(Survey.village_code)).first()
    assert village is not None
    draft = create_survey(province, SurveyInput(village, datetime(2026, 8, 9).date()))

    with pytest.raises(InvalidInputError, match="masih draf"):
        set_review(province, draft, APPROVED, reviewer=REVIEWER)
    # A draft can still be received, or sent back to be completed.
    set_review(province, draft, NEEDS_CORRECTION, "Lengkapi penilaian.", reviewer=REVIEWER)
    assert current_reviews(province)[draft].state == NEEDS_CORRECTION


def test_a_deleted_or_unknown_survey_cannot_be_reviewed(province: Database) -> None:
    first = _survey_ids(province)[0]
    delete_survey(province, first)
    with pytest.raises(NotFoundError):
        set_review(province, first, RECEIVED, reviewer=REVIEWER)
    with pytest.raises(NotFoundError):
        set_review(province, uuid.uuid4(), RECEIVED, reviewer=REVIEWER)


def test_the_correction_list_holds_the_surveys_whose_current_state_needs_correction(
    province: Database,
) -> None:
    first, second, third = _survey_ids(province)
    set_review(province, first, NEEDS_CORRECTION, "Foto produk buram.", reviewer=REVIEWER)
    set_review(province, second, NEEDS_CORRECTION, "Lengkapi NIB.", reviewer=REVIEWER)
    set_review(province, second, APPROVED, reviewer=REVIEWER)  # corrected and approved since
    set_review(province, third, RECEIVED, reviewer=REVIEWER)

    listed = correction_list(province)

    assert [row.survey_id for row in listed] == [first]
    row = listed[0]
    assert row.officer == "Rahmah Hidayati"
    assert row.review is not None and row.review.comment == "Foto produk buram."
    assert row.regency and row.district and row.village
    assert correction_list(province, row.regency) == listed
    assert correction_list(province, "Kota Tidak Ada") == []


def test_a_survey_saved_again_after_its_review_says_so(province: Database) -> None:
    first, second, _ = _survey_ids(province)
    set_review(province, first, NEEDS_CORRECTION, "Isi jumlah UMKM.", reviewer=REVIEWER)
    set_review(province, second, NEEDS_CORRECTION, "Isi jumlah KK.", reviewer=REVIEWER)
    update_survey(province, first, {"umkm_count": 42}, reason="Koreksi dari provinsi")

    changed = {row.survey_id: row.changed_since_review for row in correction_list(province)}
    assert changed == {first: True, second: False}


def _corrections(province: Database) -> list[uuid.UUID]:
    first, second, _ = _survey_ids(province)
    set_review(province, first, NEEDS_CORRECTION, '=HYPERLINK("x")', reviewer=REVIEWER)
    set_review(province, second, NEEDS_CORRECTION, "Foto produk buram.", reviewer=REVIEWER)
    return [first, second]


def test_the_correction_list_exports_as_a_workbook_for_the_officers(
    province: Database, tmp_path: Path
) -> None:
    _corrections(province)
    target = export_corrections_xlsx(province, tmp_path / "perbaikan.xlsx")

    sheet = load_workbook(target)["Perlu perbaikan"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "Petugas",
        "Kode wilayah",
        "Kabupaten/Kota",
        "Kecamatan",
        "Desa/Kelurahan",
        "Tanggal survei",
        "Yang perlu diperbaiki",
        "Peninjau",
        "Tanggal tinjauan",
        "Diubah setelah ditinjau",
    )
    assert sheet.freeze_panes == "A2"
    assert len(rows) == 3
    comments = {row[6] for row in rows[1:]}
    # A comment that starts like a formula stays text in the officer's Excel.
    assert comments == {'\'=HYPERLINK("x")', "Foto produk buram."}
    listed = correction_list(province)
    assert rows[1][0] == "Rahmah Hidayati" and rows[1][1] == listed[0].village_code
    assert listed[0].review is not None
    assert rows[1][8].date() == local_date(listed[0].review.reviewed_at)
    assert rows[1][9] == "Tidak"


def test_the_correction_list_exports_as_csv_for_excel_in_indonesian(
    province: Database, tmp_path: Path
) -> None:
    _corrections(province)
    target = export_corrections_csv(province, tmp_path / "perbaikan.csv", delimiter=";")

    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel recognises UTF-8 by its BOM
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:3] == ["Petugas", "Kode wilayah", "Kabupaten/Kota"]
    assert len(rows) == 3
    assert {row[6] for row in rows[1:]} == {'\'=HYPERLINK("x")', "Foto produk buram."}
    day = rows[1][5]
    assert len(day) == 10 and day[2] == day[5] == "/"  # dd/mm/yyyy
    with pytest.raises(ValueError, match="delimiter"):
        export_corrections_csv(province, tmp_path / "x.csv", delimiter="\t")


def test_an_empty_correction_list_still_writes_its_header(
    province: Database, tmp_path: Path
) -> None:
    target = export_corrections_csv(province, tmp_path / "kosong.csv")
    assert target.read_text(encoding="utf-8-sig").splitlines() == [
        "Petugas,Kode wilayah,Kabupaten/Kota,Kecamatan,Desa/Kelurahan,Tanggal survei,"
        "Yang perlu diperbaiki,Peninjau,Tanggal tinjauan,Diubah setelah ditinjau"
    ]
