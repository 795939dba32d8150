"""The form of one candidate product: its fields, permits and photos (drop files to add)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import QListWidgetItem, QWidget

from ovop_desktop.core.category_guess import guess_category
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.services.surveys.photos import PhotoInfo
from ovop_desktop.ui.forms.ui_product_editor import Ui_ProductEditor
from ovop_desktop.ui.kit.blank_numbers import accept_typing_over_blanks
from ovop_desktop.ui.kit.combo import type_to_choose
from ovop_desktop.ui.kit.display import category_names
from ovop_desktop.ui.kit.read_only_look import show_as_data
from ovop_desktop.ui.surveys.field_binding import Binding, bind, bind_rupiah, load

UNSORTED_CATEGORY = "lainnya"  # a new candidate's category until something better is known
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".bmp"}
MARKET_REACHES = ("desa", "kecamatan", "kabupaten", "provinsi", "nasional", "ekspor")


class ProductEditor(QWidget):
    """Emits `fieldEdited(field, value)` for each user edit and `photosDropped(paths)`."""

    fieldEdited = Signal(str, object)
    fieldError = Signal(str, object)
    photosDropped = Signal(list)
    addPhotoRequested = Signal()
    removePhotoRequested = Signal(object)

    def __init__(self, rubric: Rubric, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ProductEditor()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        accept_typing_over_blanks(self)
        type_to_choose(self)
        self.product_id: uuid.UUID | None = None
        self.setAcceptDrops(True)
        for category_id, name in category_names(rubric).items():
            self.ui.categoryCombo.addItem(name, category_id)
        # Until the officer picks a category, it follows the name's words (core.category_guess).
        self._category_follows_name = False
        self.ui.categoryCombo.activated.connect(self._on_category_combo_activated)
        self.ui.marketCombo.addItem("—", None)
        for reach, label in zip(MARKET_REACHES, self._market_labels(), strict=True):
            self.ui.marketCombo.addItem(label, reach)
        widgets: list[tuple[QWidget, str]] = [
            (self.ui.nameEdit, "name"),
            (self.ui.categoryCombo, "category"),
            (self.ui.descriptionEdit, "description"),
            (self.ui.producerUnitsSpin, "producer_units"),
            (self.ui.groupedUnitsSpin, "producer_units_grouped"),
            (self.ui.workersSpin, "workers"),
            (self.ui.productionSpin, "monthly_production"),
            (self.ui.unitEdit, "production_unit"),
            (self.ui.localPctSpin, "local_material_pct"),
            (self.ui.marketCombo, "market_reach"),
            (self.ui.permitNib, "permit_nib"),
            (self.ui.permitPirt, "permit_pirt"),
            (self.ui.permitBpom, "permit_bpom"),
            (self.ui.permitHalal, "permit_halal"),
            (self.ui.permitSni, "permit_sni"),
            (self.ui.permitHki, "permit_hki"),
            (self.ui.storyEdit, "story"),
        ]
        self.bindings: list[Binding] = [bind(w, f, self._on_field_edited) for w, f in widgets]
        self.bindings.append(
            bind_rupiah(
                self.ui.priceEdit, "unit_price_idr", self._on_field_edited, self._on_field_error
            )
        )
        self.ui.addPhotoButton.clicked.connect(self.addPhotoRequested)
        self.ui.removePhotoButton.clicked.connect(self._on_remove_photo_button_clicked)

    def _market_labels(self) -> list[str]:
        return [
            self.tr("Village"),
            self.tr("District"),
            self.tr("Regency / city"),
            self.tr("Province"),
            self.tr("National"),
            self.tr("Export"),
        ]

    def show_product(self, product_id: uuid.UUID | None, values: dict[str, Any]) -> None:
        self.product_id = product_id
        load(self.bindings, values)
        self._category_follows_name = values.get("category") in (None, UNSORTED_CATEGORY)
        self.ui.photoList.clear()

    def show_photos(self, photos: list[PhotoInfo]) -> None:
        self.ui.photoList.clear()
        for photo in photos:
            pixmap = QPixmap(str(photo.path))
            icon = QIcon(
                pixmap.scaled(
                    QSize(96, 96),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            item = QListWidgetItem(icon, photo.original_name or "")
            item.setData(Qt.ItemDataRole.UserRole, photo.attachment_id)
            item.setToolTip(f"{photo.original_name or ''} ({photo.width}×{photo.height})")
            self.ui.photoList.addItem(item)

    def set_read_only(self, read_only: bool) -> None:
        # Read as data, not greyed out; the photos can still be browsed.
        show_as_data(self, read_only, keep=(self.ui.photoList,))
        self.setAcceptDrops(not read_only)

    @Slot(str, object)
    def _on_field_edited(self, field: str, value: object) -> None:
        if self.product_id is None:
            return
        self.fieldEdited.emit(field, value)
        if field == "name" and self._category_follows_name:
            combo = self.ui.categoryCombo
            known = [combo.itemData(i) for i in range(combo.count())]
            guess = guess_category(str(value or ""), known)
            if guess is not None and guess != combo.currentData():
                combo.setCurrentIndex(combo.findData(guess))  # saved as the officer's edit

    @Slot(int)
    def _on_category_combo_activated(self, _index: int) -> None:
        self._category_follows_name = False  # the officer's own choice wins from now on

    @Slot(str, object)
    def _on_field_error(self, field: str, message: object) -> None:
        self.fieldError.emit(field, message)
        self.ui.priceEdit.setToolTip(str(message) if message else "")
        self.ui.priceEdit.setProperty("invalid", bool(message))
        self.ui.priceEdit.style().polish(self.ui.priceEdit)

    @Slot()
    def _on_remove_photo_button_clicked(self) -> None:
        item = self.ui.photoList.currentItem()
        if item is not None:
            self.removePhotoRequested.emit(item.data(Qt.ItemDataRole.UserRole))

    @staticmethod
    def _photo_paths(event: QDragEnterEvent | QDropEvent) -> list[str]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [
            url.toLocalFile()
            for url in mime.urls()
            if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in PHOTO_SUFFIXES
        ]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.product_id is not None and self._photo_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._photo_paths(event)
        if paths:
            event.acceptProposedAction()
            self.photosDropped.emit(paths)
