"""The arrows of DESIGN.md point one way: core -> db -> exchange, reports -> services -> ui, and
the command line on top. Each layer imports only what lies below it (ui only services and core,
never the database, exchange or report layers directly); only ui imports Qt. A planted violation
shows that the checker sees what it must.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "ovop_desktop"
ROOT_NAME = "ovop_desktop"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
# The libraries of the database and report layers: ui reaches them only through services.
BELOW_UI_LIBRARIES = ("sqlalchemy", "alembic", "psycopg", "reportlab")
# What of the project each part may import. `ovop_desktop` itself stands for the package's
# __init__ (`from ovop_desktop import __version__`); the top-level paths and files serve every
# layer above core, preferences (the user's settings) only ui. The command line imports anything.
SHARED = {ROOT_NAME, "paths", "files"}
ALLOWED: dict[str, set[str]] = {
    "core": {ROOT_NAME, "core"},
    "db": SHARED | {"core", "db"},
    "exchange": SHARED | {"core", "db", "exchange"},
    "reports": SHARED | {"core", "reports"},
    "services": SHARED | {"core", "db", "exchange", "reports", "services"},
    "ui": SHARED | {"preferences", "core", "services", "ui"},
    "paths": {ROOT_NAME},
    "files": {ROOT_NAME},
    "preferences": {ROOT_NAME, "paths", "files"},
    "__init__": set(),
}
EVERYTHING = "cli"  # the entry point: cli.py or the cli/ package, and __main__


def layer_of(path: Path, package: Path) -> str:
    """The part of the package a module belongs to: its top folder, or for a top-level module
    its name (the command-line modules, cli.py, *_cli.py and __main__, count as the cli)."""
    parts = path.relative_to(package).parts
    name = parts[0] if len(parts) > 1 else path.stem
    return EVERYTHING if name in ("cli", "__main__") or name.endswith("_cli") else name


def _module_name(path: Path, package: Path) -> list[str]:
    parts = [ROOT_NAME, *path.relative_to(package).with_suffix("").parts]
    return parts[:-1] if parts[-1] == "__init__" else parts


def imports(path: Path, package: Path) -> list[tuple[str, int]]:
    """Every module `path` imports (absolute names, relative imports resolved; an import of a
    name from a package counts as importing that submodule when one exists), with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    here = _module_name(path, package)
    is_package = path.name == "__init__.py"
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here if is_package else here[:-1]
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            found.append((module, node.lineno))
            for alias in node.names:
                candidate = f"{module}.{alias.name}"
                if _exists(candidate, package):
                    found.append((candidate, node.lineno))
    return found


def _exists(module: str, package: Path) -> bool:
    parts = module.split(".")
    if parts[0] != ROOT_NAME or len(parts) < 2:
        return False
    target = package.joinpath(*parts[1:])
    return target.with_suffix(".py").is_file() or (target / "__init__.py").is_file()


def _part(module: str) -> str | None:
    """The part of the project an imported module belongs to, or None outside the project."""
    parts = module.split(".")
    if parts[0] != ROOT_NAME:
        return None
    if len(parts) == 1:
        return ROOT_NAME
    name = parts[1]
    return EVERYTHING if name in ("cli", "__main__") or name.endswith("_cli") else name


def modules(package: Path) -> list[Path]:
    return sorted(p for p in package.rglob("*.py") if "forms" not in p.relative_to(package).parts)


def layer_violations(package: Path) -> list[str]:
    """Every import of a part of the project that the importing module's layer may not use."""
    offenders = []
    for path in modules(package):
        layer = layer_of(path, package)
        if layer == EVERYTHING:
            continue
        allowed = ALLOWED.get(layer, set())
        reported = set()
        for module, line in imports(path, package):
            part = _part(module)
            if part is None or part in allowed or (line, part) in reported:
                continue
            reported.add((line, part))
            offenders.append(f"{path.relative_to(package)}:{line} imports {module}")
    return offenders


def library_violations(
    package: Path, libraries: tuple[str, ...], checked: Callable[[str], bool]
) -> list[str]:
    """Imports of `libraries` by the modules of the layers that `checked` picks."""
    return [
        f"{path.relative_to(package)}:{line} imports {module}"
        for path in modules(package)
        if checked(layer_of(path, package))
        for module, line in imports(path, package)
        if module.split(".")[0] in libraries
    ]


def _not_ui(layer: str) -> bool:
    return layer != "ui"


def _ui(layer: str) -> bool:
    return layer == "ui"


def test_only_the_ui_package_imports_qt() -> None:
    assert library_violations(PACKAGE, QT_MODULES, _not_ui) == []


def test_every_layer_imports_only_what_lies_below_it() -> None:
    assert layer_violations(PACKAGE) == []


def test_ui_reaches_the_database_and_reports_only_through_services() -> None:
    assert library_violations(PACKAGE, BELOW_UI_LIBRARIES, _ui) == []


def test_every_part_of_the_package_has_a_place_in_the_layers() -> None:
    """A new top-level module or folder must be given its layer here before it is used."""
    unknown = {layer_of(p, PACKAGE) for p in modules(PACKAGE)} - set(ALLOWED) - {EVERYTHING}
    assert unknown == set()


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    """A small package in the shape of the real one, with one violation of each kind."""
    package = tmp_path / ROOT_NAME
    files = {
        "__init__.py": '__version__ = "0"\n',
        "paths.py": "",
        "core/__init__.py": "",
        "core/rules.py": "from ovop_desktop.db import models\n",
        "db/__init__.py": "",
        "db/models.py": "import ovop_desktop.core.rules\n",
        "exchange/__init__.py": "",
        "exchange/read.py": "",
        "reports/__init__.py": "",
        "reports/letter.py": "",
        "services/__init__.py": "",
        "services/letters.py": "from ovop_desktop.reports.letter import render\n",
        "ui/__init__.py": "",
        "ui/page.py": (
            "from ovop_desktop import __version__\n"
            "from ovop_desktop.services import letters\n"
            "from ovop_desktop import reports\n"
        ),
        "ui/sync/__init__.py": "",
        "ui/sync/page.py": "def load():\n    from ...exchange.read import read_package\n",
        "ui/view.py": "from ovop_desktop.db.models import Survey\nimport sqlalchemy\n",
        "cli/__init__.py": "from ovop_desktop.ui import page\nfrom ovop_desktop.db import models\n",
        "services/hook.py": "from ovop_desktop.cli import main\n",
    }
    for name, text in files.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(text, encoding="utf-8")
    return package


def test_the_checker_finds_planted_violations(planted: Path) -> None:
    assert sorted(layer_violations(planted)) == [
        "core/rules.py:1 imports ovop_desktop.db",
        "services/hook.py:1 imports ovop_desktop.cli",
        "ui/page.py:3 imports ovop_desktop.reports",
        "ui/sync/page.py:2 imports ovop_desktop.exchange.read",
        "ui/view.py:1 imports ovop_desktop.db.models",
    ]
    assert library_violations(planted, BELOW_UI_LIBRARIES, _ui) == [
        "ui/view.py:2 imports sqlalchemy"
    ]


def test_the_checker_passes_a_clean_tree(planted: Path) -> None:
    for name in (
        "core/rules.py",
        "services/hook.py",
        "ui/page.py",
        "ui/sync/page.py",
        "ui/view.py",
    ):
        (planted / name).write_text("from ovop_desktop import __version__\n", encoding="utf-8")
    assert layer_violations(planted) == []
    assert library_violations(planted, BELOW_UI_LIBRARIES, _ui) == []


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
