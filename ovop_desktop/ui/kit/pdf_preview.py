"""A PDF shown as its pages, one under another, fitted to the width: the letter's preview.

`render_pages` rasterises a PDF with pypdfium2 into QImages. It touches no widget, so it runs on
the worker (a QImage may be made off the GUI thread); `PdfPreview.set_pages` turns the images into
pixmaps on the GUI thread. `print_pages` paints such images, rendered at printer resolution, onto
the pages of a QPrinter.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
from PySide6.QtCore import QEvent, QObject, QRect, QSizeF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QVBoxLayout, QWidget

from ovop_desktop.core.errors import DomainError
from ovop_desktop.files import atomic_write
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.worker import Worker

PREVIEW_DPI = 120  # sharp at the preview's width, a few megabytes per page
PRINT_DPI = 300
_POINTS_PER_INCH = 72
_GAP = 12  # between pages and around them, in pixels


def render_pages(pdf: bytes, dpi: float = PREVIEW_DPI) -> list[QImage]:
    """Every page of `pdf` as an image at `dpi` (pure: meant for the worker)."""
    document = pdfium.PdfDocument(pdf)
    images: list[QImage] = []
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / _POINTS_PER_INCH, rev_byteorder=True, prefer_bgrx=True)
            image = QImage(
                bytes(bitmap.buffer),
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGBX8888,
            ).copy()  # own the pixels: the bitmap's buffer goes with it
            image.setDotsPerMeterX(round(dpi / 0.0254))
            image.setDotsPerMeterY(round(dpi / 0.0254))
            images.append(image)
            bitmap.close()
            page.close()
    finally:
        document.close()
    return images


def print_pages(printer: QPrinter, images: Sequence[QImage]) -> None:
    """Paint each image on a page of `printer`, scaled to the paper and centred."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    try:
        for index, image in enumerate(images):
            if index:
                printer.newPage()
            paper = printer.paperRect(QPrinter.Unit.DevicePixel).toRect()
            paper.moveTo(0, 0)
            size = image.size().scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(paper.center())
            painter.drawImage(target, image)
    finally:
        painter.end()


def write_pdf(path: Path, pdf: bytes) -> None:
    """Write atomically (its folder made if need be): a failure leaves no half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, pdf)


def page_size(paper: str) -> QPageSize:
    """A4, or the Indonesian F4 (Folio) of 215 × 330 mm."""
    if paper == "F4":
        return QPageSize(QSizeF(215, 330), QPageSize.Unit.Millimeter, "F4")
    return QPageSize(QPageSize.PageSizeId.A4)


class PdfPrinter(QObject):
    """Prints a PDF: asks for the printer without blocking, renders the pages at printer
    resolution on the worker, paints them on the GUI thread. `preparing()` once a printer is
    chosen; `printed(ok)` at the end (False: the printer could not be opened)."""

    preparing = Signal()
    printed = Signal(bool)

    def __init__(self, worker: Worker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.printer: QPrinter | None = None
        self._pdf = b""

    def print_pdf(self, parent: QWidget, pdf: bytes, paper: str, name: str) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(page_size(paper))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setFullPage(True)
        printer.setDocName(name)
        self.printer, self._pdf = printer, pdf
        dialog = QPrintDialog(printer, parent)
        dialog.finished.connect(self._on_dialog_finished)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    @Slot(int)
    def _on_dialog_finished(self, result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            self.send(self._pdf)

    def send(self, pdf: bytes) -> None:
        """Print on `self.printer`, already set up (the dialog's answer, or a test's file)."""
        self.preparing.emit()
        Operation[list[QImage]](self, self.worker).success(self._on_pages_ready).failure(
            self._on_render_failed
        ).run(lambda: render_pages(pdf, PRINT_DPI))

    def _on_render_failed(self, _error: DomainError) -> None:
        self.printed.emit(False)

    @Slot(object)
    def _on_pages_ready(self, images: list[QImage]) -> None:
        assert self.printer is not None
        try:
            print_pages(self.printer, images)
        except OSError:
            self.printed.emit(False)
        else:
            self.printed.emit(True)


class PdfPreview(QWidget):
    """Pages fitted to the width, with "Page 1 of 3" following the scrolling."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._images: list[QPixmap] = []
        self._labels: list[QLabel] = []
        self.page_label = QLabel()
        self.page_label.setObjectName("pageCount")
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setStyleSheet("QScrollArea { background: #8d9499; border: none; }")
        self._canvas = QWidget()
        self._canvas.setObjectName("pdfCanvas")
        self._canvas.setStyleSheet("QWidget#pdfCanvas { background: #8d9499; }")
        self._pages = QVBoxLayout(self._canvas)
        self._pages.setContentsMargins(_GAP, _GAP, _GAP, _GAP)
        self._pages.setSpacing(_GAP)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: white; font-size: 11pt; padding: 24px;")
        self._pages.addWidget(self.message)
        self._pages.addStretch(1)
        self.scroll_area.setWidget(self._canvas)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.page_label, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.scroll_area, 1)
        self._fit_timer = QTimer(self, singleShot=True, interval=60)
        self._fit_timer.timeout.connect(self._on_fit_timer_timeout)
        self.scroll_area.viewport().installEventFilter(self)
        self.scroll_area.verticalScrollBar().valueChanged.connect(self._on_scroll_value_changed)

    @property
    def page_count(self) -> int:
        return len(self._labels)

    def pixmaps(self) -> list[QPixmap]:
        """The pixmaps shown, one per page (for tests and printing previews)."""
        return [label.pixmap() for label in self._labels]

    def show_message(self, text: str) -> None:
        """No pages: a message in their place ("Preparing the preview…")."""
        self._clear()
        self.message.setText(text)
        self.message.show()
        self.page_label.clear()

    def set_pages(self, images: Sequence[QImage]) -> None:
        """Show these pages (from `render_pages`); called on the GUI thread."""
        self._clear()
        self.message.hide()
        self._images = [QPixmap.fromImage(image) for image in images]
        for number, _pixmap in enumerate(self._images, start=1):
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setAccessibleName(self.tr("Page %1").replace("%1", str(number)))
            self._pages.insertWidget(self._pages.count() - 1, label)
            self._labels.append(label)
        self._fit()
        self.scroll_area.verticalScrollBar().setValue(0)
        self._update_page_label()

    def _clear(self) -> None:
        for label in self._labels:
            self._pages.removeWidget(label)
            label.deleteLater()
        self._labels, self._images = [], []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self._labels:
            self._fit_timer.start()
        return super().eventFilter(watched, event)

    @Slot()
    def _on_fit_timer_timeout(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """Scale every page to the width of the view (fit width)."""
        width = max(160, self.scroll_area.viewport().width() - 2 * _GAP)
        ratio = self.devicePixelRatioF()
        for label, pixmap in zip(self._labels, self._images, strict=True):
            scaled = pixmap.scaledToWidth(
                round(width * ratio), Qt.TransformationMode.SmoothTransformation
            )
            scaled.setDevicePixelRatio(ratio)
            label.setPixmap(scaled)
        self._update_page_label()

    @Slot(int)
    def _on_scroll_value_changed(self, _value: int) -> None:
        self._update_page_label()

    def _update_page_label(self) -> None:
        if not self._labels:
            self.page_label.clear()
            return
        middle = (
            self.scroll_area.verticalScrollBar().value() + self.scroll_area.viewport().height() // 3
        )
        current, top = 1, float(_GAP)  # where each page starts, from the page heights
        for number, label in enumerate(self._labels, start=1):
            if top <= middle:
                current = number
            top += label.pixmap().deviceIndependentSize().height() + _GAP
        self.page_label.setText(
            self.tr("Page %1 of %2")
            .replace("%1", str(current))
            .replace("%2", str(len(self._labels)))
        )
