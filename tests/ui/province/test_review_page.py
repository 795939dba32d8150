"""Tinjauan: the province reviews received surveys on real widgets over a demo database: states
in the list, filters, a review recorded from the keyboard, refusals next to their field, the
history of a survey, and the correction list exported for the officers."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.services.province.reviews import (
    APPROVED,
    NEEDS_CORRECTION,
    RECEIVED,
    current_reviews,
    review_history,
    review_rows,
    set_review,
)
from ovop_desktop.services.surveys.capture import SurveyInput, create_survey
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.province.review_page import ReviewPage
from ovop_desktop.ui.province.review_table_model import Column
from ovop_desktop.ui.worker import Worker

REVIEWER = "Siti Rahmawati"


@pytest.fixture
def worker() -> Iterator[Worker]:
    shared = Worker()
    yield shared
    shared.wait()


@pytest.fixture
def page(qtbot: QtBot, db: Database, worker: Worker) -> ReviewPage:
    """Three demo surveys: one needs correction, one was received, one is not reviewed."""
    seed_demo(db, villages=3)
    first, second, _ = (row.survey_id for row in review_rows(db))
    set_review(db, first, NEEDS_CORRECTION, "Foto produk buram.", reviewer=REVIEWER)
    set_review(db, second, RECEIVED, reviewer=REVIEWER)
    shown = ReviewPage(db, worker)
    qtbot.addWidget(shown)
    shown.resize(1130, 700)
    shown.show()
    shown.load()
    qtbot.waitUntil(lambda: shown.model.rowCount() == 3)
    return shown


def _cell(page: ReviewPage, row: int, column: Column) -> str:
    return str(page.proxy.index(row, column).data())


def _select(qtbot: QtBot, page: ReviewPage, row: int) -> None:
    assert page.select_survey(page.proxy.survey_id(row))
    qtbot.waitUntil(lambda: page.history.topLevelItemCount() > 0)


def test_each_survey_shows_its_review_state(page: ReviewPage) -> None:
    states = sorted(_cell(page, row, Column.STATE) for row in range(3))
    assert states == ["Needs correction", "Not reviewed", "Received"]
    corrected = next(r for r in range(3) if _cell(page, r, Column.STATE) == "Needs correction")
    assert _cell(page, corrected, Column.COMMENT) == "Foto produk buram."
    assert page.count_label.text() == "3 of 3 surveys"


def test_the_history_of_the_selected_survey_is_shown(qtbot: QtBot, page: ReviewPage) -> None:
    page.show_state(NEEDS_CORRECTION)
    _select(qtbot, page, 0)
    item = page.history.topLevelItem(0)
    assert item is not None
    assert (item.text(1), item.text(2), item.text(3)) == (
        "Needs correction",
        REVIEWER,
        "Foto produk buram.",
    )
    assert page.history_label.text().startswith("Review history of ")


def test_the_list_filters_by_state_regency_and_text(page: ReviewPage) -> None:
    page.show_state(NEEDS_CORRECTION)
    assert page.proxy.rowCount() == 1
    assert page.count_label.text() == "1 of 3 surveys"
    assert page.clear_button.isEnabled()
    page.show_state(APPROVED)
    assert page.proxy.rowCount() == 0
    assert page.notice.isVisible()

    page.clear_button.click()
    assert page.proxy.rowCount() == 3 and not page.clear_button.isEnabled()
    regency = page.model.row_at(0).regency
    page.regency_combo.setCurrentIndex(page.regency_combo.findData(regency))
    assert {page.model.row_at(0).regency} == {
        page.proxy.review_model.row_at(page.proxy.mapToSource(page.proxy.index(r, 0)).row()).regency
        for r in range(page.proxy.rowCount())
    }
    page.clear_button.click()
    village = page.model.row_at(2).village
    page.search.setText(village.upper())
    assert page.proxy.rowCount() >= 1
    assert all(village in _cell(page, r, Column.VILLAGE) for r in range(page.proxy.rowCount()))


def test_a_review_is_recorded_from_the_keyboard(
    qtbot: QtBot, page: ReviewPage, db: Database
) -> None:
    page.show_state("belum")  # the survey not reviewed yet
    _select(qtbot, page, 0)
    survey_id = page.selected_survey()
    assert survey_id is not None
    qtbot.keyClick(page.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = page.review_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.state() == RECEIVED
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.state_buttons[RECEIVED].hasFocus()  # the dialog opens on the chosen state
    qtbot.keyClick(dialog.state_buttons[RECEIVED], Qt.Key.Key_Down)
    assert dialog.state() == NEEDS_CORRECTION
    assert "required" in dialog.comment_label.text()
    qtbot.keyClicks(dialog.comment, "Lengkapi jumlah UMKM.")
    qtbot.keyClick(dialog.comment, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: page.review_dialog is None)
    entry = current_reviews(db)[survey_id]
    assert (entry.state, entry.comment) == (NEEDS_CORRECTION, "Lengkapi jumlah UMKM.")
    assert page.message.text() == "Review saved: Needs correction."
    page.show_state(None)
    qtbot.waitUntil(
        lambda: (
            page.proxy.proxy_row_for(survey_id) is not None
            and _cell(page, page.proxy.proxy_row_for(survey_id) or 0, Column.STATE)
            == "Needs correction"
        )
    )


def test_a_correction_without_comment_is_refused_next_to_the_comment(
    qtbot: QtBot, page: ReviewPage, db: Database
) -> None:
    _select(qtbot, page, 0)
    survey_id = page.selected_survey()
    assert survey_id is not None
    before = review_history(db, survey_id)
    page.review_button.click()
    dialog = page.review_dialog
    assert dialog is not None
    dialog.state_buttons[NEEDS_CORRECTION].setChecked(True)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.comment_error.isVisible())
    assert "correct" in dialog.comment_error.text()
    assert dialog.isVisible()
    assert review_history(db, survey_id) == before
    dialog.reviewer.clear()
    dialog.comment.setPlainText("Foto kurang jelas.")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.reviewer_error.isVisible())
    assert "reviewer" in dialog.reviewer_error.text()


def test_a_draft_cannot_be_approved(qtbot: QtBot, page: ReviewPage, db: Database) -> None:
    village = page.model.row_at(0).village_code
    draft = create_survey(db, SurveyInput(village, page.model.row_at(0).survey_date))
    page.load()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    assert page.select_survey(draft)
    assert "(draft)" in _cell(page, page.proxy.proxy_row_for(draft) or 0, Column.VILLAGE)
    page.review_button.click()
    dialog = page.review_dialog
    assert dialog is not None
    dialog.reviewer.setText(REVIEWER)
    dialog.state_buttons[APPROVED].setChecked(True)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.state_error.isVisible())
    assert "draft" in dialog.state_error.text()
    assert current_reviews(db, [draft]) == {}


def _save_to(folder: Path, name: str) -> Callable[..., None]:
    def save_file(
        _parent: QWidget,
        _title: str,
        suggested: str,
        _filter: str,
        on_path: Callable[[str], None],
        on_cancel: Callable[[], None] | None = None,
    ) -> None:
        assert suggested.endswith(".xlsx")
        on_path(str(folder / name))

    return save_file


def test_the_correction_list_is_exported_as_a_workbook(
    qtbot: QtBot, page: ReviewPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "save_file", _save_to(tmp_path, "perbaikan"))
    page.export_button.click()
    target = tmp_path / "perbaikan.xlsx"  # no suffix typed: a workbook
    qtbot.waitUntil(lambda: "saved to" in page.message.text())
    rows = list(load_workbook(target)["Perlu perbaikan"].iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][6] == "Foto produk buram."
    assert page.message.text().startswith("1 surveys needing correction saved to ")


def test_the_correction_list_of_one_regency_is_exported_as_csv(
    qtbot: QtBot, page: ReviewPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "save_file", _save_to(tmp_path, "perbaikan.csv"))
    corrected = next(r for r in range(3) if page.model.row_at(r).state == NEEDS_CORRECTION)
    others = {page.model.row_at(r).regency for r in range(3)} - {
        page.model.row_at(corrected).regency
    }
    page.regency_combo.setCurrentIndex(page.regency_combo.findData(sorted(others)[0]))
    page.export_button.click()
    qtbot.waitUntil(lambda: "headings only" in page.message.text())
    text = (tmp_path / "perbaikan.csv").read_text(encoding="utf-8-sig")
    assert [row[:2] for row in csv.reader(text.splitlines(), delimiter=";")] == [
        ["Petugas", "Kode wilayah"]
    ]


def test_activating_a_row_opens_the_review_dialog(qtbot: QtBot, page: ReviewPage) -> None:
    _select(qtbot, page, 1)
    page.table.activated.emit(page.proxy.index(1, 0))
    assert page.review_dialog is not None
    page.review_dialog.reject()
    qtbot.waitUntil(lambda: page.review_dialog is None)
    page.table.activated.emit(QModelIndex())  # an invalid index still needs a selection
    assert page.review_dialog is not None


def test_the_page_fits_the_screen_beside_the_navigation(page: ReviewPage) -> None:
    hint = page.minimumSizeHint()
    assert hint.width() <= 1130 and hint.height() <= 700
    table = page.table
    used = sum(table.columnWidth(c) for c in range(page.model.columnCount()))
    assert used <= table.viewport().width() + 2  # no horizontal scrolling


def test_the_table_model_and_its_filter_follow_the_qt_model_rules(
    qtmodeltester: Any, page: ReviewPage
) -> None:
    qtmodeltester.check(page.model)
    page.show_state(NEEDS_CORRECTION)
    qtmodeltester.check(page.proxy)


def test_a_point_outside_its_village_is_flagged_in_the_review(
    qtbot: QtBot, db: Database, worker: Worker, app_paths: AppPaths
) -> None:
    mantuil, inside = (-3.3546, 114.5467), (-3.8734, 114.6788)
    far = create_survey(
        db,
        SurveyInput("63.01.01.2001", date(2026, 8, 3), latitude=mantuil[0], longitude=mantuil[1]),
    )
    create_survey(
        db, SurveyInput("63.01.01.2001", date(2026, 8, 4), latitude=inside[0], longitude=inside[1])
    )
    shown = ReviewPage(db, worker)
    qtbot.addWidget(shown)
    shown.check_points(app_paths)
    shown.load()
    qtbot.waitUntil(lambda: shown.model.rowCount() == 2)
    row = shown.proxy.proxy_row_for(far)
    assert row is not None
    village = shown.proxy.index(row, Column.VILLAGE)
    qtbot.waitUntil(lambda: str(village.data()).startswith("⚑"))
    assert village.data() == "⚑ Benua Lawas (draft)"
    tip = str(village.data(Qt.ItemDataRole.ToolTipRole))
    assert " km outside Village Benua Lawas; this point lies in Kelurahan Mantuil" in tip
    other = shown.proxy.index(1 - row, Column.VILLAGE)
    assert other.data() == "Benua Lawas (draft)"
    assert other.data(Qt.ItemDataRole.ToolTipRole) == "Benua Lawas (draft)"
