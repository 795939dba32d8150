"""The letter's options in the dialogs: tembusan from the letter settings, sifat, lampiran and
date; a second letter of a village asks why it replaces the first; the batch can replace with
a reason and says how many villages it skipped; characters the font lacks are named."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ovop_desktop.core.regions import regency_code
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.services.letters.letter_content import LetterOptions
from ovop_desktop.services.letters.letter_settings import (
    load_default_tembusan,
    save_default_tembusan,
)
from ovop_desktop.services.letters.register import issue_letter, letter_register
from ovop_desktop.services.surveys.survey_list import list_surveys
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.letters.letter_dialog import LetterDialog
from ovop_desktop.ui.letters.letter_settings_dialog import LetterSettingsDialog
from ovop_desktop.ui.letters.letters_page import LettersPage
from ovop_desktop.ui.worker import Worker

SLOW = 60_000
SHOTS = os.environ.get("OVOP_SHOTS")  # a folder: the dialogs are saved there as PNG to look at


def _shot(widget: QWidget, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


@pytest.fixture
def worker() -> Iterator[Worker]:
    shared = Worker()
    yield shared
    shared.wait()


@pytest.fixture
def demo(db: Database) -> Database:
    seed_demo(db, villages=3)
    save_default_tembusan(db, ["Gubernur Kalimantan Selatan (sebagai laporan);", "Arsip."])
    return db


def _dialog(
    qtbot: QtBot, db: Database, paths: AppPaths, worker: Worker, rubric: Rubric
) -> LetterDialog:
    survey_id = list_surveys(db, rubric)[0].survey_id
    dialog = LetterDialog(db, paths, worker, survey_id, rubric)
    qtbot.addWidget(dialog)
    dialog.resize(1024, 600)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.issue_button.isEnabled(), timeout=SLOW)
    return dialog


def test_the_dialog_starts_with_the_settings_tembusan_and_passes_every_option(
    qtbot: QtBot, demo: Database, app_paths: AppPaths, rubric: Rubric, worker: Worker
) -> None:
    dialog = _dialog(qtbot, demo, app_paths, worker, rubric)
    assert dialog.tembusan_edit.toPlainText().splitlines() == [
        "Gubernur Kalimantan Selatan (sebagai laporan);",
        "Arsip.",
    ]
    dialog.sifat_combo.setCurrentText("Segera")
    dialog.lampiran_edit.setText("2 (dua) berkas")
    dialog.date_edit.setDate(QDate(2026, 11, 27))
    options = dialog.options()
    assert (options.sifat, options.lampiran, options.issued_on) == (
        "Segera",
        "2 (dua) berkas",
        date(2026, 11, 27),
    )
    assert options.tembusan == ("Gubernur Kalimantan Selatan (sebagai laporan);", "Arsip.")
    _shot(dialog, "letter-dialog-1024x600")
    # Every field can be reached on a 1024 × 600 screen.
    assert dialog.date_edit.visibleRegion().boundingRect().height() > 0 or dialog.form_box.height()


def test_a_second_letter_asks_why_and_replaces_the_first(
    qtbot: QtBot,
    demo: Database,
    app_paths: AppPaths,
    rubric: Rubric,
    worker: Worker,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    row = list_surveys(demo, rubric)[0]
    first = issue_letter(demo, app_paths, row.survey_id, LetterOptions("Bupati", "Tempat"), rubric)
    asked: list[str] = []

    def ask_reason(
        _parent: QWidget, _title: str, text: str, on_reason: Callable[[str], None]
    ) -> None:
        asked.append(text)
        on_reason("Nama produk pada surat lama salah ketik")

    monkeypatch.setattr(dialogs, "ask_reason", ask_reason)
    monkeypatch.setattr(dialogs, "save_file", lambda *args, **kwargs: None)
    dialog = _dialog(qtbot, demo, app_paths, worker, rubric)
    dialog.issue(then_print=False)
    qtbot.waitUntil(lambda: dialog.letter is not None, timeout=SLOW)
    assert len(asked) == 1 and first.number in asked[0]
    assert "Replace" not in asked[0] or first.number in asked[0]
    numbers = {entry.number for entry in letter_register(demo)}
    assert {first.number, dialog.letter.number} <= numbers  # type: ignore[union-attr]


def test_cancelling_the_reason_issues_nothing(
    qtbot: QtBot,
    demo: Database,
    app_paths: AppPaths,
    rubric: Rubric,
    worker: Worker,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    row = list_surveys(demo, rubric)[0]
    issue_letter(demo, app_paths, row.survey_id, LetterOptions("Bupati", "Tempat"), rubric)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_reason", lambda _p, _t, text, _on: asked.append(text))
    dialog = _dialog(qtbot, demo, app_paths, worker, rubric)
    dialog.issue(then_print=False)
    qtbot.waitUntil(lambda: bool(asked), timeout=SLOW)
    assert dialog.letter is None and len(letter_register(demo)) == 1
    assert dialog.issue_button.isEnabled()


def test_the_preview_names_characters_the_font_lacks(
    qtbot: QtBot, demo: Database, app_paths: AppPaths, rubric: Rubric, worker: Worker
) -> None:
    dialog = _dialog(qtbot, demo, app_paths, worker, rubric)
    dialog.addressee_edit.setText("Bupati 中文 😀")
    dialog.preview_letter()
    qtbot.waitUntil(lambda: dialog.glyph_warning.isVisible(), timeout=SLOW)
    text = dialog.glyph_warning.text()
    assert "中 (U+4E2D)" in text and "😀 (U+1F600)" in text and "□" in text
    _shot(dialog, "letter-dialog-glyph-warning")
    dialog.addressee_edit.setText("Bupati Tanah Laut")
    dialog.preview_letter()
    qtbot.waitUntil(lambda: not dialog.glyph_warning.isVisible(), timeout=SLOW)


def test_the_settings_keep_the_default_tembusan(
    qtbot: QtBot, demo: Database, worker: Worker
) -> None:
    dialog = LetterSettingsDialog(demo, worker)
    qtbot.addWidget(dialog)
    dialog.resize(1024, 600)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=SLOW)
    assert "Arsip." in dialog.tembusan_edit.toPlainText()
    _shot(dialog, "letter-settings-1024x600")
    assert dialog.minimumSizeHint().height() <= 600  # it fits a 1024 × 600 screen
    dialog.tembusan_edit.setPlainText("Camat Takisung;\n\n  Arsip.  ")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: load_default_tembusan(demo) == ("Camat Takisung;", "Arsip."))


def test_the_batch_passes_its_options_and_counts_the_villages_it_skipped(
    qtbot: QtBot,
    demo: Database,
    app_paths: AppPaths,
    rubric: Rubric,
    worker: Worker,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = list_surveys(demo, rubric)
    region = regency_code(rows[0].village_code)
    issue_letter(demo, app_paths, rows[0].survey_id, LetterOptions("Bupati", "Tempat"), rubric)
    page = LettersPage(demo, app_paths, worker, rubric)
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show()
    page.load()
    page.batch_button.click()
    batch = page.batch
    qtbot.waitUntil(lambda: batch.regency_combo.findData(region) >= 0)
    qtbot.waitUntil(
        lambda: batch.tembusan == ("Gubernur Kalimantan Selatan (sebagai laporan);", "Arsip.")
    )
    assert batch.tembusan_button.text() == "Edit… (2)"
    _shot(page, "letters-page-batch-1024x600")
    batch.regency_combo.setCurrentIndex(batch.regency_combo.findData(region))
    batch.sifat_combo.setCurrentText("Penting")
    batch.date_edit.setDate(QDate(2026, 11, 27))

    # Replacing without a reason is refused before a folder is asked for.
    chosen: list[str] = []
    monkeypatch.setattr(dialogs, "choose_folder", lambda _p, _t, on_path: chosen.append("x"))
    batch.replace_check.setChecked(True)
    batch.start_button.click()
    assert chosen == [] and "Write why" in batch.summary.text()
    batch.replace_check.setChecked(False)

    out = tmp_path / "surat"
    monkeypatch.setattr(dialogs, "choose_folder", lambda _p, _t, on_path: on_path(str(out)))
    batch.start_button.click()
    qtbot.waitUntil(lambda: batch.start_button.isEnabled(), timeout=SLOW)
    village = rows[0].village
    assert "Skipped because they already have a letter (1)" in batch.summary.text()
    assert village in batch.summary.text()
    new = [e for e in letter_register(demo) if e.issued_on == date(2026, 11, 27)]
    assert new and all(entry.village != village for entry in new)
