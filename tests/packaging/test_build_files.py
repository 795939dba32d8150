"""The build's own pieces, checked without building: the one version number, the translations
hook of the wheel and sdist, the bundle's trimming rules, the frozen paths, the portable zip and
the Windows installer script (which only Windows can build: read here for its promises)."""

from __future__ import annotations

import importlib.metadata
import re
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

import ovop_desktop
from ovop_desktop.db import migrate
from ovop_desktop.paths import RESOURCES_ENV, resources_dir
from tests.packaging.conftest import ROOT, load_script

version_files = load_script("packaging/version_files.py")
bundle_trim = load_script("packaging/bundle_trim.py")
hatch_build = load_script("hatch_build.py")
portable = load_script("packaging/portable.py")


def test_the_version_is_written_once_and_read_by_the_build() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r"^version\s*=", pyproject, re.M) is None
    assert version_files.read_version() == ovop_desktop.__version__
    assert importlib.metadata.version("ovop-desktop") == ovop_desktop.__version__


def test_the_windows_version_files_carry_that_version(tmp_path: Path) -> None:
    written = version_files.write_version_files(tmp_path)
    numbers = version_files.numeric_version(ovop_desktop.__version__)
    gui = written["gui"].read_text(encoding="utf-8")
    assert f"filevers={numbers}" in gui and "'ovop-desktop.exe'" in gui
    assert f'#define AppVersion "{ovop_desktop.__version__}"' in written["iss"].read_text()
    assert version_files.numeric_version("1.2.0rc1") == (1, 2, 0, 0)


def test_the_build_hook_compiles_every_translation_part_once(tmp_path: Path) -> None:
    folder = tmp_path / "resources" / "translations"
    shutil.copytree(
        ROOT / "resources" / "translations", folder, ignore=shutil.ignore_patterns("*.qm")
    )
    built = hatch_build.compile_translations(tmp_path)
    assert {p.name for p in built} == {"ovop_id.qm", "qtbase_id.qm"}
    assert hatch_build.compile_translations(tmp_path) == []  # up to date: nothing to do
    parts = next(sources for sources, _ in hatch_build.translation_jobs(tmp_path))
    assert parts[0].name == "ovop_id.ts" and all(p.name.startswith("ovop_id") for p in parts)


def test_the_sdist_and_wheel_take_the_built_translations() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'artifacts = ["resources/translations/*.qm"]' in pyproject
    assert "[tool.hatch.build.hooks.custom]" in pyproject
    assert '"resources" = "ovop_desktop/resources"' in pyproject


@pytest.mark.parametrize(
    ("destination", "dropped"),
    [
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/imageformats/qwebp.dll", True),
        ("PySide6/opengl32sw.dll", True),
        ("PySide6\\translations\\qtbase_de.qm", True),
        ("PySide6\\plugins\\platforms\\qvnc.dll", True),
        ("PySide6\\plugins\\platforms\\qwindows.dll", False),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
        ("PySide6/Qt/plugins/platforms/qwindows.dll", False),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
        ("resources/translations/ovop_id.qm", False),
    ],
)
def test_the_bundle_drops_only_what_the_application_never_loads(
    destination: str, dropped: bool
) -> None:
    assert bundle_trim.dropped(destination) is dropped


def test_libraries_nothing_kept_links_to_go_with_their_links(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    links = {
        "/s/libqxcb.so": {"libQt6XcbQpa.so.6"},
        "/s/libQt6XcbQpa.so.6": {"libxcb.so.1"},
        "/s/libxcb.so.1": set(),
        "/s/libqgtk3.so": {"libgtk-3.so.0"},
        "/s/libgtk-3.so.0": {"libpango-1.0.so.0"},
        "/s/libpango-1.0.so.0": set(),
        "/s/libpython3.11.so.1.0": set(),
    }
    monkeypatch.setattr(bundle_trim, "linked_names", lambda source: links[source])
    monkeypatch.setattr(sys, "platform", "linux")
    binaries = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/s/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/s/libQt6XcbQpa.so.6", "BINARY"),
        ("libxcb.so.1", "/s/libxcb.so.1", "BINARY"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/s/libqgtk3.so", "BINARY"),
        ("libgtk-3.so.0", "/s/libgtk-3.so.0", "BINARY"),
        ("libpango-1.0.so.0", "/s/libpango-1.0.so.0", "BINARY"),
        ("libpython3.11.so.1.0", "/s/libpython3.11.so.1.0", "BINARY"),
    ]
    links_toc = [
        ("libQt6XcbQpa.so.6", "PySide6/Qt/lib/libQt6XcbQpa.so.6", "SYMLINK"),
        ("libgtk-3.so.0", "x/libgtk-3.so.0", "SYMLINK"),
    ]
    kept, datas = bundle_trim.trim(binaries, links_toc)
    assert [e[0] for e in kept] == [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "libxcb.so.1",
        "libpython3.11.so.1.0",
    ]
    assert datas == [links_toc[0]]


def test_a_frozen_bundle_finds_the_migrations_under_meipass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(migrate, "__file__", str(tmp_path / "gone" / "migrate.pyc"))
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "bundle"), raising=False)
    assert migrate._migrations_dir() == tmp_path / "bundle" / "ovop_desktop" / "db" / "migrations"
    monkeypatch.delattr(sys, "_MEIPASS")
    assert migrate._migrations_dir() == tmp_path / "gone" / "migrations"  # not frozen: beside it


def test_ovop_resources_points_at_another_resources_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(RESOURCES_ENV, str(tmp_path))
    assert resources_dir() == tmp_path.resolve()


def test_the_portable_zip_keeps_the_data_on_the_stick(tmp_path: Path) -> None:
    bundle = tmp_path / "ovop"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "ovop-desktop").write_bytes(b"\x7fELF")
    (bundle / "_internal" / "libx.so").write_bytes(b"x")
    written = portable.build_portable(bundle, tmp_path)
    with zipfile.ZipFile(written) as archive:
        names = set(archive.namelist())
        readme = archive.read("OVOP-Desktop/BACA-SAYA.txt").decode("utf-8")
        launcher = next(n for n in names if n.startswith("OVOP-Desktop/ovop-desktop"))
        launcher_text = archive.read(launcher).decode("utf-8")
    assert {"OVOP-Desktop/program/ovop-desktop", "OVOP-Desktop/data/"} <= names
    assert "--home" in readme and "--home" in launcher_text and "/data" in launcher_text


def test_the_installer_is_per_user_and_leaves_the_data_folder_alone() -> None:
    script = (ROOT / "packaging" / "windows" / "ovop.iss").read_text(encoding="utf-8")
    setup = dict(
        line.split("=", 1)
        for line in script.split("[Setup]")[1].split("\n[")[0].splitlines()
        if "=" in line and not line.startswith(";")
    )
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"].startswith("{userpf}")
    assert '#include "..\\..\\build\\version\\ovop-version.iss"' in script
    registry = [line for line in script.splitlines() if line.startswith("Root:")]
    assert registry and all(
        line.startswith('Root: HKCU; Subkey: "Software\\Classes\\') for line in registry
    )
    assert 'Type: filesandordirs; Name: "{app}\\_internal"' in script.split("[InstallDelete]")[1]
    uninstall = script.split("[UninstallDelete]")[1]
    assert "{app}" in uninstall
    assert not re.search(r"\{(localappdata|userappdata|appdata|userdocs)\}", uninstall)
