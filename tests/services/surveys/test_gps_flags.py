"""The GPS flag of the survey list and the review: only points outside their village's outline,
in the editor's words; answers kept until the outlines change."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from ovop_desktop.paths import AppPaths
from ovop_desktop.services.boundaries import import_boundaries
from ovop_desktop.services.surveys.gps_flags import gps_flags

BENUA_LAWAS = "63.01.01.2001"
MANTUIL_POINT = (-3.3546, 114.5467)
BENUA_LAWAS_POINT = (-3.8734, 114.6788)


def test_only_points_outside_their_village_are_flagged(app_paths: AppPaths) -> None:
    far, near, without, unknown = (uuid.uuid4() for _ in range(4))
    flags = gps_flags(
        app_paths,
        [
            (far, *MANTUIL_POINT, BENUA_LAWAS),
            (near, *BENUA_LAWAS_POINT, BENUA_LAWAS),
            (without, None, None, BENUA_LAWAS),
            (unknown, *MANTUIL_POINT, "63.99.99.2999"),  # no outline: nothing to say
        ],
    )
    assert set(flags) == {far}
    assert flags[far].message_id.endswith(
        " km di luar batas Desa Benua Lawas; titik ini berada di Kelurahan Mantuil, "
        "Kecamatan Banjarmasin Selatan."
    )
    assert "outside Village Benua Lawas" in flags[far].message_en


def test_newer_outlines_are_used_at_once(app_paths: AppPaths, tmp_path: Path) -> None:
    survey = uuid.uuid4()
    assert survey in gps_flags(app_paths, [(survey, *MANTUIL_POINT, BENUA_LAWAS)])
    # Benua Lawas redrawn around the point: the answer kept for the old outlines is forgotten.
    lat, lon = MANTUIL_POINT
    ring = [
        [lon - 0.01, lat - 0.01],
        [lon + 0.01, lat - 0.01],
        [lon + 0.01, lat + 0.01],
        [lon - 0.01, lat + 0.01],
        [lon - 0.01, lat - 0.01],
    ]
    feature = {
        "type": "Feature",
        "properties": {"kode": BENUA_LAWAS, "nama": "Benua Lawas"},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }
    source = tmp_path / "batas.geojson"
    source.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    import_boundaries(None, app_paths, source)
    assert gps_flags(app_paths, [(survey, *MANTUIL_POINT, BENUA_LAWAS)]) == {}
