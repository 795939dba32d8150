"""The import preview on a field laptop's screen: the trust button is seen without scrolling."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from ovop_desktop.services.sync.packages import export_package
from ovop_desktop.ui.sync.sync_page import SyncPage
from ovop_desktop.ui.worker import Worker
from tests.conftest import MakeHome


def test_the_trust_button_is_whole_on_a_1024_px_screen(
    qtbot: QtBot, make_home: MakeHome, tmp_path: Path, indonesian: str
) -> None:
    rahmah = make_home("rahmah", "Rahmah Hidayati", seed=1)
    province = make_home("provinsi")
    package = export_package(rahmah.db, rahmah.paths, tmp_path / "usb").path
    worker = Worker()
    page = SyncPage(province.db, province.paths, worker)
    qtbot.addWidget(page)
    page.resize(800, 540)  # what a 1024 px window leaves beside the navigation
    page.show()
    page.tabs.setCurrentIndex(1)
    page.preview_files([str(package)])
    qtbot.waitUntil(lambda: page.trust_buttons() != [], timeout=30_000)
    [trust] = page.trust_buttons()
    assert trust.text() == "Percayai perangkat…"
    assert trust.width() >= trust.sizeHint().width()
    assert page.preview_table.viewport().rect().contains(trust.geometry())
    worker.wait()
