"""Surat: make a village's recommendation letter, keep the letter register (buku agenda surat:
searched, exported, a letter voided or its original saved again), verify letters (verify_panel),
and write the letters of a whole region into a folder.

Lists load on the worker; the region batch runs as one operation that reports its progress and
stops when Cancel cancels it (region_letters).
"""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ovop_desktop.core.formatting import short_regency, star_text
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.core.text import search_key
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.letters.originals import save_original
from ovop_desktop.services.letters.register import RegisterEntry, letter_register, void_letter
from ovop_desktop.services.letters.register_view import export_register, search_register
from ovop_desktop.services.surveys.survey_list import list_surveys
from ovop_desktop.services.surveys.survey_row import SurveyRow
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.kit.display import short_date
from ovop_desktop.ui.kit.empty_hint import EmptyHint
from ovop_desktop.ui.kit.messages import ERROR_STYLE, OK_STYLE
from ovop_desktop.ui.kit.page import page_title
from ovop_desktop.ui.kit.read_only_table import read_only_tree
from ovop_desktop.ui.letters.letter_dialog import LetterDialog, pdf_file_name
from ovop_desktop.ui.letters.letter_settings_dialog import LetterSettingsDialog
from ovop_desktop.ui.letters.region_letters import RegionLetters
from ovop_desktop.ui.letters.verify_panel import VerifyPanel
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.worker import Worker

ID_ROLE = Qt.ItemDataRole.UserRole
GREY = QBrush(QColor("#8a8f94"))


class LettersPage(QWidget):
    def __init__(
        self,
        db: Database,
        paths: AppPaths,
        worker: Worker,
        rubric: Rubric,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.paths, self.worker, self.rubric = db, paths, worker, rubric
        self.letter_dialog: LetterDialog | None = None
        self._rows: list[SurveyRow] = []
        self._entries: list[RegisterEntry] = []

        self.batch_button = QPushButton(self.tr("Letters for a &region…"))
        self.batch_button.setCheckable(True)
        self.settings_button = QPushButton(self.tr("Letter &settings…"))
        top = QHBoxLayout()
        top.addWidget(page_title(self.tr("Letters")))
        top.addStretch(1)
        top.addWidget(self.batch_button)
        top.addWidget(self.settings_button)
        self.batch = RegionLetters(db, paths, worker, rubric)
        self.batch.hide()

        self._list_when_loaded = False
        self.search = QLineEdit(placeholderText=self.tr("Find a village…"))
        self.search.setClearButtonEnabled(True)
        self.make_button = QPushButton(self.tr("&Make letter…"))
        self.make_button.setEnabled(False)
        self.surveys = read_only_tree(
            [
                self.tr("Village"),
                self.tr("District"),
                self.tr("Regency / City"),
                self.tr("Recommended product"),
                self.tr("Stars"),
            ],
            {
                1: "Banjarmasin Tengah",
                2: "Kab. Hulu Sungai Selatan",
                4: star_text(rubric.max_stars, rubric.max_stars),
            },
        )
        upper = QWidget()
        upper_layout = QGridLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(QLabel(self.tr("Surveys")), 0, 0)
        upper_layout.addWidget(self.search, 0, 1)
        upper_layout.addWidget(self.make_button, 0, 2)
        upper_layout.addWidget(self.surveys, 1, 0, 1, 3)
        upper_layout.setColumnStretch(1, 1)

        self.register_search = QLineEdit(
            placeholderText=self.tr("Find a letter: number, village, product, code…")
        )
        self.register_search.setClearButtonEnabled(True)
        self.void_button = QPushButton(self.tr("&Void…"))
        self.copy_button = QPushButton(self.tr("Save &PDF…"))
        self.copy_button.setToolTip(
            self.tr("Save the letter's PDF exactly as it was issued, to hand out")
        )
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.setToolTip(self.tr("Save the letters listed as XLSX or CSV"))
        self.register = read_only_tree(
            [
                self.tr("Number"),
                self.tr("Date"),
                self.tr("Village"),
                self.tr("Product"),
                self.tr("Signatory"),
                self.tr("Status"),
                self.tr("Verification code"),
            ],
            {0: "500.2/123/DKUKM/XI/2026", 1: "30 Nov 2026", 6: "K7QPA-M2XD4"},
        )
        self.register_hint = EmptyHint(
            self.register,
            self.tr(
                "No letters yet. Choose a village above and issue its recommendation letter, "
                "or issue the letters of a whole region."
            ),
        )
        tools = QHBoxLayout()
        tools.addWidget(self.register_search, 1)
        for widget in (self.void_button, self.copy_button, self.export_button):
            tools.addWidget(widget)
        register_tab = QWidget()
        register_layout = QVBoxLayout(register_tab)
        register_layout.addLayout(tools)
        register_layout.addWidget(self.register, 1)

        self.verify_panel = VerifyPanel(db, paths, worker)
        self.tabs = QTabWidget()
        self.tabs.addTab(register_tab, self.tr("Letter register (buku agenda surat)"))
        self.tabs.addTab(self.verify_panel, self.tr("Verify a letter"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.tabs, 1)
        lower_layout.addWidget(self.message)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.addLayout(top)
        layout.addWidget(self.batch)
        layout.addWidget(splitter, 1)

        self._filter_timer = QTimer(self, singleShot=True, interval=120)
        self._filter_timer.timeout.connect(self._on_filter_timer_timeout)
        self.search.textEdited.connect(self._filter_timer.start)
        self.surveys.currentItemChanged.connect(self._on_surveys_current_item_changed)
        self.surveys.itemActivated.connect(self._on_surveys_item_activated)
        self.make_button.clicked.connect(self._on_make_button_clicked)
        self.settings_button.clicked.connect(self._on_settings_button_clicked)
        self.batch_button.toggled.connect(self._on_batch_button_toggled)
        self.void_button.clicked.connect(self._on_void_button_clicked)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.register_search.textEdited.connect(self._on_register_search_text_edited)
        self.batch.finished.connect(self.load_register)

    # --- the lists ---------------------------------------------------------------------------

    def focus_first(self) -> None:
        """Where the keyboard starts here: the villages (Enter makes the letter), else their
        search when there is none to choose yet."""
        first = self.surveys.topLevelItem(0)
        if first is not None:
            if self.surveys.currentItem() is None:
                self.surveys.setCurrentItem(first)
            self.surveys.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:  # still loading: the list takes the keyboard once it comes
            self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self._list_when_loaded = True

    def load(self) -> None:
        """Reload the surveys and the register (when the page is shown)."""
        db, rubric = self.db, self.rubric
        Operation[list[SurveyRow]](self, self.worker).errors_in(self.message).success(
            self._on_surveys_loaded
        ).run(lambda: list_surveys(db, rubric))
        self.load_register()

    def load_register(self) -> None:
        db = self.db
        Operation[list[RegisterEntry]](self, self.worker).errors_in(self.message).success(
            self._on_register_loaded
        ).run(lambda: letter_register(db))

    @Slot(object)
    def _on_surveys_loaded(self, rows: list[SurveyRow]) -> None:
        self._rows = rows
        current = self.selected_survey()
        self.surveys.clear()
        for row in rows:
            complete = row.top_candidate is not None and row.top_stars is not None
            item = QTreeWidgetItem(
                [
                    row.village,
                    row.district,
                    short_regency(row.regency),
                    (row.top_candidate or "")
                    if complete
                    else self.tr("No candidate fully assessed yet"),
                    star_text(row.top_stars, self.rubric.max_stars) if complete else "",
                ]
            )
            item.setData(0, ID_ROLE, row.survey_id if complete else None)
            item.setToolTip(3, item.text(3))
            if not complete:
                for column in range(5):
                    item.setForeground(column, GREY)
            self.surveys.addTopLevelItem(item)
            if complete and row.survey_id == current:
                self.surveys.setCurrentItem(item)
        self._on_filter_timer_timeout()
        first = self.surveys.topLevelItem(0)
        if self.surveys.currentItem() is None and first is not None:
            self.surveys.setCurrentItem(first)
        if self._list_when_loaded and first is not None:
            self._list_when_loaded = False
            if self.search.hasFocus() and not self.search.text():  # not searching meanwhile
                self.surveys.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _on_filter_timer_timeout(self) -> None:
        words = search_key(self.search.text()).split()
        for index, row in enumerate(self._rows):
            haystack = search_key(f"{row.village} {row.district} {row.regency} {row.top_candidate}")
            item = self.surveys.topLevelItem(index)
            if item is not None:
                item.setHidden(not all(w in haystack for w in words))

    def selected_survey(self) -> uuid.UUID | None:
        item = self.surveys.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    @Slot(object, object)
    def _on_surveys_current_item_changed(self, _current: object, _previous: object) -> None:
        self.make_button.setEnabled(self.selected_survey() is not None)

    @Slot(object, int)
    def _on_surveys_item_activated(self, _item: object, _column: int) -> None:
        self._on_make_button_clicked()

    @Slot(object)
    def _on_register_loaded(self, entries: list[RegisterEntry]) -> None:
        self._entries = entries
        self._show_register()

    @Slot(str)
    def _on_register_search_text_edited(self, _text: str) -> None:
        self._show_register()

    def _show_register(self) -> None:
        self.register.clear()
        for entry in search_register(self._entries, self.register_search.text()):
            void = entry.status in ("void", "replaced")
            status = {
                "void": self.tr("Void: %1").replace("%1", entry.void_reason or ""),
                "replaced": self.tr("Replaced by a later letter"),
            }.get(entry.status, self.tr("Issued"))
            item = QTreeWidgetItem(
                [
                    entry.number,
                    short_date(entry.issued_on),
                    entry.village,
                    entry.product or "",
                    entry.signatory,
                    status,
                    entry.verification_code,
                ]
            )
            item.setData(0, ID_ROLE, entry.letter_id)
            for column in range(7):
                item.setToolTip(column, item.text(column))
                if void:
                    font = item.font(column)
                    font.setStrikeOut(column != 5)
                    item.setFont(column, font)
                    item.setForeground(column, GREY)
            self.register.addTopLevelItem(item)

    def selected_letter(self) -> RegisterEntry | None:
        item = self.register.currentItem()
        if item is None:
            return None
        return next((e for e in self._entries if e.letter_id == item.data(0, ID_ROLE)), None)

    # --- one letter --------------------------------------------------------------------------

    @Slot()
    def _on_make_button_clicked(self) -> None:
        survey_id = self.selected_survey()
        if survey_id is None:
            return
        dialog = LetterDialog(self.db, self.paths, self.worker, survey_id, self.rubric, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.issued.connect(self._on_letter_issued)
        dialog.finished.connect(self._on_letter_dialog_finished)
        self.letter_dialog = dialog
        dialog.open()

    @Slot(object)
    def _on_letter_issued(self, _letter: object) -> None:
        self.load_register()

    @Slot(int)
    def _on_letter_dialog_finished(self, _result: int) -> None:
        self.letter_dialog = None
        self.load_register()  # queued after a letter still being issued when the dialog closed

    @Slot()
    def _on_settings_button_clicked(self) -> None:
        dialog = LetterSettingsDialog(self.db, self.worker, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_settings_saved)
        dialog.open()

    @Slot()
    def _on_settings_saved(self) -> None:
        if self.batch.isVisible():
            self.batch.load()

    @Slot(bool)
    def _on_batch_button_toggled(self, shown: bool) -> None:
        self.batch.setVisible(shown)
        if shown:
            self.batch.load()

    # --- the register ------------------------------------------------------------------------

    @Slot()
    def _on_void_button_clicked(self) -> None:
        entry = self.selected_letter()
        if entry is None or entry.status == "void":
            self._say(self.tr("Choose an issued letter in the register first."), ERROR_STYLE)
            return
        dialogs.ask_reason(
            self,
            self.tr("Void letter %1").replace("%1", entry.number),
            self.tr(
                "The letter keeps its number in the register and the number is not used again. "
                "Why is the letter voided?"
            ),
            lambda reason: self.void(entry.letter_id, reason),
        )

    def void(self, letter_id: uuid.UUID, reason: str) -> None:
        db = self.db
        Operation[None](self, self.worker).errors_in(self.message).success(self._on_voided).run(
            lambda: void_letter(db, letter_id, reason)
        )

    @Slot(object)
    def _on_voided(self, _result: object) -> None:
        self._say(self.tr("The letter is voided; its number stays in the register."), OK_STYLE)
        self.load_register()

    @Slot()
    def _on_copy_button_clicked(self) -> None:
        entry = self.selected_letter()
        if entry is None:
            self._say(self.tr("Choose a letter in the register first."), ERROR_STYLE)
            return
        dialogs.save_file(
            self,
            self.tr("Save the letter as PDF"),
            pdf_file_name(entry.number, entry.village),
            self.tr("PDF (*.pdf)"),
            lambda path: self._save_copy(entry.letter_id, Path(path)),
        )

    def _save_copy(self, letter_id: uuid.UUID, target: Path) -> None:
        db, paths = self.db, self.paths
        Operation[Path](self, self.worker).errors_in(self.message).success(self._on_copy_saved).run(
            lambda: save_original(db, paths, letter_id, target)
        )

    @Slot(object)
    def _on_copy_saved(self, target: Path) -> None:
        self._say(self.tr("Saved to %1.").replace("%1", str(target)), OK_STYLE)

    @Slot()
    def _on_export_button_clicked(self) -> None:
        dialogs.save_file(
            self,
            self.tr("Export the letter register"),
            "buku-agenda-surat.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV for Excel (*.csv)"),
            lambda path: self.export(Path(path)),
        )

    def export(self, target: Path) -> None:
        db, search = self.db, self.register_search.text()
        Operation[tuple[int, Path]](self, self.worker).errors_in(self.message).success(
            self._on_exported
        ).run(lambda: (export_register(db, target, search), target))

    @Slot(object)
    def _on_exported(self, done: tuple[int, Path]) -> None:
        count, target = done
        self._say(
            self.tr("%1 letters exported to %2.")
            .replace("%1", str(count))
            .replace("%2", str(target)),
            OK_STYLE,
        )

    def _say(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)
