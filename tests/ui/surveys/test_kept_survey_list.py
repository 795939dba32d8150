"""The survey list kept from the last session: written at close, shown at the next start before
the database is open, then replaced by the live list without anything moving on screen."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database, open_database
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.services.rubrics import rubric_in_force
from ovop_desktop.services.surveys import kept_list
from ovop_desktop.services.surveys.capture import SurveyInput, create_survey
from ovop_desktop.services.surveys.survey_list import list_surveys
from ovop_desktop.ui.app import close_database, keeps_survey_list, show_kept_survey_list
from ovop_desktop.ui.main_window import MainWindow
from ovop_desktop.ui.surveys.survey_table_model import Column
from ovop_desktop.ui.worker import Worker

BIIH = "63.03.06.2009"


@pytest.fixture
def closed(db: Database, app_paths: AppPaths) -> dict[str, uuid.UUID]:
    """A session's surveys, then the application's close: the list kept, the database closed."""
    seed_demo(db, villages=4)
    create_survey(db, SurveyInput(BIIH, date(2026, 7, 1)))
    surveys = {row.village: row.survey_id for row in list_surveys(db, rubric_in_force(db))}
    close_database(db, app_paths, keep_survey_list=True)
    return surveys


@pytest.fixture
def started(
    qtbot: QtBot, app_paths: AppPaths, closed: dict[str, uuid.UUID], indonesian: str
) -> Iterator[MainWindow]:
    """The next start, up to its first paint: the window, no database yet."""
    worker = Worker()
    window = MainWindow(None, app_paths, worker)
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    show_kept_survey_list(window, app_paths)
    yield window
    worker.wait()
    if window._attached:
        window.db.dispose()


def _reopen(app_paths: AppPaths) -> Database:
    return open_database(app_paths.database_url, backups_dir=app_paths.backups_dir)


def test_the_kept_list_shows_before_the_database_opens(
    started: MainWindow, closed: dict[str, uuid.UUID], qtbot: QtBot
) -> None:
    page = started.survey_list
    assert not started._attached
    shown = {page.proxy.survey_id(row) for row in range(page.proxy.rowCount())}
    assert shown == set(closed.values())
    assert page.ui.countLabel.text() == f"{len(closed)} dari {len(closed)} survei"
    # Nothing that needs the database works yet; the filters do.
    assert not page.ui.newSurveyButton.isEnabled()
    assert not page.ui.templateButton.isEnabled()
    qtbot.keyClicks(page.ui.searchEdit, "biih")
    assert page.proxy.rowCount() == 1
    assert started.counts_label.text() == "Membuka basis data…"
    # Another place says the database is opening.
    qtbot.keyClick(started, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert started.ui.pages.currentWidget() is started.loading
    qtbot.keyClick(started, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert started.ui.pages.currentWidget() is started.survey_stack


def test_the_live_list_replaces_it_without_moving_anything(
    started: MainWindow, app_paths: AppPaths, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = started.survey_list
    page.ui.surveyTable.selectRow(2)
    selected = page.selected_survey_id()
    resets: list[int] = []
    page.model.modelReset.connect(lambda: resets.append(1))
    loads: list[int] = []
    arrived = page._on_surveys_loaded

    def counted(*args: object) -> None:
        arrived(*args)  # type: ignore[arg-type]
        loads.append(len(args[0].rows))  # type: ignore[attr-defined]

    monkeypatch.setattr(page, "_on_surveys_loaded", counted)

    started.attach(_reopen(app_paths))
    qtbot.waitUntil(lambda: loads != [])

    assert loads == [page.model.total_rows]  # one load, of every survey at once
    assert resets == []  # the same rows: the model was left as it was
    assert page.selected_survey_id() == selected
    assert page.ui.newSurveyButton.isEnabled()
    assert page.ui.templateButton.isEnabled()


def test_a_survey_opened_before_the_database_opens_once_it_is(
    started: MainWindow, app_paths: AppPaths, closed: dict[str, uuid.UUID], qtbot: QtBot
) -> None:
    page = started.survey_list
    row = page.proxy_row(closed["Bi'ih"])
    assert row is not None
    page.ui.surveyTable.setCurrentIndex(page.proxy.index(row, 0))
    qtbot.keyClick(page.ui.surveyTable, Qt.Key.Key_Return)
    assert started.survey_stack.currentWidget() is page  # still waiting

    started.attach(_reopen(app_paths))
    qtbot.waitUntil(lambda: started.survey_stack.currentWidget() is started.editor)
    qtbot.waitUntil(lambda: started.editor.survey_id == closed["Bi'ih"])


def test_a_list_kept_from_another_state_of_the_file_is_not_shown(
    qtbot: QtBot, app_paths: AppPaths, closed: dict[str, uuid.UUID]
) -> None:
    db = _reopen(app_paths)
    added = create_survey(db, SurveyInput("63.01.01.2001", date(2026, 8, 3)))  # `ovop` meanwhile
    db.dispose()
    window = MainWindow(None, app_paths, Worker())
    qtbot.addWidget(window)
    show_kept_survey_list(window, app_paths)
    # Not the kept list: the surveys the file holds now, read before their ranking.
    model = window.survey_list.model
    shown = [model.survey_at(row) for row in range(model.rowCount())]
    assert {row.survey_id for row in shown} == {*closed.values(), added}
    assert not any(row.ranked for row in shown)


def test_a_first_start_shows_the_files_surveys_then_their_top_candidates(
    qtbot: QtBot,
    db: Database,
    app_paths: AppPaths,
    indonesian: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ovop_desktop.ui import app

    seed_demo(db, villages=4)
    live = list_surveys(db, rubric_in_force(db))
    db.dispose()  # closed without a kept list: as after a first import, or a crash
    worker = Worker()
    window = MainWindow(None, app_paths, worker)
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    monkeypatch.setattr(app, "FIRST_ROWS", 2)
    show_kept_survey_list(window, app_paths)
    page, model = window.survey_list, window.survey_list.model
    assert model.rowCount() == 2  # the first screenful, then the rest once it painted
    qtbot.waitUntil(lambda: model.rowCount() == len(live))
    assert page.ui.countLabel.text() == f"{len(live)} dari {len(live)} survei"
    assessed = next(row for row in live if row.top_candidate is not None)
    place = model.row_for(assessed.survey_id)
    assert place is not None and model.rowCount() == len(live)
    top, stars = model.index(place, Column.TOP_CANDIDATE), model.index(place, Column.STARS)
    assert (top.data(), stars.data()) == ("…", "…")
    assert stars.data(Qt.ItemDataRole.ToolTipRole) == (
        "Peringkat kandidat dihitung sambil basis data dibuka…"
    )
    page.ui.surveyTable.selectRow(place)

    window.attach(_reopen(app_paths))
    qtbot.waitUntil(lambda: model.survey_at(0).ranked)

    place = model.row_for(assessed.survey_id)
    assert place is not None
    assert model.index(place, Column.TOP_CANDIDATE).data() == assessed.top_candidate
    shown = {model.survey_at(row).survey_id: model.survey_at(row) for row in range(len(live))}
    assert shown == {row.survey_id: row for row in live}
    assert page.selected_survey_id() == assessed.survey_id  # still selected
    worker.wait()
    window.db.dispose()


def test_only_the_data_folders_own_file_is_kept(app_paths: AppPaths) -> None:
    assert keeps_survey_list(app_paths, None)
    assert not keeps_survey_list(app_paths, "postgresql+psycopg://ovop@kantor/ovop")


def test_the_close_keeps_what_the_database_holds(
    app_paths: AppPaths, closed: dict[str, uuid.UUID]
) -> None:
    kept = kept_list.read_kept_list(
        app_paths.cache_dir / kept_list.FILE_NAME, app_paths.database_file
    )
    db = _reopen(app_paths)
    try:
        rubric = rubric_in_force(db)
        expected = list_surveys(db, rubric)
    finally:
        db.dispose()
    assert kept is not None
    assert kept.rows == expected
    assert kept.out_of == rubric.max_stars


def test_a_list_too_long_to_keep_is_not_kept_and_an_older_one_goes(
    app_paths: AppPaths, closed: dict[str, uuid.UUID], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ovop_desktop.ui import app

    kept = app_paths.cache_dir / kept_list.FILE_NAME
    assert kept.exists()
    monkeypatch.setattr(app, "KEPT_AT_MOST", len(closed) - 1)
    close_database(_reopen(app_paths), app_paths, keep_survey_list=True)
    assert not kept.exists()
