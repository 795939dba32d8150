"""The GPS flag of the survey list and the province review: a survey whose point lies outside its
village's outline, with the editor's words ("1,8 km di luar batas Desa X; titik ini berada di
Desa Y, Kecamatan Z").

The same rule as the survey editor: any distance outside the outline is flagged, a point inside
or a village without an outline is not; a warning, never a refusal. Only surveys with a point are
checked, on the worker after the rows are shown; the outlines are loaded once per process
(services.boundaries) and every answer is kept, so a reload checks only points not seen before.
"""

from __future__ import annotations

import threading
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ovop_desktop.paths import AppPaths

if TYPE_CHECKING:
    from ovop_desktop.core.boundary_index import BoundaryIndex


@dataclass(frozen=True)
class GpsFlag:
    """Why a survey's point is flagged, in Indonesian and English."""

    message_id: str
    message_en: str


# (latitude, longitude, village code) → the flag, or None (fine), under the outlines `_outlines`
# (a new import, hence a new index, forgets them).
_answers: dict[tuple[float, float, str], GpsFlag | None] = {}
_outlines: list[object] = []
_lock = threading.Lock()
_MAX_KEPT = 200_000


def gps_flags(
    paths: AppPaths, points: Iterable[tuple[uuid.UUID, float | None, float | None, str]]
) -> dict[uuid.UUID, GpsFlag]:
    """The flag of each survey (id, latitude, longitude, village code) whose point lies outside
    its village's outline; surveys without a point, inside, or without an outline are left out."""
    with_point: list[tuple[uuid.UUID, float, float, str]] = []
    for survey_id, lat, lon, code in points:
        if lat is not None and lon is not None and code:
            with_point.append((survey_id, lat, lon, code))
    if not with_point:
        return {}
    from ovop_desktop.core.boundary_index import check_point
    from ovop_desktop.services.boundaries import load_boundary_index

    index = load_boundary_index(paths)
    with _lock:
        if not _outlines or _outlines[0] is not index:
            _answers.clear()
            _outlines[:] = [index]
    with _lock:
        unseen = [p for p in with_point if (p[1], p[2], p[3]) not in _answers]
    inside = _inside(index, unseen)
    flags: dict[uuid.UUID, GpsFlag] = {}
    for survey_id, lat, lon, code in with_point:
        key = (lat, lon, code)
        with _lock:
            found = key in _answers
            flag = _answers.get(key)
        if not found:
            flag = None
            if key not in inside:
                result = check_point(index, lat, lon, code)
                if not result.inside and result.known:
                    flag = GpsFlag(result.message_id, result.message_en)
            with _lock:
                if len(_answers) >= _MAX_KEPT:
                    _answers.clear()
                _answers[key] = flag
        if flag is not None:
            flags[survey_id] = flag
    return flags


def _inside(
    index: BoundaryIndex, points: list[tuple[uuid.UUID, float, float, str]]
) -> set[tuple[float, float, str]]:
    """The points lying inside their own village, tested together per village (most points do,
    and need no distance)."""
    import numpy as np
    import shapely

    by_code: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for _, lat, lon, code in points:
        by_code[code].append((lat, lon))
    found: set[tuple[float, float, str]] = set()
    for code, coords in by_code.items():
        outline = index.outline(code)
        if outline is None:
            continue
        lats, lons = np.array(coords).T
        hits = shapely.contains_xy(outline.geometry, lons, lats)
        found.update((lat, lon, code) for (lat, lon), hit in zip(coords, hits, strict=True) if hit)
    return found
