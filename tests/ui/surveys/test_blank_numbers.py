"""A number field showing "—" (not filled in) takes typed digits at once, however the officer
arrived in it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.rubrics import rubric_in_force
from ovop_desktop.ui.kit.blank_numbers import accept_typing_over_blanks
from ovop_desktop.ui.surveys.survey_editor import SurveyEditor
from ovop_desktop.ui.worker import Worker


def _blank(spin: QSpinBox | QDoubleSpinBox) -> QSpinBox | QDoubleSpinBox:
    spin.setRange(-1, 1_000_000)
    spin.setSpecialValueText("\u2014")
    spin.setValue(-1)
    return spin


def test_digits_typed_over_the_dash_are_taken(qtbot: QtBot) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    whole, decimal = _blank(QSpinBox()), _blank(QDoubleSpinBox())
    layout.addWidget(whole)
    layout.addWidget(decimal)
    accept_typing_over_blanks(form)
    form.show()

    for spin, typed, expected in ((whole, "2500", 2500), (decimal, "12", 12.0)):
        qtbot.mouseClick(spin.lineEdit(), Qt.MouseButton.LeftButton)  # the cursor after "—"
        spin.lineEdit().end(False)
        qtbot.keyClicks(spin, typed)
        assert spin.value() == expected


def test_a_filled_number_is_edited_as_usual(qtbot: QtBot) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    spin = _blank(QSpinBox())
    QVBoxLayout(form).addWidget(spin)
    accept_typing_over_blanks(form)
    form.show()
    spin.setValue(12)
    spin.lineEdit().end(False)
    qtbot.keyClicks(spin, "3")
    assert spin.value() == 123


@pytest.fixture
def worker() -> Iterator[Worker]:
    shared = Worker()
    yield shared
    shared.wait()


def test_the_survey_editor_takes_a_population_typed_at_once(
    qtbot: QtBot, db: Database, app_paths: AppPaths, worker: Worker
) -> None:
    editor = SurveyEditor(db, app_paths, worker, rubric_in_force(db))
    qtbot.addWidget(editor)
    editor.show()
    spin = editor.ui.populationSpin
    spin.setValue(spin.minimum())
    spin.setFocus()
    spin.lineEdit().end(False)
    qtbot.keyClicks(spin, "1834")
    assert spin.value() == 1834
