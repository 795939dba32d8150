"""The printed recommendation letter, read back from the PDF as a reader or a verifier would."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from functools import cache
from io import BytesIO

import pytest
from pypdf import PdfReader
from reportlab import rl_config  # type: ignore[import-untyped]

from ovop_desktop.core.formatting import count_words, format_nip, stars_words
from ovop_desktop.reports.data import CriterionLine, LetterData, Paper, Signatory
from ovop_desktop.reports.letter import LetterError, render_letter
from ovop_desktop.reports.markup import MISSING_GLYPH, escape_text, printable
from ovop_desktop.reports.sample import (
    HOSTILE_MARKUP,
    HOSTILE_WORD,
    sample_letter,
    sample_rubric,
)

MM = 72 / 25.4
SHEET_TITLE = "LEMBAR PENILAIAN PRODUK CALON OVOP"
RANKING_TITLE = "PERINGKAT PRODUK CALON OVOP"
CLOSING_START = "Demikian rekomendasi ini kami sampaikan"


@cache
def _pdf(candidates: int = 3, hostile: bool = False, paper: Paper = "A4") -> bytes:
    return render_letter(sample_letter(candidates, hostile=hostile, paper=paper))


def _flat(text: str) -> str:
    """Extracted text with every run of whitespace made one space (lines wrap anywhere)."""
    return " ".join(text.split())


def _pages(pdf: bytes) -> list[str]:
    return [_flat(page.extract_text()) for page in PdfReader(BytesIO(pdf)).pages]


def _letter_pages(pdf: bytes) -> list[str]:
    """The pages of the letter itself, before the attachment's ranking page."""
    pages = _pages(pdf)
    first_sheet = next(i for i, text in enumerate(pages) if RANKING_TITLE in text)
    return pages[:first_sheet]


def test_letter_shows_what_the_reader_needs() -> None:
    data = sample_letter(3)
    letter = " ".join(_letter_pages(_pdf(3)))
    expected = [
        data.number,
        data.hal,
        "Banjarbaru, 27 November 2026",
        "12 November 2026",
        "Desa Benua Lawas, Kecamatan Takisung, Kabupaten Tanah Laut",
        "Yth. Bupati Tanah Laut",
        "Rahmah Hidayati",
        "Anyaman Purun",
        "72,00",
        "4 (empat) bintang",
        "Rubrik OVOP Kalsel 2026 versi 1",
        "Kepala Dinas,",
        data.signatory.name,
        "NIP 19690512 199403 1 007",
        "K7Q2-9XRM",
        "Tembusan:",
        "Gubernur Kalimantan Selatan (sebagai laporan);",
    ]
    assert [text for text in expected if text not in letter] == []
    for label in ("Nomor", "Sifat", "Lampiran", "Hal"):
        assert re.search(rf"{label} : \S", letter), label


def _ranking_page(pdf: bytes) -> str:
    return next(text for text in _pages(pdf) if RANKING_TITLE in text)


def test_candidates_are_listed_in_rank_order_with_totals() -> None:
    # The letter counts them; the attachment's first page ranks them.
    assert "3 (tiga) produk calon OVOP" in " ".join(_letter_pages(_pdf(3)))
    letter = _ranking_page(_pdf(3))
    positions = [
        letter.index(f"{rank} {name}")
        for rank, name in ((1, "Anyaman Purun"), (2, "Kain Sasirangan"), (3, "Dodol Kandangan"))
    ]
    assert positions == sorted(positions)
    assert all(total in letter for total in ("72,00", "71,00", "67,00"))


def test_every_font_is_embedded_and_none_is_helvetica() -> None:
    pdf = _pdf(3)
    reader = PdfReader(BytesIO(pdf))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]))
            assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]
    assert names and all("DejaVuSans" in name for name in names)
    assert b"Helvetica" not in pdf


def test_hostile_text_is_printed_literally() -> None:
    pdf = _pdf(3, hostile=True)
    text = " ".join(_pages(pdf))
    assert "<b>&amp;" in text
    assert HOSTILE_MARKUP in text
    assert "baris kedua" in text  # the line after a newline in a product name
    # The 200-character word wraps inside narrow cells but loses no character.
    assert HOSTILE_WORD in "".join(text.split())
    # Emoji the font cannot draw become a visible box rather than nothing or a crash.
    assert MISSING_GLYPH in text
    assert b"Helvetica" not in pdf


def test_justification_is_printed_when_the_recommendation_is_not_rank_one() -> None:
    letter = " ".join(_letter_pages(_pdf(3, hostile=True)))
    assert "Produk ini dipilih walaupun bukan peringkat pertama dengan alasan:" in letter
    assert "belum memiliki izin edar" in letter
    assert "walaupun bukan peringkat pertama" not in " ".join(_letter_pages(_pdf(3)))


def _long_letter(paper: Paper) -> tuple[LetterData, bytes]:
    """A letter whose justification alone takes half a page: it runs onto a second page."""
    data = dataclasses.replace(
        sample_letter(3, paper=paper), justification="Alasan yang panjang sekali. " * 60
    )
    return data, render_letter(data)


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_long_letter_keeps_the_signature_with_the_last_paragraph(paper: Paper) -> None:
    data, pdf = _long_letter(paper)
    letter = _letter_pages(pdf)
    assert len(letter) > 1
    last = letter[-1]
    assert data.signatory.name in last
    # Body text precedes the signature on its page: the block is never alone.
    assert last.index(CLOSING_START) < last.index(data.signatory.name)


@pytest.mark.parametrize("candidates", range(1, 13))
def test_signature_never_starts_a_page_alone(candidates: int) -> None:
    for paper in ("A4", "F4"):
        name = sample_letter(candidates).signatory.name
        page = next(p for p in _letter_pages(_pdf(candidates, paper=paper)) if name in p)
        assert CLOSING_START in page, (paper, candidates)


def test_continuation_pages_are_numbered_at_the_top_as_regional_guides_do() -> None:
    letter = _letter_pages(_long_letter("A4")[1])
    assert "- 1 -" not in letter[0] and "Halaman" not in letter[0]
    assert "- 2 -" in letter[1] and "Halaman" not in letter[1]


@pytest.mark.parametrize(("paper", "width_mm", "height_mm"), [("A4", 210, 297), ("F4", 215, 330)])
def test_paper_size(paper: Paper, width_mm: float, height_mm: float) -> None:
    box = PdfReader(BytesIO(_pdf(1, paper=paper))).pages[0].mediabox
    assert float(box.width) == pytest.approx(width_mm * MM, abs=0.1)
    assert float(box.height) == pytest.approx(height_mm * MM, abs=0.1)


def test_paper_size_in_points() -> None:
    f4 = PdfReader(BytesIO(_pdf(1, paper="F4"))).pages[0].mediabox
    a4 = PdfReader(BytesIO(_pdf(1, paper="A4"))).pages[0].mediabox
    assert (round(float(f4.width), 1), round(float(f4.height), 1)) == (609.4, 935.4)
    assert (round(float(a4.width), 1), round(float(a4.height), 1)) == (595.3, 841.9)


def test_deterministic_mode_gives_identical_bytes_and_restores_the_setting() -> None:
    before = (rl_config.invariant, rl_config.useA85)
    data = sample_letter(2, hostile=True)
    first = render_letter(data, deterministic=True)
    render_letter(sample_letter(5, paper="F4"))  # nothing of another build may leak in
    second = render_letter(data, deterministic=True)
    assert first == second
    assert (rl_config.invariant, rl_config.useA85) == before


def test_metadata_carries_hal_number_and_verification_code() -> None:
    data = sample_letter(3)
    pdf = _pdf(3)
    meta = PdfReader(BytesIO(pdf)).metadata
    assert meta is not None
    assert meta.title == data.hal
    assert meta.subject == data.number
    assert "OVOPV1:K7Q2-9XRM" in str(meta["/Keywords"])
    assert b"OVOPV1:K7Q2-9XRM" in pdf  # what the verify command looks for


def test_attachment_has_one_sheet_per_candidate() -> None:
    data = sample_letter(5)
    pages = _pages(_pdf(5))
    sheets = [p for p in pages if SHEET_TITLE in p]
    assert len(sheets) == 5
    rubric = sample_rubric()
    for sheet, candidate in zip(sheets, data.candidates, strict=True):
        assert candidate.product_name in sheet
        assert "Lampiran Surat Nomor 500.2/123/DKUKM/XI/2026" in sheet
        assert f"Rubrik OVOP Kalsel 2026 versi 1 · sidik {rubric.definition_hash[:12]}" in sheet
        assert stars_words(candidate.stars) in sheet
        assert all(line.id in sheet for line in candidate.criteria)
    first = sheets[0]
    for text in ("Subtotal A · Produksi & komunitas", "Total 72,00", "Penilai:", "Foto produk"):
        assert text in first


def test_gate_message_is_printed_on_the_capped_sheet() -> None:
    sheet = next(p for p in _pages(_pdf(3)) if SHEET_TITLE in p and "Kain Sasirangan" in p)
    assert "Bintang 4 ke atas memerlukan NIB" in sheet
    assert "3 (tiga) bintang" in sheet


def test_criteria_table_repeats_its_header_on_every_page_it_spans() -> None:
    data = sample_letter(1)
    sheet = data.candidates[0]
    long_note = " ".join(["catatan panjang"] * 700)
    lines = tuple(dataclasses.replace(line, note=long_note) for line in sheet.criteria[:3])
    data = dataclasses.replace(
        data,
        candidates=(dataclasses.replace(sheet, criteria=lines + sheet.criteria[3:]),),
    )
    pages = _pages(render_letter(data))
    attachment = pages[len(_letter_pages(render_letter(data))) :]
    assert len(attachment) > 1
    assert all(
        "Kriteria Kel. Bobot Tingkat Uraian tingkat Nilai Catatan" in p
        for p in attachment
        if "catatan panjang" in p
    )


def test_very_long_user_text_does_not_break_the_layout() -> None:
    data = sample_letter(2)
    sheet = data.candidates[0]
    huge = "Cerita " + "panjang sekali " * 900
    data = dataclasses.replace(
        data,
        justification="alasan " * 600,
        coaching=tuple(f"saran {i}" for i in range(40)),
        candidates=(
            dataclasses.replace(
                sheet,
                product_name="Nama " * 120,
                gate_message="syarat " * 300,
                story=huge,
            ),
            *data.candidates[1:],
        ),
    )
    text = " ".join(_pages(render_letter(data)))
    assert "panjang sekali" in text
    assert data.signatory.name in text


def test_unreadable_pictures_are_left_out() -> None:
    data = sample_letter(1)
    data = dataclasses.replace(
        data,
        letterhead=dataclasses.replace(data.letterhead, logo_png=b"not a png"),
        candidates=(dataclasses.replace(data.candidates[0], photo_jpeg=b"\xff\xd8 broken"),),
    )
    text = " ".join(_pages(render_letter(data)))
    assert "Anyaman Purun" in text
    assert "Foto produk" not in text


def test_criteria_not_yet_assessed_say_so() -> None:
    data = sample_letter(1)
    sheet = data.candidates[0]
    blank = CriterionLine("C8", "Keunikan", "C", 15, None, "", None, None)
    data = dataclasses.replace(
        data,
        candidates=(
            dataclasses.replace(
                sheet, criteria=(*sheet.criteria[:7], blank), total=None, stars=None
            ),
        ),
    )
    sheet_text = next(p for p in _pages(render_letter(data)) if SHEET_TITLE in p)
    assert "belum dinilai" in sheet_text
    assert "belum berbintang" in sheet_text


def test_delegated_signature_prints_its_lines_and_no_nip_when_there_is_none() -> None:
    signatory = Signatory(
        position="Sekretaris",
        name="Hj. Siti Aminah, S.E.",
        rank="",
        nip="",
        delegation=("a.n. Kepala Dinas",),
    )
    data = dataclasses.replace(sample_letter(1), signatory=signatory)
    letter = " ".join(_letter_pages(render_letter(data)))
    assert "a.n. Kepala Dinas Sekretaris, Hj. Siti Aminah, S.E." in letter
    assert "NIP" not in letter.split("Hj. Siti Aminah")[-1]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"number": "  "}, "belum bernomor"),
        ({"signatory": Signatory("Kepala Dinas", " ", "", "")}, "Penanda tangan"),
        ({"verification_code": "kode (palsu)"}, "Kode verifikasi"),
    ],
)
def test_letter_without_number_or_signatory_is_refused(
    change: dict[str, object], message: str
) -> None:
    data: LetterData = dataclasses.replace(sample_letter(1), **change)  # type: ignore[arg-type]
    with pytest.raises(LetterError, match=message):
        render_letter(data)


def test_escape_text_keeps_user_text_literal() -> None:
    assert escape_text('<b>&amp; "x"</b>\nline') == '&lt;b&gt;&amp;amp; "x"&lt;/b&gt;<br/>line'
    assert escape_text(None) == ""
    assert escape_text("a\r\nb\rc") == "a<br/>b<br/>c"


def test_characters_the_font_lacks_become_a_box_or_vanish() -> None:
    assert printable("Purun 🧺") == f"Purun {MISSING_GLYPH}"
    assert printable("a\u200db\ufe0f") == "ab"  # joiner and variation selector: invisible
    assert printable("Cafe\u0301") == "Café"  # decomposed accent composed
    assert printable("tab\there") == "tab here"


def test_counts_and_nip_are_written_as_letters_write_them() -> None:
    assert count_words(3) == "3 (tiga)"
    assert count_words(12) == "12 (dua belas)"
    assert count_words(21) == "21 (dua puluh satu)"
    assert stars_words(4) == "4 (empat) bintang"
    assert format_nip("196905121994031007") == "19690512 199403 1 007"
    assert format_nip("-") == "-"


def test_recommended_total_is_printed_with_two_decimals() -> None:
    data = dataclasses.replace(sample_letter(1), recommended_total=Decimal("72"))
    assert "72,00" in " ".join(_letter_pages(render_letter(data)))
