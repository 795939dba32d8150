"""No column title is cut to "…" at 1024×600, in either language: a table too narrow for its
titles scrolls sideways instead (ui.kit.read_only_table.fit_columns)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHeaderView, QWidget
from pytestqt.qtbot import QtBot

from ovop_desktop.ui.kit.read_only_table import read_only_tree
from ovop_desktop.ui.main_window import MainWindow
from tests.ui.test_fits_small_screen import (  # noqa: F401 (fixtures)
    PLACES,
    language,
    show_place,
    small_window,
)

TEXT_MARGIN = 8  # the least a section needs beside its text


def cut_titles(page: QWidget) -> list[str]:
    cut = []
    for header in page.findChildren(QHeaderView):
        if not header.isVisible() or header.orientation() != Qt.Orientation.Horizontal:
            continue
        model, metrics = header.model(), header.fontMetrics()
        for column in range(header.count()):
            if header.isSectionHidden(column):
                continue
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            needed = metrics.horizontalAdvance(title) + TEXT_MARGIN
            if title and header.sectionSize(column) < needed:
                cut.append(f"{title!r}: {header.sectionSize(column)} < {needed}")
    return cut


@pytest.mark.parametrize("place", PLACES)
def test_no_column_title_is_cut_at_1024_by_600(
    small_window: MainWindow,  # noqa: F811 (the fixture)
    qtbot: QtBot,
    place: str,
) -> None:
    page = show_place(small_window, place, qtbot)
    for _ in range(3):  # the pages fill their tables from the worker
        small_window.worker.wait()
        QApplication.processEvents()
    assert cut_titles(page) == []


TITLES = ["Number", "Date", "Village / kelurahan", "Product", "Signatory", "Status", "Code"]
SAMPLES = {0: "500.2/123/DKUKM/XI/2026", 1: "30 Nov 2026", 6: "K7QPA-M2XD4"}


def test_a_narrow_table_scrolls_rather_than_cut_its_titles(qtbot: QtBot) -> None:
    tree = read_only_tree(TITLES, SAMPLES)
    qtbot.addWidget(tree)
    tree.resize(480, 200)
    tree.show()
    qtbot.waitExposed(tree)
    assert cut_titles(tree) == []
    assert tree.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded


def test_a_wide_table_stretches_its_columns_to_the_edge(qtbot: QtBot) -> None:
    tree = read_only_tree(TITLES, SAMPLES)
    qtbot.addWidget(tree)
    tree.resize(1300, 200)
    tree.show()
    qtbot.waitExposed(tree)
    header = tree.header()
    used = sum(header.sectionSize(c) for c in range(header.count()))
    assert used == tree.viewport().width()
    assert tree.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    tree.resize(480, 200)  # narrowed: the titles stay whole
    QApplication.processEvents()
    assert cut_titles(tree) == []
