"""What another page changed shows at once, without a restart: an import fills the survey list
and the counts, an export and a region import update the status bar, and the last export is
known after a restart too."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ovop_desktop.services.sync.packages import export_package
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.main_window import SYNC_PAGE, MainWindow
from ovop_desktop.ui.worker import Worker
from tests.conftest import FIXTURES, Home, MakeHome

SLOW = 30_000


@pytest.fixture
def open_window(qtbot: QtBot, qapp: QApplication) -> Iterator[Callable[[Home], MainWindow]]:
    workers: list[Worker] = []

    def make(home: Home) -> MainWindow:
        workers.append(Worker())
        window = MainWindow(home.db, home.paths, workers[-1])
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitUntil(lambda: bool(window.counts_label.text()), timeout=SLOW)
        return window

    yield make
    for worker in workers:
        worker.wait()


def test_an_import_fills_the_survey_list_and_the_counts(
    qtbot: QtBot,
    make_home: MakeHome,
    open_window: Callable[[Home], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    package = export_package(rahmah.db, rahmah.paths, tmp_path / "usb").path
    province = make_home("provinsi")
    window = open_window(province)
    qtbot.waitUntil(lambda: window.counts_label.text().startswith("0 surveys"), timeout=SLOW)
    window.go_to(SYNC_PAGE)
    monkeypatch.setattr(dialogs, "question", lambda *args, **_kw: args[-1]())
    page = window.sync_page
    page.preview_files([str(package)])
    qtbot.waitUntil(lambda: len(page.trust_buttons()) == 1, timeout=SLOW)
    page.trust_buttons()[0].click()
    qtbot.waitUntil(page.apply_button.isEnabled, timeout=SLOW)

    page.apply_button.click()

    qtbot.waitUntil(lambda: window.counts_label.text().startswith("3 surveys"), timeout=SLOW)
    qtbot.waitUntil(lambda: window.survey_list.model.rowCount() == 3, timeout=SLOW)


def test_an_export_and_a_region_import_show_in_the_status_bar_and_after_a_restart(
    qtbot: QtBot,
    make_home: MakeHome,
    open_window: Callable[[Home], MainWindow],
    tmp_path: Path,
) -> None:
    home = make_home("rahmah", "Rahmah", regions=False)
    window = open_window(home)
    assert window.export_label.text() == "Last export: never"
    qtbot.waitUntil(lambda: window.counts_label.text().endswith(" 0 regions"), timeout=SLOW)

    window.settings_page.import_region_file([str(FIXTURES / "wilayah-contoh.csv")])
    qtbot.waitUntil(lambda: not window.counts_label.text().endswith(" 0 regions"), timeout=SLOW)

    window.sync_page.export_to(str(tmp_path / "usb"))
    qtbot.waitUntil(lambda: window.export_label.text() != "Last export: never", timeout=SLOW)
    shown = window.export_label.text()
    assert shown.startswith("Last export: ")

    again = open_window(home)
    qtbot.waitUntil(lambda: again.export_label.text() == shown, timeout=SLOW)
