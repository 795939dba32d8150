"""The shape of the cli package: command modules share context.py and nothing else, so the
command groups cannot grow an import circle again."""

from __future__ import annotations

import ast
from pathlib import Path

from ovop_desktop.cli import Exit

CLI = Path(__file__).resolve().parents[2] / "ovop_desktop" / "cli"


def _cli_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.level or node.module.startswith("ovop_desktop.cli"):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("ovop_desktop.cli")}
    return found


def test_command_modules_import_only_the_shared_context() -> None:
    offenders = {
        path.name: imports
        for path in sorted(CLI.glob("*.py"))
        # The entry point and the parser that gathers the command modules are not commands.
        if path.name not in ("__init__.py", "__main__.py", "parser.py")
        and (imports := _cli_imports(path) - {"ovop_desktop.cli.context"})
    }
    assert offenders == {}


def test_exit_statuses_are_the_documented_numbers() -> None:
    assert (Exit.OK, Exit.ERROR, Exit.USAGE) == (0, 1, 2)
