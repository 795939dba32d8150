"""Region outlines: the built-in Kalimantan Selatan ones, newer ones imported into the data folder,
and the check of a survey's point against its village.

Imported outlines are stored per level (kabupaten, kecamatan, desa) as gzip GeoJSON in
``<data>/batas-wilayah/``; a level never imported falls back to the built-in file of
`paths.reference_dir()`. The outlines are loaded once per process (about half a second) and
loaded again when a stored file changes.
"""

from __future__ import annotations

import csv
import gzip
import itertools
import threading
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ovop_desktop.core.boundaries import (
    LEVELS,
    BoundaryError,
    Outline,
    by_level,
    parse_boundaries,
    read_boundaries,
    read_boundary_bytes,
    to_geojson,
)
from ovop_desktop.core.boundary_index import BoundaryIndex, PointCheck, check_point
from ovop_desktop.core.map_geometry import MAP_X_SCALE, ring_arrays
from ovop_desktop.db.models import Region
from ovop_desktop.files import atomic_write
from ovop_desktop.paths import AppPaths, make_private_folder, reference_dir
from ovop_desktop.reports.map_data import LocatorMap, SummaryMap
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import file_error

STORED_FOLDER = "batas-wilayah"
LEVEL_ORDER = tuple(LEVELS.values())  # kabupaten, kecamatan, desa


class _AnyCode(Collection[str]):
    """Stored and built-in outlines were checked against the region list when they came in."""

    def __contains__(self, item: object) -> bool:
        return True

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(())

    def __len__(self) -> int:
        return 0


def stored_file(paths: AppPaths, level: str) -> Path:
    return paths.data_dir / STORED_FOLDER / f"batas-{level}.geojson.gz"


def built_in_file(level: str) -> Path:
    return reference_dir() / f"kalsel-batas-{level}.geojson.gz"


def built_in_region_codes() -> set[str]:
    """The codes of the built-in region list (``kalsel-kode-wilayah.csv``)."""
    with (reference_dir() / "kalsel-kode-wilayah.csv").open(encoding="utf-8", newline="") as f:
        return {row["kode"] for row in csv.DictReader(f)}


def known_region_codes(db: Database | None) -> set[str]:
    """The region list an import is checked against: the database's and the built-in one."""
    codes = built_in_region_codes()
    if db is not None:
        with db.session() as session:
            codes.update(session.scalars(select(Region.code)))
    return codes


@dataclass(frozen=True)
class BoundaryImport:
    """What an import stored: the number of outlines per level (levels not in the file are
    left as they were)."""

    per_level: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.per_level.values())


def import_boundaries(db: Database | None, paths: AppPaths, source: Path) -> BoundaryImport:
    """Check every feature of `source`, then store each level it holds; nothing changes on any
    problem (`BoundaryError`, naming the feature) or when the file cannot be read."""
    try:
        with source.open("rb") as stream:
            outlines = read_boundaries(stream, known_region_codes(db))
    except OSError as error:
        raise file_error(error) from error
    return store_boundaries(paths, outlines)


def store_boundaries(paths: AppPaths, outlines: Sequence[Outline]) -> BoundaryImport:
    """Store checked outlines, each level they hold replacing that level's stored file (also
    for the setup package, which checks its members first)."""
    grouped = by_level(outlines)
    # Everything is encoded before the first file is written, so a failure leaves all as it was.
    encoded = {
        level: gzip.compress(to_geojson(items), 6, mtime=0) for level, items in grouped.items()
    }
    try:
        make_private_folder(paths.data_dir / STORED_FOLDER)
        for level, data in encoded.items():
            atomic_write(stored_file(paths, level), data)
    except OSError as error:
        raise file_error(error) from error
    _forget_cache()
    return BoundaryImport({level: len(items) for level, items in grouped.items()})


def stored_boundaries(paths: AppPaths) -> dict[str, bytes]:
    """The imported outlines (gzip GeoJSON) per level, as stored; levels never imported are
    left out (the setup package carries these, never the built-in ones)."""
    found = {}
    for level in LEVEL_ORDER:
        try:
            found[level] = stored_file(paths, level).read_bytes()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise file_error(error) from error
    return found


def boundary_sources(paths: AppPaths) -> dict[str, str]:
    """Per level, ``"imported"`` or ``"built-in"``."""
    return {
        level: "imported" if stored_file(paths, level).is_file() else "built-in"
        for level in LEVEL_ORDER
    }


# --- Loading, once per process ---------------------------------------------------------------

_lock = threading.Lock()
# Keyed by the files in use (path, size, time): every data folder on the built-in outlines
# shares one index, and an import (a new stored file) makes a new key.
_cache: dict[tuple[object, ...], BoundaryIndex] = {}
_levels: dict[tuple[object, ...], tuple[Outline, ...]] = {}


def _forget_cache() -> None:
    with _lock:
        _cache.clear()


def _file_key(path: Path) -> tuple[object, ...] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (str(path), stat.st_mtime_ns, stat.st_size)


def _load_level(key: tuple[object, ...]) -> tuple[Outline, ...]:
    found = _levels.get(key)
    if found is None:
        with Path(str(key[0])).open("rb") as stream:
            found = parse_boundaries(read_boundary_bytes(stream), _AnyCode())
        _levels[key] = found
    return found


def load_boundary_index(paths: AppPaths) -> BoundaryIndex:
    """The outlines in use: imported where a level was imported, else built-in. A stored file
    that can no longer be read (damaged on disk) gives way to the built-in one."""
    keys = []
    for level in LEVEL_ORDER:
        stored = _file_key(stored_file(paths, level))
        keys.append(stored if stored is not None else _file_key(built_in_file(level)))
    signature = tuple(keys)
    with _lock:
        index = _cache.get(signature)
        if index is not None:
            return index
        levels: dict[str, tuple[Outline, ...]] = {}
        for level, key in zip(LEVEL_ORDER, keys, strict=True):
            if key is None:
                raise file_error(FileNotFoundError(2, "not found", str(built_in_file(level))))
            try:
                levels[level] = _load_level(key)
            except (OSError, BoundaryError):
                built_in = _file_key(built_in_file(level))
                if built_in is None or built_in == key:
                    raise
                levels[level] = _load_level(built_in)
        index = BoundaryIndex(levels)
        _cache[signature] = index
        return index


def check_survey_point(
    paths: AppPaths, latitude: float, longitude: float, village_code: str
) -> PointCheck:
    """The point against the outline of `village_code`: inside, or how far outside and in which
    village it lies. Advice for the officer, never a refusal."""
    return check_point(load_boundary_index(paths), latitude, longitude, village_code)


def locator_map(
    paths: AppPaths, village_code: str, caption: str, point: tuple[float, float] | None = None
) -> LocatorMap | None:
    """The letter's locator map of `village_code` (None when the village has no outline):
    its kabupaten, the kabupaten's kecamatan, the village and the survey's (lat, lon) point."""
    index = load_boundary_index(paths)
    village = index.outline(village_code)
    regency = index.outline(".".join(village_code.split(".")[:2]))
    if village is None or regency is None:
        return None
    prefix = regency.code + "."
    districts = [o.geometry for o in index.kecamatan if o.code.startswith(prefix)]
    return LocatorMap(
        regency=_rings(regency.geometry, 0.002),
        districts=tuple(r for g in districts for r in _rings(g, 0.002)),
        village=_rings(village.geometry, 0.0),
        point=None if point is None else (point[1] * MAP_X_SCALE, point[0]),
        caption=caption,
    )


def _rings(geometry: object, tolerance: float) -> tuple[tuple[tuple[float, float], ...], ...]:
    """Rings of `geometry` in the locator's coordinates (x = longitude · cos 3°, y = latitude)."""
    arrays = ring_arrays([geometry], tolerance)
    starts = [int(i) for i in arrays.starts.nonzero()[0]] + [len(arrays)]
    return tuple(
        tuple((float(x), -float(y)) for x, y in arrays.xy[start:end])
        for start, end in itertools.pairwise(starts)
    )


def summary_map(
    paths: AppPaths, regency_code: str, designated: Collection[str], recommended: Collection[str]
) -> SummaryMap | None:
    """The designation summary's map of `regency_code`: villages (or whole kecamatan) with a
    designated product, villages with a recommended one; None without the kabupaten's outline."""
    index = load_boundary_index(paths)
    regency = index.outline(regency_code)
    if regency is None:
        return None
    prefix = regency_code + "."
    districts = [o for o in index.kecamatan if o.code.startswith(prefix)]

    def rings_of(codes: Collection[str]) -> tuple[tuple[tuple[float, float], ...], ...]:
        shapes = [index.outline(code) for code in sorted(codes) if code.startswith(prefix)]
        return tuple(r for o in shapes if o is not None for r in _rings(o.geometry, 0.0005))

    shown = set(recommended) - set(designated)
    return SummaryMap(
        regency=_rings(regency.geometry, 0.001),
        districts=tuple(r for o in districts for r in _rings(o.geometry, 0.001)),
        designated=rings_of(designated),
        recommended=rings_of(shown),
        counts=(
            sum(1 for c in designated if c.startswith(prefix)),
            sum(1 for c in shown if c.startswith(prefix)),
        ),
    )
