"""Indonesian formatting of dates, numbers and rupiah, as letters and screens show them."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from ovop_desktop.core.errors import DomainError
from ovop_desktop.core.formatting import (
    MONTHS_ID,
    count_words,
    format_bytes_en,
    format_bytes_id,
    format_date_en,
    format_date_id,
    format_nip,
    format_number_en,
    format_number_id,
    format_place_date,
    format_rupiah,
    format_rupiah_en,
    month_name_id,
    parse_number_id,
    roman_month,
    short_date,
    short_regency,
    star_text,
    stars_words,
    total_text,
)


def test_dates_use_indonesian_month_names() -> None:
    assert format_date_id(date(2026, 11, 27)) == "27 November 2026"
    assert format_date_id(date(2026, 8, 1)) == "1 Agustus 2026"
    assert format_date_id(datetime(2027, 2, 3, 14, 30)) == "3 Februari 2027"
    assert [format_date_id(date(2026, m, 1)).split()[1] for m in range(1, 13)] == list(MONTHS_ID)
    assert MONTHS_ID[0] == "Januari"
    assert MONTHS_ID[-1] == "Desember"
    assert month_name_id(5) == "Mei"


def test_english_dates_use_english_month_names() -> None:
    assert format_date_en(date(2026, 11, 27)) == "27 November 2026"
    assert format_date_en(date(2026, 8, 1)) == "1 August 2026"


def test_place_and_date_for_letters() -> None:
    assert format_place_date("Banjarbaru", date(2026, 11, 27)) == "Banjarbaru, 27 November 2026"
    assert format_place_date("  Kota  Baru ", date(2026, 5, 2)) == "Kota Baru, 2 Mei 2026"
    assert format_place_date("  ", date(2026, 5, 2)) == "2 Mei 2026"


@pytest.mark.parametrize(
    ("month", "roman"),
    [(1, "I"), (4, "IV"), (9, "IX"), (11, "XI"), (12, "XII")],
)
def test_roman_month_for_letter_numbers(month: int, roman: str) -> None:
    assert roman_month(month) == roman


@pytest.mark.parametrize("month", [0, 13, -1])
def test_roman_month_refuses_a_month_that_does_not_exist(month: int) -> None:
    with pytest.raises(ValueError, match="month"):
        roman_month(month)


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (0, None, "0"),
        (999, None, "999"),
        (1000, None, "1.000"),
        (1234567, None, "1.234.567"),
        (-1234567, None, "-1.234.567"),
        (12.5, None, "12,5"),
        (0.1, None, "0,1"),
        (3.0, None, "3"),
        (Decimal("1234.50"), None, "1.234,5"),
        (Decimal("1E+3"), None, "1.000"),
        (12.5, 2, "12,50"),
        (1234567, 2, "1.234.567,00"),
        (2.5, 0, "3"),
        (1.005, 2, "1,01"),
        (-2.5, 0, "-3"),
        (-0.004, 2, "0,00"),
        (Decimal("-1234.567"), 1, "-1.234,6"),
        (10**30, 0, "1.000.000.000.000.000.000.000.000.000.000"),
    ],
)
def test_numbers_group_thousands_with_dots_and_use_a_decimal_comma(
    value: int | float | Decimal, decimals: int | None, expected: str
) -> None:
    assert format_number_id(value, decimals) == expected


def test_english_numbers_use_english_marks() -> None:
    assert format_number_en(1234567.5) == "1,234,567.5"
    assert format_number_en(12.5, 2) == "12.50"


@pytest.mark.parametrize("value", [float("nan"), float("inf"), Decimal("NaN"), Decimal("-Inf")])
def test_not_a_number_cannot_be_formatted(value: float | Decimal) -> None:
    with pytest.raises(DomainError):
        format_number_id(value)


def test_rupiah() -> None:
    assert format_rupiah(15000) == "Rp 15.000"
    assert format_rupiah(0) == "Rp 0"
    assert format_rupiah(1_250_000) == "Rp 1.250.000"
    assert format_rupiah(-15000) == "-Rp 15.000"
    assert format_rupiah_en(15000) == "Rp 15,000"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234.567", Decimal(1234567)),
        ("1234567", Decimal(1234567)),
        ("1.234", Decimal(1234)),
        ("12,5", Decimal("12.5")),
        ("1.234,50", Decimal("1234.50")),
        ("0,75", Decimal("0.75")),
        ("  -12,5 ", Decimal("-12.5")),
        ("\u22123", Decimal(-3)),
        ("+7", Decimal(7)),
        ("Rp 15.000", Decimal(15000)),
        ("Rp15.000", Decimal(15000)),
        ("rp. 15.000", Decimal(15000)),
        ("Rp 15.000,-", Decimal(15000)),
        ("Rp 15.000,00", Decimal("15000.00")),
        ("Rp\u00a015.000", Decimal(15000)),
        ("-Rp 15.000", Decimal(-15000)),
        ("Rp -15.000", Decimal(-15000)),
        ("007", Decimal(7)),
    ],
)
def test_parse_number_reads_indonesian_numbers(text: str, expected: Decimal) -> None:
    assert parse_number_id(text) == expected


def test_parse_number_reads_back_what_format_number_writes() -> None:
    for value in [Decimal("0"), Decimal("-1234567.25"), Decimal("12.5"), Decimal(10**20)]:
        assert parse_number_id(format_number_id(value)) == value
    assert parse_number_id(format_rupiah(-1_250_000)) == Decimal(-1_250_000)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Angka belum diisi."),
        ("   ", "Angka belum diisi."),
        ("Rp", "'Rp' tidak memuat angka."),
        ("abc", "'abc' bukan angka yang sah. Contoh: 1.234.567 atau 12,5."),
        ("12,5,0", "'12,5,0' bukan angka yang sah."),
        ("1.23.456", "'1.23.456' bukan angka yang sah."),
        ("12.", "'12.' bukan angka yang sah."),
        ("12,", "'12,' bukan angka yang sah."),
        (",5", "',5' bukan angka yang sah."),
        ("1 234", "'1 234' bukan angka yang sah."),
        ("--5", "'--5' bukan angka yang sah."),
        ("1234.5", "tulis 1234,5 untuk pecahan"),
        ("12.50", "titik adalah pemisah ribuan (1.234) dan koma adalah tanda desimal"),
        ("1234.567", "tulis 1234,567 untuk pecahan"),
        ("١٢", "'١٢' bukan angka yang sah."),
    ],
)
def test_parse_number_refuses_what_is_not_an_indonesian_number(text: str, message: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_number_id(text)

    assert message in str(caught.value)
    assert caught.value.message_en


def test_short_dates_abbreviate_the_month_in_the_interface_language() -> None:
    assert short_date(date(2026, 8, 3), "id") == "3 Agu 2026"
    assert short_date(date(2026, 8, 3), "en") == "3 Aug 2026"
    assert short_date(date(2026, 5, 21), "id") == "21 Mei 2026"


def test_short_regency_abbreviates_kabupaten_and_keeps_kota() -> None:
    assert short_regency("Kabupaten Hulu Sungai Selatan") == "Kab. Hulu Sungai Selatan"
    assert short_regency("Kota Banjarbaru") == "Kota Banjarbaru"
    assert short_regency("") == ""


def test_star_text_fills_as_many_stars_as_given_out_of_the_scale() -> None:
    assert star_text(4, 5) == "★★★★☆"
    assert star_text(0, 5) == "☆☆☆☆☆"
    assert star_text(3, 3) == "★★★"
    assert star_text(None, 5) == ""


def test_counts_are_written_in_words_as_letters_do() -> None:
    assert count_words(3) == "3 (tiga)"
    assert count_words(11) == "11 (sebelas)"
    assert count_words(12) == "12 (dua belas)"
    assert count_words(40) == "40 (empat puluh)"
    assert count_words(120) == "120 (120)"
    assert stars_words(4) == "4 (empat) bintang"
    assert stars_words(None) == "belum berbintang"


def test_totals_nips_and_sizes_print_the_indonesian_way() -> None:
    assert total_text(Decimal("72")) == "72,00"
    assert total_text(None) == "–"
    assert format_nip("196905121994031007") == "19690512 199403 1 007"
    assert format_nip(" 123 ") == "123"
    assert format_bytes_id(1234567) == "1.234.567 bita"
    assert format_bytes_en(1234567) == "1,234,567 bytes"
