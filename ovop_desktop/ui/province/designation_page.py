"""Penetapan (province mode): the designated OVOP product of each village or kecamatan, per
kabupaten/kota; record one (designation_dialog), revoke one with a reason (it stays on record),
and print the designation summary of a kabupaten/kota as a PDF.

Lists load on the worker; the summary is built and written there too.
"""

from __future__ import annotations

import contextlib
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Slot
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ovop_desktop.core.formatting import short_regency
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.province.designation_summary import (
    designation_summary_pdf,
    summary_file_name,
)
from ovop_desktop.services.province.designations import (
    DesignationRow,
    list_designations,
    revoke_designation,
)
from ovop_desktop.services.regions import RegionHit, regencies
from ovop_desktop.services.rubrics import rubric_in_force
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.kit.combo import refill_combo
from ovop_desktop.ui.kit.display import category_names, short_date
from ovop_desktop.ui.kit.messages import ERROR_STYLE, OK_STYLE
from ovop_desktop.ui.kit.page import page_title
from ovop_desktop.ui.kit.pdf_preview import write_pdf
from ovop_desktop.ui.kit.read_only_table import read_only_tree
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.province.designation_dialog import DesignationDialog
from ovop_desktop.ui.worker import Worker

ID_ROLE = Qt.ItemDataRole.UserRole
GREY = QBrush(QColor("#8a8f94"))
REGENCY, DISTRICT, VILLAGE, PRODUCT, CATEGORY, DECIDED, DECREE, BASIS = range(8)
# Widest content of the narrow columns; product and basis share what is left.
_SAMPLES = {
    REGENCY: "Kab. Hulu Sungai Selatan",
    DISTRICT: "Banjarmasin Tengah",
    VILLAGE: "Kandangan Kota",
    CATEGORY: "Tenun / kain / batik",
    DECIDED: "30 Sep 2026",
    DECREE: "500.2/188/DKUKM/XI/2026",
}
SUMMARY_FOLDER = "rekapitulasi"  # a copy of every printed summary, under the data folder


@dataclass(frozen=True)
class _Loaded:
    rubric: Rubric
    regencies: list[RegionHit]
    rows: list[DesignationRow]


def _load(db: Database) -> _Loaded:
    """The worker's job: no widget is touched here."""
    return _Loaded(rubric_in_force(db), regencies(db), list_designations(db, include_revoked=True))


class DesignationPage(QWidget):
    def __init__(
        self, db: Database, paths: AppPaths, worker: Worker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.paths, self.worker = db, paths, worker
        self.rubric: Rubric | None = None
        self.designation_dialog: DesignationDialog | None = None
        self._rows: list[DesignationRow] = []
        self._summary: Path | None = None

        self.record_button = QPushButton(self.tr("&Record designation…"))
        self.revoke_button = QPushButton(self.tr("Re&voke…"))
        self.print_button = QPushButton(self.tr("&Print summary…"))
        self.print_button.setToolTip(
            self.tr("Save the designation summary of the regency / city chosen as a PDF table")
        )
        top = QHBoxLayout()
        top.addWidget(page_title(self.tr("Designated OVOP products")))
        top.addStretch(1)
        for button in (self.record_button, self.revoke_button, self.print_button):
            top.addWidget(button)

        self.regency_combo = QComboBox()
        self.regency_combo.setAccessibleName(self.tr("Regency / City"))
        self.regency_combo.addItem(self.tr("All regencies / cities"), None)
        regency_label = QLabel(self.tr("Re&gency / City"))
        regency_label.setBuddy(self.regency_combo)
        self.revoked_check = QCheckBox(self.tr("Show revo&ked designations"))
        self.count_label = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(regency_label)
        filters.addWidget(self.regency_combo, 1)
        filters.addWidget(self.revoked_check)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        headers = [
            self.tr("Regency / City"),
            self.tr("District"),
            self.tr("Village"),
            self.tr("Product"),
            self.tr("Category"),
            self.tr("Decided on"),
            self.tr("Decree number"),
            self.tr("Decision basis"),
        ]
        self.tree = read_only_tree(
            headers, {**_SAMPLES, VILLAGE: (_SAMPLES[VILLAGE], self.tr("(whole district)"))}
        )

        self.empty_label = QLabel(self.tr("Loading designations…"))
        self.empty_label.setStyleSheet("color: #6b7075;")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("&Open PDF"))
        self.open_button.hide()
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.open_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.tree, 1)
        layout.addLayout(bottom)

        self.regency_combo.currentIndexChanged.connect(self._on_regency_combo_current_index_changed)
        self.revoked_check.toggled.connect(self._on_revoked_check_toggled)
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        self.record_button.clicked.connect(self._on_record_button_clicked)
        self.revoke_button.clicked.connect(self._on_revoke_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self._update_buttons()

    @staticmethod
    def navigation_text() -> str:
        """The section's name in the navigation list."""
        return QCoreApplication.translate("DesignationPage", "Designation")

    # --- loading and showing -----------------------------------------------------------------

    def load(self) -> None:
        """Reload the regencies and designations (when the page is shown)."""
        db = self.db
        Operation[_Loaded](self, self.worker).errors_in(self.message).always(
            self._update_buttons
        ).success(self._on_loaded).run(lambda: _load(db))

    @Slot(object)
    def _on_loaded(self, loaded: _Loaded) -> None:
        self.rubric, self._rows = loaded.rubric, loaded.rows
        refill_combo(self.regency_combo, [(hit.name, hit.code) for hit in loaded.regencies])
        self._show_rows()

    def show_regency(self, code: str | None) -> None:
        """Show the designations of one regency / city (None: all)."""
        self.regency_combo.setCurrentIndex(max(0, self.regency_combo.findData(code)))

    def regency_code(self) -> str | None:
        code = self.regency_combo.currentData()
        return code if isinstance(code, str) else None

    def _show_rows(self) -> None:
        kept = self.selected()
        regency, revoked = self.regency_code(), self.revoked_check.isChecked()
        # One regency chosen: its name is in the picker, the room goes to product and basis.
        self.tree.setColumnHidden(REGENCY, regency is not None)
        names = category_names(self.rubric) if self.rubric else {}
        self.tree.clear()
        shown = 0
        for row in self._rows:
            if (regency and row.regency_code != regency) or (row.revoked_at and not revoked):
                continue
            item = QTreeWidgetItem(
                [
                    short_regency(row.regency),
                    row.district,
                    row.village or self.tr("(whole district)"),
                    row.product_name,
                    names.get(row.category, row.category),
                    short_date(row.decided_on),
                    row.decree_number,
                    " ".join(row.basis.split()),
                ]
            )
            item.setData(0, ID_ROLE, row.designation_id)
            for column in range(self.tree.columnCount()):
                item.setToolTip(column, item.text(column))
            item.setToolTip(BASIS, row.basis)
            if row.revoked_at is not None:
                tip = (
                    self.tr("Revoked on %1: %2")
                    .replace("%1", short_date(row.revoked_at.astimezone()))
                    .replace("%2", row.revoked_reason or "")
                )
                for column in range(self.tree.columnCount()):
                    item.setForeground(column, GREY)
                    item.setToolTip(column, tip)
                    font = item.font(column)
                    font.setStrikeOut(True)
                    item.setFont(column, font)
            self.tree.addTopLevelItem(item)
            shown += 1
            if row.designation_id == kept:
                self.tree.setCurrentItem(item)
        self.count_label.setText(self.tr("%1 designations").replace("%1", str(shown)))
        if shown:
            self.empty_label.hide()
        else:
            self.empty_label.setText(
                self.tr("No product designated yet here. Press Record designation to add one.")
            )
            self.empty_label.show()
        self._update_buttons()

    def selected(self) -> uuid.UUID | None:
        item = self.tree.currentItem()
        value = item.data(0, ID_ROLE) if item is not None else None
        return value if isinstance(value, uuid.UUID) else None

    def selected_row(self) -> DesignationRow | None:
        chosen = self.selected()
        return next((r for r in self._rows if r.designation_id == chosen), None)

    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.revoke_button.setEnabled(row is not None and row.revoked_at is None)
        self.record_button.setEnabled(self.rubric is not None)
        self.print_button.setEnabled(self.rubric is not None and self.regency_code() is not None)

    @Slot(int)
    def _on_regency_combo_current_index_changed(self, _index: int) -> None:
        self._show_rows()

    @Slot(bool)
    def _on_revoked_check_toggled(self, _checked: bool) -> None:
        self._show_rows()

    @Slot(object, object)
    def _on_tree_current_item_changed(self, _current: object, _previous: object) -> None:
        self._update_buttons()

    # --- recording and revoking --------------------------------------------------------------

    @Slot()
    def _on_record_button_clicked(self) -> None:
        if self.rubric is None:
            return
        dialog = DesignationDialog(self.db, self.worker, self.rubric, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_designation_saved)
        dialog.finished.connect(self._on_designation_dialog_finished)
        self.designation_dialog = dialog
        dialog.open()

    @Slot(object)
    def _on_designation_saved(self, _designation_id: uuid.UUID) -> None:
        self._say(self.tr("The designation is recorded."), OK_STYLE)
        self.load()

    @Slot(int)
    def _on_designation_dialog_finished(self, _result: int) -> None:
        self.designation_dialog = None

    @Slot()
    def _on_revoke_button_clicked(self) -> None:
        row = self.selected_row()
        if row is None or row.revoked_at is not None:
            self._say(self.tr("Choose a designation that is in force first."), ERROR_STYLE)
            return
        dialogs.ask_reason(
            self,
            self.tr("Revoke the designation of %1").replace("%1", row.place),
            self.tr(
                "%1 (decree %2) will no longer be the designated product of %3. The "
                "designation stays on record as revoked, and a new product can then be "
                "designated. Why is it revoked?"
            )
            .replace("%1", row.product_name)
            .replace("%2", row.decree_number)
            .replace("%3", row.place),
            lambda reason: self.revoke(row.designation_id, reason),
        )

    def revoke(self, designation_id: uuid.UUID, reason: str) -> None:
        db = self.db
        Operation[None](self, self.worker).errors_in(self.message).always(
            self._update_buttons
        ).success(self._on_revoked).run(lambda: revoke_designation(db, designation_id, reason))

    @Slot(object)
    def _on_revoked(self, _result: object) -> None:
        self._say(self.tr("The designation is revoked; it stays on record."), OK_STYLE)
        self.load()

    # --- the summary -------------------------------------------------------------------------

    @Slot()
    def _on_print_button_clicked(self) -> None:
        code = self.regency_code()
        if code is None or self.rubric is None:
            self._say(
                self.tr("Choose a regency / city first: the summary is printed per regency."),
                ERROR_STYLE,
            )
            return
        name = self.regency_combo.currentText()
        dialogs.save_file(
            self,
            self.tr("Save the designation summary"),
            summary_file_name(name, date.today()),
            self.tr("PDF (*.pdf)"),
            lambda path: self.print_summary(code, Path(path)),
        )

    def print_summary(self, regency_code: str, target: Path) -> None:
        """Build the summary of `regency_code` and write it to `target` (and a copy under the
        data folder), on the worker."""
        assert self.rubric is not None
        db, rubric, archive = self.db, self.rubric, self.paths.data_dir / SUMMARY_FOLDER
        paths = self.paths

        def job() -> Path:
            pdf = designation_summary_pdf(db, regency_code, rubric, paths=paths)
            write_pdf(target, pdf)
            # The summary is saved; a missing convenience copy is no reason to fail.
            with contextlib.suppress(OSError):
                write_pdf(archive / target.name, pdf)
            return target

        self.print_button.setEnabled(False)
        self.open_button.hide()
        self._say(self.tr("Preparing the summary…"), "")
        Operation[Path](self, self.worker).errors_in(self.message).always(
            self._update_buttons
        ).success(self._on_summary_saved).run(job)

    @Slot(object)
    def _on_summary_saved(self, target: Path) -> None:
        self._summary = target
        self._say(self.tr("Summary saved to %1.").replace("%1", str(target)), OK_STYLE)
        self.open_button.show()

    @Slot()
    def _on_open_button_clicked(self) -> None:
        if self._summary is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._summary)))

    # --- messages ----------------------------------------------------------------------------

    def _say(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)
