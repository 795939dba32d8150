"""The survey list: filtering as the officer types or picks, sorting, opening a survey."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.services.rubrics import rubric_in_force
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    SurveyInput,
    add_product,
    create_survey,
)
from ovop_desktop.services.surveys.survey_list import list_surveys
from ovop_desktop.ui import i18n
from ovop_desktop.ui.surveys import survey_list as survey_list_page
from ovop_desktop.ui.surveys.survey_list import SurveyListPage
from ovop_desktop.ui.surveys.survey_table_model import (
    SORT_ROLE,
    SURVEY_ID_ROLE,
    Column,
    SurveyFilter,
    SurveyFilterProxy,
    SurveyTableModel,
)
from ovop_desktop.ui.worker import Worker

BIIH = "63.03.06.2009"
BENUA_LAWAS = "63.01.01.2001"
SEBERANG_MESJID = "63.71.05.1007"
SEEDED = ["Banjang", "Pandulangan", "Pasayangan", "Seberang Mesjid"]


@pytest.fixture
def surveys(db: Database) -> dict[str, uuid.UUID]:
    """Four final, assessed surveys (demo data) and two drafts, by village name."""
    seed_demo(db, villages=4)
    create_survey(db, SurveyInput(BIIH, date(2026, 7, 1)))
    benua = create_survey(db, SurveyInput(BENUA_LAWAS, date(2026, 8, 3)))
    categories = frozenset(c.id for c in rubric_in_force(db).categories)
    add_product(db, benua, ProductInput("Gula Aren Takisung", "makanan"), categories=categories)
    return {row.village: row.survey_id for row in list_surveys(db, rubric_in_force(db))}


@pytest.fixture
def english(qapp: QApplication) -> str:
    return i18n.install(qapp, "en")


class Harness:
    """A page on its own worker, with what the officer sees of it."""

    def __init__(self, qtbot: QtBot, db: Database) -> None:
        self.qtbot, self.worker = qtbot, Worker()
        self.page = SurveyListPage(db, self.worker)
        qtbot.addWidget(self.page)
        # A window's own minimum size keeps its layout from pushing size hints to the
        # offscreen platform, which warns it cannot take them.
        self.page.setMinimumSize(800, 500)
        self.page.resize(1366 - 240, 700)
        self.page.show()

    def reload(self) -> None:
        self.page.reload()
        self.qtbot.waitUntil(lambda: not self.worker.busy)

    def column(self, column: Column) -> list[str]:
        proxy = self.page.proxy
        return [str(proxy.index(row, column).data()) for row in range(proxy.rowCount())]

    def villages(self) -> list[str]:
        return sorted(self.column(Column.VILLAGE))

    def pick(self, combo_name: str, value: str | None) -> None:
        """Choose the item of the combo that stands for `value` (None: all)."""
        combo = getattr(self.page.ui, combo_name)
        index = combo.findData(value) if value is not None else 0
        assert index >= 0, f"{value!r} not in {combo_name}"
        combo.setCurrentIndex(index)

    def click_header(self, column: Column) -> None:
        header = self.page.ui.surveyTable.horizontalHeader()
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        self.qtbot.mouseClick(
            header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
        )


@pytest.fixture
def harness(qtbot: QtBot, db: Database, indonesian: str) -> Iterator[Harness]:
    made = Harness(qtbot, db)
    yield made
    made.worker.wait()


def test_model_and_proxy_pass_the_model_tester(
    qtmodeltester: ModelTester, db: Database, surveys: dict[str, uuid.UUID]
) -> None:
    model = SurveyTableModel()
    rubric = rubric_in_force(db)
    model.set_rows(list_surveys(db, rubric), rubric.max_stars)
    assert model.rowCount() == len(surveys)
    qtmodeltester.check(model)

    proxy = SurveyFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter(SurveyFilter(text="a", status="final"))
    proxy.sort(Column.STARS, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)
    assert 0 < proxy.rowCount() < len(surveys)


def test_every_cell_of_a_row_knows_its_survey(
    db: Database, surveys: dict[str, uuid.UUID], english: str
) -> None:
    model = SurveyTableModel()
    rubric = rubric_in_force(db)
    model.set_rows(list_surveys(db, rubric), rubric.max_stars)
    row = model.row_for(surveys["Benua Lawas"])
    assert row is not None
    assert {model.index(row, c).data(SURVEY_ID_ROLE) for c in Column} == {surveys["Benua Lawas"]}
    assert model.index(row, Column.DATE).data() == "3 Aug 2026"
    assert model.index(row, Column.DATE).data(SORT_ROLE) == date(2026, 8, 3).toordinal()
    assert model.index(row, Column.STATUS).data() == "Draft"
    assert model.index(row, Column.TOP_CANDIDATE).data() == "Not assessed"
    assert model.index(row, Column.STARS).data() == ""
    assert model.row_for(uuid.uuid4()) is None


def test_the_list_shows_indonesian_dates_statuses_and_stars(
    harness: Harness, surveys: dict[str, uuid.UUID]
) -> None:
    harness.reload()
    proxy = harness.page.proxy
    benua = proxy.proxy_row_for(surveys["Benua Lawas"])
    assert benua is not None
    assert proxy.index(benua, Column.DATE).data() == "3 Agu 2026"
    assert proxy.index(benua, Column.STATUS).data() == "Draf"
    assert proxy.index(benua, Column.TOP_CANDIDATE).data() == "Belum dinilai"
    pasayangan = proxy.proxy_row_for(surveys["Pasayangan"])
    assert pasayangan is not None
    assert proxy.index(pasayangan, Column.STATUS).data() == "Final"
    stars = str(proxy.index(pasayangan, Column.STARS).data())
    assert len(stars) == 5 and set(stars) <= {"★", "☆"} and stars.startswith("★")
    headers = [proxy.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert headers == [
        "Kabupaten / Kota",
        "Kecamatan",
        "Desa / Kelurahan",
        "Tanggal",
        "Petugas",
        "Status",
        "Kandidat",
        "Kandidat teratas",
        "Bintang",
    ]
    ui = harness.page.ui
    assert ui.countLabel.text() == "6 dari 6 survei"
    assert ui.searchEdit.placeholderText() == "Cari desa, kecamatan, petugas, produk…"
    assert ui.regencyCombo.itemText(0) == "Semua kabupaten / kota"
    statuses = [ui.statusCombo.itemText(i) for i in range(ui.statusCombo.count())]
    assert statuses == ["Semua status", "Draf", "Final"]

    harness.qtbot.keyClicks(ui.searchEdit, "Pasayangan")
    assert ui.countLabel.text() == "1 dari 6 survei"
    harness.qtbot.keyClicks(ui.searchEdit, " tidak ada")
    assert ui.stack.currentWidget() is ui.emptyPage
    assert ui.emptyLabel.text() == (
        "Tidak ada survei yang cocok dengan pencarian dan filter. "
        "Hapus filter untuk melihat semuanya."
    )


def test_typing_finds_villages_whatever_the_case_and_accents(
    harness: Harness, surveys: dict[str, uuid.UUID]
) -> None:
    harness.reload()
    harness.qtbot.keyClicks(harness.page.ui.searchEdit, "PASAYÁNGAN")
    assert harness.villages() == ["Pasayangan"]

    harness.page.ui.searchEdit.clear()
    harness.qtbot.keyClicks(harness.page.ui.searchEdit, "biih")  # the village is Bi'ih
    assert harness.villages() == ["Bi'ih"]


def test_every_word_typed_must_appear_somewhere_in_the_row(
    harness: Harness, surveys: dict[str, uuid.UUID]
) -> None:
    harness.reload()
    # "banjang" is a district and a village, "hulu" part of their regency.
    harness.qtbot.keyClicks(harness.page.ui.searchEdit, "hulu banjang")
    assert harness.villages() == ["Banjang", "Pandulangan"]
    harness.qtbot.keyClicks(harness.page.ui.searchEdit, " pandu")
    assert harness.villages() == ["Pandulangan"]
    harness.qtbot.keyClicks(harness.page.ui.searchEdit, " nothing")
    assert harness.villages() == []
    assert harness.page.ui.stack.currentWidget() is harness.page.ui.emptyPage


def test_the_regency_picker_lists_the_regencies_present_and_filters_by_one(
    harness: Harness, surveys: dict[str, uuid.UUID]
) -> None:
    harness.reload()
    combo = harness.page.ui.regencyCombo
    assert [combo.itemText(i) for i in range(1, combo.count())] == [
        "Kabupaten Banjar",
        "Kabupaten Hulu Sungai Utara",
        "Kabupaten Tanah Laut",
        "Kota Banjarmasin",
    ]
    harness.pick("regencyCombo", "Kabupaten Banjar")
    assert harness.villages() == ["Bi'ih", "Pasayangan"]
    assert set(harness.column(Column.REGENCY)) == {"Kab. Banjar"}
    harness.pick("regencyCombo", None)
    assert len(harness.villages()) == 6


def test_the_status_picker_and_text_combine_and_clear_filters_resets_all(
    harness: Harness, surveys: dict[str, uuid.UUID], qtbot: QtBot
) -> None:
    harness.reload()
    page = harness.page
    assert not page.ui.clearFiltersButton.isEnabled()
    harness.pick("statusCombo", "draft")
    assert harness.villages() == ["Benua Lawas", "Bi'ih"]
    harness.pick("statusCombo", "final")
    assert harness.villages() == SEEDED
    qtbot.keyClicks(page.ui.searchEdit, "mesjid")
    assert harness.villages() == ["Seberang Mesjid"]

    assert page.ui.clearFiltersButton.isEnabled()
    qtbot.mouseClick(page.ui.clearFiltersButton, Qt.MouseButton.LeftButton)
    assert len(harness.villages()) == 6
    assert page.ui.searchEdit.text() == ""
    assert page.ui.statusCombo.currentIndex() == page.ui.regencyCombo.currentIndex() == 0
    assert not page.ui.clearFiltersButton.isEnabled()


def test_clicking_the_stars_header_sorts_by_number_of_stars(
    harness: Harness, surveys: dict[str, uuid.UUID]
) -> None:
    harness.reload()
    assert harness.page.select_survey(surveys["Pasayangan"])
    harness.click_header(Column.STARS)
    assert harness.page.selected_survey_id() == surveys["Pasayangan"]
    shown = [text.count("★") for text in harness.column(Column.STARS)]
    assert shown == sorted(shown) and shown[:2] == [0, 0]  # the drafts have no rating
    harness.click_header(Column.STARS)
    shown = [text.count("★") for text in harness.column(Column.STARS)]
    assert shown == sorted(shown, reverse=True) and shown[0] > 0


def test_clicking_the_date_header_sorts_by_date_not_by_text(
    harness: Harness, surveys: dict[str, uuid.UUID]
) -> None:
    harness.reload()
    harness.click_header(Column.DATE)
    proxy = harness.page.proxy
    dates = [
        harness.page.model.survey_at(proxy.mapToSource(proxy.index(row, 0)).row()).survey_date
        for row in range(proxy.rowCount())
    ]
    assert dates == sorted(dates)
    assert harness.column(Column.VILLAGE)[0] == "Bi'ih"  # 1 Jul 2026, before the August ones
    harness.click_header(Column.DATE)
    assert harness.column(Column.VILLAGE)[-1] == "Bi'ih"


def test_double_click_and_enter_open_the_survey_of_the_row(
    harness: Harness, surveys: dict[str, uuid.UUID], qtbot: QtBot
) -> None:
    harness.reload()
    table = harness.page.ui.surveyTable
    row = harness.page.proxy_row(surveys["Pasayangan"])
    assert row is not None
    rect = table.visualRect(harness.page.proxy.index(row, Column.VILLAGE))
    with qtbot.waitSignal(harness.page.openRequested) as opened:
        # QTest sends the double-click event alone; a real one comes after a first click.
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [surveys["Pasayangan"]]

    assert harness.page.select_survey(surveys["Seberang Mesjid"])
    table.setFocus()
    with qtbot.waitSignal(harness.page.openRequested) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [surveys["Seberang Mesjid"]]


def test_no_surveys_shows_how_to_record_the_first(
    harness: Harness, db: Database, qtbot: QtBot
) -> None:
    page = harness.page
    harness.reload()
    assert page.ui.stack.currentWidget() is page.ui.emptyPage
    assert page.ui.emptyLabel.text() == (
        "Belum ada survei. Tekan Ctrl+N untuk mencatat survei pertama."
    )
    assert not page.ui.searchEdit.isEnabled()
    assert not page.ui.countLabel.isVisible()
    assert page.ui.newSurveyButton.text() == "&Survei baru"
    with qtbot.waitSignal(page.newRequested):
        qtbot.mouseClick(page.ui.newSurveyButton, Qt.MouseButton.LeftButton)

    create_survey(db, SurveyInput(BIIH, date(2026, 7, 1)))
    harness.reload()
    assert page.ui.stack.currentWidget() is page.ui.tablePage
    assert harness.villages() == ["Bi'ih"]


def test_reload_keeps_the_selected_survey_selected(
    harness: Harness, db: Database, surveys: dict[str, uuid.UUID]
) -> None:
    harness.reload()
    harness.pick("regencyCombo", "Kota Banjarmasin")
    assert harness.page.select_survey(surveys["Seberang Mesjid"])
    # A new survey in the same city that sorts before it moves its row.
    create_survey(db, SurveyInput(SEBERANG_MESJID, date(2026, 1, 2)))
    harness.reload()
    assert harness.page.selected_survey_id() == surveys["Seberang Mesjid"]
    assert harness.page.ui.regencyCombo.currentText() == "Kota Banjarmasin"
    assert harness.villages() == ["Seberang Mesjid", "Seberang Mesjid"]


def test_focus_search_puts_the_cursor_in_the_search_box(
    harness: Harness, surveys: dict[str, uuid.UUID], qtbot: QtBot
) -> None:
    harness.reload()
    harness.page.ui.surveyTable.setFocus()
    harness.page.activateWindow()
    harness.page.focus_search()
    qtbot.waitUntil(harness.page.ui.searchEdit.hasFocus)


def test_the_first_rows_show_before_the_rest_and_filters_and_sorting_cover_all(
    harness: Harness, surveys: dict[str, uuid.UUID], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(survey_list_page, "FIRST_ROWS", 2)
    model = harness.page.model
    shown: list[int] = []  # the rows the model held each time it told the view of new ones
    model.modelReset.connect(lambda: shown.append(model.rowCount()))
    model.rowsInserted.connect(lambda *_: shown.append(model.rowCount()))
    harness.reload()
    assert shown == [2, len(surveys)]
    # The rest came after the first two: searching and sorting reach them as well.
    harness.page.ui.searchEdit.setText("benua")
    assert harness.villages() == ["Benua Lawas"]
    harness.page.clear_filters()
    harness.click_header(Column.VILLAGE)
    assert harness.column(Column.VILLAGE) == sorted(surveys, key=str.casefold)
    assert harness.page.ui.countLabel.text() == f"{len(surveys)} dari {len(surveys)} survei"


def test_a_point_outside_its_village_is_flagged_with_how_far_and_where(
    qtbot: QtBot, db: Database, app_paths: AppPaths, indonesian: str
) -> None:
    mantuil, benua_lawas = (-3.3546, 114.5467), (-3.8734, 114.6788)
    far = create_survey(
        db, SurveyInput(BENUA_LAWAS, date(2026, 8, 3), latitude=mantuil[0], longitude=mantuil[1])
    )
    near = create_survey(
        db,
        SurveyInput(
            BENUA_LAWAS, date(2026, 8, 4), latitude=benua_lawas[0], longitude=benua_lawas[1]
        ),
    )
    without = create_survey(db, SurveyInput(BIIH, date(2026, 7, 1)))
    harness = Harness(qtbot, db)
    harness.page.check_points(app_paths)
    harness.reload()
    proxy = harness.page.proxy

    def cell(survey_id: uuid.UUID, role: Qt.ItemDataRole) -> object:
        row = harness.page.proxy_row(survey_id)
        assert row is not None
        return proxy.index(row, Column.VILLAGE).data(role)

    qtbot.waitUntil(lambda: str(cell(far, Qt.ItemDataRole.DisplayRole)).startswith("⚑"))
    assert cell(far, Qt.ItemDataRole.DisplayRole) == "⚑ Benua Lawas"
    tip = str(cell(far, Qt.ItemDataRole.ToolTipRole))
    assert tip.startswith("Benua Lawas: ")
    assert " km di luar batas Desa Benua Lawas; titik ini berada di Kelurahan Mantuil" in tip
    assert cell(near, Qt.ItemDataRole.DisplayRole) == "Benua Lawas"
    assert cell(without, Qt.ItemDataRole.DisplayRole) == "Bi'ih"
    assert cell(near, Qt.ItemDataRole.ToolTipRole) == "Benua Lawas"
    harness.worker.wait()
