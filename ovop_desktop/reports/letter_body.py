"""The body of the recommendation letter in Indonesian: the basis, the candidates assessed, the
recommended product, the justification, coaching advice and the closing paragraph."""

from __future__ import annotations

from reportlab.lib.units import cm  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from ovop_desktop.core.formatting import (
    count_words,
    format_date_id,
    format_nip,
    stars_words,
    total_text,
)
from ovop_desktop.reports.data import CandidateSheet, LetterData
from ovop_desktop.reports.markup import escape_text
from ovop_desktop.reports.stars import StarRating
from ovop_desktop.reports.styles import GRID, HEADER_FILL, SUBTOTAL_FILL, Styles, table

CLOSING = (
    "Demikian rekomendasi ini kami sampaikan. Rincian penilaian setiap produk kami lampirkan. "
    "Atas perhatian dan kerja sama Bapak/Ibu, kami ucapkan terima kasih."
)


def _prefixed(name: str, prefix: str, known: tuple[str, ...]) -> str:
    """``"Benua Lawas"`` → ``"Desa Benua Lawas"``, but ``"Kelurahan Guntung Paikat"`` as is."""
    name = " ".join(name.split())
    lowered = name.lower()
    if not name or any(lowered.startswith(k.lower() + " ") for k in known):
        return name
    return f"{prefix} {name}"


def village_phrase(data: LetterData) -> str:
    """``"Desa Benua Lawas, Kecamatan Takisung, Kabupaten Tanah Laut"`` (plain text)."""
    parts = [
        _prefixed(data.village, "Desa", ("Desa", "Kelurahan", "Kel.", "Gampong", "Nagari")),
        _prefixed(data.district, "Kecamatan", ("Kecamatan", "Kec.", "Distrik")),
        _prefixed(data.regency, "Kabupaten", ("Kabupaten", "Kab.", "Kota")),
    ]
    return ", ".join(part for part in parts if part)


def _opening(data: LetterData) -> str:
    officer = escape_text(data.officer_name)
    if data.officer_nip:
        # "NIP" never ends a line alone; the groups of the number may wrap.
        officer += f" (NIP\u00a0{escape_text(format_nip(data.officer_nip))})"
    return (
        "Berdasarkan hasil survei potensi produk <i>One Village One Product</i> (OVOP) di "
        f"{escape_text(village_phrase(data))} pada tanggal {format_date_id(data.survey_date)} "
        f"oleh petugas lapangan {officer}, dengan hormat kami sampaikan hal-hal sebagai berikut."
    )


def candidates_table(data: LetterData, st: Styles, width: float) -> Table:
    """Rank, product, category, total and stars of every candidate assessed, in rank order."""
    rank_w, total_w, stars_w, category_w = 2.1 * cm, 2.0 * cm, 3.3 * cm, 3.6 * cm
    product_w = width - rank_w - total_w - stars_w - category_w
    header = [
        Paragraph(text, st.header_cell)
        for text in ("Peringkat", "Produk", "Kategori", "Nilai total", "Bintang")
    ]
    rows: list[list[object]] = [header]
    highlighted = []
    for index, sheet in enumerate(data.candidates, start=1):
        recommended = sheet.product_name == data.recommended
        name = escape_text(sheet.product_name)
        rows.append(
            [
                Paragraph(
                    "–" if sheet.village_rank is None else str(sheet.village_rank), st.cell_center
                ),
                Paragraph(f"<b>{name}</b>" if recommended else name, st.cell),
                Paragraph(escape_text(sheet.category), st.cell),
                Paragraph(total_text(sheet.total), st.cell_right),
                StarRating(
                    sheet.stars,
                    data.max_stars,
                    size=8.5,
                    label="–" if sheet.stars is None else str(sheet.stars),
                ),
            ]
        )
        if recommended:
            highlighted.append(index)
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    commands += [("BACKGROUND", (0, row), (-1, row), SUBTOTAL_FILL) for row in highlighted]
    widths = [rank_w, product_w, category_w, total_w, stars_w]
    return table(rows, widths, commands, repeatRows=1)


def _recommended_sheet(data: LetterData) -> CandidateSheet | None:
    return next((c for c in data.candidates if c.product_name == data.recommended), None)


def recommendation_box(data: LetterData, st: Styles, width: float) -> Table:
    """The recommended product, its total, its drawn stars and what they mean."""
    sheet = _recommended_sheet(data)
    meaning = escape_text(sheet.band_meaning) if sheet and sheet.band_meaning else ""
    product_w, total_w = width * 0.36, 2.4 * cm
    header = [
        Paragraph(text, st.header_cell)
        for text in ("Produk yang direkomendasikan", "Nilai total", "Bintang")
    ]
    stars: list[Flowable] = [
        StarRating(
            data.recommended_stars,
            data.max_stars,
            size=10,
            label=stars_words(data.recommended_stars),
        ),
    ]
    if meaning:
        stars += [Spacer(1, 2), Paragraph(meaning, st.cell)]
    values = [
        Paragraph(f"<b>{escape_text(data.recommended)}</b>", st.cell),
        Paragraph(f"<b>{total_text(data.recommended_total)}</b>", st.cell_center),
        stars,
    ]
    return table(
        [header, values],
        [product_w, total_w, width - product_w - total_w],
        [
            ("BOX", (0, 0), (-1, -1), 0.8, GRID),
            ("INNERGRID", (0, 0), (-1, -1), 0.3, GRID),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ],
    )


def body_flowables(data: LetterData, st: Styles, width: float) -> list[Flowable]:
    """Every paragraph of the body except the closing one (see :func:`closing_paragraph`)."""
    village = escape_text(village_phrase(data).split(",")[0])
    count = len(data.candidates)
    story: list[Flowable] = [
        Paragraph(_opening(data), st.body),
        Paragraph(
            f"Penilaian dilakukan terhadap {count_words(count)} produk calon OVOP dengan "
            f"Rubrik {escape_text(data.rubric_name)} versi {data.rubric_version}, dengan hasil "
            "sebagai berikut:",
            st.body,
        ),
        candidates_table(data, st, width),
        Spacer(1, 9),
        # The sentence and its box stay together, so the box's header never ends a page.
        KeepTogether(
            [
                Paragraph(
                    "Berdasarkan hasil penilaian tersebut, kami merekomendasikan "
                    f"<b>{escape_text(data.recommended)}</b> sebagai produk unggulan OVOP "
                    f"{village} dengan nilai total <b>{total_text(data.recommended_total)}</b> "
                    f"dan <b>{stars_words(data.recommended_stars)}</b>.",
                    st.body,
                ),
                recommendation_box(data, st, width),
            ]
        ),
        Spacer(1, 9),
    ]
    if data.justification and data.justification.strip():
        story.append(
            Paragraph(
                "Produk ini dipilih walaupun bukan peringkat pertama dengan alasan: "
                f"{escape_text(data.justification.strip())}",
                st.body,
            )
        )
    advice = [line for line in data.coaching if line.strip()]
    if advice:
        story.append(
            Paragraph(
                "Untuk meningkatkan mutu dan daya saing produk tersebut, pembinaan selanjutnya "
                "kami sarankan diarahkan pada hal-hal berikut:",
                st.body,
            )
        )
        story += [
            Paragraph(escape_text(line.strip()), st.list_item, bulletText=_marker(i))
            for i, line in enumerate(advice)
        ]
        story.append(Spacer(1, 6))
    return story


def _marker(index: int) -> str:
    """a., b., c., … as sub-points of a letter are written; numbers past z."""
    return f"{chr(ord('a') + index)}." if index < 26 else f"{index + 1}."


def closing_paragraph(st: Styles) -> Paragraph:
    return Paragraph(CLOSING, st.body)
