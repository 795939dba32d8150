"""Sinkronisasi: export this laptop's records as a signed package (encrypted for the province
once its setup package is in, and saying so plainly when it is not), import packages from others
(a dry-run preview first, trust for new devices, then apply), and settle conflicts by hand.

Every database and file job runs on the worker as an Operation; the callbacks come back on the
GUI thread, and expected trouble is shown in plain words beside the button that started it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ovop_desktop.core.errors import DomainError
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database, refresh_statistics
from ovop_desktop.services.province.mode import province_mode
from ovop_desktop.services.sync.conflicts import ConflictView, list_conflicts
from ovop_desktop.services.sync.packages import (
    ExportResult,
    FileResult,
    device_fingerprint,
    export_package,
    import_package,
    import_packages,
)
from ovop_desktop.services.sync.sealing import province_exchange_fingerprint
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.kit.display import in_language
from ovop_desktop.ui.kit.messages import (
    ERROR_STYLE,
    OK_STYLE,
    WARN_STYLE,
    error_text,
    show_message,
)
from ovop_desktop.ui.kit.page import page_title
from ovop_desktop.ui.kit.read_only_table import read_only_table_widget
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.sync.conflict_review import ConflictReview
from ovop_desktop.ui.worker import Worker

ID_ROLE = Qt.ItemDataRole.UserRole
PACKAGE_SUFFIX = ".ovop"
FILE, STATUS, NEW, UPDATED, UNCHANGED, CONFLICTS, REJECTED, REASON, TRUST = range(9)
COUNT_KEYS = {
    NEW: "new",
    UPDATED: "updated",
    UNCHANGED: "unchanged",
    CONFLICTS: "conflicts",
    REJECTED: "rejected",
}


@dataclass
class PackageRow:
    """One chosen package: its dry-run result, and after Apply its real one."""

    path: Path
    preview: FileResult
    trusted: bool = False
    final: FileResult | None = None

    @property
    def needs_trust(self) -> bool:
        """Rejected only because the device is not known yet."""
        return self.preview.needs_trust

    @property
    def officer(self) -> str:
        return self.preview.officer or ""

    @property
    def importable(self) -> bool:
        return self.preview.status != "rejected" or (self.needs_trust and self.trusted)


def _preview(db: Database, paths: AppPaths, files: list[Path]) -> list[PackageRow]:
    results = import_packages(db, paths, files, dry_run=True)
    return [PackageRow(path, result) for path, result in zip(files, results, strict=True)]


class SyncPage(QWidget):
    """`load()` refreshes the open conflicts and this laptop's key fingerprint. `dataChanged`
    says that an export or an import changed what other pages show."""

    dataChanged = Signal()

    def __init__(
        self, db: Database, paths: AppPaths, worker: Worker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.paths, self.worker = db, paths, worker
        self.rows: list[PackageRow] = []
        self._queue: list[PackageRow] = []
        self.setAcceptDrops(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(page_title(self.tr("Synchronisation")))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_export(), self.tr("&Export"))
        self.tabs.addTab(self._build_import(), self.tr("&Import"))
        self.conflict_review = ConflictReview(db, worker)
        self.tabs.addTab(self.conflict_review, self.tr("&Conflicts"))
        layout.addWidget(self.tabs, 1)

        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.apply_button.clicked.connect(self._on_apply_button_clicked)
        self.conflict_review.countChanged.connect(self._on_conflict_review_countChanged)
        self.conflict_review.resolved.connect(self.dataChanged)

    # building

    def _build_export(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        box = QGroupBox(self.tr("Data package for the province"))
        box.setMaximumWidth(860)
        inner = QVBoxLayout(box)
        intro = QLabel(
            self.tr(
                "Writes the surveys, products, assessments and letters changed on this laptop "
                "into one signed file (.ovop), for example on a USB stick."
            )
        )
        intro.setWordWrap(True)
        self.fingerprint_label = QLabel()
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.encryption_label = QLabel()
        self.encryption_label.setWordWrap(True)
        self.encryption_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_progress = QProgressBar()
        self.export_progress.setMaximumWidth(420)
        self.export_progress.hide()
        self.everything_check = QCheckBox(self.tr("Everything (not only since the last export)"))
        self.export_button = QPushButton(self.tr("E&xport data package…"))
        self.export_result = QLabel()
        self.export_result.setWordWrap(True)
        self.export_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.everything_check)
        row.addStretch(1)
        for widget in (intro, self.fingerprint_label, self.encryption_label):
            inner.addWidget(widget)
        inner.addLayout(row)
        inner.addWidget(self.export_progress)
        inner.addWidget(self.export_result)
        layout.addWidget(box)
        layout.addStretch(1)
        return page

    def _build_import(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.import_button = QPushButton(self.tr("I&mport packages…"))
        hint = QLabel(self.tr("or drop .ovop files here. Nothing is saved before Apply."))
        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addWidget(hint)
        top.addStretch(1)
        layout.addLayout(top)
        self.preview_table = read_only_table_widget(
            [
                self.tr("File"),
                self.tr("Status"),
                self.tr("New"),
                self.tr("Updated"),
                self.tr("Unchanged"),
                self.tr("Conflicts"),
                self.tr("Rejected"),
                self.tr("Reason"),
                self.tr("Device"),
            ]
        )
        header = self.preview_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FILE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        # On a 1024 px screen the columns do not all fit: the trust button sits beside the
        # status, where it is seen, and the file name wraps in a narrower column.
        header.moveSection(TRUST, STATUS + 1)
        self.preview_table.setColumnWidth(FILE, 150)
        layout.addWidget(self.preview_table, 1)
        self.import_message = QLabel()
        self.import_message.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("&Apply"))
        self.apply_button.setEnabled(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.import_message, 1)
        bottom.addWidget(self.apply_button)
        layout.addLayout(bottom)
        return page

    # loading

    def load(self) -> None:
        db, paths = self.db, self.paths
        Operation[tuple[str, str | None, bool, list[ConflictView]]](self, self.worker).success(
            self._on_loaded
        ).errors_in(self.conflict_review.conflict_message).run(
            lambda: (
                device_fingerprint(paths),
                province_exchange_fingerprint(db),
                province_mode(db),
                list_conflicts(db),
            )
        )

    def _on_loaded(self, values: tuple[str, str | None, bool, list[ConflictView]]) -> None:
        fingerprint, province_key, office, conflicts = values
        self.fingerprint_label.setText(
            self.tr("Key fingerprint of this laptop: %1").replace("%1", fingerprint)
        )
        text, style = self._encryption_text(province_key, office)
        show_message(self.encryption_label, text, style)
        self.conflict_review.show_conflicts(conflicts)

    def _encryption_text(self, province_key: str | None, office: bool) -> tuple[str, str]:
        """Whether packages are encrypted for the province: a warning when an officer's are
        not (the province office's own packages to its officers are signed only)."""
        if province_key is None and office:
            return self.tr("Not encrypted: packages from the province office are signed only."), ""
        if province_key is None:
            return (
                self.tr("Package NOT encrypted: import the province's setup package first."),
                WARN_STYLE,
            )
        return (
            self.tr("Encrypted for the province (key fingerprint %1).").replace("%1", province_key),
            OK_STYLE,
        )

    @Slot(int)
    def _on_conflict_review_countChanged(self, count: int) -> None:
        self.tabs.setTabText(
            2,
            self.tr("&Conflicts (%1)").replace("%1", str(count))
            if count
            else self.tr("&Conflicts"),
        )

    # export

    @Slot()
    def _on_export_button_clicked(self) -> None:
        dialogs.choose_folder(self, self.tr("Export data package to"), self.export_to)

    def export_to(self, folder: str) -> None:
        if not folder:
            return
        db, paths, everything = self.db, self.paths, self.everything_check.isChecked()
        self.export_button.setEnabled(False)
        self.export_result.setStyleSheet("")
        self.export_result.setText(self.tr("Exporting…"))
        self.export_progress.setRange(0, 0)
        self.export_progress.show()
        export = (
            Operation[ExportResult](self, self.worker)
            .progress(self._on_export_progressed)
            .success(self._on_exported)
            .errors_in(self.export_result)
            .always(self._on_export_ended)
        )
        export.run(
            lambda: export_package(
                db, paths, Path(folder), everything=everything, progress=export.report
            )
        )

    def _on_export_progressed(self, done: int, total: int) -> None:
        self.export_progress.setRange(0, total)
        self.export_progress.setValue(done)

    def _on_export_ended(self) -> None:
        self.export_button.setEnabled(True)
        self.export_progress.hide()

    def _on_exported(self, result: ExportResult) -> None:
        labels = self.conflict_review.table_labels()
        counts = ", ".join(
            f"{labels.get(table, table)} {count}" for table, count in result.changes.items()
        )
        saved = (
            self.tr("Package saved: %1 · %2 · key fingerprint %3")
            .replace("%1", str(result.path))
            .replace("%2", counts or self.tr("no changes since the last export"))
            .replace("%3", result.fingerprint)
        )
        encryption, style = self._encryption_text(result.sealed_to, result.province_office)
        show_message(self.export_result, f"{saved}\n{encryption}", style)
        self.dataChanged.emit()

    # import

    @Slot()
    def _on_import_button_clicked(self) -> None:
        dialogs.open_files(
            self,
            self.tr("Import data packages"),
            self.tr("Data packages (*.ovop)"),
            self.preview_files,
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._dropped_files(event)
        if files:
            event.acceptProposedAction()
            self.tabs.setCurrentIndex(1)
            self.preview_files(files)

    @staticmethod
    def _dropped_files(event: QDragEnterEvent | QDropEvent) -> list[str]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [
            url.toLocalFile()
            for url in mime.urls()
            if url.isLocalFile() and url.toLocalFile().lower().endswith(PACKAGE_SUFFIX)
        ]

    def preview_files(self, files: list[str]) -> None:
        """Dry-run each package (nothing saved) and show what importing would do."""
        if not files:
            return
        db, paths, chosen = self.db, self.paths, [Path(f) for f in files]
        self.import_button.setEnabled(False)
        self.apply_button.setEnabled(False)
        self.import_message.setStyleSheet("")
        self.import_message.setText(
            self.tr("Checking %1 package(s)…").replace("%1", str(len(files)))
        )
        Operation[list[PackageRow]](self, self.worker).success(self._on_previewed).errors_in(
            self.import_message
        ).always(self._on_preview_ended).run(lambda: _preview(db, paths, chosen))

    def _on_preview_ended(self) -> None:
        self.import_button.setEnabled(True)
        self._update_apply()

    def _on_previewed(self, rows: list[PackageRow]) -> None:
        self.rows = rows
        self._fill_preview()
        self._update_apply()
        self.import_message.setStyleSheet("")
        self.import_message.setText(
            self.tr("Preview: nothing has been saved yet. Check the list, then Apply.")
        )

    def _status_text(self, row: PackageRow) -> str:
        result = row.final or row.preview
        if result.status == "unchanged":
            return self.tr("No changes")
        if result.status == "rejected":
            needs_trust = row.final is None and row.needs_trust
            return self.tr("Needs trust") if needs_trust else self.tr("Rejected")
        if result.status == "partial":
            return (
                self.tr("Imported, some records refused")
                if row.final is not None
                else self.tr("Will be imported, some records refused")
            )
        return self.tr("Imported") if row.final is not None else self.tr("Will be imported")

    def _fill_preview(self) -> None:
        table = self.preview_table
        table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            result = row.final or row.preview
            shown = row.final is None and row.needs_trust
            refused = in_language(
                " ".join(result.rejected_records), " ".join(result.rejected_records_en)
            )
            noted = in_language(" ".join(result.notes), " ".join(result.notes_en))
            reason = " ".join(part for part in (result.reason or refused, noted) if part)
            if shown:
                reason = (
                    self.tr("Trusted: will be imported on Apply.")
                    if row.trusted
                    else self.tr(
                        "New device %1 of officer %2, key fingerprint %3: trust it before "
                        "importing."
                    )
                    .replace("%1", result.device or "")
                    .replace("%2", row.officer)
                    .replace("%3", result.fingerprint or "")
                )
            texts = {FILE: row.path.name, STATUS: self._status_text(row), REASON: reason}
            for column, key in COUNT_KEYS.items():
                texts[column] = "" if shown else str(result.counts.get(key, 0))
            for column, text in texts.items():
                item = QTableWidgetItem(text)
                if column == REASON:
                    item.setToolTip(reason)  # the whole text, however long
                if column in COUNT_KEYS:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(index, column, item)
            table.removeCellWidget(index, TRUST)
            table.setItem(index, TRUST, QTableWidgetItem(result.device or ""))
            if shown and not row.trusted:
                button = QPushButton(self.tr("Trust this device…"))
                button.setProperty("row", index)
                button.setToolTip(
                    self.tr("Officer %1, device %2, key fingerprint %3")
                    .replace("%1", row.officer)
                    .replace("%2", result.device or "")
                    .replace("%3", result.fingerprint or "")
                )
                button.clicked.connect(self._on_trust_button_clicked)
                table.setCellWidget(index, TRUST, button)
        table.resizeRowsToContents()

    def trust_buttons(self) -> list[QPushButton]:
        """The "Trust this device" buttons now shown, one per package that needs trust."""
        buttons = []
        for index in range(self.preview_table.rowCount()):
            widget = self.preview_table.cellWidget(index, TRUST)
            if isinstance(widget, QPushButton):
                buttons.append(widget)
        return buttons

    @Slot()
    def _on_trust_button_clicked(self) -> None:
        sender = self.sender()
        if sender is None:
            return
        self.ask_trust(int(sender.property("row")))

    def ask_trust(self, index: int) -> None:
        row = self.rows[index]
        dialogs.question(
            self,
            self.tr("Trust this device"),
            self.tr(
                "Packages from this device have not been imported before.\n\n"
                "Officer: %1\nDevice: %2\nKey fingerprint: %3\n\n"
                "Trust it only if the officer confirms this fingerprint (for example by phone)."
            )
            .replace("%1", row.officer)
            .replace("%2", row.preview.device or "")
            .replace("%3", row.preview.fingerprint or ""),
            self.tr("Trust this device"),
            self.tr("Cancel"),
            lambda: self._trust(row.preview.fingerprint),
        )

    def _trust(self, fingerprint: str | None) -> None:
        """Trust the device for this import, and preview its packages again as trusted: what
        they will bring and what will be refused shows before Apply."""
        chosen = [
            row
            for row in self.rows
            if row.needs_trust and row.preview.fingerprint == fingerprint and row.final is None
        ]
        for row in chosen:
            row.trusted = True
        self._fill_preview()
        self._update_apply()
        db, paths, files = self.db, self.paths, [row.path for row in chosen]

        def previews() -> list[FileResult]:
            return [import_package(db, paths, f, trust_new=True, dry_run=True) for f in files]

        def show(results: list[FileResult]) -> None:
            for row, result in zip(chosen, results, strict=True):
                if row.final is None:
                    row.preview = result
            self._fill_preview()
            self._update_apply()

        Operation[list[FileResult]](self, self.worker).errors_in(self.import_message).success(
            show
        ).run(previews)

    def _update_apply(self) -> None:
        self.apply_button.setEnabled(
            not self._queue and any(r.importable and r.final is None for r in self.rows)
        )

    @Slot()
    def _on_apply_button_clicked(self) -> None:
        self.apply()

    def apply(self) -> None:
        """Import the packages that may be imported, one by one, then show what happened."""
        self._queue = [r for r in self.rows if r.importable and r.final is None]
        if not self._queue:
            return
        self.apply_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self._import_next()

    def _import_next(self) -> None:
        row = self._queue[0]
        db, paths = self.db, self.paths
        self.import_message.setStyleSheet("")
        self.import_message.setText(self.tr("Importing %1…").replace("%1", row.path.name))
        # After the last file of the batch, the planner's statistics (PostgreSQL) are brought up
        # to date once, on the worker, before the pages read the imported records.
        last = len(self._queue) == 1
        changed = any(r.final is not None and r.final.changed for r in self.rows)

        def job() -> FileResult:
            result = import_package(db, paths, row.path, trust_new=row.trusted)
            if last and (changed or result.changed):
                refresh_statistics(db)
            return result

        Operation[FileResult](self, self.worker).success(self._on_file_imported).failure(
            self._on_import_failed
        ).run(job)

    def _on_file_imported(self, result: FileResult) -> None:
        self._queue.pop(0).final = result
        self._fill_preview()
        if self._queue:
            self._import_next()
            return
        self.import_button.setEnabled(True)
        self._update_apply()
        self._show_import_summary()
        self.load()
        self.dataChanged.emit()

    def _show_import_summary(self) -> None:
        done = [r.final for r in self.rows if r.final is not None]
        imported = [r for r in done if r.status in ("imported", "partial")]
        rejected = [r for r in done if r.status == "rejected"]
        conflicts = sum(r.counts.get("conflicts", 0) for r in imported)
        if imported:
            text = (
                self.tr("%1 package(s) imported: %2 new, %3 updated, %4 conflicts.")
                .replace("%1", str(len(imported)))
                .replace("%2", str(sum(r.counts.get("new", 0) for r in imported)))
                .replace("%3", str(sum(r.counts.get("updated", 0) for r in imported)))
                .replace("%4", str(conflicts))
            )
            if conflicts:
                text += " " + self.tr("Settle the conflicts under Conflicts.")
            style = WARN_STYLE if conflicts or rejected else OK_STYLE
        else:
            text = self.tr("No changes: these packages hold nothing new.")
            style = WARN_STYLE if rejected else ""
        if rejected:
            text += " " + self.tr("%1 package(s) rejected.").replace("%1", str(len(rejected)))
        self.import_message.setStyleSheet(style)
        self.import_message.setText(text)

    def _on_import_failed(self, error: DomainError) -> None:
        """The rest of the queue is not imported: what was imported stays, and Apply can be
        pressed again once the trouble is fixed."""
        self._queue = []
        self.import_button.setEnabled(True)
        self._update_apply()
        show_message(self.import_message, error_text(error), ERROR_STYLE)
