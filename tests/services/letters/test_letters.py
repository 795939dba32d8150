"""The letter register: numbers, snapshots, voiding, verification, batches."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest

from ovop_desktop.core.letter_identity import letter_number
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import Officer
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.assessment.assessments import list_assessments, save_assessment
from ovop_desktop.services.database import Database
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.services.errors import InvalidInputError
from ovop_desktop.services.letters.batch import issue_region_letters
from ovop_desktop.services.letters.letter_content import LetterOptions, prepare_letter
from ovop_desktop.services.letters.letter_settings import demo_letter_settings
from ovop_desktop.services.letters.register import issue_letter, letter_register, void_letter
from ovop_desktop.services.letters.verification import verify_letter
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    SurveyInput,
    add_product,
    create_survey,
)
from ovop_desktop.services.surveys.survey_list import list_surveys
from tests.finished_work import finish_survey

OPTIONS = LetterOptions(addressee="Bupati Hulu Sungai Utara", addressee_place="Amuntai")


def _assessed_survey(db: Database, rubric: Rubric) -> tuple[uuid.UUID, uuid.UUID]:
    survey_id = create_survey(db, SurveyInput("63.08.07.2001", date(2026, 8, 3)))
    product = add_product(
        db,
        survey_id,
        ProductInput("Anyaman Purun", "anyaman"),
        categories=frozenset(c.id for c in rubric.categories),
    )
    save_assessment(db, product, rubric, {f"C{i}": 4 for i in range(1, 9)}, final=True)
    finish_survey(db, survey_id)
    return survey_id, product


def test_numbers_follow_the_template_with_roman_months() -> None:
    assert letter_number("500.2/{nomor}/DKUKM/{bulan}/{tahun}", 7, date(2026, 11, 27)) == (
        "500.2/7/DKUKM/XI/2026"
    )


def test_a_letter_without_settings_is_refused_naming_what_to_fill(
    db: Database, app_paths: AppPaths, rubric: Rubric
) -> None:
    survey_id, _ = _assessed_survey(db, rubric)
    with pytest.raises(InvalidInputError, match="penanda tangan") as caught:
        issue_letter(db, app_paths, survey_id, OPTIONS, rubric)
    assert "Kop surat" in str(caught.value) and "Templat nomor" in str(caught.value)
    assert letter_register(db) == []


def test_sequences_restart_each_year_and_a_voided_number_is_never_reused(
    db: Database, app_paths: AppPaths, rubric: Rubric
) -> None:
    demo_letter_settings(db)
    survey_id, _ = _assessed_survey(db, rubric)
    first = issue_letter(
        db,
        app_paths,
        survey_id,
        LetterOptions("Bupati", "Amuntai", issued_on=date(2026, 11, 2)),
        rubric,
    )
    void_letter(db, first.letter_id, "Salah alamat")
    second = issue_letter(
        db,
        app_paths,
        survey_id,
        LetterOptions("Bupati", "Amuntai", issued_on=date(2026, 12, 1)),
        rubric,
    )
    next_year = issue_letter(
        db,
        app_paths,
        survey_id,
        LetterOptions("Bupati", "Amuntai", issued_on=date(2027, 1, 4), replace_reason="Tahun baru"),
        rubric,
    )
    assert (first.number, second.number, next_year.number) == (
        "500.2/1/DKUKM/XI/2026",
        "500.2/2/DKUKM/XII/2026",
        "500.2/1/DKUKM/I/2027",
    )
    register = {e.number: e for e in letter_register(db)}
    assert register[first.number].status == "void"
    assert register[first.number].void_reason == "Salah alamat"
    with pytest.raises(InvalidInputError, match="alasan"):
        void_letter(db, second.letter_id, " ")


def test_verification_finds_the_letter_and_notices_a_changed_assessment(
    db: Database, app_paths: AppPaths, rubric: Rubric, tmp_path: Path
) -> None:
    demo_letter_settings(db)
    survey_id, product = _assessed_survey(db, rubric)
    issued = issue_letter(db, app_paths, survey_id, OPTIONS, rubric)
    pdf = tmp_path / "surat.pdf"
    pdf.write_bytes(issued.pdf)

    assert verify_letter(db, issued.verification_code).status == "valid"
    assert verify_letter(db, issued.verification_code.replace("-", "").lower()).status == "valid"
    from_pdf = verify_letter(db, pdf)
    assert (from_pdf.status, from_pdf.number, from_pdf.product) == (
        "valid",
        issued.number,
        "Anyaman Purun",
    )

    [assessment] = list_assessments(db, product)
    save_assessment(
        db, product, rubric, {"C1": 2}, assessment_id=assessment.id, final=True, reason="koreksi"
    )
    assert verify_letter(db, pdf).status == "changed"
    assert verify_letter(db, "ZZZZZ-ZZZZZ").status == "unknown"
    void_letter(db, issued.letter_id, "Diganti surat baru")
    assert verify_letter(db, pdf).status == "void"


def test_a_region_batch_writes_one_registered_letter_per_assessed_village(
    db: Database, app_paths: AppPaths, rubric: Rubric, tmp_path: Path
) -> None:
    seed_demo(db, villages=4, seed=2)
    rows = list_surveys(db, rubric)
    region = rows[0].village_code[:5]
    expected = {r.village for r in rows if r.village_code.startswith(region + ".")}
    seen: list[tuple[int, int]] = []

    result = issue_region_letters(
        db,
        app_paths,
        region,
        OPTIONS,
        rubric,
        tmp_path / "surat",
        progress=lambda done, total: seen.append((done, total)),
        workers=2,
    )

    assert len(result.written) == len(expected) and not result.cancelled
    assert all(p.read_bytes().startswith(b"%PDF") for p in result.written)
    assert seen[-1] == (len(expected), len(expected))
    assert {e.village for e in letter_register(db)} == expected
    numbers = [e.number for e in letter_register(db)]
    assert len(set(numbers)) == len(numbers)


def test_a_cancelled_batch_registers_only_the_letters_it_wrote(
    db: Database, app_paths: AppPaths, rubric: Rubric, tmp_path: Path
) -> None:
    seed_demo(db, villages=4, seed=2)
    region = list_surveys(db, rubric)[0].village_code[:2]
    result = issue_region_letters(
        db,
        app_paths,
        region,
        OPTIONS,
        rubric,
        tmp_path / "surat",
        cancelled=lambda: True,
        workers=1,
    )
    assert result.cancelled
    assert (
        len(letter_register(db))
        == len(result.written)
        == len(list((tmp_path / "surat").glob("*.pdf")))
    )
    assert not list((tmp_path / "surat").glob("*.part"))


def test_the_assessment_sheet_prints_the_assessors_notes(
    db: Database, app_paths: AppPaths, rubric: Rubric
) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    demo_letter_settings(db)
    survey_id, product = _assessed_survey(db, rubric)
    [assessment] = list_assessments(db, product)
    save_assessment(
        db,
        product,
        rubric,
        {},
        assessment_id=assessment.id,
        notes={"C1": "Purun dari rawa desa sendiri & <b>tetangga</b>"},
        final=True,
        reason="catatan dilengkapi",
    )
    issued = issue_letter(db, app_paths, survey_id, OPTIONS, rubric)
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(issued.pdf)).pages)
    assert "Purun dari rawa desa sendiri & <b>tetangga</b>" in " ".join(text.split())


def test_a_consensus_sheet_joins_the_counting_assessors_notes_in_the_order_they_assessed(
    db: Database, app_paths: AppPaths, rubric: Rubric
) -> None:
    demo_letter_settings(db)
    survey_id = create_survey(db, SurveyInput("63.08.07.2001", date(2026, 8, 3)))
    categories = frozenset(c.id for c in rubric.categories)
    purun, tikar = (
        add_product(db, survey_id, ProductInput(name, "anyaman"), categories=categories)
        for name in ("Anyaman Purun", "Tikar Purun")
    )
    with db.session() as session:
        rahmah, yusuf, siti = (Officer(name=name) for name in ("Rahmah", "Yusuf", "Siti"))
        session.add_all([rahmah, yusuf, siti])
        session.flush()
        ids = rahmah.id, yusuf.id, siti.id
    every = {f"C{i}": 4 for i in range(1, 9)}
    for assessor, notes in (
        (ids[0], {"C1": "Purun dari rawa desa", "C3": "  "}),
        (ids[1], {"C1": "Dianyam kelompok PKK", "C2": "Pasar sampai Banjarmasin"}),
    ):
        save_assessment(db, purun, rubric, every, notes=notes, assessor_id=assessor, final=True)
    # A draft does not count beside final assessments: its note is not printed.
    save_assessment(db, purun, rubric, every, notes={"C1": "catatan draf"}, assessor_id=ids[2])
    save_assessment(db, tikar, rubric, {**every, "C1": 2}, notes={"C4": "Tikar saja"}, final=True)
    finish_survey(db, survey_id)

    data = prepare_letter(db, app_paths, survey_id, OPTIONS, rubric)

    notes = {
        sheet.product_name: {line.id: line.note for line in sheet.criteria if line.note}
        for sheet in data.candidates
    }
    assert notes == {
        "Anyaman Purun": {
            "C1": "Purun dari rawa desa / Dianyam kelompok PKK",
            "C2": "Pasar sampai Banjarmasin",
        },
        "Tikar Purun": {"C4": "Tikar saja"},
    }
