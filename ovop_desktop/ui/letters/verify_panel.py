"""Verifying a letter on the Surat page: a PDF file, a typed code, a scanned QR text or a letter
number in; the verdict (is this file the issued one?) and what the register holds out, to be
compared with the paper; and the issued original handed out again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ovop_desktop.core.formatting import star_text
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.letters.originals import save_original
from ovop_desktop.services.letters.verification import (
    RegisteredLetter,
    Verification,
    verify_letter,
)
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.kit.display import date_text, in_language, short_date, total_text
from ovop_desktop.ui.kit.messages import ERROR_STYLE, OK_STYLE, WARN_STYLE
from ovop_desktop.ui.kit.read_only_table import read_only_tree
from ovop_desktop.ui.letters.letter_dialog import pdf_file_name
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.worker import Worker

CODE_ROLE = Qt.ItemDataRole.UserRole
FIELDS = (
    "number",
    "date",
    "village",
    "product",
    "total",
    "stars",
    "signatory",
    "status",
    "void_reason",
    "code",
)


class VerifyPanel(QWidget):
    def __init__(
        self, db: Database, paths: AppPaths, worker: Worker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.paths, self.worker = db, paths, worker
        self.result: Verification | None = None

        self.verify_edit = QLineEdit(
            placeholderText=self.tr("Verification code, QR text, letter number or PDF file")
        )
        self.verify_edit.setClearButtonEnabled(True)
        self.verify_button = QPushButton(self.tr("V&erify"))
        self.verify_pdf_button = QPushButton(self.tr("Verify a PD&F…"))
        self.original_button = QPushButton(self.tr("Save the &original…"))
        self.original_button.setEnabled(False)
        self.original_button.setToolTip(
            self.tr("Save the letter's PDF exactly as it was issued, to hand out")
        )
        entry = QHBoxLayout()
        entry.addWidget(self.verify_edit, 1)
        entry.addWidget(self.verify_button)
        entry.addWidget(self.verify_pdf_button)

        self.message = QLabel(
            self.tr(
                "A printed letter: type the code printed under its QR code, or paste the text "
                "a scanner reads from the QR code. A file: choose its PDF. Only the issued "
                "file itself is identical to the archive."
            )
        )
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        labels = {
            "number": self.tr("Number"),
            "date": self.tr("Date"),
            "village": self.tr("Village"),
            "product": self.tr("Product"),
            "total": self.tr("Total"),
            "stars": self.tr("Stars"),
            "signatory": self.tr("Signatory"),
            "status": self.tr("Status"),
            "void_reason": self.tr("Void reason"),
            "code": self.tr("Verification code"),
        }
        self.values: dict[str, QLabel] = {}
        self.details = QWidget()
        grid = QGridLayout(self.details)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        for index, field in enumerate(FIELDS):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[field] = value
            row, column = divmod(index, 2)
            grid.addWidget(QLabel(labels[field] + ":"), row, column * 2)
            grid.addWidget(value, row, column * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.details.hide()

        self.matches = read_only_tree(
            [
                self.tr("Number"),
                self.tr("Date"),
                self.tr("Village"),
                self.tr("Signatory"),
                self.tr("Verification code"),
            ],
            {0: "500.2/123/DKUKM/XI/2026", 1: "30 Nov 2026", 4: "K7QPA-M2XD4"},
        )
        self.matches.setToolTip(self.tr("Double-click a letter to verify it by its code"))
        self.matches.hide()

        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.original_button)
        layout = QVBoxLayout(self)
        layout.addLayout(entry)
        layout.addWidget(self.message)
        layout.addWidget(self.details)
        layout.addWidget(self.matches, 1)
        layout.addStretch(0)
        layout.addLayout(bottom)

        self.verify_button.clicked.connect(self._on_verify_button_clicked)
        self.verify_edit.returnPressed.connect(self._on_verify_button_clicked)
        self.verify_pdf_button.clicked.connect(self._on_verify_pdf_button_clicked)
        self.original_button.clicked.connect(self._on_original_button_clicked)
        self.matches.itemActivated.connect(self._on_matches_item_activated)

    # --- verifying ---------------------------------------------------------------------------

    @Slot()
    def _on_verify_button_clicked(self) -> None:
        text = self.verify_edit.text().strip()
        if text:
            self.verify(text)

    @Slot()
    def _on_verify_pdf_button_clicked(self) -> None:
        dialogs.open_files(
            self,
            self.tr("Choose the letter's PDF"),
            self.tr("PDF (*.pdf)"),
            lambda files: self.verify(Path(files[0])) if files else None,
        )

    @Slot(object, int)
    def _on_matches_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.verify_edit.setText(str(item.data(0, CODE_ROLE)))
        self.verify(str(item.data(0, CODE_ROLE)))

    def verify(self, given: str | Path) -> None:
        db = self.db
        self._show(None)
        Operation[Verification](self, self.worker).errors_in(self.message).success(
            self._on_verified
        ).run(lambda: verify_letter(db, given))

    @Slot(object)
    def _on_verified(self, result: Verification) -> None:
        self._show(result)

    def _show(self, result: Verification | None) -> None:
        self.result = result
        letter = result.letter if result else None
        self.original_button.setEnabled(letter is not None)
        self.details.setVisible(letter is not None)
        self.matches.setVisible(bool(result and result.matches))
        self.matches.clear()
        if result is None:
            self.message.clear()
            return
        if result.authentic:
            style = OK_STYLE
        elif letter is not None and result.same_file is not False and letter.state == "changed":
            style = WARN_STYLE
        else:
            style = ERROR_STYLE
        self.message.setStyleSheet(style)
        self.message.setText(in_language(result.message_id, result.message_en))
        if letter is not None:
            self._fill(letter)
        for match in result.matches:
            item = QTreeWidgetItem(
                [
                    match.number,
                    short_date(match.issued_on),
                    match.village or "",
                    match.signatory,
                    match.verification_code,
                ]
            )
            item.setData(0, CODE_ROLE, match.verification_code)
            self.matches.addTopLevelItem(item)

    def _status(self, letter: RegisteredLetter) -> str:
        if letter.state == "void":
            return self.tr("VOIDED")
        if letter.state == "replaced":
            return (
                self.tr("REPLACED by letter %1: %2")
                .replace("%1", letter.replaced_by or "?")
                .replace("%2", letter.replace_reason or "—")
            )
        if letter.state == "changed":
            return self.tr("Issued; the assessment has changed since")
        return self.tr("Issued, valid")

    def _fill(self, letter: RegisteredLetter) -> None:
        stars = ""
        if letter.stars is not None:
            out_of = letter.max_stars or letter.stars
            stars = f"{star_text(letter.stars, out_of)} ({letter.stars}/{out_of})"
        texts = {
            "number": letter.number,
            "date": date_text(letter.issued_on),
            "village": letter.village or "—",
            "product": letter.product or "—",
            "total": total_text(letter.total) if letter.total is not None else "—",
            "stars": stars or "—",
            "signatory": letter.signatory_text(),
            "status": self._status(letter),
            "void_reason": letter.void_reason or "—",
            "code": letter.verification_code,
        }
        for field, text in texts.items():
            self.values[field].setText(text)
        self.values["status"].setStyleSheet(
            ERROR_STYLE if letter.state in ("void", "replaced") else ""
        )

    # --- the original ------------------------------------------------------------------------

    @Slot()
    def _on_original_button_clicked(self) -> None:
        letter = self.result.letter if self.result else None
        if letter is None:
            return
        dialogs.save_file(
            self,
            self.tr("Save the original letter as PDF"),
            pdf_file_name(letter.number, letter.village or ""),
            self.tr("PDF (*.pdf)"),
            lambda path: self.save_original(letter, Path(path)),
        )

    def save_original(self, letter: RegisteredLetter, target: Path) -> None:
        db, paths, letter_id = self.db, self.paths, letter.letter_id
        Operation[Path](self, self.worker).errors_in(self.message).success(
            self._on_original_saved
        ).run(lambda: save_original(db, paths, letter_id, target))

    @Slot(object)
    def _on_original_saved(self, target: Path) -> None:
        self.message.setStyleSheet(OK_STYLE)
        self.message.setText(
            self.tr("The original issued letter is saved to %1.").replace("%1", str(target))
        )
