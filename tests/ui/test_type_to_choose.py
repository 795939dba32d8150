"""Drop-down lists choose by typing the start of any word of an item, so "ker" finds
"Gerabah / keramik / batu" rather than jumping to "Kayu"."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ovop_desktop.services.database import Database
from ovop_desktop.services.rubrics import rubric_in_force
from ovop_desktop.ui.kit.combo import choice_for, type_to_choose
from ovop_desktop.ui.surveys.product_editor import ProductEditor

ITEMS = ["Makanan", "Minuman", "Gerabah / keramik / batu", "Kayu", "Cenderamata / kriya lainnya"]


def _combo(qtbot: QtBot) -> tuple[QWidget, QComboBox]:
    form = QWidget()
    qtbot.addWidget(form)
    combo = QComboBox(form)
    combo.addItems(ITEMS)
    QVBoxLayout(form).addWidget(combo)
    type_to_choose(form)
    form.show()
    return form, combo


def test_a_word_inside_an_item_is_found() -> None:
    combo = QComboBox()
    combo.addItems(ITEMS)
    assert choice_for(combo, "Ker") == 2
    assert choice_for(combo, "kriya") == 4
    assert choice_for(combo, "ka") == 3  # "Kayu" starts with it: the whole text first
    assert choice_for(combo, "xyz") is None


def test_typed_letters_choose_as_they_come(qtbot: QtBot) -> None:
    _form, combo = _combo(qtbot)
    qtbot.keyClicks(combo, "ker")
    assert combo.currentText() == "Gerabah / keramik / batu"
    qtbot.wait(1100)  # a pause starts a new word
    qtbot.keyClicks(combo, "mi")
    assert combo.currentText() == "Minuman"


def test_the_product_editors_category_is_chosen_by_a_word(
    qtbot: QtBot, db: Database, indonesian: str
) -> None:
    editor = ProductEditor(rubric_in_force(db))
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClicks(editor.ui.categoryCombo, "keramik")
    assert editor.ui.categoryCombo.currentData() == "gerabah"
