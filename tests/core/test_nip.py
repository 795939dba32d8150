"""A NIP is 18 digits whose birth date, appointment month and sex digit can exist."""

from __future__ import annotations

from datetime import date

import pytest

from ovop_desktop.core.nip import nip_problem

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize(
    "nip", ["198703152010012004", "1987 0315 2010 01 2 004", "196512311990031001"]
)
def test_real_nips_pass(nip: str) -> None:
    assert nip_problem(nip, TODAY) is None


@pytest.mark.parametrize(
    ("nip", "says"),
    [
        ("19870315201001200", "18 angka"),
        ("19870315201001200x", "18 angka"),
        ("１９８７０３１５２０１００１２００４", "18 angka"),  # full-width digits
        ("198713152010012004", "tanggal lahir"),  # month 13
        ("198702402010012004", "tanggal lahir"),  # day 40
        ("198702302010012004", "tanggal lahir"),  # 30 February
        ("183003152010012004", "Tahun lahir"),
        ("198703152010132004", "pengangkatan"),  # TMT month 13
        ("198703151999012004", "pengangkatan"),  # appointed at 11
        ("198703152030012004", "pengangkatan"),  # appointed in the future
        ("198703152010013004", "1 (laki-laki) atau 2"),
    ],
)
def test_impossible_nips_say_why(nip: str, says: str) -> None:
    problem = nip_problem(nip, TODAY)
    assert problem is not None and says in problem[0] and problem[1]
