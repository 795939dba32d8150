"""Indonesian (and English) formatting of dates, numbers and rupiah, and parsing of numbers.

Indonesian writes ``27 November 2026``, ``1.234.567``, ``12,5`` and ``Rp 15.000``: the dot groups
thousands and the comma is the decimal mark.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import TypeAlias

from ovop_desktop.core.errors import DomainError

MONTHS_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

Number: TypeAlias = int | float | Decimal


def _check_month(month: int) -> int:
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1 to 12, not {month}")
    return month


def month_name_id(month: int) -> str:
    """``11`` → ``"November"``; ``8`` → ``"Agustus"``."""
    return MONTHS_ID[_check_month(month) - 1]


def roman_month(month: int) -> str:
    """``11`` → ``"XI"``, as in letter numbers such as ``500/123/OVOP/XI/2026``."""
    return _ROMAN_MONTHS[_check_month(month) - 1]


def format_date_id(day: date) -> str:
    """``date(2026, 11, 27)`` → ``"27 November 2026"`` (a datetime's time is ignored)."""
    return f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}"


def format_date_en(day: date) -> str:
    """``date(2026, 11, 27)`` → ``"27 November 2026"`` with English month names."""
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def format_place_date(place: str, day: date) -> str:
    """``("Banjarbaru", date(2026, 11, 27))`` → ``"Banjarbaru, 27 November 2026"``.

    A blank place gives the date alone.
    """
    place = " ".join(place.split())
    return f"{place}, {format_date_id(day)}" if place else format_date_id(day)


def _to_decimal(value: Number) -> Decimal:
    # A float goes through repr, the shortest text that round-trips: 0.1 stays 0.1 rather
    # than 0.1000000000000000055511151231257827.
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        raise DomainError(f"'{value}' bukan angka", f"'{value}' is not a number")
    return number


def _format_number(value: Number, decimals: int | None, group: str, point: str) -> str:
    number = _to_decimal(value)
    if decimals is None:
        text = format(number, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    else:
        if decimals < 0:
            raise ValueError(f"decimals must not be negative, not {decimals}")
        # Enough precision for any magnitude: the default 28 digits would refuse 10**30.
        context = Context(prec=max(number.adjusted(), 0) + decimals + 2)
        number = number.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP, context)
        text = format(number, "f")
    negative = text.startswith("-")
    whole, _, fraction = text.lstrip("-").partition(".")
    grouped = f"{int(whole):,}".replace(",", group)
    result = f"{grouped}{point}{fraction}" if fraction else grouped
    # No "-0" or "-0,00" after rounding a tiny negative number.
    return f"-{result}" if negative and any(ch in "123456789" for ch in text) else result


def format_number_id(value: Number, decimals: int | None = None) -> str:
    """Format a number the Indonesian way: ``1234567`` → ``"1.234.567"``, ``12.5`` → ``"12,5"``.

    Without ``decimals`` the number shows the decimals it has (trailing zeros dropped); with
    ``decimals`` it is rounded half up to exactly that many: ``(12.5, 2)`` → ``"12,50"``,
    ``(2.5, 0)`` → ``"3"``. Negative numbers start with ``-``.
    """
    return _format_number(value, decimals, ".", ",")


def format_number_en(value: Number, decimals: int | None = None) -> str:
    """Like :func:`format_number_id` with English marks: ``"1,234,567"``, ``"12.5"``."""
    return _format_number(value, decimals, ",", ".")


def format_rupiah(amount: int) -> str:
    """``15000`` → ``"Rp 15.000"``; ``-15000`` → ``"-Rp 15.000"``. Rupiah have no cents."""
    text = format_number_id(abs(amount), 0)
    return f"-Rp {text}" if amount < 0 else f"Rp {text}"


def format_rupiah_en(amount: int) -> str:
    """``15000`` → ``"Rp 15,000"``, for the English interface."""
    text = format_number_en(abs(amount), 0)
    return f"-Rp {text}" if amount < 0 else f"Rp {text}"


_NUMBER_ID = re.compile(
    r"(?P<whole>[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,(?P<fraction>[0-9]+))?", re.ASCII
)
_DOT_DECIMAL = re.compile(r"[0-9]+\.[0-9]+", re.ASCII)
_CURRENCY = re.compile(r"rp\.?", re.IGNORECASE)
_MINUS_SIGNS = "-\u2212"


def parse_number_id(text: str) -> Decimal:
    """Read a number written the Indonesian way; raise :class:`DomainError` if it is not one.

    Accepted: ``"1.234.567"``, ``"1234567"``, ``"12,5"``, ``"1.234,50"``, ``"-3"``,
    ``"Rp 15.000"``, ``"Rp15.000,-"``. A dot only ever groups thousands (``"1.234"`` is one
    thousand two hundred and thirty-four), so it must be followed by exactly three digits;
    ``"1234.5"`` and ``"12.50"`` are refused with a hint to use the comma, rather than guessed,
    because the same keys would otherwise mean 12,5 and 12.500 depending on the digit count.
    """
    original = text
    body = " ".join(text.split())
    negative = False
    if body[:1] in _MINUS_SIGNS:
        negative, body = True, body[1:].lstrip()
    elif body[:1] == "+":
        body = body[1:].lstrip()
    currency = _CURRENCY.match(body)
    if currency is not None:
        body = body[currency.end() :].lstrip()
        if not negative and body[:1] in _MINUS_SIGNS:
            negative, body = True, body[1:].lstrip()
        # "Rp 15.000,-" and "Rp 15.000,00" are how prices are often written.
        body = body.removesuffix(",-")
    match = _NUMBER_ID.fullmatch(body)
    if match is None:
        raise _not_a_number(original, body)
    digits = match["whole"].replace(".", "")
    if match["fraction"]:
        digits += "." + match["fraction"]
    number = Decimal(digits)
    return -number if negative else number


def _not_a_number(original: str, body: str) -> DomainError:
    shown = original.strip()
    if not body:
        return DomainError(
            "Angka belum diisi." if not shown else f"'{shown}' tidak memuat angka.",
            "No number was entered." if not shown else f"'{shown}' contains no number.",
        )
    if _DOT_DECIMAL.fullmatch(body):
        whole, _, fraction = body.partition(".")
        return DomainError(
            f"'{shown}' bukan angka yang sah: titik adalah pemisah ribuan (1.234) dan koma adalah "
            f"tanda desimal; tulis {whole},{fraction} untuk pecahan.",
            f"'{shown}' is not a valid number: a dot groups thousands (1.234) and a comma is the "
            f"decimal mark; write {whole},{fraction} for a fraction.",
        )
    return DomainError(
        f"'{shown}' bukan angka yang sah. Contoh: 1.234.567 atau 12,5.",
        f"'{shown}' is not a valid number. Examples: 1.234.567 or 12,5.",
    )


def short_date(day: date, language: str) -> str:
    """``date(2026, 8, 3)`` → ``"3 Agu 2026"`` in Indonesian, ``"3 Aug 2026"`` in English."""
    months = MONTHS_EN if language == "en" else MONTHS_ID
    return f"{day.day} {months[day.month - 1][:3]} {day.year}"


def short_regency(name: str) -> str:
    """``"Kabupaten Hulu Sungai Selatan"`` → ``"Kab. Hulu Sungai Selatan"``, as Indonesian tables
    write it, so that the three Hulu Sungai regencies stay apart in a narrow column; a kota's
    name is kept as it is."""
    return "Kab. " + name[len("Kabupaten ") :] if name.startswith("Kabupaten ") else name


def star_text(stars: int | None, out_of: int) -> str:
    """``(4, 5)`` → ``"★★★★☆"``; no rating → ``""``. `out_of` is the rubric's highest band."""
    if stars is None:
        return ""
    filled = max(0, min(stars, out_of))
    return "★" * filled + "☆" * (out_of - filled)


_WORDS = (
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
)


def number_words(n: int) -> str:
    """Indonesian words for a small count: ``4`` → ``"empat"``, ``12`` → ``"dua belas"``.

    Letters write counts as ``3 (tiga)``; counts above 99 are left as digits.
    """
    if 0 <= n < len(_WORDS):
        return _WORDS[n]
    if 12 <= n <= 19:
        return f"{_WORDS[n - 10]} belas"
    if 20 <= n <= 99:
        tens, ones = divmod(n, 10)
        head = f"{_WORDS[tens]} puluh"
        return f"{head} {_WORDS[ones]}" if ones else head
    return str(n)


def count_words(n: int) -> str:
    """``3`` → ``"3 (tiga)"``, the way official letters write a count."""
    return f"{n} ({number_words(n)})"


def stars_words(stars: int | None) -> str:
    """``4`` → ``"4 (empat) bintang"``; ``None`` → ``"belum berbintang"``."""
    if stars is None:
        return "belum berbintang"
    return f"{count_words(stars)} bintang"


def total_text(total: Decimal | None) -> str:
    """An assessment total as printed: ``Decimal("72")`` → ``"72,00"``; not scored → ``"–"``."""
    return "–" if total is None else format_number_id(total, 2)


def format_nip(nip: str) -> str:
    """An 18-digit NIP grouped as printed on official documents: birth date, appointment
    month, sex, serial (``19700512 199503 1 002``); anything else is printed as given."""
    digits = "".join(nip.split())
    if len(digits) == 18 and digits.isdigit():
        return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
    return nip.strip()


def format_bytes_id(size: int) -> str:
    """``1234567`` → ``"1.234.567 bita"``."""
    return f"{format_number_id(size)} bita"


def format_bytes_en(size: int) -> str:
    """``1234567`` → ``"1,234,567 bytes"``."""
    return f"{format_number_en(size)} bytes"
