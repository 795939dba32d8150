"""The shipped Kalimantan Selatan outlines place known points, and an import of new outlines is
all or nothing."""

from __future__ import annotations

import gzip
import json
import math
from pathlib import Path

import pytest
import shapely

from ovop_desktop.core.boundaries import BoundaryError
from ovop_desktop.core.geo import haversine_km
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.boundaries import (
    boundary_sources,
    check_survey_point,
    import_boundaries,
    load_boundary_index,
    stored_file,
)
from ovop_desktop.services.errors import StorageError


@pytest.fixture
def backend() -> str:
    return "sqlite"  # the outlines live in files; the database only lends its region codes


# (latitude, longitude) inside three named villages of three kabupaten/kota.
INSIDE = [
    ((-3.8734, 114.6788), "63.01.01.2001", "Benua Lawas", "Takisung"),
    ((-3.3546, 114.5467), "63.71.01.1001", "Mantuil", "Banjarmasin Selatan"),
    ((-2.6951, 115.3060), "63.07.01.2001", "Pengambau Hilir Luar", "Haruyan"),
]
JAVA_SEA = (-4.3, 115.2)
PALANGKA_RAYA = (-2.21, 113.92)  # Kalimantan Tengah


def ground_distance_m(paths: AppPaths, point: tuple[float, float], code: str) -> float:
    """An independent figure: the great-circle distance to the outline's nearest point."""
    outline = load_boundary_index(paths).outline(code)
    assert outline is not None
    line = shapely.shortest_line(outline.geometry, shapely.Point(point[1], point[0]))
    lon, lat = line.coords[0]
    return haversine_km(point, (lat, lon)) * 1000


@pytest.mark.parametrize(("point", "code", "name", "district"), INSIDE)
def test_the_shipped_outlines_find_the_village_of_a_point(
    app_paths: AppPaths, point: tuple[float, float], code: str, name: str, district: str
) -> None:
    index = load_boundary_index(app_paths)
    found = index.village_at(*point)
    assert found is not None and (found.code, found.name) == (code, name)
    assert index.name(code.rsplit(".", 1)[0]) == district
    check = check_survey_point(app_paths, *point, code)
    assert check.inside and check.distance_m == 0.0
    assert check.message_id.startswith("Titik berada di dalam batas")


def test_a_point_in_another_village_names_it_and_its_distance(app_paths: AppPaths) -> None:
    point, code = INSIDE[1][0], INSIDE[0][1]  # Mantuil's point, checked against Benua Lawas
    check = check_survey_point(app_paths, *point, code)
    expected = ground_distance_m(app_paths, point, code)
    assert check.distance_m == pytest.approx(expected, rel=0.005)
    km = f"{check.distance_m / 1000:.1f}".replace(".", ",")
    assert check.message_id == (
        f"{km} km di luar batas Desa Benua Lawas; titik ini berada di Kelurahan Mantuil, "
        "Kecamatan Banjarmasin Selatan."
    )
    assert check.message_en.endswith(
        "this point lies in Kelurahan Mantuil, Banjarmasin Selatan District."
    )


@pytest.mark.parametrize("point", [JAVA_SEA, PALANGKA_RAYA])
def test_a_point_outside_the_province_is_in_no_village(
    app_paths: AppPaths, point: tuple[float, float]
) -> None:
    assert load_boundary_index(app_paths).village_at(*point) is None
    code = "63.01.01.2001"
    check = check_survey_point(app_paths, *point, code)
    assert check.found_code is None and not check.inside
    assert check.distance_m == pytest.approx(ground_distance_m(app_paths, point, code), rel=0.005)
    assert "tidak berada di desa mana pun di Kalimantan Selatan" in check.message_id


def test_the_shipped_outlines_cover_every_level(app_paths: AppPaths) -> None:
    index = load_boundary_index(app_paths)
    assert (len(index.kabupaten), len(index.kecamatan), len(index.villages)) == (13, 156, 2008)
    assert boundary_sources(app_paths) == dict.fromkeys(
        ("kabupaten", "kecamatan", "desa"), "built-in"
    )


def _collection(features: list[dict[str, object]]) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def _village(code: str, x: float, y: float, name: str = "Baru") -> dict[str, object]:
    ring = [[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]
    return {
        "type": "Feature",
        "properties": {"kode": code, "nama": name},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


def test_an_import_replaces_the_levels_it_holds_and_keeps_the_others(
    app_paths: AppPaths, tmp_path: Path
) -> None:
    source = tmp_path / "batas.geojson"
    source.write_bytes(_collection([_village("63.01.01.2001", 114.0, -3.0, "Benua Lawas")]))
    result = import_boundaries(None, app_paths, source)
    assert result.per_level == {"desa": 1}
    index = load_boundary_index(app_paths)
    assert [v.code for v in index.villages] == ["63.01.01.2001"]
    assert len(index.kabupaten) == 13  # still the built-in ones
    assert boundary_sources(app_paths)["desa"] == "imported"
    assert index.village_at(-2.995, 114.005) is not None


def test_a_gzip_file_imports_too(app_paths: AppPaths, tmp_path: Path) -> None:
    source = tmp_path / "batas.geojson.gz"
    source.write_bytes(gzip.compress(_collection([_village("63.01", 114.0, -3.0)])))
    assert import_boundaries(None, app_paths, source).per_level == {"kabupaten": 1}


def _bow_tie(code: str) -> dict[str, object]:
    ring = [[114.0, -3.0], [114.1, -3.1], [114.1, -3.0], [114.0, -3.1], [114.0, -3.0]]
    return {
        "type": "Feature",
        "properties": {"kode": code},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


BAD_FILES = {
    "not GeoJSON": (b"kode,nama\n63.01,Tanah Laut\n", "bukan GeoJSON"),
    "unknown code": (
        _collection([_village("63.01.01.2001", 114, -3), _village("63.01.01.2999", 114, -3)]),
        "Fitur ke-2 (kode 63.01.01.2999): kode ini tidak ada di daftar wilayah",
    ),
    "self-intersecting": (
        _collection([_village("63.01.01.2001", 114, -3), _bow_tie("63.01.01.2002")]),
        "Fitur ke-2 (kode 63.01.01.2002): garis batasnya memotong dirinya sendiri",
    ),
    "empty geometry": (
        _collection(
            [{"type": "Feature", "properties": {"kode": "63.01.01.2001"}, "geometry": None}]
        ),
        "Fitur ke-1 (kode 63.01.01.2001): geometrinya kosong",
    ),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_a_bad_file_is_refused_with_its_reason_and_changes_nothing(
    app_paths: AppPaths, tmp_path: Path, kind: str
) -> None:
    before = tmp_path / "sebelumnya.geojson"
    before.write_bytes(_collection([_village("63.01.01.2001", 114.0, -3.0, "Lama")]))
    import_boundaries(None, app_paths, before)
    stored = stored_file(app_paths, "desa").read_bytes()
    data, words = BAD_FILES[kind]
    bad = tmp_path / "buruk.geojson"
    bad.write_bytes(data)
    with pytest.raises(BoundaryError) as caught:
        import_boundaries(None, app_paths, bad)
    assert words in str(caught.value)
    assert caught.value.message_en
    assert stored_file(app_paths, "desa").read_bytes() == stored
    assert [v.name for v in load_boundary_index(app_paths).villages] == ["Lama"]


def test_a_50_mb_file_is_refused_and_changes_nothing(app_paths: AppPaths, tmp_path: Path) -> None:
    huge = tmp_path / "besar.geojson"
    with huge.open("wb") as f:
        f.write(b'{"type":"FeatureCollection","features":[')
        f.truncate(50 * 1024 * 1024)  # sparse: the rest reads as NUL bytes
    with pytest.raises(BoundaryError, match="lebih besar dari 40 MB"):
        import_boundaries(None, app_paths, huge)
    assert not stored_file(app_paths, "desa").parent.exists()
    assert len(load_boundary_index(app_paths).villages) == 2008


def test_a_missing_file_is_a_plain_error(app_paths: AppPaths, tmp_path: Path) -> None:
    with pytest.raises(StorageError):
        import_boundaries(None, app_paths, tmp_path / "tidak-ada.geojson")


def test_a_damaged_stored_file_gives_way_to_the_built_in_outlines(
    app_paths: AppPaths, tmp_path: Path
) -> None:
    source = tmp_path / "batas.geojson"
    source.write_bytes(_collection([_village("63.01.01.2001", 114.0, -3.0)]))
    import_boundaries(None, app_paths, source)
    stored_file(app_paths, "desa").write_bytes(b"rusak")
    assert len(load_boundary_index(app_paths).villages) == 2008
    assert math.isfinite(
        check_survey_point(app_paths, -3.8734, 114.6788, "63.01.01.2001").distance_m or 0
    )
