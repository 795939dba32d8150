"""One member of the province's staff importing packages, in a process of its own: the target of
the tests that run several importers at once. Kept apart from the test modules, so that each
process loads only what an import needs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ovop_desktop.paths import resolve_paths
from ovop_desktop.services.database import open_database
from ovop_desktop.services.sync.packages import import_packages


def import_all(url: str, home: str, files: list[str], start: Any, results: Any) -> None:
    """Wait for the others at `start`, then import every file in the given order; the results
    go to the `results` queue."""
    db = open_database(url, migrate=False)
    paths = resolve_paths(Path(home)).ensure()
    start.wait()
    outcome = import_packages(db, paths, [Path(f) for f in files], trust_new=True)
    results.put([r.as_json() for r in outcome])
    db.dispose()
