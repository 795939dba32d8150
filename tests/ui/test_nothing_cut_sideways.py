"""A scroll area that never scrolls sideways must not hold content wider than itself: at
1024×600, in both languages, no place cuts its right edge off. (A guard: the dashboard's tiles
and charts, which were cut, show only with data; the screenshots show them reflowed.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from ovop_desktop.ui.main_window import MainWindow
from tests.ui.test_fits_small_screen import (  # noqa: F401 (fixtures)
    PLACES,
    language,
    show_place,
    small_window,
)


def cut_sideways(page: QWidget) -> list[str]:
    cut = []
    for area in page.findChildren(QScrollArea):
        inner = area.widget()
        if (
            inner is None
            or not area.isVisible()
            or area.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        ):
            continue
        needed, room = inner.minimumSizeHint().width(), area.viewport().width()
        if needed > room:
            cut.append(f"{area.objectName() or type(inner).__name__}: {needed} > {room}")
    return cut


@pytest.mark.parametrize("place", PLACES)
def test_no_place_cuts_its_content_sideways(
    small_window: MainWindow,  # noqa: F811 (the fixture)
    qtbot: QtBot,
    place: str,
) -> None:
    page = show_place(small_window, place, qtbot)
    for _ in range(3):
        small_window.worker.wait()
        QApplication.processEvents()
    assert cut_sideways(page) == []
