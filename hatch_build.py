"""Hatch build hook: the Indonesian translations (.qm) go into the sdist and the wheel.

The .qm files are built, not kept in git, so a wheel built from a fresh clone would otherwise
open the window in English. The hook compiles `resources/translations/ovop_id.ts` plus every
`ovop_id_<part>.ts` into `ovop_id.qm`, and `qtbase_id.ts` into `qtbase_id.qm`, with the
lrelease that PySide6 ships; a .qm newer than its sources is kept (a wheel built from the
sdist, which already holds them, needs no PySide6 to build). PySide6 is asked for as a build
dependency only when something has to be compiled.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PYSIDE = "PySide6-Essentials==6.11.3"  # the runtime's pin (pyproject dependencies)
LRELEASE = "from PySide6.scripts.pyside_tool import lrelease; lrelease()"


def translation_jobs(root: Path) -> list[tuple[list[Path], Path]]:
    """(sources, target) for each .qm: the application's parts into one, Qt's own strings."""
    folder = root / "resources" / "translations"
    app_sources = [folder / "ovop_id.ts", *sorted(folder.glob("ovop_id_*.ts"))]
    return [
        (app_sources, folder / "ovop_id.qm"),
        ([folder / "qtbase_id.ts"], folder / "qtbase_id.qm"),
    ]


def stale(sources: list[Path], target: Path) -> bool:
    if not target.is_file():
        return True
    built = target.stat().st_mtime
    return any(source.stat().st_mtime > built for source in sources)


def compile_translations(root: Path, python: str = sys.executable) -> list[Path]:
    """Build every stale .qm under `root`; returns the ones built. Raises if lrelease fails."""
    built = []
    for sources, target in translation_jobs(root):
        missing = [str(s) for s in sources if not s.is_file()]
        if missing:
            raise FileNotFoundError(f"translation sources missing: {', '.join(missing)}")
        if not stale(sources, target):
            continue
        command = [python, "-c", LRELEASE, "-silent", *map(str, sources), "-qm", str(target)]
        subprocess.run(command, check=True)
        if not target.is_file() or target.stat().st_size == 0:
            raise RuntimeError(f"lrelease did not write {target}")
        built.append(target)
    return built


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def dependencies(self) -> list[str]:
        root = Path(self.root)
        needed = any(stale(sources, target) for sources, target in translation_jobs(root))
        return [PYSIDE] if needed else []

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name == "wheel" and version == "editable":
            return  # a development install reads resources/ in the tree (`make translations`)
        for target in compile_translations(Path(self.root)):
            self.app.display_info(f"compiled {target.relative_to(self.root)}")
