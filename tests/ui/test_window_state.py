"""The window opens as the officer left it: size, place on screen, splitters, column widths."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize
from PySide6.QtWidgets import QSplitter
from pytestqt.qtbot import QtBot

from ovop_desktop.paths import AppPaths
from ovop_desktop.preferences import window_layout
from ovop_desktop.services.database import Database
from ovop_desktop.ui.main_window import LETTERS_PAGE, MainWindow
from ovop_desktop.ui.worker import Worker


def _open(qtbot: QtBot, db: Database, app_paths: AppPaths) -> MainWindow:
    window = MainWindow(db, app_paths, Worker())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window._painted)
    qtbot.waitUntil(lambda: window._parts_restored)  # the lists have loaded
    window.go_to(LETTERS_PAGE)
    return window


def _close(qtbot: QtBot, window: MainWindow) -> None:
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())
    window.worker.wait()


def test_a_second_window_opens_as_the_first_was_left(
    qtbot: QtBot, db: Database, app_paths: AppPaths, indonesian: str
) -> None:
    first = _open(qtbot, db, app_paths)
    first.resize(800, 540)
    first.move(0, 34)
    splitter = first.letters_page.findChild(QSplitter)
    assert splitter is not None
    splitter.setSizes([120, 300])
    sizes = splitter.sizes()
    header = first.survey_list.ui.surveyTable.horizontalHeader()
    header.resizeSection(0, 333)
    _close(qtbot, first)

    second = _open(qtbot, db, app_paths)
    assert second.size() == QSize(800, 540)
    assert second.pos() == QPoint(0, 34)
    second_splitter = second.letters_page.findChild(QSplitter)
    assert second_splitter is not None
    assert second_splitter.sizes() == sizes
    assert second.survey_list.ui.surveyTable.horizontalHeader().sectionSize(0) == 333
    _close(qtbot, second)


def test_a_window_left_on_a_missing_screen_comes_back(
    qtbot: QtBot, db: Database, app_paths: AppPaths, indonesian: str
) -> None:
    first = _open(qtbot, db, app_paths)
    first.move(5000, 4000)  # a second monitor since unplugged
    _close(qtbot, first)
    assert "geometry" in window_layout(app_paths)

    second = _open(qtbot, db, app_paths)
    screen = second.screen().availableGeometry()
    assert screen.intersects(second.frameGeometry())
    assert second.frameGeometry().top() >= screen.top()
    _close(qtbot, second)
