"""Reading and writing travelling records in bulk, for the import of packages.

A province imports hundreds of thousands of records; the ORM's unit of work costs far more than
the database per row. Here the rows go through SQLAlchemy Core (the column types still convert
and check every value), a few statements per table and package: one select per 500 incoming ids
for the local copies, one executemany for the new rows, one for the overwritten ones.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import String, Table, bindparam, delete, select, type_coerce, update
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import DeclarativeBase, Session

from ovop_desktop.db.models import Assessment, AssessmentLevel
from ovop_desktop.exchange.table_io import table_io, uuid_text

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
    connection = session.connection()
    dialect = connection.dialect
    for names, group in _by_shape(rows).items():
        if any(c.default is not None and c.name not in names for c in table.c):
            session.execute(table.insert(), group)
            continue
        compiled = table.insert().compile(dialect=dialect, column_keys=list(names))
        order = list(compiled.positiontup or names)  # the driver's order of parameters
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
        if compiled.positiontup is None:  # named parameters: pyformat (psycopg) and the like
            params = [dict(zip(order, values, strict=True)) for values in params]
        sql = str(compiled)
        dbapi_error = connection.dialect.loaded_dbapi.Error
        cursor = connection.connection.cursor()
        try:
            cursor.executemany(sql, params)
        except dbapi_error as error:  # as SQLAlchemy would raise it: callers catch its errors
            raise DBAPIError.instance(sql, None, error, dbapi_error) from error
        finally:
            cursor.close()


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
    rows = []
    for record in records:
        owner = uuid.UUID(record["id"])
        rows += [
            {
                "assessment_id": owner,
                "criterion_id": item["criterion_id"],
                "level": item.get("level"),
                "note": item.get("note"),
            }
            for item in record.get("levels", ())
        ]
    _insert(session, table, rows)
