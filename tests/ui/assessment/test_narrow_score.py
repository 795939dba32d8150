"""On a narrow screen the score and chart become a tab under the grid, so the grid keeps room
for its five levels; on a wide one they stand beside it again."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.ui.assessment.assessment_panel import AssessmentPanel
from ovop_desktop.ui.worker import Worker


def test_the_score_moves_under_the_grid_when_narrow_and_back_when_wide(
    qtbot: QtBot, db: Database, app_paths: AppPaths, indonesian: str
) -> None:
    worker = Worker()
    panel = AssessmentPanel(db, app_paths, worker)
    qtbot.addWidget(panel)
    ui = panel.ui
    panel.resize(1000, 560)
    panel.show()
    QApplication.processEvents()
    assert ui.splitter.indexOf(ui.side) == 1 and ui.tabs.indexOf(ui.side) == -1

    panel.resize(600, 560)  # the panel's width at 1024×600
    QApplication.processEvents()
    index = ui.tabs.indexOf(ui.side)
    assert index == ui.tabs.count() - 1 and ui.tabs.tabText(index) == "Skor"
    assert ui.splitter.count() == 1  # the grid's column alone: it takes the whole width
    ui.tabs.setCurrentIndex(index)

    panel.resize(1000, 560)
    QApplication.processEvents()
    assert ui.splitter.indexOf(ui.side) == 1 and ui.tabs.indexOf(ui.side) == -1
    assert not ui.side.isHidden() and ui.tabs.currentIndex() == 0
    worker.wait()
