"""`make bench-large` (opt-in, not in `make bench`): the province at today's size and at ten times
it on PostgreSQL, and how each job grows between the two.

Today's province is 10,000 surveys with 5 candidates each (50,000 candidates, 400,000 criterion
levels); ten times it is 100,000 surveys, 500,000 candidates, 4 million levels. At each size:
the officers' packages (100 surveys each) imported into a new province database by one process,
the survey list (its first rows, then all of it) and the ranking of every candidate of the
province, beside two floors: a bare psycopg fetch of the levels, and a bare join in Python of the
candidates with their assessments (what any ranking in Python does at the least). The server
is a throwaway one (tests/postgres.py), fsync off: the figures compare the application's work,
not the disk.

A row's ratio is the growth of its time from the smaller to the larger size divided by the growth
of the data: 1.0 is linear, below it better than linear (the goal is ≤ 1).

    python -m benchmarks.bench_large            # 1× and 10× (an hour or more on 2 cores)
    python -m benchmarks.bench_large --scales 1,2
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.bench_sync import KALSEL, PRODUCTS_PER_SURVEY, _home, _records, write_packages
from benchmarks.bulk_data import make_surveys
from benchmarks.harness import BenchRow, print_table, seconds
from ovop_desktop.exchange.keys import load_or_create_key
from ovop_desktop.paths import resolve_paths
from ovop_desktop.services.assessment.regional_ranking import rank_region
from ovop_desktop.services.database import Database, open_database
from ovop_desktop.services.regions import import_regions
from ovop_desktop.services.rubrics import install_shipped_rubrics, rubric_in_force
from ovop_desktop.services.surveys.survey_list import list_surveys
from ovop_desktop.services.sync.packages import import_packages

SURVEYS = 10_000  # at 1×
SURVEYS_PER_PACKAGE = 100
FIRST_ROWS = 100
JOBS = (
    "import the officers' packages (one process)",
    f"survey list, first {FIRST_ROWS} rows",
    "survey list, every survey",
    "rank every candidate of the province",
    "bare psycopg fetch of the levels (the floor)",
    "bare join in Python: candidates and assessments by product, by survey (a floor)",
)


def _once(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _bare_fetch(db: Database) -> None:
    with db.engine.connect() as connection:
        cursor = connection.connection.cursor()
        cursor.execute(
            "SELECT a.product_id, l.criterion_id, l.level FROM assessment_levels l "
            "JOIN assessments a ON a.id = l.assessment_id"
        )
        cursor.fetchall()
        cursor.close()


def _bare_join(db: Database) -> None:
    """The least any ranking in Python does with the candidates: their rows and their
    assessments' fetched (ids as text), joined by product in a dictionary and grouped by
    survey in another. Its growth is this machine's: hash tables ten times larger miss the
    processor's caches more often per lookup (see docs/scaling.md)."""
    gc.disable()
    try:
        with db.engine.connect() as connection:
            cursor = connection.connection.cursor()
            cursor.execute(
                "SELECT id::text, survey_id::text, name, category FROM candidate_products "
                "WHERE deleted_at IS NULL"
            )
            by_survey: dict[str, list[list[object]]] = {}
            entry_of: dict[str, list[object]] = {}
            for key, survey, name, category in cursor.fetchall():
                entry_of[key] = entry = [key, name, category, None]
                by_survey.setdefault(survey, []).append(entry)
            cursor.execute(
                "SELECT product_id::text, id::text, status, total, stars FROM assessments "
                "WHERE deleted_at IS NULL"
            )
            for row in cursor.fetchall():
                found = entry_of.get(row[0])
                if found is not None:
                    found[3] = row
            cursor.close()
        del by_survey, entry_of
    finally:
        gc.enable()


def _write_packages(folder: Path, surveys: int) -> list[Path]:
    """An officer's database of `surveys` surveys, written as packages of SURVEYS_PER_PACKAGE
    (run in a process of its own: see measure)."""
    source_paths, source = _home(folder, "petugas")
    make_surveys(source, surveys, per_survey=PRODUCTS_PER_SURVEY)
    records = _records(source)
    key = load_or_create_key(source_paths.data_dir)
    packages = write_packages(
        folder / "paket", records, max(1, surveys // SURVEYS_PER_PACKAGE), key
    )
    source.dispose()
    return packages


def measure(scale: int, root: Path, server: object) -> list[float]:
    """Seconds of each of JOBS for the province at `scale` times today's size.

    The packages are written by a process of their own, so that the importing process, which
    then opens the list and the ranking as the application would, starts as the application
    does. At 10× the writer holds every record of 100,000 surveys at once; measured in the
    process it left, the jobs after it ran in a heap scattered by millions of freed objects
    (see docs/scaling.md)."""
    surveys = SURVEYS * scale
    folder = root / f"x{scale}"
    folder.mkdir()
    with multiprocessing.get_context("spawn").Pool(1) as writer:
        packages = writer.apply(_write_packages, (folder, surveys))
    print(f"{scale}×: {len(packages)} packages written", file=sys.stderr, flush=True)

    url = server.migrated_database()  # type: ignore[attr-defined]
    db = open_database(url, migrate=False)
    install_shipped_rubrics(db)
    import_regions(db, KALSEL.read_bytes())
    paths = resolve_paths(folder / "provinsi").ensure()
    imported = _once(lambda: import_packages(db, paths, packages, trust_new=True))
    shutil.rmtree(folder / "paket")
    rubric = rubric_in_force(db)
    first = min(_once(lambda: list_surveys(db, rubric, limit=FIRST_ROWS)) for _ in range(3))
    listed = min(_once(lambda: list_surveys(db, rubric)) for _ in range(3))
    ranked = min(_once(lambda: rank_region(db, None, rubric)) for _ in range(3))
    bare = min(_once(lambda: _bare_fetch(db)) for _ in range(2))
    joined = min(_once(lambda: _bare_join(db)) for _ in range(2))
    db.dispose()
    print(f"{scale}×: measured", file=sys.stderr, flush=True)
    return [imported, first, listed, ranked, bare, joined]


def run(scales: Sequence[int] = (1, 10)) -> list[BenchRow]:
    from tests.postgres import _server_bin_dir, postgres_server

    if not KALSEL.exists():
        return [BenchRow("large province", "skipped: ../shared/data absent", "-", None)]
    if _server_bin_dir() is None:
        return [BenchRow("large province", "skipped: no PostgreSQL server binaries", "-", None)]
    small, large = min(scales), max(scales)
    with tempfile.TemporaryDirectory() as scratch, postgres_server() as server:
        figures = {scale: measure(scale, Path(scratch), server) for scale in (small, large)}
    growth = large / small
    return [
        BenchRow(
            f"{job}: {SURVEYS * small:,} → {SURVEYS * large:,} surveys (PostgreSQL)",
            f"{seconds(figures[small][i])} → {seconds(figures[large][i])} "
            f"({figures[large][i] / figures[small][i]:.1f}× for {growth:g}× the data)",
            "growth of the data",
            figures[large][i] / figures[small][i] / growth,
            goal="≤ 1 (linear or better)",
        )
        for i, job in enumerate(JOBS)
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--scales", default="1,10", help="two sizes, times today's (1,10)")
    options = parser.parse_args(argv)
    scales = [int(part) for part in options.scales.split(",")]
    print_table(run(scales))
    return 0


if __name__ == "__main__":
    sys.exit(main())
