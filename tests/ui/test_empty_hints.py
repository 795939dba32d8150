"""An empty list says what to do: no candidate products yet, no letters yet."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ovop_desktop.ui.kit.empty_hint import EmptyHint
from ovop_desktop.ui.main_window import LETTERS_PAGE, MainWindow


def test_the_hint_shows_only_while_the_list_is_empty(qtbot: QtBot) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    items = QListWidget(form)
    QVBoxLayout(form).addWidget(items)
    hint = EmptyHint(items, "Belum ada apa-apa.")
    form.show()
    assert hint.label.isVisible() and hint.label.text() == "Belum ada apa-apa."
    items.addItem("Anyaman Purun")
    assert not hint.label.isVisible()
    items.clear()
    assert hint.label.isVisible()


def test_a_new_survey_and_an_empty_register_say_what_to_do(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.new_survey()
    products = window.editor.products.empty_hint.label
    qtbot.waitUntil(products.isVisible)
    assert "Tambah kandidat" in products.text()
    window.go_to(LETTERS_PAGE)
    register = window.letters_page.register_hint.label
    qtbot.waitUntil(register.isVisible)
    assert register.text().startswith("Belum ada surat")
