"""The candidate products of the survey editor: the list, the product form and its photos."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QListWidgetItem

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.services.settings.app_settings import photo_longest_side
from ovop_desktop.services.surveys import photos
from ovop_desktop.services.surveys.capture import ProductInput, add_product, delete_product
from ovop_desktop.services.surveys.survey_detail import RecordState
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.kit.empty_hint import EmptyHint
from ovop_desktop.ui.surveys.editor_host import EditorHost
from ovop_desktop.ui.surveys.product_editor import UNSORTED_CATEGORY, ProductEditor

PHOTO_FILTER = "Foto (*.jpg *.jpeg *.png *.webp *.avif *.heic *.tif *.tiff *.bmp *.gif)"


class ProductsSection(QObject):
    def __init__(self, host: EditorHost, rubric: Rubric) -> None:
        super().__init__(host.ui.productList)
        self.host = host
        self.products: dict[uuid.UUID, dict[str, Any]] = {}
        self.list = host.ui.productList
        self.editor = ProductEditor(rubric, host.ui.productHost)
        host.ui.productHostLayout.addWidget(self.editor)
        host.ui.addProductButton.clicked.connect(self._on_add_product_button_clicked)
        host.ui.removeProductButton.clicked.connect(self._on_remove_product_button_clicked)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.editor.fieldEdited.connect(self._on_editor_field_edited)
        self.editor.photosDropped.connect(self.add_photos)
        self.editor.addPhotoRequested.connect(self._on_editor_add_photo_requested)
        self.editor.removePhotoRequested.connect(self._on_editor_remove_photo_requested)
        self.empty_hint = EmptyHint(
            self.list,
            self.tr(
                "No candidate products yet. Add each of the village's candidates with "
                "Add candidate below."
            ),
        )

    def clear(self) -> None:
        self.products.clear()
        self.list.clear()
        self.editor.show_product(None, {})
        self.editor.setEnabled(False)

    def show(self, products: tuple[RecordState, ...]) -> None:
        self.clear()
        self.products = {p.id: dict(p.values) for p in products}
        for product in products:
            self._add_item(product.id, product.values["name"])
        if products:
            self.list.setCurrentRow(0)

    def set_read_only(self, read_only: bool) -> None:
        self.host.ui.addProductButton.setHidden(read_only)  # nothing to add to a final survey
        self.host.ui.removeProductButton.setHidden(read_only)
        self.editor.set_read_only(read_only)

    def _add_item(self, product_id: uuid.UUID, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, product_id)
        self.list.addItem(item)
        return item

    @Slot()
    def _on_add_product_button_clicked(self) -> None:
        host = self.host
        if host.survey_id is None:
            return
        host.save_now()
        data = ProductInput(name=self.tr("New candidate"), category=UNSORTED_CATEGORY)
        db, survey_id, categories = host.db, host.survey_id, host.categories
        reason = host.pending.reason  # a final survey's correction (the service refuses without)
        host.operation().success(lambda pid: self._on_product_created(pid, data)).run(
            lambda: add_product(db, survey_id, data, categories=categories, reason=reason)
        )

    def _on_product_created(self, product_id: uuid.UUID, data: ProductInput) -> None:
        self.products[product_id] = dict(vars(data))
        self.list.setCurrentItem(self._add_item(product_id, data.name))
        self.editor.ui.nameEdit.setFocus()
        self.editor.ui.nameEdit.selectAll()

    @Slot(object, object)
    def _on_list_current_item_changed(
        self, current: QListWidgetItem | None, _previous: object
    ) -> None:
        if current is None:
            self.editor.show_product(None, {})
            self.editor.setEnabled(False)
            return
        product_id = current.data(Qt.ItemDataRole.UserRole)
        values = {
            **self.products.get(product_id, {}),
            **self.host.pending.products.get(product_id, {}),
        }
        self.editor.setEnabled(True)
        self.editor.show_product(product_id, values)
        self.editor.set_read_only(self.host.is_read_only())
        self._load_photos(product_id)

    @Slot(str, object)
    def _on_editor_field_edited(self, field: str, value: object) -> None:
        product_id = self.editor.product_id
        if product_id is None:
            return
        self.host.pending.products.setdefault(product_id, {})[field] = value
        self.products.setdefault(product_id, {})[field] = value
        if field == "name" and (item := self.list.currentItem()) is not None:
            item.setText(str(value or ""))
        self.host.touch()

    @Slot()
    def _on_remove_product_button_clicked(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        product_id = item.data(Qt.ItemDataRole.UserRole)
        host = self.host

        def remove() -> None:
            self.list.takeItem(self.list.row(item))
            host.pending.products.pop(product_id, None)
            self.products.pop(product_id, None)
            db, reason = host.db, host.pending.reason
            host.operation().run(lambda: delete_product(db, product_id, reason=reason))

        dialogs.confirm(
            self.list,
            self.tr("Remove candidate"),
            self.tr("Remove the candidate %1 from this survey?").replace("%1", item.text()),
            self.tr("Remove"),
            remove,
        )

    # --- photos ----------------------------------------------------------------------------

    def _load_photos(self, product_id: uuid.UUID) -> None:
        db, paths = self.host.db, self.host.paths
        self.host.operation().success(lambda found: self._on_photos_loaded(product_id, found)).run(
            lambda: photos.list_photos(db, paths, product_id=product_id)
        )

    def _on_photos_loaded(self, product_id: uuid.UUID, found: list[photos.PhotoInfo]) -> None:
        if self.editor.product_id == product_id:
            self.editor.show_photos(found)

    @Slot(list)
    def add_photos(self, files: list[str]) -> None:
        """Import photos for the product shown (downscaled copies; originals stay untouched)."""
        product_id = self.editor.product_id
        if product_id is None:
            return
        db, paths, reason = self.host.db, self.host.paths, self.host.pending.reason

        def job() -> None:
            longest = photo_longest_side(db)
            for name in files:
                photos.add_photo(
                    db,
                    paths,
                    Path(name),
                    longest_side=longest,
                    product_id=product_id,
                    reason=reason,
                )

        # The photos imported before a bad one stay: the list is reloaded after a failure too.
        self.host.operation().always(lambda: self._load_photos(product_id)).run(job)

    @Slot()
    def _on_editor_add_photo_requested(self) -> None:
        dialogs.open_files(self.list, self.tr("Add photos"), PHOTO_FILTER, self.add_photos)

    @Slot(object)
    def _on_editor_remove_photo_requested(self, attachment_id: uuid.UUID) -> None:
        product_id, db, reason = self.editor.product_id, self.host.db, self.host.pending.reason
        if product_id is not None:
            self.host.operation().success(lambda _r: self._load_photos(product_id)).run(
                lambda: photos.remove_photo(db, attachment_id, reason=reason)
            )
