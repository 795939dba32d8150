"""One running instance per data directory: a second start hands its packages to the first and
exits, or, when the first cannot be reached, says it is running and exits."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ovop_desktop.paths import AppPaths, resolve_paths
from ovop_desktop.ui.app import HandOver, acquire_instance_lock
from ovop_desktop.ui.main_window import SURVEY_PAGE, SYNC_PAGE, MainWindow
from ovop_desktop.ui.single_instance import InstanceServer, server_name
from ovop_desktop.ui.worker import Worker


def test_a_second_instance_on_the_same_data_folder_says_so_and_exits(
    tmp_path: Path, qapp: object
) -> None:
    paths = resolve_paths(tmp_path / "home").ensure()
    held = acquire_instance_lock(paths)
    assert held is not None
    try:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        result = subprocess.run(
            [sys.executable, "-m", "ovop_desktop", "--home", str(tmp_path / "home")],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
    finally:
        held.unlock()
    assert result.returncode == 1
    assert "sudah berjalan" in result.stderr


def test_another_data_folder_is_not_blocked(tmp_path: Path, qapp: object) -> None:
    first = acquire_instance_lock(resolve_paths(tmp_path / "a").ensure())
    second = acquire_instance_lock(resolve_paths(tmp_path / "b").ensure())
    assert first is not None and second is not None
    first.unlock()
    second.unlock()


# A second start hands over to the first: the package opened from the file manager reaches the
# running window, which comes to the front.

HAND_OVER = """
import sys
from PySide6.QtCore import QCoreApplication
from ovop_desktop.ui.single_instance import hand_over

app = QCoreApplication(sys.argv)
sys.exit(0 if hand_over(sys.argv[1], sys.argv[2:]) else 3)
"""


def _second_start(name: str, *packages: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen([sys.executable, "-c", HAND_OVER, name, *packages], env=env)


def test_a_package_opened_while_the_application_runs_goes_to_the_open_window(
    qtbot: QtBot, window: MainWindow, app_paths: AppPaths, tmp_path: Path
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    pending: list[str] = []
    server = InstanceServer(server_name(app_paths))
    assert server.listen()
    hand_over_to = HandOver(app, pending)
    server.packagesReceived.connect(hand_over_to._on_server_packages_received)
    window.showMinimized()
    package = tmp_path / "dari-desa.ovop"  # not a readable package: its preview says so
    package.write_bytes(b"not a zip")
    try:
        second = _second_start(server.name, str(package), str(tmp_path / "catatan.txt"))
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)
        assert second.returncode == 0
        sync = window.sync_page
        qtbot.waitUntil(lambda: [row.path for row in sync.rows] == [package], timeout=30_000)
    finally:
        server.close()
    assert window.ui.navigation.currentRow() == SYNC_PAGE
    assert sync.tabs.currentIndex() == 1  # the import tab
    assert not window.isMinimized()
    assert pending == []


def test_with_no_running_window_a_second_start_says_it_could_not_hand_over(
    tmp_path: Path, qapp: object
) -> None:
    name = server_name(resolve_paths(tmp_path / "home"))
    second = _second_start(name, str(tmp_path / "a.ovop"))
    assert second.wait(timeout=60) == 3


@pytest.mark.skipif(
    sys.platform == "win32", reason="a crashed server leaves a socket file on POSIX"
)
def test_a_crashed_instances_socket_does_not_block_the_next_one(
    tmp_path: Path, qapp: object
) -> None:
    name = server_name(resolve_paths(tmp_path / "home"))
    leftover = Path(QDir.tempPath()) / name
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(str(leftover))  # bound, never listening, never removed: as a killed process
    stale.close()
    try:
        server = InstanceServer(name)
        assert server.listen()
        server.close()
    finally:
        leftover.unlink(missing_ok=True)


def test_each_data_folder_has_its_own_server(tmp_path: Path) -> None:
    first = server_name(resolve_paths(tmp_path / "a"))
    assert first == server_name(resolve_paths(tmp_path / "a"))
    assert first != server_name(resolve_paths(tmp_path / "b"))
    assert len(first) < 60  # room in a Unix socket path (108 bytes) under any temp folder


def test_started_again_without_a_file_the_window_only_comes_forward(
    qtbot: QtBot, qapp: QApplication, app_paths: AppPaths
) -> None:
    window = MainWindow(None, app_paths, Worker())  # still opening its database
    qtbot.addWidget(window)
    window.show()
    window.ui.navigation.setCurrentRow(SURVEY_PAGE)
    window.showMinimized()
    pending: list[str] = []
    HandOver(qapp, pending)._on_server_packages_received([])
    assert not window.isMinimized()
    assert window.ui.navigation.currentRow() == SURVEY_PAGE
    assert pending == []


def test_packages_handed_over_before_the_window_exists_wait_for_the_database(
    qapp: QApplication,
) -> None:
    pending = ["/stick/awal.ovop"]
    HandOver(qapp, pending)._on_server_packages_received(["/stick/kedua.ovop"])
    assert pending == ["/stick/awal.ovop", "/stick/kedua.ovop"]
