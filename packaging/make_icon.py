"""Draw the application icon into resources/icons/: ovop.svg (the one drawing), ovop.png
(256 px) and ovop.ico (16 to 256 px, each size rendered from the drawing, not scaled down).

The mark is a gold five-pointed star (the OVOP star rating) on the teal of the window's
navigation bar: two colours and one shape, so that it still reads at 16 px in a task bar.
Run it again after changing the drawing: `.venv/bin/python packaging/make_icon.py`; the outputs
are committed.
"""

from __future__ import annotations

import io
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
TEAL = "#1d4d5c"
GOLD = "#f5b82e"
OUTLINE = "#8a5a00"


def star_points(cx: float, cy: float, outer: float, inner: float) -> list[tuple[float, float]]:
    points = []
    for index in range(10):
        radius = outer if index % 2 == 0 else inner
        angle = math.radians(-90 + index * 36)
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def icon_svg() -> str:
    """The icon as SVG on a 256 × 256 canvas."""
    star = " ".join(f"{x:.1f},{y:.1f}" for x, y in star_points(128, 138, 104, 44))
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">\n'
        f'  <rect x="8" y="8" width="240" height="240" rx="48" fill="{TEAL}"/>\n'
        f'  <polygon points="{star}" fill="{GOLD}" stroke="{OUTLINE}" stroke-width="6"'
        ' stroke-linejoin="round"/>\n'
        "</svg>\n"
    )


def render_png(svg: str, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, b"PNG")
    return bytes(buffer.data().data())


def main() -> int:
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    svg = icon_svg()
    (ICONS / "ovop.svg").write_text(svg, encoding="utf-8")
    renders = {size: render_png(svg, size) for size in ICO_SIZES}
    (ICONS / "ovop.png").write_bytes(renders[256])
    images = [Image.open(io.BytesIO(renders[size])) for size in ICO_SIZES]
    images[-1].save(
        ICONS / "ovop.ico",
        format="ICO",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=images[:-1],
    )
    del app
    print(f"wrote ovop.svg, ovop.png, ovop.ico ({len(ICO_SIZES)} sizes) in {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
