"""Penetapan: the province records, lists, revokes and prints designated OVOP products on real
widgets over a demo database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ovop_desktop.core.regions import regency_code
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.services.province.designations import (
    DesignationInput,
    designate,
    list_designations,
    region_candidates,
)
from ovop_desktop.services.rubrics import rubric_in_force
from ovop_desktop.services.surveys.survey_list import list_surveys
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.province.designation_dialog import OTHER_PRODUCT, DesignationDialog
from ovop_desktop.ui.province.designation_page import (
    DECREE,
    PRODUCT,
    REGENCY,
    VILLAGE,
    DesignationPage,
)
from ovop_desktop.ui.worker import Worker

TAKISUNG = "63.01.01"  # Kabupaten Tanah Laut, in the sample region list
TABANIO = "63.01.01.2002"


@pytest.fixture
def worker() -> Iterator[Worker]:
    shared = Worker()
    yield shared
    shared.wait()


@pytest.fixture
def surveyed(db: Database) -> list[str]:
    """Three demo surveys; the first village's top candidate is designated."""
    seed_demo(db, villages=3)
    rubric = rubric_in_force(db)
    codes = [row.village_code for row in list_surveys(db, rubric)]
    designate(
        db,
        DesignationInput(
            codes[0],
            date(2026, 11, 3),
            "Hasil penilaian OVOP 2026",
            "500.2/188/DKUKM/XI/2026",
            product_id=region_candidates(db, codes[0])[0].product_id,
        ),
        rubric,
    )
    return codes


@pytest.fixture
def page(
    qtbot: QtBot, db: Database, app_paths: AppPaths, worker: Worker, surveyed: list[str]
) -> DesignationPage:
    shown = DesignationPage(db, app_paths, worker)
    qtbot.addWidget(shown)
    shown.resize(1130, 700)
    shown.show()
    shown.load()
    qtbot.waitUntil(lambda: shown.tree.topLevelItemCount() == 1)
    return shown


def _open_dialog(qtbot: QtBot, page: DesignationPage) -> DesignationDialog:
    page.record_button.click()
    dialog = page.designation_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.regency.count() > 1)  # the region list has loaded
    return dialog


def test_the_designations_are_listed_per_regency(
    page: DesignationPage, surveyed: list[str]
) -> None:
    item = page.tree.topLevelItem(0)
    assert item is not None
    assert item.text(DECREE) == "500.2/188/DKUKM/XI/2026"
    assert not page.tree.isColumnHidden(REGENCY)
    assert not page.print_button.isEnabled()  # printed per regency: none chosen yet

    page.show_regency(regency_code(surveyed[0]))
    assert page.tree.topLevelItemCount() == 1
    assert page.tree.isColumnHidden(REGENCY)
    assert page.print_button.isEnabled()
    other = next(
        page.regency_combo.itemData(i)
        for i in range(1, page.regency_combo.count())
        if page.regency_combo.itemData(i) != regency_code(surveyed[0])
    )
    page.show_regency(other)
    assert page.tree.topLevelItemCount() == 0
    assert page.empty_label.isVisible()
    assert page.count_label.text() == "0 designations"


def test_a_village_is_designated_with_one_of_its_candidates(
    qtbot: QtBot, page: DesignationPage, db: Database, surveyed: list[str]
) -> None:
    village = surveyed[1]
    dialog = _open_dialog(qtbot, page)
    dialog.choose_region(village)
    qtbot.waitUntil(lambda: dialog.product.count() > 1)
    candidate = region_candidates(db, village)[0]
    assert dialog.product.currentData() == candidate.product_id
    assert not dialog.product_name.isEnabled()  # the name comes from the candidate
    qtbot.waitUntil(lambda: dialog.village.currentData() == village)  # the picker follows
    dialog.basis.setPlainText("Hasil penilaian OVOP 2026 dan rapat tim")
    dialog.decree.setText("500.2/190/DKUKM/XI/2026")
    dialog.save_button.click()

    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 2)
    stored = next(row for row in list_designations(db) if row.region_code == village)
    assert (stored.product_id, stored.product_name) == (candidate.product_id, candidate.name)
    assert stored.decided_on == date.today()
    assert page.message.text() == "The designation is recorded."


def test_a_whole_district_is_designated_with_a_typed_product(
    qtbot: QtBot, page: DesignationPage, db: Database
) -> None:
    dialog = _open_dialog(qtbot, page)
    dialog.choose_region(TAKISUNG)
    qtbot.waitUntil(lambda: dialog.district.currentData() == TAKISUNG)
    assert dialog.region_label.text() == "The designation will cover the whole district."
    dialog.product.setCurrentIndex(dialog.product.findData(OTHER_PRODUCT))
    assert dialog.product_name.isEnabled() and dialog.category.isEnabled()
    dialog.product_name.setText("Terasi Takisung")
    dialog.category.setCurrentIndex(dialog.category.findData("makanan"))
    dialog.basis.setPlainText("Usulan camat dan verifikasi tim kabupaten")
    dialog.decree.setText("188.45/077/KUM/2026")
    dialog.save_button.click()

    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 2)
    [row] = [r for r in list_designations(db) if r.region_code == TAKISUNG]
    assert (row.product_name, row.category, row.village) == ("Terasi Takisung", "makanan", None)
    texts = [page.tree.topLevelItem(i).text(VILLAGE) for i in range(2)]  # type: ignore[union-attr]
    assert "(whole district)" in texts


def test_refusals_show_next_to_their_field(
    qtbot: QtBot, page: DesignationPage, db: Database, surveyed: list[str]
) -> None:
    dialog = _open_dialog(qtbot, page)
    dialog.save_button.click()  # checked in the order of the form, from the top
    qtbot.waitUntil(lambda: dialog.errors["region_code"].isVisible())
    assert "village or a district" in dialog.errors["region_code"].text()
    dialog.choose_region(TAKISUNG)
    qtbot.waitUntil(lambda: dialog.product.count() >= 1)
    dialog.product.setCurrentIndex(dialog.product.findData(OTHER_PRODUCT))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.errors["product"].isVisible())
    assert not dialog.errors["region_code"].isVisible()
    dialog.product_name.setText("Terasi")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.errors["category"].isVisible())
    dialog.category.setCurrentIndex(dialog.category.findData("makanan"))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.errors["basis"].isVisible())
    dialog.basis.setPlainText("Hasil penilaian")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.errors["decree"].isVisible())
    assert "decree" in dialog.errors["decree"].text()
    dialog.decree.setText("188.45/1/KUM/2026")

    dialog.choose_region(surveyed[0])  # already designated
    qtbot.waitUntil(lambda: dialog.product.count() > 1)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "already has a designated" in dialog.errors["region_code"].text())
    assert dialog.isVisible()
    assert len(list_designations(db, include_revoked=True)) == 1


def test_revoking_asks_why_and_keeps_the_designation_on_record(
    qtbot: QtBot, page: DesignationPage, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def ask_reason(
        _parent: QWidget, title: str, _text: str, on_reason: Callable[[str], None]
    ) -> None:
        asked.append(title)
        on_reason("SK diganti")

    monkeypatch.setattr(dialogs, "ask_reason", ask_reason)
    assert not page.revoke_button.isEnabled()
    page.tree.setCurrentItem(page.tree.topLevelItem(0))
    assert page.revoke_button.isEnabled()
    page.revoke_button.click()

    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 0)
    assert asked and asked[0].startswith("Revoke the designation of ")
    [row] = list_designations(db, include_revoked=True)
    assert row.revoked_reason == "SK diganti"
    page.revoked_check.setChecked(True)
    item = page.tree.topLevelItem(0)
    assert item is not None and item.font(PRODUCT).strikeOut()
    assert item.toolTip(PRODUCT).endswith("SK diganti")
    page.tree.setCurrentItem(item)
    assert not page.revoke_button.isEnabled()  # revoked once is enough


def test_the_summary_of_a_regency_is_saved_as_a_pdf(
    qtbot: QtBot,
    page: DesignationPage,
    app_paths: AppPaths,
    surveyed: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    suggested: list[str] = []

    def save_file(
        _parent: QWidget,
        _title: str,
        name: str,
        _filter: str,
        on_path: Callable[[str], None],
        on_cancel: Callable[[], None] | None = None,
    ) -> None:
        suggested.append(name)
        on_path(str(tmp_path / name))

    monkeypatch.setattr(dialogs, "save_file", save_file)
    page.show_regency(regency_code(surveyed[0]))
    page.print_button.click()

    qtbot.waitUntil(page.open_button.isVisible)
    assert suggested[0].startswith("penetapan-ovop-") and suggested[0].endswith(".pdf")
    target = tmp_path / suggested[0]
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(target.read_bytes())).pages)
    assert "REKAPITULASI PRODUK OVOP YANG DITETAPKAN" in text
    assert "500.2/188/DKUKM/XI/2026" in text
    assert (app_paths.data_dir / "rekapitulasi" / suggested[0]).exists()
    assert str(target) in page.message.text()


def test_the_page_fits_the_screen_beside_the_navigation(page: DesignationPage) -> None:
    hint = page.minimumSizeHint()
    assert hint.width() <= 1130 and hint.height() <= 700
    tree = page.tree
    used = sum(tree.columnWidth(c) for c in range(tree.columnCount()) if not tree.isColumnHidden(c))
    assert used <= tree.viewport().width() + 2
