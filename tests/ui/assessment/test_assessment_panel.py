"""The assessment panel, driven like an assessor drives it: the keyboard on the rubric grid."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ovop_desktop.core.formatting import format_number_en
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.core.scoring import score
from ovop_desktop.db.models import Officer
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.assessment.assessments import (
    AssessmentView,
    list_assessments,
    save_assessment,
)
from ovop_desktop.services.database import Database
from ovop_desktop.services.rubrics import install_rubric, set_rubric_in_force
from ovop_desktop.services.settings.officers import save_profile
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    SurveyInput,
    add_product,
    create_survey,
)
from ovop_desktop.services.surveys.photos import list_photos
from ovop_desktop.ui import dialogs, i18n
from ovop_desktop.ui.assessment.assessment_panel import AssessmentPanel
from ovop_desktop.ui.assessment.rubric_grid_model import RubricGridModel
from ovop_desktop.ui.worker import Worker
from tests.conftest import ROOT

VILLAGE = "63.08.07.2001"
SHIPPED_RUBRIC = ROOT / "resources" / "rubrics" / "ovop-kalsel-2026-v1.toml"


@pytest.fixture
def english(qapp: QApplication) -> str:
    return i18n.install(qapp, "en")


@pytest.fixture
def worker() -> Iterator[Worker]:
    jobs = Worker()
    yield jobs
    jobs.wait()


@pytest.fixture
def panel(qtbot: QtBot, db: Database, app_paths: AppPaths, worker: Worker) -> AssessmentPanel:
    widget = AssessmentPanel(db, app_paths, worker)
    qtbot.addWidget(widget)
    widget.resize(1100, 680)
    widget.show()
    return widget


def add_candidate(db: Database, rubric: Rubric, name: str, category: str) -> uuid.UUID:
    survey_id = create_survey(db, SurveyInput(village_code=VILLAGE, survey_date=date(2026, 3, 2)))
    categories = frozenset(c.id for c in rubric.categories)
    return add_product(
        db, survey_id, ProductInput(name=name, category=category), categories=categories
    )


def open_candidate(
    qtbot: QtBot,
    panel: AssessmentPanel,
    product_id: uuid.UUID,
    category: str,
    rubric: Rubric,
) -> None:
    panel.show_product(product_id, "Candidate", category, rubric)
    qtbot.waitUntil(lambda: panel.data is not None and panel.data.product_id == product_id)


def type_levels(qtbot: QtBot, panel: AssessmentPanel, keys: str) -> None:
    panel.grid.setFocus()
    for key in keys:
        qtbot.keyClick(panel.grid, key)


def stored(db: Database, product_id: uuid.UUID) -> list[AssessmentView]:
    return list_assessments(db, product_id)


def all_levels(rubric: Rubric, keys: str) -> dict[str, int | None]:
    return dict(zip(rubric.criterion_ids, (int(k) for k in keys), strict=True))


def test_scoring_with_the_keyboard_shows_and_saves_the_score(
    qtbot: QtBot, panel: AssessmentPanel, db: Database, rubric: Rubric, english: str
) -> None:
    product_id = add_candidate(db, rubric, "Anyaman purun", "anyaman")
    open_candidate(qtbot, panel, product_id, "anyaman", rubric)
    assert stored(db, product_id) == []  # viewing creates nothing

    type_levels(qtbot, panel, "34243423")

    levels = all_levels(rubric, "34243423")
    expected = score(rubric, levels, "anyaman")
    assert panel.grid.levels() == levels
    assert panel.summary.total_label.text() == format_number_en(expected.total or 0, 2)
    assert panel.summary.star_rating.stars == expected.stars
    assert panel.radar.series()[0].levels == levels
    qtbot.waitUntil(lambda: [a.levels for a in stored(db, product_id)] == [levels], timeout=5000)
    [saved] = stored(db, product_id)
    assert (saved.total, saved.stars, saved.status) == (expected.total, expected.stars, "draft")


def test_the_grid_keys_move_between_criteria_and_change_levels(
    qtbot: QtBot, panel: AssessmentPanel, db: Database, rubric: Rubric, english: str
) -> None:
    product_id = add_candidate(db, rubric, "Kain sasirangan", "tenun")
    open_candidate(qtbot, panel, product_id, "tenun", rubric)
    grid = panel.grid
    type_levels(qtbot, panel, "3")
    assert grid.current_criterion() == "C2"
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert grid.levels()["C1"] == 4
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    assert grid.levels()["C1"] == 2
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    assert grid.current_criterion() == "C3"
    qtbot.keyClick(grid, Qt.Key.Key_Backtab)
    assert grid.current_criterion() == "C2"
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert grid.levels()["C1"] is None
    assert panel.criterion_pane.title_label.text().startswith("C1 ")


def test_clicking_a_cell_chooses_its_level(
    qtbot: QtBot, panel: AssessmentPanel, db: Database, rubric: Rubric, english: str
) -> None:
    product_id = add_candidate(db, rubric, "Kain sasirangan", "tenun")
    open_candidate(qtbot, panel, product_id, "tenun", rubric)
    grid = panel.grid
    cell = grid.visualRect(grid.model().index(2, 4)).center()
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert grid.levels()["C3"] == 4
    assert grid.current_criterion() == "C3"


def test_grid_cells_have_accessible_names(rubric: Rubric, english: str) -> None:
    model = RubricGridModel(rubric)
    model.set_levels({"C7": 3})
    name = model.data(model.index(6, 3), Qt.ItemDataRole.AccessibleTextRole)
    descriptor = rubric.criterion("C7").descriptor(3).text_en
    assert "C7" in name and "level 3" in name and "chosen" in name and descriptor in name


def test_food_without_halal_and_distribution_permit_is_capped_with_the_gate_message(
    qtbot: QtBot, panel: AssessmentPanel, db: Database, rubric: Rubric, indonesian: str
) -> None:
    product_id = add_candidate(db, rubric, "Dodol Kandangan", "makanan")
    open_candidate(qtbot, panel, product_id, "makanan", rubric)

    type_levels(qtbot, panel, "55555535")

    expected = score(rubric, all_levels(rubric, "55555535"), "makanan")
    assert expected.band_stars == 5 and expected.stars == 3
    assert panel.summary.star_rating.stars == 3
    message = panel.summary.gate_label
    assert message.isVisible()
    halal_gate = next(g for g in rubric.gates if g.id == "bintang4-pangan-izin-edar-halal")
    assert halal_gate.reason_id in message.text()
    assert rubric.criterion("C7").name_id in message.text()  # what is missing, by name


def test_an_incomplete_assessment_shows_no_total_and_empty_stars(
    qtbot: QtBot, panel: AssessmentPanel, db: Database, rubric: Rubric, english: str
) -> None:
    product_id = add_candidate(db, rubric, "Kerupuk ikan", "makanan")
    open_candidate(qtbot, panel, product_id, "makanan", rubric)

    type_levels(qtbot, panel, "545")

    assert panel.summary.total_label.text() == "—"
    assert panel.summary.star_rating.stars is None
    assert not panel.summary.gate_label.isVisible()
    assert panel.grid.levels()["C4"] is None
    qtbot.waitUntil(lambda: len(stored(db, product_id)) == 1, timeout=5000)
    qtbot.waitUntil(lambda: stored(db, product_id)[0].levels["C3"] == 5, timeout=5000)
    assert stored(db, product_id)[0].total is None


def test_finalising_an_incomplete_assessment_is_refused_with_a_message(
    qtbot: QtBot,
    panel: AssessmentPanel,
    db: Database,
    rubric: Rubric,
    worker: Worker,
    english: str,
) -> None:
    product_id = add_candidate(db, rubric, "Kerupuk ikan", "makanan")
    open_candidate(qtbot, panel, product_id, "makanan", rubric)
    type_levels(qtbot, panel, "4444")

    qtbot.mouseClick(panel.ui.finalize_button, Qt.MouseButton.LeftButton)

    assert panel.message_label.isVisible()
    assert "every criterion needs a level" in panel.message_label.text()
    assert "C5" in panel.message_label.text()
    qtbot.waitUntil(lambda: len(stored(db, product_id)) == 1, timeout=5000)
    worker.wait()
    assert stored(db, product_id)[0].status == "draft"

    type_levels(qtbot, panel, "4444")  # C5–C8: now complete
    qtbot.mouseClick(panel.ui.finalize_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stored(db, product_id)[0].status == "final", timeout=5000)
    qtbot.waitUntil(lambda: panel.grid.is_read_only(), timeout=5000)
    assert not panel.ui.finalize_button.isVisible()


def test_an_assessment_under_an_older_rubric_version_is_shown_read_only_and_reassessed(
    qtbot: QtBot, panel: AssessmentPanel, db: Database, rubric: Rubric, english: str
) -> None:
    product_id = add_candidate(db, rubric, "Amplang", "makanan")
    old_levels = all_levels(rubric, "34343434")
    save_assessment(db, product_id, rubric, old_levels)
    [old] = stored(db, product_id)
    text = SHIPPED_RUBRIC.read_text(encoding="utf-8").replace("\nversion = 1\n", "\nversion = 2\n")
    version_2 = install_rubric(db, text)
    set_rubric_in_force(db, version_2.id, 2)

    open_candidate(qtbot, panel, product_id, "makanan", version_2)

    shown = panel.grid.rubric()
    assert shown is not None and shown.version == 1
    assert panel.grid.is_read_only()
    assert panel.grid.levels() == old_levels
    assert "version 1" in panel.ui.meta_label.text()
    type_levels(qtbot, panel, "5")
    assert panel.grid.levels() == old_levels  # read-only
    assert panel.ui.reassess_button.isVisible()
    assert panel.ui.reassess_button.text() == "Re-assess under version 2"

    qtbot.mouseClick(panel.ui.reassess_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: len(stored(db, product_id)) == 2, timeout=5000)
    first, second = stored(db, product_id)
    assert first == old  # untouched
    assert second.rubric_version == 2 and all(v is None for v in second.levels.values())
    qtbot.waitUntil(lambda: not panel.grid.is_read_only(), timeout=5000)
    shown = panel.grid.rubric()
    assert shown is not None and shown.version == 2
    assert not panel.ui.reassess_button.isVisible()


def test_a_colleagues_assessment_two_levels_apart_is_flagged(
    qtbot: QtBot, panel: AssessmentPanel, db: Database, rubric: Rubric, english: str
) -> None:
    product_id = add_candidate(db, rubric, "Sasirangan", "tenun")
    me = save_profile(db, name="Ani Rahmawati")
    with db.session() as session:
        colleague = Officer(name="Budi Santoso")
        session.add(colleague)
        session.flush()
        colleague_id = colleague.id
    save_assessment(db, product_id, rubric, all_levels(rubric, "33333333"), assessor_id=me.id)
    theirs = all_levels(rubric, "33333353")
    save_assessment(db, product_id, rubric, theirs, assessor_id=colleague_id, final=True)

    open_candidate(qtbot, panel, product_id, "tenun", rubric)

    assert panel.grid.flagged() == {"C7"}
    assert panel.other_pane.flagged_criteria() == ["C7"]
    table = panel.other_pane.comparison_table
    assert table.verticalHeaderItem(1).text() == "Budi Santoso"
    assert table.horizontalHeaderItem(6).text() == "⚑ C7"
    assert [table.item(line, 6).text() for line in (0, 1, 2)] == ["3", "5", "5"]  # median
    assert "median level per criterion of the final assessments" in (
        panel.other_pane.comparison_label.text()
    )
    assert [s.levels for s in panel.radar.series()][1] == theirs

    panel.grid.set_current_criterion("C7")
    type_levels(qtbot, panel, "4")  # one level apart now: no longer flagged
    assert panel.grid.flagged() == frozenset()


def test_evidence_is_attached_to_the_criterion_in_focus(
    qtbot: QtBot,
    panel: AssessmentPanel,
    db: Database,
    rubric: Rubric,
    app_paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    english: str,
) -> None:
    product_id = add_candidate(db, rubric, "Dodol Kandangan", "makanan")
    open_candidate(qtbot, panel, product_id, "makanan", rubric)
    picture = QImage(64, 48, QImage.Format.Format_RGB32)
    picture.fill(QColor("#2b8a3e"))
    permit = tmp_path / "izin-pirt.png"
    assert picture.save(str(permit))
    monkeypatch.setattr(
        dialogs, "open_files", lambda _parent, _title, _filter, on_files: on_files([str(permit)])
    )
    panel.grid.set_current_criterion("C3")

    qtbot.mouseClick(panel.criterion_pane.add_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: panel.criterion_pane.evidence_list.count() == 1, timeout=5000)
    [assessment] = stored(db, product_id)  # attaching evidence started the assessment
    [photo] = list_photos(db, app_paths, assessment_id=assessment.id)
    assert (photo.criterion_id, photo.original_name) == ("C3", "izin-pirt.png")
    panel.grid.set_current_criterion("C4")
    assert panel.criterion_pane.evidence_list.count() == 0


def test_a_note_is_saved_with_its_criterion_and_announced(
    qtbot: QtBot, panel: AssessmentPanel, db: Database, rubric: Rubric, english: str
) -> None:
    product_id = add_candidate(db, rubric, "Minyak atsiri", "herbal")
    open_candidate(qtbot, panel, product_id, "herbal", rubric)
    panel.grid.set_current_criterion("C1")

    with qtbot.waitSignal(panel.assessmentSaved, timeout=5000) as saved:
        qtbot.keyClicks(panel.criterion_pane.note_edit, "Serai wangi dari kebun sendiri")

    assert saved.args == [product_id]
    qtbot.waitUntil(
        lambda: (
            [a.notes["C1"] for a in stored(db, product_id)] == ["Serai wangi dari kebun sendiri"]
        ),
        timeout=5000,
    )
    panel.grid.set_current_criterion("C2")
    assert panel.criterion_pane.note_edit.toPlainText() == ""
    panel.grid.set_current_criterion("C1")
    assert panel.criterion_pane.note_edit.toPlainText() == "Serai wangi dari kebun sendiri"
