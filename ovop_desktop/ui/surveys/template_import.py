"""The Excel template on the Survei page: save a blank template to type paper surveys into, import
a filled one on the worker, and the dialog that lists why a filled template was refused.

The services do the work (services.xlsx_template, services.xlsx_template_import), as they do for
`ovop template` and `ovop surveys import-xlsx`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ovop_desktop.core.errors import DomainError
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.kit.display import fill, in_language, number_text
from ovop_desktop.ui.kit.messages import ERROR_STYLE, OK_STYLE, error_text
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.worker import Worker

TYPE_CHECKING = False
if TYPE_CHECKING:  # the database side loads after the first paint
    from ovop_desktop.services.database import Database
    from ovop_desktop.services.surveys.xlsx_template import TemplateError, TemplateImportResult

# The template services (openpyxl, and numpy through it) load when a template is written or
# read, not with the survey list: the window's first rows come sooner.

TEMPLATE_NAME = "templat-survei-ovop.xlsx"


def start_folder() -> Path:
    """Where the file dialogs open: the officer's Documents folder, else the home folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def problem_lines(error: TemplateError) -> list[str]:
    """Every problem as the service words it (sheet and row first), in the interface language,
    sheet by sheet in the workbook's order and row by row, to fix them going down the file."""
    from ovop_desktop.services.surveys.xlsx_template import LEVEL_SHEET, PRODUCTS, SURVEYS

    order = {SURVEYS: 0, PRODUCTS: 1, LEVEL_SHEET: 2}
    problems = sorted(error.problems, key=lambda p: (order.get(p.sheet, len(order)), p.row or 0))
    return [in_language(str(problem), problem.text_en) for problem in problems]


def _write_blank(db: Database, target: Path) -> Path:
    """The save job, run on the worker."""
    from ovop_desktop.services.rubrics import rubric_in_force
    from ovop_desktop.services.surveys.xlsx_template import write_template

    return write_template(db, rubric_in_force(db), target)


def _import(db: Database, path: Path) -> TemplateImportResult:
    """The import job, run on the worker."""
    from ovop_desktop.services.surveys.xlsx_template_import import import_template_here

    return import_template_here(db, path)


class TemplateProblemsDialog(QDialog):
    """A refused template: a sentence saying nothing was imported, then every problem in a
    read-only text that the Copy button puts on the clipboard (to send or to print)."""

    def __init__(self, file_name: str, error: TemplateError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Template not imported"))
        self._file_name = file_name
        layout = QVBoxLayout(self)
        self.intro = QLabel(
            fill(
                self.tr(
                    "Nothing from %1 was imported: no survey was added or changed. Fix every row "
                    "listed below in Excel, save the file and import it again."
                ),
                file_name,
            )
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.problems = QPlainTextEdit("\n".join(problem_lines(error)), readOnly=True)
        self.problems.setAccessibleName(self.tr("Problems in the template"))
        layout.addWidget(self.problems)
        buttons = QDialogButtonBox()
        self.copy_button = buttons.addButton(
            self.tr("&Copy"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setToolTip(self.tr("Copy the list of problems to the clipboard"))
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 440)

    @Slot()
    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(f"{self._file_name}\n{self.problems.toPlainText()}")


class TemplateMenu(QObject):
    """The menu of the Excel template button and its two jobs on the worker. While a job runs
    the button is disabled and `message` says what is happening; `imported(result)` once
    surveys came in."""

    imported = Signal(object)  # TemplateImportResult

    def __init__(
        self,
        page: QWidget,
        button: QPushButton,
        message: QLabel,
        db: Database | None,
        worker: Worker,
    ) -> None:
        """`db` None until the database is open (the caller keeps `button` disabled till then
        and sets `db`)."""
        super().__init__(page)
        self.page, self.button, self.message = page, button, message
        self.db, self.worker = db, worker
        self._source = Path()
        self.problems_dialog: TemplateProblemsDialog | None = None
        self.menu = QMenu(button)
        self.save_action = self.menu.addAction(self.tr("&Save blank template…"))
        self.import_action = self.menu.addAction(self.tr("&Import filled template…"))
        self.save_action.triggered.connect(self._on_save_action_triggered)
        self.import_action.triggered.connect(self._on_import_action_triggered)
        button.setMenu(self.menu)

    def save_blank(self, target: str) -> None:
        """Write a blank template to `target` on the worker."""
        path, db = Path(target), self.db
        assert db is not None, "the template button waits for the database"
        self._busy(self.tr("Saving the blank template…"))
        self._operation().success(self._on_saved).run(lambda: _write_blank(db, path))

    def import_filled(self, source: str) -> None:
        """Import the filled template `source` on the worker."""
        path, db = Path(source), self.db
        assert db is not None, "the template button waits for the database"
        self._source = path  # named in the message once the job ends
        self._busy(fill(self.tr("Importing %1…"), path.name))
        self._operation().success(self._on_imported).run(lambda: _import(db, path))

    def _operation(self) -> Operation[Any]:
        return Operation(self.page, self.worker).always(self._idle).failure(self._on_job_failed)

    def _busy(self, text: str) -> None:
        self.button.setEnabled(False)
        self.page.setCursor(Qt.CursorShape.BusyCursor)
        self._say(text, "")

    def _idle(self) -> None:
        self.button.setEnabled(True)
        self.page.unsetCursor()

    def _say(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)
        self.message.setVisible(True)

    # Slots

    @Slot()
    def _on_save_action_triggered(self) -> None:
        dialogs.save_file(
            self.page,
            self.tr("Save a blank survey template"),
            str(start_folder() / TEMPLATE_NAME),
            self.tr("Excel workbook (*.xlsx)"),
            self.save_blank,
        )

    @Slot()
    def _on_import_action_triggered(self) -> None:
        dialogs.open_file(
            self.page,
            self.tr("Import a filled survey template"),
            str(start_folder()),
            self.tr("Excel workbook (*.xlsx)"),
            self.import_filled,
        )

    @Slot(object)
    def _on_saved(self, target: Path) -> None:
        self._say(
            fill(
                self.tr(
                    "Blank template saved as %1. Type the paper surveys into it in Excel, then "
                    "bring them in with Excel template › Import filled template."
                ),
                target,
            ),
            OK_STYLE,
        )

    @Slot(object)
    def _on_imported(self, result: TemplateImportResult) -> None:
        self._say(
            fill(
                self.tr(
                    "Imported from %1 — surveys: %2, candidate products: %3, assessments: %4 "
                    "(final: %5, draft: %6). The surveys are drafts: open each one to check it."
                ),
                self._source.name,
                number_text(result.surveys),
                number_text(result.products),
                number_text(result.assessments),
                number_text(result.final_assessments),
                number_text(result.assessments - result.final_assessments),
            ),
            OK_STYLE,
        )
        self.imported.emit(result)

    def _on_job_failed(self, error: DomainError) -> None:
        from ovop_desktop.services.surveys.xlsx_template import TemplateError

        if isinstance(error, TemplateError):
            self._say(
                fill(
                    self.tr("%1 was not imported; nothing was saved. See the list of problems."),
                    self._source.name,
                ),
                ERROR_STYLE,
            )
            self.problems_dialog = TemplateProblemsDialog(self._source.name, error, self.page)
            self.problems_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.problems_dialog.open()
            return
        self._say(error_text(error), ERROR_STYLE)
