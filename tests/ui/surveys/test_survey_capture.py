"""Survey capture driven through the real widgets: nothing typed is ever lost."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from ovop_desktop.db.models import AuditEntry, Survey
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.settings.officers import save_profile
from ovop_desktop.services.surveys import photos
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    SurveyInput,
    add_product,
    create_survey,
)
from ovop_desktop.services.surveys.survey_detail import load_survey
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.main_window import MainWindow
from ovop_desktop.ui.worker import Worker
from tests.services.surveys.test_photos import make_photo

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def make_window(
    qtbot: QtBot, db: Database, app_paths: AppPaths, indonesian: str
) -> Iterator[Callable[[], MainWindow]]:
    workers: list[Worker] = []

    def make() -> MainWindow:
        worker = Worker()
        workers.append(worker)
        window = MainWindow(db, app_paths, worker)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        window.activateWindow()
        qtbot.waitActive(window)
        # Shortcuts go by the focus window, which the offscreen platform may set a little after
        # the window reports itself active (seen on a loaded machine).
        qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle())
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        return window

    yield make
    for worker in workers:
        worker.wait()


@pytest.fixture
def officer(db: Database) -> uuid.UUID:
    return save_profile(db, name="Rahmah Hidayati", nip="198703152010012004").id


def _pick_village(qtbot: QtBot, window: MainWindow, typed: str) -> None:
    editor = window.editor
    editor.ui.villageSearch.setFocus()
    qtbot.keyClicks(editor.ui.villageSearch, typed)
    popup = editor.picker.completer.popup()
    qtbot.waitUntil(lambda: popup.isVisible() and popup.model().rowCount() > 0)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.detail is not None)


def _add_candidate(qtbot: QtBot, window: MainWindow, name: str, category: str) -> None:
    editor = window.editor
    count = editor.ui.productList.count()
    qtbot.mouseClick(editor.ui.addProductButton, LEFT)
    qtbot.waitUntil(lambda: editor.ui.productList.count() == count + 1)
    form = editor.products.editor.ui
    qtbot.keyClicks(form.nameEdit, name)  # the new candidate's name is selected: typing replaces
    combo = form.categoryCombo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == category:
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == category


def test_a_survey_typed_in_the_editor_is_all_there_after_reopening(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    db: Database,
    app_paths: AppPaths,
    officer: uuid.UUID,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    photo = make_photo(
        tmp_path / "IMG_0007.jpg",
        (1600, 1200),
        gps=(-2.4102, 115.2433),
        taken="2026:08:05 09:30:00",
    )
    monkeypatch.setattr(dialogs, "open_files", lambda _p, _t, _f, chosen: chosen([str(photo)]))
    window = make_window()
    editor = window.editor

    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.survey_stack.currentWidget() is editor
    _pick_village(qtbot, window, "pandul")
    assert editor.ui.titleLabel.text() == "Survei Pandulangan"
    qtbot.waitUntil(lambda: editor.ui.districtCombo.currentText() == "Banjang")

    qtbot.keyClicks(editor.ui.hamletEdit, "RT 03")
    editor.ui.populationSpin.lineEdit().selectAll()
    qtbot.keyClicks(editor.ui.populationSpin, "1250")
    qtbot.keyClicks(editor.ui.notesEdit, "Akses lewat sungai")
    qtbot.mouseClick(editor.ui.gpsFromPhotoButton, LEFT)
    qtbot.waitUntil(lambda: editor.ui.latitudeEdit.text() != "")
    assert editor.ui.gpsSourceCombo.currentData() == "foto"

    qtbot.mouseClick(editor.ui.addRespondentButton, LEFT)
    cell_editor = QApplication.focusWidget()
    assert cell_editor is not None
    qtbot.keyClicks(cell_editor, "Siti Aisyah")
    qtbot.keyClick(cell_editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.respondents.respondent_id(0) is not None)

    _add_candidate(qtbot, window, "Anyaman Purun", "anyaman")
    price = editor.products.editor.ui.priceEdit
    qtbot.keyClicks(price, "45000")
    qtbot.keyClick(price, Qt.Key.Key_Return)
    assert price.text() == "45.000"
    qtbot.mouseClick(editor.products.editor.ui.permitNib, LEFT)
    qtbot.mouseClick(editor.products.editor.ui.addPhotoButton, LEFT)
    qtbot.waitUntil(lambda: editor.products.editor.ui.photoList.count() == 1)
    _add_candidate(qtbot, window, "Kerupuk Ikan Haruan", "makanan")
    survey_id = editor.survey_id
    assert survey_id is not None

    window.close()  # leaving saves what is pending, and the window closes once it is saved
    qtbot.waitUntil(lambda: not window.isVisible())
    detail = load_survey(db, survey_id)
    values = detail.survey.values
    assert (values["hamlet"], values["population"], values["notes"]) == (
        "RT 03",
        1250,
        "Akses lewat sungai",
    )
    assert (round(values["latitude"], 4), round(values["longitude"], 4)) == (-2.4102, 115.2433)
    assert [r.values["name"] for r in detail.respondents] == ["Siti Aisyah"]
    products = {p.values["name"]: p.values for p in detail.products}
    assert set(products) == {"Anyaman Purun", "Kerupuk Ikan Haruan"}
    assert products["Anyaman Purun"]["unit_price_idr"] == 45_000
    assert products["Anyaman Purun"]["permit_nib"] is True
    assert products["Kerupuk Ikan Haruan"]["category"] == "makanan"

    reopened = make_window()
    reopened.open_survey(survey_id)
    qtbot.waitUntil(lambda: reopened.editor.detail is not None)
    shown = reopened.editor
    qtbot.waitUntil(lambda: shown.ui.villageCombo.currentText() == "Pandulangan")
    assert shown.ui.notesEdit.toPlainText() == "Akses lewat sungai"
    assert shown.ui.populationSpin.value() == 1250
    assert [shown.ui.productList.item(i).text() for i in range(2)] == [
        "Anyaman Purun",
        "Kerupuk Ikan Haruan",
    ]
    qtbot.waitUntil(lambda: shown.products.editor.ui.photoList.count() == 1)
    assert shown.products.editor.ui.priceEdit.text() == "45.000"
    purun = next(p for p in detail.products if p.values["name"] == "Anyaman Purun")
    assert len(photos.list_photos(db, app_paths, product_id=purun.id)) == 1


def test_typing_is_saved_without_pressing_anything(
    qtbot: QtBot, make_window: Callable[[], MainWindow], db: Database, officer: uuid.UUID
) -> None:
    survey_id = create_survey(
        db, SurveyInput("63.08.07.2001", date(2026, 8, 3), officer_id=officer)
    )
    window = make_window()
    window.open_survey(survey_id)
    qtbot.waitUntil(lambda: window.editor.detail is not None)

    qtbot.keyClicks(window.editor.ui.livelihoodsEdit, "Perajin purun")

    def saved() -> bool:
        with db.session() as session:
            survey = session.get(Survey, survey_id)
            return survey is not None and survey.main_livelihoods == "Perajin purun"

    qtbot.waitUntil(saved)
    qtbot.waitUntil(lambda: window.editor.ui.savedLabel.text().startswith("Tersimpan "))


def test_missing_items_are_listed_next_to_their_fields(
    qtbot: QtBot, make_window: Callable[[], MainWindow], db: Database
) -> None:
    survey_id = create_survey(db, SurveyInput("63.08.07.2001", date(2026, 8, 3)))
    window = make_window()
    window.open_survey(survey_id)
    qtbot.waitUntil(lambda: window.editor.detail is not None)

    qtbot.mouseClick(window.editor.ui.finalizeButton, LEFT)

    ui = window.editor.ui
    qtbot.waitUntil(lambda: ui.productsError.isVisible())
    assert ui.productsError.text() == "Tambahkan minimal satu produk kandidat."
    assert ui.officerError.text() == "Isi profil petugas di Pengaturan."
    assert ui.missingBanner.isVisible()
    assert ui.statusLabel.text() == "Draf"


def test_a_final_survey_is_corrected_with_a_reason_that_the_audit_log_keeps(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    db: Database,
    rubric: object,
    officer: uuid.UUID,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    survey_id = create_survey(
        db, SurveyInput("63.08.07.2001", date(2026, 8, 3), officer_id=officer, population=900)
    )
    add_product(
        db, survey_id, ProductInput("Anyaman Purun", "anyaman"), categories=frozenset({"anyaman"})
    )
    window = make_window()
    window.open_survey(survey_id)
    editor = window.editor
    qtbot.waitUntil(lambda: editor.detail is not None)

    qtbot.mouseClick(editor.ui.finalizeButton, LEFT)
    qtbot.waitUntil(lambda: editor.ui.statusLabel.text() == "Final")
    assert not editor.ui.factsGroup.isEnabled()

    monkeypatch.setattr(
        dialogs, "ask_reason", lambda _p, _t, _x, answer: answer("Salah ketik jumlah penduduk")
    )
    qtbot.mouseClick(editor.ui.correctButton, LEFT)
    assert editor.ui.factsGroup.isEnabled()
    editor.ui.populationSpin.lineEdit().selectAll()
    qtbot.keyClicks(editor.ui.populationSpin, "1200")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    def audited() -> list[tuple[str, str | None, str | None, str]]:
        with db.session() as session:
            return [
                (e.field, e.old_value, e.new_value, e.reason)
                for e in session.scalars(select(AuditEntry))
            ]

    qtbot.waitUntil(lambda: bool(audited()))
    assert audited() == [("population", "900", "1200", "Salah ketik jumlah penduduk")]


def test_deleting_asks_first_and_can_be_undone(
    qtbot: QtBot,
    make_window: Callable[[], MainWindow],
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    survey_id = create_survey(db, SurveyInput("63.08.07.2001", date(2026, 8, 3)))
    window = make_window()
    window.open_survey(survey_id)
    qtbot.waitUntil(lambda: window.editor.detail is not None)
    asked: list[str] = []

    def confirm(
        _parent: object, _title: str, text: str, _yes: str, agree: Callable[[], None]
    ) -> None:
        asked.append(text)
        agree()

    monkeypatch.setattr(dialogs, "confirm", confirm)
    qtbot.mouseClick(window.editor.ui.deleteButton, LEFT)

    def deleted_at() -> object:
        with db.session() as session:
            survey = session.get(Survey, survey_id)
            return survey.deleted_at if survey else None

    qtbot.waitUntil(lambda: deleted_at() is not None)
    assert asked and "diurungkan" in asked[0]
    # The database changes on the worker; the button appears when its callback reaches the GUI.
    qtbot.waitUntil(window.undo_button.isVisible)
    qtbot.mouseClick(window.undo_button, LEFT)
    qtbot.waitUntil(lambda: deleted_at() is None)
