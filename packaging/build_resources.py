"""Build step for the user interface: compile Designer forms and translations.

    python packaging/build_resources.py          # forms/*.ui -> ovop_desktop/ui/forms/ui_*.py,
                                                 # resources/translations/*.ts -> *.qm
    python packaging/build_resources.py --check  # exit 1 when a committed form is stale

Generated form modules are committed (so a checkout runs without a build step) and checked fresh
by a test; .qm files are build output and not committed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMS = ROOT / "forms"
GENERATED = ROOT / "ovop_desktop" / "ui" / "forms"
TRANSLATIONS = ROOT / "resources" / "translations"


def _tool(name: str) -> str:
    """A PySide6 tool next to the running interpreter (the venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (make setup)")
    return found


def generated_path(form: Path) -> Path:
    return GENERATED / f"ui_{form.stem}.py"


def compile_form(form: Path, target: Path) -> None:
    subprocess.run(
        [_tool("pyside6-uic"), "--from-imports", str(form), "-o", str(target)], check=True
    )


def build_forms() -> None:
    GENERATED.mkdir(parents=True, exist_ok=True)
    (GENERATED / "__init__.py").write_text('"""Modules generated from forms/*.ui."""\n')
    for form in sorted(FORMS.glob("*.ui")):
        compile_form(form, generated_path(form))


def stale_forms() -> list[str]:
    stale = []
    with tempfile.TemporaryDirectory() as scratch:
        for form in sorted(FORMS.glob("*.ui")):
            fresh = Path(scratch) / generated_path(form).name
            compile_form(form, fresh)
            committed = generated_path(form)
            if not committed.exists() or committed.read_bytes() != fresh.read_bytes():
                stale.append(form.name)
    return stale


def build_translations() -> None:
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        subprocess.run(
            [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
            check=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only check forms are fresh")
    args = parser.parse_args()
    if args.check:
        stale = stale_forms()
        if stale:
            print("stale generated forms: " + ", ".join(stale) + " (run make forms)")
            return 1
        return 0
    build_forms()
    build_translations()
    return 0


if __name__ == "__main__":
    sys.exit(main())
