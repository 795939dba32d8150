"""What the ranking pass (services.assessment.ranking_pass) reads from the database: the surveys
in scope, their live candidates with what counts for each, and the levels of the assessments
whose stored snapshot is not enough. Every query streams; ids are read as text (id_text) until a
result is made.

The candidates and their assessments come in two plain scans joined here by product (a third
faster than the database's outer join, which looks up each product's assessments in an index).
The assessments that count are chosen as services.assessment.counted_levels does (per assessor
the latest final, else the latest draft), with the assessors and times of the few candidates
that have several read in a third query. The levels are read in one query (on SQLite one per
5,000 assessments).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import (
    ARRAY,
    Integer,
    Select,
    String,
    Uuid,
    any_,
    bindparam,
    case,
    cast,
    func,
    select,
    type_coerce,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import Assessment, AssessmentLevel, CandidateProduct, Survey

CHUNK = 5_000  # assessments per IN list: well under every backend's limit on bound parameters
STREAM = 10_000  # rows fetched at a time from the streaming queries

Levels = tuple[int | None, ...]
NONE, TIES, ALL = 0, 1, 2  # the levels an entry's ranking reads (see Entry)


class _AsText(FunctionElement[str]):
    """An id column as text: on PostgreSQL cast in the query (uuid_out) rather than read as
    uuid.UUID, whose creation, hashing (in Python) and comparison cost more per row than the
    pass's own work; on SQLite the column itself, already kept as hex text."""

    type = String()
    inherit_cache = True


@compiles(_AsText)
def _as_is(element: _AsText, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(_AsText, "postgresql")
def _cast_to_text(element: _AsText, compiler: Any, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS TEXT)"


def id_text(column: Any) -> Any:
    """An id column read as text (no uuid.UUID made per row): the database's own hex on
    SQLite, the canonical form (with hyphens) on PostgreSQL."""
    return _AsText(column)


def _chunks(session: Session, keys: list[Any]) -> Iterator[list[Any]]:
    """`keys` in as few lists as `_keys_in` takes: all at once on PostgreSQL (one array
    parameter), CHUNK at a time on SQLite (one bound parameter each)."""
    if session.connection().dialect.name != "sqlite":
        if keys:
            yield keys
        return
    for start in range(0, len(keys), CHUNK):
        yield keys[start : start + CHUNK]


def _keys_in(session: Session, column: Any, keys: list[Any]) -> Any:
    """`column` (an id) among `keys` as id_text reads them. On PostgreSQL one array parameter,
    cast to uuid[] so that the column's index serves: no SQL rendered per key (an IN list of
    5,000 cost a quarter of the levels' read), and no limit on bound parameters."""
    if session.connection().dialect.name == "sqlite":
        return type_coerce(column, String()).in_(keys)
    return column == any_(cast(bindparam(None, list(keys), type_=ARRAY(String())), ARRAY(Uuid())))


_new, _set, _UNKNOWN = object.__new__, object.__setattr__, uuid.SafeUUID.unknown


def as_uuid(raw: object) -> uuid.UUID:
    """A database id as uuid.UUID (PostgreSQL already gives one)."""
    if isinstance(raw, uuid.UUID):
        return raw
    # What uuid.UUID(raw) makes, without its parsing: the text is the database's own (id_text).
    made = _new(uuid.UUID)
    text = str(raw)
    _set(made, "int", int(text if len(text) == 32 else text.replace("-", ""), 16))
    _set(made, "is_safe", _UNKNOWN)
    return made


class Consensus(NamedTuple):
    """Several final assessments count for one product, one per assessor: the median of their
    levels does (their snapshots are each one assessor's)."""

    keys: tuple[object, ...]  # the assessments' keys


SEVERAL = Consensus(())  # a product's several assessments, until they are read

# An entry of the pass, one per live candidate, filled in as the pass learns more:
# [product key, name, category, standing, levels, counted, levels needed], where `counted` is
# what counts for it: None (no assessment), the one assessment that counts, as the row the query
# gives (product key, key, final, cents, stars, gate, same definition, scored category; no
# object is made per candidate), or a Consensus.
Entry = list[Any]


@dataclass(frozen=True)
class Scope:
    """Which surveys a pass ranks: a region's (None: all), or only these (a screenful)."""

    region_code: str | None = None
    survey_ids: tuple[uuid.UUID, ...] | None = None

    @property
    def everything(self) -> bool:
        return self.region_code is None and self.survey_ids is None

    def narrow(self, query: Select[Any]) -> Select[Any]:
        """`query`, which has Survey among its tables, kept to the scope's surveys."""
        if self.region_code is not None:
            code = self.region_code + "."
            query = query.where(Survey.village_code.startswith(code, autoescape=True))
        if self.survey_ids is not None:
            query = query.where(Survey.id.in_(self.survey_ids))
        return query


def read_surveys(session: Session, scope: Scope) -> list[tuple[Any, ...]]:
    query = select(
        id_text(Survey.id),
        Survey.village_code,
        Survey.village_name,
        Survey.district_name,
        Survey.regency_name,
        Survey.status,
        id_text(Survey.recommended_product_id),
    ).where(Survey.deleted_at.is_(None))
    # Oldest first: the last row of a village is its most recent survey (rank_village's choice).
    return list(
        stream_rows(session, scope.narrow(query).order_by(Survey.survey_date, Survey.created_at))
    )


def stream_rows(session: Session, query: Select[Any]) -> Iterator[tuple[Any, ...]]:
    """The rows of `query`, fetched STREAM at a time.

    On SQLite, as sqlite3's own tuples, read from its cursor: SQLAlchemy's Row made per row, and
    its fetching, cost as much as the database's work on these plain scans (products: 80 ms
    against 43 at 50,000), and none of the columns the pass reads has a result processor to run
    (ids are read as text, totals as integers). The property test of test_ranking_pass compares
    what the pass makes of them with the village ranking, on both backends.
    On PostgreSQL, through a server-side cursor, whose prefetching only SQLAlchemy's Result knows
    of."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        for partition in connection.execute(query.execution_options(yield_per=STREAM)).partitions():
            yield from partition
        return
    result = connection.execute(query)  # no prefetching: the cursor is where sqlite3 left it
    try:
        cursor = result.cursor
        while rows := cursor.fetchmany(STREAM):
            yield from rows
    finally:
        result.close()


def read_candidates(session: Session, rubric: Rubric, scope: Scope) -> dict[Any, list[list[Any]]]:
    """Per survey key, an entry for each live candidate (see Entry) with the assessments that
    count for it: the live candidates in one streaming query, then their assessments under the
    rubric version, with each assessment's stored snapshot, in another. (Two scans, joined here
    by product: a third faster than the database's outer join, which looks up each product's
    assessments in an index.)

    What counts (services.assessment.counted_levels): per assessor the latest final assessment;
    with no final, the latest draft. Most candidates have one assessment, which counts, and its
    row from the scan is kept as it is. Only the few with several are read again, with their
    assessors and times, and sorted by (updated_at, id) as the database keeps them."""
    product, assessment = CandidateProduct, Assessment
    products = select(
        id_text(product.id), id_text(product.survey_id), product.name, product.category
    ).where(product.deleted_at.is_(None))
    snapshot = (
        case((assessment.status == "final", 1), else_=0),  # (an integer: no text made per row)
        # Hundredths as an integer: exact on both backends, and no Decimal made per row.
        cast(func.round(assessment.total * 100), Integer),
        assessment.stars,
        assessment.capped_by_gate,
        case((assessment.rubric_hash == rubric.definition_hash, 1), else_=0),
        assessment.scored_category,
    )
    this_version = (
        assessment.rubric_id == rubric.id,
        assessment.rubric_version == rubric.version,
        assessment.deleted_at.is_(None),
    )
    assessments = select(id_text(assessment.product_id), id_text(assessment.id), *snapshot).where(
        *this_version
    )
    if not scope.everything:
        products = scope.narrow(products.join(Survey, Survey.id == product.survey_id))
        assessments = scope.narrow(
            assessments.join(product, product.id == assessment.product_id).join(
                Survey, Survey.id == product.survey_id
            )
        )
    by_survey: dict[Any, list[list[Any]]] = defaultdict(list)
    entries: list[list[Any]] = []  # in the order the products were read
    last_survey, of_survey = None, entries
    for key, survey, name, category in stream_rows(session, products):
        entry = [key, name, category, None, None, None, NONE]
        entries.append(entry)
        if survey != last_survey:  # (a survey's candidates mostly come one after another)
            last_survey, of_survey = survey, by_survey[survey]
        of_survey.append(entry)
    several: list[list[Any]] = []  # entries of the products with several assessments
    for of_product, found in joined(entries, stream_rows(session, assessments)):
        if of_product[5] is None:
            of_product[5] = found
        elif of_product[5] is not SEVERAL:
            of_product[5] = SEVERAL
            several.append(of_product)
    # Which of several count depends on their assessors and times, read for those only.
    of_several = select(
        id_text(assessment.product_id),
        id_text(assessment.id),
        id_text(assessment.assessor_id),
        *snapshot,
        # As the driver gives it (text on SQLite, a datetime on PostgreSQL), compared only with
        # its own product's others.
        type_coerce(assessment.updated_at, String()),
    ).where(*this_version)
    rows_of: dict[Any, list[Any]] = defaultdict(list)
    for chunk in _chunks(session, [entry[0] for entry in several]):
        for found in stream_rows(
            session, of_several.where(_keys_in(session, assessment.product_id, chunk))
        ):
            rows_of[found[0]].append(found[1:])
    for entry in several:  # (none left: deleted between the two reads)
        rows = rows_of.get(entry[0])
        entry[5] = _counted(entry[0], rows) if rows else None
    return by_survey


def joined(
    entries: list[list[Any]], assessments: Iterator[tuple[Any, ...]]
) -> Iterator[tuple[list[Any], tuple[Any, ...]]]:
    """Each assessment with its product's entry (see Entry), the assessments of deleted
    candidates left out.

    A merge where it can be: assessments mostly come in the order of their products (saved or
    imported after them), so each is first looked for at the entry after the last one found,
    then at that one (a product's second assessment). Only an assessment out of that order is
    looked up by key, in a dictionary made at the first of them: at 500,000 candidates a
    dictionary of them all misses the processor's caches on every lookup, and made and looked
    into took a quarter of the pass's Python work."""
    place_of: dict[Any, int] | None = None
    after = 0  # the place after the last entry found
    count = len(entries)
    for found in assessments:
        product = found[0]
        if after < count and entries[after][0] == product:
            place = after
        elif after and entries[after - 1][0] == product:
            place = after - 1
        else:
            if place_of is None:
                place_of = {entry[0]: place for place, entry in enumerate(entries)}
            known = place_of.get(product)
            if known is None:  # the assessment of a deleted candidate
                continue
            place = known
        after = place + 1
        yield entries[place], found


def _counted(product: object, rows: list[Any]) -> tuple[Any, ...] | Consensus:
    """What counts among one product's several assessments: rows of (key, assessor, final,
    cents, stars, gate, same definition, scored category, updated_at)."""
    rows.sort(key=lambda row: (row[8], row[0]))
    finals: dict[Any, tuple[Any, ...]] = {}  # per assessor, its latest final
    draft: tuple[Any, ...] | None = None  # the latest draft
    for row in rows:
        if row[2] == 1:
            finals[row[1]] = row
        else:
            draft = row
    if len(finals) > 1:
        return Consensus(tuple(row[0] for row in finals.values()))
    key, _, final, cents, stars, gate, same, scored, _ = (
        next(iter(finals.values())) if finals else draft  # type: ignore[misc]
    )
    return (product, key, final, cents, stars, gate, same, scored)


def read_levels(
    session: Session, rubric: Rubric, keys: list[Any], criterion_ids: Collection[str] | None = None
) -> dict[Any, Levels]:
    """The levels of these assessments in rubric order; a criterion without a level is None.
    With `criterion_ids`, only those criteria are read (the others are None)."""
    every = rubric.criterion_ids
    places = [p for p, c in enumerate(every) if criterion_ids is None or c in criterion_ids]
    columns = [
        func.max(case((AssessmentLevel.criterion_id == every[place], AssessmentLevel.level)))
        for place in places
    ]
    nothing = [None] * len(every)
    found: dict[Any, Levels] = {}
    for chunk in _chunks(session, keys):
        query = select(id_text(AssessmentLevel.assessment_id), *columns).where(
            _keys_in(session, AssessmentLevel.assessment_id, chunk)
        )
        if criterion_ids is not None:
            query = query.where(AssessmentLevel.criterion_id.in_(list(criterion_ids)))
        for key, *levels in stream_rows(session, query.group_by(AssessmentLevel.assessment_id)):
            if len(places) == len(every):
                found[key] = tuple(levels)
            else:
                spread = list(nothing)
                for place, level in zip(places, levels, strict=True):
                    spread[place] = level
                found[key] = tuple(spread)
    return found
