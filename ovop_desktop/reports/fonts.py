"""The one font family of every report: DejaVu Sans, shipped in resources/fonts and embedded.

reportlab falls back to Helvetica (not embedded, Latin-1 only) wherever a font is not named:
every style, table, canvas string and chart label of the reports takes its name from here.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]

from ovop_desktop.paths import resources_dir

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
FAMILY = REGULAR  # the family name Paragraph markup (<b>, <i>) resolves through

_FACES = (REGULAR, BOLD, ITALIC, BOLD_ITALIC)
_lock = threading.Lock()


@dataclass(frozen=True)
class FontNames:
    regular: str
    bold: str
    italic: str
    bold_italic: str


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


@cache
def _registered() -> FontNames:
    folder = fonts_dir()
    for name in _FACES:
        path = folder / f"{name}.ttf"
        if not path.is_file():
            # Shipped with the application: a missing file is a broken install, said plainly.
            raise FileNotFoundError(f"font {path} is missing from the installation")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    # Paragraph markup maps (family, bold, italic) through lib.fonts as well.
    for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
        addMapping(FAMILY, bold, italic, face)
    return FontNames(REGULAR, BOLD, ITALIC, BOLD_ITALIC)


def register_fonts() -> FontNames:
    """Register the DejaVu family with reportlab (once per process) and return its names."""
    with _lock:
        return _registered()


@cache
def _covered_code_points() -> frozenset[int]:
    register_fonts()
    # A character may be printed in any of the four faces: only those all of them draw are safe.
    faces = [_face_code_points(name) for name in _FACES]
    # Outside the Basic Multilingual Plane reportlab writes a broken ToUnicode map (a bare
    # five-digit hex code), so text extraction and search would fail: such characters
    # (emoji such as 😀 that DejaVu does draw) count as missing.
    return frozenset(cp for cp in set.intersection(*faces) if cp <= 0xFFFF)


def _face_code_points(font_name: str) -> set[int]:
    """The code points one registered face has a glyph for (its TrueType cmap)."""
    font = pdfmetrics.getFont(font_name)
    return set(font.face.charToGlyph)


def can_render(char: str) -> bool:
    """True when every face of the family has a glyph for ``char`` (a single character)."""
    return ord(char) in _covered_code_points()
