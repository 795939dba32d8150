"""Region import of the whole Indonesia list, and village search latency over it."""

from __future__ import annotations

import csv
import io
import random
import sqlite3
import tempfile
from pathlib import Path

from benchmarks.harness import SHARED_DATA, BenchRow, seconds, timed
from ovop_desktop.core.text import search_key
from ovop_desktop.services.database import Database, open_database
from ovop_desktop.services.regions import import_regions, search_regions

INDONESIA = SHARED_DATA / "indonesia-kode-wilayah.csv"
QUERIES = (
    "benua lawas",
    "sungai",
    "martapura",
    "kampung baru",
    "bi'ih",
    "SUKA MAJU",
    "lok",
    "tanjung",
    "desa yang tidak ada",
    "pasayangan",
)


def _bare_sqlite_import(data: bytes, folder: Path) -> None:
    """The floor: the same rows through sqlite3 executemany, no validation, one transaction."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))[1:]
    connection = sqlite3.connect(folder / f"bare-{random.random()}.sqlite3")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute(
        "CREATE TABLE regions (code TEXT PRIMARY KEY, name TEXT, level TEXT,"
        " parent_code TEXT REFERENCES regions(code))"
    )
    with connection:
        connection.executemany(
            "INSERT INTO regions VALUES (?,?,?,?)", [(r[0], r[1], r[2], r[3] or None) for r in rows]
        )
    connection.close()


def _fresh_db(folder: Path) -> Database:
    return open_database(f"sqlite:///{folder / f'ovop-{random.random()}.sqlite3'}")


def run() -> list[BenchRow]:
    if not INDONESIA.exists():
        return [BenchRow("region import (Indonesia)", "skipped: ../shared/data absent", "-", None)]
    data = INDONESIA.read_bytes()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        bare = timed(lambda: _bare_sqlite_import(data, folder), repeat=3)
        databases: list[Database] = []

        def ours() -> None:
            db = _fresh_db(folder)
            databases.append(db)
            import_regions(db, data)

        imported = timed(ours, repeat=3)
        db = databases[-1]
        names = [row[1] for row in csv.reader(io.StringIO(data.decode("utf-8")))][1:]
        keys = [search_key(name) for name in names]

        def our_searches() -> None:
            for query in QUERIES:
                search_regions(db, query, limit=20)

        def python_scan() -> None:
            for query in QUERIES:
                words = search_key(query).split()
                [k for k in keys if all(w in k for w in words)][:20]

        searched = timed(our_searches, repeat=5) / len(QUERIES)
        scanned = timed(python_scan, repeat=5) / len(QUERIES)
        for opened in databases:
            opened.dispose()
    return [
        BenchRow(
            f"region import, {len(names):,} rows (validated, SQLAlchemy)",
            seconds(imported),
            f"bare sqlite3 executemany {seconds(bare)}",
            imported / bare,
        ),
        BenchRow(
            "region search, mean of 10 queries (SQL LIKE on folded names)",
            seconds(searched),
            f"Python scan of folded names {seconds(scanned)}",
            searched / scanned,
        ),
    ]
