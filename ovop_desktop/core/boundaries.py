"""Administrative outlines (GeoJSON FeatureCollections whose features carry a Kemendagri ``kode``):
reading them safely and checking every feature before anything is used.

A file is read through `read_boundaries`, which stops at `MAX_BOUNDARY_BYTES` (plain or gzip)
without holding more than that in memory, then `parse_boundaries` checks the whole collection:
JSON shape, codes against the region list, coordinates, empty and self-intersecting outlines.
Problems are gathered and reported together, each naming its feature; nothing is returned unless
every feature is good. Geometries are shapely (multi)polygons in longitude/latitude (WGS 84).
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any

import numpy as np
import shapely

from ovop_desktop.core.errors import DomainError
from ovop_desktop.core.regions import RegionCodeError, parse_code

# The Kalimantan Selatan villages take 3 MB; all of Indonesia's would take about 130 MB.
MAX_BOUNDARY_BYTES = 40 * 1024 * 1024
_READ_CHUNK = 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b"
_PROBLEMS_SHOWN = 5

# Depth of a code (parts) → level name used in stored file names and by the map.
LEVELS: dict[int, str] = {2: "kabupaten", 3: "kecamatan", 4: "desa"}


class BoundaryError(DomainError):
    """An outline file that cannot be used; the message names the feature and the problem."""


@dataclass(frozen=True)
class Outline:
    """One region's outline: `geometry` is a shapely MultiPolygon in (longitude, latitude)."""

    code: str
    name: str
    geometry: Any

    @property
    def level(self) -> str:
        return LEVELS[self.code.count(".") + 1]


@dataclass(frozen=True)
class FeatureProblem:
    """What is wrong with one feature (1-based `number` in the file)."""

    number: int
    code: str | None
    message_id: str
    message_en: str

    def text_id(self) -> str:
        where = f"Fitur ke-{self.number}" + (f" (kode {self.code})" if self.code else "")
        return f"{where}: {self.message_id}"

    def text_en(self) -> str:
        where = f"Feature {self.number}" + (f" (code {self.code})" if self.code else "")
        return f"{where}: {self.message_en}"


def _too_big() -> BoundaryError:
    mb = MAX_BOUNDARY_BYTES // (1024 * 1024)
    return BoundaryError(
        f"Berkas batas wilayah lebih besar dari {mb} MB. Pakai berkas yang hanya memuat "
        "Kalimantan Selatan.",
        f"The boundary file is larger than {mb} MB. Use a file holding only South Kalimantan.",
    )


def read_boundary_bytes(stream: IO[bytes]) -> bytes:
    """The file's bytes (gunzipped when gzip), refusing more than `MAX_BOUNDARY_BYTES` as soon
    as it is seen: at most one chunk beyond the limit is ever held."""
    head = stream.read(_READ_CHUNK)
    if head.startswith(_GZIP_MAGIC):
        return _gunzip_limited(head, stream)
    parts = [head]
    size = len(head)
    while chunk := stream.read(_READ_CHUNK):
        size += len(chunk)
        if size > MAX_BOUNDARY_BYTES:
            raise _too_big()
        parts.append(chunk)
    return b"".join(parts)


def _gunzip_limited(head: bytes, stream: IO[bytes]) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    parts: list[bytes] = []
    size = 0
    chunk = head
    try:
        while chunk:
            data = inflater.decompress(chunk, MAX_BOUNDARY_BYTES + 1 - size)
            while data:
                size += len(data)
                if size > MAX_BOUNDARY_BYTES:
                    raise _too_big()
                parts.append(data)
                data = inflater.decompress(inflater.unconsumed_tail, MAX_BOUNDARY_BYTES + 1 - size)
            if inflater.eof:
                break
            chunk = stream.read(_READ_CHUNK)
    except zlib.error as error:
        raise _not_geojson("gzip rusak", "broken gzip") from error
    if not inflater.eof:
        raise _not_geojson("gzip rusak", "broken gzip")
    return b"".join(parts)


def _not_geojson(detail_id: str, detail_en: str) -> BoundaryError:
    return BoundaryError(
        f"Berkas ini bukan GeoJSON batas wilayah ({detail_id}). Pakai FeatureCollection GeoJSON "
        "yang setiap fiturnya punya properti “kode”.",
        f"This file is not a boundary GeoJSON ({detail_en}). Use a GeoJSON FeatureCollection "
        "whose features each have a “kode” property.",
    )


def read_boundaries(stream: IO[bytes], known_codes: Collection[str]) -> tuple[Outline, ...]:
    """`read_boundary_bytes` then `parse_boundaries`."""
    return parse_boundaries(read_boundary_bytes(stream), known_codes)


def parse_boundaries(data: bytes, known_codes: Collection[str]) -> tuple[Outline, ...]:
    """Every feature of the collection, checked; `BoundaryError` listing the first problems
    when any feature is bad. `known_codes` is the region list (every kode must be in it)."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise _not_geojson("bukan teks UTF-8", "not UTF-8 text") from error
    except ValueError as error:
        raise _not_geojson("JSON tidak sah", "invalid JSON") from error
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise _not_geojson("bukan FeatureCollection", "not a FeatureCollection")
    features = document.get("features")
    if not isinstance(features, list) or not features:
        raise _not_geojson("tidak ada fitur", "no features")
    problems: list[FeatureProblem] = []
    codes: list[str] = []
    names: list[str] = []
    parts: list[_Rings] = []
    first_seen: dict[str, int] = {}
    for number, feature in enumerate(features, start=1):
        found = _check_feature(number, feature, known_codes, first_seen)
        if isinstance(found, FeatureProblem):
            problems.append(found)
            continue
        code, name, polygons = found
        first_seen[code] = number
        codes.append(code)
        names.append(name)
        parts.append(polygons)
    if not problems:
        geometries = _build(parts)
        numbers = list(first_seen.values())
        for index, geometry in enumerate(geometries):
            problem = _geometry_problem(geometry)
            if problem is not None:
                problems.append(FeatureProblem(numbers[index], codes[index], *problem))
    if problems:
        raise _refusal(problems, len(features))
    return tuple(
        Outline(code, name, geometry)
        for code, name, geometry in zip(codes, names, geometries, strict=True)
    )


def _refusal(problems: list[FeatureProblem], total: int) -> BoundaryError:
    shown = problems[:_PROBLEMS_SHOWN]
    more = len(problems) - len(shown)
    lines_id = [p.text_id() for p in shown]
    lines_en = [p.text_en() for p in shown]
    if more:
        lines_id.append(f"… dan {more} masalah lain.")
        lines_en.append(f"… and {more} more problems.")
    return BoundaryError(
        f"Batas wilayah tidak diimpor: {len(problems)} dari {total} fitur bermasalah. "
        "Tidak ada yang diubah.\n" + "\n".join(lines_id),
        f"Boundaries not imported: {len(problems)} of {total} features have problems. "
        "Nothing was changed.\n" + "\n".join(lines_en),
    )


_CheckedFeature = tuple[str, str, "_Rings"]


def _check_feature(
    number: int, feature: Any, known_codes: Collection[str], first_seen: dict[str, int]
) -> _CheckedFeature | FeatureProblem:
    def problem(code: str | None, message_id: str, message_en: str) -> FeatureProblem:
        return FeatureProblem(number, code, message_id, message_en)

    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        return problem(None, "bukan Feature GeoJSON.", "not a GeoJSON Feature.")
    properties = feature.get("properties")
    code = properties.get("kode") if isinstance(properties, dict) else None
    if not isinstance(code, str) or not code.strip():
        return problem(None, "properti “kode” tidak ada.", "the “kode” property is missing.")
    code = code.strip()
    try:
        depth = len(parse_code(code).parts)
    except RegionCodeError as error:
        return problem(code, error.message_id, error.message_en)
    if depth not in LEVELS:
        return problem(
            code,
            "hanya kabupaten/kota, kecamatan dan desa/kelurahan yang dapat diberi batas.",
            "only regencies, districts and villages can have outlines.",
        )
    if code not in known_codes:
        return problem(
            code,
            "kode ini tidak ada di daftar wilayah. Impor daftar wilayah yang lebih baru dulu.",
            "this code is not in the region list. Import a newer region list first.",
        )
    if code in first_seen:
        return problem(
            code,
            f"kode ini sudah dipakai fitur ke-{first_seen[code]}.",
            f"this code is already used by feature {first_seen[code]}.",
        )
    name = properties.get("nama") if isinstance(properties, dict) else None
    polygons = _polygons(feature.get("geometry"))
    if isinstance(polygons, tuple):
        return problem(code, *polygons)
    return code, name.strip() if isinstance(name, str) else code, polygons


_Rings = list[list[Any]]  # per polygon, its rings as (n, 2) float arrays of lon, lat


def _polygons(geometry: Any) -> _Rings | tuple[str, str]:
    """The rings of a Polygon or MultiPolygon as arrays of [lon, lat], or why they are unusable."""
    if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        return "geometrinya kosong atau bukan poligon.", "its geometry is empty or not a polygon."
    coordinates = geometry.get("coordinates")
    polygons = [coordinates] if geometry["type"] == "Polygon" else coordinates
    if not isinstance(polygons, list) or not polygons:
        return "geometrinya kosong.", "its geometry is empty."
    result: _Rings = []
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon:
            return "geometrinya kosong.", "its geometry is empty."
        rings = []
        for ring in polygon:
            if not isinstance(ring, list) or len(ring) < 4:
                return (
                    "ada garis batas dengan kurang dari 4 titik.",
                    "a ring has fewer than 4 points.",
                )
            array = _positions(ring)
            if array is None:
                return (
                    "ada titik yang bukan pasangan bujur dan lintang yang sah.",
                    "a point is not a valid longitude and latitude.",
                )
            rings.append(array)
        result.append(rings)
    return result


def _positions(ring: list[Any]) -> Any:
    """The ring as an (n, 2) array, or None when a position is not two finite numbers (JSON
    numbers only: text is refused) within ±180° and ±90°."""
    try:
        array = np.array(ring)
    except ValueError:  # ragged
        return None
    if array.ndim != 2 or array.shape[1] < 2 or array.dtype.kind not in "fi":
        return None
    array = array[:, :2].astype(float)
    if not np.isfinite(array).all():
        return None
    if (np.abs(array[:, 0]) > 180).any() or (np.abs(array[:, 1]) > 90).any():
        return None
    return array


def _build(features: list[_Rings]) -> list[Any]:
    """Shapely MultiPolygons, built in a few vectorised calls (much faster than one by one)."""
    arrays: list[Any] = []
    ring_sizes: list[int] = []
    polygon_of_ring: list[int] = []
    feature_of_polygon: list[int] = []
    polygon = 0
    for index, polygons in enumerate(features):
        for rings in polygons:
            for array in rings:
                arrays.append(array)
                ring_sizes.append(len(array))
                polygon_of_ring.append(polygon)
            feature_of_polygon.append(index)
            polygon += 1
    if not arrays:
        return []
    coords = np.concatenate(arrays)
    ring_of_point = np.repeat(np.arange(len(ring_sizes)), ring_sizes)
    rings = shapely.linearrings(coords, indices=ring_of_point)
    polygon_array = shapely.polygons(rings, indices=np.array(polygon_of_ring))
    multi = shapely.multipolygons(polygon_array, indices=np.array(feature_of_polygon))
    return list(multi)


def _geometry_problem(geometry: Any) -> tuple[str, str] | None:
    empty = ("geometrinya kosong (luasnya nol).", "its geometry is empty (zero area).")
    if shapely.is_empty(geometry):
        return empty
    if shapely.is_valid(geometry):
        return None if shapely.area(geometry) > 0 else empty
    reason = str(shapely.is_valid_reason(geometry))
    where = _where(reason)
    if reason.startswith(("Self-intersection", "Ring Self-intersection")):
        return (
            f"garis batasnya memotong dirinya sendiri{where[0]}.",
            f"its outline crosses itself{where[1]}.",
        )
    if reason.startswith("Too few points"):
        return (
            f"ada garis batas yang terlalu pendek{where[0]}.",
            f"a ring is too short{where[1]}.",
        )
    return (
        f"geometrinya tidak sah ({reason}).",
        f"its geometry is not valid ({reason}).",
    )


def _where(reason: str) -> tuple[str, str]:
    """ " di dekat -2,15199; 115,45165" from GEOS's ``Self-intersection[115.45 -2.15]``."""
    inside = reason.partition("[")[2].rstrip("]").split()
    if len(inside) < 2:
        return "", ""
    lon, lat = inside[0], inside[1]
    return (
        f" di dekat {lat.replace('.', ',')}; {lon.replace('.', ',')}",
        f" near {lat}, {lon}",
    )


def by_level(outlines: Sequence[Outline]) -> dict[str, tuple[Outline, ...]]:
    """The outlines grouped by level (``kabupaten``, ``kecamatan``, ``desa``), codes sorted."""
    grouped: dict[str, list[Outline]] = {level: [] for level in LEVELS.values()}
    for outline in outlines:
        grouped[outline.level].append(outline)
    return {
        level: tuple(sorted(items, key=lambda o: o.code))
        for level, items in grouped.items()
        if items
    }


def to_geojson(outlines: Sequence[Outline]) -> bytes:
    """A FeatureCollection of `outlines`, readable by `parse_boundaries`."""
    return json.dumps(
        {"type": "FeatureCollection", "features": list(_features(outlines))},
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")


def _features(outlines: Sequence[Outline]) -> Iterator[dict[str, Any]]:
    for outline in outlines:
        geometry = json.loads(shapely.to_geojson(outline.geometry))
        yield {
            "type": "Feature",
            "properties": {"kode": outline.code, "nama": outline.name},
            "geometry": geometry,
        }
