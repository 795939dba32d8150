"""A database that breaks after start-up is a plain message where the officer looked, never the
crash dialog: for a read (the window's counts) and for a write (saving the officer profile)."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ovop_desktop.paths import AppPaths
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.kit.messages import ERROR_STYLE
from ovop_desktop.ui.main_window import MainWindow

SLOW = 20_000
# What the officer reads (the window runs in Indonesian), by how the database was broken.
EXPECTED = {
    "unreadable": "Basis data tidak dapat dijangkau",
    "garbage": "Berkas basis data rusak",
}


def _forget_sidecars(file: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{file}{suffix}").unlink(missing_ok=True)


@pytest.fixture(params=sorted(EXPECTED))
def broken(
    request: pytest.FixtureRequest, window: MainWindow, app_paths: AppPaths, qtbot: QtBot
) -> Iterator[str]:
    """The window's database broken once the window has started and loaded.

    "unreadable" takes the file's permissions away; root ignores permissions, so as root the
    file gives way to a folder of the same name instead. "garbage" overwrites it. Either way the
    engine's pool is emptied first, as after a while idle: the next job opens the file anew."""
    qtbot.waitUntil(lambda: bool(window.counts_label.text()), timeout=SLOW)
    window.worker.wait()
    window.db.dispose()
    file = app_paths.database_file
    _forget_sidecars(file)
    if request.param == "garbage":
        file.write_bytes(b"this is not a database any more " * 256)
    elif sys.platform != "win32" and os.geteuid() != 0:  # Windows: chmod(0) is not unreadable
        file.chmod(0)
    else:
        file.unlink()
        file.mkdir()
    yield request.param
    window.worker.wait()
    window.db.dispose()
    if file.is_dir():
        shutil.rmtree(file)
    elif file.exists():
        file.chmod(0o600)


def test_a_broken_database_on_reading_is_a_plain_message(
    window: MainWindow, broken: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, text: shown.append(text))
    with qtbot.captureExceptions() as crashes:
        window.refresh_counts()
        qtbot.waitUntil(lambda: bool(shown), timeout=SLOW)
    assert crashes == []
    assert shown[0].startswith(EXPECTED[broken])
    assert "Traceback" not in shown[0]


def test_a_broken_database_on_saving_is_a_plain_message_beside_the_button(
    window: MainWindow, broken: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "error", lambda parent, text: None)  # other jobs' trouble
    page = window.settings_page
    message = page.profile_message
    message.clear()
    page.name_edit.setText("Rahmah Hidayati")
    with qtbot.captureExceptions() as crashes:
        page.save_profile_button.click()
        qtbot.waitUntil(lambda: bool(message.text()), timeout=SLOW)
    assert crashes == []
    assert message.text().startswith(EXPECTED[broken])
    assert message.styleSheet() == ERROR_STYLE
