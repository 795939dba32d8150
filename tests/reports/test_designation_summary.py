"""The designation summary of a kabupaten/kota, read back from the PDF as a reader would."""

from __future__ import annotations

import dataclasses
from datetime import date
from functools import cache
from io import BytesIO

import pytest
from pypdf import PdfReader

from ovop_desktop.core.errors import DomainError
from ovop_desktop.reports.designation_summary import (
    DesignationLine,
    DesignationSummary,
    render_designation_summary,
)
from ovop_desktop.reports.sample import HOSTILE_MARKUP, HOSTILE_WORD, sample_letter

MM = 72 / 25.4
FOOTER = "Rekapitulasi Produk OVOP yang Ditetapkan · Kabupaten Tanah Laut"


def _line(number: int, **changes: object) -> DesignationLine:
    line = DesignationLine(
        district="Takisung",
        village=f"Desa Nomor {number}",
        product=f"Produk Nomor {number}",
        category="Makanan",
        decided_on=date(2026, 11, 3),
        basis="Hasil penilaian OVOP 2026 dan berita acara rapat tim penilai provinsi",
        decree_number=f"188.44/{number:04d}/KUM/2026",
    )
    return dataclasses.replace(line, **changes)  # type: ignore[arg-type]


def _summary(lines: tuple[DesignationLine, ...], **changes: object) -> DesignationSummary:
    letter = sample_letter(1)
    data = DesignationSummary(
        regency="Kabupaten Tanah Laut",
        province="Kalimantan Selatan",
        as_of=date(2026, 11, 28),
        lines=lines,
        letterhead=letter.letterhead,
        place="Banjarbaru",
        signatory=letter.signatory,
    )
    return dataclasses.replace(data, **changes)  # type: ignore[arg-type]


THREE = (
    _line(1, village=None, product="Terasi Takisung"),
    _line(2, village="Benua Lawas", product="Anyaman Purun", category="Anyaman"),
    _line(3, village="Tabanio", product="Amplang Ikan Tenggiri", decided_on=date(2026, 9, 9)),
)


@cache
def _pdf(count: int = 0) -> bytes:
    lines = THREE if count == 0 else tuple(_line(n) for n in range(1, count + 1))
    return render_designation_summary(_summary(lines))


def _pages(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(pdf)).pages]


def test_the_summary_shows_the_regency_every_designation_and_the_signature() -> None:
    [page] = _pages(_pdf())
    expected = [
        "PEMERINTAH PROVINSI KALIMANTAN SELATAN",
        "REKAPITULASI PRODUK OVOP YANG DITETAPKAN",
        "KABUPATEN TANAH LAUT",
        "Provinsi Kalimantan Selatan",
        "Keadaan per 28 November 2026",
        "Kecamatan",
        "Desa/Kelurahan",
        "Nomor SK",
        "Terasi Takisung",
        "Tingkat kecamatan",
        "Benua Lawas",
        "Anyaman Purun",
        "Amplang Ikan Tenggiri",
        "9 September 2026",
        "188.44/0003/KUM/2026",
        "Jumlah: 3 produk OVOP yang ditetapkan untuk 2 desa/kelurahan dan 1 kecamatan.",
        "Banjarbaru, 28 November 2026",
        "Kepala Dinas,",
        "Ir. H. Muhammad Rizani Noor, M.Si.",
        "NIP 19690512 199403 1 007",
        FOOTER,
        "Halaman 1 dari 1",
    ]
    assert [text for text in expected if text not in page] == []
    rows = [page.index(name) for name in ("Terasi", "Anyaman Purun", "Amplang")]
    assert rows == sorted(rows)  # in the order given


def test_the_summary_is_printed_on_a4_landscape() -> None:
    box = PdfReader(BytesIO(_pdf())).pages[0].mediabox
    assert float(box.width) == pytest.approx(297 * MM, abs=0.1)
    assert float(box.height) == pytest.approx(210 * MM, abs=0.1)


def test_a_long_summary_repeats_its_header_and_numbers_every_page() -> None:
    pages = _pages(_pdf(60))
    assert len(pages) > 2
    for number, text in enumerate(pages, start=1):
        assert "Dasar Keputusan" in text and "Tanggal Penetapan" in text, number
        assert FOOTER in text
        assert f"Halaman {number} dari {len(pages)}" in text
    everything = " ".join(pages)
    assert all(f"Produk Nomor {n} " in everything + " " for n in range(1, 61))


def test_the_signature_never_stands_alone_on_a_page() -> None:
    last = _pages(_pdf(60))[-1]
    assert "Produk Nomor 60" in last
    assert "Ir. H. Muhammad Rizani Noor, M.Si." in last


def test_a_regency_without_designations_says_so() -> None:
    [page] = _pages(render_designation_summary(_summary(())))
    assert "Belum ada produk OVOP yang ditetapkan." in page
    assert "Jumlah: 0 produk OVOP yang ditetapkan." in page


def test_without_letterhead_and_signatory_the_summary_still_prints() -> None:
    data = _summary(THREE, letterhead=None, signatory=None, place="")
    [page] = _pages(render_designation_summary(data))
    assert "PEMERINTAH PROVINSI" not in page
    assert "REKAPITULASI PRODUK OVOP YANG DITETAPKAN" in page
    assert "28 November 2026" in page


def test_typed_text_is_printed_literally_and_long_words_wrap() -> None:
    line = _line(1, product=HOSTILE_MARKUP, basis=f"Dasar {HOSTILE_WORD} selesai")
    pdf = render_designation_summary(_summary((line,)))
    text = "".join("".join(_pages(pdf)).split())  # narrow cells wrap anywhere
    assert "".join(HOSTILE_MARKUP.split()) in text
    assert HOSTILE_WORD in text
    assert b"Helvetica" not in pdf
    reader = PdfReader(BytesIO(pdf))
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        assert "DejaVuSans" in str(font["/BaseFont"])
        assert "/FontFile2" in font["/FontDescriptor"]


def test_a_row_too_tall_for_any_page_is_refused_in_plain_words() -> None:
    line = _line(1, basis="kata " * 3000)
    with pytest.raises(DomainError, match="terlalu panjang"):
        render_designation_summary(_summary((line,)))


def test_deterministic_builds_are_identical() -> None:
    data = _summary(THREE)
    assert render_designation_summary(data, deterministic=True) == render_designation_summary(
        data, deterministic=True
    )
