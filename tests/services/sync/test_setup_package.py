"""The setup package from the province configures an officer's laptop, and only the province's."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from ovop_desktop.db.models import Region
from ovop_desktop.exchange.package_format import PackageError
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.services.errors import InvalidInputError
from ovop_desktop.services.letters.letter_settings import (
    demo_letter_settings,
    load_letter_settings,
    save_letter_settings,
)
from ovop_desktop.services.rubrics import rubric_in_force
from ovop_desktop.services.settings.app_settings import get_setting
from ovop_desktop.services.sync.packages import device_fingerprint, export_package
from ovop_desktop.services.sync.setup_package import PROVINCE_KEY, export_setup, import_setup
from tests.conftest import MakeHome


def _home(make_home: MakeHome, name: str, *, province: bool) -> tuple[AppPaths, Database]:
    home = make_home(name, regions=province)
    return home.paths, home.db


def _regions(db: Database) -> list[tuple[str, str]]:
    with db.session() as session:
        return [tuple(row) for row in session.execute(select(Region.code, Region.name))]


def test_a_fresh_laptop_takes_regions_rubric_letterhead_and_key(
    make_home: MakeHome, tmp_path: Path
) -> None:
    province_paths, province = _home(make_home, "provinsi", province=True)
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG not really a png")
    demo_letter_settings(province)
    demo = load_letter_settings(province)
    assert demo.letterhead is not None
    save_letter_settings(
        province,
        letterhead=demo.letterhead,
        signatories=list(demo.signatories),
        number_template=demo.number_template or "",
        place=demo.place or "",
        logo_path=str(logo),
    )
    package = export_setup(province, province_paths, tmp_path / "usb")
    logo.unlink()  # the officer's laptop never had the province's file

    officer_paths, officer = _home(make_home, "petugas", province=False)
    result = import_setup(officer, officer_paths, package)

    assert sorted(_regions(officer)) == sorted(_regions(province))
    assert result.regions_added == len(_regions(province))
    assert rubric_in_force(officer) == rubric_in_force(province)
    mine, theirs = load_letter_settings(officer), load_letter_settings(province)
    assert mine.signatories == theirs.signatories
    assert mine.number_template == theirs.number_template
    assert mine.letterhead is not None
    assert mine.letterhead.logo_png == b"\x89PNG not really a png"
    assert mine.logo_path is not None and mine.logo_path.startswith(str(officer_paths.data_dir))
    assert get_setting(officer, PROVINCE_KEY) is not None
    assert result.fingerprint == device_fingerprint(province_paths)

    again = import_setup(officer, officer_paths, package)
    assert again.regions_added == 0
    with officer.session() as session:
        assert session.scalar(select(func.count()).select_from(Region)) == len(_regions(province))


def test_a_setup_package_from_another_key_or_a_survey_package_is_refused(
    make_home: MakeHome, tmp_path: Path
) -> None:
    province_paths, province = _home(make_home, "provinsi", province=True)
    other_paths, other = _home(make_home, "palsu", province=True)
    officer_paths, officer = _home(make_home, "petugas", province=False)
    import_setup(officer, officer_paths, export_setup(province, province_paths, tmp_path / "a"))

    with pytest.raises(PackageError) as refused:
        import_setup(officer, officer_paths, export_setup(other, other_paths, tmp_path / "b"))
    assert refused.value.code == "province_key"

    seed_demo(province, villages=1, seed=3)
    survey_package = export_package(province, province_paths, tmp_path / "c").path
    with pytest.raises(InvalidInputError):
        import_setup(officer, officer_paths, survey_package)


def _outlines(tmp_path: Path, code: str) -> Path:
    import json

    ring = [[114.0, -3.0], [114.01, -3.0], [114.01, -2.99], [114.0, -2.99], [114.0, -3.0]]
    feature = {
        "type": "Feature",
        "properties": {"kode": code, "nama": "Benua Lawas"},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }
    path = tmp_path / f"batas-{code}.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    return path


def test_the_province_outlines_travel_in_the_setup_package(
    make_home: MakeHome, tmp_path: Path
) -> None:
    from ovop_desktop.services.boundaries import (
        boundary_sources,
        import_boundaries,
        load_boundary_index,
        stored_file,
    )

    province_paths, province = _home(make_home, "provinsi", province=True)
    import_boundaries(province, province_paths, _outlines(tmp_path, "63.01.01.2001"))
    package = export_setup(province, province_paths, tmp_path / "usb")

    officer_paths, officer = _home(make_home, "petugas", province=False)
    result = import_setup(officer, officer_paths, package)

    assert result.boundaries == 1
    assert boundary_sources(officer_paths) == {
        "kabupaten": "built-in",
        "kecamatan": "built-in",
        "desa": "imported",
    }
    assert [v.code for v in load_boundary_index(officer_paths).villages] == ["63.01.01.2001"]
    assert stored_file(officer_paths, "desa").read_bytes() == (
        stored_file(province_paths, "desa").read_bytes()
    )


def test_a_setup_package_without_imported_outlines_leaves_the_built_in_ones(
    make_home: MakeHome, tmp_path: Path
) -> None:
    from ovop_desktop.services.boundaries import boundary_sources

    province_paths, province = _home(make_home, "provinsi", province=True)
    officer_paths, officer = _home(make_home, "petugas", province=False)
    result = import_setup(officer, officer_paths, export_setup(province, province_paths, tmp_path))
    assert result.boundaries == 0
    assert set(boundary_sources(officer_paths).values()) == {"built-in"}


def test_a_bad_outline_member_refuses_the_setup_package_and_changes_nothing(
    make_home: MakeHome, tmp_path: Path
) -> None:
    import gzip

    from ovop_desktop.services.boundaries import STORED_FOLDER, import_boundaries, stored_file

    province_paths, province = _home(make_home, "provinsi", province=True)
    import_boundaries(province, province_paths, _outlines(tmp_path, "63.01.01.2001"))
    # A province whose outline for a code its region list lacks (written past the import's check).
    bad = _outlines(tmp_path, "63.01.01.2999").read_bytes()
    stored_file(province_paths, "desa").write_bytes(gzip.compress(bad))
    package = export_setup(province, province_paths, tmp_path / "usb")

    officer_paths, officer = _home(make_home, "petugas", province=False)
    with pytest.raises(InvalidInputError) as refused:
        import_setup(officer, officer_paths, package)
    assert "records/batas-desa.geojson.gz" in str(refused.value)
    assert "Fitur ke-1 (kode 63.01.01.2999)" in str(refused.value)
    assert "63.01.01.2999" in refused.value.message_en
    assert _regions(officer) == []
    assert get_setting(officer, PROVINCE_KEY) is None
    assert not (officer_paths.data_dir / STORED_FOLDER).exists()
