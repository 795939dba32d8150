"""The region reference list as CSV: reading both formats and explaining every problem by line."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Literal, NamedTuple

from ovop_desktop.core.errors import DomainError
from ovop_desktop.core.regions import RegionCodeError, RegionLevel, parse_code

RegionCsvFormat = Literal["lengkap", "kode-nama"]
_FULL_HEADER = ("kode", "nama", "tingkat", "kode_induk")
_SHORT_HEADER = ("kode", "nama")
_MAX_LISTED_PROBLEMS = 50
# A region's code or name is a few dozen characters; a longer field is a wrong file, not a region.
MAX_FIELD_CHARS = 10_000
_BOM = b"\xef\xbb\xbf"
_LEVEL_BY_TINGKAT = {level.value: level for level in RegionLevel}
# A code parse_code accepts, in the form every row of a real list has it: its ranges (provinsi
# 11–99, kabupaten/kota not 00 or 70, kecamatan not 00, village 1/2/3 then not 000) in one
# pattern, so that the 91,599 rows of the Indonesia list are read without making a RegionCode
# each. Anything else goes through parse_code, which says what is wrong.
_VALID_CODE = re.compile(
    r"(?:1[1-9]|[2-9][0-9])(?:\.(?!00|70)[0-9]{2}(?:\.(?!00)[0-9]{2}(?:\.[123](?!000)[0-9]{3})?)?)?"
)
_LEVEL_BY_LENGTH = {
    2: RegionLevel.PROVINSI,
    5: RegionLevel.KABUPATEN_KOTA,
    8: RegionLevel.KECAMATAN,
}
_VILLAGE_BY_DIGIT = {"1": RegionLevel.KELURAHAN, "2": RegionLevel.DESA, "3": RegionLevel.DESA_ADAT}


class _Code(NamedTuple):
    """What a row needs of its valid code (core.regions.RegionCode's code, level, parent)."""

    code: str
    level: RegionLevel
    parent: str | None


def _read_code(raw_code: str) -> _Code:
    """The valid code's level and parent; raises RegionCodeError as parse_code does."""
    if _VALID_CODE.fullmatch(raw_code):
        level = _LEVEL_BY_LENGTH.get(len(raw_code)) or _VILLAGE_BY_DIGIT[raw_code[9]]
        parent = raw_code.rpartition(".")[0] or None
        return _Code(raw_code, level, parent)
    region = parse_code(raw_code)
    return _Code(region.code, region.level, region.parent)


@dataclass(frozen=True, slots=True)
class RegionRow:
    code: str
    name: str
    level: RegionLevel
    parent: str | None


@dataclass(frozen=True, slots=True)
class RegionCsv:
    """A validated region list: ``rows`` sorted parents first (by depth, then code)."""

    rows: tuple[RegionRow, ...]
    format: RegionCsvFormat
    counts: dict[RegionLevel, int]


@dataclass(frozen=True, slots=True)
class RowProblem:
    """One problem in a region file; ``line`` is the 1-based line as a text editor shows it."""

    line: int
    code: str | None
    message_id: str
    message_en: str

    @property
    def text_id(self) -> str:
        return f"Baris {self.line}: {self.message_id}"

    @property
    def text_en(self) -> str:
        return f"Line {self.line}: {self.message_en}"


class RegionCsvError(DomainError):
    """A region file that cannot be imported; ``problems`` holds every problem found.

    The message lists the first 50 problems, then "... dan N masalah lain".
    """

    def __init__(self, problems: tuple[RowProblem, ...]) -> None:
        shown = problems[:_MAX_LISTED_PROBLEMS]
        rest = len(problems) - len(shown)
        lines_id = [p.text_id for p in shown] + ([f"... dan {rest} masalah lain"] if rest else [])
        lines_en = [p.text_en for p in shown] + ([f"... and {rest} more"] if rest else [])
        super().__init__(
            f"Berkas wilayah tidak dapat diimpor ({len(problems)} masalah):\n"
            + "\n".join(lines_id),
            f"The region file cannot be imported ({len(problems)} problems):\n"
            + "\n".join(lines_en),
        )
        self.problems = problems


def parse_region_csv(data: bytes, known_codes: Collection[str] = ()) -> RegionCsv:
    """Read and validate a region reference list; raise :class:`RegionCsvError` on any problem.

    Two formats are accepted, comma or semicolon separated (the first of ``,`` or ``;`` on the
    first non-blank line decides, since a code or the header word ``kode`` never contains
    either):

    * ``lengkap``: header ``kode,nama,tingkat,kode_induk``; level and parent must agree with
      the code.
    * ``kode-nama``: ``kode,nama`` with or without that header; level and parent come from the
      code.

    A parent must be in the file or in ``known_codes`` (the regions already imported).
    The data must be UTF-8 (an optional BOM is skipped): other encodings are refused with the
    line of the first invalid byte rather than guessed.
    """
    text = _decode(data)
    first_line = next((line for line in io.StringIO(text, newline="") if line.strip()), "")
    delimiter = ";" if 0 <= first_line.find(";") < _find_or_end(first_line, ",") else ","
    reader = _CsvRecords(text, delimiter)
    problems: list[RowProblem] = []

    header: tuple[str, ...] | None = None
    records = iter(reader)
    first = next(records, None)
    if first is not None and first[1][0].strip().casefold() == "kode":
        cells = [cell.strip().casefold() for cell in first[1]]
        header = tuple(_drop_trailing_blanks(cells, len(_SHORT_HEADER)))
        if header not in (_FULL_HEADER, _SHORT_HEADER):
            raise RegionCsvError((_unknown_header(first[0], first[1], delimiter),))
    fmt: RegionCsvFormat = "lengkap" if header == _FULL_HEADER else "kode-nama"
    width = len(_FULL_HEADER) if fmt == "lengkap" else len(_SHORT_HEADER)

    pending = records if header is not None or first is None else _chain(first, records)
    parsed: list[tuple[int, RegionRow]] = []
    first_line_of: dict[str, int] = {}
    for line, cells in pending:
        cells = _drop_trailing_blanks(cells, width)
        code, row = _check_row(line, cells, width, fmt, problems)
        if code is None:
            continue
        if code in first_line_of:
            problems.append(_duplicate(line, code, first_line_of[code]))
            continue
        # A row with a valid code counts as present even if its other cells are wrong, so
        # that its children are not also reported as orphans.
        first_line_of[code] = line
        if row is not None:
            parsed.append((line, row))
    problems.extend(reader.problems)

    known = known_codes if isinstance(known_codes, AbstractSet) else frozenset(known_codes)
    for line, row in parsed:
        if row.parent is not None and row.parent not in first_line_of and row.parent not in known:
            problems.append(_unknown_parent(line, row))
    if not parsed and not problems:
        problems.append(
            RowProblem(
                1, None, "berkas tidak berisi satu pun wilayah", "the file contains no regions"
            )
        )
    if problems:
        problems.sort(key=lambda p: p.line)
        raise RegionCsvError(tuple(problems))

    rows = sorted((row for _, row in parsed), key=lambda r: (r.level.depth, r.code))
    counts = dict.fromkeys(RegionLevel, 0)
    for row in rows:
        counts[row.level] += 1
    return RegionCsv(rows=tuple(rows), format=fmt, counts=counts)


def _decode(data: bytes) -> str:
    body = data[len(_BOM) :] if data.startswith(_BOM) else data
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = body.count(b"\n", 0, exc.start) + 1
        byte = body[exc.start]
        raise RegionCsvError(
            (
                RowProblem(
                    line,
                    None,
                    f"berkas bukan UTF-8 (byte 0x{byte:02X} tidak dikenal); simpan berkas sebagai "
                    'UTF-8 (di Excel: "CSV UTF-8") lalu impor lagi',
                    f"the file is not UTF-8 (unrecognised byte 0x{byte:02X}); save the file as "
                    'UTF-8 (in Excel: "CSV UTF-8") and import it again',
                ),
            )
        ) from None


def _find_or_end(text: str, sub: str) -> int:
    found = text.find(sub)
    return len(text) if found < 0 else found


class _CsvRecords:
    """Yields ``(first line, cells)`` for each non-blank record; notes unreadable ones."""

    def __init__(self, text: str, delimiter: str) -> None:
        self._reader = csv.reader(
            io.StringIO(text, newline=""), delimiter=delimiter, skipinitialspace=True
        )
        self.problems: list[RowProblem] = []

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        reader = self._reader
        previous_end = 0
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                line = previous_end + 1
                if "field larger than field limit" in str(exc):
                    self.problems.append(_field_too_long(line))
                else:
                    self.problems.append(_unclosed_quote(line))
                return
            line = previous_end + 1
            previous_end = reader.line_num
            if not "".join(cells).strip():  # no cell holds anything
                continue
            if max(map(len, cells)) > MAX_FIELD_CHARS:
                self.problems.append(_field_too_long(line))
                continue
            if reader.line_num > line and any("\n" in c or "\r" in c for c in cells):
                self.problems.append(_unclosed_quote(line))
                continue
            yield line, cells


def _chain(
    first: tuple[int, list[str]], rest: Iterator[tuple[int, list[str]]]
) -> Iterator[tuple[int, list[str]]]:
    yield first
    yield from rest


def _drop_trailing_blanks(cells: list[str], width: int) -> list[str]:
    # Excel writes "63;Kalimantan Selatan;;" when other rows of the sheet have more columns.
    end = len(cells)
    while end > width and not cells[end - 1].strip():
        end -= 1
    return cells[:end] if end < len(cells) else cells


def _check_row(
    line: int, cells: list[str], width: int, fmt: RegionCsvFormat, problems: list[RowProblem]
) -> tuple[str | None, RegionRow | None]:
    """Return the row's code if valid, and the row if it has no problem at all."""
    raw_code = cells[0].strip()
    if len(cells) != width:
        expected = ",".join(_FULL_HEADER if fmt == "lengkap" else _SHORT_HEADER)
        problems.append(
            RowProblem(
                line,
                raw_code or None,
                f"ada {len(cells)} kolom, seharusnya {width} ({expected})",
                f"{len(cells)} columns, expected {width} ({expected})",
            )
        )
        try:  # still let its children find it, to report this row only once
            return _read_code(raw_code).code, None
        except RegionCodeError:
            return None, None
    try:
        region = _read_code(raw_code)
    except RegionCodeError as exc:
        problems.append(
            RowProblem(
                line,
                raw_code or None,
                f"kode '{raw_code}' tidak sah: {exc.reason_id}",
                f"code '{raw_code}' is not valid: {exc.reason_en}",
            )
        )
        return None, None
    ok = True
    name = " ".join(cells[1].split())
    if not name:
        ok = False
        problems.append(
            RowProblem(line, region.code, "nama wilayah kosong", "the region name is empty")
        )
    if fmt == "lengkap":
        ok = _check_level(line, region, cells[2], problems) and ok
        ok = _check_parent_column(line, region, cells[3], problems) and ok
    if not ok:
        return region.code, None
    row = RegionRow(code=region.code, name=name, level=region.level, parent=region.parent)
    return region.code, row


def _check_level(line: int, region: _Code, cell: str, problems: list[RowProblem]) -> bool:
    level = _LEVEL_BY_TINGKAT.get(cell) or _LEVEL_BY_TINGKAT.get(" ".join(cell.split()).casefold())
    if level is None:
        allowed = ", ".join(level.value for level in RegionLevel)
        problems.append(
            RowProblem(
                line,
                region.code,
                f"tingkat '{cell.strip()}' tidak dikenal; pilihannya: {allowed}",
                f"unknown tingkat (level) '{cell.strip()}'; allowed: {allowed}",
            )
        )
        return False
    if level is not region.level:
        problems.append(
            RowProblem(
                line,
                region.code,
                f"tingkat '{level}' tidak cocok dengan kode '{region.code}', "
                f"yang berarti {region.level}",
                f"tingkat (level) '{level}' contradicts the code '{region.code}', "
                f"which means {region.level}",
            )
        )
        return False
    return True


def _check_parent_column(line: int, region: _Code, cell: str, problems: list[RowProblem]) -> bool:
    given = cell.strip()
    if given == (region.parent or ""):
        return True
    expected_id = f"'{region.parent}'" if region.parent else "kosong (provinsi tidak berinduk)"
    expected_en = f"'{region.parent}'" if region.parent else "empty (a province has no parent)"
    problems.append(
        RowProblem(
            line,
            region.code,
            f"kode_induk '{given}' tidak cocok dengan kode '{region.code}'; "
            f"seharusnya {expected_id}",
            f"kode_induk (parent) '{given}' contradicts the code '{region.code}'; "
            f"expected {expected_en}",
        )
    )
    return False


def _duplicate(line: int, code: str, first_line: int) -> RowProblem:
    return RowProblem(
        line,
        code,
        f"kode '{code}' ganda: sudah ada di baris {first_line}",
        f"duplicate code '{code}': already on line {first_line}",
    )


def _unknown_parent(line: int, row: RegionRow) -> RowProblem:
    return RowProblem(
        line,
        row.code,
        f"induk '{row.parent}' dari kode '{row.code}' tidak ada di berkas ini "
        "maupun di data wilayah yang sudah ada",
        f"the parent '{row.parent}' of code '{row.code}' is neither in this file "
        "nor in the regions already imported",
    )


def _unclosed_quote(line: int) -> RowProblem:
    return RowProblem(
        line,
        None,
        'tanda kutip (") dibuka tetapi tidak ditutup di baris yang sama',
        'a quotation mark (") is opened but not closed on the same line',
    )


def _field_too_long(line: int) -> RowProblem:
    return RowProblem(
        line,
        None,
        f"satu isian lebih dari {MAX_FIELD_CHARS:,} karakter; ".replace(",", ".")
        + "berkas ini bukan daftar wilayah atau rusak",
        f"a field is longer than {MAX_FIELD_CHARS:,} characters; "
        "this file is not a region list or is damaged",
    )


def _unknown_header(line: int, cells: list[str], delimiter: str) -> RowProblem:
    given = delimiter.join(cell.strip() for cell in cells)
    return RowProblem(
        line,
        None,
        f"judul kolom '{given}' tidak dikenal; gunakan 'kode,nama,tingkat,kode_induk' "
        "atau 'kode,nama'",
        f"unknown column header '{given}'; use 'kode,nama,tingkat,kode_induk' or 'kode,nama'",
    )
