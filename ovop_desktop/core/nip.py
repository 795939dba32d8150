"""The NIP (Nomor Induk Pegawai) of a civil servant: 18 digits that say something checkable.

    19870315 201001 2 004
    birth    TMT    sex serial

Birth date (YYYYMMDD), the month of appointment as CPNS (TMT, YYYYMM), sex (1 man, 2 woman) and a
serial number. A NIP whose birth date or appointment month cannot exist was mistyped.
"""

from __future__ import annotations

from datetime import date

FIRST_BIRTH_YEAR = 1940
YOUNGEST_AT_APPOINTMENT = 17


def nip_problem(nip: str, today: date | None = None) -> tuple[str, str] | None:
    """Why `nip` (spaces allowed) cannot be a NIP, as (Indonesian, English); None when it can."""
    digits = "".join(nip.split())
    if not digits.isdigit() or len(digits) != 18 or not digits.isascii():
        return (
            "NIP harus 18 angka, tanpa spasi atau tanda baca.",
            "The NIP (civil servant number) must be 18 digits.",
        )
    today = today or date.today()
    try:
        born = date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return (
            f"8 angka pertama NIP ({digits[:8]}) bukan tanggal lahir yang ada (TTTTBBHH).",
            f"The first 8 digits of the NIP ({digits[:8]}) are no real birth date (YYYYMMDD).",
        )
    if not FIRST_BIRTH_YEAR <= born.year <= today.year - YOUNGEST_AT_APPOINTMENT:
        return (
            f"Tahun lahir dalam NIP ({born.year}) tidak mungkin.",
            f"The birth year in the NIP ({born.year}) is not possible.",
        )
    year, month = int(digits[8:12]), int(digits[12:14])
    if not 1 <= month <= 12 or not born.year + YOUNGEST_AT_APPOINTMENT <= year <= today.year:
        return (
            f"Angka 9–14 NIP ({digits[8:14]}) bukan bulan pengangkatan (TMT, TTTTBB) yang mungkin.",
            f"Digits 9–14 of the NIP ({digits[8:14]}) are no possible month of appointment "
            "(TMT, YYYYMM).",
        )
    if digits[14] not in "12":
        return (
            f"Angka ke-15 NIP ({digits[14]}) harus 1 (laki-laki) atau 2 (perempuan).",
            f"Digit 15 of the NIP ({digits[14]}) must be 1 (man) or 2 (woman).",
        )
    return None
