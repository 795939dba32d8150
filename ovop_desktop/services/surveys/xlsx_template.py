"""The survey template for officers who collect on paper: a workbook to type surveys, candidates
and levels into, with drop-down lists, and its import, which checks every row before it saves
anything and then saves everything in one transaction.
"""

from __future__ import annotations

import re
import textwrap
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]
from sqlalchemy import func, select

from ovop_desktop.core.formatting import format_date_id, short_regency
from ovop_desktop.core.rubric import LEVELS, Rubric
from ovop_desktop.db.models import Region
from ovop_desktop.exchange.spreadsheet import (
    MARKET_REACH_LABELS,
    CellValueError,
    Column,
    Field,
    Kind,
    SheetProblem,
    cell_choice,
    cell_count,
    cell_date,
    cell_flag,
    cell_level,
    cell_percent,
    cell_quantity,
    cell_text,
    header_cells,
    lay_out,
    list_validation,
    save_workbook,
)
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError
from ovop_desktop.services.regions import RegionHit, region_hit, villages_only, with_parents

GUIDE, SURVEYS, PRODUCTS, LEVEL_SHEET, LISTS = "Petunjuk", "Survei", "Kandidat", "Tingkat", "Daftar"
TEMPLATE_ROWS = 1_000  # rows that get the drop-downs and formats
VILLAGE_LIST_CAP = 10_000  # from this many villages on, the drop-down lists those of Kalsel
KALSEL = "63"
PERMITS = ("NIB", "PIRT", "BPOM", "Halal", "SNI", "HKI")
MAX_PROBLEMS_SHOWN = 30


class TemplateError(InvalidInputError):
    """A filled template with problems (`problems`, each with its sheet and row); nothing of it
    was imported."""

    def __init__(self, problems: Sequence[SheetProblem]) -> None:
        shown, more = problems[:MAX_PROBLEMS_SHOWN], len(problems) - MAX_PROBLEMS_SHOWN
        lines_id = [str(p) for p in shown] + ([f"... dan {more} lainnya"] if more > 0 else [])
        lines_en = [p.text_en for p in shown] + ([f"... and {more} more"] if more > 0 else [])
        super().__init__(
            "Templat tidak diimpor; tidak ada data yang disimpan. Perbaiki lalu impor lagi:\n- "
            + "\n- ".join(lines_id),
            "The template was not imported; nothing was saved. Fix it and import again:\n- "
            + "\n- ".join(lines_en),
        )
        self.problems = tuple(problems)


@dataclass(frozen=True)
class TemplateImportResult:
    surveys: int
    products: int
    assessments: int
    final_assessments: int = 0
    survey_ids: tuple[uuid.UUID, ...] = ()


# The columns of each sheet.


def _survey_number(value: object, label: str) -> int | None:
    number = cell_count(value, label)
    if number == 0:
        raise CellValueError(f"{label} dimulai dari 1.", f"{label} starts at 1.")
    return number


_CODE = re.compile(r"\d{2}\.\d{2}\.\d{2}\.\d{4}")


def _village_code(value: object, label: str) -> str | None:
    """The code at the start of a drop-down entry ("63.08.07.2001 — Banjang (...)")."""
    text = cell_text(value)
    if text is None:
        return None
    if (match := _CODE.match(text)) is None:
        raise CellValueError(
            f"{label} '{text}' tidak dikenali; pilih desa dari daftar.",
            f"{label} '{text}' is not recognised; choose the village from the list.",
        )
    return match.group()


NUMBER = Field(
    "number",
    Column("No. survei", Kind.COUNT, 10, "Nomor urut survei (1, 2, 3, …): menghubungkan lembar."),
    _survey_number,
    required=True,
)
SURVEY_FIELDS = (
    NUMBER,
    Field("village_code", Column("Kode desa", width=50), _village_code, required=True),
    Field("survey_date", Column("Tanggal", Kind.DATE, 12, "hari/bulan/tahun"), cell_date, True),
    Field("officer", Column("Nama petugas", width=24)),
    Field("hamlet", Column("Dusun/RT")),
    Field("population", Column("Jumlah penduduk", Kind.COUNT, 12), cell_count),
    Field("households", Column("Jumlah KK", Kind.COUNT, 10), cell_count),
    Field("main_livelihoods", Column("Mata pencaharian utama", width=30)),
    Field("road_access", Column("Akses jalan", width=18)),
    Field("electricity", Column("Listrik", width=14)),
    Field("mobile_signal", Column("Sinyal seluler", width=14)),
    Field("cooperatives_count", Column("Jumlah koperasi", Kind.COUNT, 11), cell_count),
    Field("has_bumdes", Column("BUMDes", Kind.FLAG, 9), cell_flag),
    Field("umkm_count", Column("Jumlah UMKM", Kind.COUNT, 10), cell_count),
    Field("notes", Column("Catatan", width=40)),
)


def _product_fields(rubric: Rubric) -> tuple[Field, ...]:
    categories = {c.name_id: c.id for c in rubric.categories}
    categories |= {c.id: c.id for c in rubric.categories}
    reaches = {label: reach for reach, label in MARKET_REACH_LABELS.items()}
    return (
        NUMBER,
        Field("name", Column("Nama produk", width=30), required=True),
        Field("category", Column("Kategori", width=28), cell_choice(categories), required=True),
        Field("description", Column("Deskripsi", width=36)),
        Field("producer_units", Column("Unit usaha", Kind.COUNT, 10), cell_count),
        Field(
            "producer_units_grouped",
            Column("Unit usaha dalam kelompok/koperasi", Kind.COUNT, 14),
            cell_count,
        ),
        Field("workers", Column("Tenaga kerja", Kind.COUNT, 10), cell_count),
        Field("monthly_production", Column("Produksi per bulan", Kind.QUANTITY, 12), cell_quantity),
        Field("production_unit", Column("Satuan", width=10)),
        Field("unit_price_idr", Column("Harga satuan (Rp)", Kind.RUPIAH, 14), cell_count),
        Field("local_material_pct", Column("Bahan baku lokal (%)", Kind.PERCENT, 12), cell_percent),
        Field(
            "market_reach",
            Column("Jangkauan pasar", width=16),
            cell_choice(reaches | {r: r for r in reaches.values()}),
        ),
        *(
            Field(f"permit_{p.lower()}", Column(p, Kind.FLAG, 8), cell_flag, label=p)
            for p in PERMITS
        ),
        Field("story", Column("Cerita produk", width=40)),
    )


def _level_fields(rubric: Rubric) -> tuple[Field, ...]:
    return (
        NUMBER,
        Field("name", Column("Nama produk", width=30), required=True),
        *(
            Field(c.id, Column(f"{c.id} {c.name_id}", Kind.COUNT, 14), cell_level, label=c.id)
            for c in rubric.criteria
        ),
    )


# Writing the template.


def village_choices(db: Database) -> tuple[list[str], bool]:
    """Drop-down entries "63.08.07.2001 — Banjang (Banjang, Kab. Hulu Sungai Utara)", by code,
    and whether the list was cut to the villages of Kalimantan Selatan."""
    with db.session() as session:
        total = session.scalar(select(func.count()).where(villages_only())) or 0
        statement = with_parents().where(villages_only()).order_by(Region.code)
        capped = total >= VILLAGE_LIST_CAP
        if capped:
            statement = statement.where(Region.code.startswith(KALSEL + "."))
        rows = session.execute(statement).all()
    return [_village_label(region_hit(*row)) for row in rows], capped


def _village_label(village: RegionHit) -> str:
    places = [p for p in (village.district, short_regency(village.regency or "")) if p]
    code, name = village.code, village.name
    return f"{code} — {name} ({', '.join(places)})" if places else f"{code} — {name}"


def _data_sheet(workbook: Any, title: str, fields: Sequence[Field]) -> Any:
    """An input sheet: its header, formats for dates and rupiah, Ya/Tidak drop-downs."""
    ws = workbook.create_sheet(title)
    columns = [f.column for f in fields]
    lay_out(ws, columns, with_filter=False)
    ws.append(header_cells(ws, columns))
    for index, f in enumerate(fields, start=1):
        if f.column.kind is Kind.FLAG:
            _validate(
                ws,
                fields,
                f.key,
                list_validation('"Ya,Tidak"', "Ya atau Tidak.", "Isi Ya atau Tidak."),
            )
        number_format = {Kind.DATE: "dd/mm/yyyy", Kind.RUPIAH: "#,##0"}.get(f.column.kind)
        for row in range(2, TEMPLATE_ROWS + 2) if number_format else ():
            ws.cell(row=row, column=index).number_format = number_format
    whole = DataValidation(
        type="whole",
        operator="greaterThanOrEqual",
        formula1="1",
        allow_blank=True,
        showErrorMessage=True,
        error="No. survei adalah bilangan bulat 1, 2, 3, …",
    )
    _validate(ws, fields, NUMBER.key, whole)
    return ws


def _validate(ws: Any, fields: Sequence[Field], key: str, rule: DataValidation) -> None:
    letter = get_column_letter(next(i for i, f in enumerate(fields, start=1) if f.key == key))
    ws.add_data_validation(rule)
    rule.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")


def _from_list(column: str, count: int, what: str) -> DataValidation:
    formula = f"{LISTS}!${column}$2:${column}${count + 1}"
    return list_validation(formula, f"Pilih {what}.", f"Pilih {what} dari daftar.")


def write_template(db: Database, rubric: Rubric, target: Path) -> Path:
    """Write an empty survey template for `rubric`, with drop-downs from the region list."""
    villages, capped = village_choices(db)
    if not villages:
        raise InvalidInputError(
            "Daftar wilayah belum diimpor. Impor daftar wilayah Kemendagri dulu, lalu buat "
            "templat lagi.",
            "The region list has not been imported. Import the Kemendagri list first, then make "
            "the template again.",
        )
    workbook = Workbook()
    _write_guide(workbook.active, rubric, len(villages), capped)
    categories = [c.name_id for c in rubric.categories]
    reaches = list(MARKET_REACH_LABELS.values())
    products, levels = _product_fields(rubric), _level_fields(rubric)

    surveys_ws = _data_sheet(workbook, SURVEYS, SURVEY_FIELDS)
    _validate(surveys_ws, SURVEY_FIELDS, "village_code", _from_list("A", len(villages), "desa"))
    products_ws = _data_sheet(workbook, PRODUCTS, products)
    _validate(products_ws, products, "category", _from_list("B", len(categories), "kategori"))
    _validate(
        products_ws, products, "market_reach", _from_list("C", len(reaches), "jangkauan pasar")
    )
    levels_ws = _data_sheet(workbook, LEVEL_SHEET, levels)
    name = get_column_letter(next(i for i, f in enumerate(products, 1) if f.key == "name"))
    names = list_validation(
        f"{PRODUCTS}!${name}$2:${name}${TEMPLATE_ROWS + 1}",
        "Nama produk seperti di lembar Kandidat.",
        "Tulis nama produk persis seperti di lembar Kandidat.",
    )
    _validate(levels_ws, levels, "name", names)
    for criterion in rubric.criteria:
        _validate(levels_ws, levels, criterion.id, _from_list("D", len(LEVELS), "tingkat 1–5"))

    lists = workbook.create_sheet(LISTS)
    lists.sheet_state = "hidden"
    # The rubric the levels are written against is checked on import.
    columns: list[tuple[str, Sequence[object]]] = [
        ("Desa/Kelurahan", villages),
        ("Kategori", categories),
        ("Jangkauan pasar", reaches),
        ("Tingkat", LEVELS),
        ("Rubrik", (rubric.id, rubric.version)),
    ]
    for index, (header, values) in enumerate(columns, start=1):
        for row, value in enumerate((header, *values), start=1):
            lists.cell(row=row, column=index, value=value)
    return save_workbook(workbook, target)


def _write_guide(ws: Any, rubric: Rubric, villages: int, capped: bool) -> None:
    ws.title = GUIDE
    where = " Kalimantan Selatan" if capped else ""
    steps = (
        f"Rubrik {rubric.name} versi {rubric.version}; templat dibuat "
        f"{format_date_id(date.today())}. Jangan mengubah nama lembar atau judul kolom.",
        "1. Lembar Survei: satu baris untuk setiap desa yang disurvei. Beri nomor urut di kolom "
        "'No. survei' (1, 2, 3, …); nomor ini menghubungkan baris di lembar Kandidat dan Tingkat.",
        f"2. Kode desa: klik sel lalu pilih dari daftar ({villages} desa/kelurahan{where}); "
        "mengetik awal kode mempersempit daftar.",
        "3. Tanggal ditulis hari/bulan/tahun, misalnya 03/08/2026. Angka boleh memakai titik "
        "ribuan (1.250); pecahan memakai koma (12,5).",
        "4. Lembar Kandidat: satu baris untuk setiap produk kandidat, dengan No. survei desanya. "
        "Kategori dan jangkauan pasar dipilih dari daftar; kolom izin diisi Ya atau Tidak.",
        "5. Lembar Tingkat: satu baris untuk setiap produk yang dinilai, dengan No. survei dan "
        "nama produk persis seperti di lembar Kandidat. Isi tingkat 1–5 untuk setiap kriteria "
        f"(lihat tabel di bawah). Bila semua {len(rubric.criteria)} kriteria terisi, penilaian "
        "disimpan final; bila belum, disimpan sebagai draf.",
        "6. Impor berkas ini di OVOP Desktop (halaman Sinkronisasi) atau dengan perintah "
        "'ovop surveys import-xlsx BERKAS.xlsx'. Semua baris diperiksa lebih dulu: bila ada "
        "kesalahan, tidak ada yang disimpan, dan setiap kesalahan disebut dengan nama lembar dan "
        "nomor barisnya.",
        "7. Survei hasil impor berstatus draf: periksa di OVOP Desktop, lalu finalkan.",
    )
    ws.append(["Templat survei potensi desa dan penilaian produk OVOP"])
    ws["A1"].font = Font(bold=True, size=14)
    for step in steps:
        ws.append([])
        for line in textwrap.wrap(step, 110):
            ws.append([line])
    ws.append([])
    ws.append(["Kriteria dan tingkat"])
    ws.cell(row=ws.max_row, column=1).font = Font(bold=True, size=12)
    headers = ["Kode", "Kriteria", "Bobot", *(f"Tingkat {level}" for level in LEVELS)]
    ws.append(headers)
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for criterion in rubric.criteria:
        texts = [criterion.descriptor(level).text_id for level in LEVELS]
        ws.append([criterion.id, criterion.name_id, criterion.weight, *texts])
        for cell in ws[ws.max_row]:
            cell.alignment = wrap
        # Excel does not grow a row to fit wrapped text written by a program.
        ws.row_dimensions[ws.max_row].height = 15 * max(len(t) // 30 + 1 for t in texts)
    for letter, width in zip("ABCDEFGH", (8, 28, 7, 32, 32, 32, 32, 32), strict=True):
        ws.column_dimensions[letter].width = width


# Reading a filled template.
