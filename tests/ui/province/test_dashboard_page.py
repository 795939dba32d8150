"""The province dashboard on real widgets: loaded on the worker, the numbers of the records it
was given, the villages not yet surveyed filtered by kabupaten/kota, and an empty database."""

from __future__ import annotations

import csv
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from ovop_desktop.core.regions import regency_code
from ovop_desktop.db.models import Survey
from ovop_desktop.services.assessment.village_ranking import rank_survey
from ovop_desktop.services.database import Database
from ovop_desktop.services.regions import import_regions
from ovop_desktop.services.rubrics import rubric_in_force
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    SurveyInput,
    add_product,
    create_survey,
)
from ovop_desktop.services.sync.packages import export_package, import_package
from ovop_desktop.ui.province.charts import BarRow, BarSeries, HorizontalBarChart, StarsChart
from ovop_desktop.ui.province.dashboard_page import DashboardPage
from ovop_desktop.ui.worker import Worker
from tests.conftest import FIXTURES, Home, MakeHome

SLOW = 30_000
HULU_SUNGAI_UTARA = "63.08"


@pytest.fixture
def worker() -> Iterator[Worker]:
    shared = Worker()
    yield shared
    shared.wait()


@pytest.fixture
def make_page(qtbot: QtBot, worker: Worker) -> Callable[[Home], DashboardPage]:
    def make(home: Home) -> DashboardPage:
        page = DashboardPage(home.db, worker, rubric_in_force(home.db))
        qtbot.addWidget(page)
        page.setMinimumSize(800, 500)
        page.resize(1366 - 230, 700)
        page.show()
        page.reload()
        qtbot.waitUntil(lambda: page.dashboard() is not None, timeout=SLOW)
        return page

    return make


@pytest.fixture
def province(make_home: MakeHome, tmp_path: Path) -> Home:
    """Rahmah's demo surveys of three villages, imported at the province from her package, and
    a candidate added at the province that nobody has assessed yet."""
    rahmah = make_home("rahmah", "Rahmah Hidayati", seed=1)
    province = make_home("provinsi")
    package = export_package(rahmah.db, rahmah.paths, tmp_path / "usb").path
    assert import_package(province.db, province.paths, package, trust_new=True).status == (
        "imported"
    )
    categories = frozenset(c.id for c in rubric_in_force(province.db).categories)
    survey_id = _surveys(province.db)[0][0]
    add_product(
        province.db,
        survey_id,
        ProductInput("Gula Aren", "makanan"),
        categories=categories,
        reason="Kandidat susulan",  # the survey is final
    )
    return province


def _villages() -> list[str]:
    with (FIXTURES / "wilayah-contoh.csv").open(encoding="utf-8") as file:
        return [
            row["kode"]
            for row in csv.DictReader(file)
            if row["tingkat"] in ("desa", "kelurahan", "desa adat")
        ]


def _surveys(db: Database) -> list[tuple[uuid.UUID, str]]:
    with db.session() as session:
        return [
            (survey_id, code)
            for survey_id, code in session.execute(
                select(Survey.id, Survey.village_code).where(Survey.deleted_at.is_(None))
            )
        ]


def _stars(db: Database) -> tuple[int, ...]:
    rubric = rubric_in_force(db)
    counted = Counter(
        entry.stars
        for survey_id, _ in _surveys(db)
        for entry in rank_survey(db, survey_id, rubric).entries
        if entry.final
    )
    return tuple(counted[stars] for stars in range(1, 6))


def test_the_page_loads_on_the_worker_and_shows_the_numbers_of_the_records(
    make_page: Callable[[Home], DashboardPage], province: Home
) -> None:
    page = make_page(province)
    surveys = _surveys(province.db)
    villages = _villages()
    unsurveyed = len(set(villages) - {code for _, code in surveys})

    assert page.stack.currentIndex() == 1
    assert page.surveys_tile.value.text() == str(len(surveys)) == "3"
    assert page.villages_tile.value.text() == str(unsurveyed) == "5"
    assert page.assessed_tile.value.text() == str(sum(_stars(province.db)))
    assert page.assessed_tile.caption.text().startswith(f"of {sum(_stars(province.db)) + 1} ·")
    assert page.officers_tile.value.text() == "1"
    assert page.stars_chart.counts() == _stars(province.db)
    assert "Rahmah Hidayati" not in page.surveys_tile.caption.text()
    assert page.villages_tile.caption.text() == "of 8 · 37.5% surveyed"

    bars = {row.label: row.values for row in page.regency_chart.rows()}
    per_regency = Counter(regency_code(code) for _, code in surveys)
    assert bars["Kab. Hulu Sungai Utara"][0] == per_regency[HULU_SUNGAI_UTARA] == 2
    assert bars["Kota Banjarmasin"][0] == 1
    assert bars["Kab. Tanah Laut"] == (0, 0)


def test_the_top_candidates_table_groups_the_best_three_of_each_regency(
    make_page: Callable[[Home], DashboardPage], province: Home
) -> None:
    page = make_page(province)
    model, table = page.tabs.top_model, page.tabs.top_table
    shown = [
        [str(model.index(row, column).data()) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]
    dashboard = page.dashboard()
    assert dashboard is not None
    utara = next(r for r in dashboard.regencies if r.code == HULU_SUNGAI_UTARA)
    assert shown[0][0] == "Kab. Hulu Sungai Utara"
    assert [row[2] for row in shown[: len(utara.top)]] == [c.name for c in utara.top]
    assert [row[1] for row in shown[: len(utara.top)]] == ["1", "2", "3"][: len(utara.top)]
    assert table.rowSpan(0, 0) == len(utara.top)
    assert all(row[5].count("★") + row[5].count("☆") == 5 for row in shown)


def test_each_officer_shows_with_the_last_package_imported(
    make_page: Callable[[Home], DashboardPage], province: Home
) -> None:
    page = make_page(province)
    model = page.tabs.imports_model
    assert page.tabs.imports_stack.currentIndex() == 0
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "Rahmah Hidayati"
    assert model.index(0, 3).data() == "Imported"
    assert int(model.index(0, 4).data()) > 0  # new records
    assert page.tabs.tabText(1) == "Officers' last &imports (1)"
    assert "last import" in page.officers_tile.caption.text()


def test_the_villages_not_yet_surveyed_filter_by_regency_and_words(
    make_page: Callable[[Home], DashboardPage], province: Home, qtmodeltester: ModelTester
) -> None:
    page = make_page(province)
    tabs = page.tabs
    for model in (tabs.unsurveyed_proxy, tabs.top_model, tabs.imports_model):
        qtmodeltester.check(model)
    surveyed = {code for _, code in _surveys(province.db)}
    expected = sorted(set(_villages()) - surveyed)
    codes = [
        tabs.unsurveyed_proxy.index(row, 0).data()
        for row in range(tabs.unsurveyed_proxy.rowCount())
    ]
    assert codes == expected
    assert tabs.tabText(2) == f"&Villages not yet surveyed ({len(expected)})"

    tabs.regency_combo.setCurrentIndex(tabs.regency_combo.findData("63.01"))
    assert tabs.unsurveyed_proxy.rowCount() == sum(1 for c in expected if c.startswith("63.01."))
    assert tabs.unsurveyed_count.text() == "2 shown"
    tabs.search_edit.setText("TABANIO")
    assert tabs.unsurveyed_proxy.rowCount() == 1
    assert tabs.unsurveyed_proxy.index(0, 1).data() == "Tabanio"
    tabs.regency_combo.setCurrentIndex(0)  # all regencies: the words still apply
    assert tabs.unsurveyed_proxy.rowCount() == 1


def test_reload_counts_what_came_in_since(
    make_page: Callable[[Home], DashboardPage],
    province: Home,
    make_home: MakeHome,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    page = make_page(province)
    yusuf = make_home("yusuf", "Yusuf Hamdani", seed=2)
    package = export_package(yusuf.db, yusuf.paths, tmp_path / "usb2").path
    import_package(province.db, province.paths, package, trust_new=True)
    before = page.dashboard()
    page.tabs.regency_combo.setCurrentIndex(page.tabs.regency_combo.findData("63.01"))
    page.refresh_button.click()
    qtbot.waitUntil(lambda: page.dashboard() is not before, timeout=SLOW)
    assert page.surveys_tile.value.text() == "6"
    assert page.tabs.imports_model.rowCount() == 2
    assert page.tabs.regency_combo.currentData() == "63.01"  # the choice survives a reload


def test_an_empty_database_shows_what_will_fill_the_dashboard(
    make_page: Callable[[Home], DashboardPage], make_home: MakeHome
) -> None:
    page = make_page(make_home("kosong"))
    assert page.stack.currentIndex() == 0
    assert page.empty_label.text().startswith("No surveys yet.")
    assert "Synchronisation" in page.empty_label.text()


def test_numbers_are_written_the_indonesian_way(
    make_page: Callable[[Home], DashboardPage], province: Home, indonesian: str
) -> None:
    page = make_page(province)
    assert "37,5%" in page.villages_tile.caption.text()
    assert DashboardPage.navigation_text()  # the section has a name for the navigation


def test_the_charts_are_reachable_by_keyboard_and_named(
    make_page: Callable[[Home], DashboardPage], province: Home
) -> None:
    page = make_page(province)
    page.refresh_button.setFocus()
    reached = []
    for _ in range(12):
        page.focusNextChild()
        reached.append(page.window().focusWidget())
    for chart in (page.regency_chart, page.stars_chart, page.category_chart):
        assert chart in reached
        assert chart.accessibleName() and chart.accessibleDescription()
    assert page.tabs in reached or page.tabs.currentWidget() in reached


def _painted(image_color: QColor) -> bool:
    return image_color != QColor("white")


def _tooltip(widget: QWidget, x: int, y: int) -> str:
    """The tooltip the pointer resting at (x, y) brings up."""
    QToolTip.hideText()
    position = QPoint(x, y)
    QApplication.sendEvent(
        widget, QHelpEvent(QEvent.Type.ToolTip, position, widget.mapToGlobal(position))
    )
    return QToolTip.text()


def test_bar_chart_paints_bars_in_proportion_and_tells_its_rows(qtbot: QtBot) -> None:
    chart = HorizontalBarChart("Surveys")
    qtbot.addWidget(chart)
    chart.setFixedSize(400, 80)
    chart.show()
    chart.set_series([BarSeries("Surveys", "#2a6b7e")])
    chart.set_rows([BarRow("Banjar", (100,)), BarRow("Tapin", (0,), "Tapin: none")])
    image = chart.render_to_image(400, 80, ratio=2.0)
    assert image.width() == 800 and image.devicePixelRatio() == 2.0
    first_row = 20 * 2  # the middle of the first of two 40 px rows, in device pixels
    coloured = [
        x for x in range(image.width()) if image.pixelColor(x, first_row) == QColor("#2a6b7e")
    ]
    assert len(coloured) > image.width() // 3  # the full bar reaches across the plot
    assert not any(
        image.pixelColor(x, 60 * 2) == QColor("#2a6b7e") for x in range(image.width())
    )  # a zero draws no bar
    assert _tooltip(chart, 200, 60) == "Tapin: none"
    assert "Banjar: Surveys 100" in chart.accessibleDescription()


def test_stars_chart_shows_each_count_and_names_it(qtbot: QtBot) -> None:
    chart = StarsChart("Stars")
    qtbot.addWidget(chart)
    chart.setFixedSize(300, 200)
    chart.show()
    chart.set_counts((0, 1, 5, 3, 1))
    image = chart.render_to_image(300, 200)
    assert any(_painted(image.pixelColor(x, 100)) for x in range(image.width()))
    assert chart.counts() == (0, 1, 5, 3, 1)
    assert _tooltip(chart, 150, 100) == "3 ★: 5"
    assert Qt.FocusPolicy.TabFocus == chart.focusPolicy()


def test_a_list_of_many_regencies_keeps_the_busiest_and_sums_up_the_rest(
    make_page: Callable[[Home], DashboardPage], make_home: MakeHome
) -> None:
    home = make_home("nasional", regions=False)
    lines = ["kode,nama,tingkat,kode_induk", "63,Kalimantan Selatan,provinsi,"]
    for number in range(1, 21):
        regency = f"63.{number:02d}"
        lines += [
            f"{regency},Kabupaten Nomor {number},kabupaten/kota,63",
            f"{regency}.01,Kecamatan {number},kecamatan,{regency}",
            f"{regency}.01.2001,Desa {number},desa,{regency}.01",
        ]
    import_regions(home.db, "\n".join(lines).encode("utf-8"))
    create_survey(home.db, SurveyInput("63.20.01.2001", date(2026, 8, 3)))

    rows = make_page(home).regency_chart.rows()
    assert len(rows) == 16
    assert "Kab. Nomor 20" in [row.label for row in rows]  # the one with a survey
    assert rows[-1].label == "5 other regencies / cities" and rows[-1].values == (0, 0)
