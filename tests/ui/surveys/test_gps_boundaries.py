"""The survey editor checks a typed or photo point against the chosen village's outline: a point
elsewhere is a warning naming the distance and the village it lies in, never a refusal."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.surveys.capture import SurveyInput, create_survey
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.main_window import MainWindow
from ovop_desktop.ui.worker import Worker
from tests.services.surveys.test_photos import make_photo

SLOW = 30_000


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


@pytest.fixture
def survey(db: Database) -> uuid.UUID:
    return create_survey(
        db, SurveyInput(village_code="63.01.01.2001", survey_date=date(2026, 8, 3))
    )


def _type(qtbot: QtBot, window: MainWindow, latitude: str, longitude: str) -> None:
    ui = window.editor.ui
    for edit, text in ((ui.latitudeEdit, latitude), (ui.longitudeEdit, longitude)):
        edit.setFocus()
        edit.selectAll()
        qtbot.keyClicks(edit, text)
        qtbot.keyClick(edit, Qt.Key.Key_Tab)


def test_a_typed_point_in_another_village_says_how_far_and_where(
    window: MainWindow, qtbot: QtBot, survey: uuid.UUID
) -> None:
    window.open_survey(survey)
    qtbot.waitUntil(lambda: window.editor.detail is not None, timeout=SLOW)
    warning = window.editor.ui.gpsWarning

    _type(qtbot, window, "-3,3546", "114,5467")  # Kelurahan Mantuil, Banjarmasin

    qtbot.waitUntil(lambda: "di luar batas Desa Benua Lawas" in warning.text(), timeout=SLOW)
    assert warning.text().endswith(
        "titik ini berada di Kelurahan Mantuil, Kecamatan Banjarmasin Selatan."
    )
    assert warning.text().split(" km ")[0].replace(",", "").isdigit()
    assert warning.property("severity") == "warning"

    _type(qtbot, window, "-3,8734", "114,6788")  # inside Benua Lawas
    qtbot.waitUntil(lambda: not warning.isVisible())


def test_a_photo_point_gets_the_same_check(
    window: MainWindow,
    qtbot: QtBot,
    survey: uuid.UUID,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    photo = make_photo(tmp_path / "foto.jpg", gps=(-3.3546, 114.5467))
    monkeypatch.setattr(dialogs, "open_files", lambda _p, _t, _f, chosen: chosen([str(photo)]))
    window.open_survey(survey)
    qtbot.waitUntil(lambda: window.editor.detail is not None, timeout=SLOW)

    qtbot.mouseClick(window.editor.ui.gpsFromPhotoButton, Qt.MouseButton.LeftButton)

    warning = window.editor.ui.gpsWarning
    qtbot.waitUntil(lambda: "titik ini berada di Kelurahan Mantuil" in warning.text(), timeout=SLOW)
