"""Scoring with the pauses of real work: an autosave between two keys never moves the officer.

Each step waits for the autosave and what it sets off (the village re-ranked) to finish before
the next key, as an officer reading the descriptors would."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.assessment.assessments import list_assessments
from ovop_desktop.services.database import Database
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    SurveyInput,
    add_product,
    create_survey,
)
from ovop_desktop.services.surveys.photos import list_photos
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.assessment.assessment_page import ID_ROLE, AssessmentPage
from ovop_desktop.ui.worker import Worker

VILLAGE = "63.08.07.2001"


@pytest.fixture
def page(
    qtbot: QtBot, db: Database, app_paths: AppPaths, rubric: Rubric
) -> Iterator[AssessmentPage]:
    survey_id = create_survey(db, SurveyInput(village_code=VILLAGE, survey_date=date(2026, 3, 2)))
    categories = frozenset(c.id for c in rubric.categories)
    for name in ("Anyaman purun", "Dodol Kandangan"):
        add_product(
            db, survey_id, ProductInput(name=name, category="anyaman"), categories=categories
        )
    worker = Worker()
    shown = AssessmentPage(db, app_paths, worker, rubric)
    qtbot.addWidget(shown)
    shown.resize(1136, 700)
    shown.show()
    shown.load()
    qtbot.waitUntil(lambda: shown.panel.data is not None and not shown.worker.busy)
    yield shown
    worker.wait()


def pause(qtbot: QtBot, page: AssessmentPage) -> None:
    """Until the autosave has run and everything it set off has reported."""
    saver = page.panel.saver
    qtbot.waitUntil(
        lambda: not (saver.pending_levels or saver.pending_notes or page.worker.busy),
        timeout=5000,
    )
    assert page.panel.ui.saved_label.text().startswith("Saved")


def test_levels_notes_and_evidence_typed_with_pauses_land_on_their_criteria(
    qtbot: QtBot,
    page: AssessmentPage,
    db: Database,
    rubric: Rubric,
    app_paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    panel, grid = page.panel, page.panel.grid
    product_id = panel.product_id
    assert isinstance(product_id, uuid.UUID)
    picture = QImage(64, 48, QImage.Format.Format_RGB32)
    picture.fill(QColor("#2b8a3e"))
    permit = tmp_path / "izin-pirt.png"
    assert picture.save(str(permit))
    monkeypatch.setattr(
        dialogs, "open_files", lambda _parent, _title, _filter, on_files: on_files([str(permit)])
    )
    criteria = rubric.criterion_ids
    levels = {criterion: 1 + (index * 3) % 5 for index, criterion in enumerate(criteria)}
    noted, with_evidence, other_tab = criteria[2], criteria[4], criteria[6]
    grid.setFocus()

    for criterion in criteria:
        assert grid.current_criterion() == criterion
        assert not grid.is_read_only()
        if criterion == noted:
            qtbot.keyClicks(panel.criterion_pane.note_edit, "Purun dari rawa desa")
            pause(qtbot, page)
            assert grid.current_criterion() == criterion
            # still typing where the officer left off: the rest of the note follows on
            qtbot.keyClicks(panel.criterion_pane.note_edit, ", dianyam ibu-ibu")
            pause(qtbot, page)
        if criterion == with_evidence:
            qtbot.mouseClick(panel.criterion_pane.add_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: panel.criterion_pane.evidence_list.count() == 1)
            pause(qtbot, page)
        if criterion == other_tab:
            panel.ui.tabs.setCurrentIndex(1)
        qtbot.keyClick(grid, str(levels[criterion]))
        pause(qtbot, page)
        assert panel.ui.tabs.currentIndex() == (1 if criterion == other_tab else 0)
        panel.ui.tabs.setCurrentIndex(0)

    assert grid.levels() == levels
    current = page.candidates.currentItem()
    assert current is not None and current.data(ID_ROLE) == product_id
    [saved] = list_assessments(db, product_id)
    assert saved.levels == levels
    assert {k: v for k, v in saved.notes.items() if v} == {
        noted: "Purun dari rawa desa, dianyam ibu-ibu"
    }
    [photo] = list_photos(db, app_paths, assessment_id=saved.id)
    assert photo.criterion_id == with_evidence
    grid.set_current_criterion(noted)
    assert panel.criterion_pane.note_edit.toPlainText() == "Purun dari rawa desa, dianyam ibu-ibu"


def test_reopening_the_candidate_being_scored_keeps_the_place_and_the_keys(
    qtbot: QtBot, page: AssessmentPage, rubric: Rubric, db: Database
) -> None:
    panel, grid = page.panel, page.panel.grid
    product_id = panel.product_id
    assert isinstance(product_id, uuid.UUID)
    grid.setFocus()
    for key in "342":
        qtbot.keyClick(grid, key)
    qtbot.keyClicks(panel.criterion_pane.note_edit, "Bahan baku")
    panel.ui.tabs.setCurrentIndex(1)

    # as when it was renamed elsewhere: the same candidate is shown again, its data reloaded
    panel.show_product(product_id, "Anyaman purun halus", "anyaman", rubric)
    assert not grid.is_read_only()  # what is typed while it reloads is kept
    qtbot.keyClicks(panel.criterion_pane.note_edit, " lokal")
    qtbot.keyClick(grid, "5")
    qtbot.waitUntil(lambda: not page.worker.busy and not panel.saver.pending_levels, timeout=5000)

    criteria = rubric.criterion_ids
    assert grid.current_criterion() == criteria[4]
    assert panel.ui.tabs.currentIndex() == 1
    expected = dict(zip(criteria[:4], (3, 4, 2, 5), strict=True))
    assert {k: v for k, v in grid.levels().items() if v} == expected
    [saved] = list_assessments(db, product_id)
    assert {k: v for k, v in saved.levels.items() if v} == expected
    assert saved.notes[criteria[3]] == "Bahan baku lokal"
