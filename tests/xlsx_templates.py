"""A survey template filled in as an officer would type it, for the tests of its import (the
service, the CLI and the Survei page): two surveys, three candidates, three rows of levels."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.services.database import Database
from ovop_desktop.services.surveys.xlsx_template import write_template

# The villages of the filled template, in the sample region list of tests/fixtures.
FILLED_VILLAGES = {"63.08.07.2001": "Banjang", "63.01.01.2002": "Tabanio"}


def header_row(ws: Any) -> list[str]:
    return [cell.value for cell in ws[1]]


def column_of(ws: Any, header_start: str) -> int:
    return next(i for i, v in enumerate(header_row(ws), start=1) if v.startswith(header_start))


def _fill(ws: Any, rows: list[dict[str, Any]]) -> None:
    for number, row in enumerate(rows, start=2):
        for header, value in row.items():
            ws.cell(number, column_of(ws, header), value)


def put_row(ws: Any, row: int, values: list[Any]) -> None:
    """Type `values` into `row` from column A on (append would go below the formatted rows)."""
    for column, value in enumerate(values, start=1):
        ws.cell(row, column, value)


def filled_template(
    db: Database, rubric: Rubric, path: Path, change: Callable[[Any], None] | None = None
) -> Path:
    """A blank template written to `path`, then filled; `change(book)` spoils it before saving."""
    write_template(db, rubric, path)
    book = openpyxl.load_workbook(path)
    _fill(
        book["Survei"],
        [
            {
                "No. survei": 1,
                "Kode desa": "63.08.07.2001 — Banjang (Banjang, Kab. Hulu Sungai Utara)",
                "Tanggal": datetime(2026, 8, 3),
                "Nama petugas": "Siti Rahmah",
                "Jumlah penduduk": 2500,
                "Jumlah KK": 700,
                "Mata pencaharian": "Perajin purun",
                "BUMDes": "Ya",
            },
            {
                "No. survei": 2,
                "Kode desa": "63.01.01.2002",
                "Tanggal": "05/08/2026",
                "Nama petugas": "Siti Rahmah",
                "Jumlah penduduk": "1.250",
                "Catatan": "Diketik dari formulir kertas",
            },
        ],
    )
    _fill(
        book["Kandidat"],
        [
            {"No. survei": 1, "Nama produk": "Anyaman Purun", "Kategori": "Anyaman"},
            {
                "No. survei": 1,
                "Nama produk": "Kerupuk Ikan Haruan",
                "Kategori": "Makanan",
                "Harga": 70000,
                "PIRT": "Ya",
                "Jangkauan pasar": "Kabupaten/Kota",
            },
            {"No. survei": 2, "Nama produk": "Amplang", "Kategori": "makanan"},
        ],
    )
    for row, values in enumerate(
        (
            [1, "Anyaman Purun", 5, 3, 3, 4, 3, 3, 3, 4],
            [1, "Kerupuk Ikan Haruan", 4, 3, 2, 2, 2, 2, 2, 2],
            [2, "Amplang", 4, 4, 3],
        ),
        start=2,
    ):
        put_row(book["Tingkat"], row, values)
    if change:
        change(book)
    book.save(path)
    return path
