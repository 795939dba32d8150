"""The Excel template on the Survei page: a blank template saved, a filled one imported into the
list, a refused one listed row by row with nothing stored."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import Assessment, CandidateProduct, Officer, Survey
from ovop_desktop.services.database import Database
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.surveys.survey_list import SurveyListPage
from ovop_desktop.ui.surveys.survey_table_model import Column
from ovop_desktop.ui.worker import Worker
from tests.xlsx_templates import FILLED_VILLAGES, column_of, filled_template

NOT_A_CATEGORY = "Kandidat baris 3: kategori 'mebel' tidak ada dalam daftar."


@pytest.fixture
def page(qtbot: QtBot, db: Database) -> Iterator[SurveyListPage]:
    worker = Worker()
    survey_page = SurveyListPage(db, worker)
    qtbot.addWidget(survey_page)
    survey_page.setMinimumSize(800, 500)  # see tests/ui/test_survey_list.py
    survey_page.resize(1366 - 240, 700)
    survey_page.show()
    survey_page.reload()
    qtbot.waitUntil(lambda: not worker.busy)
    yield survey_page
    worker.wait()


def _choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """The open dialog answers `path`; returns the folders it was opened in."""
    folders: list[str] = []

    def open_file(
        _parent: Any, _title: str, folder: str, _filter: str, on_path: Callable[[str], None]
    ) -> None:
        folders.append(folder)
        on_path(str(path))

    monkeypatch.setattr(dialogs, "open_file", open_file)
    return folders


def _villages(page: SurveyListPage) -> list[str]:
    proxy = page.proxy
    return sorted(str(proxy.index(row, Column.VILLAGE).data()) for row in range(proxy.rowCount()))


def _counts(db: Database) -> dict[str, int]:
    with db.session() as session:
        return {
            model.__name__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Survey, CandidateProduct, Assessment, Officer)
        }


def _spoil_a_category(book: Any) -> None:
    book["Kandidat"].cell(3, column_of(book["Kandidat"], "Kategori"), "mebel")


def test_saving_the_blank_template_writes_a_workbook_to_fill_in(
    qtbot: QtBot, page: SurveyListPage, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "kosong.xlsx"
    suggested: list[str] = []

    def save_file(
        _parent: Any, _title: str, name: str, _filter: str, on_path: Callable[[str], None]
    ) -> None:
        suggested.append(name)
        on_path(str(target))

    monkeypatch.setattr(dialogs, "save_file", save_file)
    page.template_menu.save_action.trigger()
    qtbot.waitUntil(lambda: page.ui.templateButton.isEnabled())

    assert Path(suggested[0]).name == "templat-survei-ovop.xlsx"
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Petunjuk", "Survei", "Kandidat", "Tingkat", "Daftar"]
    assert "kosong.xlsx" in page.ui.messageLabel.text()
    assert page.ui.messageLabel.isVisible()


def test_the_template_button_offers_both_actions_from_the_keyboard(page: SurveyListPage) -> None:
    button = page.ui.templateButton
    assert button.text() == "&Excel template"
    assert button.menu() is page.template_menu.menu
    assert [action.text() for action in button.menu().actions()] == [
        "&Save blank template…",
        "&Import filled template…",
    ]


def test_importing_a_filled_template_shows_the_new_drafts_in_the_list(
    qtbot: QtBot,
    page: SurveyListPage,
    db: Database,
    rubric: Rubric,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    folders = _choose_file(monkeypatch, filled_template(db, rubric, tmp_path / "isi.xlsx"))
    page.ui.searchEdit.setText("tidak ada desa seperti ini")
    assert _villages(page) == []

    page.template_menu.import_action.trigger()
    qtbot.waitUntil(lambda: _villages(page) == sorted(FILLED_VILLAGES.values()))

    assert Path(folders[0]).is_dir()
    assert page.ui.searchEdit.text() == ""  # the filters were cleared to show the new drafts
    statuses = {page.proxy.index(r, Column.STATUS).data() for r in range(page.proxy.rowCount())}
    assert statuses == {"Draft"}
    assert page.selected_survey_id() is not None
    assert page.ui.messageLabel.text().startswith(
        "Imported from isi.xlsx — surveys: 2, candidate products: 3, assessments: 3 "
        "(final: 2, draft: 1)."
    )
    assert page.ui.templateButton.isEnabled()


def test_the_button_is_disabled_while_a_template_is_imported(
    qtbot: QtBot,
    page: SurveyListPage,
    db: Database,
    rubric: Rubric,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    _choose_file(monkeypatch, filled_template(db, rubric, tmp_path / "isi.xlsx"))
    release = threading.Event()
    page.worker.submit(release.wait)  # the worker is serial: the import waits behind this

    page.template_menu.import_action.trigger()
    assert not page.ui.templateButton.isEnabled()
    assert page.ui.messageLabel.text() == "Importing isi.xlsx…"

    release.set()
    qtbot.waitUntil(lambda: _villages(page) == sorted(FILLED_VILLAGES.values()))
    assert page.ui.templateButton.isEnabled()


def test_a_template_with_one_bad_row_lists_that_row_and_stores_nothing(
    qtbot: QtBot,
    indonesian: str,
    page: SurveyListPage,
    db: Database,
    rubric: Rubric,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    _choose_file(monkeypatch, filled_template(db, rubric, tmp_path / "isi.xlsx", _spoil_a_category))
    before = _counts(db)

    page.template_menu.import_action.trigger()
    qtbot.waitUntil(lambda: page.template_menu.problems_dialog is not None)

    dialog = page.template_menu.problems_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.problems.toPlainText() == NOT_A_CATEGORY
    assert dialog.problems.isReadOnly()
    assert "Tidak ada data dari isi.xlsx yang diimpor" in dialog.intro.text()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == f"isi.xlsx\n{NOT_A_CATEGORY}"
    assert _counts(db) == before
    assert _villages(page) == []
    assert page.ui.templateButton.isEnabled()
    dialog.close()


def test_a_file_that_is_not_a_workbook_is_refused_in_plain_words(
    qtbot: QtBot, page: SurveyListPage, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    not_a_workbook = tmp_path / "catatan.xlsx"
    not_a_workbook.write_text("bukan buku kerja Excel", encoding="utf-8")
    _choose_file(monkeypatch, not_a_workbook)

    page.template_menu.import_action.trigger()
    qtbot.waitUntil(lambda: page.ui.templateButton.isEnabled())

    assert page.ui.messageLabel.text() == (
        "catatan.xlsx is not a readable XLSX file. Save it as an Excel Workbook (.xlsx), "
        "then try again."
    )
    assert page.template_menu.problems_dialog is None
