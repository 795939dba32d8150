"""Spreadsheet helpers for the XLSX/CSV exports and the survey template: text a spreadsheet would
run as a formula is neutralised, tables are styled the same everywhere, files are written
atomically, and typed cells are read back with plain Indonesian errors.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import IO, Any, TypeAlias
from zipfile import BadZipFile

from openpyxl import load_workbook  # type: ignore[import-untyped]
from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # type: ignore[import-untyped]
from openpyxl.comments import Comment  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]

from ovop_desktop.core.errors import DomainError
from ovop_desktop.core.formatting import parse_number_id
from ovop_desktop.core.rubric import LEVELS
from ovop_desktop.core.text import fold
from ovop_desktop.db.survey_models import MARKET_REACHES
from ovop_desktop.exchange.xlsx_guard import check_xlsx
from ovop_desktop.files import atomic_open, atomic_path

CellValue: TypeAlias = str | int | float | Decimal | date | bool | None

# OWASP "CSV injection": a cell starting with one of these is run as a formula by spreadsheets.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
HEADER_FILL = PatternFill("solid", start_color="FFDDEBF7", end_color="FFDDEBF7")
HEADER_FONT = Font(bold=True)
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="top")
MIN_WIDTH, MAX_WIDTH = 8, 60
WIDTH_SAMPLE_ROWS = 500


# Where a product sells, as the Indonesian interface names it.
MARKET_REACH_LABELS = dict(
    zip(
        MARKET_REACHES,
        ("Desa", "Kecamatan", "Kabupaten/Kota", "Provinsi", "Nasional", "Ekspor"),
        strict=True,
    )
)


def neutralise(value: CellValue) -> CellValue:
    """Text that would start a formula comes out as text with a leading quote; other values
    (numbers, dates, text starting otherwise) are returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class Kind(StrEnum):
    """What a column holds, which decides its number format in XLSX and its text in CSV."""

    TEXT = "text"
    COUNT = "count"  # whole numbers: people, households, units
    RUPIAH = "rupiah"
    QUANTITY = "quantity"  # production: whole or with decimals
    PERCENT = "percent"
    TOTAL = "total"  # scores, two decimals
    DATE = "date"
    FLAG = "flag"  # Ya / Tidak
    COORDINATE = "coordinate"  # latitude, longitude in degrees


NUMBER_FORMATS = {
    Kind.COUNT: "#,##0",
    Kind.RUPIAH: "#,##0",
    Kind.QUANTITY: "#,##0",
    Kind.PERCENT: "0",
    Kind.TOTAL: "0.00",
    Kind.DATE: "dd/mm/yyyy",
    Kind.COORDINATE: "0.000000",
}
QUANTITY_FRACTION_FORMAT = "#,##0.00"


@dataclass(frozen=True)
class Column:
    header: str
    kind: Kind = Kind.TEXT
    width: int | None = None
    note: str | None = None  # shown as a comment on the header cell


@dataclass(frozen=True)
class Table:
    """One sheet of an export, or one CSV file."""

    title: str
    columns: tuple[Column, ...]
    rows: Sequence[Sequence[CellValue]]


def yes_no(value: bool | None) -> str | None:
    return None if value is None else ("Ya" if value else "Tidak")


def _xlsx_value(value: CellValue, kind: Kind) -> CellValue:
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, Decimal):
        return float(value)
    if kind is Kind.QUANTITY and isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        # Control characters pasted from other programs cannot be stored in XLSX at all.
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return neutralise(value)


def header_cells(ws: Any, columns: Sequence[Column]) -> list[Any]:
    """The header row: bold on a pale fill, wrapped, with the column's note as a comment."""
    cells = []
    for column in columns:
        cell = WriteOnlyCell(ws, neutralise(column.header))
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = HEADER_ALIGNMENT
        if column.note:
            cell.comment = Comment(column.note, "OVOP Desktop")
        cells.append(cell)
    return cells


def lay_out(
    ws: Any,
    columns: Sequence[Column],
    rows: Sequence[Sequence[CellValue]] = (),
    *,
    with_filter: bool = True,
) -> None:
    """Frozen header row, filter buttons over the table and readable column widths.

    Call before the first row is appended: a write-only sheet writes these ahead of its rows.
    """
    ws.freeze_panes = "A2"
    if with_filter and columns:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    for index, column in enumerate(columns):
        width = column.width
        if width is None:
            longest = max(
                (
                    len(str(row[index]))
                    for row in rows[:WIDTH_SAMPLE_ROWS]
                    if row[index] is not None
                ),
                default=0,
            )
            header = max((len(word) for word in column.header.split()), default=0)
            width = min(MAX_WIDTH, max(MIN_WIDTH, header + 2, longest + 2))
        ws.column_dimensions[get_column_letter(index + 1)].width = width


def data_cell(ws: Any, value: CellValue, kind: Kind) -> Any:
    """A value ready for `ws.append`: text neutralised, numbers and dates formatted."""
    value = _xlsx_value(value, kind)
    number_format = NUMBER_FORMATS.get(kind)
    if number_format is None or value is None or isinstance(value, str):
        return value
    cell = WriteOnlyCell(ws, value)
    fractional = kind is Kind.QUANTITY and isinstance(value, float)
    cell.number_format = QUANTITY_FRACTION_FORMAT if fractional else number_format
    return cell


def add_table_sheet(workbook: Any, table: Table) -> Any:
    """Append `table` as a new sheet (write-only workbooks included) and return the sheet."""
    ws = workbook.create_sheet(table.title)
    lay_out(ws, table.columns, table.rows)
    ws.append(header_cells(ws, table.columns))
    kinds = [column.kind for column in table.columns]
    for row in table.rows:
        ws.append([data_cell(ws, v, kind) for v, kind in zip(row, kinds, strict=True)])
    return ws


def save_workbook(workbook: Any, target: Path) -> Path:
    """Save `workbook` to `target` atomically: a reader never sees half a file and a failed
    save leaves the old one in place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(target) as temporary:
        workbook.save(temporary)
    return target


def csv_text(value: CellValue, kind: Kind, delimiter: str) -> str:
    """A value as CSV text. With `;` (Indonesian Excel) decimals take a comma and dates are
    dd/mm/yyyy; with `,` decimals take a point and dates are ISO, which every tool reads."""
    indonesian = delimiter == ";"
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y") if indonesian else value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        if kind is Kind.TOTAL:
            text = f"{Decimal(str(value)):.2f}"
        elif isinstance(value, float) and value.is_integer():
            text = str(int(value))
        else:
            text = str(value)
        return text.replace(".", ",") if indonesian else text
    return str(neutralise(value))


def write_csv(table: Table, target: Path, *, delimiter: str = ",") -> Path:
    """UTF-8 with a BOM, so that Excel recognises the encoding; every text value neutralised."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_open(target) as handle:
        text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
        _write_rows(text, table, delimiter)
        text.detach()  # flushed; the bytes handle stays open for atomic_open to sync and close
    return target


def _write_rows(stream: IO[str], table: Table, delimiter: str) -> None:
    writer = csv.writer(stream, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([csv_text(c.header, Kind.TEXT, delimiter) for c in table.columns])
    for row in table.rows:
        writer.writerow(
            [csv_text(v, c.kind, delimiter) for v, c in zip(row, table.columns, strict=True)]
        )


# Reading typed cells back (the survey template). Each reader takes the raw cell value and the
# column's name for its message, and returns None for an empty cell.


class CellValueError(DomainError):
    """A cell whose value cannot be used; the message names the column, not the row."""


class UnreadableWorkbookError(DomainError):
    """A file openpyxl cannot read as a workbook."""


def cell_text(value: object, _label: str = "") -> str | None:
    """The cell as trimmed text; empty cells and blank text are None."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        value = value.strftime("%d/%m/%Y")
    text = " ".join(str(value).split())
    return text or None


def cell_number(value: object, label: str) -> Decimal | None:
    """A number typed as a number, or as text the Indonesian way (1.234 or 12,5)."""
    if isinstance(value, bool):
        raise CellValueError(
            f"{label}: '{value}' bukan angka.", f"{label}: '{value}' is no number."
        )
    if isinstance(value, int | float):
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    text = cell_text(value)
    if text is None:
        return None
    try:
        return parse_number_id(text)
    except DomainError as exc:
        raise CellValueError(f"{label}: {exc.message_id}", f"{label}: {exc.message_en}") from exc


def cell_quantity(value: object, label: str) -> float | None:
    """A number of zero or more, with or without decimals."""
    number = cell_number(value, label)
    if number is not None and number < 0:
        raise CellValueError(f"{label} tidak boleh negatif.", f"{label} cannot be negative.")
    return None if number is None else float(number)


def cell_count(value: object, label: str) -> int | None:
    """A whole number of zero or more."""
    number = cell_number(value, label)
    if number is None:
        return None
    if number != number.to_integral_value() or number < 0:
        raise CellValueError(
            f"{label} harus bilangan bulat 0 atau lebih, bukan '{cell_text(value)}'.",
            f"{label} must be a whole number of 0 or more, not '{cell_text(value)}'.",
        )
    return int(number)


def cell_percent(value: object, label: str) -> int | None:
    number = cell_count(value, label)
    if number is not None and number > 100:
        raise CellValueError(f"{label} harus 0–100.", f"{label} must be 0–100.")
    return number


def cell_level(value: object, label: str) -> int | None:
    """A level 1–5; None for an empty cell (belum dinilai)."""
    number = cell_number(value, label)
    if number is not None and number not in LEVELS:
        raise CellValueError(
            f"tingkat {label} harus 1 sampai 5, bukan '{cell_text(value)}'.",
            f"level {label} must be 1 to 5, not '{cell_text(value)}'.",
        )
    return None if number is None else int(number)


_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
EXCEL_EPOCH = date(1899, 12, 30)
EXCEL_DAYS_2000 = (date(2000, 1, 1) - EXCEL_EPOCH).days
EXCEL_DAYS_2100 = (date(2100, 1, 1) - EXCEL_EPOCH).days


def cell_date(value: object, label: str) -> date | None:
    """A date cell, dd/mm/yyyy text (also with - or .), ISO text, or an Excel day number."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    if text is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        # A date cell that lost its format reads as Excel's day number (45872 is 03/08/2025).
        if EXCEL_DAYS_2000 <= value < EXCEL_DAYS_2100:
            return EXCEL_EPOCH + timedelta(days=int(value))
        raise _not_a_date(label, text)
    if match := _DAY_FIRST.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
    elif match := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    else:
        raise _not_a_date(label, text)
    try:
        return date(year, month, day)
    except ValueError:
        raise _not_a_date(label, text) from None


def _not_a_date(label: str, text: str) -> CellValueError:
    return CellValueError(
        f"{label} '{text}' bukan tanggal yang sah; tulis hari/bulan/tahun, mis. 03/08/2026.",
        f"{label} '{text}' is not a valid date; write day/month/year, e.g. 03/08/2026.",
    )


_YES = {"ya", "y", "yes", "true", "1", "ada", "x", "v", "✓"}
_NO = {"tidak", "t", "tdk", "no", "n", "false", "0", "tidak ada", "-"}


def cell_flag(value: object, label: str) -> bool | None:
    """Ya / Tidak (also y/t, 1/0, x for ticked); None for an empty cell."""
    if isinstance(value, bool):
        return value
    text = cell_text(value)
    if text is None:
        return None
    if text.casefold() in _YES:
        return True
    if text.casefold() in _NO:
        return False
    raise CellValueError(
        f"{label} diisi Ya atau Tidak, bukan '{text}'.", f"{label} takes Ya or Tidak, not '{text}'."
    )


CellReader: TypeAlias = Callable[[object, str], Any]


def cell_choice(options: Mapping[str, str]) -> CellReader:
    """A reader for a drop-down column: `options` maps what may be typed (compared without case
    or accents) to the value stored."""
    folded = {fold(shown): value for shown, value in options.items()}

    def read(value: object, label: str) -> str | None:
        text = cell_text(value)
        if text is None:
            return None
        if fold(text) not in folded:
            raise CellValueError(
                f"{label} '{text}' tidak ada dalam daftar.", f"{label} '{text}' is not in the list."
            )
        return folded[fold(text)]

    return read


@dataclass(frozen=True)
class Field:
    """A column of a sheet that is read back: where its value goes and how it is read."""

    key: str
    column: Column
    read: CellReader = cell_text
    required: bool = False
    label: str = ""  # how messages name the column, when not its header in lower case

    @property
    def name(self) -> str:
        header = self.column.header
        return self.label or (header[0].lower() + header[1:] if header[1:2].islower() else header)

    def matches(self, header: str) -> bool:
        """The header cell of this column: its text, or (criteria) starting with the label."""
        text = fold(header)
        return text == fold(self.column.header) or (
            bool(self.label) and text.split(" ")[0] == fold(self.label)
        )


@dataclass(frozen=True)
class SheetProblem:
    """One thing to fix, with its sheet and row (None: the whole sheet)."""

    sheet: str
    row: int | None
    message_id: str
    message_en: str

    def __str__(self) -> str:
        where = f"{self.sheet} baris {self.row}" if self.row else self.sheet
        return f"{where}: {self.message_id}"

    @property
    def text_en(self) -> str:
        where = f"{self.sheet} row {self.row}" if self.row else self.sheet
        return f"{where}: {self.message_en}"


Row: TypeAlias = tuple[Any, ...]


def read_rows(
    sheet: str, rows: Sequence[Row], fields: Sequence[Field], problems: list[SheetProblem]
) -> list[tuple[int, dict[str, Any]]]:
    """The filled rows under the header row as (row number, values by field key), columns found
    by their header. A value that cannot be read is added to `problems` and left None."""
    header = [cell_text(v) or "" for v in (rows[0] if rows else ())]
    positions: dict[str, int] = {}
    for f in fields:
        found = next((i for i, text in enumerate(header) if f.matches(text)), None)
        if found is not None:
            positions[f.key] = found
        elif f.required:
            problems.append(
                SheetProblem(
                    sheet,
                    1,
                    f"kolom '{f.column.header}' tidak ada; pakai templat dari OVOP Desktop.",
                    f"column '{f.column.header}' is missing; use a template from OVOP Desktop.",
                )
            )
    read = []
    for number, row in enumerate(rows[1:], start=2):
        if all(cell_text(v) is None for v in row):
            continue
        values: dict[str, Any] = {}
        for f in fields:
            index = positions.get(f.key)
            raw = row[index] if index is not None and index < len(row) else None
            try:
                values[f.key] = f.read(raw, f.name)
            except CellValueError as exc:
                problems.append(SheetProblem(sheet, number, exc.message_id, exc.message_en))
                values[f.key] = None
                continue
            if values[f.key] is None and f.required:
                message = (f"{f.name} wajib diisi.", f"{f.name} must be filled in.")
                problems.append(SheetProblem(sheet, number, *message))
        read.append((number, values))
    return read


def read_sheets(source: Path, titles: Collection[str]) -> dict[str, list[Row]]:
    """The cell values of the sheets named `titles` that `source` has, row by row.

    Size, rows, XML declarations and cell types are checked first (`check_xlsx`, which raises
    `XlsxRefusedError`): openpyxl never sees a hostile file, whoever calls this."""
    check_xlsx(source)
    try:
        with warnings.catch_warnings():
            # Excel extensions openpyxl does not keep (its own kind of validation): harmless.
            warnings.simplefilter("ignore", UserWarning)
            workbook = load_workbook(source, read_only=True, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, ValueError) as exc:
        raise UnreadableWorkbookError(
            f"{source.name} bukan berkas XLSX yang dapat dibaca. Simpan sebagai Excel Workbook "
            "(.xlsx), lalu coba lagi.",
            f"{source.name} is not a readable XLSX file. Save it as an Excel Workbook (.xlsx), "
            "then try again.",
        ) from exc
    try:
        sheets = {}
        for ws in workbook.worksheets:
            if ws.title in titles:
                ws.reset_dimensions()  # some programs record a wrong size: read every cell
                sheets[ws.title] = list(ws.iter_rows(values_only=True))
        return sheets
    finally:
        workbook.close()


def list_validation(formula: str, prompt: str, error: str) -> DataValidation:
    """A drop-down of the values `formula` names ("Daftar!$B$2:$B$13" or '"Ya,Tidak"')."""
    return DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        errorTitle="Pilih dari daftar",
        error=error,
        promptTitle="Pilih dari daftar",
        prompt=prompt,
    )
