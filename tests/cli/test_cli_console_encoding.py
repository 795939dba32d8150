"""On Windows a redirected console often writes cp1252: the CLI's stars (★) and any other
character outside it are degraded, never a UnicodeEncodeError, on stdout and stderr alike."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ovop_desktop.cli import main


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = str(tmp_path_factory.mktemp("console") / "home")
    assert main(["--home", folder, "demo", "--villages", "2"]) == 0
    return folder


def ovop(*args: str, encoding: str = "cp1252") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "ovop_desktop", *args],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": encoding},
        timeout=120,
    )


def test_surveys_list_and_rank_on_a_cp1252_console_show_stars_plainly(home: str) -> None:
    listed = ovop("--home", home, "surveys", "list")
    assert listed.returncode == 0, listed.stderr.decode("cp1252")
    assert b"Traceback" not in listed.stderr
    ranked = ovop("--home", home, "rank", "--region", "63")
    assert ranked.returncode == 0, ranked.stderr.decode("cp1252")
    assert b"Traceback" not in ranked.stderr
    text = listed.stdout.decode("cp1252") + ranked.stdout.decode("cp1252")
    assert "**" in text  # the stars, as a cp1252 console can show them


def test_an_error_naming_a_file_outside_cp1252_reaches_stderr(tmp_path: Path) -> None:
    missing = tmp_path / "wilayah ★ 東.csv"
    result = ovop("--home", str(tmp_path / "home"), "regions", "import", str(missing))
    assert result.returncode == 1
    err = result.stderr.decode("cp1252")
    assert "Traceback" not in err
    assert "Galat" in err and "wilayah * ?.csv" in err


def test_a_utf8_console_keeps_the_stars(home: str) -> None:
    listed = ovop("--home", home, "surveys", "list", encoding="utf-8")
    assert "★" in listed.stdout.decode("utf-8")
