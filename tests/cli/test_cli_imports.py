"""The command line answers at once: `ovop --help`, `--version` and a usage error load nothing
heavy, and a command loads what it needs when it runs (Qt never, for a command)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("sqlalchemy", "alembic", "reportlab", "PySide6", "cryptography", "openpyxl", "PIL")
# Standard modules `--help` has no use for, each costing as much as argparse on a busy machine
# (argparse itself loads shutil, for the width of the terminal).
NEEDLESS = ("typing", "tempfile", "dataclasses", "inspect", "decimal", "json")


def imported(*args: str, cwd: Path) -> set[str]:
    """Every module a fresh `python -m ovop_desktop ARGS` imports (from `-X importtime`)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "ovop_desktop", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    return set(re.findall(r"^import time:.*\|\s*(\S+)\s*$", result.stderr, re.MULTILINE))


def heavy_in(modules: set[str]) -> set[str]:
    """The heavy libraries (top-level names) among `modules`."""
    return {m.split(".")[0] for m in modules} & set(HEAVY)


@pytest.mark.parametrize("args", [("--help",), ("--version",), ("surveys", "list", "--bogus")])
def test_help_version_and_usage_errors_import_nothing_heavy(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    modules = imported(*args, cwd=tmp_path)
    assert "ovop_desktop.cli" in modules  # the measurement did see our imports
    assert heavy_in(modules) == set()
    assert not any(m.startswith(("ovop_desktop.services", "ovop_desktop.core")) for m in modules)
    assert modules.isdisjoint(NEEDLESS)


def test_a_command_imports_its_services_but_never_qt(tmp_path: Path) -> None:
    modules = imported("--home", str(tmp_path / "home"), "surveys", "list", cwd=tmp_path)
    assert "ovop_desktop.services.surveys.survey_list" in modules
    assert "sqlalchemy" in modules
    assert heavy_in(modules) <= {"sqlalchemy", "alembic"}  # no Qt, no reports, no crypto


def test_building_the_parser_looks_for_no_translation_catalogues(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import gettext

    from ovop_desktop.cli import main

    lookups: list[str] = []
    real_find = gettext.find

    def find(domain: str, *args: object, **kwargs: object) -> object:
        lookups.append(domain)
        return real_find(domain, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(gettext, "find", find)
    monkeypatch.setenv("COLUMNS", "100")  # not the kept text's width: the parser is built
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "PERINTAH" in capsys.readouterr().out
    assert lookups == []  # each one a search of the disk, some 90 of them
