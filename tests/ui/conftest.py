"""UI fixtures: the main window on a seeded database, with Indonesian loaded.

Every UI test runs strict: headless dialogs, and an error logged or a crash dialog fails it
unless it asks for `expected_errors` (tests/helpers/logfail.py).
"""

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
from tests.helpers import logfail
from tests.helpers.logfail import _fail_on_unexpected_errors as _fail_on_unexpected_errors
from tests.helpers.logfail import expected_errors as expected_errors

QM = ROOT / "resources" / "translations" / "ovop_id.qm"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """An unexpected error logged by the test's body fails the test itself."""
    try:
        result = yield
    except BaseException:
        logfail.check_after_call(item, failed=True)
        raise
    logfail.check_after_call(item, failed=False)
    return result


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
