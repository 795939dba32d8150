"""Where a point lies among the village outlines, and how far it is from a chosen village.

Distances are on the ground, in metres: the outline is projected onto a local equirectangular
plane centred on the point (x = R·cos φ₀·Δλ, y = R·Δφ, R the mean Earth radius), where the
distance from the centre is exact along meridians and parallels and within 0.1 % up to about
100 km, far better than the outlines themselves, which are simplified. So a point a few hundred
metres outside its village can still be right: the check speaks of distance and never refuses.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely

from ovop_desktop.core.boundaries import Outline
from ovop_desktop.core.formatting import format_number_en, format_number_id
from ovop_desktop.core.geo import EARTH_RADIUS_KM

EARTH_RADIUS_M = EARTH_RADIUS_KM * 1000.0
_M_PER_DEGREE = EARTH_RADIUS_M * math.pi / 180.0

_VILLAGE_KINDS = {
    "1": ("Kelurahan", "Kelurahan"),
    "2": ("Desa", "Village"),
    "3": ("Desa Adat", "Customary village"),
}


def village_label(code: str, name: str) -> tuple[str, str]:
    """("Desa Benua Lawas", "Village Benua Lawas"): the kind read from the code's first digit."""
    kind = _VILLAGE_KINDS.get(code.rsplit(".", 1)[-1][:1], ("Desa", "Village"))
    return f"{kind[0]} {name}", f"{kind[1]} {name}"


class BoundaryIndex:
    """The outlines of one reference, with a spatial index over the villages."""

    def __init__(self, outlines: Mapping[str, Sequence[Outline]]) -> None:
        self.kabupaten: tuple[Outline, ...] = tuple(outlines.get("kabupaten", ()))
        self.kecamatan: tuple[Outline, ...] = tuple(outlines.get("kecamatan", ()))
        self.villages: tuple[Outline, ...] = tuple(outlines.get("desa", ()))
        self._by_code = {
            o.code: o for level in (self.kabupaten, self.kecamatan, self.villages) for o in level
        }
        self._village_geometries = np.array([o.geometry for o in self.villages], dtype=object)
        shapely.prepare(self._village_geometries)
        self._tree = shapely.STRtree(self._village_geometries)

    def outline(self, code: str) -> Outline | None:
        return self._by_code.get(code)

    def name(self, code: str) -> str | None:
        found = self._by_code.get(code)
        return found.name if found else None

    def village_at(self, latitude: float, longitude: float) -> Outline | None:
        """The village whose outline holds the point (the first by code on a shared edge)."""
        hits = self._tree.query(shapely.points(longitude, latitude), predicate="intersects")
        if len(hits) == 0:
            return None
        return self.villages[int(min(hits))]

    def villages_at(
        self, latitudes: Sequence[float], longitudes: Sequence[float]
    ) -> list[str | None]:
        """`village_at` for many points in one spatial query: the village codes, None outside."""
        points = shapely.points(
            np.asarray(longitudes, dtype=float), np.asarray(latitudes, dtype=float)
        )
        found: list[str | None] = [None] * len(points)
        point_index, village_index = self._tree.query(points, predicate="intersects")
        # Reversed, so that on a shared edge the first village by code wins, as in village_at.
        for p, v in zip(point_index[::-1], village_index[::-1], strict=True):
            found[int(p)] = self.villages[int(v)].code
        return found

    def distance_m(self, latitude: float, longitude: float, code: str) -> float | None:
        """Metres from the point to the outline of `code` (0 inside), None without an outline."""
        outline = self._by_code.get(code)
        if outline is None:
            return None
        return distance_to_outline_m(latitude, longitude, outline.geometry)


def distance_to_outline_m(latitude: float, longitude: float, geometry: Any) -> float:
    """Metres on the ground from the point to `geometry` (0 when inside or on its edge)."""
    if shapely.intersects(geometry, shapely.points(longitude, latitude)):
        return 0.0
    scale_x = _M_PER_DEGREE * math.cos(math.radians(latitude))

    def project(coords: Any) -> Any:
        return np.column_stack(
            ((coords[:, 0] - longitude) * scale_x, (coords[:, 1] - latitude) * _M_PER_DEGREE)
        )

    projected = shapely.transform(geometry, project)
    return float(shapely.distance(projected, shapely.points(0.0, 0.0)))


@dataclass(frozen=True)
class PointCheck:
    """The point of a survey against its village's outline: always advice, never a refusal."""

    village_code: str
    village_name: tuple[str, str] | None  # (id, en) label of the chosen village; None: no outline
    distance_m: float | None  # None: the chosen village has no outline
    found_code: str | None  # the village the point lies in, if any
    found_label: tuple[str, str] | None  # ("Desa Y, Kecamatan Z", "Village Y, District Z")

    @property
    def inside(self) -> bool:
        return self.distance_m == 0.0

    @property
    def known(self) -> bool:
        return self.distance_m is not None

    @property
    def message_id(self) -> str:
        return self._message(0)

    @property
    def message_en(self) -> str:
        return self._message(1)

    def _message(self, language: int) -> str:
        if self.village_name is None or self.distance_m is None:
            return (
                "Batas desa ini belum tersedia; lokasi tidak dapat diperiksa.",
                "This village has no outline yet; the location cannot be checked.",
            )[language]
        name = self.village_name[language]
        if self.inside:
            return (f"Titik berada di dalam batas {name}.", f"The point lies inside {name}.")[
                language
            ]
        distance = format_distance(self.distance_m, language)
        if self.found_label is not None:
            where = self.found_label[language]
            return (
                f"{distance} di luar batas {name}; titik ini berada di {where}.",
                f"{distance} outside {name}; this point lies in {where}.",
            )[language]
        return (
            f"{distance} di luar batas {name}; titik ini tidak berada di desa mana pun "
            "di Kalimantan Selatan.",
            f"{distance} outside {name}; this point is in no village of South Kalimantan.",
        )[language]


def format_distance(metres: float, language: int = 0) -> str:
    """ "350 m", "1,8 km" (Indonesian, language 0) or "1.8 km" (English, 1)."""
    number = format_number_id if language == 0 else format_number_en
    if metres < 1000:
        return f"{number(round(metres / 10) * 10, 0)} m"
    return f"{number(metres / 1000, 1)} km"


def check_point(
    index: BoundaryIndex, latitude: float, longitude: float, village_code: str
) -> PointCheck:
    """How the point lies against the outline of `village_code`, and which village holds it."""
    outline = index.outline(village_code)
    if outline is None:
        return PointCheck(village_code, None, None, None, None)
    distance = distance_to_outline_m(latitude, longitude, outline.geometry)
    found = None if distance == 0.0 else index.village_at(latitude, longitude)
    found_label = None
    if found is not None:
        village_id, village_en = village_label(found.code, found.name)
        district = index.name(found.code.rsplit(".", 1)[0])
        found_label = (
            (f"{village_id}, Kecamatan {district}", f"{village_en}, {district} District")
            if district
            else (village_id, village_en)
        )
    return PointCheck(
        village_code,
        village_label(outline.code, outline.name),
        distance,
        found.code if found else None,
        found_label,
    )
