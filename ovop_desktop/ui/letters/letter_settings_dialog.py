"""The letter settings: letterhead (kop surat), place, number template and signatories.

A letter is refused until these are filled in; the dialog is opened from the letters page and
from a letter's refusal. Loading and saving run on the worker.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ovop_desktop.core.letter_identity import letter_number
from ovop_desktop.services.database import Database
from ovop_desktop.services.letters.letter_settings import (
    DEFAULT_TEMPLATE,
    Letterhead,
    LetterSettings,
    Signatory,
    load_default_tembusan,
    load_letter_settings,
    save_default_tembusan,
    save_letter_settings,
)
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.kit.messages import ERROR_STYLE, OK_STYLE
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.worker import Worker

NIP_DIGITS = 18
POSITION, NAME, RANK, NIP, DELEGATION = range(5)


class LetterSettingsDialog(QDialog):
    """`saved()` once the settings are stored; the dialog then closes."""

    saved = Signal()

    def __init__(self, db: Database, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.worker = db, worker
        self.setWindowTitle(self.tr("Letter settings"))
        layout = QVBoxLayout(self)

        head = QGroupBox(self.tr("Letterhead (kop surat)"))
        head_form = QFormLayout(head)
        self.government_edit = QLineEdit()
        self.government_edit.setPlaceholderText("PEMERINTAH PROVINSI KALIMANTAN SELATAN")
        self.agency_edit = QLineEdit()
        self.agency_edit.setPlaceholderText("DINAS KOPERASI DAN USAHA KECIL MENENGAH")
        self.address_edit = QPlainTextEdit()
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setPlaceholderText(
            self.tr("Address; telephone, website and e-mail: one line each")
        )
        self.address_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.logo_edit = QLineEdit(readOnly=True)
        self.logo_edit.setPlaceholderText(self.tr("No logo (optional)"))
        self.logo_button = QPushButton(self.tr("Choose…"))
        self.logo_clear_button = QPushButton(self.tr("Remove"))
        logo_row = QHBoxLayout()
        logo_row.setContentsMargins(0, 0, 0, 0)
        logo_row.addWidget(self.logo_edit, 1)
        logo_row.addWidget(self.logo_button)
        logo_row.addWidget(self.logo_clear_button)
        head_form.addRow(self.tr("&Government"), self.government_edit)
        head_form.addRow(self.tr("Agenc&y"), self.agency_edit)
        head_form.addRow(self.tr("Add&ress lines"), self.address_edit)
        head_form.addRow(self.tr("Logo"), logo_row)
        layout.addWidget(head)

        numbering = QGroupBox(self.tr("Place and number"))
        numbering_form = QFormLayout(numbering)
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText("Banjarbaru")
        self.template_edit = QLineEdit()
        self.template_edit.setToolTip(
            self.tr(
                "{nomor}: sequence number (restarts each year), {bulan}: month in Roman "
                "numerals, {tahun}: year"
            )
        )
        self.template_example = QLabel()
        self.template_example.setWordWrap(True)
        numbering_form.addRow(self.tr("Letter &place"), self.place_edit)
        numbering_form.addRow(self.tr("&Number template"), self.template_edit)
        numbering_form.addRow("", self.template_example)
        self.tembusan_edit = QPlainTextEdit()
        self.tembusan_edit.setTabChangesFocus(True)
        self.tembusan_edit.setPlaceholderText(
            self.tr("One per line, e.g. Gubernur Kalimantan Selatan (sebagai laporan);")
        )
        self.tembusan_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.tembusan_edit.setToolTip(
            self.tr("Every new letter starts with these copies; each letter can change them.")
        )
        numbering_form.addRow(self.tr("Default &tembusan"), self.tembusan_edit)
        layout.addWidget(numbering)

        people = QGroupBox(self.tr("Signatories"))
        people_layout = QVBoxLayout(people)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Position"),
                self.tr("Name"),
                self.tr("Rank/grade"),
                self.tr("NIP"),
                self.tr("Delegation line"),
            ]
        )
        self.table.setToolTip(
            self.tr(
                'Delegation line: for delegated signing, e.g. "a.n. Kepala Dinas"; several '
                "lines: separate them with ;"
            )
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        self.table.setWordWrap(False)
        samples = {
            RANK: "Pembina Utama Muda (IV/c)",
            NIP: "8" * NIP_DIGITS,
            DELEGATION: "a.n. Kepala Dinas",
        }
        for column in range(5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column, sample in samples.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, self.fontMetrics().horizontalAdvance(sample) + 24)
        self.table.setMinimumHeight(90)
        self.add_button = QPushButton(self.tr("&Add signatory"))
        self.remove_button = QPushButton(self.tr("Re&move signatory"))
        rows = QHBoxLayout()
        rows.addWidget(self.add_button)
        rows.addWidget(self.remove_button)
        rows.addStretch(1)
        people_layout.addWidget(self.table)
        people_layout.addLayout(rows)
        layout.addWidget(people, 1)

        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.resize(880, 640)

        self.template_edit.textChanged.connect(self._on_template_edit_text_changed)
        self.logo_button.clicked.connect(self._on_logo_button_clicked)
        self.logo_clear_button.clicked.connect(self.logo_edit.clear)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.template_edit.setText(DEFAULT_TEMPLATE)
        self.load()

    def load(self) -> None:
        db = self.db
        self.save_button.setEnabled(False)
        Operation[tuple[LetterSettings, tuple[str, ...]]](self, self.worker).errors_in(
            self.message
        ).success(self._on_loaded).run(
            lambda: (load_letter_settings(db), load_default_tembusan(db))
        )

    @Slot(object)
    def _on_loaded(self, loaded: tuple[LetterSettings, tuple[str, ...]]) -> None:
        settings, tembusan = loaded
        self.save_button.setEnabled(True)
        self.tembusan_edit.setPlainText("\n".join(tembusan))
        if settings.letterhead is not None:
            self.government_edit.setText(settings.letterhead.government)
            self.agency_edit.setText(settings.letterhead.agency)
            self.address_edit.setPlainText("\n".join(settings.letterhead.address_lines))
        self.logo_edit.setText(settings.logo_path or "")
        self.place_edit.setText(settings.place or "")
        self.template_edit.setText(settings.number_template or DEFAULT_TEMPLATE)
        self.table.setRowCount(0)
        for person in settings.signatories:
            self.add_signatory(person)
        if not settings.signatories:
            self.add_signatory(None)

    def add_signatory(self, person: Signatory | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = (
            ("", "", "", "", "")
            if person is None
            else (
                person.position,
                person.name,
                person.rank,
                person.nip,
                "; ".join(person.delegation),
            )
        )
        for column, value in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(value))

    @Slot()
    def _on_add_button_clicked(self) -> None:
        self.add_signatory(None)
        self.table.setCurrentCell(self.table.rowCount() - 1, POSITION)
        if (item := self.table.currentItem()) is not None:
            self.table.editItem(item)

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    @Slot()
    def _on_logo_button_clicked(self) -> None:
        dialogs.open_files(
            self,
            self.tr("Choose the agency's logo"),
            self.tr("Images (*.png *.jpg *.jpeg)"),
            self._on_logo_chosen,
        )

    def _on_logo_chosen(self, files: list[str]) -> None:
        if files:
            self.logo_edit.setText(str(Path(files[0])))

    @Slot(str)
    def _on_template_edit_text_changed(self, template: str) -> None:
        if "{nomor}" not in template:
            self.template_example.setStyleSheet(ERROR_STYLE)
            self.template_example.setText(
                self.tr(
                    "The template must contain {nomor}, the sequence number. Example: %1"
                ).replace("%1", DEFAULT_TEMPLATE)
            )
            return
        self.template_example.setStyleSheet("color: #4a5258;")
        self.template_example.setText(
            self.tr("Example: %1").replace("%1", letter_number(template, 7, date.today()))
        )

    def signatories(self) -> list[Signatory] | str:
        """The signatories typed in the table, or what is wrong with them."""
        people = []
        for row in range(self.table.rowCount()):
            cells = [
                (item.text().strip() if (item := self.table.item(row, c)) else "") for c in range(5)
            ]
            if not any(cells):
                continue
            position, name, rank, nip, delegation = cells
            if not position or not name:
                return self.tr("Signatory %1: fill in the position and the name.").replace(
                    "%1", str(row + 1)
                )
            nip = nip.replace(" ", "")
            if not (nip.isdigit() and len(nip) == NIP_DIGITS):
                return self.tr("Signatory %1: the NIP has 18 digits.").replace("%1", str(row + 1))
            lines = tuple(line.strip() for line in delegation.split(";") if line.strip())
            people.append(Signatory(position, name, rank, nip, lines))
        if not people:
            return self.tr("Add at least one signatory.")
        return people

    @Slot()
    def _on_save_button_clicked(self) -> None:
        # Saved by its shortcut while a signatory cell is still being typed in: the focus
        # leaving the cell's editor commits what it holds, so the last value typed is not lost.
        if self.table.state() == QAbstractItemView.State.EditingState:
            self.save_button.setFocus(Qt.FocusReason.ShortcutFocusReason)
        people = self.signatories()
        missing = [
            text
            for text, edit in (
                (self.tr("Fill in the government name of the letterhead."), self.government_edit),
                (self.tr("Fill in the agency name of the letterhead."), self.agency_edit),
                (self.tr("Fill in the place the letters are issued in."), self.place_edit),
            )
            if not edit.text().strip()
        ]
        if isinstance(people, str):
            missing.append(people)
        if missing:
            self._show(" ".join(missing), ERROR_STYLE)
            return
        assert not isinstance(people, str)
        db = self.db
        letterhead = Letterhead(
            self.government_edit.text().strip(),
            self.agency_edit.text().strip(),
            tuple(
                line.strip()
                for line in self.address_edit.toPlainText().splitlines()
                if line.strip()
            ),
        )
        template, place = self.template_edit.text().strip(), self.place_edit.text().strip()
        logo = self.logo_edit.text().strip() or None
        tembusan = self.tembusan_edit.toPlainText().splitlines()

        def job() -> None:
            save_letter_settings(
                db,
                letterhead=letterhead,
                signatories=people,
                number_template=template,
                place=place,
                logo_path=logo,
            )
            save_default_tembusan(db, tembusan)

        self.save_button.setEnabled(False)
        Operation[None](self, self.worker).errors_in(self.message).always(
            self._on_save_ended
        ).success(self._on_saved).run(job)

    def _on_save_ended(self) -> None:
        self.save_button.setEnabled(True)

    @Slot(object)
    def _on_saved(self, _result: object) -> None:
        self._show(self.tr("Letter settings saved."), OK_STYLE)
        self.saved.emit()
        self.accept()

    def _show(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)
