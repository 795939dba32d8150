"""The travelling form of a table's rows: which columns travel, how each value becomes text in a
package and back. One place for both directions, used record by record (exchange.records) and in
bulk (services.sync.bulk_store).
"""

from __future__ import annotations

import functools
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import String, Table, inspect, select, type_coerce
from sqlalchemy.orm import DeclarativeBase

from ovop_desktop.db.base import UtcDateTime
from ovop_desktop.db.survey_models import Points

LOCAL_COLUMNS = frozenset({"exchanged"})  # kept on each laptop, never in a package
Converter = Callable[[Any], Any]


def uuid_text(value: Any) -> str:
    """A UUID column read as it is stored: 32 hex digits on SQLite, a UUID from PostgreSQL's
    driver. Reading it so, rather than through uuid.UUID, halves the cost of an export."""
    if isinstance(value, str) and len(value) == 32:
        return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
    return str(value if isinstance(value, uuid.UUID) else uuid.UUID(str(value)))


def _decimal_text(value: Decimal) -> str:
    return f"{value:.2f}"


_STORED_MOMENT = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}")
_STORED_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def moment_text(value: Any) -> str:
    """A UTC timestamp column (db.base.UtcDateTime) read as it is stored, or a datetime, as
    `datetime.isoformat` writes it in UTC. SQLite keeps the moment in UTC as text
    ("YYYY-MM-DD HH:MM:SS.ffffff"), which is rewritten without a datetime made and parsed per
    value (a quarter of an export's time went to that); PostgreSQL's driver gives a datetime."""
    if isinstance(value, str):
        if _STORED_MOMENT.fullmatch(value):
            micro = value[20:]
            return f"{value[:10]}T{value[11:19]}{'' if micro == '000000' else '.' + micro}+00:00"
        value = datetime.fromisoformat(value)
    moment: datetime = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return moment.isoformat()


def day_text(value: Any) -> str:
    """A date column read as it is stored (SQLite's text is already the ISO form), or a date."""
    if isinstance(value, str):
        return value if _STORED_DAY.fullmatch(value) else date.fromisoformat(value).isoformat()
    day: date = value
    return day.isoformat()


# By a column's Python type: (from travelling text to a value, from a value to travelling text).
# The columns of these types are read as they are stored (Column.raw), not through their types.
_CONVERTERS: dict[type, tuple[Converter, Converter]] = {
    uuid.UUID: (uuid.UUID, uuid_text),
    datetime: (datetime.fromisoformat, moment_text),
    date: (date.fromisoformat, day_text),
    Decimal: (Decimal, _decimal_text),
}
_RAW = frozenset({uuid.UUID, datetime, date})


@dataclass(frozen=True)
class Column:
    key: str  # in the travelling record
    name: str  # in the table
    from_text: Converter | None
    to_text: Converter | None
    raw: bool  # read as stored (ids, moments, dates), not through the column type


@dataclass(frozen=True)
class TableIo:
    """How one model's records map to its table."""

    model: type[DeclarativeBase]
    table: Table
    columns: tuple[Column, ...]

    @functools.cached_property
    def _from_text(self) -> tuple[tuple[str, str, Converter | None], ...]:
        return tuple((c.key, c.name, c.from_text) for c in self.columns)

    def values(self, record: dict[str, Any]) -> dict[str, Any]:
        """Column values (by column name) of a travelling record; unknown keys are ignored."""
        row: dict[str, Any] = {}
        for key, name, convert in self._from_text:
            if key in record:
                value = record[key]
                row[name] = value if value is None or convert is None else convert(value)
        return row

    def select(self) -> Any:
        return select(
            *(
                type_coerce(self.table.c[c.name], String) if c.raw else self.table.c[c.name]
                for c in self.columns
            )
        )

    @functools.cached_property
    def _keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)

    @functools.cached_property
    def _to_text(self) -> tuple[tuple[int, Converter], ...]:
        return tuple((i, c.to_text) for i, c in enumerate(self.columns) if c.to_text is not None)

    def record(self, row: Sequence[Any]) -> dict[str, Any]:
        """The travelling form of a row read with select()."""
        values = list(row)
        for index, to_text in self._to_text:
            if values[index] is not None:
                values[index] = to_text(values[index])
        return dict(zip(self._keys, values, strict=True))


@functools.cache
def table_io(model: type[DeclarativeBase]) -> TableIo:
    columns = []
    for attr in inspect(model).column_attrs:
        if attr.key in LOCAL_COLUMNS:
            continue
        column = attr.columns[0]
        kind = python_type(column)
        from_text, to_text = _CONVERTERS.get(kind, (None, None)) if kind else (None, None)
        columns.append(Column(attr.key, column.name, from_text, to_text, kind in _RAW))
    table = model.__table__
    assert isinstance(table, Table)
    return TableIo(model, table, tuple(columns))


def python_type(column: Any) -> type | None:
    if isinstance(column.type, UtcDateTime):
        return datetime
    if isinstance(column.type, Points):
        return Decimal
    try:
        return column.type.python_type  # type: ignore[no-any-return]
    except NotImplementedError:
        return None
