"""The province on PostgreSQL: importing the exchange benchmark's 100 packages with one process,
then with four at once (each a quarter of the pile, as four staff would share it).

The server is a throwaway one from the installed binaries (tests/postgres.py), run with fsync
off: the figures compare the application's work, not the disk. On this 2-core machine four
processes share two cores with the server, so a speed-up near 2× is the ceiling.
"""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path
from typing import Any

from benchmarks.harness import BenchRow, seconds
from ovop_desktop.paths import resolve_paths
from ovop_desktop.services.database import Database, open_database
from ovop_desktop.services.regions import import_regions
from ovop_desktop.services.rubrics import install_shipped_rubrics
from ovop_desktop.services.sync.packages import canonical_dump, import_packages

STAFF = 4


def _province(server: Any, regions: bytes) -> tuple[str, Database]:
    url = server.migrated_database()
    db = open_database(url)
    install_shipped_rubrics(db)
    import_regions(db, regions)
    return url, db


def _import(url: str, home: str, files: list[str], start: Any, done: Any) -> None:
    db = open_database(url, migrate=False)
    paths = resolve_paths(Path(home)).ensure()
    start.wait()
    results = import_packages(db, paths, [Path(f) for f in files], trust_new=True)
    done.put(sorted({r.status for r in results}))
    db.dispose()


def _together(url: str, root: Path, packages: list[Path]) -> float:
    """Wall time of STAFF processes importing a share of the packages each, started at once."""
    context = multiprocessing.get_context("spawn")
    start, done = context.Barrier(STAFF + 1), context.Queue()
    staff = [
        context.Process(
            target=_import,
            args=(url, str(root / f"staf{i}"), [str(p) for p in packages[i::STAFF]], start, done),
        )
        for i in range(STAFF)
    ]
    for member in staff:
        member.start()
    start.wait()  # every process is up and connected: the clock starts now
    began = time.perf_counter()
    statuses = [done.get(timeout=3600) for _ in staff]
    elapsed = time.perf_counter() - began
    for member in staff:
        member.join()
    if any(set(s) - {"imported", "unchanged"} for s in statuses):
        raise RuntimeError(f"a package was not imported: {statuses}")
    return elapsed


def run_postgres(
    root: Path, packages: list[Path], regions: bytes, sqlite_seconds: float
) -> list[BenchRow]:
    from tests.postgres import _server_bin_dir, postgres_server

    if _server_bin_dir() is None:
        return [BenchRow("PostgreSQL import", "skipped: no PostgreSQL server binaries", "-", None)]
    with postgres_server() as server:
        _, alone = _province(server, regions)
        paths = resolve_paths(root / "pg-alone").ensure()
        began = time.perf_counter()
        import_packages(alone, paths, packages, trust_new=True)
        one = time.perf_counter() - began
        url_four, together = _province(server, regions)
        together.dispose()
        four = _together(url_four, root, packages)
        together = open_database(url_four, migrate=False)
        same = canonical_dump(together) == canonical_dump(alone)
        together.dispose()
        alone.dispose()
    if not same:
        raise RuntimeError("four processes and one gave different databases")
    return [
        BenchRow(
            f"import the {len(packages)} packages into PostgreSQL, one process",
            seconds(one),
            f"the same into SQLite {seconds(sqlite_seconds)}",
            one / sqlite_seconds,
        ),
        BenchRow(
            f"the same with {STAFF} processes at once (a quarter each; same database after)",
            seconds(four),
            f"one process {seconds(one)}",
            four / one,
        ),
    ]
