"""The sync page says whether exports are encrypted for the province: plainly, as a warning,
when no setup package brought the province's key, and with the key's fingerprint once it did."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ovop_desktop.services.sync.sealing import exchange_fingerprint
from ovop_desktop.services.sync.setup_package import export_setup, import_setup
from ovop_desktop.ui.kit.messages import OK_STYLE, WARN_STYLE
from ovop_desktop.ui.sync.sync_page import SyncPage
from ovop_desktop.ui.worker import Worker
from tests.conftest import Home, MakeHome

SLOW = 30_000


@pytest.fixture
def worker() -> Iterator[Worker]:
    shared = Worker()
    yield shared
    shared.wait()


def _export(qtbot: QtBot, home: Home, worker: Worker, folder: Path) -> SyncPage:
    page = SyncPage(home.db, home.paths, worker)
    qtbot.addWidget(page)
    page.show()
    page.load()
    qtbot.waitUntil(lambda: bool(page.encryption_label.text()), timeout=SLOW)
    page.export_to(str(folder))
    qtbot.waitUntil(lambda: "Package saved" in page.export_result.text(), timeout=SLOW)
    return page


def test_an_export_without_the_province_key_warns_that_it_is_not_encrypted(
    qtbot: QtBot, make_home: MakeHome, worker: Worker, tmp_path: Path
) -> None:
    page = _export(qtbot, make_home("rahmah", "Rahmah", seed=1), worker, tmp_path / "usb")
    for label in (page.encryption_label, page.export_result):
        assert "NOT encrypted" in label.text()
        assert label.styleSheet() == WARN_STYLE


def test_an_export_after_the_setup_package_names_the_province_key(
    qtbot: QtBot,
    make_home: MakeHome,
    worker: Worker,
    tmp_path: Path,
) -> None:
    province = make_home("provinsi")
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    import_setup(rahmah.db, rahmah.paths, export_setup(province.db, province.paths, tmp_path))
    page = _export(qtbot, rahmah, worker, tmp_path / "usb")
    key = exchange_fingerprint(province.paths)
    for label in (page.encryption_label, page.export_result):
        assert "Encrypted for the province" in label.text() and key in label.text()
        assert label.styleSheet() == OK_STYLE
