"""The letter's layout as Tata Naskah Dinas wants it: one page from the kop to the signature,
numbers and units that never wrap, the story and the gate explained in the letter, an
attachment tied to the letter, and metadata that keeps the real text."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from io import BytesIO

import pytest
from pypdf import PdfReader

from ovop_desktop.reports.data import LetterData, Paper
from ovop_desktop.reports.letter import render_letter, unprintable_characters
from ovop_desktop.reports.sample import LONG_PRODUCT, longest_letter, sample_letter
from ovop_desktop.reports.styles import RULE, styles

RANKING_TITLE = "PERINGKAT PRODUK CALON OVOP"
CLOSING_START = "Demikian rekomendasi ini kami sampaikan"


def _without_photos(data: LetterData) -> LetterData:
    """Photos do not change the letter's pages; leaving them out keeps the tests fast."""
    sheets = tuple(dataclasses.replace(s, photo_jpeg=None) for s in data.candidates)
    return dataclasses.replace(data, candidates=sheets)


def _raw_pages(data: LetterData) -> list[str]:
    pdf = render_letter(_without_photos(data))
    return [page.extract_text() for page in PdfReader(BytesIO(pdf)).pages]


def _letter_pages(pages: list[str]) -> list[str]:
    first = next(i for i, text in enumerate(pages) if RANKING_TITLE in text)
    return pages[:first]


def _letter_alone(data: LetterData) -> list[str]:
    pdf = render_letter(data, attachment=False)
    return [" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(pdf)).pages]


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_the_letter_is_one_page_for_up_to_five_candidates(paper: Paper) -> None:
    for candidates in range(1, 6):
        data = sample_letter(candidates, paper=paper)
        letter = _letter_alone(data)
        assert len(letter) == 1, (paper, candidates)
        assert data.signatory.name in letter[0], (paper, candidates)
        assert "Tembusan:" in letter[0] and "Arsip." in letter[0], (paper, candidates)


@pytest.mark.parametrize("paper", ["A4", "F4"])
@pytest.mark.parametrize("candidates", [1, 5])
def test_with_the_longest_names_the_signature_stays_on_the_first_page(
    paper: Paper, candidates: int
) -> None:
    """Long product, village and officer names, a delegated signatory with every title, a
    gate and a story: the body, the closing and the signature still fit the first page (on
    A4 the six tembusan lines may follow on the second; on F4 they fit too)."""
    letter = _letter_alone(longest_letter(candidates, paper=paper))
    first = letter[0]
    assert CLOSING_START in first
    assert "Fadhillah, S.T., M.Si., M.M." in first
    assert "NIP 19690512 199403 1 007" in first
    if paper == "F4":
        assert len(letter) == 1 and "Arsip." in first


def test_the_letter_tells_the_story_and_why_the_stars_were_lowered() -> None:
    data = longest_letter(2)
    first = _letter_alone(data)[0]
    sheet = next(s for s in data.candidates if s.product_name == LONG_PRODUCT)
    assert f"diturunkan dari {sheet.stars_before_gate} menjadi {data.recommended_stars}" in first
    assert "karena syarat belum terpenuhi: Bintang 4 ke atas memerlukan NIB" in first
    assert "Tentang produk ini: Purun tumbuh liar di rawa gambut desa" in first
    # A long story is quoted in part; the attachment has all of it.
    assert "(selengkapnya dalam lampiran)" in first


def test_numbers_and_units_do_not_wrap_in_the_criteria_table() -> None:
    data = sample_letter(1)
    sheet = data.candidates[0]
    criteria = tuple(
        dataclasses.replace(line, level=5, points=Decimal(line.weight)) for line in sheet.criteria
    )
    full = dataclasses.replace(sheet, total=Decimal(100), criteria=criteria)
    pages = _raw_pages(dataclasses.replace(data, candidates=(full,)))
    sheet_text = next(text for text in pages if "LEMBAR PENILAIAN" in text)
    lines = [line.strip() for line in sheet_text.splitlines()]
    assert "100,00" in lines
    # ">60 %" keeps its unit: no line of the sheet starts with "%".
    assert not [line for line in lines if line.startswith("%")]
    assert any("60\u00a0%" in line or "60 %" in line for line in lines)


def test_kop_text_and_rules_are_black() -> None:
    st = styles()
    for style in (st.kop_government, st.kop_agency, st.kop_address):
        assert style.textColor.hexval() == "0x000000"
    assert RULE.hexval() == "0x000000"


def test_the_title_metadata_keeps_characters_the_font_lacks() -> None:
    hal = "Rekomendasi Produk 😀 مرحبا 中文"
    pdf = render_letter(_without_photos(dataclasses.replace(sample_letter(1), hal=hal)))
    meta = PdfReader(BytesIO(pdf)).metadata
    assert meta is not None and meta.title == hal


def test_the_preview_can_name_the_characters_that_will_not_print() -> None:
    data = sample_letter(2)
    sheet = dataclasses.replace(data.candidates[0], product_name="Dodol 😀 中")
    data = dataclasses.replace(data, candidates=(sheet, *data.candidates[1:]), addressee="Bupati ع")
    assert unprintable_characters(data) == ["ع", "😀", "中"]
    assert unprintable_characters(sample_letter(2)) == []


def test_the_attachment_is_tied_to_the_letter_and_ends_with_the_signature() -> None:
    data = sample_letter(2)
    pages = [" ".join(text.split()) for text in _raw_pages(data)]
    ranking = next(text for text in pages if RANKING_TITLE in text)
    for expected in (
        "LAMPIRAN SURAT",
        f"Nomor : {data.number}",
        "Tanggal : 27 November 2026",
        f"Hal : {data.hal}",
        "Anyaman Purun",
        "menuju tingkat",  # the advice in full
    ):
        assert expected in ranking, expected
    assert data.signatory.name in pages[-1] and "NIP 19690512 199403 1 007" in pages[-1]


def test_continuation_pages_of_a_sheet_name_the_product() -> None:
    data = sample_letter(1)
    sheet = data.candidates[0]
    long_note = "Catatan lapangan yang panjang. " * 40
    criteria = tuple(dataclasses.replace(line, note=long_note) for line in sheet.criteria)
    data = dataclasses.replace(data, candidates=(dataclasses.replace(sheet, criteria=criteria),))
    pages = [" ".join(text.split()) for text in _raw_pages(data)]
    sheets = [i for i, text in enumerate(pages) if "LEMBAR PENILAIAN" in text]
    assert len(pages) > sheets[0] + 1
    assert f"· {sheet.product_name} Halaman" in pages[sheets[0]]
    assert f"· {sheet.product_name} (lanjutan)" in pages[sheets[0] + 1]
    # The ranking page before the first sheet names no product.
    ranking = next(text for text in pages if RANKING_TITLE in text)
    assert sheet.product_name not in ranking.split("Lampiran Surat Nomor")[-1]


def test_the_verification_instructions_are_one_footer_line() -> None:
    data = sample_letter(1)
    pdf = render_letter(data, attachment=False)
    first = PdfReader(BytesIO(pdf)).pages[0].extract_text()
    lines = [line for line in first.splitlines() if data.verification_code in line]
    assert len(lines) == 1 and "memindai kode QR" in lines[0]


def test_a_draft_carries_a_watermark_and_no_number() -> None:
    data = dataclasses.replace(sample_letter(1), draft=True, number="", verification_code="")
    pages = [" ".join(text.split()) for text in _raw_pages(data)]
    assert all("DRAF" in text for text in pages)
    assert "500.2/" not in " ".join(pages)
    assert "belum bernomor" in pages[0]


def test_the_total_never_stands_alone_on_a_sheet_page() -> None:
    pdf = render_letter(longest_letter(1))
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(BytesIO(pdf)).pages]
    sheet = [text for text in pages if "(lanjutan)" in text or "LEMBAR PENILAIAN" in text]
    assert len(sheet) == 2  # the sheet runs onto a second page
    assert "Total 72,00" in sheet[1] and "C8 Keunikan" in sheet[1]
