"""What the letter's locator map and the designation summary's map show, as plain data: the
services make it without loading reportlab, which reports/locator.py needs to draw it."""

from __future__ import annotations

from dataclasses import dataclass

Ring = tuple[tuple[float, float], ...]  # (x, y): x = longitude · cos 3°, y = latitude


@dataclass(frozen=True)
class LocatorMap:
    """Rings in map coordinates (north up); `point` is the survey's GPS point, if any."""

    regency: tuple[Ring, ...]
    districts: tuple[Ring, ...]
    village: tuple[Ring, ...]
    point: tuple[float, float] | None
    caption: str  # "Desa Benua Lawas, Kecamatan Takisung, Kabupaten Tanah Laut"


@dataclass(frozen=True)
class SummaryMap:
    """A kabupaten's villages with a designated product and with a recommended one."""

    regency: tuple[Ring, ...]
    districts: tuple[Ring, ...]
    designated: tuple[Ring, ...]
    recommended: tuple[Ring, ...]
    counts: tuple[int, int]  # designated, recommended (not designated) villages
