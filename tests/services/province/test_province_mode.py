"""The province places show on the province's database, and where a person chose them."""

from __future__ import annotations

from pathlib import Path

from ovop_desktop.services.province.mode import province_mode, set_province_mode
from ovop_desktop.services.sync.packages import export_package, import_package
from tests.conftest import MakeHome


def test_a_laptop_that_imported_packages_is_the_province_until_someone_chooses(
    make_home: MakeHome, tmp_path: Path, backend: str
) -> None:
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    province = make_home("provinsi")
    assert province_mode(rahmah.db) is (backend != "sqlite")
    package = export_package(rahmah.db, rahmah.paths, tmp_path / "usb").path
    import_package(province.db, province.paths, package, trust_new=True)
    assert province_mode(province.db) is True

    set_province_mode(province.db, False)
    assert province_mode(province.db) is False
    set_province_mode(rahmah.db, True)
    assert province_mode(rahmah.db) is True
