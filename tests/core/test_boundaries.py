"""Reading outline files: every problem is named with its feature, nothing is half-read, and a
file far too large is refused before it is held in memory."""

from __future__ import annotations

import gzip
import io
import json
from typing import Any

import pytest

from ovop_desktop.core.boundaries import (
    MAX_BOUNDARY_BYTES,
    BoundaryError,
    by_level,
    parse_boundaries,
    read_boundaries,
    read_boundary_bytes,
    to_geojson,
)
from ovop_desktop.core.boundary_index import BoundaryIndex, check_point, format_distance

KNOWN = {"63.01", "63.01.01", "63.01.01.2001", "63.01.01.2002", "63.01.01.1003"}


def square(x: float, y: float, size: float = 0.1) -> list[list[list[float]]]:
    return [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]


def feature(code: str, rings: Any, name: str = "Contoh", kind: str = "Polygon") -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": {"kode": code, "nama": name},
        "geometry": {"type": kind, "coordinates": rings},
    }


def collection(*features: dict[str, Any]) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


def two_villages() -> bytes:
    return collection(
        feature("63.01.01.2001", square(114.0, -3.1), "Satu"),
        feature("63.01.01.2002", square(114.1, -3.1), "Dua"),
        feature("63.01.01", square(114.0, -3.1, 0.2), "Kecamatan Contoh"),
    )


def test_a_good_collection_is_read_with_codes_names_and_levels() -> None:
    outlines = parse_boundaries(two_villages(), KNOWN)
    assert [(o.code, o.name, o.level) for o in outlines] == [
        ("63.01.01.2001", "Satu", "desa"),
        ("63.01.01.2002", "Dua", "desa"),
        ("63.01.01", "Kecamatan Contoh", "kecamatan"),
    ]
    assert sorted(by_level(outlines)) == ["desa", "kecamatan"]


def test_written_outlines_read_back_the_same() -> None:
    outlines = parse_boundaries(two_villages(), KNOWN)
    again = parse_boundaries(to_geojson(outlines), KNOWN)
    assert [(o.code, o.name) for o in again] == [(o.code, o.name) for o in outlines]
    assert all(a.geometry.equals(b.geometry) for a, b in zip(again, outlines, strict=True))


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"kode,nama\n63.01,Tanah Laut\n", "bukan GeoJSON"),
        (b"\xff\xfe\x00garbage", "bukan GeoJSON"),
        (json.dumps({"type": "Feature"}).encode(), "bukan FeatureCollection"),
        (collection(), "tidak ada fitur"),
    ],
)
def test_a_file_that_is_not_a_boundary_geojson_is_refused(data: bytes, words: str) -> None:
    with pytest.raises(BoundaryError, match=words) as caught:
        parse_boundaries(data, KNOWN)
    assert "GeoJSON" in caught.value.message_en


def test_an_unknown_code_is_named_with_its_feature() -> None:
    data = collection(
        feature("63.01.01.2001", square(114.0, -3.1)),
        feature("63.01.01.2999", square(114.2, -3.1)),
    )
    with pytest.raises(BoundaryError) as caught:
        parse_boundaries(data, KNOWN)
    message = str(caught.value)
    assert "Fitur ke-2 (kode 63.01.01.2999)" in message
    assert "tidak ada di daftar wilayah" in message
    assert "Feature 2 (code 63.01.01.2999)" in caught.value.message_en


def test_a_self_intersecting_outline_is_refused_with_where_it_crosses() -> None:
    bow_tie = [[[114.0, -3.0], [114.1, -3.1], [114.1, -3.0], [114.0, -3.1], [114.0, -3.0]]]
    with pytest.raises(BoundaryError) as caught:
        parse_boundaries(collection(feature("63.01.01.2001", bow_tie)), KNOWN)
    assert "memotong dirinya sendiri di dekat -3,05; 114,05" in str(caught.value)
    assert "crosses itself" in caught.value.message_en


@pytest.mark.parametrize(
    "geometry",
    [
        None,
        {"type": "Polygon", "coordinates": []},
        {"type": "MultiPolygon", "coordinates": [[]]},
        {"type": "Point", "coordinates": [114.0, -3.0]},
        {"type": "Polygon", "coordinates": [[[114.0, -3.0], [114.1, -3.0], [114.0, -3.0]]]},
        # four points on one line: a ring with no area
        {
            "type": "Polygon",
            "coordinates": [[[114.0, -3.0], [114.1, -3.0], [114.2, -3.0], [114.0, -3.0]]],
        },
    ],
)
def test_an_empty_geometry_is_refused(geometry: Any) -> None:
    data = collection(
        {"type": "Feature", "properties": {"kode": "63.01.01.2001"}, "geometry": geometry}
    )
    with pytest.raises(BoundaryError, match=r"Fitur ke-1 \(kode 63.01.01.2001\)"):
        parse_boundaries(data, KNOWN)


@pytest.mark.parametrize(
    "point", [["114", "-3"], [114.0], ["114.0", -3.0], [214.0, -3.0], [114.0, float("nan")]]
)
def test_a_point_that_is_not_a_position_is_refused(point: list[Any]) -> None:
    rings = [[point, [114.1, -3.0], [114.1, -3.1], [114.0, -3.1], point]]
    data = json.dumps(
        {"type": "FeatureCollection", "features": [feature("63.01.01.2001", rings)]}
    ).encode()
    with pytest.raises(BoundaryError, match="bujur dan lintang"):
        parse_boundaries(data, KNOWN)


def test_every_problem_is_counted_and_the_first_ones_are_named() -> None:
    data = collection(
        *[feature(f"63.01.01.{2100 + n}", square(114.0, -3.0)) for n in range(8)],
        feature("63.01.01.2001", square(114.0, -3.0)),
        feature("63.01.01.2001", square(114.0, -3.0)),
    )
    with pytest.raises(BoundaryError) as caught:
        parse_boundaries(data, KNOWN)
    message = str(caught.value)
    assert "9 dari 10 fitur bermasalah" in message
    assert "… dan 4 masalah lain." in message


class CountingStream(io.RawIOBase):
    """An endless stream of spaces that counts what was read from it."""

    def __init__(self, size: int) -> None:
        self.size, self.read_bytes = size, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        count = min(len(buffer), self.size - self.read_bytes)
        buffer[:count] = b" " * count
        self.read_bytes += count
        return count


def test_a_50_mb_file_is_refused_without_reading_it_all() -> None:
    stream = CountingStream(50 * 1024 * 1024)
    with pytest.raises(BoundaryError, match="lebih besar dari 40 MB"):
        read_boundary_bytes(io.BufferedReader(stream))
    assert stream.read_bytes < MAX_BOUNDARY_BYTES + 2 * 1024 * 1024


def test_a_gzip_that_unpacks_beyond_the_limit_is_refused() -> None:
    bomb = gzip.compress(b" " * (MAX_BOUNDARY_BYTES + 1), 9)
    with pytest.raises(BoundaryError, match="40 MB"):
        read_boundary_bytes(io.BytesIO(bomb))


def test_a_gzip_file_is_read_like_the_plain_one() -> None:
    outlines = read_boundaries(io.BytesIO(gzip.compress(two_villages())), KNOWN)
    assert len(outlines) == 3


def test_a_broken_gzip_is_not_geojson() -> None:
    with pytest.raises(BoundaryError, match="gzip rusak"):
        read_boundary_bytes(io.BytesIO(gzip.compress(two_villages())[:-30]))


def test_the_village_of_a_point_and_distances_on_the_ground() -> None:
    index = BoundaryIndex(by_level(parse_boundaries(two_villages(), KNOWN)))
    assert index.village_at(-3.05, 114.05).code == "63.01.01.2001"  # type: ignore[union-attr]
    assert index.village_at(-3.05, 114.15).code == "63.01.01.2002"  # type: ignore[union-attr]
    assert index.village_at(-3.05, 114.5) is None
    assert index.villages_at([-3.05, -3.05, 0.0], [114.05, 114.15, 0.0]) == [
        "63.01.01.2001",
        "63.01.01.2002",
        None,
    ]
    # 0.05° of longitude east of Dua's edge at 3.05° S: 0.05 × 111.195 km × cos 3.05°
    check = check_point(index, -3.05, 114.25, "63.01.01.2002")
    assert check.distance_m == pytest.approx(5552.2, abs=1)
    # 0.1° north of Satu: along a meridian, 11.12 km
    assert index.distance_m(-2.9, 114.05, "63.01.01.2001") == pytest.approx(11119.5, abs=1)
    inside = check_point(index, -3.05, 114.05, "63.01.01.2001")
    assert inside.inside and inside.message_id == "Titik berada di dalam batas Desa Satu."
    elsewhere = check_point(index, -3.05, 114.15, "63.01.01.2001")
    assert elsewhere.found_code == "63.01.01.2002"
    assert elsewhere.message_id == (
        "5,6 km di luar batas Desa Satu; titik ini berada di Desa Dua, Kecamatan Kecamatan Contoh."
    )
    unknown = check_point(index, -3.05, 114.15, "63.01.01.1003")
    assert not unknown.known and "belum tersedia" in unknown.message_id


def test_distances_read_the_indonesian_way() -> None:
    assert format_distance(1834.0) == "1,8 km"
    assert format_distance(1834.0, 1) == "1.8 km"
    assert format_distance(347.0) == "350 m"
