"""The letter's QR code, drawn as one path, is module for module what the QR encoder made."""

from __future__ import annotations

import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from reportlab.graphics.barcode import qrencoder  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from ovop_desktop.reports.images import QrCode

MODULE = 8  # points per module: 8 pixels at 72 dpi
BORDER = 2
PAYLOAD = "OVOP|500.2/7/DKUKM/XII/2026|63.01.01.2001|K7Q4-2M9X"


def _encoded(payload: str) -> list[list[bool]]:
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    return [[bool(m) for m in row] for row in code.modules]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils (pdftoppm)")
def test_the_drawn_code_is_the_encoded_matrix(tmp_path: Path) -> None:
    expected = _encoded(PAYLOAD)
    count = len(expected)
    size = (count + 2 * BORDER) * MODULE
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=(size, size))
    QrCode(PAYLOAD, size, border=BORDER).drawOn(canvas, 0, 0)
    canvas.showPage()
    canvas.save()
    pdf = tmp_path / "qr.pdf"
    pdf.write_bytes(buffer.getvalue())

    subprocess.run(
        ["pdftoppm", "-r", "72", "-gray", "-png", str(pdf), str(tmp_path / "qr")], check=True
    )
    (png,) = tmp_path.glob("qr*.png")
    image = Image.open(png).convert("L")
    assert image.size == (size, size)

    def dark(x: int, y: int) -> bool:
        return image.getpixel((x, y)) < 128  # type: ignore[operator]

    drawn = [
        [
            dark((BORDER + c) * MODULE + MODULE // 2, (BORDER + r) * MODULE + MODULE // 2)
            for c in range(count)
        ]
        for r in range(count)
    ]
    assert drawn == expected
    # The quiet zone is white, and no seam runs between two dark modules side by side.
    assert not any(dark(x, MODULE) for x in range(size))
    for r, row in enumerate(expected):
        for c in range(count - 1):
            if row[c] and row[c + 1]:
                y = (BORDER + r) * MODULE + MODULE // 2
                assert dark((BORDER + c + 1) * MODULE, y)
