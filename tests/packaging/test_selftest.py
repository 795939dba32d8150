"""`ovop selftest` / `ovop-desktop --self-test`: passes on a whole installation and names what
is missing from a broken one (CI runs it frozen too: packaging/smoke.py)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ovop_desktop.cli import gui_main, main, selftest
from ovop_desktop.cli.selftest import application_modules, run_self_test
from ovop_desktop.paths import RESOURCES_ENV, resources_dir

CHECK_NAMES = (
    "modules",
    "migrations",
    "fonts",
    "rubric",
    "translations",
    "reference",
    "letter",
    "package",
    "database",
    "language",
)


def resources_copy(target: Path, *, without: str) -> Path:
    """A resources/ folder holding what the self-test reads, less the file `without`."""
    source = resources_dir()
    for folder in ("fonts", "rubrics"):
        shutil.copytree(source / folder, target / folder)
    (target / "reference").mkdir()
    shutil.copy2(source / "reference" / "kalsel-kode-wilayah.csv", target / "reference")
    (target / "translations").mkdir()
    for qm in (source / "translations").glob("*.qm"):
        shutil.copy2(qm, target / "translations")
    (target / without).unlink()
    return target


def results(lines: list[str]) -> dict[str, str]:
    return {line.split()[1]: line.split()[0] for line in lines if line.startswith(("OK", "GAGAL"))}


def test_the_self_test_passes_and_prints_one_line_per_check(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["selftest"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert results(lines) == dict.fromkeys(CHECK_NAMES, "OK")
    assert lines[-1] == f"uji mandiri: {len(CHECK_NAMES)} lulus, 0 gagal"


def test_ovop_desktop_self_test_runs_it_without_opening_a_window(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ran: list[bool] = []
    monkeypatch.setattr(selftest, "run_self_test", lambda: ran.append(True) or 1)
    monkeypatch.setattr(sys, "argv", ["ovop-desktop", "--self-test"])
    assert gui_main() == 1  # the self-test's status, and no window
    assert ran == [True]


@pytest.mark.parametrize(
    ("missing", "failing"),
    [
        ("fonts/DejaVuSans-Bold.ttf", {"fonts"}),
        ("translations/ovop_id.qm", {"translations", "language"}),
    ],
)
def test_a_missing_data_file_fails_the_self_test_and_is_named(
    missing: str,
    failing: set[str],
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(RESOURCES_ENV, str(resources_copy(tmp_path / "resources", without=missing)))
    lines: list[str] = []
    assert run_self_test(lines.append) == 1
    found = results(lines)
    assert failing <= {name for name, state in found.items() if state == "GAGAL"}
    assert found["migrations"] == found["database"] == found["package"] == "OK"
    for line in lines:
        if line.split()[1:2] and line.split()[1] in failing:
            assert Path(missing).name in line
    failed = sum(1 for state in found.values() if state == "GAGAL")
    assert lines[-1].endswith(f", {failed} gagal")


def test_the_module_walk_skips_entry_points_and_alembic_scripts() -> None:
    names = set(application_modules())
    assert {"ovop_desktop.ui.app", "ovop_desktop.cli.selftest", "ovop_desktop.db.migrate"} <= names
    assert not {n for n in names if n.endswith("__main__") or ".db.migrations" in n}
