"""Paper sizes, margins, colours and paragraph styles of the printed letter and its attachment.

Every style names a DejaVu face (see reports.fonts): reportlab would otherwise use Helvetica.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import cm, mm  # type: ignore[import-untyped]
from reportlab.platypus import Table, TableStyle  # type: ignore[import-untyped]

from ovop_desktop.reports.data import Paper
from ovop_desktop.reports.fonts import BOLD, ITALIC, REGULAR, register_fonts

F4 = (215 * mm, 330 * mm)  # Folio, the paper most Indonesian government offices print on
PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "F4": F4}

# Tata naskah dinas: about 2.5–3 cm left for binding, 2 cm elsewhere.
MARGIN_LEFT = 2.5 * cm
MARGIN_RIGHT = 2 * cm
MARGIN_TOP = 2 * cm
LETTER_MARGIN_TOP = 1.5 * cm  # the letter's pages: the kop starts higher
MARGIN_BOTTOM = 2 * cm
FOOTER_Y = 1.1 * cm  # baseline of the page number line

INK = colors.black
MUTED = colors.HexColor("#444444")
WATERMARK = colors.HexColor("#9a9a9a")  # the DRAF across a draft's pages
RULE = colors.black  # the kop's rules and text are black
GRID = colors.HexColor("#8a8a8a")
HEADER_FILL = colors.HexColor("#e6e6e6")
SUBTOTAL_FILL = colors.HexColor("#f3f3f3")
STAR_FILL = colors.HexColor("#d4a017")
STAR_EMPTY = colors.white
STAR_LINE = colors.HexColor("#6b5200")

BODY_SIZE = 10.5  # DejaVu Sans is wide: about as large as 11.5 pt Arial
BODY_LEADING = 13.5
CELL_SIZE = 8.5
CELL_LEADING = 10


def page_size(paper: Paper) -> tuple[float, float]:
    return PAGE_SIZES[paper]


def frame_width(paper: Paper) -> float:
    return float(page_size(paper)[0] - MARGIN_LEFT - MARGIN_RIGHT)


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle  # justified letter text
    body_tight: ParagraphStyle  # the same, little space after (a paragraph before a list)
    body_left: ParagraphStyle
    body_right: ParagraphStyle
    list_item: ParagraphStyle  # numbered lines under a body paragraph
    kop_government: ParagraphStyle
    kop_agency: ParagraphStyle
    kop_address: ParagraphStyle
    title: ParagraphStyle  # centred bold heading of an attachment sheet
    subtitle: ParagraphStyle
    small: ParagraphStyle
    small_center: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle
    cell_right_bold: ParagraphStyle
    number_cell: ParagraphStyle  # a number in a table: right-aligned, never cut or wrapped
    number_cell_bold: ParagraphStyle
    header_cell: ParagraphStyle
    chart_label_font: str
    footer_font: str


def _style(name: str, **overrides: object) -> ParagraphStyle:
    base: dict[str, object] = {
        "fontName": REGULAR,
        "bulletFontName": REGULAR,
        "fontSize": BODY_SIZE,
        "leading": BODY_LEADING,
        "textColor": INK,
        "alignment": TA_LEFT,
        # A word wider than its line or cell is cut rather than overflowing (reports.markup).
        "splitLongWords": 1,
        "allowWidows": 0,
        "allowOrphans": 0,
    }
    base.update(overrides)
    return ParagraphStyle(name, **base)


@cache
def styles() -> Styles:
    """The paragraph styles, built once (after the fonts are registered)."""
    register_fonts()
    cell = {"fontSize": CELL_SIZE, "leading": CELL_LEADING}
    return Styles(
        body=_style("ovop-body", alignment=TA_JUSTIFY, spaceAfter=5),
        body_tight=_style("ovop-body-tight", alignment=TA_JUSTIFY, spaceAfter=2),
        body_left=_style("ovop-body-left"),
        body_right=_style("ovop-body-right", alignment=TA_RIGHT),
        list_item=_style(
            "ovop-list",
            alignment=TA_JUSTIFY,
            leftIndent=20,
            bulletIndent=4,
            bulletFontSize=BODY_SIZE,
            spaceAfter=1,
        ),
        kop_government=_style(
            "ovop-kop-gov", fontName=BOLD, fontSize=13, leading=16, alignment=TA_CENTER
        ),
        kop_agency=_style(
            "ovop-kop-agency", fontName=BOLD, fontSize=14.5, leading=17.5, alignment=TA_CENTER
        ),
        kop_address=_style("ovop-kop-address", fontSize=8.5, leading=10.5, alignment=TA_CENTER),
        title=_style("ovop-title", fontName=BOLD, fontSize=12, leading=15, alignment=TA_CENTER),
        subtitle=_style("ovop-subtitle", fontSize=10, leading=13, alignment=TA_CENTER),
        small=_style("ovop-small", fontSize=9, leading=11.5),
        small_center=_style("ovop-small-center", fontSize=8, leading=10, alignment=TA_CENTER),
        cell=_style("ovop-cell", **cell),
        cell_bold=_style("ovop-cell-bold", fontName=BOLD, **cell),
        cell_center=_style("ovop-cell-center", alignment=TA_CENTER, **cell),
        cell_right=_style("ovop-cell-right", alignment=TA_RIGHT, **cell),
        cell_right_bold=_style("ovop-cell-right-bold", fontName=BOLD, alignment=TA_RIGHT, **cell),
        number_cell=_style("ovop-number", alignment=TA_RIGHT, splitLongWords=0, **cell),
        number_cell_bold=_style(
            "ovop-number-bold", fontName=BOLD, alignment=TA_RIGHT, splitLongWords=0, **cell
        ),
        header_cell=_style(
            "ovop-header-cell", fontName=BOLD, alignment=TA_CENTER, fontSize=7.5, leading=9.5
        ),
        chart_label_font=REGULAR,
        footer_font=ITALIC,
    )


def table(
    rows: Sequence[Sequence[object]],
    col_widths: Sequence[float],
    commands: Iterable[tuple[object, ...]] = (),
    **kwargs: Any,
) -> Table:
    """A Table whose cells default to DejaVu: reportlab sets every cell's font before drawing
    it, Helvetica unless told otherwise, even when the cell holds a Paragraph."""
    register_fonts()
    result = Table([list(row) for row in rows], colWidths=list(col_widths), **kwargs)
    font: tuple[object, ...] = ("FONT", (0, 0), (-1, -1), REGULAR, CELL_SIZE, CELL_LEADING)
    result.setStyle(TableStyle([font, *commands]))
    return result


_NO_PADDING: tuple[tuple[object, ...], ...] = (
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
)


def plain_table(
    rows: Sequence[Sequence[object]],
    col_widths: Sequence[float],
    commands: Iterable[tuple[object, ...]] = (),
    **kwargs: Any,
) -> Table:
    """A borderless layout table without padding, cells aligned to the top, placed left."""
    kwargs.setdefault("hAlign", "LEFT")
    kwargs.setdefault("splitInRow", 1)
    return table(rows, col_widths, [*_NO_PADDING, *commands], **kwargs)
