"""Sync by file at province scale: importing 100 packages (10,000 surveys, 50,000 candidates
and 400,000 criterion levels in all), and exporting 10,000 surveys."""

from __future__ import annotations

import gc
import json
import multiprocessing
import sqlite3
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

from benchmarks.bench_sync_postgres import run_postgres
from benchmarks.bulk_data import make_surveys
from benchmarks.harness import SHARED_DATA, BenchRow, seconds
from ovop_desktop.db.migrate import upgrade
from ovop_desktop.db.models import AssessmentLevel, CandidateProduct, Survey
from ovop_desktop.db.revision import HEAD_REVISION
from ovop_desktop.exchange.keys import load_or_create_key
from ovop_desktop.exchange.package_format import encode_records
from ovop_desktop.exchange.package_write import write_package
from ovop_desktop.exchange.records import TABLES, to_record
from ovop_desktop.paths import AppPaths, resolve_paths
from ovop_desktop.services.database import Database, open_database
from ovop_desktop.services.regions import import_regions
from ovop_desktop.services.rubrics import install_shipped_rubrics
from ovop_desktop.services.sync.packages import export_package, import_package

SURVEYS = 10_000
PACKAGES = 100
PRODUCTS_PER_SURVEY = 5  # 50,000 candidates, each assessed on 8 criteria
ROUNDS = 3  # exports, and JSON zips, timed: the best counts
IMPORT_ROUNDS = 2  # imports into a new province, and bare inserts, timed: the best counts
KALSEL = SHARED_DATA / "kalsel-kode-wilayah.csv"


def _home(root: Path, name: str) -> tuple[AppPaths, Database]:
    paths = resolve_paths(root / name).ensure()
    db = open_database(paths.database_url)
    install_shipped_rubrics(db)
    import_regions(db, KALSEL.read_bytes())
    return paths, db


def _records(db: Database) -> dict[str, list[dict[str, Any]]]:
    with db.session() as session:
        return {
            table: [to_record(o) for o in session.scalars(select(model))] for table, model in TABLES
        }


def _split(records: dict[str, list[dict[str, Any]]], parts: int) -> list[dict[str, list[Any]]]:
    """The records of every survey, with its children, in one of `parts` packages; the
    officers in every package, as an export carries them."""
    survey_part = {r["id"]: i % parts for i, r in enumerate(records["surveys"])}
    product_part = {r["id"]: survey_part[r["survey_id"]] for r in records["candidate_products"]}
    chunks: list[dict[str, list[Any]]] = [{t: [] for t, _ in TABLES} for _ in range(parts)]
    for table, rows in records.items():
        if table == "officers":
            for chunk in chunks:
                chunk[table] = list(rows)
            continue
        for row in rows:
            if table == "surveys":
                part = survey_part[row["id"]]
            elif "survey_id" in row and row["survey_id"] in survey_part:
                part = survey_part[row["survey_id"]]
            elif "product_id" in row and row["product_id"] in product_part:
                part = product_part[row["product_id"]]
            else:
                part = 0
            chunks[part][table].append(row)
    return chunks


def write_packages(
    folder: Path, records: dict[str, list[dict[str, Any]]], parts: int, key: Any
) -> list[Path]:
    """The records as `parts` signed survey-export packages in `folder` (one laptop's)."""
    folder.mkdir()
    packages = []
    for index, chunk in enumerate(_split(records, parts)):
        members = [
            (f"records/{t}.jsonl", encode_records(rows)) for t, rows in chunk.items() if rows
        ]
        packages.append(
            write_package(
                folder,
                f"bagian-{index:03d}",
                {
                    "kind": "survey-export",
                    "device_id": records["surveys"][0]["device_id"]
                    or "00000000-0000-4000-8000-000000000001",
                    "device_name": "bench",
                    "officer_name": "bench",
                    "schema_revision": HEAD_REVISION,
                    "watermark_from": None,
                    "watermark_to": None,
                    "counts": {t: len(r) for t, r in chunk.items()},
                },
                members,
                key,
            )
        )
    return packages


def _not_yet_exchanged(db: Database) -> None:
    """Every record as if edited since the last export, untimed."""
    with db.session() as session:
        for _, model in TABLES:
            if "exchanged" in model.__table__.c:
                session.execute(update(model).values(exchanged=False))


def _resident_mib() -> float | None:
    """The process's resident size now, MiB (None where /proc is not: Windows, macOS)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except OSError:
        return None
    return pages * resource.getpagesize() / 2**20


def _peak_mib() -> float | None:
    """The process's peak resident size, MiB: VmHWM, the high-water mark of this process's own
    memory (ru_maxrss would not do in a spawned child: Linux carries it over an exec, so it
    starts at the size of the parent it was forked from); ru_maxrss where /proc is not (macOS),
    None where neither is (Windows)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 2**10  # kB
    except OSError:
        pass
    if resource is None:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes there, KiB here


def _import_alone(root: str, files: list[str], report: Any) -> None:
    """In a process of its own: a new province imports the packages, one after the other, as
    the application does; reports the seconds of the imports, the resident size after the
    first, the middle and the last package, and the process's peak resident size."""
    province_paths, province = _home(Path(root), "provinsi")
    marks = {1: "first", (len(files) + 1) // 2: "middle", len(files): "last"}
    resident: dict[str, float | None] = {}
    start = time.perf_counter()
    for index, file in enumerate(files, start=1):
        result = import_package(province, province_paths, Path(file), trust_new=index == 1)
        if result.status != "imported":
            raise RuntimeError(f"{file}: {result.status} {result.reason}")
        if index in marks:
            resident[marks[index]] = _resident_mib()
    elapsed = time.perf_counter() - start
    province.dispose()
    report.put((elapsed, resident, _peak_mib()))


def _import_in_child(root: Path, packages: list[Path]) -> tuple[float, dict[str, Any], Any]:
    """`_import_alone` in a fresh process (spawned, as on Windows): what the importing process
    itself holds, none of this benchmark's own copies of the records."""
    context = multiprocessing.get_context("spawn")
    report = context.Queue()
    child = context.Process(
        target=_import_alone, args=(str(root), [str(p) for p in packages], report)
    )
    child.start()
    try:
        outcome: tuple[float, dict[str, Any], Any] = report.get(timeout=3600)
    finally:
        child.join()
    if child.exitcode:
        raise RuntimeError(f"the importing process failed ({child.exitcode})")
    return outcome


def _mib(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f} MiB"


def _bare_insert(folder: Path, records: dict[str, list[dict[str, Any]]]) -> float:
    """The floor: the same rows through sqlite3 executemany into the same schema."""
    folder.mkdir()
    target = folder / "bare.sqlite3"
    upgrade(f"sqlite:///{target}")
    connection = sqlite3.connect(target)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.executemany(
        "INSERT INTO regions (code, name, level, parent_code, search_name, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        [("63", "x", "provinsi", None, "x", "2026-01-01")],
    )
    start = time.perf_counter()
    with connection:
        for table, model in TABLES:
            rows = records[table]
            if not rows:
                continue
            columns = [c.name for c in model.__table__.columns]
            values = [
                [
                    json.dumps(r[c]) if isinstance(r.get(c), (dict, list)) else r.get(c)
                    for c in columns
                ]
                for r in rows
            ]
            connection.executemany(
                f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})",
                values,
            )
            if table == "assessments":
                connection.executemany(
                    "INSERT INTO assessment_levels (assessment_id, criterion_id, level, note) "
                    "VALUES (?, ?, ?, ?)",
                    [
                        (r["id"], lv["criterion_id"], lv["level"], lv["note"])
                        for r in rows
                        for lv in r["levels"]
                    ],
                )
    elapsed = time.perf_counter() - start
    connection.close()
    return elapsed


def run(
    n_surveys: int = SURVEYS, n_packages: int = PACKAGES, *, postgres: bool = True
) -> list[BenchRow]:
    """The rows of this benchmark; `postgres=False` leaves out the PostgreSQL ones."""
    if not KALSEL.exists():
        return [BenchRow("sync benchmarks", "skipped: ../shared/data absent", "-", None)]
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        source_paths, source = _home(root, "petugas")
        make_surveys(source, n_surveys, per_survey=PRODUCTS_PER_SURVEY)
        records = _records(source)
        # The setup holds every record as Python objects, which the application never does:
        # keep them out of the cyclic collector's walks, or they slow whatever is timed next.
        gc.collect()
        gc.freeze()
        with source.session() as session:
            candidates = session.query(CandidateProduct).count()
            levels = session.query(AssessmentLevel).count()
            surveys = session.query(Survey).count()

        exported = zipped = float("inf")
        for attempt in range(ROUNDS):  # the best of a few rounds, the same for both sides
            _not_yet_exchanged(source)  # each round marks every record, as a first export does
            start = time.perf_counter()
            export_package(source, source_paths, root / f"usb{attempt}", everything=True)
            exported = min(exported, time.perf_counter() - start)
            start = time.perf_counter()
            with zipfile.ZipFile(root / f"plain{attempt}.zip", "w", zipfile.ZIP_DEFLATED) as plain:
                for table, rows in records.items():
                    plain.writestr(f"{table}.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
            zipped = min(zipped, time.perf_counter() - start)

        key = load_or_create_key(source_paths.data_dir)
        packages = write_packages(root / "paket", records, n_packages, key)
        imported = bare = float("inf")
        resident: dict[str, Any] = {}
        peak: Any = None
        for attempt in range(IMPORT_ROUNDS):
            seconds_taken, sizes, top = _import_in_child(root / f"provinsi{attempt}", packages)
            if seconds_taken < imported:
                imported, resident, peak = seconds_taken, sizes, top
            bare = min(bare, _bare_insert(root / f"bare{attempt}", records))
        on_postgres = (
            run_postgres(root, packages, KALSEL.read_bytes(), imported) if postgres else []
        )
        source.dispose()
        gc.unfreeze()
    return [
        BenchRow(
            f"import {n_packages} packages ({surveys:,} surveys, {candidates:,} candidates, "
            f"{levels:,} levels), in a process of its own",
            seconds(imported),
            f"bare sqlite3 executemany of the same rows {seconds(bare)}",
            imported / bare,
            goal="≤ 4×",
        ),
        BenchRow(
            f"the importing process's resident size after package 1, {(n_packages + 1) // 2} "
            f"and {n_packages}; its peak",
            f"{_mib(resident.get('first'))}, {_mib(resident.get('middle'))}, "
            f"{_mib(resident.get('last'))}; peak {_mib(peak)}",
            "-",
            None,
            goal="peak ≤ 300 MiB, flat",
        ),
        BenchRow(
            f"export {surveys:,} surveys as one signed package",
            seconds(exported),
            f"the same rows as JSON into a zip {seconds(zipped)}",
            exported / zipped,
            goal="≤ 3×",
        ),
        *on_postgres,
    ]
