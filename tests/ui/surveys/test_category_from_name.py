"""A new candidate's category follows the words of its name until the officer picks one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ovop_desktop.core.category_guess import guess_category
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.surveys.capture import SurveyInput, create_survey
from ovop_desktop.services.surveys.survey_detail import load_survey
from ovop_desktop.ui.main_window import MainWindow
from ovop_desktop.ui.worker import Worker

CATEGORIES = [
    "makanan",
    "minuman",
    "tenun",
    "anyaman",
    "gerabah",
    "kayu",
    "logam",
    "kulit",
    "herbal",
    "kriya",
    "lainnya",
]


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("Dodol Kandangan", "makanan"),
        ("Anyaman Purun", "anyaman"),
        ("Minyak Kayu Putih", "herbal"),  # not wood: the longer key wins
        ("Ukiran Kayu Ulin", "kayu"),
        ("Tas Kulit Ikan", "kulit"),  # the first telling word
        ("Kain Sasirangan", "tenun"),
        ("Kopi Aranio", "minuman"),
        ("Ker", None),  # no guess from a word still being typed
        ("Tehnik Baru", None),  # "teh" is a whole word only
        ("Produk Baru", None),
    ],
)
def test_a_name_points_to_its_category(name: str, category: str | None) -> None:
    assert guess_category(name, CATEGORIES) == category


def test_a_category_the_rubric_lacks_is_never_guessed() -> None:
    assert guess_category("Dodol", ["anyaman", "lainnya"]) is None


@pytest.fixture
def window(
    qtbot: QtBot, db: Database, app_paths: AppPaths, indonesian: str
) -> Iterator[MainWindow]:
    worker = Worker()
    shown = MainWindow(db, app_paths, worker)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    yield shown
    worker.wait()


def _saved_categories(db: Database, survey_id: object) -> dict[str, str]:
    detail = load_survey(db, survey_id)  # type: ignore[arg-type]
    return {p.values["name"]: p.values["category"] for p in detail.products}


def test_typing_the_name_sets_the_category_and_a_chosen_one_stays(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    survey_id = create_survey(db, SurveyInput("63.08.07.2001", date(2026, 8, 3)))
    window.open_survey(survey_id)
    qtbot.waitUntil(lambda: window.editor.survey_id == survey_id)
    editor = window.editor.products.editor
    window.editor.ui.addProductButton.click()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.ui.nameEdit, timeout=5000)
    qtbot.keyClicks(editor.ui.nameEdit, "Dodol Kandangan")
    assert editor.ui.categoryCombo.currentData() == "makanan"
    window.editor.save_now()
    qtbot.waitUntil(lambda: _saved_categories(db, survey_id) == {"Dodol Kandangan": "makanan"})

    # The officer picks another category: renaming no longer moves it.
    combo = editor.ui.categoryCombo
    combo.setCurrentIndex(combo.findData("kriya"))
    combo.activated.emit(combo.currentIndex())
    editor.ui.nameEdit.selectAll()
    qtbot.keyClicks(editor.ui.nameEdit, "Anyaman Purun")
    assert combo.currentData() == "kriya"
    window.editor.save_now()
    qtbot.waitUntil(lambda: _saved_categories(db, survey_id) == {"Anyaman Purun": "kriya"})
