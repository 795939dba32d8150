"""Verification means something: only the issued file's own bytes verify as it; any other file
that names a letter is reported as not the issued file, with the register's facts beside it."""

from __future__ import annotations

import io
import uuid
from dataclasses import replace
from datetime import date
from pathlib import Path

import pypdf
import pytest

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import Letter
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.assessment.assessments import save_assessment
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError, NotFoundError, StorageError
from ovop_desktop.services.letters.letter_content import LetterOptions
from ovop_desktop.services.letters.letter_files import archive_path
from ovop_desktop.services.letters.letter_settings import demo_letter_settings
from ovop_desktop.services.letters.originals import original_letter, save_original
from ovop_desktop.services.letters.register import IssuedLetter, issue_letter, void_letter
from ovop_desktop.services.letters.verification import verify_letter
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    SurveyInput,
    add_product,
    create_survey,
)
from tests.conftest import BACKENDS
from tests.finished_work import finish_survey


@pytest.fixture(params=["sqlite"])
def backend(request: pytest.FixtureRequest) -> str:
    """Verification reads the register the same way on both backends; one test (the number
    query) runs on PostgreSQL too."""
    return str(request.param)


OPTIONS = LetterOptions("Bupati Hulu Sungai Utara", "Amuntai", issued_on=date(2026, 12, 5))


def _issue(
    db: Database, paths: AppPaths, rubric: Rubric, village: str = "63.08.07.2001"
) -> IssuedLetter:
    survey_id = create_survey(db, SurveyInput(village, date(2026, 8, 3)))
    product = add_product(
        db,
        survey_id,
        ProductInput("Anyaman Purun", "anyaman"),
        categories=frozenset(c.id for c in rubric.categories),
    )
    save_assessment(db, product, rubric, {f"C{i}": 4 for i in range(1, 9)}, final=True)
    finish_survey(db, survey_id)
    return issue_letter(db, paths, survey_id, OPTIONS, rubric)


@pytest.fixture
def issued(db: Database, app_paths: AppPaths, rubric: Rubric) -> IssuedLetter:
    demo_letter_settings(db)
    return _issue(db, app_paths, rubric)


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def _edited_incrementally(pdf: bytes, old: str, new: str) -> bytes:
    """The letter with `old` replaced by `new` on its first page, appended as an incremental
    update: every original byte stays, as a forger's editor would leave them."""
    writer = pypdf.PdfWriter(io.BytesIO(pdf), incremental=True)
    for page in writer.pages:
        contents = page.get_contents()
        assert contents is not None
        data = contents.get_data()
        if old.encode() in data:
            contents.set_data(data.replace(old.encode(), new.encode()))
            page.replace_contents(contents)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _resaved(pdf: bytes) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf)))
    for page in writer.pages:
        page.compress_content_streams()
    writer.add_metadata({"/Producer": "pypdf"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_only_the_issued_bytes_verify_as_identical_to_the_archive(
    db: Database, issued: IssuedLetter, tmp_path: Path
) -> None:
    original = tmp_path / "surat.pdf"
    original.write_bytes(issued.pdf)
    result = verify_letter(db, original)
    assert (result.same_file, result.status, result.authentic) == (True, "valid", True)
    assert result.message_id.startswith("Sah, identik dengan arsip")

    edited = _edited_incrementally(issued.pdf, "80,00", "97,00")
    assert edited.startswith(issued.pdf) and "97,00" in _text(edited)
    flipped = bytearray(issued.pdf)
    flipped[len(flipped) // 2] ^= 0x01
    code_only = f"Kode verifikasi OVOPV1:{issued.verification_code}\n".encode()
    for forged in (edited, bytes(flipped), code_only):
        copy = verify_letter(db, forged)
        assert (copy.same_file, copy.authentic, copy.number) == (False, False, issued.number)
        assert "BUKAN berkas surat yang diterbitkan" in copy.message_id
        assert "NOT the issued file" in copy.message_en


def test_a_genuine_letter_resaved_by_another_pdf_library_is_found_as_a_copy(
    db: Database, issued: IssuedLetter
) -> None:
    resaved = _resaved(issued.pdf)
    assert f"OVOPV1:{issued.verification_code}".encode() not in resaved  # re-encoded
    result = verify_letter(db, resaved)
    assert (result.status, result.same_file, result.code) == (
        "valid",
        False,
        issued.verification_code,
    )
    assert result.letter is not None
    lines = "\n".join(result.letter.lines_id())
    for shown in (
        issued.number,
        "5 Desember 2026",
        "Anyaman Purun",
        "80,00",
        "4 dari 5",
        "Drs. H. Ahmad Rifani",
        "berlaku",
    ):
        assert shown in lines


def test_the_qr_text_the_code_and_the_number_show_the_register_with_the_void_reason(
    db: Database, issued: IssuedLetter
) -> None:
    with db.session() as session:
        letter = session.get(Letter, issued.letter_id)
        assert letter is not None
        payload = f"OVOPV1|{issued.verification_code}|{letter.number}|{letter.snapshot_hash[:16]}"
    by_qr = verify_letter(db, payload)
    assert (by_qr.given, by_qr.status, by_qr.qr_matches, by_qr.authentic) == (
        "qr",
        "valid",
        True,
        True,
    )
    forged_qr = verify_letter(db, payload.replace(letter.number, "500.2/99/DKUKM/XII/2026"))
    assert (forged_qr.qr_matches, forged_qr.authentic) == (False, False)
    assert "tidak cocok" in forged_qr.message_id

    typed = issued.verification_code.replace("-", " ").lower()
    assert verify_letter(db, typed).number == issued.number
    by_number = verify_letter(db, f" {issued.number.lower()} ")
    assert (by_number.given, by_number.code) == ("number", issued.verification_code)

    void_letter(db, issued.letter_id, "Salah alamat tujuan")
    voided = verify_letter(db, issued.number)
    assert (voided.status, voided.authentic) == ("void", False)
    assert "DIBATALKAN: Salah alamat tujuan" in voided.message_id
    assert voided.letter is not None
    assert any("Salah alamat tujuan" in line for line in voided.letter.lines_id())
    unknown = verify_letter(db, "500.2/77/DKUKM/XII/2026")
    assert (unknown.status, unknown.given) == ("unknown", "number")
    assert "500.2/77/DKUKM/XII/2026" in unknown.message_id


def test_a_replaced_letter_names_the_letter_that_replaced_it(
    db: Database, app_paths: AppPaths, rubric: Rubric, issued: IssuedLetter
) -> None:
    with db.session() as session:
        letter = session.get(Letter, issued.letter_id)
        assert letter is not None
        survey_id = letter.survey_id
    later = issue_letter(
        db, app_paths, survey_id, replace(OPTIONS, replace_reason="Alamat tujuan salah"), rubric
    )
    result = verify_letter(db, issued.verification_code)
    assert (result.status, result.authentic) == ("replaced", False)
    assert f"DIGANTI dengan surat {later.number}: Alamat tujuan salah" in result.message_id
    assert verify_letter(db, later.verification_code).authentic


@pytest.mark.parametrize("backend", BACKENDS, indirect=True)
def test_a_number_two_laptops_share_lists_both_letters(
    db: Database, app_paths: AppPaths, rubric: Rubric, issued: IssuedLetter
) -> None:
    other = _issue(db, app_paths, rubric, "63.08.07.2004")
    with db.session() as session:
        letter = session.get(Letter, other.letter_id)
        assert letter is not None
        letter.device_id, letter.number, letter.sequence = uuid.uuid4(), issued.number, 1
    result = verify_letter(db, issued.number)
    assert result.status == "several" and not result.authentic
    assert {m.verification_code for m in result.matches} == {
        issued.verification_code,
        other.verification_code,
    }
    assert "2 surat" in result.message_id


def test_a_missing_file_is_said_to_be_missing_not_taken_for_a_code(
    db: Database, issued: IssuedLetter, tmp_path: Path
) -> None:
    for missing in (tmp_path / "surat-hilang.pdf", str(tmp_path / "surat-hilang.pdf")):
        with pytest.raises(NotFoundError, match="tidak ada"):
            verify_letter(db, missing)
    with pytest.raises(InvalidInputError, match="bukan berkas"):
        verify_letter(db, tmp_path)
    with pytest.raises(InvalidInputError):
        verify_letter(db, "   ")
    assert verify_letter(db, "bukan apa-apa").given == "text"
    no_code = verify_letter(db, b"%PDF-1.4 kosong")
    assert (no_code.status, no_code.code) == ("unknown", None)
    assert "Tidak ada kode verifikasi" in no_code.message_id


def test_the_original_is_handed_out_byte_for_byte_and_never_a_changed_copy(
    db: Database, app_paths: AppPaths, issued: IssuedLetter, tmp_path: Path
) -> None:
    target = save_original(db, app_paths, issued.letter_id, tmp_path / "asli.pdf")
    assert target.read_bytes() == issued.pdf
    assert verify_letter(db, target).same_file is True
    archive_path(app_paths, issued.verification_code).write_bytes(_resaved(issued.pdf))
    with pytest.raises(StorageError, match="sudah berubah"):
        original_letter(db, app_paths, issued.letter_id)
    archive_path(app_paths, issued.verification_code).unlink()
    with pytest.raises(NotFoundError, match="laptop lain"):
        original_letter(db, app_paths, issued.letter_id)
