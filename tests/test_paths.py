"""One module resolves every path; OVOP_HOME and --home override the platform folders."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from ovop_desktop.paths import resolve_paths, resources_dir, rubrics_dir


def test_home_argument_wins_over_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OVOP_HOME", str(tmp_path / "env"))
    paths = resolve_paths(tmp_path / "arg")
    assert paths.data_dir == tmp_path / "arg" / "data"
    assert paths.database_file == tmp_path / "arg" / "data" / "ovop.sqlite3"


def test_the_environment_is_used_when_no_home_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OVOP_HOME", str(tmp_path / "env"))
    paths = resolve_paths()
    assert {paths.data_dir, paths.config_dir, paths.cache_dir, paths.log_dir} == {
        tmp_path / "env" / name for name in ("data", "config", "cache", "logs")
    }


def test_without_override_the_platform_user_folders_are_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("OVOP_HOME")
    paths = resolve_paths()
    assert "OVOP Desktop" in str(paths.data_dir)
    assert paths.data_dir.is_absolute()


def test_nothing_is_created_until_asked(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "home")
    assert not (tmp_path / "home").exists()
    paths.ensure()
    assert paths.data_dir.is_dir() and paths.log_dir.is_dir()


def test_resources_are_found_in_the_source_tree() -> None:
    assert (rubrics_dir() / "ovop-kalsel-2026-v1.toml").is_file()
    assert (resources_dir() / "translations" / "ovop_id.ts").is_file()


def test_the_wheel_carries_resources_and_migrations(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(root),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("ovop_desktop-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "ovop_desktop/resources/rubrics/ovop-kalsel-2026-v1.toml" in names
    assert "ovop_desktop/db/migrations/env.py" in names
    assert "ovop_desktop/db/migrations/versions/0001_initial_schema.py" in names
    assert "ovop_desktop/ui/forms/ui_main_window.py" in names
