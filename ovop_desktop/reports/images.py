"""Pictures in reports: the letterhead logo and product photos fitted to a box; the QR code.

A picture that cannot be read never stops a letter from printing: it is left out.
"""

from __future__ import annotations

from io import BytesIO

from reportlab.graphics.barcode.qr import QrCodeWidget  # type: ignore[import-untyped]
from reportlab.graphics.shapes import Drawing  # type: ignore[import-untyped]
from reportlab.lib.utils import ImageReader  # type: ignore[import-untyped]
from reportlab.platypus import Image  # type: ignore[import-untyped]

from ovop_desktop.reports.fonts import REGULAR


def fitted_image(data: bytes | None, max_width: float, max_height: float) -> Image | None:
    """An Image flowable of ``data`` (PNG or JPEG) as large as fits the box, keeping its
    proportions; ``None`` when there is no picture or it cannot be read."""
    if not data:
        return None
    try:
        pixel_width, pixel_height = ImageReader(BytesIO(data)).getSize()
    except Exception:  # a damaged file: reportlab and Pillow raise many kinds
        return None
    if pixel_width <= 0 or pixel_height <= 0:
        return None
    scale = min(max_width / pixel_width, max_height / pixel_height)
    image = Image(BytesIO(data), width=pixel_width * scale, height=pixel_height * scale)
    image.hAlign = "CENTER"
    return image


def qr_drawing(payload: str, size: float) -> Drawing:
    """A ``size`` × ``size`` QR code of ``payload`` (error correction M, narrow quiet zone:
    the paper around it is white)."""
    widget = QrCodeWidget(payload, barLevel="M", barBorder=2, barWidth=size, barHeight=size)
    # A drawing's initial state names Helvetica unless told otherwise, even with no text.
    drawing = Drawing(size, size, initialFontName=REGULAR)
    drawing.add(widget)
    return drawing
