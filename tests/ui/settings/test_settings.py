"""Pengaturan through its widgets: the profile, the language preference, the region list."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ovop_desktop.paths import AppPaths
from ovop_desktop.preferences import interface_language
from ovop_desktop.services.database import Database
from ovop_desktop.services.regions import region_count
from ovop_desktop.services.settings.app_settings import photo_longest_side
from ovop_desktop.services.settings.officers import current_officer, device_name
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.settings.settings_page import SettingsPage
from ovop_desktop.ui.worker import Worker
from tests.conftest import FIXTURES, MakeHome

LEFT = Qt.MouseButton.LeftButton


def _collection(code: str) -> str:
    """A GeoJSON FeatureCollection of one small village outline."""
    ring = [[114.0, -3.0], [114.01, -3.0], [114.01, -2.99], [114.0, -2.99], [114.0, -3.0]]
    feature = {
        "type": "Feature",
        "properties": {"kode": code, "nama": "Benua Lawas"},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }
    return json.dumps({"type": "FeatureCollection", "features": [feature]})


@pytest.fixture
def page(qtbot: QtBot, db: Database, app_paths: AppPaths, indonesian: str) -> SettingsPage:
    shown = SettingsPage(db, Worker(), app_paths)
    qtbot.addWidget(shown)
    shown.resize(1100, 700)
    shown.show()
    shown.load()
    qtbot.waitUntil(lambda: shown.regions_label.text() != "")
    return shown


def test_the_profile_is_saved_and_a_bad_nip_is_explained(
    qtbot: QtBot, page: SettingsPage, db: Database
) -> None:
    qtbot.keyClicks(page.name_edit, "Rahmah Hidayati")
    qtbot.keyClicks(page.nip_edit, "1987")
    qtbot.mouseClick(page.save_profile_button, LEFT)
    qtbot.waitUntil(lambda: page.profile_message.text() != "")
    assert page.profile_message.text() == "NIP harus 18 angka, tanpa spasi atau tanda baca."
    assert current_officer(db) is None

    page.nip_edit.clear()
    qtbot.keyClicks(page.nip_edit, "19870315 201001 2 004")
    qtbot.mouseClick(page.save_profile_button, LEFT)
    qtbot.waitUntil(lambda: page.profile_message.text() == "Profil tersimpan.")
    officer = current_officer(db)
    assert officer is not None and officer.nip == "198703152010012004"


def test_device_name_and_photo_size_are_kept(
    qtbot: QtBot, page: SettingsPage, db: Database
) -> None:
    page.device_edit.clear()
    qtbot.mouseClick(page.save_device_button, LEFT)
    qtbot.waitUntil(lambda: page.device_message.text() != "")
    assert page.device_message.text() == "Nama perangkat wajib diisi."

    qtbot.keyClicks(page.device_edit, "Laptop Dinas 07")
    page.photo_spin.setValue(1280)
    qtbot.mouseClick(page.save_device_button, LEFT)
    qtbot.waitUntil(lambda: page.device_message.text() == "Tersimpan.")
    assert photo_longest_side(db) == 1280
    assert device_name(db) == "Laptop Dinas 07"


def test_choosing_a_language_applies_it_at_once(
    qtbot: QtBot, page: SettingsPage, app_paths: AppPaths
) -> None:
    page.language_combo.setFocus()
    with qtbot.waitSignal(page.languageChanged) as changed:
        qtbot.keyClick(page.language_combo, Qt.Key.Key_Down)
    assert changed.args == ["en"]
    assert interface_language(app_paths) == "en"


def test_a_region_list_is_imported_from_settings(
    qtbot: QtBot,
    page: SettingsPage,
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    extra = tmp_path / "tambahan.csv"
    extra.write_text("kode;nama\n63.01.01.2003;Kuala Tambangan\n", encoding="utf-8")
    chosen: list[Callable[[list[str]], None]] = []
    monkeypatch.setattr(dialogs, "open_files", lambda _p, _t, _f, then: chosen.append(then))
    qtbot.mouseClick(page.import_regions_button, LEFT)
    chosen[0]([str(extra)])
    qtbot.waitUntil(lambda: "Hasil impor" in page.regions_label.text())
    assert (
        page.regions_label.text()
        == "19 wilayah dalam daftar. Hasil impor: 1 baru, 0 berganti nama."
    )
    assert region_count(db) == 19

    broken = tmp_path / "rusak.csv"
    broken.write_text(
        (FIXTURES / "wilayah-contoh.csv").read_text() + "63.9,Rusak,desa,63\n", encoding="utf-8"
    )
    chosen[0]([str(broken)])
    qtbot.waitUntil(lambda: "Baris 20" in page.regions_label.text())
    assert region_count(db) == 19


def test_the_key_fingerprint_of_this_laptop_is_shown(
    qtbot: QtBot, page: SettingsPage, app_paths: AppPaths
) -> None:
    from ovop_desktop.services.sync.packages import device_fingerprint

    qtbot.waitUntil(lambda: page.fingerprint_label.text() != "")
    assert page.fingerprint_label.text() == device_fingerprint(app_paths)
    assert "Bacakan kepada dinas provinsi" in page.fingerprint_label.toolTip()


def test_a_province_setup_package_is_imported_from_settings(
    qtbot: QtBot,
    page: SettingsPage,
    db: Database,
    make_home: MakeHome,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ovop_desktop.services.boundaries import import_boundaries
    from ovop_desktop.services.letters.letter_settings import (
        demo_letter_settings,
        load_letter_settings,
    )
    from ovop_desktop.services.sync.packages import device_fingerprint
    from ovop_desktop.services.sync.setup_package import export_setup

    province = make_home("provinsi")
    demo_letter_settings(province.db)
    outlines = tmp_path / "batas.geojson"
    outlines.write_text(_collection("63.01.01.2001"), encoding="utf-8")
    import_boundaries(province.db, province.paths, outlines)
    package = export_setup(province.db, province.paths, tmp_path / "usb" / "pengaturan.ovop")
    chosen: list[Callable[[list[str]], None]] = []
    monkeypatch.setattr(dialogs, "open_files", lambda _p, _t, _f, then: chosen.append(then))

    qtbot.mouseClick(page.import_setup_button, LEFT)
    chosen[0]([str(package)])

    qtbot.waitUntil(lambda: "diterapkan" in page.setup_label.text())
    assert device_fingerprint(province.paths) in page.setup_label.text()
    assert page.setup_label.text().endswith(" 1 batas wilayah disimpan.")
    assert load_letter_settings(db).signatories == load_letter_settings(province.db).signatories

    impostor = make_home("palsu")
    chosen[0]([str(export_setup(impostor.db, impostor.paths, tmp_path / "usb2"))])
    qtbot.waitUntil(lambda: "kunci lain" in page.setup_label.text())
    assert page.import_setup_button.isEnabled()


def test_region_boundaries_are_imported_from_settings_and_a_bad_file_changes_nothing(
    qtbot: QtBot,
    page: SettingsPage,
    app_paths: AppPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ovop_desktop.services.boundaries import boundary_sources, stored_file

    good, bad = tmp_path / "batas.geojson", tmp_path / "rusak.geojson"
    good.write_text(_collection("63.01.01.2001"), encoding="utf-8")
    bad.write_text(_collection("63.01.01.2999"), encoding="utf-8")
    chosen: list[Callable[[list[str]], None]] = []
    monkeypatch.setattr(dialogs, "open_files", lambda _p, _t, _f, then: chosen.append(then))

    qtbot.mouseClick(page.import_boundaries_button, LEFT)
    chosen[0]([str(good)])
    qtbot.waitUntil(lambda: "diimpor" in page.boundaries_label.text())
    assert page.boundaries_label.text().startswith(
        "Batas wilayah diimpor: 0 kabupaten/kota, 0 kecamatan, 1 desa/kelurahan."
    )
    assert boundary_sources(app_paths)["desa"] == "imported"
    stored = stored_file(app_paths, "desa").read_bytes()

    chosen[0]([str(bad)])
    qtbot.waitUntil(lambda: "63.01.01.2999" in page.boundaries_label.text())
    assert "Fitur ke-1" in page.boundaries_label.text()
    assert stored_file(app_paths, "desa").read_bytes() == stored
    assert page.import_boundaries_button.isEnabled()
