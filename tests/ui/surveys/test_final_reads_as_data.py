"""A final survey reads as data: its values in the text colour, no placeholder darker than
them, no button that would change it; a correction brings the form back as it was."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.rubrics import rubric_in_force
from ovop_desktop.services.settings.officers import save_profile
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    SurveyInput,
    add_product,
    create_survey,
    finalize_survey,
)
from ovop_desktop.ui.surveys.survey_editor import SurveyEditor
from ovop_desktop.ui.worker import Worker


@pytest.fixture
def editor(
    qtbot: QtBot, db: Database, app_paths: AppPaths, indonesian: str
) -> Iterator[SurveyEditor]:
    worker = Worker()
    shown = SurveyEditor(db, app_paths, worker, rubric_in_force(db))
    qtbot.addWidget(shown)
    shown.resize(1000, 700)
    shown.show()
    yield shown
    worker.wait()


def _darkest(field: QLineEdit) -> int:
    """The darkest grey level drawn in the field: its text."""
    image: QImage = field.grab().toImage()
    return min(
        QColor(image.pixel(x, y)).lightness()
        for x in range(4, image.width() - 4)
        for y in range(2, image.height() - 2)
    )


def test_a_final_survey_reads_as_data_and_a_correction_restores_the_form(
    qtbot: QtBot, editor: SurveyEditor, db: Database
) -> None:
    officer = save_profile(db, name="Rahmah Hidayati", nip="198703152010012004").id
    survey_id = create_survey(
        db, SurveyInput("63.08.07.2001", date(2026, 8, 3), officer_id=officer)
    )
    add_product(
        db, survey_id, ProductInput("Anyaman Purun", "anyaman"), categories=frozenset({"anyaman"})
    )
    editor.open_survey(survey_id)
    qtbot.waitUntil(lambda: editor.survey_id == survey_id)
    ui = editor.ui
    hamlet_hint = ui.hamletEdit.placeholderText()
    draft_darkness = _darkest(ui.villageSearch)
    assert hamlet_hint  # the draft form helps with placeholders

    finalize_survey(db, survey_id)
    editor.open_survey(survey_id)
    qtbot.waitUntil(lambda: ui.correctButton.isVisible())
    assert ui.hamletEdit.placeholderText() == ""  # an empty field shows nothing
    assert not ui.gpsFromPhotoButton.isVisible() and not ui.addProductButton.isVisible()
    assert not ui.villageSearch.isEnabled()
    # The photos are still browsed, their thumbnails drawn as they are (not in disabled grey).
    assert editor.products.editor.ui.photoList.isEnabled()
    # The village reads as dark as it did while editable (Qt's disabled grey is far lighter).
    assert _darkest(ui.villageSearch) <= draft_darkness + 40

    editor.start_correction("NIK narasumber salah")  # the reason asked by Koreksi…
    qtbot.waitUntil(lambda: editor.is_read_only() is False, timeout=5000)
    assert ui.hamletEdit.placeholderText() == hamlet_hint
    assert ui.gpsFromPhotoButton.isVisible() and ui.villageSearch.isEnabled()
