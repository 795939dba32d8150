"""Kemendagri region codes: what is accepted, what is refused and why."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from ovop_desktop.core.errors import DomainError
from ovop_desktop.core.regions import (
    RegionCode,
    RegionCodeError,
    RegionLevel,
    is_kota,
    is_village_level,
    lies_in,
    parse_code,
    regency_code,
)

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


@pytest.mark.parametrize(
    ("code", "level", "parent", "depth"),
    [
        ("63", RegionLevel.PROVINSI, None, 1),
        ("63.01", RegionLevel.KABUPATEN_KOTA, "63", 2),
        ("63.72", RegionLevel.KABUPATEN_KOTA, "63", 2),
        ("63.01.01", RegionLevel.KECAMATAN, "63.01", 3),
        ("63.01.01.2001", RegionLevel.DESA, "63.01.01", 4),
        ("63.72.02.1003", RegionLevel.KELURAHAN, "63.72.02", 4),
        ("91.01.01.3001", RegionLevel.DESA_ADAT, "91.01.01", 4),
        ("11.69.99.2999", RegionLevel.DESA, "11.69.99", 4),
        ("99.99", RegionLevel.KABUPATEN_KOTA, "99", 2),
    ],
)
def test_valid_codes_give_level_parent_and_depth(
    code: str, level: RegionLevel, parent: str | None, depth: int
) -> None:
    region = parse_code(code)

    assert region == RegionCode(
        code=code, parts=tuple(code.split(".")), level=level, parent=parent, depth=depth
    )


def test_surrounding_whitespace_is_ignored() -> None:
    assert parse_code("  63.01 \t").code == "63.01"


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("", "kode kosong"),
        ("   ", "kode kosong"),
        ("63.1", "bagian kabupaten/kota '1' harus 2 angka"),
        ("6", "bagian provinsi '6' harus 2 angka"),
        ("630", "bagian provinsi '630' harus 2 angka"),
        ("63.01.1", "bagian kecamatan '1' harus 2 angka"),
        ("63.01.01.201", "bagian desa/kelurahan '201' harus 4 angka"),
        ("63.01.01.20011", "bagian desa/kelurahan '20011' harus 4 angka"),
        ("63.01.01.2001.1", "paling banyak 4 bagian"),
        ("63.0a", "bagian kabupaten/kota '0a' harus 2 angka"),
        ("63.01.", "bagian kecamatan '' harus 2 angka"),
        ("63..01", "bagian kabupaten/kota '' harus 2 angka"),
        ("6301", "bagian provinsi '6301' harus 2 angka"),
        ("63-01", "bagian provinsi '63-01' harus 2 angka"),
        ("٦٣", "bagian provinsi '٦٣' harus 2 angka"),  # Arabic-Indic digits are not codes
        ("00", "kode provinsi harus antara 11 dan 99"),
        ("10", "kode provinsi harus antara 11 dan 99"),
        ("63.00", "kode kabupaten/kota harus 01–69 (kabupaten) atau 71–99 (kota)"),
        ("63.70", "kode kabupaten/kota harus 01–69 (kabupaten) atau 71–99 (kota)"),
        ("63.01.00", "kode kecamatan harus antara 01 dan 99"),
        ("63.01.01.0001", "harus diawali 1 (kelurahan), 2 (desa) atau 3 (desa adat)"),
        ("63.01.01.4001", "harus diawali 1 (kelurahan), 2 (desa) atau 3 (desa adat)"),
        ("63.01.01.9001", "harus diawali 1 (kelurahan), 2 (desa) atau 3 (desa adat)"),
        ("63.01.01.2000", "nomor urut desa/kelurahan harus antara 001 dan 999"),
    ],
)
def test_invalid_codes_are_refused_with_a_plain_reason(code: str, reason: str) -> None:
    with pytest.raises(RegionCodeError) as caught:
        parse_code(code)

    error = caught.value
    assert isinstance(error, DomainError)
    assert reason in error.reason_id
    assert str(error) == f"Kode wilayah '{code.strip()}' tidak sah: {error.reason_id}."
    assert error.message_en == f"Region code '{code.strip()}' is not valid: {error.reason_en}."
    assert error.code == code.strip()


def test_region_level_values_and_labels() -> None:
    assert [level.value for level in RegionLevel] == [
        "provinsi",
        "kabupaten/kota",
        "kecamatan",
        "desa",
        "kelurahan",
        "desa adat",
    ]
    assert RegionLevel.KABUPATEN_KOTA.label_id == "Kabupaten/Kota"
    assert RegionLevel.KABUPATEN_KOTA.label_en == "Regency/City"
    assert RegionLevel.DESA_ADAT.label_id == "Desa adat"
    assert RegionLevel.KELURAHAN.label_en == "Urban village"
    assert all(level.label_id and level.label_en for level in RegionLevel)
    assert RegionLevel("desa adat") is RegionLevel.DESA_ADAT


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("63.01", False),
        ("63.69.01", False),
        ("63.71", True),
        ("63.72.02.1003", True),
        ("63.99", True),
        ("63", False),
    ],
)
def test_is_kota_tells_kota_from_kabupaten(code: str, expected: bool) -> None:
    assert is_kota(code) is expected
    assert is_kota(parse_code(code)) is expected


def test_is_kota_refuses_an_invalid_code() -> None:
    with pytest.raises(RegionCodeError):
        is_kota("63.70")


@pytest.mark.shared_data
@pytest.mark.slow
@pytest.mark.skipif(
    not (SHARED_DATA / "indonesia-kode-wilayah.csv").is_file(),
    reason=f"reference list {SHARED_DATA}/indonesia-kode-wilayah.csv is not available",
)
def test_every_real_indonesian_code_parses_to_its_listed_level_and_parent() -> None:
    text = (SHARED_DATA / "indonesia-kode-wilayah.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))

    mismatches = [
        row
        for row in rows
        if (region := parse_code(row["kode"])).level != row["tingkat"]
        or (region.parent or "") != row["kode_induk"]
    ]

    assert len(rows) == 91_599
    assert mismatches == []


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        ("desa", True),
        ("kelurahan", True),
        ("desa adat", True),
        (RegionLevel.DESA, True),
        ("kecamatan", False),
        ("kabupaten/kota", False),
        ("provinsi", False),
    ],
)
def test_surveys_are_made_in_desa_kelurahan_and_desa_adat(level: str, expected: bool) -> None:
    assert is_village_level(level) is expected


def test_the_regency_of_a_code_is_its_first_two_parts() -> None:
    assert regency_code("63.08.07.2001") == "63.08"
    assert regency_code("63.08.07") == "63.08"
    assert regency_code("63.71") == "63.71"
    assert regency_code("63") == "63"


def test_a_region_lies_in_itself_and_the_areas_above_it() -> None:
    assert lies_in("63.08.07.2001", "63.08.07")
    assert lies_in("63.08.07.2001", "63.08")
    assert lies_in("63.08.07.2001", "63.08.07.2001")
    assert not lies_in("63.08.07.2001", "63.08.0")
    assert not lies_in("63.08.17.2001", "63.08.07")
