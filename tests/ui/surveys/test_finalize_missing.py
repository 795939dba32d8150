"""Finalkan names everything still missing at once, each beside its field, and a click on an item
in the banner takes the officer there."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.rubrics import rubric_in_force
from ovop_desktop.ui.surveys.survey_editor import SurveyEditor
from ovop_desktop.ui.worker import Worker


@pytest.fixture
def editor(qtbot: QtBot, db: Database, app_paths: AppPaths) -> Iterator[SurveyEditor]:
    worker = Worker()
    shown = SurveyEditor(db, app_paths, worker, rubric_in_force(db))
    qtbot.addWidget(shown)
    shown.resize(1024, 600)
    shown.show()
    shown.activateWindow()
    yield shown
    worker.wait()


def test_a_new_survey_names_every_missing_item_and_each_leads_to_its_field(
    qtbot: QtBot, editor: SurveyEditor
) -> None:
    editor.new_survey()
    qtbot.mouseClick(editor.ui.finalizeButton, Qt.MouseButton.LeftButton)

    banner = editor.ui.missingBanner
    assert banner.isVisible()
    text = banner.text()
    assert "Choose the village" in text and "candidate product" in text
    assert 'href="village_code"' in text and 'href="products"' in text
    assert editor.ui.productsError.isVisible() and editor.ui.villageError.isVisible()

    banner.linkActivated.emit("products")
    qtbot.waitUntil(editor.ui.addProductButton.hasFocus)
    banner.linkActivated.emit("village_code")
    qtbot.waitUntil(editor.ui.villageSearch.hasFocus)
