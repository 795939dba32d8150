"""Surat: issue a letter from its dialog, refuse without settings, void, verify, and the letters
of a whole region, on real widgets over a demo database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ovop_desktop.core.regions import addressee_for, regency_code
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.assessment.assessments import save_assessment
from ovop_desktop.services.database import Database
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.services.letters.letter_content import LetterOptions
from ovop_desktop.services.letters.register import issue_letter, letter_register
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    SurveyInput,
    add_product,
    create_survey,
)
from ovop_desktop.services.surveys.survey_list import list_surveys
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.kit.pdf_preview import PdfPrinter, page_size, render_pages
from ovop_desktop.ui.letters.letter_dialog import LetterDialog
from ovop_desktop.ui.letters.letter_settings_dialog import LetterSettingsDialog
from ovop_desktop.ui.letters.letters_page import LettersPage
from ovop_desktop.ui.worker import Worker

SLOW = 60_000  # rendering letters on a loaded CI machine


@pytest.fixture
def worker() -> Iterator[Worker]:
    shared = Worker()
    yield shared
    shared.wait()


@pytest.fixture
def page(
    qtbot: QtBot, db: Database, app_paths: AppPaths, rubric: Rubric, worker: Worker
) -> LettersPage:
    seed_demo(db, villages=3)
    shown = LettersPage(db, app_paths, worker, rubric)
    qtbot.addWidget(shown)
    shown.resize(1126, 708)
    shown.show()
    shown.load()
    qtbot.waitUntil(lambda: shown.surveys.topLevelItemCount() == 3)
    return shown


def _save_to(folder: Path) -> Callable[..., None]:
    def save_file(
        _parent: QWidget,
        _title: str,
        suggested: str,
        _filter: str,
        on_path: Callable[[str], None],
        on_cancel: Callable[[], None] | None = None,
    ) -> None:
        on_path(str(folder / suggested))

    return save_file


def _issue(db: Database, paths: AppPaths, rubric: Rubric) -> tuple[str, str]:
    row = list_surveys(db, rubric)[0]
    letter = issue_letter(
        db, paths, row.survey_id, LetterOptions("Bupati Hulu Sungai Utara", "Tempat"), rubric
    )
    return letter.number, letter.verification_code


def test_issuing_a_letter_from_the_dialog_registers_it_and_saves_the_pdf(
    qtbot: QtBot,
    page: LettersPage,
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(dialogs, "save_file", _save_to(tmp_path))
    page.surveys.setCurrentItem(page.surveys.topLevelItem(0))
    assert page.make_button.isEnabled()
    qtbot.mouseClick(page.make_button, Qt.MouseButton.LeftButton)
    dialog = page.letter_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.issue_button.isEnabled(), timeout=SLOW)
    assert dialog.addressee_edit.text().startswith(("Bupati ", "Wali Kota "))
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    # The file and the register entry are committed together (the file first, then the entry).
    qtbot.waitUntil(lambda: dialog.letter is not None, timeout=SLOW)
    register = letter_register(db)
    assert len(register) == 1
    saved = next(tmp_path.glob("*.pdf"))
    assert saved.read_bytes().startswith(b"%PDF")
    assert dialog.letter is not None and dialog.letter.number == register[0].number
    qtbot.waitUntil(lambda: str(saved) in dialog.message.text())
    qtbot.waitUntil(lambda: page.register.topLevelItemCount() == 1)
    assert page.register.topLevelItem(0).text(0) == register[0].number  # type: ignore[union-attr]


def test_the_preview_shows_the_letter_pages(
    qtbot: QtBot, page: LettersPage, db: Database, app_paths: AppPaths, rubric: Rubric
) -> None:
    survey_id = list_surveys(db, rubric)[0].survey_id
    dialog = LetterDialog(db, app_paths, page.worker, survey_id, rubric)
    qtbot.addWidget(dialog)
    dialog.resize(1126, 708)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview.page_count >= 1, timeout=SLOW)
    assert not dialog.preview.pixmaps()[0].isNull()
    assert dialog.preview.page_label.text().startswith("Page 1 of ")
    assert letter_register(db) == []  # a preview takes no number


def test_a_cancelled_save_issues_nothing_and_the_register_saves_a_letter_again(
    qtbot: QtBot,
    page: LettersPage,
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The file is chosen before the number is taken: cancelling the save dialog issues no
    letter and uses no number; the letter then issued is the first of the year."""

    def cancel(*args: object, on_cancel: Callable[[], None] | None = None) -> None:
        callback = on_cancel or args[5]
        assert callable(callback)
        callback()

    monkeypatch.setattr(dialogs, "save_file", cancel)
    page.surveys.setCurrentItem(page.surveys.topLevelItem(0))
    page.make_button.click()
    dialog = page.letter_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.issue_button.isEnabled(), timeout=SLOW)
    dialog.issue_button.click()
    qtbot.waitUntil(lambda: "no number" in dialog.message.text(), timeout=SLOW)
    assert letter_register(db) == [] and dialog.letter is None
    assert dialog.issue_button.isEnabled()

    chosen = tmp_path / "dipilih"
    chosen.mkdir()
    monkeypatch.setattr(dialogs, "save_file", _save_to(chosen))
    dialog.issue_button.click()
    qtbot.waitUntil(lambda: len(letter_register(db)) == 1, timeout=SLOW)
    [entry] = letter_register(db)
    assert entry.number.split("/")[1] == "1"  # the cancelled attempt took no number
    [saved] = chosen.glob("*.pdf")
    assert saved.read_bytes().startswith(b"%PDF")

    again = tmp_path / "lagi"
    again.mkdir()
    monkeypatch.setattr(dialogs, "save_file", _save_to(again))
    qtbot.waitUntil(lambda: page.register.topLevelItemCount() == 1)
    page.register.setCurrentItem(page.register.topLevelItem(0))
    page.copy_button.click()
    qtbot.waitUntil(lambda: list(again.glob("*.pdf")) != [])
    assert next(again.glob("*.pdf")).read_bytes() == saved.read_bytes()


def test_a_letter_without_settings_is_refused_naming_the_setting(
    qtbot: QtBot,
    db: Database,
    app_paths: AppPaths,
    rubric: Rubric,
    worker: Worker,
    indonesian: str,
) -> None:
    survey_id = create_survey(db, SurveyInput("63.08.07.2001", date(2026, 8, 3)))
    categories = frozenset(c.id for c in rubric.categories)
    product = add_product(
        db, survey_id, ProductInput("Anyaman Purun", "anyaman"), categories=categories
    )
    save_assessment(db, product, rubric, dict.fromkeys(rubric.criterion_ids, 4), final=True)
    dialog = LetterDialog(db, app_paths, worker, survey_id, rubric)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "Kop surat" in dialog.message.text())
    assert "penanda tangan" in dialog.message.text()
    assert not dialog.settings_button.isHidden()
    assert not dialog.issue_button.isEnabled()
    assert dialog.addressee_edit.text() == "Bupati Hulu Sungai Utara"
    dialog.settings_button.click()
    settings = dialog.findChild(LetterSettingsDialog)
    assert settings is not None and settings.isVisible()
    qtbot.waitUntil(lambda: settings.save_button.isEnabled())
    settings.reject()


def test_voiding_asks_a_reason_and_keeps_the_number(
    qtbot: QtBot,
    page: LettersPage,
    db: Database,
    app_paths: AppPaths,
    rubric: Rubric,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    number, _code = _issue(db, app_paths, rubric)
    page.load_register()
    qtbot.waitUntil(lambda: page.register.topLevelItemCount() == 1)
    asked: list[str] = []

    def ask_reason(
        _parent: QWidget, title: str, _text: str, on_reason: Callable[[str], None]
    ) -> None:
        asked.append(title)
        on_reason("Salah alamat tujuan")

    monkeypatch.setattr(dialogs, "ask_reason", ask_reason)
    page.register.setCurrentItem(page.register.topLevelItem(0))
    page.void_button.click()
    assert asked and number in asked[0]

    def voided() -> bool:
        item = page.register.topLevelItem(0)
        return item is not None and "Salah alamat tujuan" in item.text(5)

    qtbot.waitUntil(voided)
    item = page.register.topLevelItem(0)
    assert item is not None
    assert item.text(0) == number and item.font(0).strikeOut()
    entry = letter_register(db)[0]
    assert (entry.status, entry.number, entry.void_reason) == (
        "void",
        number,
        "Salah alamat tujuan",
    )


def test_verifying_the_issued_code_and_pdf_says_valid(
    qtbot: QtBot,
    page: LettersPage,
    db: Database,
    app_paths: AppPaths,
    rubric: Rubric,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    number, code = _issue(db, app_paths, rubric)
    panel = page.verify_panel
    panel.verify_edit.setText(code.lower())
    panel.verify_button.click()
    qtbot.waitUntil(lambda: number in panel.message.text())
    assert "is valid" in panel.message.text()
    pdf = tmp_path / "surat.pdf"
    row = list_surveys(db, rubric)[1]
    letter = issue_letter(
        db, app_paths, row.survey_id, LetterOptions("Wali Kota X", "Tempat"), rubric
    )
    pdf.write_bytes(letter.pdf)
    monkeypatch.setattr(dialogs, "open_files", lambda _p, _t, _f, on_files: on_files([str(pdf)]))
    panel.verify_pdf_button.click()
    qtbot.waitUntil(lambda: letter.number in panel.message.text())
    assert "identical to the archive" in panel.message.text()
    panel.verify_edit.setText("ZZZZZ-ZZZZZ")
    panel.verify_button.click()
    qtbot.waitUntil(lambda: "not in the letter register" in panel.message.text())


def test_the_letters_of_a_region_are_written_with_progress(
    qtbot: QtBot,
    page: LettersPage,
    db: Database,
    rubric: Rubric,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = list_surveys(db, rubric)
    region = regency_code(rows[0].village_code)
    expected = sum(r.village_code.startswith(region + ".") for r in rows)
    out = tmp_path / "surat"
    monkeypatch.setattr(dialogs, "choose_folder", lambda _p, _t, on_path: on_path(str(out)))
    page.batch_button.click()
    batch = page.batch
    assert batch.isVisible()
    qtbot.waitUntil(lambda: batch.regency_combo.findData(region) >= 0)
    qtbot.waitUntil(lambda: batch.signatory_combo.count() == 2)
    batch.regency_combo.setCurrentIndex(batch.regency_combo.findData(region))
    batch.start_button.click()
    assert batch.cancel_button.isVisible()
    qtbot.waitUntil(lambda: batch.start_button.isEnabled(), timeout=SLOW)
    assert batch.progress_seen[-1] == (expected, expected)
    written = sorted(out.glob("*.pdf"))
    assert len(written) == expected
    assert all(p.read_bytes().startswith(b"%PDF") for p in written)
    assert f"{expected} letters written to {out}" in batch.summary.text()
    assert len(letter_register(db)) == expected
    qtbot.waitUntil(lambda: page.register.topLevelItemCount() == expected)


def test_cancelling_the_batch_stops_it_and_keeps_what_was_registered(
    qtbot: QtBot,
    page: LettersPage,
    db: Database,
    rubric: Rubric,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = list_surveys(db, rubric)
    region = regency_code(rows[0].village_code)
    out = tmp_path / "surat"
    monkeypatch.setattr(dialogs, "choose_folder", lambda _p, _t, on_path: on_path(str(out)))
    page.batch_button.click()
    batch = page.batch
    qtbot.waitUntil(lambda: batch.regency_combo.findData(region) >= 0)
    batch.regency_combo.setCurrentIndex(batch.regency_combo.findData(region))
    batch.start_button.click()
    batch.cancel_button.click()
    qtbot.waitUntil(lambda: batch.start_button.isEnabled(), timeout=SLOW)
    registered = len(letter_register(db))
    assert len(list(out.glob("*.pdf"))) == registered
    assert "Cancelled" in batch.summary.text() or registered == batch.progress_seen[-1][1]


@pytest.mark.parametrize(
    ("regency", "addressee"),
    [
        ("Kabupaten Tanah Laut", "Bupati Tanah Laut"),
        ("Kota Banjarmasin", "Wali Kota Banjarmasin"),
    ],
)
def test_the_addressee_is_the_head_of_the_regency(regency: str, addressee: str) -> None:
    assert addressee_for(regency) == addressee


def test_a_survey_without_an_assessed_candidate_is_greyed(
    qtbot: QtBot, page: LettersPage, db: Database
) -> None:
    create_survey(db, SurveyInput("63.01.01.2001", date(2026, 9, 1)))
    page.load()
    qtbot.waitUntil(lambda: page.surveys.topLevelItemCount() == 4)
    items = [page.surveys.topLevelItem(i) for i in range(4)]
    empty = next(i for i in items if i is not None and i.text(0) == "Benua Lawas")
    assert empty.text(3) == "No candidate fully assessed yet"
    assert empty.data(0, Qt.ItemDataRole.UserRole) is None
    page.surveys.setCurrentItem(empty)
    assert not page.make_button.isEnabled()


def test_closing_the_dialog_while_it_works_is_harmless(
    qtbot: QtBot, page: LettersPage, db: Database
) -> None:
    page.make_button.click()
    dialog = page.letter_dialog
    assert dialog is not None
    dialog.close()  # its preview job is still queued; the dialog is deleted on close
    assert page.letter_dialog is None
    page.worker.wait()
    qtbot.wait(50)
    assert letter_register(db) == []


def test_printing_paints_every_page_on_the_printer(
    qtbot: QtBot, db: Database, app_paths: AppPaths, rubric: Rubric, worker: Worker, tmp_path: Path
) -> None:
    seed_demo(db, villages=1)
    row = list_surveys(db, rubric)[0]
    letter = issue_letter(db, app_paths, row.survey_id, LetterOptions("Bupati X", "Tempat"), rubric)
    printer = PdfPrinter(worker)
    printer.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.printer.setPageSize(page_size("F4"))
    with qtbot.waitSignal(printer.printed, timeout=SLOW) as printed:
        printer.send(letter.pdf)
    assert printed.args == [True]
    pages = render_pages((tmp_path / "printed.pdf").read_bytes(), dpi=20)
    assert len(pages) == len(render_pages(letter.pdf, dpi=20))
