"""The main window: navigation between the five places of the officer's work, and a status bar.

The screens behind Survei, Penilaian & Peringkat, Surat, Sinkronisasi and Pengaturan arrive in
their own issues; until then each shows what it will hold.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from ovop_desktop import __version__
from ovop_desktop.core.errors import DomainError
from ovop_desktop.core.formatting import format_number_id
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.ranking import survey_count
from ovop_desktop.services.regions import region_count
from ovop_desktop.ui import crash
from ovop_desktop.ui.forms.ui_main_window import Ui_MainWindow
from ovop_desktop.ui.worker import Worker


@dataclass(frozen=True)
class Counts:
    surveys: int
    regions: int


class ComingPage(QWidget):
    """A section whose screen is not built yet: says what it will hold."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        body = QLabel(text)
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        badge = QLabel(self.tr("Coming in a later update"))
        badge.setObjectName("comingBadge")
        layout.addWidget(heading)
        layout.addSpacing(8)
        layout.addWidget(body)
        layout.addSpacing(12)
        layout.addWidget(badge, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)


STYLE = """
QListWidget#navigation { border: none; background: #1d4d5c; color: #f2f7f8; font-size: 11pt;
                         padding-top: 12px; }
QListWidget#navigation::item { padding: 9px 16px; border-left: 4px solid transparent; }
QListWidget#navigation::item:selected { background: #2a6b7e; color: white;
                                        border-left: 4px solid #f0b429; }
QListWidget#navigation:focus { outline: none; }
QLabel#comingBadge { background: #fff4d6; color: #6b4e00; border: 1px solid #f0d58a;
                     border-radius: 4px; padding: 4px 10px; }
"""


class MainWindow(QMainWindow):
    def __init__(self, db: Database, paths: AppPaths, worker: Worker) -> None:
        super().__init__()
        self.db, self.paths, self.worker = db, paths, worker
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.setStyleSheet(STYLE)
        self._build_pages()
        self._build_status_bar()
        self.ui.navigation.currentRowChanged.connect(self._on_navigation_current_row_changed)
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionAbout.triggered.connect(self._on_action_about_triggered)
        for index in range(self.ui.navigation.count()):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda row=index: self.ui.navigation.setCurrentRow(row))
        self.ui.navigation.setCurrentRow(0)
        self.ui.navigation.setFocus()
        self.refresh_counts()

    def _build_pages(self) -> None:
        pages = [
            (
                self.tr("Survey"),
                self.tr(
                    "Record village potential surveys: the village from the region list, "
                    "respondents, village facts, candidate products and their photos. "
                    "Work is saved automatically while you type."
                ),
            ),
            (
                self.tr("Assessment & Ranking"),
                self.tr(
                    "Score each candidate product against the OVOP rubric, see its stars "
                    "and the ranking of the candidates of each village."
                ),
            ),
            (
                self.tr("Letters"),
                self.tr("Print numbered recommendation letters with their assessment sheets."),
            ),
            (
                self.tr("Sync"),
                self.tr(
                    "Export a data package for the province office, or import packages "
                    "from officers."
                ),
            ),
            (
                self.tr("Settings"),
                self.tr("Officer profile, device name, interface language and photo size."),
            ),
        ]
        for title, text in pages:
            self.ui.pages.addWidget(ComingPage(title, text))

    def _build_status_bar(self) -> None:
        self.data_label = QLabel(self.tr("Data folder: %1").replace("%1", str(self.paths.data_dir)))
        self.counts_label = QLabel()
        self.export_label = QLabel(self.tr("Last export: never"))
        for label in (self.data_label, self.counts_label, self.export_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addWidget(self.data_label, 1)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.export_label)

    def refresh_counts(self) -> None:
        db = self.db
        self.worker.submit(
            lambda: Counts(survey_count(db), region_count(db)),
            self._on_counts_loaded,
            self._on_job_failed,
        )

    @Slot(object)
    def _on_counts_loaded(self, counts: Counts) -> None:
        self.counts_label.setText(
            self.tr("%1 surveys · %2 regions")
            .replace("%1", format_number_id(counts.surveys))
            .replace("%2", format_number_id(counts.regions))
        )

    @Slot(object)
    def _on_job_failed(self, error: BaseException) -> None:
        if isinstance(error, DomainError):
            crash.show_expected(self, error)
        else:
            raise error

    @Slot(int)
    def _on_navigation_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.ui.pages.setCurrentIndex(row)

    @Slot()
    def _on_action_about_triggered(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About OVOP Desktop"))
        box.setText(
            self.tr(
                "OVOP Desktop %1\nVillage potential surveys and OVOP product assessment "
                "for the field officers of Kalimantan Selatan."
            ).replace("%1", __version__)
        )
        box.addButton(self.tr("Close"), QMessageBox.ButtonRole.AcceptRole)
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.worker.wait(10_000)
        super().closeEvent(event)
