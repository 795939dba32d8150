"""The arrows of DESIGN.md point one way: core imports nothing of the project, only ui imports
Qt, nothing but the entry point imports ui."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "ovop_desktop"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
# Layers below ui and what of the project each may import.
ALLOWED = {
    "core": {"core"},
    "db": {"core", "db", "files"},
    "exchange": {"core", "db", "exchange", "paths", "files"},
    "reports": {"core", "reports", "paths", "files"},
    "services": {"core", "db", "exchange", "reports", "services", "paths", "files"},
}


def _imports(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, node.lineno))
    return found


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "forms" not in p.relative_to(PACKAGE).parts)


def _layer(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else path.stem


def test_only_the_ui_package_imports_qt() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}:{line} imports {name}"
        for path in _modules()
        if _layer(path) != "ui"
        for name, line in _imports(path)
        if name.split(".")[0] in QT_MODULES
    ]
    assert offenders == []


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layer_imports_only_what_lies_below_it(layer: str) -> None:
    offenders = []
    for path in _modules():
        if _layer(path) != layer:
            continue
        for name, line in _imports(path):
            if name.split(".")[0] != "ovop_desktop" or name == "ovop_desktop":
                continue
            target = name.split(".")[1]
            if target not in ALLOWED[layer]:
                offenders.append(f"{path.relative_to(PACKAGE)}:{line} imports {name}")
    assert offenders == []


def test_nothing_but_the_entry_point_imports_ui() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}:{line} imports {name}"
        for path in _modules()
        if _layer(path) not in ("ui", "cli")
        for name, line in _imports(path)
        if name.startswith("ovop_desktop.ui")
    ]
    assert offenders == []


def test_cli_loads_qt_only_to_open_the_window() -> None:
    """The headless commands must run where Qt cannot even load (a server without X)."""
    code = (
        "import sys, ovop_desktop.cli, ovop_desktop.services.demo;"
        "import ovop_desktop.services.assessment.village_ranking;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
