"""Screenshots of province mode's review and designation at 1366×768, on demo data with reviews
in every state and designations of villages and a kecamatan.

`render_review(shots)` is called by packaging/screenshots.py with its `Shots`; it saves, each as
``<name>-<language>.png``: ``tinjauan`` (the review page, a survey needing correction selected
with its history), ``tinjauan-perbaikan`` (filtered to the surveys needing correction),
``dialog-tinjauan`` (the set-state dialog), ``penetapan`` (the designations of one kabupaten),
``dialog-penetapan`` (recording a designation) and ``penetapan-rekap`` (the first page of the
printed designation summary).
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from ovop_desktop.paths import resolve_paths
from ovop_desktop.services.database import Database
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.services.province.designation_summary import designation_summary_pdf
from ovop_desktop.services.province.designations import (
    DesignationInput,
    designate,
    region_candidates,
)
from ovop_desktop.services.province.mode import set_province_mode
from ovop_desktop.services.province.reviews import (
    APPROVED,
    NEEDS_CORRECTION,
    RECEIVED,
    review_rows,
    set_review,
)
from ovop_desktop.services.regions import import_regions
from ovop_desktop.services.rubrics import rubric_in_force
from ovop_desktop.services.surveys.capture import update_survey
from ovop_desktop.ui.app import prepare_database
from ovop_desktop.ui.kit.pdf_preview import render_pages
from ovop_desktop.ui.main_window import PROVINCE_PAGE, MainWindow
from ovop_desktop.ui.worker import Worker

SHARED_LIST = Path(__file__).resolve().parents[2] / "shared" / "data" / "kalsel-kode-wilayah.csv"
REVIEWER = "Siti Rahmawati, S.E., M.M."
COMMENTS = (
    "Foto produk Anyaman Purun buram; ambil ulang di siang hari.",
    "Jumlah KK dan jumlah UMKM belum diisi. Mohon dilengkapi dari data kantor desa.",
    "Izin PIRT untuk Dodol Kandangan: lampirkan foto sertifikatnya.",
)


class ShotsLike(Protocol):
    """What render_review needs of packaging/screenshots.py's `Shots`."""

    size: tuple[int, int]

    app: QApplication
    language: str

    def settle(self, worker: Worker) -> None: ...

    def save(self, name: str, widget: QWidget | QPixmap) -> None: ...


def province_database(home: Path) -> Database:
    """Demo surveys with reviews in every state, and designations in Kabupaten Banjar."""
    paths = resolve_paths(home).ensure()
    db = prepare_database(paths, None)
    if SHARED_LIST.exists():
        import_regions(db, SHARED_LIST.read_bytes())
    seed_demo(db)
    rows = review_rows(db)
    for index, row in enumerate(rows):
        kind = index % 4
        if kind == 3:
            continue  # not reviewed yet
        set_review(db, row.survey_id, RECEIVED, reviewer=REVIEWER)
        if kind in (0, 2):
            comment = COMMENTS[index % len(COMMENTS)]
            set_review(db, row.survey_id, NEEDS_CORRECTION, comment, reviewer=REVIEWER)
        if kind == 2:
            set_review(db, row.survey_id, APPROVED, "Sudah diperbaiki.", reviewer=REVIEWER)
    corrected = next(r for i, r in enumerate(rows) if i % 4 == 0)
    update_survey(db, corrected.survey_id, {"umkm_count": 48}, reason="Perbaikan petugas")
    rubric = rubric_in_force(db)
    for row in rows:
        candidates = region_candidates(db, row.village_code)
        if row.village_code.startswith("63.03.") and candidates:
            designate(
                db,
                DesignationInput(
                    row.village_code,
                    date(2026, 11, 3),
                    "Hasil penilaian OVOP 2026 dan berita acara rapat tim penilai provinsi "
                    "tanggal 28 Oktober 2026",
                    "500.2/188/DKUKM/XI/2026",
                    product_id=candidates[0].product_id,
                ),
                rubric,
            )
    designate(
        db,
        DesignationInput(
            "63.03.04",
            date(2026, 9, 9),
            "Usulan Bupati Banjar dan verifikasi lapangan tim kabupaten",
            "188.45/077/KUM/2026",
            product_name="Jeruk Siam Banjar",
            category="makanan",
        ),
        rubric,
    )
    return db


def _window(shots: ShotsLike, db: Database, home: Path) -> tuple[MainWindow, Worker]:
    """The main window in province mode, shown."""
    set_province_mode(db, True)
    worker = Worker()
    window = MainWindow(db, resolve_paths(home), worker)
    window.resize(*shots.size)
    window.show()
    shots.settle(worker)
    return window, worker


def _open_tab(window: MainWindow, page: QWidget) -> None:
    window.go_to(PROVINCE_PAGE)
    window.province_page.tabs.setCurrentWidget(page)


def _review_screens(shots: ShotsLike, window: MainWindow, worker: Worker) -> None:
    page = window.province_page.review
    _open_tab(window, page)
    page.load()
    shots.settle(worker)
    page.table.setFocus()
    page.select_survey(page.proxy.survey_id(min(4, page.proxy.rowCount() - 1)))
    shots.settle(worker)
    shots.save("tinjauan", window)
    page.show_state(NEEDS_CORRECTION)
    page.select_survey(page.proxy.survey_id(0))
    shots.settle(worker)
    shots.save("tinjauan-perbaikan", window)
    page.review_button.click()
    dialog = page.review_dialog
    assert dialog is not None
    dialog.state_buttons[NEEDS_CORRECTION].setChecked(True)
    dialog.comment.setPlainText(COMMENTS[1])
    shots.settle(worker)
    shots.save("dialog-tinjauan", dialog)
    dialog.reject()
    shots.settle(worker)


def _designation_screens(shots: ShotsLike, window: MainWindow, worker: Worker) -> None:
    page = window.province_page.designation
    _open_tab(window, page)
    page.load()
    shots.settle(worker)
    page.show_regency("63.03")
    first = page.tree.topLevelItem(0)
    assert first is not None, "the designation tree is empty"
    page.tree.setCurrentItem(first)
    shots.settle(worker)
    shots.save("penetapan", window)
    page.record_button.click()
    dialog = page.designation_dialog
    assert dialog is not None
    shots.settle(worker)
    dialog.choose_region("63.03.05")  # Kecamatan Martapura, not designated yet
    for _ in range(3):
        shots.settle(worker)
    dialog.basis.setPlainText("Hasil penilaian OVOP 2026 (4 bintang) dan rapat tim penilai")
    dialog.decree.setText("500.2/201/DKUKM/XII/2026")
    shots.settle(worker)
    shots.save("dialog-penetapan", dialog)
    dialog.reject()
    shots.settle(worker)
    pdf = designation_summary_pdf(window.db, "63.03", rubric_in_force(window.db))
    shots.save("penetapan-rekap", QPixmap.fromImage(render_pages(pdf, 80)[0]))


def render_review(shots: ShotsLike) -> None:
    """Save the review and designation screens in the language installed for `shots`."""
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        db = province_database(home)
        window, worker = _window(shots, db, home)
        _review_screens(shots, window, worker)
        _designation_screens(shots, window, worker)
        window.close()
        worker.wait()
        db.dispose()
