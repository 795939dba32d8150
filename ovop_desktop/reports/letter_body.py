"""The body of the recommendation letter in Indonesian: the basis, the candidates assessed, the
recommended product, the justification, coaching advice and the closing paragraph."""

from __future__ import annotations

from reportlab.lib.units import cm  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    Flowable,
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
from ovop_desktop.reports.markup import escape_text, no_break
from ovop_desktop.reports.stars import StarRating
from ovop_desktop.reports.styles import GRID, HEADER_FILL, SUBTOTAL_FILL, Styles, table

CLOSING = "Demikian rekomendasi ini kami sampaikan, atas perhatiannya diucapkan terima kasih."


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
        f"oleh petugas lapangan {officer}, kami telah menilai "
        f"{count_words(len(data.candidates))} produk calon OVOP dengan Rubrik "
        f"{escape_text(data.rubric_name)} versi {data.rubric_version}; peringkat dan nilai "
        "setiap produk terlampir."
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
                Paragraph(total_text(sheet.total), st.number_cell),
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
        Paragraph(f"<b>{total_text(data.recommended_total)}</b>", st.number_cell),
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


STORY_LIMIT = 160  # characters of the story the letter quotes; the sheet prints all of it


def _recommended_paragraph(data: LetterData) -> str:
    village = escape_text(village_phrase(data).split(",")[0])
    sheet = _recommended_sheet(data)
    meaning = (
        f", yang berarti {escape_text(sheet.band_meaning)}" if sheet and sheet.band_meaning else ""
    )
    category = f" (kategori {escape_text(sheet.category)})" if sheet and sheet.category else ""
    return (
        "Dengan hormat kami merekomendasikan "
        f"<b>{escape_text(data.recommended)}</b>{category} sebagai produk unggulan OVOP "
        f"{village} dengan nilai total <b>{no_break(total_text(data.recommended_total))}</b> "
        f"dari\u00a0100 dan <b>{no_break(stars_words(data.recommended_stars))}</b>{meaning}."
    )


def gate_sentence(sheet: CandidateSheet, stars: int) -> str | None:
    """Why the stars of the recommended product were lowered, in one sentence (plain text)."""
    reason = (sheet.gate_message or "").strip()
    if not reason:
        return None
    before = sheet.stars_before_gate
    if before is not None and before > stars:
        change = f"Bintang produk ini diturunkan dari {before} menjadi {stars}"
    else:
        change = f"Bintang produk ini dibatasi pada {stars}"
    return f"{change} karena syarat belum terpenuhi: {reason.rstrip('.')}."


def _story(sheet: CandidateSheet | None) -> str | None:
    story = " ".join((sheet.story or "").split()) if sheet else ""
    if not story:
        return None
    if len(story) > STORY_LIMIT:
        story = (
            story[:STORY_LIMIT].rsplit(" ", 1)[0].rstrip(",.;:")
            + " … (selengkapnya dalam lampiran)"
        )
    return story


def body_flowables(data: LetterData, st: Styles, width: float) -> list[Flowable]:
    """Every paragraph of the body except the closing one (see :func:`closing_paragraph`).

    The candidates' table stands in the attachment, so that the letter, from the kop to the
    tembusan, fits one page for a village of up to five candidates (Tata Naskah Dinas: the
    signature is never alone on a second page)."""
    sheet = _recommended_sheet(data)
    recommendation = _recommended_paragraph(data)
    gate = gate_sentence(sheet, data.recommended_stars) if sheet else None
    if gate:
        recommendation += " " + escape_text(gate)
    story: list[Flowable] = [
        Paragraph(_opening(data), st.body),
        Paragraph(recommendation, st.body),
    ]
    told = _story(sheet)
    if told:
        story.append(Paragraph(f"Tentang produk ini: {escape_text(told)}", st.body))
    if data.justification and data.justification.strip():
        story.append(
            Paragraph(
                "Produk ini dipilih walaupun bukan peringkat pertama dengan alasan: "
                f"{escape_text(data.justification.strip())}",
                st.body,
            )
        )
    focus = coaching_focus(data.coaching)
    if focus:
        story.append(
            Paragraph(
                "Pembinaan selanjutnya kami sarankan diarahkan pada "
                f"{escape_text(_joined(focus))} (sasarannya terlampir).",
                st.body,
            )
        )
    return story


def coaching_focus(coaching: tuple[str, ...]) -> list[str]:
    """The criteria the advice lines name ("Kapasitas & kontinuitas produksi (tingkat 3): …"
    → "kapasitas & kontinuitas produksi"): the letter names them, the attachment lists the
    advice in full. A line in another form is named whole."""
    names = []
    for line in coaching:
        line = line.strip()
        if not line:
            continue
        name = line.split(" (", 1)[0].split(":", 1)[0].strip()
        names.append(name[:1].lower() + name[1:] if name[1:2].islower() else name)
    return names


def _joined(names: list[str]) -> str:
    """``a``, ``a dan b``, ``a; b; dan c`` (names may hold commas themselves)."""
    if len(names) < 3:
        return " dan ".join(names)
    return "; ".join(names[:-1]) + "; serta " + names[-1]


def coaching_list(data: LetterData, st: Styles) -> list[Flowable]:
    """The advice lines in full, lettered a., b., c. (the attachment's ranking page)."""
    advice = [line.strip() for line in data.coaching if line.strip()]
    return [
        Paragraph(escape_text(line), st.list_item, bulletText=_marker(i))
        for i, line in enumerate(advice)
    ]


def _marker(index: int) -> str:
    """a., b., c., … as sub-points of a letter are written; numbers past z."""
    return f"{chr(ord('a') + index)}." if index < 26 else f"{index + 1}."


def closing_paragraph(st: Styles) -> Paragraph:
    return Paragraph(CLOSING, st.body)
