"""The designation summary of a kabupaten/kota (rekapitulasi produk OVOP yang ditetapkan): one
table of every live designation, on A4 landscape, under the office's kop surat and signed like
any official list. Data in, PDF bytes out.

The table's header row repeats on every page; every page carries the regency in its footer with
"Halaman x dari y", so that a loose page still says what it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from reportlab.lib.units import cm  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    Flowable,
    PageBreak,
    Paragraph,
    Spacer,
)
from reportlab.platypus.doctemplate import LayoutError  # type: ignore[import-untyped]

from ovop_desktop.core.errors import DomainError
from ovop_desktop.core.formatting import format_date_id, format_nip, format_place_date
from ovop_desktop.reports.data import Letterhead, Paper, Signatory
from ovop_desktop.reports.letter_parts import letterhead_flowables
from ovop_desktop.reports.locator import SummaryMap, summary_map_drawing
from ovop_desktop.reports.markup import escape_text, one_line
from ovop_desktop.reports.pages import ATTACHMENT, DocumentInfo, build_pdf
from ovop_desktop.reports.styles import (
    GRID,
    HEADER_FILL,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    SUBTOTAL_FILL,
    Styles,
    page_size,
    plain_table,
    styles,
    table,
)

TITLE = "REKAPITULASI PRODUK OVOP YANG DITETAPKAN"
HEADERS = (
    "No.",
    "Kecamatan",
    "Desa/Kelurahan",
    "Produk",
    "Kategori",
    "Tanggal Penetapan",
    "Dasar Keputusan",
    "Nomor SK",
)
# Column widths in cm on A4 landscape less the margins (25.2 cm); the decision basis, the longest
# text, takes what is left.
_WIDTHS = {0: 0.9, 1: 2.8, 2: 3.0, 3: 3.7, 4: 2.6, 5: 2.5, 7: 4.4}
_BASIS = 6
_CELL_PADDING = 3
DISTRICT_WIDE = "Tingkat kecamatan"  # the village cell of a kecamatan's designation


MAP_PAGE_HEIGHT = 13.5 * cm  # what is left of a landscape page under its title


@dataclass(frozen=True)
class DesignationLine:
    """One row of the table. `village` is None for a designation of the whole kecamatan."""

    district: str
    village: str | None
    product: str
    category: str  # the category's display name
    decided_on: date
    basis: str
    decree_number: str


@dataclass(frozen=True)
class DesignationSummary:
    regency: str  # "Kabupaten Tanah Laut"
    province: str  # "Kalimantan Selatan"
    as_of: date  # the day the summary describes (printed "Keadaan per ...")
    lines: tuple[DesignationLine, ...]
    letterhead: Letterhead | None = None
    place: str = ""  # "Banjarbaru", before the date of the signature
    signatory: Signatory | None = None
    paper: Paper = "A4"
    notes: tuple[str, ...] = field(default_factory=tuple)
    summary_map: SummaryMap | None = None  # a last page: the kabupaten's map


def footer_label(data: DesignationSummary) -> str:
    return f"Rekapitulasi Produk OVOP yang Ditetapkan · {one_line(data.regency)}"


def _heading(data: DesignationSummary, st: Styles) -> list[Flowable]:
    lines = [
        Paragraph(TITLE, st.title),
        Paragraph(f"<b>{escape_text(data.regency.upper())}</b>", st.title),
    ]
    if data.province.strip():
        lines.append(Paragraph(f"Provinsi {escape_text(data.province)}", st.subtitle))
    lines += [
        Paragraph(f"Keadaan per {format_date_id(data.as_of)}", st.subtitle),
        Spacer(1, 10),
    ]
    return lines


def _column_widths(width: float) -> list[float]:
    fixed = {i: w * cm for i, w in _WIDTHS.items()}
    rest = width - sum(fixed.values())
    return [fixed.get(i, rest) for i in range(len(HEADERS))]


def _row(number: int, line: DesignationLine, st: Styles) -> list[object]:
    village = (
        Paragraph(escape_text(line.village), st.cell)
        if line.village
        else Paragraph(f"<i>{DISTRICT_WIDE}</i>", st.cell)
    )
    return [
        Paragraph(f"{number}.", st.cell_center),
        Paragraph(escape_text(line.district), st.cell),
        village,
        Paragraph(f"<b>{escape_text(line.product)}</b>", st.cell),
        Paragraph(escape_text(line.category), st.cell),
        Paragraph(format_date_id(line.decided_on), st.cell_center),
        Paragraph(escape_text(line.basis), st.cell),
        Paragraph(escape_text(line.decree_number), st.cell),
    ]


def designation_table(
    data: DesignationSummary, st: Styles, width: float, ending: list[Flowable]
) -> Flowable:
    """The table: a shaded header row repeated on every page, rows kept whole, a single
    spanning row saying so when the regency has no designation yet, and `ending` (the count and
    the signature) in a last, borderless row that never parts from the last designation: a
    signature never stands alone on a page."""
    rows: list[list[object]] = [[Paragraph(text, st.header_cell) for text in HEADERS]]
    rows += [_row(number, line, st) for number, line in enumerate(data.lines, start=1)]
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
    ]
    if not data.lines:
        rows.append(
            [Paragraph("Belum ada produk OVOP yang ditetapkan.", st.cell_center)]
            + [""] * (len(HEADERS) - 1)
        )
        commands.append(("SPAN", (0, 1), (-1, 1)))
    else:
        # A pale band on every other row helps the eye along a wide landscape line.
        commands += [
            ("BACKGROUND", (0, row), (-1, row), SUBTOTAL_FILL) for row in range(2, len(rows), 2)
        ]
    commands.append(("GRID", (0, 0), (-1, len(rows) - 1), 0.4, GRID))
    last = len(rows)
    rows.append([ending] + [""] * (len(HEADERS) - 1))
    commands += [
        ("SPAN", (0, last), (-1, last)),
        ("LEFTPADDING", (0, last), (-1, last), 0),
        ("RIGHTPADDING", (0, last), (-1, last), 0),
        ("TOPPADDING", (0, last), (-1, last), 8),
        ("NOSPLIT", (0, last - 1), (-1, last)),
    ]
    return table(
        rows,
        _column_widths(width),
        commands,
        repeatRows=1,
        hAlign="LEFT",
    )


def _count_text(data: DesignationSummary) -> str:
    villages = sum(1 for line in data.lines if line.village)
    districts = len(data.lines) - villages
    parts = []
    if villages:
        parts.append(f"{villages} desa/kelurahan")
    if districts:
        parts.append(f"{districts} kecamatan")
    where = " dan ".join(parts)
    return f"Jumlah: {len(data.lines)} produk OVOP yang ditetapkan" + (
        f" untuk {where}." if where else "."
    )


def _closing(data: DesignationSummary, st: Styles, width: float) -> Flowable:
    """The count (and notes) on the left; on the right, place and date, the position, room for
    the signature, the name, rank and NIP."""
    left: list[Flowable] = [Paragraph(_count_text(data), st.small)]
    left += [Paragraph(escape_text(note), st.small) for note in data.notes]
    lines: list[Flowable] = [
        Paragraph(escape_text(format_place_date(data.place, data.as_of)), st.body_left)
    ]
    signatory = data.signatory
    if signatory is not None:
        position = signatory.position.strip()
        if not position.endswith(","):
            position += ","
        lines += [Paragraph(escape_text(line), st.body_left) for line in signatory.delegation]
        lines += [
            Paragraph(escape_text(position), st.body_left),
            Spacer(1, 2.0 * cm),
            Paragraph(f"<u><b>{escape_text(signatory.name)}</b></u>", st.body_left),
        ]
        if signatory.rank.strip():
            lines.append(Paragraph(escape_text(signatory.rank), st.body_left))
        if signatory.nip.strip():
            lines.append(Paragraph(f"NIP {escape_text(format_nip(signatory.nip))}", st.body_left))
    right = 8.5 * cm
    return plain_table([[left, lines]], [width - right, right])


def render_designation_summary(data: DesignationSummary, *, deterministic: bool = False) -> bytes:
    """The summary as PDF bytes on A4 (or F4) landscape."""
    st = styles()
    paper_width = page_size(data.paper)[1]  # landscape: the long side across
    width = float(paper_width - MARGIN_LEFT - MARGIN_RIGHT)
    story: list[Flowable] = []
    if data.letterhead is not None:
        story += letterhead_flowables(data.letterhead, st, width)
    story += _heading(data, st)
    story.append(designation_table(data, st, width, [_closing(data, st, width)]))
    if data.summary_map is not None:
        story += [
            PageBreak(),
            Paragraph(f"PETA PRODUK OVOP {escape_text(data.regency.upper())}", st.title),
            Spacer(1, 6),
            summary_map_drawing(data.summary_map, width, MAP_PAGE_HEIGHT),
        ]
    info = DocumentInfo(
        paper=data.paper,
        title=f"Rekapitulasi Produk OVOP yang Ditetapkan, {data.regency}",
        subject=f"Keadaan per {format_date_id(data.as_of)}",
        author=(
            f"{data.letterhead.government} · {data.letterhead.agency}"
            if data.letterhead
            else "OVOP Desktop"
        ),
        keywords=("OVOP", "penetapan"),
        attachment_label=footer_label(data),
    )
    try:
        return build_pdf(
            info, story, deterministic=deterministic, landscape=True, first_section=ATTACHMENT
        )
    except LayoutError as error:
        raise DomainError(
            "Rekapitulasi tidak dapat disusun: ada teks yang terlalu panjang untuk satu "
            "halaman. Persingkat dasar keputusan yang sangat panjang, lalu cetak lagi.",
            "The summary cannot be laid out: some text is too long for one page. Shorten the "
            "very long decision basis and print again.",
        ) from error
