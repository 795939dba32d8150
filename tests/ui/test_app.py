"""Start-up opens the main window on a migrated database; the worker keeps the GUI free."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from ovop_desktop.ui.worker import Worker

STARTER = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ovop_desktop.ui.app import run_application
from ovop_desktop.ui.main_window import MainWindow

app = QApplication(sys.argv)

def look_and_quit():
    titles = [w.windowTitle() for w in app.topLevelWidgets()
              if isinstance(w, MainWindow) and w.isVisible()]
    print("WINDOWS", titles)
    for widget in app.topLevelWidgets():
        widget.close()
    app.quit()

QTimer.singleShot(500, look_and_quit)
sys.exit(run_application(home=sys.argv[1]))
"""


def test_the_application_opens_its_main_window_and_exits_cleanly(tmp_path: Path) -> None:
    # In a process of its own: a QApplication that has quit once cannot be reused by later tests.
    home = tmp_path / "home"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", STARTER, str(home)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert "WINDOWS ['OVOP Desktop']" in result.stdout
    assert (home / "data" / "ovop.sqlite3").exists()
    assert not (home / "logs" / "crash.log").exists()
    assert not (home / "data" / "ovop.lock").exists()


def test_worker_runs_jobs_off_the_gui_thread_and_answers_on_it(qtbot: QtBot) -> None:
    worker = Worker()
    threads: dict[str, threading.Thread] = {}
    results: list[object] = []

    def job() -> int:
        threads["job"] = threading.current_thread()
        return 42

    def on_success(value: object) -> None:
        threads["callback"] = threading.current_thread()
        results.append(value)

    worker.submit(job, on_success)
    qtbot.waitUntil(lambda: results == [42])
    assert threads["job"] is not threading.main_thread()
    assert threads["callback"] is threading.main_thread()


def test_worker_hands_failures_to_the_failure_callback(qtbot: QtBot) -> None:
    worker = Worker()
    errors: list[BaseException] = []

    def job() -> None:
        raise ValueError("disk penuh")

    worker.submit(job, on_failure=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert str(errors[0]) == "disk penuh"


def test_a_database_from_a_newer_version_is_refused_with_a_plain_message(tmp_path: Path) -> None:
    import sqlite3

    from ovop_desktop.db.migrate import upgrade
    from ovop_desktop.paths import resolve_paths

    paths = resolve_paths(tmp_path / "home").ensure()
    upgrade(paths.database_url)
    with sqlite3.connect(paths.database_file) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "ovop_desktop", "--home", str(tmp_path / "home")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 1
    assert "versi OVOP Desktop yang lebih baru" in result.stderr
    assert "Traceback" not in result.stderr


OPEN_PACKAGE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ovop_desktop.cli import gui_main
from ovop_desktop.ui.main_window import MainWindow

app = QApplication(sys.argv[:1])

def look():
    windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    page = getattr(windows[0], "sync_page", None) if windows else None
    if page is None or not page.rows or page.rows[0].preview is None:
        QTimer.singleShot(50, look)
        return
    print("PAGE", windows[0].ui.pages.currentWidget() is page, page.rows[0].preview.status)
    for widget in app.topLevelWidgets():
        widget.close()

QTimer.singleShot(50, look)
sys.exit(gui_main())
"""


def test_opening_a_package_file_shows_its_import_preview(tmp_path: Path) -> None:
    from ovop_desktop.paths import resolve_paths
    from ovop_desktop.services.database import open_database
    from ovop_desktop.services.demo import seed_demo
    from ovop_desktop.services.rubrics import install_shipped_rubrics
    from ovop_desktop.services.sync.packages import export_package

    paths = resolve_paths(tmp_path / "petugas").ensure()
    db = open_database(paths.database_url)
    install_shipped_rubrics(db)
    seed_demo(db, villages=1)
    package = export_package(db, paths, tmp_path / "usb").path
    db.dispose()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", OPEN_PACKAGE, "--home", str(tmp_path / "provinsi"), str(package)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert "PAGE True rejected" in result.stdout, result.stdout + result.stderr  # needs trust


def test_the_database_job_loads_every_screen_module_the_window_builds_on_attach() -> None:
    """The GUI thread only builds the screens: their modules were imported on the worker."""
    import inspect
    import re

    from ovop_desktop.ui.app import SCREENS
    from ovop_desktop.ui.main_window import MainWindow

    attach = inspect.getsource(MainWindow.attach)
    screens = set(re.findall(r"from (ovop_desktop\.ui\.[\w.]+) import", attach))
    assert screens == set(SCREENS)


EARLY_LIST_FAILS = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import ovop_desktop.ui.app as application
from ovop_desktop.ui.main_window import MainWindow

def broken(*args, **kwargs):
    raise RuntimeError("the early list broke")

application.read_lean_list = broken
app = QApplication(sys.argv)

def look():
    windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
    if windows and windows[0]._attached:
        print("ATTACHED", flush=True)
        for widget in app.topLevelWidgets():
            widget.close()
        app.quit()
        return
    QTimer.singleShot(50, look)

QTimer.singleShot(50, look)
QTimer.singleShot(60_000, app.quit)
sys.exit(application.run_application(home=sys.argv[1]))
"""


def test_the_database_opens_when_the_survey_list_shown_before_it_fails(tmp_path: Path) -> None:
    """The list shown before the database opens is only a head start: its failure is logged and
    the database opens all the same."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", EARLY_LIST_FAILS, str(tmp_path / "home")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )

    assert "ATTACHED" in result.stdout, result.stderr
    assert result.returncode == 0, result.stderr
