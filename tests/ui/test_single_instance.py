"""One running instance per data directory: a second one says so and exits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ovop_desktop.paths import resolve_paths
from ovop_desktop.ui.app import acquire_instance_lock


def test_a_second_instance_on_the_same_data_folder_says_so_and_exits(
    tmp_path: Path, qapp: object
) -> None:
    paths = resolve_paths(tmp_path / "home").ensure()
    held = acquire_instance_lock(paths)
    assert held is not None
    try:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        result = subprocess.run(
            [sys.executable, "-m", "ovop_desktop", "--home", str(tmp_path / "home")],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
    finally:
        held.unlock()
    assert result.returncode == 1
    assert "sudah berjalan" in result.stderr


def test_another_data_folder_is_not_blocked(tmp_path: Path, qapp: object) -> None:
    first = acquire_instance_lock(resolve_paths(tmp_path / "a").ensure())
    second = acquire_instance_lock(resolve_paths(tmp_path / "b").ensure())
    assert first is not None and second is not None
    first.unlock()
    second.unlock()
