"""A power cut or a killed process loses nothing: the next start offers to recover the survey.

The application runs in a subprocess on a temporary home; a small driver script types into the
real widgets, the test kills it with SIGKILL, and a second start recovers what was typed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from datetime import date
from pathlib import Path

import pytest

from ovop_desktop.paths import resolve_paths
from ovop_desktop.services.database import open_database
from ovop_desktop.services.regions import import_regions
from ovop_desktop.services.rubrics import install_shipped_rubrics
from ovop_desktop.services.surveys.capture import SurveyInput, create_survey
from ovop_desktop.services.surveys.survey_detail import load_survey
from tests.conftest import FIXTURES

COMMON = """
import sys, uuid
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from ovop_desktop.ui.app import run_application
from ovop_desktop.ui.main_window import MainWindow

app = QApplication(sys.argv)
home, survey_id = sys.argv[1], uuid.UUID(sys.argv[2])

def window():
    return next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())

def later(ms, step):
    QTimer.singleShot(ms, step)
"""

TYPE_THEN_WAIT = (
    COMMON
    + """
def open_it():
    if not hasattr(window(), "editor"):  # the database opens after the first paint
        later(50, open_it)
        return
    window().open_survey(survey_id)
    later(50, type_notes)

def type_notes():
    editor = window().editor
    if editor.detail is None:
        later(50, type_notes)
        return
    editor.ui.notesEdit.setFocus()
    QTest.keyClicks(editor.ui.notesEdit, "Jalan desa licin saat hujan")
    later(50, wait_for_autosave)

def wait_for_autosave():  # nothing pressed: the autosave must happen by itself
    if window().editor.ui.savedLabel.text().startswith("Tersimpan"):
        type_more()
    else:
        later(50, wait_for_autosave)

def type_more():
    editor = window().editor
    editor.ui.livelihoodsEdit.setFocus()
    QTest.keyClicks(editor.ui.livelihoodsEdit, "Perajin purun")
    later(10, announce)

def announce():  # as soon as the journal holds it, before the autosave can
    journal = editor_journal()
    if journal.exists() and "Perajin purun" in journal.read_text(encoding="utf-8"):
        print("TYPED", flush=True)
    else:
        later(10, announce)

def editor_journal():
    return window().editor.journal.path

later(50, open_it)
sys.exit(run_application(home=home))
"""
)

RECOVER = (
    COMMON
    + """
import time
deadline = time.monotonic() + 60

def answer():
    shown = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    boxes = [b for w in shown for b in w.findChildren(QMessageBox) if b.isVisible()]
    if not boxes:
        if time.monotonic() > deadline:
            print("NO-OFFER", flush=True)
            app.quit()
        else:
            later(50, answer)
        return
    recover = boxes[0].buttons()[0]
    print("OFFER", boxes[0].text().replace("\\n", " "), "|", recover.text(), flush=True)
    recover.click()
    later(50, report)

def report():
    editor = window().editor
    if editor.detail is None:
        later(50, report)
        return
    print("NOTES", editor.ui.notesEdit.toPlainText(), flush=True)
    print("LIVELIHOODS", editor.ui.livelihoodsEdit.text(), flush=True)
    window().close()
    app.quit()

later(50, answer)
sys.exit(run_application(home=home))
"""
)


def _start(script: str, home: Path, survey_id: uuid.UUID) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-c", script, str(home), str(survey_id)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


@pytest.fixture
def home_with_survey(tmp_path: Path) -> tuple[Path, uuid.UUID]:
    home = tmp_path / "home"
    paths = resolve_paths(home).ensure()
    db = open_database(paths.database_url, backups_dir=paths.backups_dir)
    install_shipped_rubrics(db)
    import_regions(db, (FIXTURES / "wilayah-contoh.csv").read_bytes())
    survey_id = create_survey(db, SurveyInput("63.08.07.2001", date(2026, 8, 3)))
    db.dispose()
    return home, survey_id


def test_a_killed_application_offers_to_recover_everything_typed(
    home_with_survey: tuple[Path, uuid.UUID],
) -> None:
    home, survey_id = home_with_survey
    typing = _start(TYPE_THEN_WAIT, home, survey_id)
    try:
        assert typing.stdout is not None
        line = typing.stdout.readline()
        assert line.strip() == "TYPED", typing.stderr.read() if typing.stderr else ""
    finally:
        typing.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up runs
        typing.communicate(timeout=30)
    assert typing.returncode == (1 if sys.platform == "win32" else -signal.SIGKILL)

    recovering = _start(RECOVER, home, survey_id)
    out, err = recovering.communicate(timeout=120)

    assert recovering.returncode == 0, err
    assert "OFFER" in out, out + err
    assert "Lanjutkan survei Banjang?" in out
    assert "| &Pulihkan" in out
    assert "NOTES Jalan desa licin saat hujan" in out
    assert "LIVELIHOODS Perajin purun" in out
    paths = resolve_paths(home)
    db = open_database(paths.database_url)
    try:
        values = load_survey(db, survey_id).survey.values
    finally:
        db.dispose()
    assert values["notes"] == "Jalan desa licin saat hujan"
    assert values["main_livelihoods"] == "Perajin purun"
    assert not (paths.data_dir / "pemulihan.json").exists()
