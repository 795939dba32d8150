"""UI fixtures: the main window on a seeded database, with Indonesian loaded."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.ui import i18n
from ovop_desktop.ui.main_window import MainWindow
from ovop_desktop.ui.worker import Worker
from tests.conftest import ROOT

QM = ROOT / "resources" / "translations" / "ovop_id.qm"


@pytest.fixture(autouse=True)
def _english_unless_asked(qapp: QApplication) -> None:
    """Every UI test starts in English (the source language); `indonesian` switches."""
    i18n.install(qapp, "en")


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[str]:
    if not QM.exists():
        pytest.fail(f"{QM} is not built: run make translations (make test does)")
    yield i18n.install(qapp, "id")
    i18n.install(qapp, "en")


@pytest.fixture
def window(
    qtbot: QtBot, db: Database, app_paths: AppPaths, indonesian: str
) -> Iterator[MainWindow]:
    worker = Worker()
    main_window = MainWindow(db, app_paths, worker)
    qtbot.addWidget(main_window)
    main_window.resize(1366, 768)
    main_window.show()
    yield main_window
    worker.wait()
