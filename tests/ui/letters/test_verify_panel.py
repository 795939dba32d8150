"""Verifying on the Surat page: a re-saved copy is said not to be the issued file and the
register's facts are shown in Indonesian; a number finds its letter and its original is handed
out; a missing file is named; the register is searched and exported."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pypdf
import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ovop_desktop.core.formatting import format_date_id
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.services.letters.letter_content import LetterOptions
from ovop_desktop.services.letters.register import IssuedLetter, issue_letter, void_letter
from ovop_desktop.services.surveys.survey_list import list_surveys
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.letters.letters_page import LettersPage
from ovop_desktop.ui.worker import Worker


@pytest.fixture
def worker() -> Iterator[Worker]:
    shared = Worker()
    yield shared
    shared.wait()


@pytest.fixture
def letters(db: Database, app_paths: AppPaths, rubric: Rubric) -> list[IssuedLetter]:
    seed_demo(db, villages=2)
    rows = list_surveys(db, rubric)
    issued = [
        issue_letter(db, app_paths, row.survey_id, LetterOptions("Bupati", "Amuntai"), rubric)
        for row in rows
    ]
    void_letter(db, issued[1].letter_id, "Salah alamat tujuan")
    return issued


def _page(
    qtbot: QtBot, db: Database, app_paths: AppPaths, rubric: Rubric, worker: Worker
) -> LettersPage:
    page = LettersPage(db, app_paths, worker, rubric)
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show()
    page.load()
    qtbot.waitUntil(lambda: page.register.topLevelItemCount() == 2)
    return page


def _save_as(target: Path) -> Callable[..., None]:
    def save_file(
        _parent: QWidget, _title: str, _name: str, _filter: str, on_path: Callable[[str], None]
    ) -> None:
        on_path(str(target))

    return save_file


def test_a_resaved_copy_is_not_the_issued_file_and_the_register_is_shown_in_indonesian(
    qtbot: QtBot,
    indonesian: str,
    db: Database,
    app_paths: AppPaths,
    rubric: Rubric,
    worker: Worker,
    letters: list[IssuedLetter],
    tmp_path: Path,
) -> None:
    page = _page(qtbot, db, app_paths, rubric, worker)
    panel = page.verify_panel
    copy = tmp_path / "salinan.pdf"
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(letters[0].pdf)))
    with copy.open("wb") as stream:
        writer.write(stream)
    panel.verify_edit.setText(str(copy))
    panel.verify_button.click()
    qtbot.waitUntil(lambda: panel.result is not None)
    assert "BUKAN berkas surat yang diterbitkan" in panel.message.text()
    assert panel.values["number"].text() == letters[0].number
    assert panel.values["date"].text() == format_date_id(date.today())
    assert panel.values["status"].text() == "Terbit, berlaku"
    assert panel.original_button.isEnabled()

    panel.verify_edit.setText(letters[1].verification_code)
    panel.verify_button.click()
    qtbot.waitUntil(lambda: panel.values["void_reason"].text() == "Salah alamat tujuan")
    assert "DIBATALKAN" in panel.message.text()


def test_a_number_finds_its_letter_and_the_original_is_saved_byte_for_byte(
    qtbot: QtBot,
    db: Database,
    app_paths: AppPaths,
    rubric: Rubric,
    worker: Worker,
    letters: list[IssuedLetter],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = _page(qtbot, db, app_paths, rubric, worker)
    panel = page.verify_panel
    panel.verify(letters[0].number)
    qtbot.waitUntil(lambda: panel.original_button.isEnabled())
    assert "is valid" in panel.message.text()
    target = tmp_path / "asli.pdf"
    monkeypatch.setattr(dialogs, "save_file", _save_as(target))
    panel.original_button.click()
    qtbot.waitUntil(target.exists)
    assert target.read_bytes() == letters[0].pdf

    panel.verify_edit.setText(str(tmp_path / "tidak-ada.pdf"))
    panel.verify_button.click()
    qtbot.waitUntil(lambda: "does not exist" in panel.message.text())
    assert not panel.original_button.isEnabled() and panel.details.isHidden()


def test_the_register_is_searched_and_exported_as_xlsx_and_csv(
    qtbot: QtBot,
    db: Database,
    app_paths: AppPaths,
    rubric: Rubric,
    worker: Worker,
    letters: list[IssuedLetter],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = _page(qtbot, db, app_paths, rubric, worker)
    qtbot.keyClicks(page.register_search, "salah alamat")
    assert page.register.topLevelItemCount() == 1
    item = page.register.topLevelItem(0)
    assert item is not None and item.text(0) == letters[1].number

    workbook = tmp_path / "agenda.xlsx"
    monkeypatch.setattr(dialogs, "save_file", _save_as(workbook))
    page.export_button.click()
    qtbot.waitUntil(lambda: "1 letters exported" in page.message.text())
    rows = list(load_workbook(workbook).active.iter_rows(values_only=True))
    assert rows[0][0] == "Nomor" and rows[1][0] == letters[1].number and len(rows) == 2

    page.register_search.clear()
    table = tmp_path / "agenda.csv"
    monkeypatch.setattr(dialogs, "save_file", _save_as(table))
    page.export_button.click()
    qtbot.waitUntil(table.exists)
    text = table.read_text(encoding="utf-8-sig")
    assert letters[0].verification_code in text and "Dibatalkan;Salah alamat tujuan" in text
