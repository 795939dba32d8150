"""The main window: navigation between the five places of the officer's work, and a status bar.

The window paints first and opens the database after (`attach`), so the officer sees it at once
even on an old laptop; sections whose screens are not built yet say what they will hold.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from ovop_desktop import __version__
from ovop_desktop.paths import AppPaths
from ovop_desktop.ui import window_state
from ovop_desktop.ui.forms.ui_main_window import Ui_MainWindow
from ovop_desktop.ui.kit.display import number_text, when_text
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.surveys.survey_list import SurveyListPage
from ovop_desktop.ui.worker import Worker

if TYPE_CHECKING:  # the database side loads after the first paint (see attach)
    from ovop_desktop.services.database import Database
    from ovop_desktop.services.surveys.recovery import PendingEdits
    from ovop_desktop.ui.assessment.assessment_page import AssessmentPage
    from ovop_desktop.ui.letters.letters_page import LettersPage
    from ovop_desktop.ui.map.map_page import MapPage
    from ovop_desktop.ui.province.province_page import ProvincePage
    from ovop_desktop.ui.settings.settings_page import SettingsPage
    from ovop_desktop.ui.surveys.survey_editor import SurveyEditor
    from ovop_desktop.ui.sync.sync_page import SyncPage


@dataclass(frozen=True)
class Counts:
    surveys: int
    regions: int
    last_export: datetime | None = None


STYLE = """
QListWidget#navigation { border: none; background: #1d4d5c; color: #f2f7f8;
                         padding-top: 12px; }
QListWidget#navigation::item { padding: 9px 16px; border-left: 4px solid transparent; }
QListWidget#navigation::item:selected { background: #2a6b7e; color: white;
                                        border-left: 4px solid #f0b429; }
QListWidget#navigation:focus { outline: none; }
"""


NAVIGATION_PADDING = 2 * 16 + 4 + 2 * 8  # item padding, selection marker, frame and slack
SURVEY_PAGE, ASSESSMENT_PAGE, LETTERS_PAGE, SYNC_PAGE, SETTINGS_PAGE, PROVINCE_PAGE = range(6)
MAP_PAGE = 6  # Peta: added in code, after the places of forms/main_window.ui
CLOSE_WAIT_MS = 10_000  # a job still running after this does not keep the window open


def focus_first_field(page: QWidget | None) -> None:
    """The keyboard into the first field of `page` that Tab would reach (its own choice when it
    has a `focus_first()`)."""
    if page is None:
        return
    own = getattr(page, "focus_first", None)
    if callable(own):
        own()
        return
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page:
        if (
            page.isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not isinstance(widget, QScrollArea)
        ):
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        widget = widget.nextInFocusChain()


class MainWindow(QMainWindow):
    languageChanged = Signal(str)
    firstPainted = Signal()

    def __init__(self, db: Database | None, paths: AppPaths, worker: Worker) -> None:
        super().__init__()
        self.paths, self.worker = paths, worker
        self._deleted_id: uuid.UUID | None = None
        self._attached = self._painted = False
        self._first_paint_handled = False  # _on_first_paint ran: attach loads the lists itself
        self._survey_list_stale = self._parts_restored = False
        self._closing = self._editor_left = self._may_close = False
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.setStyleSheet(STYLE)
        self.ui.navigation.addItem(self.tr("Map"))  # MAP_PAGE, Ctrl+7
        window_state.restore_geometry(self, paths)
        self._fit_navigation()
        # The survey list is there before the database (the kept list, see
        # services.surveys.kept_list); the other places say the database is opening.
        self.survey_list = SurveyListPage(None, worker)
        self.survey_list.check_points(paths)
        self.survey_stack = QStackedWidget()
        self.survey_stack.addWidget(self.survey_list)
        self.ui.pages.addWidget(self.survey_stack)
        self.loading = QLabel(self.tr("Opening the database…"))
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ui.pages.addWidget(self.loading)
        self.survey_list.openRequested.connect(self._on_survey_list_open_requested)
        self.survey_list.newRequested.connect(self.new_survey)
        self.survey_list.surveysImported.connect(self.refresh_counts)
        window_state.restore_parts(self, paths, self.survey_list)
        self._build_status_bar()
        self.ui.navigation.currentRowChanged.connect(self._on_navigation_current_row_changed)
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionAbout.triggered.connect(self._on_action_about_triggered)
        self.ui.navigation.item(PROVINCE_PAGE).setHidden(True)  # until province mode says
        for index in range(self.ui.navigation.count()):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda row=index: self.go_to(row, focus=True))
        self.ui.navigation.blockSignals(True)
        self.ui.navigation.setCurrentRow(0)
        self.ui.navigation.blockSignals(False)
        QTimer.singleShot(
            0, self.ui.navigation, self.ui.navigation.setFocus
        )  # once shown, so that shortcuts work
        self.worker.idle.connect(self._on_worker_idle)
        if db is not None:
            self.attach(db)

    def _fit_navigation(self) -> None:
        """As wide as its longest place name in this language (padding and marker of STYLE),
        and no wider: the rest of a 1024 px window is the page's."""
        navigation = self.ui.navigation
        font = navigation.font()  # set here, not in STYLE, so that fontMetrics knows it
        font.setPointSizeF(11)
        navigation.setFont(font)
        metrics = navigation.fontMetrics()
        widest = max(
            metrics.horizontalAdvance(navigation.item(row).text())
            for row in range(navigation.count())
        )
        navigation.setFixedWidth(max(180, widest + NAVIGATION_PADDING))

    def attach(self, db: Database) -> None:
        """Build the screens on an open database (imported here: they need SQLAlchemy)."""
        from ovop_desktop.services.rubrics import rubric_in_force
        from ovop_desktop.ui.assessment.assessment_page import AssessmentPage
        from ovop_desktop.ui.letters.letters_page import LettersPage
        from ovop_desktop.ui.settings.settings_page import SettingsPage
        from ovop_desktop.ui.surveys.survey_editor import SurveyEditor
        from ovop_desktop.ui.sync.sync_page import SyncPage

        self.db = db
        self.rubric = rubric_in_force(db)
        self.editor: SurveyEditor = SurveyEditor(self.db, self.paths, self.worker, self.rubric)
        self.survey_stack.addWidget(self.editor)
        self.settings_page: SettingsPage = SettingsPage(self.db, self.worker, self.paths)
        self.assessment_page: AssessmentPage = AssessmentPage(
            self.db, self.paths, self.worker, self.rubric
        )
        self.letters_page: LettersPage = LettersPage(self.db, self.paths, self.worker, self.rubric)
        self.sync_page: SyncPage = SyncPage(self.db, self.paths, self.worker)
        # The province's place is built when first shown: officers never pay for it.
        self._province_page: ProvincePage | None = None
        self._province_slot = QWidget()
        self._map_page: MapPage | None = None  # built when first shown, like the province's
        self._map_slot = QWidget()
        self.ui.pages.removeWidget(self.loading)
        self.loading.deleteLater()
        self.ui.pages.addWidget(self.assessment_page)
        self.ui.pages.addWidget(self.letters_page)
        self.ui.pages.addWidget(self.sync_page)
        self.ui.pages.addWidget(self.settings_page)
        self.ui.pages.addWidget(self._province_slot)
        self.ui.pages.addWidget(self._map_slot)
        self.editor.closed.connect(self._on_editor_closed)
        self.editor.deleted.connect(self._on_editor_deleted)
        self.settings_page.languageChanged.connect(self.languageChanged)
        self.settings_page.provinceModeChanged.connect(self.show_province_place)
        self.settings_page.dataChanged.connect(self.data_changed)
        self.sync_page.dataChanged.connect(self.data_changed)
        for keys, slot in (
            (QKeySequence.StandardKey.New, self.new_survey),
            (QKeySequence.StandardKey.Find, self.focus_search),
            (QKeySequence.StandardKey.Save, self.editor.save_now),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)
        self.ui.pages.setCurrentIndex(max(0, self.ui.navigation.currentRow()))
        window_state.restore_parts(self, self.paths)
        self._attached = True
        self.survey_list.attach(db)  # a survey asked for meanwhile opens now
        if self._first_paint_handled:  # else _on_first_paint loads them
            self._load_lists()

    @Slot()
    def new_survey(self) -> None:
        self.ui.navigation.setCurrentRow(SURVEY_PAGE)
        self.survey_stack.setCurrentWidget(self.editor)  # shown first: it takes the focus
        self.editor.new_survey()

    def open_survey(self, survey_id: uuid.UUID, pending: PendingEdits | None = None) -> None:
        self.ui.navigation.setCurrentRow(SURVEY_PAGE)
        self.editor.open_survey(survey_id, pending)
        self.survey_stack.setCurrentWidget(self.editor)

    @Slot()
    def focus_search(self) -> None:
        self.ui.navigation.setCurrentRow(SURVEY_PAGE)
        if self.survey_stack.currentWidget() is self.editor:
            self.editor.leave()
            self.survey_stack.setCurrentWidget(self.survey_list)
        self.survey_list.focus_search()

    @Slot(object)
    def _on_survey_list_open_requested(self, survey_id: uuid.UUID) -> None:
        self.open_survey(survey_id)

    @Slot()
    def _on_editor_closed(self) -> None:
        self.survey_stack.setCurrentWidget(self.survey_list)
        self._survey_list_stale = False
        self.survey_list.reload()
        self.refresh_counts()

    @Slot(object)
    def _on_editor_deleted(self, survey_id: uuid.UUID) -> None:
        self._on_editor_closed()
        self._deleted_id = survey_id
        self.undo_button.setVisible(True)
        self.statusBar().showMessage(self.tr("Survey deleted."), 15_000)
        # The button is the context: a window closed meanwhile takes the timer with it.
        QTimer.singleShot(15_000, self.undo_button, self.undo_button.hide)

    @Slot()
    def _on_undo_button_clicked(self) -> None:
        from ovop_desktop.services.surveys.capture import restore_survey

        survey_id, db = self._deleted_id, self.db
        self.undo_button.setVisible(False)
        if survey_id is not None:
            self.operation().success(lambda _r: self._on_editor_closed()).run(
                lambda: restore_survey(db, survey_id)
            )

    def _build_status_bar(self) -> None:
        self.data_label = QLabel(self.tr("Data folder: %1").replace("%1", str(self.paths.data_dir)))
        self.counts_label = QLabel(self.tr("Opening the database…"))  # until the counts come
        self.export_label = QLabel(self.tr("Last export: never"))
        for label in (self.data_label, self.counts_label, self.export_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.undo_button = QPushButton(self.tr("&Undo delete"))
        self.undo_button.setVisible(False)
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        self.statusBar().addWidget(self.data_label, 1)
        self.statusBar().addPermanentWidget(self.undo_button)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.export_label)

    def refresh_counts(self) -> None:
        from ovop_desktop.services.regions import region_count
        from ovop_desktop.services.surveys.survey_list import survey_count
        from ovop_desktop.services.sync.packages import last_export

        db = self.db
        self.operation().success(self._on_counts_loaded).run(
            lambda: Counts(survey_count(db), region_count(db), last_export(db))
        )

    @Slot()
    def data_changed(self) -> None:
        """Another page changed what the lists show (an import, an export, a region list): the
        counts and the survey list load again at once, the other places when next shown."""
        self.refresh_counts()
        if self.survey_stack.currentWidget() is self.survey_list:
            self.survey_list.reload()
        else:
            self._survey_list_stale = True

    def operation(self) -> Operation[Any]:
        """A job of the window: expected trouble in a message box, a bug in the crash dialog."""
        return Operation(self, self.worker)

    @Slot(object)
    def _on_counts_loaded(self, counts: Counts) -> None:
        self.counts_label.setText(
            self.tr("%1 surveys · %2 regions")
            .replace("%1", number_text(counts.surveys))
            .replace("%2", number_text(counts.regions))
        )
        if counts.last_export is not None:
            self.export_label.setText(
                self.tr("Last export: %1").replace("%1", when_text(counts.last_export))
            )

    @Slot(int)
    def _on_navigation_current_row_changed(self, row: int) -> None:
        if row >= 0 and not self._attached:  # only the survey list is there yet
            self.ui.pages.setCurrentWidget(
                self.survey_stack if row == SURVEY_PAGE else self.loading
            )
        elif row >= 0:
            self.editor.save_now()
            self.assessment_page.panel.save_now()
            if row == PROVINCE_PAGE:  # built on first use, before it is shown
                self.province_page.load()
            elif row == MAP_PAGE:  # states read again each time: what others changed shows
                self.map_page.load()
            self.ui.pages.setCurrentIndex(row)
            if row == SURVEY_PAGE and self._survey_list_stale:
                if self.survey_stack.currentWidget() is self.survey_list:
                    self._survey_list_stale = False
                    self.survey_list.reload()
            elif row == ASSESSMENT_PAGE:
                self.assessment_page.load()
            elif row == LETTERS_PAGE:
                self.letters_page.load()
            elif row == SYNC_PAGE:
                self.sync_page.load()

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

    def event(self, event: QEvent) -> bool:
        # The lists load once the window has painted itself: a database job running beside the
        # first paint would hold Python's lock and delay what the officer sees first.
        if event.type() == QEvent.Type.Paint and getattr(self, "_painted", True) is False:
            self._painted = True
            QTimer.singleShot(0, self, self._on_first_paint)
        return super().event(event)

    @Slot()
    def _on_first_paint(self) -> None:
        self._first_paint_handled = True
        self.firstPainted.emit()
        if self._attached:
            self._load_lists()

    def _load_lists(self) -> None:
        from ovop_desktop.services.province.mode import province_mode

        self.survey_list.reload()
        self.settings_page.load()
        self.refresh_counts()
        db = self.db
        self.operation().success(self.show_province_place).run(lambda: province_mode(db))

    @property
    def province_page(self) -> ProvincePage:
        """The Province place (dashboard, review, designation), built on first use."""
        if self._province_page is None:
            from ovop_desktop.ui.province.province_page import ProvincePage

            page = ProvincePage(self.db, self.paths, self.worker, self.rubric)
            self.ui.pages.insertWidget(PROVINCE_PAGE, page)
            self.ui.pages.removeWidget(self._province_slot)
            self._province_slot.deleteLater()
            self._province_page = page
            window_state.restore_parts(self, self.paths, page)
        return self._province_page

    @property
    def map_page(self) -> MapPage:
        """The Peta place, built on first use."""
        if self._map_page is None:
            from ovop_desktop.ui.map.map_page import MapPage

            page = MapPage(self.db, self.paths, self.worker, self.rubric)
            page.surveyRequested.connect(self.open_survey)
            self.ui.pages.insertWidget(MAP_PAGE, page)
            self.ui.pages.removeWidget(self._map_slot)
            self._map_slot.deleteLater()
            self._map_page = page
        return self._map_page

    def go_to(self, row: int, *, focus: bool = False) -> None:
        """Show the place of that row, unless it is hidden (the province's, on a laptop);
        `focus` (its shortcut, Ctrl+1…) puts the keyboard in the place's first field."""
        item = self.ui.navigation.item(row)
        if item is not None and not item.isHidden():
            self.ui.navigation.setCurrentRow(row)
            if focus:
                focus_first_field(self.ui.pages.currentWidget())

    @Slot(object)
    def show_province_place(self, shown: object) -> None:
        """The province place in the navigation, or not (leaving it if it is open)."""
        item = self.ui.navigation.item(PROVINCE_PAGE)
        item.setHidden(not shown)
        if not shown and self.ui.navigation.currentRow() == PROVINCE_PAGE:
            self.ui.navigation.setCurrentRow(SETTINGS_PAGE)

    def closeEvent(self, event: QCloseEvent) -> None:
        """The window closes once the open survey is saved and the worker has run what it was
        given (or after CLOSE_WAIT_MS): it asks for that and goes on when the worker reports,
        without waiting on the GUI thread."""
        if self._attached and not self._closing:
            self._closing = True
            self.editor.leave(then=self._on_editor_left)
        if self._editor_left and not self.worker.busy:
            self._may_close = True
        if self._may_close or not self._attached:
            window_state.save(self, self.paths)
            super().closeEvent(event)
            return
        event.ignore()
        QTimer.singleShot(CLOSE_WAIT_MS, self, self._close_now)

    def _on_editor_left(self) -> None:
        self._editor_left = True
        # Not self.close() here: this may run inside closeEvent, where a second close is ignored.
        QTimer.singleShot(0, self, self._on_worker_idle)

    @Slot()
    def _on_worker_idle(self) -> None:
        if self._attached and self._painted and not self._parts_restored:
            # Again once the first lists have loaded: a table fits its columns to its first rows.
            self._parts_restored = True
            window_state.restore_parts(self, self.paths)
        if self._closing and self._editor_left and not self.worker.busy:
            self._close_now()

    @Slot()
    def _close_now(self) -> None:
        if not self._may_close:
            self._may_close = True
            self.close()
