"""Windows is the main platform: every test module imports there, and a test that needs POSIX
(root, `pwd`, SIGKILL, fork, mode bits) skips with a reason or takes a Windows branch.

Read from the tests' source: a POSIX-only module imported at the top, `signal.SIGKILL`, or a
call of `os.geteuid`/`os.getuid`/`os.fork` outside a condition that names `sys.platform` or asks
`hasattr(os, ...)` would fail on Windows before the test could skip."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
POSIX_MODULES = {"pwd", "grp", "fcntl", "resource", "termios", "pty"}
POSIX_CALLS = {"geteuid", "getuid", "getegid", "getgid", "fork", "killpg", "setsid"}
GUARDS = ("sys.platform", "hasattr(os", "os.name")


def _guarded_nodes(tree: ast.Module, source: str) -> set[int]:
    """Ids of the nodes inside a condition, or under an `if`/decorator, that names a guard."""
    guarded: set[int] = set()
    for node in ast.walk(tree):
        tests: list[ast.AST] = []
        if isinstance(node, ast.BoolOp | ast.IfExp):
            tests = [node]
        elif isinstance(node, ast.If):
            tests = [node.test]
        for test in tests:
            if any(guard in (ast.get_source_segment(source, test) or "") for guard in GUARDS):
                guarded.update(id(inner) for inner in ast.walk(node))
    return guarded


def posix_only_uses(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    found = [
        f"{path.name}:{node.lineno} imports {alias.name} at the top"
        for node in tree.body
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in (
            node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")]
        )
        if alias.name.split(".")[0] in POSIX_MODULES
    ]
    guarded = _guarded_nodes(tree, source)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and ((node.value.id, node.attr) == ("signal", "SIGKILL"))
            and id(node) not in guarded
        ):
            found.append(f"{path.name}:{node.lineno} uses signal.SIGKILL (Popen.kill() is both)")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "os"
            and node.func.attr in POSIX_CALLS
            and id(node) not in guarded
        ):
            found.append(f"{path.name}:{node.lineno} calls os.{node.func.attr} unguarded")
    return found


def test_no_test_module_fails_on_windows_before_it_can_skip() -> None:
    problems = [p for path in sorted(TESTS.rglob("*.py")) for p in posix_only_uses(path)]
    assert problems == []


def test_the_check_sees_an_unguarded_posix_call(tmp_path: Path) -> None:
    planted = tmp_path / "test_planted.py"
    planted.write_text(
        "import os\nimport pwd\nimport signal\nimport sys\n\n"
        "def test_a() -> None:\n    assert os.geteuid() == 0\n    signal.SIGKILL\n\n"
        "def test_b() -> None:\n    if sys.platform != 'win32':\n        os.geteuid()\n",
        encoding="utf-8",
    )
    assert [p.split(" ", 1)[1] for p in posix_only_uses(planted)] == [
        "imports pwd at the top",
        "uses signal.SIGKILL (Popen.kill() is both)",
        "calls os.geteuid unguarded",
    ]
