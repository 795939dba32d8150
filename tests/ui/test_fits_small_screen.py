"""Every place fits a field laptop: 1366×768 at Windows' 125 % scaling leaves about 1093×614
logical pixels, so each page must work at 1024×600 without sideways scrolling, in both languages.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.ui import i18n
from ovop_desktop.ui.main_window import (
    ASSESSMENT_PAGE,
    LETTERS_PAGE,
    MAP_PAGE,
    PROVINCE_PAGE,
    SETTINGS_PAGE,
    SURVEY_PAGE,
    SYNC_PAGE,
    MainWindow,
)
from ovop_desktop.ui.worker import Worker

SMALL = QSize(1024, 600)
PLACES = {
    "survey list": SURVEY_PAGE,
    "survey editor": SURVEY_PAGE,
    "assessment": ASSESSMENT_PAGE,
    "letters": LETTERS_PAGE,
    "sync": SYNC_PAGE,
    "settings": SETTINGS_PAGE,
    "province": PROVINCE_PAGE,
    "map": MAP_PAGE,
}


@pytest.fixture(params=["id", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication, indonesian: str) -> str:
    """Indonesian, then English (the `indonesian` fixture puts English back afterwards)."""
    return i18n.install(qapp, request.param)


@pytest.fixture
def small_window(
    qtbot: QtBot, db: Database, app_paths: AppPaths, language: str
) -> Iterator[MainWindow]:
    worker = Worker()
    window = MainWindow(db, app_paths, worker)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window._painted)
    yield window
    worker.wait()


def show_place(window: MainWindow, place: str, qtbot: QtBot) -> QWidget:
    """Go to `place` the way the officer does, and wait until the window has laid it out. The
    window's first loads come in first: the province mode they read would otherwise move the
    window back to Pengaturan after it went to the province's place."""
    for _ in range(3):
        window.worker.wait()
        QApplication.processEvents()
    if place == "province":
        window.show_province_place(True)
    window.go_to(PLACES[place])
    if place == "survey editor":
        window.new_survey()
    window.resize(SMALL)
    qtbot.waitUntil(lambda: window.size() == SMALL)
    QApplication.processEvents()
    for _ in range(3):
        window.worker.wait()
        QApplication.processEvents()
    page = window.ui.pages.currentWidget()
    assert page is not None and window.ui.navigation.currentRow() == PLACES[place]
    return page


def sideways_scrolling(page: QWidget) -> list[str]:
    return [
        area.objectName() or type(area.widget()).__name__
        for area in page.findChildren(QScrollArea)
        if area.isVisible() and area.horizontalScrollBar().isVisible()
    ]


def fits(size: QSize) -> bool:
    return size.width() <= SMALL.width() and size.height() <= SMALL.height()


@pytest.mark.parametrize("place", PLACES)
def test_every_place_fits_1024_by_600_without_sideways_scrolling(
    small_window: MainWindow, qtbot: QtBot, place: str
) -> None:
    page = show_place(small_window, place, qtbot)
    assert fits(small_window.minimumSize()), small_window.minimumSize()
    assert fits(page.minimumSizeHint()), page.minimumSizeHint()
    assert sideways_scrolling(page) == []


def test_every_place_name_is_whole_in_the_navigation(small_window: MainWindow) -> None:
    small_window.show_province_place(True)
    navigation = small_window.ui.navigation
    metrics = navigation.fontMetrics()
    for row in range(navigation.count()):
        item = navigation.item(row)
        room = navigation.viewport().width() - 2 * 16 - 4  # STYLE's padding and marker
        assert metrics.horizontalAdvance(item.text()) <= room, item.text()


def test_the_window_with_all_its_pages_fits_1024_by_600(small_window: MainWindow) -> None:
    # The pages are stacked: the window needs what its widest and tallest page needs.
    assert fits(small_window.minimumSizeHint()), small_window.minimumSizeHint()


def test_the_window_opens_no_larger_than_a_small_screen(
    qtbot: QtBot, db: Database, app_paths: AppPaths, indonesian: str
) -> None:
    worker = Worker()
    window = MainWindow(db, app_paths, worker)
    qtbot.addWidget(window)
    free = window.screen().availableGeometry().size()
    assert window.size() == QSize(1024, 640).boundedTo(free)
    worker.wait()
