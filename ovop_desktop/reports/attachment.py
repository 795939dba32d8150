"""The attachment (lampiran) of a letter: a heading that ties it to the letter (number, date,
hal), the candidates in rank order with the recommended product, then one assessment sheet per
candidate, each on a new page, and the signature block at the end.

A sheet: the product, its category, rank, total, stars and their meaning and the gate message
beside the radar chart of its eight levels; the criteria table (its header repeated over pages)
with group subtotals and the total; the product photo with its story; who assessed; the rubric.
"""

from __future__ import annotations

from reportlab.lib.units import cm  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from ovop_desktop.core.formatting import format_date_id, format_number_id, stars_words, total_text
from ovop_desktop.reports.data import CandidateSheet, CriterionLine, LetterData
from ovop_desktop.reports.images import fitted_image
from ovop_desktop.reports.letter_body import (
    candidates_table,
    coaching_list,
    recommendation_box,
    village_phrase,
)
from ovop_desktop.reports.letter_parts import DRAFT_NUMBER, shown_number, signature_only
from ovop_desktop.reports.locator import locator_drawing
from ovop_desktop.reports.markup import escape_text
from ovop_desktop.reports.pages import ATTACHMENT, SheetMark
from ovop_desktop.reports.radar import radar_drawing
from ovop_desktop.reports.stars import StarRating
from ovop_desktop.reports.styles import (
    GRID,
    HEADER_FILL,
    SUBTOTAL_FILL,
    Styles,
    plain_table,
    table,
)

PHOTO_BOX = (6.2 * cm, 3.7 * cm)
LOCATOR_SIZE = (9 * cm, 5.5 * cm)
RADAR_SIZE = (6.2 * cm, 5.1 * cm)
_GAP = 0.4 * cm
# Side-by-side cells cannot split over pages: beyond this height a block goes under, not beside.
_SIDE_BY_SIDE_LIMIT = 11 * cm
# Criteria table: the narrow columns (group, weight, level, points) are fixed; criterion,
# descriptor and note share the rest.
_HEADERS = ("Kriteria", "Kel.", "Bobot", "Tingkat", "Uraian tingkat", "Nilai", "Catatan")
# "Nilai" holds "100,00" in bold without wrapping.
_FIXED = {1: 0.85 * cm, 2: 1.1 * cm, 3: 1.35 * cm, 5: 1.55 * cm}
_SHARED = {0: 0.3, 4: 0.4, 6: 0.3}
_CELL_PADDING = 3
_HUGE_ROW = 500  # characters of note and descriptor from which a row may outgrow a page


def attachment_label(data: LetterData) -> str:
    number = shown_number(data)
    return f"Lampiran Surat Nomor {number}" if number else "Lampiran draf surat (belum bernomor)"


def _column_widths(width: float) -> list[float]:
    rest = width - sum(_FIXED.values())
    return [_FIXED.get(i, rest * _SHARED.get(i, 0.0)) for i in range(len(_HEADERS))]


def _grid(
    rows: list[list[object]], widths: list[float], *commands: tuple[object, ...], **kw: object
) -> Table:
    """A table of the sheet: thin grid, compact padding."""
    grid: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
    ]
    return table(rows, widths, [*grid, *commands], **kw)


def letter_reference(data: LetterData, st: Styles, width: float) -> Table:
    """The head of the attachment's first page, on the right: which letter it belongs to."""
    rows = [
        ("Nomor", shown_number(data) or DRAFT_NUMBER),
        ("Tanggal", format_date_id(data.issued_on)),
        ("Hal", data.hal),
    ]
    label_w, colon_w, block = 1.7 * cm, 0.4 * cm, width * 0.55
    cells: list[list[object]] = [
        [Paragraph("LAMPIRAN SURAT", st.small), "", ""],
        *[
            [
                Paragraph(label, st.small),
                Paragraph(":", st.small),
                Paragraph(escape_text(v), st.small),
            ]
            for label, v in rows
        ],
    ]
    return plain_table(
        cells,
        [label_w, colon_w, block - label_w - colon_w],
        [("SPAN", (0, 0), (-1, 0))],
        hAlign="RIGHT",
    )


def ranking_page(data: LetterData, st: Styles, width: float) -> list[Flowable]:
    """The first attachment page: the letter it belongs to, every candidate in rank order and
    the recommended product."""
    return [
        letter_reference(data, st, width),
        Spacer(1, 14),
        Paragraph("PERINGKAT PRODUK CALON OVOP", st.title),
        Paragraph(escape_text(village_phrase(data)), st.subtitle),
        Paragraph(
            f"survei tanggal {format_date_id(data.survey_date)} · Rubrik "
            f"{escape_text(data.rubric_name)} versi {data.rubric_version}",
            st.subtitle,
        ),
        Spacer(1, 10),
        candidates_table(data, st, width),
        Spacer(1, 12),
        *_locator(data, width),
        KeepTogether(
            [
                Paragraph("Produk yang direkomendasikan:", st.small),
                Spacer(1, 3),
                recommendation_box(data, st, width),
            ]
        ),
        *_advice(data, st),
        Spacer(1, 8),
        Paragraph(
            "Lembar penilaian setiap produk berikut ini memuat tingkat, nilai dan catatan setiap "
            "kriteria.",
            st.small,
        ),
    ]


def _locator(data: LetterData, width: float) -> list[Flowable]:
    """The village on its kabupaten's outline, centred under the candidates."""
    if data.locator is None:
        return []
    drawing = locator_drawing(data.locator, min(width, LOCATOR_SIZE[0]), LOCATOR_SIZE[1])
    drawing.hAlign = "CENTER"
    return [drawing, Spacer(1, 10)]


def _advice(data: LetterData, st: Styles) -> list[Flowable]:
    lines = coaching_list(data, st)
    if not lines:
        return []
    heading = Paragraph(
        f"<b>Saran pembinaan {escape_text(data.recommended)}</b> (kriteria terlemah, menuju "
        "tingkat berikutnya):",
        st.small,
    )
    return [Spacer(1, 10), heading, Spacer(1, 3), *lines]


def _heading(data: LetterData, st: Styles) -> list[Flowable]:
    return [
        Paragraph(
            f"{escape_text(attachment_label(data))} tanggal {format_date_id(data.issued_on)}",
            st.small,
        ),
        Spacer(1, 8),
        Paragraph("LEMBAR PENILAIAN PRODUK CALON OVOP", st.title),
        Paragraph(escape_text(village_phrase(data)), st.subtitle),
        Paragraph(f"survei tanggal {format_date_id(data.survey_date)}", st.subtitle),
        Spacer(1, 10),
    ]


def _summary(data: LetterData, sheet: CandidateSheet, st: Styles, width: float) -> Table:
    count = len(data.candidates)
    rank = "–" if sheet.village_rank is None else f"{sheet.village_rank} dari {count}"
    stars: list[Flowable] = [
        StarRating(sheet.stars, data.max_stars, size=10),
        Spacer(1, 2),
        Paragraph(stars_words(sheet.stars), st.cell),
    ]
    rows: list[tuple[str, object]] = [
        ("Nama produk", Paragraph(f"<b>{escape_text(sheet.product_name)}</b>", st.cell)),
        ("Kategori", Paragraph(escape_text(sheet.category) or "–", st.cell)),
        ("Peringkat di desa", Paragraph(rank, st.cell)),
        ("Nilai total", Paragraph(f"<b>{total_text(sheet.total)}</b> dari 100", st.cell)),
        ("Bintang", stars),
        ("Arti bintang", Paragraph(escape_text(sheet.band_meaning) or "–", st.cell)),
    ]
    if sheet.gate_message:
        rows.append(("Catatan syarat", Paragraph(escape_text(sheet.gate_message), st.cell)))
    label_w = 3.1 * cm
    cells = [[Paragraph(label, st.cell_bold), value] for label, value in rows]
    return _grid(
        cells,
        [label_w, width - label_w],
        ("BACKGROUND", (0, 0), (0, -1), SUBTOTAL_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        hAlign="LEFT",
        splitInRow=1,
    )


def _criterion_row(line: CriterionLine, st: Styles) -> list[object]:
    assessed = line.level is not None
    return [
        Paragraph(f"<b>{escape_text(line.id)}</b> {escape_text(line.name)}", st.cell),
        # Short values that never wrap are plain strings, set in the cell's font by
        # criteria_table: a Paragraph each would be a third of the sheet's time.
        line.group,
        str(line.weight),
        str(line.level) if assessed else "–",
        Paragraph(escape_text(line.descriptor) if assessed else "<i>belum dinilai</i>", st.cell),
        "–" if line.points is None else format_number_id(line.points, 2),
        Paragraph(escape_text(line.note), st.cell),
    ]


def _summary_row(label: Paragraph, value: str) -> list[object]:
    # The label spans the first five columns (see the SPAN commands); the value is a plain
    # string in the number cells' font (criteria_table).
    return [label, "", "", "", "", value, ""]


def criteria_table(sheet: CandidateSheet, st: Styles, width: float) -> Table:
    """Criterion, group, weight, level, descriptor, points and note per criterion, then the
    group subtotals and the total; the header row repeats on every page the table spans."""
    rows: list[list[object]] = [[Paragraph(text, st.header_cell) for text in _HEADERS]]
    rows += [_criterion_row(line, st) for line in sheet.criteria]
    first_summary = len(rows)
    for label, subtotal in sheet.group_subtotals:
        text = Paragraph(f"Subtotal {escape_text(label)}", st.cell)
        rows.append(_summary_row(text, format_number_id(subtotal, 2)))
    rows.append(_summary_row(Paragraph("<b>Total</b>", st.cell), total_text(sheet.total)))
    # A very long note may make a row taller than a page: then rows may split inside (else the
    # table could not be laid out). Otherwise rows stay whole, so that the subtotals and the
    # total keep the last criterion with them.
    huge = any(len(line.note or "") + len(line.descriptor) > _HUGE_ROW for line in sheet.criteria)
    return _grid(
        rows,
        _column_widths(width),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        # The plain strings: group, weight and level centred, points right-aligned.
        ("FONT", (1, 1), (5, -1), st.cell.fontName, st.cell.fontSize, st.cell.leading),
        ("FONT", (5, -1), (5, -1), st.number_cell_bold.fontName, st.cell.fontSize),
        ("ALIGN", (1, 1), (3, -1), "CENTER"),
        ("ALIGN", (5, 1), (5, -1), "RIGHT"),
        ("BACKGROUND", (0, first_summary), (-1, -1), SUBTOTAL_FILL),
        ("LINEABOVE", (0, first_summary), (-1, first_summary), 1.0, GRID),
        *[("SPAN", (0, row), (4, row)) for row in range(first_summary, len(rows))],
        # The subtotals and the total never stand alone on a page: the last criterion goes
        # with them.
        ("NOSPLIT", (0, max(1, first_summary - 1)), (-1, -1)),
        repeatRows=1,
        splitInRow=1 if huge else 0,
    )


def _height(flowables: list[Flowable], width: float) -> float:
    return float(sum(f.wrap(width, 10_000)[1] for f in flowables))


def _side_by_side(left: object, right: object, left_width: float, width: float) -> Table:
    return plain_table(
        [[left, right]],
        [left_width, width - left_width],
        [("LEFTPADDING", (1, 0), (1, 0), _GAP)],
    )


def _notes(data: LetterData, sheet: CandidateSheet, st: Styles) -> list[Flowable]:
    """The story when there is one, who assessed, and the rubric with its fingerprint."""
    notes: list[Flowable] = []
    if sheet.story and sheet.story.strip():
        notes += [
            Spacer(1, 8),
            Paragraph("<b>Cerita produk</b>", st.small),
            Paragraph(escape_text(sheet.story.strip()), st.small),
        ]
    notes += [
        Spacer(1, 8),
        Paragraph(f"Penilai: {escape_text(sheet.assessors) or '–'}", st.small),
        Paragraph(
            f"Rubrik {escape_text(data.rubric_name)} versi {data.rubric_version} · "
            f"sidik {escape_text(data.rubric_hash[:12])}",
            st.small,
        ),
    ]
    return notes


def _pictures(sheet: CandidateSheet, st: Styles) -> tuple[list[Flowable], list[Flowable]]:
    """The radar chart of the levels and the product photo (empty when there is none), each
    with its caption."""
    axes = [(line.id, line.level) for line in sheet.criteria]
    chart: list[Flowable] = [
        radar_drawing(axes, *RADAR_SIZE),
        Paragraph("Profil tingkat per kriteria (1–5)", st.small_center),
    ]
    photo = fitted_image(sheet.photo_jpeg, *PHOTO_BOX)
    framed: list[Flowable] = (
        [photo, Spacer(1, 2), Paragraph("Foto produk", st.small_center)] if photo else []
    )
    return chart, framed


def _layout(
    data: LetterData, sheet: CandidateSheet, st: Styles, width: float
) -> tuple[list[Flowable], list[Flowable]]:
    """The blocks before and after the criteria table.

    Normally the summary, story, assessors and rubric stand on the left and the radar chart
    above the photo on the right, so that a sheet fits one page. Cells side by side cannot
    split over pages, so when the left side is too tall it all goes full width instead.
    """
    chart, photo = _pictures(sheet, st)
    notes = _notes(data, sheet, st)
    right_width = max(RADAR_SIZE[0], PHOTO_BOX[0])
    left_width = width - right_width - _GAP
    summary = _summary(data, sheet, st, left_width)
    if _height([summary, *notes], left_width) <= _SIDE_BY_SIDE_LIMIT:
        right = chart + ([Spacer(1, 6), *photo] if photo else [])
        return [_side_by_side([summary, *notes], right, left_width, width)], []
    wide = [_summary(data, sheet, st, width), Spacer(1, 8)]
    if photo:
        wide.append(_side_by_side(chart, photo, width / 2, width))
    else:
        wide.append(KeepTogether(chart))
    return wide, notes


def candidate_sheet(
    data: LetterData, sheet: CandidateSheet, st: Styles, width: float
) -> list[Flowable]:
    """One assessment sheet (the page break before it is the caller's)."""
    before, after = _layout(data, sheet, st, width)
    return [
        SheetMark(" ".join(sheet.product_name.split())),
        *_heading(data, st),
        *before,
        Spacer(1, 10),
        criteria_table(sheet, st, width),
        *after,
    ]


def attachment_flowables(data: LetterData, st: Styles, width: float) -> list[Flowable]:
    """The ranking page, then every candidate's sheet, each starting a new attachment page,
    and the signature block after the last one."""
    story: list[Flowable] = [NextPageTemplate(ATTACHMENT), PageBreak()]
    story += ranking_page(data, st, width)
    for sheet in data.candidates:
        story.append(PageBreak())
        story += candidate_sheet(data, sheet, st, width)
    story += [Spacer(1, 16), KeepTogether([signature_only(data, st, width)])]
    return story
