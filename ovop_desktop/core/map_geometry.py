"""Outlines as flat vertex arrays for drawing: projected, simplified per zoom level, and quick to
cut into the groups a map draws at once (villages of one colour, one kabupaten's lines).

Projection for drawing: x = longitude · cos 3°, y = −latitude (an equirectangular map centred on
the latitude of Kalimantan Selatan, north up), so that shapes keep their proportions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely

MAP_X_SCALE = math.cos(math.radians(3.0))
# Simplification tolerances in degrees, coarsest first (1 km, 250 m, 60 m, then as stored).
TOLERANCES: tuple[float, ...] = (0.009, 0.0023, 0.0006, 0.0)


def project(longitude: Any, latitude: Any) -> tuple[Any, Any]:
    """Map coordinates of (longitude, latitude), scalars or arrays."""
    return np.multiply(longitude, MAP_X_SCALE), np.negative(latitude)


def unproject(x: float, y: float) -> tuple[float, float]:
    """(latitude, longitude) of a map point."""
    return -y, x / MAP_X_SCALE


def tolerance_for(units_per_pixel: float) -> int:
    """The index in `TOLERANCES` of the coarsest level whose error stays under a pixel."""
    for level, tolerance in enumerate(TOLERANCES):
        if tolerance <= units_per_pixel:
            return level
    return len(TOLERANCES) - 1


@dataclass(frozen=True)
class RingArrays:
    """Every ring of a list of shapes: `xy` (n, 2) map coordinates, `starts` (n) True where a
    ring begins, `owner` (n) the index of the shape each vertex belongs to."""

    xy: Any
    starts: Any
    owner: Any

    def of(self, owners: Sequence[int] | Any) -> RingArrays:
        """Only the vertices of the shapes whose indexes are in `owners`."""
        mask = np.isin(self.owner, np.asarray(owners, dtype=np.int64))
        return RingArrays(self.xy[mask], self.starts[mask], self.owner[mask])

    def __len__(self) -> int:
        return len(self.xy)


def ring_arrays(geometries: Sequence[Any], tolerance: float) -> RingArrays:
    """The rings of `geometries` simplified by `tolerance` degrees (a shape that would vanish
    keeps its full outline, so that no village disappears from a zoomed-out map)."""
    shapes = np.asarray(geometries, dtype=object)
    if tolerance > 0:
        simplified = shapely.simplify(shapes, tolerance, preserve_topology=False)
        vanished = shapely.is_empty(simplified) | (shapely.area(simplified) <= 0)
        simplified[vanished] = shapes[vanished]
        shapes = simplified
    parts, part_owner = shapely.get_parts(shapes, return_index=True)
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    coords, vertex_ring = shapely.get_coordinates(rings, return_index=True)
    starts = np.ones(len(vertex_ring), dtype=bool)
    starts[1:] = vertex_ring[1:] != vertex_ring[:-1]
    owner = part_owner[ring_part[vertex_ring]].astype(np.int64)
    x, y = project(coords[:, 0], coords[:, 1])
    return RingArrays(np.column_stack((x, y)), starts, owner)


def province_outline(regencies: Sequence[Any]) -> Any:
    """The province's outline: the union of its kabupaten/kota, slightly simplified (about
    50 m) so that it is quick to make."""
    shapes = shapely.simplify(np.asarray(regencies, dtype=object), 0.0005, preserve_topology=True)
    return shapely.union_all(shapely.make_valid(shapes))


class Layer:
    """Shapes of one kind (villages, kecamatan or kabupaten) with their vertex arrays per
    simplification level, made when first asked for or all at once by `prepare` (on the
    worker, so that no zoom waits for a level to be made)."""

    def __init__(self, geometries: Sequence[Any]) -> None:
        self.geometries = list(geometries)
        self._rings: dict[int, RingArrays] = {}

    def rings(self, level: int) -> RingArrays:
        found = self._rings.get(level)
        if found is None:
            found = self._rings[level] = ring_arrays(self.geometries, TOLERANCES[level])
        return found

    def prepare(self) -> Layer:
        for level in range(len(TOLERANCES)):
            self.rings(level)
        return self


@dataclass(frozen=True)
class MapLayers:
    """The drawable layers of one set of outlines."""

    villages: Layer
    districts: Layer
    regencies: Layer
    province: RingArrays | None

    def prepare(self) -> MapLayers:
        for layer in (self.villages, self.districts, self.regencies):
            layer.prepare()
        return self


def map_layers(
    villages: Sequence[Any], districts: Sequence[Any], regencies: Sequence[Any]
) -> MapLayers:
    """Layers of the given geometries, the province's outline made from the kabupaten."""
    outline = province_outline(regencies) if len(regencies) else None
    return MapLayers(
        Layer(villages),
        Layer(districts),
        Layer(regencies),
        ring_arrays([outline], 0.0) if outline is not None else None,
    )
