"""One recommendation letter: the form on the left, the rendered letter on the right.

Preview builds the letter without a number; "Issue and save PDF…" numbers and registers it, then
asks where to save it (the letter stays registered if the officer cancels: a copy is kept in the
data folder and can be saved again from the letter register); Print paints the issued letter's
pages, rendered at printer resolution, onto the printer. All database and PDF work runs on the
worker.
"""

from __future__ import annotations

import logging
import re
import uuid
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ovop_desktop.core.errors import DomainError
from ovop_desktop.core.formatting import format_date_id, star_text
from ovop_desktop.core.regions import addressee_for
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError
from ovop_desktop.services.letters.letter_content import LetterOptions
from ovop_desktop.services.letters.letter_settings import SETTINGS_FIELD, load_default_tembusan
from ovop_desktop.services.letters.preview import (
    LetterContext,
    letter_context,
    preview_with_warnings,
)
from ovop_desktop.services.letters.register import IssuedLetter, LiveLetterExists, issue_letter
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.kit.display import english
from ovop_desktop.ui.kit.messages import ERROR_STYLE, OK_STYLE, WARN_STYLE, error_text
from ovop_desktop.ui.kit.pdf_preview import PdfPreview, PdfPrinter, render_pages, write_pdf
from ovop_desktop.ui.letters.letter_settings_dialog import LetterSettingsDialog
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.worker import Worker

log = logging.getLogger(__name__)
PAPERS = (("A4", "A4 (210 × 297 mm)"), ("F4", "F4 / Folio (215 × 330 mm)"))
SIFAT = ("Biasa", "Segera", "Penting")


def pdf_file_name(number: str, village: str) -> str:
    """The suggested file name of a letter; before it is issued (`number` empty), the village's
    alone: the number is taken only once the file is written."""
    safe = re.sub(r"[^A-Za-z0-9]+", "-", f"{village}-{number}").strip("-")
    return f"surat-rekomendasi-{safe}.pdf"


def picked_date(edit: QDateEdit) -> date:
    """The date chosen in `edit`, as a Python date."""
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


class LetterDialog(QDialog):
    """`issued(IssuedLetter)` once the letter is numbered and registered."""

    issued = Signal(object)

    def __init__(
        self,
        db: Database,
        paths: AppPaths,
        worker: Worker,
        survey_id: uuid.UUID,
        rubric: Rubric,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.paths, self.worker = db, paths, worker
        self.survey_id, self.rubric = survey_id, rubric
        self.letter: IssuedLetter | None = None
        self._issuing_then_print = False
        self._target: Path | None = None  # where the letter being issued is written
        self._village = ""
        self._problems: tuple[str, ...] = ()
        self.printer = PdfPrinter(worker, self)
        self.setWindowTitle(self.tr("Recommendation letter"))

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.addressee_edit = QLineEdit()
        self.place_edit = QLineEdit("Tempat")
        self.sifat_combo = QComboBox(editable=True)
        self.sifat_combo.addItems(SIFAT)
        self.lampiran_edit = QLineEdit("1 (satu) berkas")
        self.tembusan_edit = QPlainTextEdit()
        self.tembusan_edit.setTabChangesFocus(True)
        self.tembusan_edit.setPlaceholderText(
            self.tr("One per line, e.g. Gubernur Kalimantan Selatan")
        )
        self.tembusan_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        self._tembusan_filled = False  # the defaults from the letter settings, once
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.signatory_combo = QComboBox()
        self.signatory_combo.setMinimumContentsLength(16)
        self.signatory_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.paper_combo = QComboBox()
        for code, text in PAPERS:
            self.paper_combo.addItem(text, code)
        self.form_box = QWidget()
        form = QFormLayout(self.form_box)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for text, widget in (
            (self.tr("&Addressee (Yth.)"), self.addressee_edit),
            (self.tr("P&lace (di)"), self.place_edit),
            (self.tr("&Sifat"), self.sifat_combo),
            (self.tr("La&mpiran"), self.lampiran_edit),
            (self.tr("&Date"), self.date_edit),
            (self.tr("&Tembusan"), self.tembusan_edit),
            (self.tr("Si&gnatory"), self.signatory_combo),
            (self.tr("Pap&er"), self.paper_combo),
        ):
            form.addRow(text, widget)

        self.message = QLabel()
        self.message.setWordWrap(True)
        # Characters of the letter's text the font cannot draw (they print as □).
        self.glyph_warning = QLabel()
        self.glyph_warning.setWordWrap(True)
        self.glyph_warning.setStyleSheet(WARN_STYLE)
        self.glyph_warning.hide()
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.settings_button = QPushButton(self.tr("Letter settings…"))
        self.settings_button.hide()
        self.preview_button = QPushButton(self.tr("&Preview"))
        self.issue_button = QPushButton(self.tr("&Issue and save PDF…"))
        self.issue_button.setDefault(True)
        self.print_button = QPushButton(self.tr("P&rint…"))
        self.close_button = QPushButton(self.tr("Close"))
        actions = QHBoxLayout()
        actions.addWidget(self.preview_button)
        actions.addWidget(self.print_button)
        actions.addStretch(1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.addWidget(self.title)
        left_layout.addWidget(self.subtitle)
        left_layout.addSpacing(6)
        left_layout.addWidget(self.form_box)
        left_layout.addLayout(actions)
        left_layout.addWidget(self.issue_button)
        left_layout.addSpacing(4)
        left_layout.addWidget(self.message)
        left_layout.addWidget(self.glyph_warning)
        left_layout.addWidget(self.settings_button, 0, Qt.AlignmentFlag.AlignLeft)
        left_layout.addStretch(1)
        left_layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        side = QScrollArea()
        side.setWidget(left)
        side.setWidgetResizable(True)
        side.setFrameShape(QFrame.Shape.NoFrame)
        side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side.setMinimumWidth(330)
        self.preview = PdfPreview()
        self.preview.show_message(self.tr("Preparing the preview…"))
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(side)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([390, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        screen = QGuiApplication.primaryScreen().availableGeometry()
        self.resize(min(1200, screen.width() - 40), min(740, screen.height() - 40))

        self.settings_button.clicked.connect(self._on_settings_button_clicked)
        self.preview_button.clicked.connect(self.preview_letter)
        self.issue_button.clicked.connect(self._on_issue_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.close_button.clicked.connect(self.reject)
        self.printer.preparing.connect(self._on_printer_preparing)
        self.printer.printed.connect(self._on_printer_printed)
        self._set_actions_enabled(False)
        self.load()

    def _operation(self) -> Operation[Any]:
        """A job of this dialog: expected trouble is refused in plain words on the dialog."""
        return Operation(self, self.worker).failure(self._on_failed)

    def load(self) -> None:
        db, survey_id, rubric = self.db, self.survey_id, self.rubric
        self._operation().success(self._on_context_loaded).run(
            lambda: (letter_context(db, survey_id, rubric), load_default_tembusan(db))
        )

    def _on_context_loaded(self, loaded: tuple[LetterContext, tuple[str, ...]]) -> None:
        context, tembusan = loaded
        if not self._tembusan_filled and not self.tembusan_edit.toPlainText().strip():
            self.tembusan_edit.setPlainText("\n".join(tembusan))
        self._tembusan_filled = True
        self._village = context.village
        self._problems = context.problems_en if english() else context.problems
        self.title.setText(context.village)
        place = f"{context.district}, {context.regency}"
        if context.recommended is not None:
            place += "\n" + self.tr("Recommended product: %1 %2").replace(
                "%1", context.recommended
            ).replace("%2", star_text(context.stars, self.rubric.max_stars))
        self.subtitle.setText(place)
        if not self.addressee_edit.text():
            self.addressee_edit.setText(addressee_for(context.regency))
        chosen = max(0, self.signatory_combo.currentIndex())
        self.signatory_combo.clear()
        for index, text in enumerate(context.signatory_labels):
            self.signatory_combo.addItem(text)
            self.signatory_combo.setItemData(index, text, Qt.ItemDataRole.ToolTipRole)
        view = self.signatory_combo.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 24)  # the popup shows whole names
        self.signatory_combo.setCurrentIndex(min(chosen, len(context.signatories) - 1))
        if self.letter is not None:
            return
        if self._problems:
            self._refuse(
                self.tr("The letter cannot be made yet:") + " " + " ".join(self._problems),
                settings=True,
            )
        elif context.recommended is None:
            self._refuse(
                self.tr(
                    "No candidate product of %1 is fully assessed yet: the letter cannot be made."
                ).replace("%1", context.village)
            )
        else:
            self._show("", "")
            self._set_actions_enabled(True)
            self.preview_letter()

    def options(self) -> LetterOptions:
        return LetterOptions(
            addressee=self.addressee_edit.text().strip(),
            addressee_place=self.place_edit.text().strip(),
            sifat=self.sifat_combo.currentText().strip() or SIFAT[0],
            lampiran=self.lampiran_edit.text().strip() or "-",
            tembusan=tuple(
                line.strip()
                for line in self.tembusan_edit.toPlainText().splitlines()
                if line.strip()
            ),
            signatory=self.signatory_combo.currentIndex(),
            paper=self.paper_combo.currentData(),
            issued_on=picked_date(self.date_edit),
        )

    def _checked_options(self) -> LetterOptions | None:
        options = self.options()
        if not options.addressee or not options.addressee_place:
            self._refuse(self.tr("Fill in the addressee and the place (di …)."), keep=True)
            return None
        return options

    @Slot()
    def preview_letter(self) -> None:
        options = self._checked_options()
        if options is None:
            return
        db, paths, survey_id, rubric = self.db, self.paths, self.survey_id, self.rubric

        def job() -> tuple[list[QImage], list[str]]:
            pdf, missing = preview_with_warnings(db, paths, survey_id, options, rubric)
            return render_pages(pdf), missing

        self.preview.show_message(self.tr("Preparing the preview…"))
        self.preview_button.setEnabled(False)
        self._operation().success(self._on_preview_ready).run(job)

    def _on_preview_ready(self, result: tuple[list[QImage], list[str]]) -> None:
        images, missing = result
        self.preview_button.setEnabled(self.letter is None)
        self.preview.set_pages(images)
        self.show_unprintable(missing)

    def show_unprintable(self, characters: list[str]) -> None:
        """Name the characters that will print as □, with their code points (an emoji or a
        rare script may be hard to see in the form)."""
        if not characters:
            self.glyph_warning.hide()
            return
        shown = ", ".join(f"{char} (U+{ord(char):04X})" for char in characters[:12])
        if len(characters) > 12:
            shown += ", …"
        self.glyph_warning.setText(
            self.tr(
                "These characters cannot be printed with the letter's font and will appear as □: "
                "%1. Retype the names or notes that hold them, or accept the boxes."
            ).replace("%1", shown)
        )
        self.glyph_warning.show()

    @Slot()
    def _on_issue_button_clicked(self) -> None:
        if self.letter is not None:
            self.save_pdf()
        elif self._checked_options() is not None:
            self.choose_target()

    def choose_target(self) -> None:
        """Ask where the PDF goes first: the letter is numbered and registered only once its
        file is written there (cancel: nothing issued, no number used)."""
        dialogs.save_file(
            self,
            self.tr("Save the letter as PDF"),
            pdf_file_name("", self._village),
            self.tr("PDF (*.pdf)"),
            lambda path: self.issue(then_print=False, target=Path(path)),
            self._on_target_cancelled,
        )

    def _on_target_cancelled(self) -> None:
        self._show(self.tr("No letter was issued: no number was used."), "")

    def issue(
        self, *, then_print: bool, reason: str | None = None, target: Path | None = None
    ) -> None:
        """Number and register the letter, written to `target` (and the data folder's copy) in
        the same step; then print it if asked. A village that already has a live letter needs
        a `reason` (asked for when the service refuses without one)."""
        options = self._checked_options()
        if options is None:
            return
        if reason:
            options = replace(options, replace_reason=reason)
        self._issuing_then_print = then_print
        self._target = target
        db, paths, survey_id, rubric = self.db, self.paths, self.survey_id, self.rubric

        def job() -> tuple[IssuedLetter, list[QImage]]:
            letter = issue_letter(db, paths, survey_id, options, rubric, out=target)
            return letter, render_pages(letter.pdf)

        self._set_actions_enabled(False)
        self._show(self.tr("Issuing the letter…"), "")
        self._operation().success(lambda result: self._on_issued(result, then_print)).run(job)

    def _on_issued(self, result: tuple[IssuedLetter, list[QImage]], then_print: bool) -> None:
        letter, images = result
        self.letter = letter
        self.preview.set_pages(images)
        self.form_box.setEnabled(False)
        self.issue_button.setText(self.tr("Sa&ve PDF…"))
        self.issue_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self.preview_button.setEnabled(False)
        self._show(self._issued_text(), OK_STYLE)
        self.issued.emit(letter)
        if then_print:
            self.print_letter()
        elif self._target is not None:
            self._on_saved(self._target)

    def _issued_text(self) -> str:
        assert self.letter is not None
        return (
            self.tr("Letter %1 is issued and entered in the letter register; verification code %2.")
            .replace("%1", self.letter.number)
            .replace("%2", self.letter.verification_code)
        )

    def save_pdf(self) -> None:
        assert self.letter is not None
        dialogs.save_file(
            self,
            self.tr("Save the letter as PDF"),
            pdf_file_name(self.letter.number, self._village),
            self.tr("PDF (*.pdf)"),
            self._on_save_path,
            self._on_save_cancelled,
        )

    def _on_save_path(self, path: str) -> None:
        assert self.letter is not None
        pdf, target = self.letter.pdf, Path(path)

        def job() -> Path:
            write_pdf(target, pdf)
            return target

        saving = Operation[Path](self, self.worker).success(self._on_saved)
        saving.failure(self._on_save_failed).run(job)

    def _on_saved(self, target: Path) -> None:
        self._show(
            self._issued_text() + " " + self.tr("Saved to %1.").replace("%1", str(target)), OK_STYLE
        )

    def _on_save_cancelled(self) -> None:
        self._show(
            self._issued_text()
            + " "
            + self.tr(
                "The PDF was not saved: press Save PDF… here, or later Save PDF… in the letter "
                "register."
            ),
            ERROR_STYLE,
        )

    @Slot()
    def _on_print_button_clicked(self) -> None:
        if self.letter is not None:
            self.print_letter()
            return
        dialogs.confirm(
            self,
            self.tr("Issue the letter?"),
            self.tr(
                "Printing issues the letter: it takes the next number of the letter register, "
                "which is never used again."
            ),
            self.tr("Issue and print"),
            lambda: self.issue(then_print=True),
        )

    def print_letter(self) -> None:
        assert self.letter is not None
        self.printer.print_pdf(self, self.letter.pdf, self.options().paper, self.letter.number)

    @Slot()
    def _on_printer_preparing(self) -> None:
        self._show(self.tr("Preparing the pages for the printer…"), "")

    @Slot(bool)
    def _on_printer_printed(self, ok: bool) -> None:
        if ok:
            self._show(self._issued_text() + " " + self.tr("Sent to the printer."), OK_STYLE)
        else:
            self._show(
                self.tr("The printer could not be opened. Check it and try again."), ERROR_STYLE
            )

    @Slot()
    def _on_settings_button_clicked(self) -> None:
        dialog = LetterSettingsDialog(self.db, self.worker, self)
        dialog.saved.connect(self.load)
        dialog.open()

    def _on_save_failed(self, error: DomainError) -> None:
        self._refuse(
            self.tr("The PDF could not be written: %1").replace("%1", error_text(error)), keep=True
        )

    def ask_replace_reason(self, error: LiveLetterExists, then_print: bool) -> QDialog:
        """The village has a live letter: name it and ask why a new one replaces it; an empty
        reason (Cancel) issues nothing."""
        text = (
            self.tr(
                "%1 already has a live letter: number %2 of %3. A new letter replaces it, and "
                "the earlier one is marked replaced. Why is a new letter issued?"
            )
            .replace("%1", self._village)
            .replace("%2", error.number)
            .replace("%3", format_date_id(error.issued_on))
        )
        return dialogs.ask_reason(
            self,
            self.tr("Replace the letter?"),
            text,
            lambda reason: self.issue(then_print=then_print, reason=reason, target=self._target),
        )

    def _on_failed(self, error: DomainError) -> None:
        """Expected trouble of a job (bugs go to the crash dialog): refused in plain words, with
        the settings button when the refusal names missing letter settings; a live letter of
        the village asks for the reason to replace it."""
        if isinstance(error, LiveLetterExists) and self.letter is None:
            self._show(error_text(error), "")
            self._set_actions_enabled(True)
            self.ask_replace_reason(error, self._issuing_then_print)
            return
        names_settings = isinstance(error, InvalidInputError) and error.field == SETTINGS_FIELD
        message = error_text(error)
        self._refuse(message, settings=bool(self._problems) or names_settings, keep=True)
        if self.letter is None:
            self.preview.show_message(message)

    def _refuse(self, text: str, *, settings: bool = False, keep: bool = False) -> None:
        """A refusal in plain words; `keep` leaves the actions usable (the officer can fix it)."""
        self._show(text, ERROR_STYLE)
        self.settings_button.setVisible(settings)
        if not keep:
            self._set_actions_enabled(False)
            self.preview.show_message(text)
        elif self.letter is None:
            self._set_actions_enabled(True)

    def _set_actions_enabled(self, enabled: bool) -> None:
        for button in (self.preview_button, self.issue_button, self.print_button):
            button.setEnabled(enabled)
        if enabled:  # Enter issues (or, once issued, saves): a disabled button lost that role
            self.issue_button.setDefault(True)

    def _show(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)
        if style != ERROR_STYLE:
            self.settings_button.hide()
