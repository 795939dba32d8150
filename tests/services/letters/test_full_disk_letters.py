"""A letter on a full disk: its register entry and its files appear together or not at all.

The register never shows a letter as issued whose file does not exist, nothing partial or
temporary is left, and a number whose letter could not be saved goes to the next letter.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.assessment.assessments import save_assessment
from ovop_desktop.services.database import Database
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.services.errors import StorageError, StorageKind
from ovop_desktop.services.letters.batch import BatchStoppedError, issue_region_letters
from ovop_desktop.services.letters.letter_content import LetterOptions
from ovop_desktop.services.letters.letter_files import LetterFiles, archive_path
from ovop_desktop.services.letters.letter_settings import demo_letter_settings
from ovop_desktop.services.letters.register import issue_letter, letter_register, next_sequence
from ovop_desktop.services.settings.officers import local_device_id
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    SurveyInput,
    add_product,
    create_survey,
)
from ovop_desktop.services.surveys.survey_list import list_surveys
from tests.finished_work import finish_survey
from tests.helpers.full_disk import disk_full_under, full_database, leftovers

OPTIONS = LetterOptions("Bupati Hulu Sungai Utara", "Amuntai", issued_on=date(2026, 11, 2))
FIRST = "500.2/1/DKUKM/XI/2026"


@pytest.fixture
def backend() -> str:
    return "sqlite"  # the files are the subject here; full_database is SQLite's


@pytest.fixture
def survey(db: Database, rubric: Rubric) -> uuid.UUID:
    demo_letter_settings(db)
    survey_id = create_survey(db, SurveyInput("63.08.07.2001", date(2026, 8, 3)))
    product = add_product(
        db,
        survey_id,
        ProductInput("Anyaman Purun", "anyaman"),
        categories=frozenset(c.id for c in rubric.categories),
    )
    save_assessment(db, product, rubric, {f"C{i}": 4 for i in range(1, 9)}, final=True)
    finish_survey(db, survey_id)
    return survey_id


def _letter_files(paths: AppPaths, *folders: Path) -> list[Path]:
    return sorted(
        p
        for folder in (paths.data_dir / "surat", *folders)
        for p in folder.glob("**/*")
        if p.is_file()
    )


def test_a_letter_that_does_not_fit_on_the_disk_is_not_registered_and_its_number_stays_free(
    db: Database, app_paths: AppPaths, rubric: Rubric, survey: uuid.UUID, tmp_path: Path
) -> None:
    out = tmp_path / "flashdisk"
    out.mkdir()
    with disk_full_under(out, room=4096), pytest.raises(StorageError) as caught:
        issue_letter(db, app_paths, survey, OPTIONS, rubric, out=out / "surat.pdf")

    assert caught.value.kind is StorageKind.FULL
    assert "Disk penuh" in caught.value.message_id and "surat.pdf" in caught.value.message_id
    assert letter_register(db) == []
    assert _letter_files(app_paths, out) == [] and leftovers(tmp_path) == []
    issued = issue_letter(db, app_paths, survey, OPTIONS, rubric, out=out / "surat.pdf")
    assert issued.number == FIRST  # the number of the letter never made was free
    assert (out / "surat.pdf").read_bytes() == issued.pdf
    # The copy the register saves again later is kept with it.
    [entry] = letter_register(db)
    assert archive_path(app_paths, entry.verification_code).read_bytes() == issued.pdf


def test_a_full_data_folder_keeps_no_letter_and_registers_none(
    db: Database, app_paths: AppPaths, rubric: Rubric, survey: uuid.UUID
) -> None:
    # The window issues a letter without --out: the copy kept in the data folder is its file.
    with disk_full_under(app_paths.data_dir / "surat"), pytest.raises(StorageError, match="penuh"):
        issue_letter(db, app_paths, survey, OPTIONS, rubric)
    assert letter_register(db) == [] and _letter_files(app_paths) == []
    assert leftovers(app_paths.data_dir) == []


def _recording(write: Callable[..., None], written: list[Path]) -> Callable[..., None]:
    def record(files: LetterFiles, target: Path, pdf: bytes) -> None:
        write(files, target, pdf)
        written.append(target)

    return record


def test_a_full_database_leaves_no_letter_file_behind(
    db: Database,
    app_paths: AppPaths,
    rubric: Rubric,
    survey: uuid.UUID,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "surat.pdf"
    local_device_id(db)  # made on first use: the commit of the letter is the first to fail
    written: list[Path] = []
    with monkeypatch.context() as patch:
        patch.setattr(LetterFiles, "write", _recording(LetterFiles.write, written))
        with full_database(db), pytest.raises(StorageError) as caught:
            issue_letter(db, app_paths, survey, OPTIONS, rubric, out=target)
    assert caught.value.kind is StorageKind.FULL
    assert target in written  # the files were written, then removed when the commit failed
    assert not target.exists() and _letter_files(app_paths) == []
    assert letter_register(db) == []


def test_a_letter_for_a_missing_folder_is_refused_before_it_takes_a_number(
    db: Database, app_paths: AppPaths, rubric: Rubric, survey: uuid.UUID, tmp_path: Path
) -> None:
    with pytest.raises(StorageError, match="tidak ada"):
        issue_letter(db, app_paths, survey, OPTIONS, rubric, out=tmp_path / "tidak-ada" / "x.pdf")
    assert letter_register(db) == [] and _letter_files(app_paths) == []
    assert not (tmp_path / "tidak-ada").exists()


def test_a_region_batch_stopped_by_a_full_disk_registers_exactly_the_letters_it_wrote(
    db: Database, app_paths: AppPaths, rubric: Rubric, tmp_path: Path
) -> None:
    seed_demo(db, villages=3, seed=2)
    surveys = list_surveys(db, rubric)
    region = surveys[0].village_code[:2]
    out = tmp_path / "surat"
    with disk_full_under(out, room=10**9) as disk, pytest.raises(BatchStoppedError) as caught:
        issue_region_letters(
            db,
            app_paths,
            region,
            OPTIONS,
            rubric,
            out,
            # The disk fills up once the first letter is written.
            progress=lambda done, total: setattr(disk, "room", 0 if done else disk.room),
            workers=1,
        )

    stopped = caught.value
    assert len(stopped.result.written) == 1 and stopped.failed and len(stopped.not_made) == 1
    assert stopped.kind is StorageKind.FULL
    assert "1 surat dibuat" in stopped.message_id and stopped.failed in stopped.message_id
    assert all(village in stopped.message_id for village in stopped.not_made)
    register = letter_register(db)
    assert [e.number for e in register] == [FIRST]
    assert sorted(out.iterdir()) == list(stopped.result.written)
    assert _letter_files(app_paths) == [archive_path(app_paths, register[0].verification_code)]
    assert leftovers(tmp_path) == []

    with db.session() as session:  # no gap: the numbers not used are free for the next letter
        assert next_sequence(session, local_device_id(db), 2026) == 2
