"""The Peta place: villages by state, zoom and pan, hover shows the result, a click opens the
survey, filters and a kabupaten narrow what is shown, and the view exports to PNG and PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from ovop_desktop.services.database import Database
from ovop_desktop.services.surveys.capture import SurveyInput, create_survey
from ovop_desktop.ui.main_window import MAP_PAGE, SURVEY_PAGE, MainWindow
from ovop_desktop.ui.map.map_page import MapPage

SLOW = 30_000
BENUA_LAWAS = (-3.8734, 114.6788)  # inside Desa Benua Lawas, Kecamatan Takisung
MANTUIL = (-3.3546, 114.5467)  # Kota Banjarmasin: not surveyed


def open_map(window: MainWindow, qtbot: QtBot) -> MapPage:
    window.go_to(MAP_PAGE)
    page = window.map_page
    qtbot.waitUntil(lambda: page.content is not None, timeout=SLOW)
    return page


def at(page: MapPage, point: tuple[float, float]) -> QPoint:
    return page.canvas.to_widget(*point).toPoint()


@pytest.fixture
def surveyed(db: Database) -> object:
    return create_survey(
        db,
        SurveyInput(
            village_code="63.01.01.2001",
            survey_date=date(2026, 8, 3),
            latitude=BENUA_LAWAS[0],
            longitude=BENUA_LAWAS[1],
        ),
    )


def test_the_map_zooms_hovers_and_a_click_opens_the_village_survey(
    window: MainWindow, qtbot: QtBot, surveyed: object
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.ui.navigation.currentRow() == MAP_PAGE
    assert window.ui.navigation.currentItem().text() == "Peta"
    page = window.map_page
    qtbot.waitUntil(lambda: page.content is not None, timeout=SLOW)
    canvas = page.canvas
    canvas.setFocus()
    before = canvas.pixels_per_degree
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.pixels_per_degree == pytest.approx(before * 1.25**2)
    spot = at(page, BENUA_LAWAS)
    qtbot.keyClick(canvas, Qt.Key.Key_Left)  # the map moves right under a still mouse
    assert at(page, BENUA_LAWAS).x() > spot.x()
    # Zoom in on the village with the wheel's twin, a double click, then point at it.
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=at(page, BENUA_LAWAS))
    qtbot.mouseMove(canvas, at(page, BENUA_LAWAS))
    qtbot.waitUntil(lambda: canvas.hovered == "63.01.01.2001")
    assert (
        page.info_label.text() == "Desa Benua Lawas, Kecamatan Takisung — disurvei, belum dinilai"
    )
    assert canvas.toolTip() == page.info_label.text()

    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=at(page, BENUA_LAWAS))

    assert window.ui.navigation.currentRow() == SURVEY_PAGE
    assert window.survey_stack.currentWidget() is window.editor
    qtbot.waitUntil(lambda: window.editor.survey_id == surveyed, timeout=SLOW)


def test_a_village_without_a_survey_opens_nothing_and_says_so(
    window: MainWindow, qtbot: QtBot
) -> None:
    page = open_map(window, qtbot)
    page.canvas.zoom_by(8, page.canvas.to_widget(*MANTUIL))
    qtbot.mouseClick(page.canvas, Qt.MouseButton.LeftButton, pos=at(page, MANTUIL))
    assert window.ui.navigation.currentRow() == MAP_PAGE
    assert page.info_label.text().endswith("— belum disurvei")


def test_a_kabupaten_and_filters_narrow_the_map(
    window: MainWindow, qtbot: QtBot, surveyed: object
) -> None:
    page = open_map(window, qtbot)
    province_scale = page.canvas.pixels_per_degree
    page.region_combo.setCurrentIndex(page.region_combo.findData("63.01"))
    assert page.canvas.pixels_per_degree > 2 * province_scale
    assert page.canvas.code_at(at(page, MANTUIL)) is None  # outside Tanah Laut: not shown
    assert page.canvas.code_at(at(page, BENUA_LAWAS)) == "63.01.01.2001"
    assert page.canvas.point_count == 1
    page.status_combo.setCurrentIndex(page.status_combo.findData("assessed"))
    assert page.canvas.point_count == 0  # the only survey is not assessed


def test_the_view_exports_as_png_and_pdf(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    page = open_map(window, qtbot)
    out = tmp_path / "keluaran"
    out.mkdir()
    page.export_png(str(out / "peta.png"))
    page.export_pdf(str(out / "peta.pdf"))
    image = QImage(str(out / "peta.png"))
    assert image.width() == 2 * page.canvas.width()
    assert (out / "peta.pdf").read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in out.iterdir()) == ["peta.pdf", "peta.png"]
    assert "peta.pdf" in page.message_label.text()
