"""Every village of a region ranked in one pass: the path the regional ranking, its screen, the
province dashboard and the letter batch share.

The result is the village ranking's (services.assessment.village_ranking.rank_survey: the same
counting assessments, consensus, totals, stars, gates and tie-break), reached with few queries
(services.assessment.pass_reads):

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
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy.orm import Session

from ovop_desktop.core.consensus import median_level_rows
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.core.scoring import ScoreTable, Standing
from ovop_desktop.core.text import fold
from ovop_desktop.services.assessment.pass_reads import (
    ALL,
    NONE,
    TIES,
    Consensus,
    Entry,
    Scope,
    as_uuid,
    read_candidates,
    read_levels,
    read_surveys,
)

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


_NO_ENTRIES: list[Any] = []  # a survey without candidates, or with none incomplete (never changed)


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
    scope = Scope(region_code, None if survey_ids is None else tuple(survey_ids))
    return _rank_surveys(session, rubric, scope, surveys)


def _rank_surveys(
    session: Session, rubric: Rubric, scope: Scope, given: list[tuple[Any, ...]] | None = None
) -> list[Passed]:
    table = ScoreTable(rubric)
    surveys = read_surveys(session, scope) if given is None else given
    candidates = read_candidates(session, rubric, scope)
    last_of_village = {survey[1]: survey[0] for survey in surveys}

    # What the snapshots give; a survey whose candidates all have a valid one is ranked at once,
    # the others once the levels they need are read. An entry's levels needed (see Entry) are
    # NONE, TIES (its snapshot stands; the tie-break criteria, for a total it shares) or ALL
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
                    entry[6] = ALL  # its stars may depend on a changed category
                    reads = True
        if unsure:  # a total is unknown, and with it whether it ties: read the whole village
            for entry in entries:
                entry[6] = ALL if entry[5] is not None else NONE
            reads = True
        elif len(entries) > 1:
            cents = [entry[3].cents for entry in entries if entry[3] is not None]
            if len(cents) != len(set(cents)):  # the tie-break reads levels
                tied = {c for c in cents if cents.count(c) > 1}
                for entry in entries:
                    if entry[3] is not None and entry[3].cents in tied:
                        entry[6] = entry[6] or TIES  # (the total stands either way)
                        reads = True
        if reads:
            for entry in entries:
                if entry[6] == TIES:
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

    levels_of = read_levels(session, rubric, needed)
    if tie_needed and rubric.tie_break:  # (no tie-break criteria: the names decide)
        levels_of.update(read_levels(session, rubric, tie_needed, rubric.tie_break))
    nothing = (None,) * len(rubric.criteria)  # an assessment without level rows
    for place, survey, entries in waiting:
        for entry in entries:
            if entry[6] == TIES:  # one assessment counts (else the village is read whole)
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
