"""The batch of letters for a kabupaten/kota or kecamatan: a folder, progress and Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ovop_desktop.core.regions import addressee_for
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.letters.batch import BatchResult, issue_region_letters
from ovop_desktop.services.letters.letter_content import LetterOptions
from ovop_desktop.services.letters.letter_settings import (
    Signatory,
    load_default_tembusan,
    load_letter_settings,
)
from ovop_desktop.services.regions import RegionHit, children, regencies
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.kit.combo import refill_combo
from ovop_desktop.ui.kit.messages import ERROR_STYLE, OK_STYLE, WARN_STYLE
from ovop_desktop.ui.letters.letter_dialog import (
    PAPERS,
    SIFAT,
    picked_date,
)
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.worker import Worker

# The regencies, the signatories and the default tembusan, as loaded for the batch.
_Loaded = tuple[list[RegionHit], tuple[Signatory, ...], tuple[str, ...]]


class RegionLetters(QGroupBox):
    """The letters of every village of a kabupaten/kota (or one kecamatan) into a folder, with
    progress and Cancel. `finished()` when the batch ends: the register has new letters."""

    finished = Signal()

    def __init__(
        self,
        db: Database,
        paths: AppPaths,
        worker: Worker,
        rubric: Rubric,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Letters for a region"), parent)
        self.db, self.paths, self.worker, self.rubric = db, paths, worker, rubric
        self.progress_seen: list[tuple[int, int]] = []
        self._batch: Operation[BatchResult] | None = None  # the batch running, for Cancel
        self.regency_combo = QComboBox()
        self.regency_combo.addItem(self.tr("Choose…"), None)
        self.district_combo = QComboBox()
        self.signatory_combo = QComboBox()
        self.paper_combo = QComboBox()
        for code, _text in PAPERS:
            self.paper_combo.addItem(code, code)
        self.sifat_combo = QComboBox(editable=True)
        self.sifat_combo.addItems(SIFAT)
        self.lampiran_edit = QLineEdit("1 (satu) berkas")
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.tembusan: tuple[str, ...] = ()  # from the letter settings until edited
        self._tembusan_edited = False
        self.tembusan_button = QPushButton()
        self._show_tembusan()
        self.replace_check = QCheckBox(
            self.tr("Also villages that already have a letter (with a reason):")
        )
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("Why their letters are replaced"))
        self.reason_edit.setEnabled(False)
        self.start_button = QPushButton(self.tr("Choose folder and &start…"))
        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("%v of %m letters"))
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.summary = QLabel(
            self.tr(
                "Each village with a fully assessed candidate gets a numbered letter, entered in "
                "the register and written as a PDF into the folder you choose."
            )
        )
        self.summary.setWordWrap(True)
        grid = QGridLayout(self)
        grid.setVerticalSpacing(4)
        for column, (text, combo, stretch) in enumerate(
            (
                (self.tr("Regency / City"), self.regency_combo, 3),
                (self.tr("District"), self.district_combo, 3),
                (self.tr("Signatory"), self.signatory_combo, 4),
                (self.tr("Paper"), self.paper_combo, 1),
            )
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(4)
            grid.addWidget(label, 0, column)
            grid.addWidget(combo, 1, column)
            grid.setColumnStretch(column, stretch)
        for column, (text, widget) in enumerate(
            (
                (self.tr("Sifat"), self.sifat_combo),
                (self.tr("Lampiran"), self.lampiran_edit),
                (self.tr("Letter date"), self.date_edit),
                (self.tr("Tembusan"), self.tembusan_button),
            )
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            grid.addWidget(label, 2, column)
            grid.addWidget(widget, 3, column)
        replacing = QHBoxLayout()
        replacing.addWidget(self.replace_check)
        replacing.addWidget(self.reason_edit, 1)
        grid.addLayout(replacing, 4, 0, 1, 5)
        grid.addWidget(self.start_button, 1, 4)
        grid.addWidget(self.progress, 5, 0, 1, 4)
        grid.addWidget(self.cancel_button, 5, 4)
        grid.addWidget(self.summary, 6, 0, 1, 5)
        self._set_running(False)
        self.regency_combo.currentIndexChanged.connect(self._on_regency_combo_current_index_changed)
        self.start_button.clicked.connect(self._on_start_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.tembusan_button.clicked.connect(self._on_tembusan_button_clicked)
        self.replace_check.toggled.connect(self.reason_edit.setEnabled)

    def load(self) -> None:
        db = self.db
        Operation[_Loaded](self, self.worker).errors_in(self.summary).success(self._on_loaded).run(
            lambda: (
                regencies(db),
                load_letter_settings(db).signatories,
                load_default_tembusan(db),
            )
        )

    @Slot(object)
    def _on_loaded(self, loaded: _Loaded) -> None:
        hits, people, tembusan = loaded
        if not self._tembusan_edited:
            self.tembusan = tembusan
            self._show_tembusan()
        refill_combo(self.regency_combo, [(hit.name, hit.code) for hit in hits])
        self._on_regency_combo_current_index_changed(self.regency_combo.currentIndex())
        self.signatory_combo.clear()
        for person in people:
            self.signatory_combo.addItem(f"{person.position} — {person.name}")

    @Slot(int)
    def _on_regency_combo_current_index_changed(self, _index: int) -> None:
        self.district_combo.clear()
        self.district_combo.addItem(self.tr("All districts"), None)
        code = self.regency_combo.currentData()
        if code is not None:
            db = self.db
            Operation[tuple[str, list[RegionHit]]](self, self.worker).errors_in(
                self.summary
            ).success(self._on_districts_loaded).run(lambda: (code, children(db, code)))

    @Slot(object)
    def _on_districts_loaded(self, loaded: tuple[str, list[RegionHit]]) -> None:
        code, hits = loaded
        if code != self.regency_combo.currentData():
            return
        for hit in hits:
            self.district_combo.addItem(hit.name, hit.code)

    @Slot()
    def _on_start_button_clicked(self) -> None:
        if self.regency_combo.currentData() is None:
            self._say(self.tr("Choose the regency or city first."), ERROR_STYLE)
            return
        if self.signatory_combo.count() == 0:
            self._say(self.tr("Add a signatory under Letter settings first."), ERROR_STYLE)
            return
        if self.replace_check.isChecked() and not self.reason_edit.text().strip():
            self._say(
                self.tr("Write why the letters already issued are replaced, or untick the box."),
                ERROR_STYLE,
            )
            return
        dialogs.choose_folder(self, self.tr("Folder for the letters"), self.run)

    def _show_tembusan(self) -> None:
        self.tembusan_button.setText(self.tr("Edit… (%1)").replace("%1", str(len(self.tembusan))))
        self.tembusan_button.setToolTip("\n".join(self.tembusan))

    @Slot()
    def _on_tembusan_button_clicked(self) -> None:
        self.edit_tembusan()

    def edit_tembusan(self) -> QDialog:
        """The tembusan of this batch, one per line (starting from the letter settings)."""
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Tembusan"))
        layout = QVBoxLayout(dialog)
        label = QLabel(self.tr("Copies to, one per line (e.g. Camat Takisung;):"))
        edit = QPlainTextEdit("\n".join(self.tembusan))
        edit.setTabChangesFocus(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        for widget in (label, edit, buttons):
            layout.addWidget(widget)

        def accepted() -> None:
            lines = edit.toPlainText().splitlines()
            self.tembusan = tuple(" ".join(line.split()) for line in lines if line.strip())
            self._tembusan_edited = True
            self._show_tembusan()

        dialog.accepted.connect(accepted)
        dialog.resize(460, 240)
        dialog.open()
        return dialog

    def run(self, folder: str) -> None:
        """Issue the region's letters into `folder` on the worker."""
        region = self.district_combo.currentData() or self.regency_combo.currentData()
        options = LetterOptions(
            addressee=addressee_for(self.regency_combo.currentText()),
            addressee_place="Tempat",
            sifat=self.sifat_combo.currentText().strip() or SIFAT[0],
            lampiran=self.lampiran_edit.text().strip() or "-",
            tembusan=self.tembusan,
            signatory=self.signatory_combo.currentIndex(),
            paper=self.paper_combo.currentData(),
            issued_on=picked_date(self.date_edit),
        )
        replacing = self.replace_check.isChecked()
        reason = self.reason_edit.text().strip() or None if replacing else None
        db, paths, rubric, out_dir = self.db, self.paths, self.rubric, Path(folder)
        self.progress_seen = []
        batch = self._batch = Operation[BatchResult](self, self.worker)

        def job() -> BatchResult:  # the service keeps each letter's copy in the data folder
            return issue_region_letters(
                db,
                paths,
                region,
                options,
                rubric,
                out_dir,
                progress=batch.report,
                cancelled=batch.cancelled,
                replace_existing=replacing,
                reason=reason,
            )

        self._set_running(True)
        self.progress.setRange(0, 0)  # busy until the number of letters is known
        self._say(self.tr("Preparing the letters…"), "")
        batch.progress(self._on_progressed).errors_in(self.summary).always(
            self._on_batch_ended
        ).success(lambda result: self._on_done(result, out_dir)).run(job)

    @Slot(int, int)
    def _on_progressed(self, done: int, total: int) -> None:
        self.progress_seen.append((done, total))
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    @Slot()
    def _on_cancel_button_clicked(self) -> None:
        if self._batch is not None:
            self._batch.cancel()
        self.cancel_button.setEnabled(False)
        self._say(self.tr("Cancelling after the letters being written…"), "")

    def _on_batch_ended(self) -> None:
        """Done, cancelled or failed: the register may have new letters either way."""
        self._batch = None
        self._set_running(False)
        self.finished.emit()

    def _on_done(self, result: BatchResult, folder: Path) -> None:
        text = self.tr("%1 letters written to %2.")
        text = text.replace("%1", str(len(result.written))).replace("%2", str(folder))
        if result.cancelled:
            text = self.tr("Cancelled.") + " " + text
        if result.skipped:
            text += " " + self.tr("Not complete yet: %1.").replace("%1", ", ".join(result.skipped))
        if result.unfinished:
            text += " " + self.tr("Skipped, work not final yet: %1.").replace(
                "%1", ", ".join(result.unfinished)
            )
        if result.already_lettered:
            skipped = self.tr("Skipped because they already have a letter (%1): %2.")
            text += " " + skipped.replace("%1", str(len(result.already_lettered))).replace(
                "%2", ", ".join(result.already_lettered)
            )
        self._say(text, OK_STYLE if result.written else WARN_STYLE)

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.start_button.setEnabled(not running)

    def _say(self, text: str, style: str) -> None:
        self.summary.setStyleSheet(style)
        self.summary.setText(text)
