"""The dialog that records a designation: the village or kecamatan (picked from the region list),
the product (one of the candidates surveyed there, or a name typed with its category), the date,
the decision basis and the decree number. Lookups and saving run on the worker; a refusal shows
next to its field.
"""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ovop_desktop.core.errors import DomainError
from ovop_desktop.core.regions import RegionLevel, parse_code
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError
from ovop_desktop.services.province.designations import (
    BASIS_MAX,
    DECREE_MAX,
    NAME_MAX,
    DesignationInput,
    RegionCandidate,
    designate,
    region_candidates,
)
from ovop_desktop.ui.kit.display import category_names, short_date
from ovop_desktop.ui.kit.messages import ERROR_STYLE, error_text
from ovop_desktop.ui.kit.region_picker import RegionPicker
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.worker import Worker

OTHER_PRODUCT = "other"  # the product combo's item for a name typed here


def _is_district(code: str) -> bool:
    """A kecamatan's code: its designation covers the whole district."""
    return parse_code(code).level is RegionLevel.KECAMATAN


class DesignationDialog(QDialog):
    """`saved(designation_id)` once the designation is stored; the dialog then closes."""

    saved = Signal(object)  # uuid.UUID

    def __init__(
        self, db: Database, worker: Worker, rubric: Rubric, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.worker, self.rubric = db, worker, rubric
        self._region: str | None = None
        self.setWindowTitle(self.tr("Record a designated OVOP product"))

        self.search = QLineEdit(placeholderText=self.tr("Type a village name to find it…"))
        self.search.setAccessibleName(self.tr("Find a village"))
        self.regency = QComboBox()
        self.regency.setAccessibleName(self.tr("Regency / City"))
        self.district = QComboBox()
        self.district.setAccessibleName(self.tr("District"))
        self.village = QComboBox()
        self.village.setAccessibleName(self.tr("Village"))
        self.picker = RegionPicker(
            db, worker, self.search, self.regency, self.district, self.village
        )
        self.region_label = QLabel()
        self.region_label.setWordWrap(True)

        self.product = QComboBox()
        self.product.setAccessibleName(self.tr("Product"))
        self.product_name = QLineEdit(placeholderText=self.tr("Name of the designated product"))
        self.product_name.setMaxLength(NAME_MAX)
        self.product_name.setAccessibleName(self.tr("Product name"))
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Category"))
        self.category.addItem(self.tr("— choose category —"), "")
        for category_id, name in category_names(rubric).items():
            self.category.addItem(name, category_id)

        self.decided_on = QDateEdit()
        self.decided_on.setCalendarPopup(True)
        self.decided_on.setDisplayFormat("dd/MM/yyyy")
        self.decided_on.setMaximumDate(QDate.currentDate())
        self.decided_on.setDate(QDate.currentDate())
        self.basis = QPlainTextEdit()
        self.basis.setTabChangesFocus(True)
        # About five lines: a summary, not the decree's text.
        self.basis.setFixedHeight(self.basis.fontMetrics().lineSpacing() * 5 + 12)
        self.basis.setPlaceholderText(
            self.tr("e.g. OVOP assessment 2026 (4 stars) and the minutes of the team meeting")
        )
        self.basis.setToolTip(
            self.tr("A summary of at most %1 characters; the full text is in the decree.").replace(
                "%1", str(BASIS_MAX)
            )
        )
        self.decree = QLineEdit(placeholderText=self.tr("e.g. 188.44/0123/KUM/2026"))
        self.decree.setMaxLength(DECREE_MAX)

        self.errors = {
            field: self._error_label()
            for field in ("region_code", "product", "category", "decided_on", "basis", "decree")
        }
        self.message = self._error_label()
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("&Save designation"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)

        self.form = form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        rows: list[tuple[str, QWidget, str | None]] = [
            (self.tr("&Find village"), self.search, None),
            (self.tr("Re&gency / City"), self.regency, None),
            (self.tr("&District"), self.district, None),
            (self.tr("&Village"), self.village, "region_code"),
            ("", self.region_label, None),
            (self.tr("&Product"), self.product, "product"),
            (self.tr("Product &name"), self.product_name, None),
            (self.tr("Ca&tegory"), self.category, "category"),
            (self.tr("Dat&e of designation"), self.decided_on, "decided_on"),
            (self.tr("Decision &basis"), self.basis, "basis"),
            (self.tr("Decree (SK) n&umber"), self.decree, "decree"),
        ]
        for text, widget, error in rows:
            if not text:
                form.addRow("", widget)
                continue
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
            if error is not None:
                form.addRow("", self.errors[error])
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Choose a village, or choose only the district to designate a product for the "
                "whole district. A region has one designated product at a time."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self.picker.villageChosen.connect(self._on_picker_village_chosen)
        self.regency.activated.connect(self._on_regency_activated)
        self.district.activated.connect(self._on_district_activated)
        self.village.activated.connect(self._on_village_activated)
        self.product.currentIndexChanged.connect(self._on_product_current_index_changed)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        cancel.clicked.connect(self.reject)
        self._show_region(None)
        self.picker.load()
        self.resize(640, self.sizeHint().height())

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setStyleSheet(ERROR_STYLE)
        label.hide()
        return label

    # --- the region and its candidates -----------------------------------------------------

    def region_code(self) -> str | None:
        return self._region

    def choose_region(self, code: str) -> None:
        """Select a village or district as if picked (tests, and reopening from the list)."""
        self.picker.show_village(code)  # a district's code selects down to the district
        self._show_region(code)

    def _show_region(self, code: str | None) -> None:
        self._region = code
        self.errors["region_code"].hide()
        if code is None:
            self.region_label.setText(self.tr("No village or district chosen yet."))
            self.form.setRowVisible(self.region_label, True)
            self._fill_products([])
            return
        whole = _is_district(code)
        self.region_label.setText(
            self.tr("The designation will cover the whole district.") if whole else ""
        )
        self.form.setRowVisible(self.region_label, whole)
        db = self.db
        Operation[tuple[str, list[RegionCandidate]]](self, self.worker).success(
            self._on_candidates_loaded
        ).run(lambda: (code, region_candidates(db, code)))

    @Slot(str)
    def _on_picker_village_chosen(self, code: str) -> None:
        self._show_region(code)

    @Slot(int)
    def _on_regency_activated(self, _index: int) -> None:
        self._show_region(None)

    @Slot(int)
    def _on_district_activated(self, _index: int) -> None:
        code = self.district.currentData()
        self._show_region(code if isinstance(code, str) else None)

    @Slot(int)
    def _on_village_activated(self, _index: int) -> None:
        if self.village.currentData() is None:  # back to "choose village": the district
            code = self.district.currentData()
            self._show_region(code if isinstance(code, str) else None)

    @Slot(object)
    def _on_candidates_loaded(self, loaded: tuple[str, list[RegionCandidate]]) -> None:
        code, candidates = loaded
        if code == self._region:
            self._fill_products(candidates)

    def _fill_products(self, candidates: list[RegionCandidate]) -> None:
        names = category_names(self.rubric)
        whole_district = self._region is not None and _is_district(self._region)
        self.product.blockSignals(True)
        self.product.clear()
        for candidate in candidates:
            category = names.get(candidate.category, candidate.category)
            # In a district the village tells candidates apart; in a village, the category.
            label = f"{candidate.name} — {candidate.village if whole_district else category}"
            self.product.addItem(label, candidate.product_id)
            self.product.setItemData(
                self.product.count() - 1,
                self.tr("%1 (%2), surveyed in %3 on %4")
                .replace("%1", candidate.name)
                .replace("%2", category)
                .replace("%3", candidate.village)
                .replace("%4", short_date(candidate.survey_date)),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.product.addItem(self.tr("Another product: type its name below"), OTHER_PRODUCT)
        self.product.setCurrentIndex(0)
        self.product.blockSignals(False)
        self._on_product_current_index_changed(0)

    @Slot(int)
    def _on_product_current_index_changed(self, _index: int) -> None:
        typed = self.product.currentData() == OTHER_PRODUCT
        self.product_name.setEnabled(typed)
        self.category.setEnabled(typed)

    # --- saving ----------------------------------------------------------------------------

    def designation_input(self) -> DesignationInput:
        chosen = self.product.currentData()
        product_id = chosen if isinstance(chosen, uuid.UUID) else None
        day = self.decided_on.date()
        return DesignationInput(
            region_code=self._region or "",
            decided_on=date(day.year(), day.month(), day.day()),
            basis=self.basis.toPlainText(),
            decree_number=self.decree.text(),
            product_id=product_id,
            product_name="" if product_id else self.product_name.text(),
            category="" if product_id else str(self.category.currentData() or ""),
        )

    @Slot()
    def _on_save_button_clicked(self) -> None:
        for label in (*self.errors.values(), self.message):
            label.hide()
        data, db, rubric = self.designation_input(), self.db, self.rubric
        self.save_button.setEnabled(False)
        Operation[uuid.UUID](self, self.worker).always(self._on_save_ended).success(
            self._on_saved
        ).failure(self._on_refused).run(lambda: designate(db, data, rubric))

    def _on_save_ended(self) -> None:
        self.save_button.setEnabled(True)

    @Slot(object)
    def _on_saved(self, designation_id: uuid.UUID) -> None:
        self.saved.emit(designation_id)
        self.accept()

    def _on_refused(self, error: DomainError) -> None:
        """A refusal shows next to its field; one of no field, under the form."""
        field = error.field if isinstance(error, InvalidInputError) else None
        where = {
            "region_code": ("region_code", self.search),
            "product_id": ("product", self.product),
            "product_name": ("product", self.product_name),
            "category": ("category", self.category),
            "decided_on": ("decided_on", self.decided_on),
            "basis": ("basis", self.basis),
            "decree_number": ("decree", self.decree),
        }.get(field or "")
        if where is None:
            self.message.setText(error_text(error))
            self.message.show()
            return
        label, widget = self.errors[where[0]], where[1]
        label.setText(error_text(error))
        label.show()
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
