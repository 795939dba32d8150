"""Every village of a region ranked in one pass: the path the regional ranking, its screen, the
province dashboard and the letter batch share.

The result is the village ranking's (services.assessment.village_ranking.rank_survey: the same
counting assessments, consensus, totals, stars, gates and tie-break), reached with few queries:

1. the live surveys of the region;
2. their live candidates, then the candidates' assessments under the rubric version with each
   one's stored snapshot (total, stars, gate), in two streaming queries joined here by product;
   the assessments that count are chosen as services.assessment.counted_levels does (per assessor
   the latest final, else the latest draft), with the assessors and times of the few candidates
   that have several read in a third;
3. the levels, in one query (on SQLite one per 5,000 assessments), only where the snapshot is
   not enough: all of an assessment's where its standing is scored again, only the tie-break
   criteria where its snapshot stands but its total ties with another candidate's.

A stored snapshot is used where it is valid for the rubric shown, that is when one assessment
counts, it was scored under this very definition of the rubric (same `rubric_hash`), and its stars
and gate are the product's category's: scored under the category the product has now
(`scored_category`), or not depending on the category at all. It is NOT valid, and the levels
are read and scored instead (core.scoring.ScoreTable), for:
- a consensus: the snapshot is one assessor's, not the median of the final assessments;
- another definition of the rubric under the same id and version (another `rubric_hash`);
- stars and gate that may depend on the category (ScoreTable.same_for) of a snapshot scored under
  another category than the product's now, or saved before the category was recorded
  (`scored_category` NULL): the product's category changed since (its total and band do not
  depend on it);
- a total that another candidate of the village shares: the tie-break reads the levels of the
  tie-break criteria (the snapshot's total, stars and gate still stand).

Keys are ids as text (id_text: hex on SQLite, the canonical form on PostgreSQL) until a result is
made: converting every id of a province to uuid.UUID would cost more than the ranking itself.
"""

from __future__ import annotations

import gc
import uuid
from collections import defaultdict
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
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

from ovop_desktop.core.consensus import median_level_rows
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.core.scoring import ScoreTable, Standing
from ovop_desktop.core.text import fold
from ovop_desktop.db.models import Assessment, AssessmentLevel, CandidateProduct, Survey

CHUNK = 5_000  # assessments per IN list: well under every backend's limit on bound parameters
STREAM = 10_000  # rows fetched at a time from the streaming queries

Levels = tuple[int | None, ...]
_NONE, _TIES, _ALL = 0, 1, 2  # the levels a candidate's ranking reads (see _rank_surveys)


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


# RankedCandidate and RankedSurvey are named tuples: a pass makes one per candidate and survey of
# the province, and a tuple is made in a third of a frozen dataclass's time.
# `_make(RankedCandidate, fields)` makes one without the Python frame of its __new__ (which only
# checks the number of fields): 0.11 µs instead of 0.25.
_make = tuple.__new__


class RankedCandidate(NamedTuple):
    """One live candidate of a survey, with what counts for it under the rubric."""

    key: object  # the product id as the database keeps it
    name: str
    category: str
    standing: Standing | None  # None: not assessed completely (or a category not in the rubric)
    rank: int | None  # in its village, as the village ranking has it; None while incomplete
    assessments: int  # how many assessments count
    final: bool

    @property
    def product_id(self) -> uuid.UUID:
        return as_uuid(self.key)

    @property
    def consensus(self) -> bool:
        return self.final and self.assessments > 1

    @property
    def total(self) -> Decimal | None:
        return None if self.standing is None else self.standing.total

    @property
    def stars(self) -> int | None:
        return None if self.standing is None else self.standing.stars

    @property
    def gate(self) -> str | None:
        return None if self.standing is None else self.standing.gate


class RankedSurvey(NamedTuple):
    """One live survey with its candidates: the ranked ones in rank order, then the others."""

    key: object  # the survey id as the database keeps it
    village_code: str
    village: str
    district: str
    regency: str
    status: str
    chosen: object  # the recommended product's key, or None
    latest: bool  # the village's most recent live survey (the one its ranking uses)
    candidates: tuple[RankedCandidate, ...]

    @property
    def survey_id(self) -> uuid.UUID:
        return as_uuid(self.key)

    @property
    def ranked(self) -> Iterator[RankedCandidate]:
        return (c for c in self.candidates if c.rank is not None)

    def recommended(self, candidate: RankedCandidate) -> bool:
        """The officer's choice, else rank 1 (VillageRanking.recommended)."""
        return recommended(self.chosen, candidate.key, candidate.rank)


def recommended(chosen: object, key: object, rank: int | None) -> bool:
    """Whether a survey whose officer chose `chosen` (a product key, or None) recommends the
    candidate `key` ranked `rank`: the officer's choice, else rank 1."""
    if chosen is None:
        return rank == 1
    return chosen == key if type(chosen) is type(key) else as_uuid(chosen) == as_uuid(key)


class Consensus(NamedTuple):
    """Several final assessments count for one product, one per assessor: the median of their
    levels does (their snapshots are each one assessor's)."""

    keys: tuple[object, ...]  # the assessments' keys


_NO_ENTRIES: list[Any] = []  # a survey without candidates, or with none incomplete (never changed)
_SEVERAL = Consensus(())  # a product's several assessments, until they are read

# An entry of the pass, one per live candidate, filled in as the pass learns more:
# [product key, name, category, standing, levels, counted, levels needed], where `counted` is
# what counts for it: None (no assessment), the one assessment that counts, as the row the query
# gives (product key, key, final, cents, stars, gate, same definition, scored category; no
# object is made per candidate), or a Consensus.
Entry = list[Any]


def counts(counted: object) -> tuple[int, bool]:
    """How many assessments count for an entry's `counted`, and whether they are final."""
    if counted is None:
        return 0, False
    if type(counted) is Consensus:
        return len(counted.keys), True
    return 1, counted[2] == 1  # type: ignore[index]


class Passed(NamedTuple):
    """One live survey as the pass leaves it, for a shape (rank_surveys's, or the regional
    ranking's rows) to be made of it."""

    survey: tuple[Any, ...]  # (key, village_code, village, district, regency, status, chosen)
    ranked: list[Entry]  # its complete candidates in rank order
    others: list[Entry]  # its incomplete ones, by name
    latest: bool  # the village's most recent live survey (the one its ranking uses)


@dataclass(frozen=True)
class _Scope:
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


def _surveys(session: Session, scope: _Scope) -> list[tuple[Any, ...]]:
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
    return list(_rows(session, scope.narrow(query).order_by(Survey.survey_date, Survey.created_at)))


def _rows(session: Session, query: Select[Any]) -> Iterator[tuple[Any, ...]]:
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


def _candidates(session: Session, rubric: Rubric, scope: _Scope) -> dict[Any, list[list[Any]]]:
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
    for key, survey, name, category in _rows(session, products):
        entry = [key, name, category, None, None, None, _NONE]
        entries.append(entry)
        if survey != last_survey:  # (a survey's candidates mostly come one after another)
            last_survey, of_survey = survey, by_survey[survey]
        of_survey.append(entry)
    several: list[list[Any]] = []  # entries of the products with several assessments
    for of_product, found in _joined(entries, _rows(session, assessments)):
        if of_product[5] is None:
            of_product[5] = found
        elif of_product[5] is not _SEVERAL:
            of_product[5] = _SEVERAL
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
        for found in _rows(
            session, of_several.where(_keys_in(session, assessment.product_id, chunk))
        ):
            rows_of[found[0]].append(found[1:])
    for entry in several:  # (none left: deleted between the two reads)
        rows = rows_of.get(entry[0])
        entry[5] = _counted(entry[0], rows) if rows else None
    return by_survey


def _joined(
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


def _levels(
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
        for key, *levels in _rows(session, query.group_by(AssessmentLevel.assessment_id)):
            if len(places) == len(every):
                found[key] = tuple(levels)
            else:
                spread = list(nothing)
                for place, level in zip(places, levels, strict=True):
                    spread[place] = level
                found[key] = tuple(spread)
    return found


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """The pass makes a dozen objects per candidate and no reference cycle: the cycle collector,
    run every 700 allocations, would walk the growing result again and again (a third of the
    time at 50,000 candidates). Reference counting still frees everything as usual.

    Left at that, the first allocation after the collector is enabled again would walk every
    object the pass made (all of them still in the youngest generation) for a tenth of the pass's
    time. They are moved to the oldest generation instead (freeze, then unfreeze: two list
    splices), where the collector's full collections see them as it sees any long-lived data."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def rank_surveys(
    session: Session,
    rubric: Rubric,
    region_code: str | None = None,
    *,
    survey_ids: Collection[uuid.UUID] | None = None,
) -> list[RankedSurvey]:
    """Every live survey of the region (None: all) with its candidates ranked under `rubric`,
    in the order of the surveys' dates.

    With `survey_ids` (at most a few hundred: a screenful), only those of the region's surveys:
    each is ranked as in the whole pass, but `latest` then only compares the surveys read."""
    with without_cycle_collection():
        return ranked_surveys(pass_surveys(session, rubric, region_code, survey_ids))


def pass_surveys(
    session: Session,
    rubric: Rubric,
    region_code: str | None = None,
    survey_ids: Collection[uuid.UUID] | None = None,
    *,
    surveys: list[tuple[Any, ...]] | None = None,
) -> list[Passed]:
    """The pass itself (see rank_surveys), its result not shaped yet. Call it with the cycle
    collector off (without_cycle_collection).

    With `surveys`, the caller's own rows of the surveys in scope, as Passed.survey holds them
    (keys as id_text reads them) and in the caller's order, which the result keeps: the survey
    list, which reads its surveys in its own order anyway, so that neither the surveys nor the
    result are read twice. `latest` is then the last of its village among them in that order,
    which only the order of the surveys' dates makes the village's most recent."""
    scope = _Scope(region_code, None if survey_ids is None else tuple(survey_ids))
    return _rank_surveys(session, rubric, scope, surveys)


def _rank_surveys(
    session: Session, rubric: Rubric, scope: _Scope, given: list[tuple[Any, ...]] | None = None
) -> list[Passed]:
    table = ScoreTable(rubric)
    surveys = _surveys(session, scope) if given is None else given
    candidates = _candidates(session, rubric, scope)
    last_of_village = {survey[1]: survey[0] for survey in surveys}

    # What the snapshots give; a survey whose candidates all have a valid one is ranked at once,
    # the others once the levels they need are read. An entry's levels needed (see Entry) are
    # _NONE, _TIES (its snapshot stands; the tie-break criteria, for a total it shares) or _ALL
    # (its standing is scored again from every level).
    result: list[Passed] = []
    waiting: list[tuple[int, tuple[Any, ...], list[list[Any]]]] = []  # (place, survey, entries)
    needed: list[Any] = []  # keys of assessments whose levels are read
    tie_needed: list[Any] = []  # keys of assessments whose tie-break levels are read
    standing_of, same_for, has_gate = table.standing_of, table.same_for, table.has_gate
    known = table.categories
    # Per (total, gate, category) of a snapshot: its standing, and whether its stars and gate
    # are the category's (same_for). A province has a few hundred such triples.
    verdicts: dict[tuple[int, str | None, str], tuple[Standing, bool]] = {}
    for survey in surveys:
        entries = candidates.get(survey[0], _NO_ENTRIES)
        unsure = reads = False
        for entry in entries:
            counted = entry[5]
            if counted is None or entry[2] not in known:
                continue
            if type(counted) is Consensus:  # a snapshot is one assessor's
                unsure = True
                continue
            _, _, _, stored, _, gate, same_definition, scored_under = counted
            if not same_definition or (gate is not None and not has_gate(gate)):
                unsure = True  # scored under another definition of the rubric
            elif stored is not None:
                verdict = verdicts.get((stored, gate, entry[2]))
                if verdict is None:
                    standing = standing_of(stored, gate)
                    verdict = verdicts[stored, gate, entry[2]] = (
                        standing,
                        same_for(entry[2], standing.band_stars, gate),
                    )
                entry[3] = verdict[0]
                if not verdict[1] and scored_under != entry[2]:
                    entry[6] = _ALL  # its stars may depend on a changed category
                    reads = True
        if unsure:  # a total is unknown, and with it whether it ties: read the whole village
            for entry in entries:
                entry[6] = _ALL if entry[5] is not None else _NONE
            reads = True
        elif len(entries) > 1:
            cents = [entry[3].cents for entry in entries if entry[3] is not None]
            if len(cents) != len(set(cents)):  # the tie-break reads levels
                tied = {c for c in cents if cents.count(c) > 1}
                for entry in entries:
                    if entry[3] is not None and entry[3].cents in tied:
                        entry[6] = entry[6] or _TIES  # (the total stands either way)
                        reads = True
        if reads:
            for entry in entries:
                if entry[6] == _TIES:
                    tie_needed.append(entry[5][1])
                elif entry[6]:
                    counted = entry[5]
                    if type(counted) is Consensus:
                        needed.extend(counted.keys)
                    else:
                        needed.append(counted[1])
            waiting.append((len(result), survey, entries))
            result.append(None)  # type: ignore[arg-type]  # filled in below
        else:
            result.append(_passed(table, survey, entries, last_of_village))

    levels_of = _levels(session, rubric, needed)
    if tie_needed and rubric.tie_break:  # (no tie-break criteria: the names decide)
        levels_of.update(_levels(session, rubric, tie_needed, rubric.tie_break))
    nothing = (None,) * len(rubric.criteria)  # an assessment without level rows
    for place, survey, entries in waiting:
        for entry in entries:
            if entry[6] == _TIES:  # one assessment counts (else the village is read whole)
                entry[4] = levels_of.get(entry[5][1], nothing)
            elif entry[6]:
                counted = entry[5]
                if type(counted) is Consensus:
                    entry[4] = median_level_rows([levels_of.get(k, nothing) for k in counted.keys])
                else:
                    entry[4] = levels_of.get(counted[1], nothing)
                entry[3] = table.standing(entry[4], entry[2])
        result[place] = _passed(table, survey, entries, last_of_village)
    return result


def _passed(
    table: ScoreTable,
    survey: tuple[Any, ...],
    entries: list[Entry],
    last_of_village: dict[str, Any],
) -> Passed:
    """A survey with its candidates ranked, from entries whose standings are all known."""
    complete = entries  # (a survey's own list: sorted in place when all are complete)
    incomplete: list[Entry] = _NO_ENTRIES
    for entry in entries:
        if entry[3] is None:
            complete = [entry for entry in entries if entry[3] is not None]
            incomplete = [entry for entry in entries if entry[3] is None]
            if len(incomplete) > 1:
                incomplete.sort(key=lambda e: (fold(e[1]), e[0]))
            break
    if len(complete) > 1:
        if len({entry[3].cents for entry in complete}) == len(complete):
            complete.sort(key=lambda e: -e[3].cents)  # no tie: the totals decide alone
        else:
            complete.sort(key=lambda e: table.rank_key(e[3], e[4], e[1], e[0]))
    return _make(Passed, (survey, complete, incomplete, last_of_village[survey[1]] == survey[0]))


def ranked_surveys(passed: list[Passed]) -> list[RankedSurvey]:
    """The surveys the pass left, each with its candidates (rank_surveys's shape)."""
    return list(map(_ranked, passed))


def _ranked(passed: Passed) -> RankedSurvey:
    survey, complete, incomplete, latest = passed
    candidates = [
        _make(RankedCandidate, (product, name, category, standing, number, *counts(counted)))
        for number, (product, name, category, standing, _, counted, _) in enumerate(complete, 1)
    ]
    candidates.extend(
        _make(RankedCandidate, (product, name, category, None, None, *counts(counted)))
        for product, name, category, _, _, counted, _ in incomplete
    )
    return _make(RankedSurvey, (*survey, latest, tuple(candidates)))
