"""Alt+letter presses a button only when no other visible button or labelled field of the same
window shares the letter: a clash only moves the focus between them. No place has a clash, in
either language: nor a final survey (Correct… instead of Finalise), nor the letter, letter
settings, review and designation dialogs."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.services.province.reviews import NEEDS_CORRECTION, review_rows
from ovop_desktop.services.surveys.survey_list import list_surveys
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.letters.letter_dialog import LetterDialog
from ovop_desktop.ui.letters.letter_settings_dialog import LetterSettingsDialog
from ovop_desktop.ui.main_window import MainWindow
from ovop_desktop.ui.province.designation_dialog import DesignationDialog
from ovop_desktop.ui.province.review_dialog import ReviewDialog
from ovop_desktop.ui.worker import Worker
from tests.ui.test_fits_small_screen import (  # noqa: F401 (fixtures)
    PLACES,
    language,
    show_place,
    small_window,
)

SLOW = 60_000
_MNEMONIC = re.compile(r"&([^&\s])")


def _letter(text: str) -> str | None:
    match = _MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).casefold() if match else None


def clashes(window: QWidget) -> dict[str, list[str]]:
    """Letters that more than one visible button or buddy label of `window` carries, when one
    is a button."""
    holders: dict[str, list[str]] = defaultdict(list)
    buttons: set[str] = set()
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QAbstractButton):
            letter = _letter(widget.text())
            if letter:
                holders[letter].append(widget.text())
                buttons.add(letter)
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            letter = _letter(widget.text())
            if letter:
                holders[letter].append(widget.text())
    bar = window.menuBar() if isinstance(window, QMainWindow) else None
    if bar is not None and bar.isVisible():  # a menu's Alt letter takes it from any button
        for action in bar.actions():
            letter = _letter(action.text())
            if letter:
                holders[letter].append(action.text())
                buttons.add(letter)
    return {k: v for k, v in holders.items() if k in buttons and len(v) > 1}


def settle(window: MainWindow) -> None:
    for _ in range(3):
        window.worker.wait()
        QApplication.processEvents()


@pytest.mark.parametrize("place", PLACES)
def test_no_button_shares_its_alt_letter(
    small_window: MainWindow,  # noqa: F811 (the fixture)
    qtbot: QtBot,
    place: str,
) -> None:
    settle(small_window)  # the window's first loads (the province mode) are in, then it moves
    page = show_place(small_window, place, qtbot)
    settle(small_window)
    assert page is small_window.ui.pages.currentWidget()  # the place stayed
    assert clashes(small_window) == {}


def test_no_tab_of_the_province_place_has_a_clash(
    small_window: MainWindow,  # noqa: F811 (the fixture)
    qtbot: QtBot,
) -> None:
    settle(small_window)
    page = show_place(small_window, "province", qtbot)
    found: dict[str, dict[str, list[str]]] = {}
    for outer in _tab_widgets(page):
        for index in range(outer.count()):
            outer.setCurrentIndex(index)
            settle(small_window)
            tab = outer.widget(index)
            assert tab is not None
            for inner in _tab_widgets(tab):
                for inner_index in range(inner.count()):
                    inner.setCurrentIndex(inner_index)
                    settle(small_window)
                    found[inner.tabText(inner_index)] = clashes(small_window)
            found[outer.tabText(index)] = clashes(small_window)
    assert len(found) > 3  # dashboard (and its tabs), review, designation
    assert {tab: clash for tab, clash in found.items() if clash} == {}


def _tab_widgets(widget: QWidget) -> list[QTabWidget]:
    """The tab widgets directly in `widget` (not in one of its tabs)."""
    every = widget.findChildren(QTabWidget)
    return [tabs for tabs in every if not any(o.isAncestorOf(tabs) for o in every if o is not tabs)]


def test_a_final_survey_shows_correct_without_a_clash(
    small_window: MainWindow,  # noqa: F811 (the fixture)
    qtbot: QtBot,
    db: Database,
    rubric: Rubric,
) -> None:
    small_window.worker.wait()  # its first loads write too: the demo is written after them
    seed_demo(db, villages=1)  # a finalised survey: Correct… takes the place of Finalise
    small_window.open_survey(list_surveys(db, rubric)[0].survey_id)
    editor = small_window.editor
    qtbot.waitUntil(lambda: editor.ui.correctButton.isVisible(), timeout=SLOW)
    small_window.worker.wait()
    QApplication.processEvents()
    assert clashes(small_window) == {}


# --- the dialogs ---------------------------------------------------------------------------


@pytest.fixture
def worker() -> Iterator[Worker]:
    shared = Worker()
    yield shared
    shared.wait()


@pytest.fixture
def demo(db: Database) -> Database:
    seed_demo(db, villages=3)
    return db


def _shown(qtbot: QtBot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.resize(1024, 600)
    dialog.show()
    return dialog


@pytest.mark.usefixtures("language")  # in Indonesian, then in English
def test_the_letter_dialog_has_no_clash_before_and_after_issuing(
    qtbot: QtBot,
    demo: Database,
    app_paths: AppPaths,
    rubric: Rubric,
    worker: Worker,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def save_file(*args: Any) -> None:
        args[4](str(tmp_path / args[2]))

    monkeypatch.setattr(dialogs, "save_file", save_file)
    survey_id = list_surveys(demo, rubric)[0].survey_id
    dialog = LetterDialog(demo, app_paths, worker, survey_id, rubric)
    _shown(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.issue_button.isEnabled(), timeout=SLOW)
    assert clashes(dialog) == {}
    dialog.issue_button.click()
    qtbot.waitUntil(lambda: dialog.letter is not None, timeout=SLOW)
    qtbot.waitUntil(lambda: dialog.issue_button.isEnabled(), timeout=SLOW)
    assert clashes(dialog) == {}  # the issue button now saves the PDF again


@pytest.mark.usefixtures("language")  # in Indonesian, then in English
def test_the_letter_settings_have_no_clash(qtbot: QtBot, demo: Database, worker: Worker) -> None:
    dialog = LetterSettingsDialog(demo, worker)
    _shown(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=SLOW)
    assert clashes(dialog) == {}


@pytest.mark.usefixtures("language")
@pytest.mark.parametrize("state", [None, NEEDS_CORRECTION])
def test_the_review_dialog_has_no_clash(
    qtbot: QtBot,
    demo: Database,
    worker: Worker,
    state: str | None,
) -> None:
    survey_id = review_rows(demo)[0].survey_id
    dialog = ReviewDialog(demo, worker, survey_id, "Desa", state=state, reviewer="Siti")
    _shown(qtbot, dialog)
    QApplication.processEvents()
    assert clashes(dialog) == {}


@pytest.mark.usefixtures("language")  # in Indonesian, then in English
def test_the_designation_dialog_has_no_clash(
    qtbot: QtBot, demo: Database, rubric: Rubric, worker: Worker
) -> None:
    dialog = DesignationDialog(demo, worker, rubric)
    _shown(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.regency.count() > 1, timeout=SLOW)
    worker.wait()
    QApplication.processEvents()
    assert clashes(dialog) == {}
