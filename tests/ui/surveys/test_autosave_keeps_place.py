"""Typing in the survey editor with the pauses of real work: an autosave between two words never
moves the officer (field in focus, cursor, candidate shown, scroll of the form)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.settings.officers import save_profile
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    SurveyInput,
    add_product,
    create_survey,
)
from ovop_desktop.services.surveys.survey_detail import load_survey
from ovop_desktop.ui.main_window import MainWindow
from ovop_desktop.ui.worker import Worker


@pytest.fixture
def window(
    qtbot: QtBot, db: Database, app_paths: AppPaths, indonesian: str
) -> Iterator[MainWindow]:
    worker = Worker()
    shown = MainWindow(db, app_paths, worker)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    shown.activateWindow()
    qtbot.waitActive(shown)
    yield shown
    worker.wait()


def pause(qtbot: QtBot, window: MainWindow) -> None:
    """Until the autosave has run and everything it set off has reported."""
    label = window.editor.ui.savedLabel
    qtbot.waitUntil(
        lambda: label.text().startswith("Tersimpan ") and not window.worker.busy, timeout=5000
    )


def type_with_a_pause(
    qtbot: QtBot, window: MainWindow, field: QLineEdit | QPlainTextEdit, first: str, rest: str
) -> None:
    field.setFocus()
    qtbot.keyClicks(field, first)
    pause(qtbot, window)
    focused: QWidget | None = QApplication.focusWidget()
    assert focused is field
    if isinstance(field, QLineEdit):
        assert field.cursorPosition() == len(field.text())
    else:
        assert field.textCursor().position() == len(field.toPlainText())
    qtbot.keyClicks(focused, rest)  # where the focus is now, as the keyboard does
    pause(qtbot, window)


def test_survey_and_candidate_fields_typed_with_pauses_keep_their_place(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    officer = save_profile(db, name="Rahmah Hidayati", nip="198703152010012004").id
    survey_id = create_survey(
        db, SurveyInput("63.08.07.2001", date(2026, 8, 3), officer_id=officer)
    )
    categories = frozenset({"anyaman", "makanan"})
    first = add_product(
        db, survey_id, ProductInput(name="Anyaman purun", category="anyaman"), categories=categories
    )
    add_product(
        db, survey_id, ProductInput(name="Dodol", category="makanan"), categories=categories
    )
    window.open_survey(survey_id)
    editor = window.editor
    editor._autosave.setInterval(400)  # the pauses outlast the autosave, only quicker
    qtbot.waitUntil(lambda: editor.detail is not None and editor.ui.productList.count() == 2)

    type_with_a_pause(qtbot, window, editor.ui.livelihoodsEdit, "Perajin ", "purun")
    type_with_a_pause(qtbot, window, editor.ui.notesEdit, "Akses lewat ", "sungai")

    products = editor.ui.productList
    products.setCurrentRow(0)
    assert products.currentItem().data(Qt.ItemDataRole.UserRole) == first
    form = editor.products.editor.ui
    type_with_a_pause(qtbot, window, form.storyEdit, "Dianyam ibu-ibu ", "di tepi rawa")
    assert products.currentRow() == 0

    detail = load_survey(db, survey_id)
    assert detail.survey.values["main_livelihoods"] == "Perajin purun"
    assert detail.survey.values["notes"] == "Akses lewat sungai"
    [candidate] = [p for p in detail.products if p.id == first]
    assert candidate.values["story"] == "Dianyam ibu-ibu di tepi rawa"
