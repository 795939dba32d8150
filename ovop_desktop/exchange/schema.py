"""One schema per exchanged table: what every value of a travelling record may be, derived from
the table's columns (type, length, nullability) plus the ranges, choices and hashes the columns
alone do not say. A record that passes can be stored on every backend and exported again.

`check_record` raises FieldError naming the field and the kind of fault; exchange.package_format
turns it into the refusal of the package, naming the table, the record and its line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, Final, NamedTuple

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    Integer,
    Numeric,
    SmallInteger,
    String,
    Uuid,
    inspect,
)
from sqlalchemy.orm import DeclarativeBase

from ovop_desktop.core.letter_identity import CODE_PATTERN
from ovop_desktop.db.base import UtcDateTime
from ovop_desktop.db.models import AssessmentLevel
from ovop_desktop.db.survey_models import (
    ASSESSMENT_STATUSES,
    MARKET_REACHES,
    SURVEY_STATUSES,
    Points,
)
from ovop_desktop.exchange.records import TABLES
from ovop_desktop.exchange.table_io import table_io
from ovop_desktop.exchange.values import (
    SHA256_HEX,
    aware_time,
    is_finite,
    is_int,
    is_number,
    is_storable_text,
)

TEXT_MAX: Final = 100_000  # characters of a column without its own length (notes, captions)
JSON_DEPTH_MAX: Final = 32  # nesting of a JSON value (a letter's snapshot is about 5 deep)
LEVELS_MAX: Final = 1_000  # criterion levels of one assessment
LETTER_STATUSES: Final = ("issued", "void", "replaced")
DECIMAL_TEXT = re.compile(r"-?[0-9]+(\.[0-9]+)?")
# A UUID exactly as str(uuid.UUID(...)) writes it: lowercase, hyphens in place, any version
# (what values.is_canonical_uuid accepts, without making a UUID object per value).
CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class Fault(StrEnum):
    """The kinds of fault a value can have; each has one message."""

    MISSING = "missing"
    NULL = "null"
    TYPE = "type"
    UUID = "uuid"
    NOT_FINITE = "not_finite"
    RANGE = "range"
    TOO_LONG = "too_long"
    TEXT = "text"
    TIME = "time"
    DATE = "date"
    DECIMAL = "decimal"
    CHOICE = "choice"
    SHA256 = "sha256"
    CODE = "code"
    NESTING = "nesting"
    DUPLICATE = "duplicate"


class Problem(NamedTuple):
    fault: Fault
    detail_id: str
    detail_en: str


class FieldError(ValueError):
    """One field of a record that is refused, and why."""

    def __init__(self, field: str, problem: Problem) -> None:
        super().__init__(f"{field}: {problem.detail_en}")
        self.field = field
        self.fault = problem.fault
        self.detail_id = problem.detail_id
        self.detail_en = problem.detail_en


Check = Callable[[Any], Problem | None]


# ---------------------------------------------------------------------------------------------
# Checks of one value (never None: nullability is the field's)


def _wrong_type(what_id: str, what_en: str) -> Problem:
    return Problem(Fault.TYPE, f"bukan {what_id}", f"is not {what_en}")


NOT_UUID: Final = Problem(Fault.UUID, "bukan UUID", "is not a UUID")


def check_uuid(value: Any) -> Problem | None:
    if isinstance(value, str) and CANONICAL_UUID.fullmatch(value) is not None:
        return None
    return NOT_UUID


def check_text(limit: int) -> Check:
    def check(value: Any) -> Problem | None:
        if type(value) is str and len(value) <= limit and value.isascii() and "\x00" not in value:
            return None  # plain ASCII text within the limit: most of a package
        if not isinstance(value, str):
            return _wrong_type("teks", "text")
        if len(value) > limit:
            return Problem(
                Fault.TOO_LONG,
                f"lebih panjang dari {limit} karakter",
                f"is longer than {limit} characters",
            )
        if not is_storable_text(value):
            return Problem(
                Fault.TEXT,
                "berisi karakter yang tidak dapat disimpan (NUL atau UTF-16 tanpa pasangan)",
                "holds characters that cannot be stored (NUL or an unpaired UTF-16 half)",
            )
        return None

    return check


def check_boolean(value: Any) -> Problem | None:
    return None if isinstance(value, bool) else _wrong_type("true/false", "true or false")


def check_integer(low: int, high: int) -> Check:
    def check(value: Any) -> Problem | None:
        if type(value) is int and low <= value <= high:  # (a bool's type is bool)
            return None
        if not is_int(value):
            return _wrong_type("bilangan bulat", "a whole number")
        return _outside(value, low, high)

    return check


def check_float(value: Any) -> Problem | None:
    if not is_number(value):
        return _wrong_type("angka", "a number")
    if not is_finite(value):
        return Problem(
            Fault.NOT_FINITE,
            "bukan angka terhingga (tak hingga, NaN, atau terlalu besar)",
            "is not a finite number (infinite, NaN or too large)",
        )
    return None


def check_decimal(precision: int, scale: int) -> Check:
    """Decimal text as exports write it ("12.50"), within the column's digits."""
    limit = Decimal(10) ** (precision - scale)

    def check(value: Any) -> Problem | None:
        if not isinstance(value, str):
            return _wrong_type("angka desimal dalam teks", "a decimal number as text")
        if len(value) > 2 * precision + 2 or not DECIMAL_TEXT.fullmatch(value):
            return Problem(
                Fault.DECIMAL,
                "bukan angka desimal (misalnya 72.50)",
                "is not a decimal number (such as 72.50)",
            )
        try:
            number = Decimal(value)
        except InvalidOperation:  # not reached after the pattern; kept for certainty
            return Problem(Fault.DECIMAL, "bukan angka desimal", "is not a decimal number")
        if abs(number) >= limit:
            return _outside(number, -limit, limit)
        if number != round(number, scale):
            return Problem(
                Fault.DECIMAL,
                f"memiliki lebih dari {scale} angka di belakang koma",
                f"has more than {scale} decimal places",
            )
        return None

    return check


def check_date(value: Any) -> Problem | None:
    if not isinstance(value, str):
        return _wrong_type("tanggal dalam teks", "a date as text")
    try:
        date.fromisoformat(value)
    except ValueError:
        return Problem(
            Fault.DATE,
            "bukan tanggal ISO 8601 (TTTT-BB-HH)",
            "is not an ISO 8601 date (YYYY-MM-DD)",
        )
    return None


def check_time(value: Any) -> Problem | None:
    if not isinstance(value, str):
        return _wrong_type("waktu dalam teks", "a time as text")
    if len(value) > 64 or aware_time(value) is None:
        return Problem(
            Fault.TIME,
            "bukan waktu ISO 8601 dengan zona waktunya",
            "is not an ISO 8601 time with its time zone",
        )
    return None


def check_json(value: Any, depth: int = 0) -> Problem | None:
    """Any JSON value that exports again: finite numbers, storable text, bounded nesting."""
    if depth > JSON_DEPTH_MAX:
        return Problem(
            Fault.NESTING,
            f"bersarang lebih dari {JSON_DEPTH_MAX} tingkat",
            f"is nested more than {JSON_DEPTH_MAX} levels deep",
        )
    if value is None or isinstance(value, bool | int):
        return None
    if isinstance(value, float):
        return check_float(value)
    if isinstance(value, str):
        return _json_text(value)
    items: Iterable[Any]
    if isinstance(value, list):
        items = value
    elif isinstance(value, dict):
        keys = (_json_text(key) for key in value)
        problem = next((p for p in keys if p is not None), None)
        if problem is not None:
            return problem
        items = value.values()
    else:  # not reached for values json.loads made
        return _wrong_type("nilai JSON", "a JSON value")
    for item in items:
        problem = check_json(item, depth + 1)
        if problem is not None:
            return problem
    return None


def check_sha256(value: Any) -> Problem | None:
    if isinstance(value, str) and SHA256_HEX.fullmatch(value):
        return None
    return Problem(
        Fault.SHA256,
        "bukan sidik SHA-256 (64 karakter heksadesimal huruf kecil)",
        "is not a SHA-256 (64 lowercase hexadecimal characters)",
    )


_json_text: Final = check_text(TEXT_MAX)
_key_text: Final = check_text(100)  # the name of a field outside the schema


# A letter's verification code, as core.letter_identity makes it; it also names the letter's file.
VERIFICATION_CODE: Final = re.compile(CODE_PATTERN)


def check_verification_code(value: Any) -> Problem | None:
    if isinstance(value, str) and VERIFICATION_CODE.fullmatch(value):
        return None
    return Problem(
        Fault.CODE,
        "bukan kode verifikasi surat (XXXXX-XXXXX, huruf besar dan angka)",
        "is not a letter verification code (XXXXX-XXXXX, capitals and digits)",
    )


def one_of(choices: Iterable[str]) -> Check:
    allowed = tuple(choices)

    def check(value: Any) -> Problem | None:
        if value in allowed:
            return None
        return Problem(
            Fault.CHOICE,
            f"bukan salah satu dari: {', '.join(allowed)}",
            f"is not one of: {', '.join(allowed)}",
        )

    return check


def between(low: float | None, high: float | None) -> Check:
    def check(value: Any) -> Problem | None:
        return _outside(value, low, high)

    return check


def _outside(value: Any, low: Any, high: Any) -> Problem | None:
    if (low is None or value >= low) and (high is None or value <= high):
        return None
    if high is None:
        return Problem(Fault.RANGE, f"kurang dari {low}", f"is below {low}")
    if low is None:
        return Problem(Fault.RANGE, f"lebih dari {high}", f"is above {high}")
    return Problem(
        Fault.RANGE, f"di luar rentang {low} sampai {high}", f"is outside {low} to {high}"
    )


# ---------------------------------------------------------------------------------------------
# Schemas


INT32: Final = 2**31 - 1
INT64: Final = 2**63 - 1
NOT_NEGATIVE: Final = between(0, None)
# What the columns alone do not say, by (table, field); "*" for every table.
EXTRA: Final[Mapping[tuple[str, str], Check]] = {
    ("*", "revision"): NOT_NEGATIVE,
    ("*", "base_revision"): NOT_NEGATIVE,
    ("surveys", "status"): one_of(SURVEY_STATUSES),
    ("surveys", "latitude"): between(-90, 90),
    ("surveys", "longitude"): between(-180, 180),
    ("surveys", "gps_accuracy_m"): NOT_NEGATIVE,
    ("surveys", "population"): NOT_NEGATIVE,
    ("surveys", "households"): NOT_NEGATIVE,
    ("surveys", "cooperatives_count"): NOT_NEGATIVE,
    ("surveys", "umkm_count"): NOT_NEGATIVE,
    ("candidate_products", "producer_units"): NOT_NEGATIVE,
    ("candidate_products", "producer_units_grouped"): NOT_NEGATIVE,
    ("candidate_products", "workers"): NOT_NEGATIVE,
    ("candidate_products", "monthly_production"): NOT_NEGATIVE,
    ("candidate_products", "unit_price_idr"): NOT_NEGATIVE,
    ("candidate_products", "local_material_pct"): between(0, 100),
    ("candidate_products", "market_reach"): one_of(MARKET_REACHES),
    ("assessments", "status"): one_of(ASSESSMENT_STATUSES),
    ("assessments", "total"): lambda text: _outside(Decimal(text), 0, None),
    ("assessments", "band_stars"): between(1, 5),
    ("assessments", "stars"): between(1, 5),
    ("attachments", "sha256"): check_sha256,
    ("attachments", "size_bytes"): NOT_NEGATIVE,
    ("attachments", "width"): NOT_NEGATIVE,
    ("attachments", "height"): NOT_NEGATIVE,
    ("letters", "status"): one_of(LETTER_STATUSES),
    ("letters", "pdf_sha256"): check_sha256,
    ("letters", "verification_code"): check_verification_code,
    ("letters", "year"): between(1, 9999),
    ("letters", "sequence"): NOT_NEGATIVE,
    ("assessment_levels", "level"): between(1, 5),
}


NULL_REQUIRED: Final = Problem(
    Fault.NULL, "kosong (null) padahal wajib diisi", "is null but required"
)
MISSING: Final = Problem(Fault.MISSING, "tidak ada", "is missing")
UNKNOWN: Final = Problem(Fault.TYPE, "tidak dikenal", "is unknown")
_ABSENT: Final = object()  # a field not in the record (None is a value: null)


@dataclass(frozen=True)
class FieldRule:
    name: str
    required: bool
    nullable: bool
    checks: tuple[Check, ...]

    def check(self, value: Any) -> Problem | None:
        if value is None:
            return None if self.nullable else NULL_REQUIRED
        for check in self.checks:
            problem = check(value)
            if problem is not None:
                return problem
        return None


@dataclass(frozen=True)
class TableSchema:
    table: str
    fields: Mapping[str, FieldRule]
    strict: bool = False  # whether keys outside the fields are refused (else checked as JSON)
    # The rules in the order they are checked, the id first, made once (a record is checked
    # for every line of a package: no sort, no rule object touched per record).
    _order: tuple[tuple[str, bool, bool, tuple[Check, ...]], ...] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        rules = sorted(self.fields.values(), key=lambda r: r.name != "id")
        order = tuple((r.name, r.required, r.nullable, r.checks) for r in rules)
        object.__setattr__(self, "_order", order)

    def check(self, record: Mapping[str, Any]) -> None:
        """Raise FieldError for the first field that breaks the schema, the id first."""
        present = 0
        for name, required, nullable, checks in self._order:
            value = record.get(name, _ABSENT)
            if value is _ABSENT:
                if required:
                    raise FieldError(name, MISSING)
                continue
            present += 1
            if value is None:
                if nullable:
                    continue
                raise FieldError(name, NULL_REQUIRED)
            for check in checks:
                problem = check(value)
                if problem is not None:
                    raise FieldError(name, problem)
        if present == len(record):  # no key outside the fields
            return
        fields = self.fields
        for name, value in record.items():
            if name in fields:
                continue
            if self.strict:
                raise FieldError(name, UNKNOWN)
            if name == "levels" and self.table == "assessments":
                _check_levels(value)
                continue
            problem = _key_text(name) or check_json(value)
            if problem is not None:
                raise FieldError(name, problem)


def column_checks(table: str, column: Any) -> tuple[Check, ...]:
    """The checks of a column's values by its type, then those of EXTRA."""
    kind = column.type
    base: Check
    if isinstance(kind, Uuid):
        base = check_uuid
    elif isinstance(kind, UtcDateTime | DateTime):
        base = check_time
    elif isinstance(kind, Float):
        base = check_float
    elif isinstance(kind, Points | Numeric):
        numeric = kind.impl if isinstance(kind, Points) else kind
        base = check_decimal(numeric.precision or 18, numeric.scale or 0)
    elif isinstance(kind, SmallInteger):
        base = check_integer(-(2**15) + 1, 2**15 - 1)
    elif isinstance(kind, BigInteger):
        base = check_integer(-INT64, INT64)
    elif isinstance(kind, Integer):
        base = check_integer(-INT32, INT32)
    elif isinstance(kind, Boolean):
        base = check_boolean
    elif isinstance(kind, Date):
        base = check_date
    elif isinstance(kind, String):
        base = check_text(kind.length or TEXT_MAX)
    elif isinstance(kind, JSON):
        base = check_json
    else:
        raise TypeError(f"no schema for the column {table}.{column.name} ({kind!r})")
    extra = EXTRA.get((table, column.key)) or EXTRA.get(("*", column.key))
    return (base,) if extra is None else (base, extra)


def _rules(table: str, model: type[DeclarativeBase], skip: Iterable[str] = ()) -> dict[str, Any]:
    rules: dict[str, FieldRule] = {}
    for io_column in table_io(model).columns:
        if io_column.key in skip:
            continue
        column = inspect(model).columns[io_column.key]
        has_default = column.default is not None or column.server_default is not None
        rules[io_column.key] = FieldRule(
            io_column.key,
            required=bool(column.primary_key) or (not column.nullable and not has_default),
            nullable=bool(column.nullable) and not column.primary_key,
            checks=column_checks(table, column),
        )
    return rules


@functools.cache
def schemas() -> Mapping[str, TableSchema]:
    """The schema of every exchanged table, by table name."""
    return {table: TableSchema(table, _rules(table, model)) for table, model in TABLES}


@functools.cache
def _level_schema() -> TableSchema:
    rules = _rules("assessment_levels", AssessmentLevel, skip={"assessment_id"})
    return TableSchema(
        "assessment_levels",
        {name: FieldRule(name, True, rule.nullable, rule.checks) for name, rule in rules.items()},
        strict=True,
    )


def _check_levels(value: Any) -> None:
    """An assessment's levels: a list of {criterion_id, level, note}, one per criterion."""
    if not isinstance(value, list):
        raise FieldError("levels", _wrong_type("daftar", "a list"))
    if len(value) > LEVELS_MAX:
        raise FieldError(
            "levels",
            Problem(
                Fault.TOO_LONG,
                f"berisi lebih dari {LEVELS_MAX} kriteria",
                f"holds more than {LEVELS_MAX} criteria",
            ),
        )
    schema = _level_schema()
    seen: set[str] = set()
    for item in value:
        if not isinstance(item, dict):
            raise FieldError("levels", _wrong_type("daftar objek", "a list of objects"))
        try:
            schema.check(item)
        except FieldError as fault:
            raise FieldError(
                f"levels.{fault.field}", Problem(fault.fault, fault.detail_id, fault.detail_en)
            ) from None
        if item["criterion_id"] in seen:
            raise FieldError(
                "levels.criterion_id",
                Problem(Fault.DUPLICATE, "muncul dua kali", "appears twice"),
            )
        seen.add(item["criterion_id"])


def check_record(table: str, record: Mapping[str, Any]) -> None:
    """Raise FieldError when `record` breaks the schema of `table` (an exchanged table)."""
    schemas()[table].check(record)
