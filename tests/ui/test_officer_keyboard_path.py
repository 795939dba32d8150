"""The officer's common path, walked as a person does it at the keyboard, counting each click and
key chord (text typed into a field is not counted, nor are the level digits typed on the rubric
grid, which are the assessment itself): settings and letter settings → a survey with three
candidates → the assessment of all three → the letter → the export. Issue 14 counted 137 for this
path by hand; the goal is at most 90.

A file dialog counts one chord (Enter on the folder or name it suggests). The walk pauses between
steps so that autosave runs meanwhile, as it does for a person.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.letters.register import letter_register
from ovop_desktop.services.surveys.survey_list import list_surveys
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.letters.letter_settings_dialog import LetterSettingsDialog
from ovop_desktop.ui.main_window import MainWindow
from ovop_desktop.ui.worker import Worker

GOAL = 90
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


class Officer:
    """Keys and clicks as a person gives them: to the widget that has the focus."""

    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        self.qtbot, self.window = qtbot, window
        self.chords = 0
        self.steps: list[str] = []

    def focus(self) -> QWidget:
        if QGuiApplication.focusWindow() is None:  # a closed dialog hands back to the window,
            self.window.activateWindow()  # as the window manager does on a desktop
            self.qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None)
        # An open popup (a completer's list) takes the keys, as it does on a desktop.
        return (
            QApplication.activePopupWidget()
            or QApplication.focusWidget()
            or QApplication.activeWindow()
            or self.window
        )

    def press(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        QTest.keyClick(self.focus(), key, modifier)
        self.chords += 1
        self.steps.append(f"key {key.name} {modifier.name if modifier else ''}".strip())
        self.settle()

    def type(self, text: str) -> None:
        QTest.keyClicks(self.focus(), text)
        self.settle()

    def click(self, widget: QWidget) -> None:
        if isinstance(widget, QAbstractButton):
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        else:
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())
        self.chords += 1
        self.steps.append(f"click {widget.objectName() or type(widget).__name__}")
        self.settle()

    def settle(self) -> None:
        QTest.qWait(120)  # a mnemonic clicks its button after a short animation
        for _ in range(3):
            self.window.worker.wait()
            QApplication.processEvents()

    def pause(self, seconds: float = 1.2) -> None:
        """A person's pause: autosave runs meanwhile."""
        self.qtbot.wait(int(seconds * 1000))
        self.settle()

    def wait_for(self, condition: Callable[[], object], timeout: int = 10000) -> None:
        try:
            self.qtbot.waitUntil(lambda: bool(condition()), timeout=timeout)
        except Exception as exc:
            focus = QApplication.focusWidget()
            raise AssertionError(
                f"after {self.steps}: focus on {focus!r} {getattr(focus, 'objectName', str)()}"
            ) from exc
        self.settle()


@pytest.fixture
def window(
    qtbot: QtBot, db: Database, app_paths: AppPaths, indonesian: str
) -> Iterator[MainWindow]:
    worker = Worker()
    shown = MainWindow(db, app_paths, worker)
    qtbot.addWidget(shown)
    shown.resize(1024, 600)
    shown.show()
    shown.activateWindow()
    qtbot.waitActive(shown)
    qtbot.waitUntil(lambda: shown._painted)
    yield shown
    worker.wait()


def _accept_suggested(folder: Path, officer_box: list[Officer]) -> dict[str, Callable[..., None]]:
    """File dialogs answered with Enter on what they suggest (one chord each)."""

    def save_file(
        _parent: object,
        _title: str,
        suggested: str,
        _filter: str,
        on_path: Callable[[str], None],
        _on_cancel: object = None,
    ) -> None:
        officer_box[0].chords += 1
        officer_box[0].steps.append("Enter in the save dialog")
        on_path(str(folder / suggested))

    def choose_folder(_parent: object, _title: str, on_path: Callable[[str], None]) -> None:
        officer_box[0].chords += 1
        officer_box[0].steps.append("Enter in the folder dialog")
        on_path(str(folder))

    return {"save_file": save_file, "choose_folder": choose_folder}


def test_the_common_path_by_keyboard_takes_at_most_90_chords(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    officer = Officer(qtbot, window)
    box = [officer]
    for name, fake in _accept_suggested(tmp_path, box).items():
        monkeypatch.setattr(dialogs, name, fake)

    # 1. Settings: the officer's profile.
    officer.press(Qt.Key.Key_5, CTRL)
    page = window.settings_page
    officer.wait_for(lambda: page.name_edit.hasFocus())
    officer.type("Rahmah Hidayati")
    officer.press(Qt.Key.Key_Tab)
    officer.type("198703152010012004")
    officer.press(Qt.Key.Key_Return)  # Enter saves the profile
    officer.wait_for(lambda: "tersimpan" in page.profile_message.text().lower())

    # 2. Letter settings, once: the letterhead, the place and the signatory.
    officer.press(Qt.Key.Key_3, CTRL)
    officer.press(Qt.Key.Key_P, ALT)  # &Pengaturan surat…
    settings = window.letters_page.findChild(LetterSettingsDialog)
    assert settings is not None
    officer.wait_for(lambda: settings.save_button.isEnabled())
    officer.wait_for(lambda: settings.government_edit.hasFocus())
    officer.type("PEMERINTAH PROVINSI KALIMANTAN SELATAN")
    officer.press(Qt.Key.Key_Tab)
    officer.type("DINAS KOPERASI DAN USAHA KECIL MENENGAH")
    officer.press(Qt.Key.Key_Tab)
    officer.type("Jalan Dharma Praja II, Banjarbaru 70732")
    officer.press(Qt.Key.Key_T, ALT)  # &Tempat surat
    officer.type("Banjarbaru")
    for _ in range(3):  # over the number template and the default tembusan, kept as they are
        officer.press(Qt.Key.Key_Tab)
    for value in ("Kepala Dinas", "Drs. H. Ahmad Rifani, M.Si.", "Pembina Utama Muda (IV/c)"):
        officer.type(value)
        officer.press(Qt.Key.Key_Tab)
    officer.type("196812121993031009")
    officer.press(Qt.Key.Key_S, ALT)  # &Simpan
    officer.wait_for(lambda: not isValid(settings) or not settings.isVisible())

    # 3. A new survey: the village by typing, three candidates named (their category follows).
    officer.press(Qt.Key.Key_N, CTRL)
    editor = window.editor
    officer.wait_for(lambda: editor.ui.villageSearch.hasFocus())
    officer.type("Banjang")
    popup = editor.picker.completer.popup()
    assert popup is not None
    officer.wait_for(popup.isVisible)
    officer.press(Qt.Key.Key_Down)
    officer.press(Qt.Key.Key_Return)
    officer.wait_for(lambda: editor.survey_id is not None)
    officer.pause()
    for name in ("Anyaman Purun", "Dodol Banjang", "Ukiran Kayu Ulin"):
        officer.press(Qt.Key.Key_A, ALT)  # T&ambah kandidat: the name is selected, typed over
        officer.wait_for(lambda: editor.products.editor.ui.nameEdit.hasFocus())
        officer.type(name)
        officer.pause()
    officer.press(Qt.Key.Key_F, ALT)  # &Finalkan
    officer.wait_for(lambda: editor.ui.finalizeButton.isHidden())

    # 4. The assessment of the three: the levels typed on the grid (each moves to the next
    #    criterion), finalised, then the next candidate.
    officer.press(Qt.Key.Key_2, CTRL)
    assessment = window.assessment_page
    officer.wait_for(lambda: assessment.panel.grid.hasFocus())
    levels = {
        "Anyaman Purun": "45344344",
        "Dodol Banjang": "33333333",
        "Ukiran Kayu Ulin": "22222222",
    }
    for index in range(3):
        name = assessment.candidates.currentItem().text()
        officer.wait_for(lambda: assessment.panel.grid.current_criterion() == "C1")
        officer.type(levels[next(n for n in levels if n in name)])
        officer.pause()
        officer.press(Qt.Key.Key_F, ALT)  # &Finalkan penilaian
        officer.wait_for(lambda: assessment.panel.status == "final")
        if index < 2:
            officer.press(Qt.Key.Key_PageDown, CTRL)  # the next candidate

    # 5. The letter: the village chosen, Enter opens its letter, issued into the PDF.
    officer.press(Qt.Key.Key_3, CTRL)
    letters = window.letters_page
    officer.wait_for(lambda: letters.surveys.hasFocus() and letters.make_button.isEnabled())
    officer.press(Qt.Key.Key_Return)
    dialog = letters.letter_dialog
    assert dialog is not None
    officer.wait_for(lambda: dialog.issue_button.isEnabled())
    officer.press(Qt.Key.Key_Return)  # the default button: Terbitkan dan simpan PDF…
    officer.wait_for(lambda: dialog.letter is not None)
    officer.press(Qt.Key.Key_Escape)
    officer.wait_for(lambda: not isValid(dialog) or not dialog.isVisible())

    # 6. The export, into the folder the dialog offers.
    officer.press(Qt.Key.Key_4, CTRL)
    officer.press(Qt.Key.Key_P, ALT)  # Eks&por paket data…
    officer.wait_for(lambda: list(tmp_path.glob("*.ovop")))

    # Everything the path was for is there: one final survey whose three candidates are
    # assessed (the top one with its stars), its letter registered and saved, the package.
    [row] = list_surveys(db, window.rubric)
    assert row.status == "final" and row.top_candidate == "Anyaman Purun" and row.top_stars
    assert len(letter_register(db)) == 1 and len(list(tmp_path.glob("*.pdf"))) == 1
    print(f"{officer.chords} chords:", "; ".join(officer.steps))
    assert officer.chords <= GOAL
