"""Kemendagri region codes (Permendagri 58/2021): validating a code and reading its level.

A code is ``PP`` (provinsi), ``PP.KK`` (kabupaten 01–69, kota 71–99), ``PP.KK.CC`` (kecamatan)
or ``PP.KK.CC.NNNN`` (village: first digit 1 kelurahan, 2 desa, 3 desa adat).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from ovop_desktop.core.errors import DomainError


class RegionLevel(StrEnum):
    """Administrative level of a region; the value is the ``tingkat`` used in reference lists."""

    PROVINSI = "provinsi"
    KABUPATEN_KOTA = "kabupaten/kota"
    KECAMATAN = "kecamatan"
    DESA = "desa"
    KELURAHAN = "kelurahan"
    DESA_ADAT = "desa adat"

    @property
    def label_id(self) -> str:
        return _LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _LABELS[self][1]

    @property
    def depth(self) -> int:
        """1 for provinsi … 4 for desa, kelurahan and desa adat."""
        return _DEPTHS[self]


_LABELS: dict[RegionLevel, tuple[str, str]] = {
    RegionLevel.PROVINSI: ("Provinsi", "Province"),
    RegionLevel.KABUPATEN_KOTA: ("Kabupaten/Kota", "Regency/City"),
    RegionLevel.KECAMATAN: ("Kecamatan", "District"),
    RegionLevel.DESA: ("Desa", "Village"),
    RegionLevel.KELURAHAN: ("Kelurahan", "Urban village"),
    RegionLevel.DESA_ADAT: ("Desa adat", "Customary village"),
}
_DEPTHS: dict[RegionLevel, int] = {
    RegionLevel.PROVINSI: 1,
    RegionLevel.KABUPATEN_KOTA: 2,
    RegionLevel.KECAMATAN: 3,
    RegionLevel.DESA: 4,
    RegionLevel.KELURAHAN: 4,
    RegionLevel.DESA_ADAT: 4,
}
# The levels an OVOP survey is made in: a desa, a kelurahan or a desa adat.
VILLAGE_LEVELS: tuple[RegionLevel, ...] = (
    RegionLevel.DESA,
    RegionLevel.KELURAHAN,
    RegionLevel.DESA_ADAT,
)
_VILLAGE_LEVELS = {"1": RegionLevel.KELURAHAN, "2": RegionLevel.DESA, "3": RegionLevel.DESA_ADAT}
_LEVEL_BY_DEPTH = {1: RegionLevel.PROVINSI, 2: RegionLevel.KABUPATEN_KOTA, 3: RegionLevel.KECAMATAN}


class RegionCodeError(DomainError):
    """A string that is not a valid Kemendagri region code; ``reason_*`` says why."""

    def __init__(self, code: str, reason_id: str, reason_en: str) -> None:
        super().__init__(
            f"Kode wilayah '{code}' tidak sah: {reason_id}.",
            f"Region code '{code}' is not valid: {reason_en}.",
        )
        self.code = code
        self.reason_id = reason_id
        self.reason_en = reason_en


@dataclass(frozen=True, slots=True)
class RegionCode:
    """A validated region code split into its parts."""

    code: str
    parts: tuple[str, ...]
    level: RegionLevel
    parent: str | None
    depth: int


_CODE_RE = re.compile(r"([0-9]{2})(?:\.([0-9]{2})(?:\.([0-9]{2})(?:\.([0-9]{4}))?)?)?")
_PART_NAMES = (
    ("provinsi", "province", 2),
    ("kabupaten/kota", "regency/city", 2),
    ("kecamatan", "district", 2),
    ("desa/kelurahan", "village", 4),
)
_FORMAT_HINT_ID = "formatnya PP, PP.KK, PP.KK.CC atau PP.KK.CC.NNNN"
_FORMAT_HINT_EN = "the format is PP, PP.KK, PP.KK.CC or PP.KK.CC.NNNN"


def parse_code(code: str) -> RegionCode:
    """Validate a region code (surrounding whitespace ignored); raise :class:`RegionCodeError`."""
    text = code.strip()
    match = _CODE_RE.fullmatch(text)
    if match is None:
        raise _diagnose_format(text)
    parts: tuple[str, ...] = tuple(filter(None, match.groups()))
    _check_ranges(text, parts)
    depth = len(parts)
    level = _VILLAGE_LEVELS[parts[3][0]] if depth == 4 else _LEVEL_BY_DEPTH[depth]
    parent = text.rpartition(".")[0] if depth > 1 else None
    return RegionCode(code=text, parts=parts, level=level, parent=parent, depth=depth)


def _diagnose_format(text: str) -> RegionCodeError:
    if not text:
        return RegionCodeError(text, "kode kosong", "the code is empty")
    parts = text.split(".")
    if len(parts) > 4:
        return RegionCodeError(
            text,
            f"kode terdiri atas paling banyak 4 bagian ({_FORMAT_HINT_ID})",
            f"a code has at most 4 parts ({_FORMAT_HINT_EN})",
        )
    for part, (name_id, name_en, width) in zip(parts, _PART_NAMES, strict=False):
        if len(part) != width or not (part.isascii() and part.isdigit()):
            return RegionCodeError(
                text,
                f"bagian {name_id} '{part}' harus {width} angka ({_FORMAT_HINT_ID})",
                f"the {name_en} part '{part}' must be {width} digits ({_FORMAT_HINT_EN})",
            )
    # Unreachable while the pattern and the checks above agree; kept as a safe answer.
    return RegionCodeError(text, _FORMAT_HINT_ID, _FORMAT_HINT_EN)


def _check_ranges(text: str, parts: tuple[str, ...]) -> None:
    if parts[0] < "11":
        raise RegionCodeError(
            text, "kode provinsi harus antara 11 dan 99", "the province code must be 11 to 99"
        )
    if len(parts) > 1 and parts[1] in ("00", "70"):
        raise RegionCodeError(
            text,
            "kode kabupaten/kota harus 01–69 (kabupaten) atau 71–99 (kota)",
            "the regency/city code must be 01–69 (regency) or 71–99 (city)",
        )
    if len(parts) > 2 and parts[2] == "00":
        raise RegionCodeError(
            text, "kode kecamatan harus antara 01 dan 99", "the district code must be 01 to 99"
        )
    if len(parts) > 3:
        village = parts[3]
        if village[0] not in _VILLAGE_LEVELS:
            raise RegionCodeError(
                text,
                "kode desa/kelurahan harus diawali 1 (kelurahan), 2 (desa) atau 3 (desa adat)",
                "a village code must start with 1 (kelurahan), 2 (desa) or 3 (desa adat)",
            )
        if village[1:] == "000":
            raise RegionCodeError(
                text,
                "nomor urut desa/kelurahan harus antara 001 dan 999",
                "the village serial number must be 001 to 999",
            )


def is_kota(code: str | RegionCode) -> bool:
    """True when the code lies in a kota (kabupaten/kota part 71–99), False in a kabupaten.

    A province code has no kabupaten/kota part and gives False.
    """
    region = code if isinstance(code, RegionCode) else parse_code(code)
    return region.depth >= 2 and region.parts[1] >= "71"


def is_village_level(level: str) -> bool:
    """True for ``"desa"``, ``"kelurahan"`` and ``"desa adat"``: the levels surveys are made in."""
    return level in VILLAGE_LEVELS


def regency_code(region_code: str) -> str:
    """``"63.08.07.2001"`` → ``"63.08"``: the kabupaten/kota a region code lies in (a province
    code is returned as it is)."""
    return ".".join(region_code.split(".")[:2])


def lies_in(region_code: str, area_code: str) -> bool:
    """True when `region_code` is `area_code` or lies under it: ``("63.08.07.2001", "63.08")``."""
    return region_code == area_code or region_code.startswith(area_code + ".")


def addressee_for(regency: str) -> str:
    """The regional head a letter goes to: "Kabupaten Tanah Laut" → "Bupati Tanah Laut",
    "Kota Banjarmasin" → "Wali Kota Banjarmasin"; another name is kept as it is."""
    for prefix, title in (("Kabupaten ", "Bupati "), ("Kota ", "Wali Kota ")):
        if regency.startswith(prefix):
            return title + regency[len(prefix) :]
    return regency
