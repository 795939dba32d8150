"""The village ranking with its recommendation, and the regional ranking with its filters."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QTableView, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import Officer, Survey
from ovop_desktop.services.assessment.assessments import save_assessment
from ovop_desktop.services.assessment.regional_ranking import rank_region
from ovop_desktop.services.assessment.village_ranking import recommend_product
from ovop_desktop.services.database import Database
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.services.errors import InvalidInputError
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    SurveyInput,
    add_product,
    create_survey,
)
from ovop_desktop.ui import dialogs, i18n
from ovop_desktop.ui.ranking.regional_ranking import RegionalRankingView
from ovop_desktop.ui.ranking.regional_table_model import (
    SORT_ROLE,
    Column,
    RegionalFilter,
    RegionalFilterProxy,
    RegionalTableModel,
    UnassessedTableModel,
)
from ovop_desktop.ui.ranking.village_ranking import Column as VillageColumn
from ovop_desktop.ui.ranking.village_ranking import VillageRankingView
from ovop_desktop.ui.worker import Worker

BANJANG = "63.08.07.2001"
BIIH = "63.03.06.2009"
BENUA_LAWAS = "63.01.01.2001"
# Equal totals (69.00); the second is better on C7, the rubric's first tie-break criterion.
TAS_LEVELS = (5, 3, 3, 4, 3, 3, 3, 4)
TIKAR_LEVELS = (3, 3, 3, 4, 3, 3, 4, 4)
REASON = "Tas purun sudah dipasarkan kelompok perajin ke luar provinsi."


def _categories(rubric: Rubric) -> frozenset[str]:
    return frozenset(c.id for c in rubric.categories)


def _officer(db: Database, name: str) -> uuid.UUID:
    with db.session() as session:
        officer = Officer(name=name)
        session.add(officer)
        session.flush()
        return officer.id


def _assess(db: Database, product_id: uuid.UUID, rubric: Rubric, levels: tuple[int, ...]) -> None:
    """Two assessors agree: a consensus of two final assessments."""
    for name in ("Rahmah", "Yusuf"):
        save_assessment(
            db,
            product_id,
            rubric,
            dict(zip(rubric.criterion_ids, levels, strict=True)),
            assessor_id=_officer(db, name),
            final=True,
        )


@pytest.fixture
def english(qapp: QApplication) -> str:
    return i18n.install(qapp, "en")


@pytest.fixture
def village(db: Database, rubric: Rubric) -> dict[str, uuid.UUID]:
    """Banjang: two candidates tied at 69.00 and one only partly assessed."""
    survey = create_survey(db, SurveyInput(BANJANG, date(2026, 8, 3)))
    ids = {"survey": survey}
    for name, category in (("Tas Purun", "anyaman"), ("Tikar Purun", "anyaman")):
        ids[name] = add_product(
            db, survey, ProductInput(name, category), categories=_categories(rubric)
        )
    ids["Ikan Haruan"] = add_product(
        db, survey, ProductInput("Ikan Haruan", "makanan"), categories=_categories(rubric)
    )
    _assess(db, ids["Tas Purun"], rubric, TAS_LEVELS)
    _assess(db, ids["Tikar Purun"], rubric, TIKAR_LEVELS)
    save_assessment(db, ids["Ikan Haruan"], rubric, {"C1": 3, "C2": 4})
    return ids


def _show(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    # A minimum size keeps the layout from pushing size hints to the offscreen platform.
    widget.setMinimumSize(800, 500)
    widget.resize(1366 - 240, 708)
    widget.show()


@pytest.fixture
def village_view(
    qtbot: QtBot, db: Database, rubric: Rubric, village: dict[str, uuid.UUID]
) -> Iterator[VillageRankingView]:
    worker = Worker()
    view = VillageRankingView(db, worker)
    _show(qtbot, view)
    view.show_survey(village["survey"], rubric)
    qtbot.waitUntil(lambda: not worker.busy)
    yield view
    worker.wait()


def _column(view: VillageRankingView, column: VillageColumn) -> list[str]:
    return [str(view.model.index(row, column).data()) for row in range(view.model.rowCount())]


def _stored(db: Database, survey_id: uuid.UUID) -> tuple[uuid.UUID | None, str | None]:
    with db.session() as session:
        survey = session.get(Survey, survey_id)
        assert survey is not None
        return survey.recommended_product_id, survey.recommendation_justification


def _click_recommend(qtbot: QtBot, view: VillageRankingView, product_id: uuid.UUID) -> None:
    assert view.select_product(product_id)
    assert view.recommend_button.isEnabled()
    qtbot.mouseClick(view.recommend_button, Qt.MouseButton.LeftButton)


def _fake_reason(answer: str | None) -> Callable[..., None]:
    """A stand-in for dialogs.ask_reason: `answer` is typed and accepted, None cancels."""

    def ask_reason(
        parent: QWidget, title: str, text: str, on_reason: Callable[[str], None]
    ) -> None:
        asked.append(text)
        if answer is not None:
            on_reason(answer)

    asked: list[str] = []
    ask_reason.asked = asked  # type: ignore[attr-defined]
    return ask_reason


def test_village_ranking_orders_candidates_by_the_rubric_and_explains_the_tie(
    indonesian: str, village_view: VillageRankingView
) -> None:
    view = village_view
    assert view.title.text() == "Banjang"
    assert "3 Agustus 2026" in view.subtitle.text()
    assert re.search(r"OVOP Kalsel 2026 \w+ 1$", view.subtitle.text())
    assert _column(view, VillageColumn.PRODUCT) == ["✔ Tikar Purun", "Tas Purun", "Ikan Haruan"]
    assert _column(view, VillageColumn.RANK) == ["1", "2", "–"]
    assert _column(view, VillageColumn.TOTAL)[:2] == ["69,00", "69,00"]
    assert _column(view, VillageColumn.STARS)[:2] == ["★★★☆☆", "★★★☆☆"]
    # Each tied pair is explained once, by the rubric's tie-break criterion.
    assert view.tie_breaks.isVisible()
    lines = view.tie_breaks.text().splitlines()
    assert len(lines) == 1
    assert lines[0].endswith(
        "Tikar Purun: Total sama dengan Tas Purun (69,00); "
        "diputuskan oleh Mutu & standar produk (4 lawan 3)."
    )
    assert "Tikar Purun" in view.recommended_label.text()
    assert not view.justification_label.isVisible()


def test_village_ranking_names_the_rubric_version_and_the_unassessed_candidates(
    english: str, village_view: VillageRankingView
) -> None:
    view = village_view
    assert view.subtitle.text().endswith("Rubric OVOP Kalsel 2026 version 1")
    assert _column(view, VillageColumn.TOTAL)[2] == "Not assessed (2/8 criteria)"
    assert view.table.columnSpan(2, VillageColumn.TOTAL) == 3
    assert _column(view, VillageColumn.BASIS) == ["Consensus (2)", "Consensus (2)", "Draft"]
    assert view.recommended_label.text() == "Recommended product: Tikar Purun (rank 1)"


def test_recommending_rank_2_without_a_reason_is_refused(
    english: str,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    db: Database,
    rubric: Rubric,
    village: dict[str, uuid.UUID],
    village_view: VillageRankingView,
) -> None:
    cancel = _fake_reason(None)
    monkeypatch.setattr(dialogs, "ask_reason", cancel)
    _click_recommend(qtbot, village_view, village["Tas Purun"])
    assert len(cancel.asked) == 1  # type: ignore[attr-defined]
    assert "Tas Purun is ranked 2" in cancel.asked[0]  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not village_view.worker.busy)
    assert _stored(db, village["survey"]) == (None, None)

    # The real dialog cannot be accepted empty; the service refuses it all the same.
    for blank in (None, "   "):
        with pytest.raises(InvalidInputError) as refused:
            recommend_product(db, village["survey"], village["Tas Purun"], rubric, blank)
        assert refused.value.field == "recommendation_justification"
        assert "peringkat 2" in refused.value.message_id
        assert "alasan" in refused.value.message_id
    assert _stored(db, village["survey"]) == (None, None)


def test_a_candidate_not_fully_assessed_cannot_be_recommended(
    english: str,
    qtbot: QtBot,
    db: Database,
    village: dict[str, uuid.UUID],
    village_view: VillageRankingView,
) -> None:
    _click_recommend(qtbot, village_view, village["Ikan Haruan"])
    qtbot.waitUntil(lambda: not village_view.worker.busy)
    assert village_view.message.isVisible()
    assert village_view.message.text() == "Only a fully assessed candidate can be recommended."
    assert _stored(db, village["survey"]) == (None, None)


def test_recommending_rank_2_with_a_reason_saves_and_shows_it(
    english: str,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    db: Database,
    village: dict[str, uuid.UUID],
    village_view: VillageRankingView,
) -> None:
    monkeypatch.setattr(dialogs, "ask_reason", _fake_reason(REASON))
    with qtbot.waitSignal(village_view.recommendationChanged) as changed:
        _click_recommend(qtbot, village_view, village["Tas Purun"])
    assert changed.args == [village["survey"]]
    assert _stored(db, village["survey"]) == (village["Tas Purun"], REASON)
    assert _column(village_view, VillageColumn.PRODUCT)[:2] == ["Tikar Purun", "✔ Tas Purun"]
    assert village_view.recommended_label.text() == "Recommended product: Tas Purun (rank 2)"
    assert village_view.justification_label.isVisible()
    assert REASON in village_view.justification_label.text()
    assert not village_view.message.isVisible()


def test_recommending_rank_1_needs_no_reason_and_clears_the_old_one(
    english: str,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    db: Database,
    rubric: Rubric,
    village: dict[str, uuid.UUID],
    village_view: VillageRankingView,
) -> None:
    recommend_product(db, village["survey"], village["Tas Purun"], rubric, REASON)
    village_view.reload()
    qtbot.waitUntil(lambda: not village_view.worker.busy)
    assert REASON in village_view.justification_label.text()

    never = _fake_reason(None)
    monkeypatch.setattr(dialogs, "ask_reason", never)
    with qtbot.waitSignal(village_view.recommendationChanged):
        _click_recommend(qtbot, village_view, village["Tikar Purun"])
    assert never.asked == []  # type: ignore[attr-defined]
    assert _stored(db, village["survey"]) == (village["Tikar Purun"], None)
    assert not village_view.justification_label.isVisible()
    assert _column(village_view, VillageColumn.PRODUCT)[0] == "✔ Tikar Purun"
    assert not village_view.recommend_button.isEnabled()  # rank 1 is already recommended


@pytest.fixture
def region(db: Database, rubric: Rubric) -> dict[str, uuid.UUID]:
    """Four final demo surveys, a draft at Benua Lawas with an assessed candidate, and a draft
    at Bi'ih whose candidate is not assessed yet."""
    seed_demo(db, villages=4)
    categories = _categories(rubric)
    benua = create_survey(db, SurveyInput(BENUA_LAWAS, date(2026, 8, 20)))
    gula = add_product(db, benua, ProductInput("Gula Aren", "makanan"), categories=categories)
    _assess(db, gula, rubric, (3, 3, 3, 3, 3, 3, 3, 3))
    biih = create_survey(db, SurveyInput(BIIH, date(2026, 8, 21)))
    add_product(db, biih, ProductInput("Keranjang Rotan", "anyaman"), categories=categories)
    return {"benua": benua, "gula": gula, "biih": biih}


def test_regional_models_pass_the_model_tester(
    qtmodeltester: ModelTester, db: Database, rubric: Rubric, region: dict[str, uuid.UUID]
) -> None:
    ranking = rank_region(db, None, rubric)
    model = RegionalTableModel()
    model.set_ranking(ranking.rows, rubric)
    assert model.rowCount() == 9
    qtmodeltester.check(model)

    proxy = RegionalFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter(RegionalFilter(category="anyaman", min_stars=3, status="final"))
    proxy.sort(Column.STARS, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)
    assert 0 < proxy.rowCount() < model.rowCount()

    unassessed = UnassessedTableModel()
    unassessed.set_villages(ranking.unassessed)
    qtmodeltester.check(unassessed)


def _double_click(qtbot: QtBot, table: QTableView, pos: QPoint) -> None:
    """As a person does: the first click presses the row, the second opens it."""
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)


class RegionalHarness:
    def __init__(self, qtbot: QtBot, db: Database, rubric: Rubric) -> None:
        self.qtbot, self.worker = qtbot, Worker()
        self.view = RegionalRankingView(db, self.worker)
        _show(qtbot, self.view)
        self.view.load(rubric)
        self.settle()

    def settle(self) -> None:
        self.qtbot.waitUntil(lambda: not self.worker.busy)

    def pick(self, combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        assert index >= 0, f"{value!r} not offered"
        combo.setCurrentIndex(index)
        self.settle()

    def rows(self) -> list[tuple[str, str, int, str, str]]:
        """(product, village, stars, category id, regency) of the rows shown, top first."""
        proxy, model = self.view.proxy, self.view.model
        shown = []
        for row in range(proxy.rowCount()):
            found = model.row_at(proxy.mapToSource(proxy.index(row, 0)).row())
            shown.append(
                (found.name, found.village, found.stars or 0, found.category, found.regency)
            )
        return shown

    def unassessed(self) -> list[str]:
        model = self.view.unassessed_model
        return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


@pytest.fixture
def regional(
    qtbot: QtBot, db: Database, rubric: Rubric, region: dict[str, uuid.UUID], english: str
) -> Iterator[RegionalHarness]:
    made = RegionalHarness(qtbot, db, rubric)
    yield made
    made.worker.wait()


def test_regional_ranking_lists_candidates_across_villages_best_total_first(
    regional: RegionalHarness,
) -> None:
    view = regional.view
    assert regional.view.region_code() is None
    assert view.regency_combo.itemText(0) == "Whole province"
    totals = [view.proxy.index(r, Column.TOTAL).data(SORT_ROLE) for r in range(9)]
    assert view.proxy.rowCount() == 9
    assert totals == sorted(totals, reverse=True)
    assert len({village for _, village, *_ in regional.rows()}) == 5
    assert view.summary.text() == "Ranking under rubric OVOP Kalsel 2026 version 1 · 9 candidates"
    assert regional.unassessed() == ["Bi'ih"]
    assert view.unassessed_label.text() == "Villages without an assessed candidate yet (1)"


def test_regional_filters_work_through_the_combo_boxes(regional: RegionalHarness) -> None:
    view = regional.view
    regional.pick(view.category_combo, "anyaman")
    rows = regional.rows()
    assert rows and {category for *_, category, _ in rows} == {"anyaman"}
    assert view.summary.text().endswith(f"· {len(rows)} of 9 candidates")

    regional.pick(view.stars_combo, 4)
    assert {(name, village) for name, village, *_ in regional.rows()} == {
        ("Tas Purun Motif Kambang", "Banjang")
    }
    regional.pick(view.category_combo, None)
    assert {stars for _, _, stars, *_ in regional.rows()} == {4}
    assert len(regional.rows()) == 3

    regional.pick(view.stars_combo, 0)
    regional.pick(view.status_combo, "draft")
    assert [name for name, *_ in regional.rows()] == ["Gula Aren"]


def test_picking_a_regency_then_a_district_narrows_the_ranking(
    regional: RegionalHarness,
) -> None:
    view = regional.view
    regional.pick(view.regency_combo, "63.03")  # Kabupaten Banjar
    assert view.region_code() == "63.03"
    assert {regency for *_, regency in regional.rows()} == {"Kabupaten Banjar"}
    assert {village for _, village, *_ in regional.rows()} == {"Pasayangan"}
    assert regional.unassessed() == ["Bi'ih"]
    districts = [view.district_combo.itemText(i) for i in range(view.district_combo.count())]
    assert districts == ["All districts", "Karang Intan", "Martapura"]

    regional.pick(view.district_combo, "63.03.06")  # Karang Intan: only Bi'ih, unassessed
    assert view.region_code() == "63.03.06"
    assert regional.rows() == []
    assert regional.unassessed() == ["Bi'ih"]

    regional.pick(view.regency_combo, None)
    assert view.region_code() is None
    assert not view.district_combo.isEnabled()
    assert len(regional.rows()) == 9


def test_double_clicking_a_candidate_opens_it(
    regional: RegionalHarness, db: Database, rubric: Rubric
) -> None:
    view = regional.view
    best = rank_region(db, None, rubric).rows[0]
    table = view.table
    rect = table.visualRect(view.proxy.index(0, Column.PRODUCT))
    with regional.qtbot.waitSignal(view.openProduct) as opened:
        _double_click(regional.qtbot, table, rect.center())
    assert opened.args == [best.product_id, best.survey_id]


def test_double_clicking_an_unassessed_village_opens_its_survey(
    regional: RegionalHarness, region: dict[str, uuid.UUID]
) -> None:
    table = regional.view.unassessed_table
    rect = table.visualRect(regional.view.unassessed_model.index(0, 0))
    with regional.qtbot.waitSignal(regional.view.openSurvey) as opened:
        _double_click(regional.qtbot, table, rect.center())
    assert opened.args == [region["biih"]]
