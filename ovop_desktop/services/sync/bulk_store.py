"""Reading and writing travelling records in bulk, for the import of packages.

A province imports hundreds of thousands of records; the ORM's unit of work costs far more than
the database per row. Here the rows go through SQLAlchemy Core (the column types still convert
and check every value), a few statements per table and package: one select per 500 incoming ids
for the local copies, one executemany for the new rows, one for the overwritten ones.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import String, Table, bindparam, delete, select, type_coerce, update
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import DeclarativeBase, Session

from ovop_desktop.db.models import Assessment, AssessmentLevel
from ovop_desktop.exchange.table_io import Column, table_io, uuid_text

CHUNK = 500  # ids per IN (…): well under every backend's limit of bound parameters


def table_io_levels() -> Table:
    table = AssessmentLevel.__table__
    assert isinstance(table, Table)
    return table


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _plain_rows(session: Session, query: Any) -> list[tuple[Any, ...]]:
    """The rows of a query of plain columns as the driver gives them. For the hundreds of
    thousands of criterion levels of a full export, result rows cost more than the reading."""
    connection = session.connection()
    compiled = query.compile(dialect=connection.dialect)
    if compiled.params:  # bound values need the engine's processing
        return [tuple(row) for row in connection.execute(query)]
    cursor = connection.connection.cursor()
    try:
        cursor.execute(str(compiled))
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _attach_levels(session: Session, records: dict[str, dict[str, Any]], every: bool) -> None:
    """Give each assessment record its levels, by criterion (all levels in one query when
    `every` assessment is wanted, else by chunks of ids)."""
    for record in records.values():
        record["levels"] = []
    levels = table_io_levels().c
    owner_id = type_coerce(levels.assessment_id, String)
    query = select(owner_id, levels.criterion_id, levels.level, levels.note)
    queries = (
        [query]
        if every
        else [
            query.where(levels.assessment_id.in_(c)) for c in _chunks(list(map(uuid.UUID, records)))
        ]
    )
    for one in queries:
        rows = _plain_rows(session, one.order_by(levels.assessment_id, levels.criterion_id))
        owner_key, owner_levels = None, None
        for raw_id, criterion_id, level, note in rows:
            if raw_id != owner_key:  # rows come by assessment: look each one up once
                owner_key = raw_id
                owner = records.get(uuid_text(raw_id))
                owner_levels = owner["levels"] if owner is not None else None
            if owner_levels is not None:
                owner_levels.append({"criterion_id": criterion_id, "level": level, "note": note})


def local_records(
    session: Session, model: type[DeclarativeBase], ids: list[str], *, lock: bool = False
) -> dict[str, Any]:
    """The travelling form of the local copies of `ids` that exist here, by id. With `lock`
    the rows are locked until the transaction ends (on servers that lock rows), in the order
    of their ids so that two imports locking the same rows never wait for each other in a
    circle."""
    io = table_io(model)
    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(sorted(uuid.UUID(i) for i in ids)):
        query = io.select().where(io.table.c.id.in_(chunk))
        if lock:
            query = query.order_by(io.table.c.id).with_for_update()
        for row in session.execute(query).all():
            record = io.record(row)
            found[record["id"]] = record
    if model is Assessment and found:
        _attach_levels(session, found, every=False)
    return found


def all_records(
    session: Session, model: type[DeclarativeBase], since: datetime | None = None
) -> list[dict[str, Any]]:
    """Every record of `model` in its travelling form (saved after `since`, when given), in
    the order of their ids: what an export writes and a canonical dump compares."""
    io = table_io(model)
    query = io.select().order_by(io.table.c.id)
    saved = io.table.c.get("updated_at")
    saved = io.table.c.get("at") if saved is None else saved  # audit entries: when written
    if since is not None and saved is not None:
        query = query.where(saved > since)
    records = {}
    for row in session.execute(query).all():
        record = io.record(row)
        records[record["id"]] = record
    if model is Assessment and records:
        _attach_levels(session, records, every=since is None)
    return list(records.values())


def existing_ids(session: Session, column: Any, values: Iterable[Any]) -> set[str]:
    """Which of `values` are present in `column` (as text)."""
    wanted = sorted(set(values))
    present: set[str] = set()
    for chunk in _chunks(wanted):
        present.update(str(v) for v in session.scalars(select(column).where(column.in_(chunk))))
    return present


def bind_processor(column: Any, dialect: Dialect) -> Callable[[Any], Any] | None:
    """How SQLAlchemy itself turns a Python value into the driver's value for `column`: by the
    type as this dialect implements it. The generic type's own processor is not that: on
    PostgreSQL a JSON column's comes from the dialect (psycopg's Json wrapper: the generic JSON
    type has none, and psycopg cannot adapt a dict); on SQLite a date or a timestamp becomes
    SQLAlchemy's text form (the generic types leave it to sqlite3's own adapters, which write a
    timestamp with no fraction of a second as text of another length)."""
    return column.type.dialect_impl(dialect).bind_processor(dialect)  # type: ignore[no-any-return]


def _by_shape(rows: list[dict[str, Any]]) -> dict[tuple[str, ...], list[dict[str, Any]]]:
    """Rows grouped by their set of columns: one executemany needs the same columns in each."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(tuple(row), []).append(row)
    return groups


def _insert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT the rows with one executemany per shape of row. Each value still goes through its
    column type's bind processing, as SQLAlchemy would do it, but without the per-row cost of a
    compiled statement's parameters (the larger part of the time of a province import).
    A row that leaves out a column with a default in Python takes SQLAlchemy's own path."""
    dialect = session.connection().dialect
    for names, group in _by_shape(rows).items():
        if any(c.default is not None and c.name not in names for c in table.c):
            session.execute(table.insert(), group)
            continue
        sql, order, named = _insert_sql(table, names, dialect)
        processors = [
            (i, p) for i, n in enumerate(order) if (p := bind_processor(table.c[n], dialect))
        ]
        params: list[Any] = []
        for row in group:
            values = [row[n] for n in order]
            for index, process in processors:
                if values[index] is not None:
                    values[index] = process(values[index])
            params.append(values)
        _executemany(session, sql, order if named else None, params)


def _insert_sql(
    table: Table, names: Iterable[str], dialect: Dialect
) -> tuple[str, list[str], bool]:
    """The INSERT of these columns, the driver's order of its parameters, and whether they go
    by name (pyformat: psycopg and the like) rather than by position."""
    compiled = table.insert().compile(dialect=dialect, column_keys=list(names))
    return str(compiled), list(compiled.positiontup or names), compiled.positiontup is None


def _executemany(session: Session, sql: str, names: list[str] | None, params: list[Any]) -> None:
    """Run `sql` once per row of `params` (values in the driver's order; by these `names`
    when the driver takes named parameters) on the driver's cursor."""
    connection = session.connection()
    if names is not None:
        params = [dict(zip(names, values, strict=True)) for values in params]
    dbapi_error = connection.dialect.loaded_dbapi.Error
    cursor = connection.connection.cursor()
    try:
        cursor.executemany(sql, params)
    except dbapi_error as error:  # as SQLAlchemy would raise it: callers catch its errors
        raise DBAPIError.instance(sql, None, error, dbapi_error) from error
    finally:
        cursor.close()


CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _hex_of(text: str) -> str:
    """A UUID's travelling text as SQLite stores it (32 hex digits), without making a
    uuid.UUID for the canonical form every package holds: the same text uuid.UUID(text).hex
    gives. Any other form goes through uuid.UUID, which refuses what is no UUID."""
    if CANONICAL_UUID.fullmatch(text):
        return text.replace("-", "")
    return uuid.UUID(text).hex


def _from_travel(column: Column, table: Table, dialect: Dialect) -> Callable[[Any], Any] | None:
    """One function from a travelling value (exchange.table_io) to the driver's value for the
    column: the text's conversion, then the column type's bind processing."""
    from_text, process = column.from_text, bind_processor(table.c[column.name], dialect)
    if column.from_text is uuid.UUID and process is not None:
        probe = uuid.UUID(int=0xC0FFEE)
        if process(probe) == probe.hex:  # UUIDs kept as hex text (SQLite)
            return _hex_of
    if from_text is None:
        return process
    if process is None:
        return from_text

    def convert(value: Any) -> Any:
        return process(from_text(value))

    if from_text == datetime.fromisoformat:
        sliced = _sliced_time(convert)
        if sliced(PROBE_TIME) == convert(PROBE_TIME):  # the column type writes that very text
            return sliced
    return convert


UTC_MICROSECONDS = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00")
PROBE_TIME = "2026-01-02T03:04:05.060708+00:00"


def _sliced_time(convert: Callable[[str], Any]) -> Callable[[str], Any]:
    """A time travelling in UTC with microseconds ("2026-01-02T03:04:05.060708+00:00") as
    SQLite keeps it ("2026-01-02 03:04:05.060708"), by slicing the text; any other form by
    `convert` (datetime.fromisoformat, then the column type)."""

    def sliced(text: str) -> Any:
        if UTC_MICROSECONDS.fullmatch(text):
            return f"{text[:10]} {text[11:26]}"
        return convert(text)

    return sliced


def insert_records(
    session: Session,
    model: type[DeclarativeBase],
    records: list[dict[str, Any]],
    constants: dict[str, Any] | None = None,
) -> None:
    """INSERT travelling records as they came (exchange.table_io's columns, each converted once
    from its text straight to the driver's value), with `constants` (by column name) in every
    row: the same rows as insert_rows(io.values(record) | constants) writes, at a fraction of
    the cost of making every value a Python object first."""
    io = table_io(model)
    connection = session.connection()
    dialect = connection.dialect
    extra = dict(constants or {})
    # Records grouped by their keys as they came (a package writes them all alike).
    shapes: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for record in records:
        shapes.setdefault(tuple(record), []).append(record)
    for shape, group in shapes.items():
        keys = set(shape)
        columns = [c for c in io.columns if c.key in keys]
        names = [c.name for c in columns] + list(extra)
        if any(c.default is not None and c.name not in names for c in io.table.c):
            insert_rows(session, model, [io.values(r) | extra for r in group])
            continue
        sql, order, named = _insert_sql(io.table, names, dialect)
        by_name = {c.name: c for c in columns}
        key_of = [by_name[n].key if n in by_name else None for n in order]
        converters = []
        for index, name in enumerate(order):
            if name in by_name:
                convert = _from_travel(by_name[name], io.table, dialect)
            else:
                convert = bind_processor(io.table.c[name], dialect)
            if convert is not None:
                converters.append((index, convert))
        fixed = [extra.get(n) for n in order]
        params: list[Any] = []
        for record in group:
            values = [fixed[i] if key is None else record[key] for i, key in enumerate(key_of)]
            for index, convert in converters:
                if values[index] is not None:
                    values[index] = convert(values[index])
            params.append(values)
        _executemany(session, sql, order if named else None, params)


def insert_rows(session: Session, model: type[DeclarativeBase], rows: list[dict[str, Any]]) -> None:
    _insert(session, table_io(model).table, rows)


def update_rows(session: Session, model: type[DeclarativeBase], rows: list[dict[str, Any]]) -> None:
    """Overwrite whole rows, matched by id."""
    table = table_io(model).table
    for shape, group in _by_shape(rows).items():
        statement = (
            update(table)
            .where(table.c.id == bindparam("v_id"))
            .values({name: bindparam(f"v_{name}") for name in shape if name != "id"})
        )
        session.execute(statement, [{f"v_{k}": v for k, v in row.items()} for row in group])


def replace_levels(session: Session, replaced: list[str], records: list[dict[str, Any]]) -> None:
    """The criterion levels of these assessments become those of the records: the old ones of
    the `replaced` (overwritten) assessments go, the records' come in."""
    table = table_io_levels()
    for chunk in _chunks([uuid.UUID(i) for i in replaced]):
        session.execute(delete(table).where(table.c.assessment_id.in_(chunk)))
    names = ["assessment_id", "criterion_id", "level", "note"]
    dialect = session.connection().dialect
    sql, order, named = _insert_sql(table, names, dialect)
    owners = table_io(Assessment)
    owner_of = _from_travel(next(c for c in owners.columns if c.key == "id"), owners.table, dialect)
    processors = [bind_processor(table.c[name], dialect) for name in names[1:]]
    rows: list[tuple[Any, ...]] = []
    processed = any(process is not None for process in processors)
    for record in records:
        owner = record["id"] if owner_of is None else owner_of(record["id"])
        for item in record.get("levels", ()):
            if not processed:  # the driver takes the travelling values as they are (SQLite)
                rows.append((owner, item["criterion_id"], item.get("level"), item.get("note")))
                continue
            values = [item["criterion_id"], item.get("level"), item.get("note")]
            for index, process in enumerate(processors):
                if process is not None and values[index] is not None:
                    values[index] = process(values[index])
            rows.append((owner, *values))
    if order != names:
        where = [names.index(name) for name in order]
        rows = [tuple(row[i] for i in where) for row in rows]
    if rows:
        _executemany(session, sql, order if named else None, rows)
