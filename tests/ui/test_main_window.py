"""The main window shell: Indonesian navigation, keyboard access, status bar."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ovop_desktop.services.database import Database
from ovop_desktop.services.surveys.capture import SurveyInput, create_survey
from ovop_desktop.ui.main_window import MainWindow


def _places(window: MainWindow) -> list[str]:
    navigation = window.ui.navigation
    return [
        navigation.item(i).text()
        for i in range(navigation.count())
        if not navigation.item(i).isHidden()
    ]


def test_navigation_shows_the_five_places_in_indonesian(window: MainWindow) -> None:
    assert _places(window) == [
        "Survei",
        "Penilaian & Peringkat",
        "Surat",
        "Sinkronisasi",
        "Pengaturan",
        "Peta",
    ]
    assert window.menuBar().actions()[0].text() == "Berkas"  # no Alt letter: the places need them


def test_province_mode_adds_the_province_place_and_ctrl_6(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window._province_page is None  # hidden: no effect, and an officer never builds it

    window.show_province_place(True)
    assert _places(window)[-2:] == ["Provinsi", "Peta"]
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.ui.pages.currentWidget() is window.province_page
    tabs = window.province_page.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Dasbor", "Tinjauan", "Penetapan"]

    window.show_province_place(False)
    assert "Provinsi" not in _places(window)
    assert window.ui.pages.currentWidget() is window.settings_page


def test_ctrl_and_a_number_switches_place(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.ui.pages.currentIndex() == 2
    assert window.ui.pages.currentWidget() is window.letters_page


def test_arrow_keys_move_through_the_navigation(window: MainWindow, qtbot: QtBot) -> None:
    window.ui.navigation.setFocus()
    qtbot.keyClick(window.ui.navigation, Qt.Key.Key_Down)
    assert window.ui.pages.currentIndex() == 1


def test_status_bar_shows_data_folder_and_counts(
    window: MainWindow, qtbot: QtBot, db: Database
) -> None:
    create_survey(db, SurveyInput("63.08.07.2001", date(2026, 8, 3)))
    window.refresh_counts()
    qtbot.waitUntil(lambda: window.counts_label.text() == "1 survei · 18 wilayah")
    assert window.data_label.text().startswith("Folder data: ")
    assert window.export_label.text() == "Ekspor terakhir: belum pernah"


def test_the_window_fits_a_1366_by_768_screen(window: MainWindow) -> None:
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768
    assert window.minimumWidth() <= 1366 and window.minimumHeight() <= 768
