"""Penilaian & Peringkat as one place: survey → candidate → panel, rankings beside it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.ui.assessment.assessment_page import AssessmentPage
from ovop_desktop.ui.worker import Worker


@pytest.fixture
def page(
    qtbot: QtBot, db: Database, app_paths: AppPaths, rubric: Rubric, indonesian: str
) -> Iterator[AssessmentPage]:
    seed_demo(db, villages=3, seed=4)
    worker = Worker()
    shown = AssessmentPage(db, app_paths, worker, rubric)
    qtbot.addWidget(shown)
    shown.resize(1136, 700)
    shown.show()
    shown.load()
    qtbot.waitUntil(lambda: shown.surveys.count() == 3)
    yield shown
    worker.wait()


def test_choosing_a_survey_lists_its_candidates_and_opens_the_first_in_the_panel(
    qtbot: QtBot, page: AssessmentPage
) -> None:
    qtbot.waitUntil(lambda: page.candidates.count() > 0)
    first = page.candidates.currentItem()
    assert first is not None
    qtbot.waitUntil(lambda: page.panel.product_id == first.data(Qt.ItemDataRole.UserRole))
    village = page.surveys.currentItem()
    assert village is not None
    qtbot.waitUntil(lambda: page.village.title.text() == village.text())


def test_typing_filters_the_surveys(qtbot: QtBot, page: AssessmentPage) -> None:
    names = [page.surveys.item(i).text() for i in range(page.surveys.count())]
    qtbot.keyClicks(page.search, names[1][:5].upper())
    qtbot.waitUntil(lambda: page.surveys.item(0).isHidden() != (names[0][:5] == names[1][:5]))
    visible = [
        page.surveys.item(i).text()
        for i in range(page.surveys.count())
        if not page.surveys.item(i).isHidden()
    ]
    assert names[1] in visible and all(v[:5].upper() == names[1][:5].upper() for v in visible)


def test_the_regional_ranking_takes_the_width_and_opens_a_candidate(
    qtbot: QtBot, page: AssessmentPage
) -> None:
    page.tabs.setCurrentWidget(page.regional)
    assert not page.left.isVisible()
    qtbot.waitUntil(lambda: page.regional.model.rowCount() > 0)
    source_row = page.regional.proxy.mapToSource(page.regional.proxy.index(0, 0)).row()
    row = page.regional.model.row_at(source_row)
    page.regional.openProduct.emit(row.product_id, row.survey_id)
    assert page.tabs.currentWidget() is page.panel
    assert page.left.isVisible()
    qtbot.waitUntil(lambda: page.panel.product_id == row.product_id)
