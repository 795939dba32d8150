"""Render every main screen and dialog to PNG on demo data, in Indonesian and English, at a field
laptop's 1024×600 logical pixels (1366×768 at 125 %) and at 1366×768.

    QT_QPA_PLATFORM=offscreen python packaging/screenshots.py OUTPUT_DIR     (make screenshots)

The output folder is ignored by git. Look at the pictures: nothing may be clipped or untranslated.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget
from screens_dashboard import render_dashboard  # beside this file
from screens_map import render_map
from screens_review import render_review

from ovop_desktop.paths import resolve_paths
from ovop_desktop.services.database import Database
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.services.regions import import_regions
from ovop_desktop.services.rubrics import rubric_in_force
from ovop_desktop.services.surveys.capture import SurveyInput, create_survey
from ovop_desktop.services.surveys.recovery import PendingEdits, RecoveryJournal
from ovop_desktop.services.surveys.survey_list import list_surveys
from ovop_desktop.services.surveys.survey_row import SurveyRow
from ovop_desktop.ui import dialogs, i18n
from ovop_desktop.ui.app import offer_recovery, prepare_database
from ovop_desktop.ui.main_window import SETTINGS_PAGE, MainWindow
from ovop_desktop.ui.worker import Worker

SHARED_LIST = Path(__file__).resolve().parents[2] / "shared" / "data" / "kalsel-kode-wilayah.csv"
SIZES = ((1024, 600), (1366, 768))
# A dialog's size at each window size: what the dialog opens at on such a screen.
DIALOG_SIZES = {(1024, 600): (1000, 580), (1366, 768): (1200, 720)}


class Shots:
    def __init__(
        self, app: QApplication, out: Path, language: str, size: tuple[int, int] = SIZES[-1]
    ) -> None:
        self.app, self.out, self.language, self.size = app, out, language, size

    def settle(self, worker: Worker) -> None:
        for _ in range(8):
            worker.wait()
            self.app.processEvents()

    def save(self, name: str, widget: QWidget | QPixmap) -> None:
        target = self.out / f"{name}-{self.size[0]}-{self.language}.png"
        (widget if isinstance(widget, QPixmap) else widget.grab()).save(str(target))
        print(target)


def _seeded(home: str) -> tuple[Database, list[SurveyRow]]:
    paths = resolve_paths(home).ensure()
    db = prepare_database(paths, None)
    if SHARED_LIST.exists():
        import_regions(db, SHARED_LIST.read_bytes())
    seed_demo(db)
    return db, list_surveys(db, rubric_in_force(db))


def _window(shots: Shots, db: Database, home: str) -> tuple[MainWindow, Worker]:
    worker = Worker()
    window = MainWindow(db, resolve_paths(home), worker)
    window.resize(*shots.size)
    window.show()
    shots.settle(worker)
    return window, worker


def render(shots: Shots) -> None:
    with tempfile.TemporaryDirectory() as home:
        db, rows = _seeded(home)
        window, worker = _window(shots, db, home)
        shots.save("survei-daftar", window)
        window.survey_list.ui.searchEdit.setText("purun")
        window.survey_list.ui.searchEdit.textEdited.emit("purun")
        shots.settle(worker)
        shots.save("survei-daftar-cari", window)
        window.survey_list.ui.searchEdit.clear()
        window.survey_list.ui.searchEdit.textEdited.emit("")

        window.open_survey(rows[1].survey_id)
        shots.settle(worker)
        for row, name in enumerate(("tempat", "petugas", "keterangan", "produk")):
            window.editor.ui.sectionList.setCurrentRow(row)
            shots.settle(worker)
            shots.save(f"survei-editor-{name}", window)
        dialogs.ask_reason(
            window,
            window.editor.tr("Correct a final survey"),
            window.editor.tr(
                "Why does this final survey need a correction? The "
                "reason is kept with every change in the audit log."
            ),
            lambda _reason: None,
        )
        _save_dialog(shots, worker, "dialog-alasan-koreksi")
        dialogs.confirm(
            window,
            window.editor.tr("Delete survey"),
            window.editor.tr("Delete this survey? You can undo it until the next export."),
            window.editor.tr("Delete"),
            lambda: None,
        )
        _save_dialog(shots, worker, "dialog-hapus")

        first = rows[0]
        incomplete = create_survey(db, SurveyInput(first.village_code, first.survey_date))
        window.open_survey(incomplete)
        shots.settle(worker)
        window.editor.ui.finalizeButton.click()
        shots.settle(worker)
        shots.save("survei-belum-lengkap", window)

        window.new_survey()
        shots.settle(worker)
        window.editor.ui.villageSearch.setText("sungai")
        window.editor.picker._on_debounce_timeout()
        shots.settle(worker)
        shots.save("survei-baru", window)

        window.ui.navigation.setCurrentRow(SETTINGS_PAGE)
        shots.settle(worker)
        shots.save("pengaturan", window)
        _assessment_screens(shots, window, worker, rows)
        _letter_screens(shots, window, worker, rows)
        for row, name in ((3, "sinkronisasi"),):
            window.ui.navigation.setCurrentRow(row)
            shots.settle(worker)
            shots.save(name, window)

        window.ui.navigation.setCurrentRow(0)
        offer_recovery(window, _journal_with(home, rows[2]))
        _save_dialog(shots, worker, "dialog-pemulihan")
        shots.save(
            "dialog-galat-tak-terduga",
            dialogs.build_crash_dialog(
                window,
                "OVOP Desktop 0.1.0, Python 3.11\n\nTraceback (most recent call last):\n"
                '  File "survey_editor.py", line 1, in save_now\n'
                "ZeroDivisionError: division by zero",
            ),
        )
        _template_screens(shots, window, worker, rows[0], Path(home))
        window.close()
        worker.wait()
        db.dispose()
    with tempfile.TemporaryDirectory() as empty_home:
        paths = resolve_paths(empty_home).ensure()
        db = prepare_database(paths, None)
        window, worker = _window(shots, db, empty_home)
        shots.save("survei-kosong", window)
        window.close()
        worker.wait()
        db.dispose()
    render_dashboard(shots)  # the province place: packaging/screens_dashboard.py
    render_review(shots)  # and packaging/screens_review.py
    render_map(shots)  # the Peta place: packaging/screens_map.py


def _assessment_screens(
    shots: Shots, window: MainWindow, worker: Worker, rows: list[SurveyRow]
) -> None:
    """The assessment panel (a food candidate capped by its gate), the village ranking with its
    radar chart, and the regional ranking of the province."""
    window.ui.navigation.setCurrentRow(1)
    shots.settle(worker)
    page = window.assessment_page
    food = next((r for r in rows if r.village == "Kandangan Kota"), rows[0])
    page.open_survey(food.survey_id)
    shots.settle(worker)
    for index in range(page.candidates.count()):
        if "Dodol" in page.candidates.item(index).text():
            page.candidates.setCurrentRow(index)
    shots.settle(worker)
    shots.save("penilaian-panel", window)
    page.tabs.setCurrentWidget(page.village)
    shots.settle(worker)
    shots.save("penilaian-peringkat-desa", window)
    page.tabs.setCurrentWidget(page.regional)
    shots.settle(worker)
    shots.save("penilaian-peringkat-wilayah", window)
    page.tabs.setCurrentWidget(page.panel)


def _letter_screens(
    shots: Shots, window: MainWindow, worker: Worker, rows: list[SurveyRow]
) -> None:
    """The Surat section (surveys and the register) and the letter dialog with its preview."""
    from ovop_desktop.ui.letters.letter_dialog import LetterDialog

    window.ui.navigation.setCurrentRow(2)
    shots.settle(worker)
    shots.save("surat", window)
    dialog = LetterDialog(window.db, window.paths, worker, rows[3].survey_id, window.rubric, window)
    dialog.resize(*DIALOG_SIZES[shots.size])
    dialog.show()
    for _ in range(4):
        shots.settle(worker)
    shots.save("surat-dialog", dialog)
    pages = dialog.preview.pixmaps()
    if len(pages) > 1:  # the attachment's ranking page, with the village's locator map
        shots.save("surat-lampiran-peta", pages[1])
    dialog.close()
    from ovop_desktop.ui.letters.letter_settings_dialog import LetterSettingsDialog

    settings = LetterSettingsDialog(window.db, worker, window)
    settings.resize(*DIALOG_SIZES[shots.size])
    settings.show()
    for _ in range(4):
        shots.settle(worker)
    shots.save("surat-pengaturan", settings)
    settings.close()


def _template_screens(
    shots: Shots, window: MainWindow, worker: Worker, row: SurveyRow, home: Path
) -> None:
    """The Excel template menu open on the Survei page, a refused template with its problems,
    and the page after a filled template came in (last: it adds a survey to the demo data)."""
    from ovop_desktop.services.surveys.xlsx_template import write_template

    window.focus_search()  # back from the editor to the list
    window.survey_list.ui.searchEdit.clearFocus()
    shots.settle(worker)
    page = window.survey_list
    button, menu = page.ui.templateButton, page.template_menu.menu
    under_button = button.mapTo(window, button.rect().bottomLeft())
    menu.popup(button.mapToGlobal(button.rect().bottomLeft()))
    shots.settle(worker)
    picture = window.grab()
    painter = QPainter(picture)
    # Drawn under the button: the offscreen screen is narrower than the window and pushes the
    # popup itself to the left.
    painter.drawPixmap(under_button, menu.grab())
    painter.end()
    shots.save("survei-templat-menu", picture)
    menu.hide()

    def filled(name: str, rows: dict[str, list[list[object]]]) -> str:
        path = write_template(window.db, window.rubric, home / name)
        book = openpyxl.load_workbook(path)
        for sheet, values in rows.items():
            for number, row_values in enumerate(values, start=2):
                for column, value in enumerate(row_values, start=1):
                    book[sheet].cell(number, column, value)
        book.save(path)
        return str(path)

    village = f"{row.village_code} — {row.village}"
    page.template_menu.import_filled(
        filled(
            "isi-kecamatan.xlsx",
            {
                "Survei": [[1, village, "31/02/2026"], [1, "63.99.99.2999", "04/08/2026"]],
                "Kandidat": [[1, "Anyaman Purun", "Mebel"], [3, "Dodol", "Makanan"]],
                "Tingkat": [[1, "Anyaman Purun", 5, 3, 7]],
            },
        )
    )
    shots.settle(worker)
    shots.save("survei-templat-ditolak", window)
    _save_dialog(shots, worker, "dialog-templat-masalah")
    page.template_menu.import_filled(
        filled(
            "isi-desa.xlsx",
            {
                "Survei": [[1, village, "02/01/2026", "Siti Rahmah"]],
                "Kandidat": [[1, "Anyaman Purun", "Anyaman"], [1, "Amplang", "Makanan"]],
                "Tingkat": [[1, "Anyaman Purun", 5, 3, 3, 4, 3, 3, 3, 4], [1, "Amplang", 4, 4]],
            },
        )
    )
    shots.settle(worker)
    shots.save("survei-templat-diimpor", window)


def _journal_with(home: str, row: SurveyRow) -> RecoveryJournal:
    journal = RecoveryJournal(resolve_paths(home).data_dir)
    journal.write(PendingEdits(row.survey_id, row.village, {"notes": "…"}))
    return journal


def _save_dialog(shots: Shots, worker: Worker, name: str) -> None:
    shots.settle(worker)
    shown = [
        w
        for w in shots.app.topLevelWidgets()
        if w.isVisible() and w.isWindow() and w.windowType() != 0 and not isinstance(w, MainWindow)
    ]
    dialog = next((w for w in shown if w.inherits("QDialog")), None)
    if dialog is None:
        print(f"no dialog for {name}", file=sys.stderr)
        return
    shots.save(name, dialog)
    dialog.close()
    dialog.deleteLater()
    shots.settle(worker)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    for size in SIZES:
        for language in ("id", "en"):
            i18n.install(app, language)
            render(Shots(app, out, language, size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
