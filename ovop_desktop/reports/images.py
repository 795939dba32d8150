"""Pictures in reports: the letterhead logo and product photos fitted to a box; the QR code.

A picture that cannot be read never stops a letter from printing: it is left out.
"""

from __future__ import annotations

import itertools
from io import BytesIO

from reportlab.graphics.barcode import qrencoder  # type: ignore[import-untyped]
from reportlab.lib.colors import black  # type: ignore[import-untyped]
from reportlab.lib.utils import ImageReader  # type: ignore[import-untyped]
from reportlab.platypus import Flowable, Image  # type: ignore[import-untyped]


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


class QrCode(Flowable):  # type: ignore[misc]
    """A ``size`` × ``size`` QR code of ``payload`` (error correction M, a quiet zone of two
    modules: the paper around it is white), drawn as one filled path of its dark runs.

    reportlab's QrCodeWidget makes a shape per run, each turned into PDF by the renderer: a
    third of a letter page's time. One path fills the same modules, without seams between them
    (a single fill is rasterised as one shape)."""

    def __init__(self, payload: str, size: float, border: int = 2) -> None:
        super().__init__()
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(payload)
        code.make()
        self.modules: list[list[bool]] = [[bool(m) for m in row] for row in code.modules]
        self.width = self.height = size
        self.border = border

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        count = len(self.modules)
        box = self.width / (count + 2 * self.border)
        canvas = self.canv
        path = canvas.beginPath()
        for row_index, row in enumerate(self.modules):
            y = self.height - (row_index + self.border + 1) * box
            column = 0
            for dark, run in itertools.groupby(row):
                length = sum(1 for _ in run)
                if dark:
                    path.rect((column + self.border) * box, y, length * box, box)
                column += length
        canvas.saveState()
        canvas.setFillColor(black)
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.restoreState()


def qr_drawing(payload: str, size: float) -> QrCode:
    """The QR code of a letter's verification ``payload``, ``size`` points square."""
    return QrCode(payload, size)
