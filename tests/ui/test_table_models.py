"""Every table model of the window passes pytest-qt's model tester, filled from a seeded
database through the same services the pages use."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.services.assessment.regional_ranking import rank_region
from ovop_desktop.services.assessment.village_ranking import rank_survey
from ovop_desktop.services.database import Database
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.services.province.reviews import review_rows
from ovop_desktop.services.surveys.survey_list import list_surveys
from ovop_desktop.ui.assessment.rubric_grid_model import RubricGridModel
from ovop_desktop.ui.kit.table_model import SORT_ROLE
from ovop_desktop.ui.province.dashboard_tables import Cell, CellTableModel, GroupFilterProxy, Row
from ovop_desktop.ui.province.review_table_model import ReviewFilterProxy, ReviewTableModel
from ovop_desktop.ui.ranking.regional_table_model import (
    RegionalFilterProxy,
    RegionalTableModel,
    UnassessedTableModel,
)
from ovop_desktop.ui.ranking.village_ranking import VillageRankingModel
from ovop_desktop.ui.surveys.survey_table_model import SurveyFilterProxy, SurveyTableModel


@pytest.fixture
def seeded(db: Database, rubric: Rubric) -> Database:
    seed_demo(db, villages=4)
    return db


def test_survey_table_model(qtmodeltester: ModelTester, seeded: Database, rubric: Rubric) -> None:
    model = SurveyTableModel()
    model.set_rows(list_surveys(seeded, rubric), rubric.max_stars)
    assert model.rowCount() >= 4
    qtmodeltester.check(model)
    model.sort(2)
    proxy = SurveyFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)


def test_regional_ranking_models(
    qtmodeltester: ModelTester, seeded: Database, rubric: Rubric
) -> None:
    ranking = rank_region(seeded, None, rubric)
    model = RegionalTableModel()
    model.set_ranking(ranking.rows, rubric)
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    proxy = RegionalFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_min_stars(2)
    qtmodeltester.check(proxy)
    unassessed = UnassessedTableModel()
    unassessed.set_villages(ranking.unassessed)
    qtmodeltester.check(unassessed)


def test_village_ranking_model(
    qtmodeltester: ModelTester, seeded: Database, rubric: Rubric
) -> None:
    survey = list_surveys(seeded, rubric)[0]
    model = VillageRankingModel()
    model.set_ranking(rank_survey(seeded, survey.survey_id, rubric), rubric)
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_rubric_grid_model(qtmodeltester: ModelTester, rubric: Rubric) -> None:
    model = RubricGridModel(rubric)
    model.set_levels({criterion.id: 3 for criterion in rubric.criteria[:4]})
    model.set_flagged([rubric.criteria[0].id])
    qtmodeltester.check(model)


def test_review_table_model(qtmodeltester: ModelTester, seeded: Database) -> None:
    model = ReviewTableModel()
    model.set_rows(review_rows(seeded))
    assert model.rowCount() >= 4
    qtmodeltester.check(model)
    proxy = ReviewFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_text("a")
    qtmodeltester.check(proxy)


def test_dashboard_cell_table_model(qtmodeltester: ModelTester) -> None:
    def count(value: int) -> Cell:
        return Cell(str(value), value, number=True)

    model = CellTableModel(["Kabupaten/kota", "Survei", "Dinilai"])
    model.set_rows(
        [
            Row(
                (Cell("Kab. Banjar"), Cell("12", 12, number=True), Cell("9", 9, number=True)),
                "63.03",
            ),
            Row(
                (Cell("Kota Banjarmasin"), Cell("4", 4, number=True), Cell("0", 0, number=True)),
                "63.71",
            ),
            Row((Cell("Belum ada kandidat dinilai"),), "63.71", muted=True),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(0, 1).data(SORT_ROLE) == 12
    proxy = GroupFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_group("63.71")
    qtmodeltester.check(proxy)
