"""An imported assessment's stored scores checked against its own levels.

The rankings read an assessment's stored total, band, stars and gate instead of scoring its
levels again (services.assessment.ranking_pass) when it was scored under the rubric definition
installed here. An assessment whose stored scores say something else than its levels would then
rank a candidate in the regional ranking, the dashboard and the letters where the village's own
ranking (which scores the levels) does not. Such an assessment is refused, with its reason, as
any other faulty record of a package.

Stored scores are faithful when they are what scoring the levels gives: nothing while a criterion
has no level; else the total and band of the levels, with the stars and gate of the category
they were scored under (`scored_category`, which the rankings then trust while the product keeps
that category). An assessment from an application that did not record it yet (no
`scored_category`, or one outside the rubric's categories, which the rankings never trust) needs
the stars and gate of one of the rubric's categories: the product's category may have changed
since. An assessment under a rubric version not installed here, or installed with
another definition, is not checked: the rankings score its levels again.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.core.scoring import ScoreTable, Standing
from ovop_desktop.db.models import RubricVersion
from ovop_desktop.services.rubrics import parsed_rubric

UNFAITHFUL = (
    "nilai, bintang, atau gerbang yang tersimpan tidak sesuai dengan tingkat kriterianya",
    "its stored total, stars or gate do not match its criterion levels",
)


def _unknown_criterion(criterion_id: str, rubric: Rubric) -> tuple[str, str]:
    return (
        f"memberi tingkat untuk kriteria {criterion_id}, yang tidak ada dalam rubrik "
        f"{rubric.name} versi {rubric.version}",
        f"gives a level for criterion {criterion_id}, which rubric {rubric.name} version "
        f"{rubric.version} does not have",
    )


def _installed(session: Session, records: Iterable[dict[str, Any]]) -> dict[Any, ScoreTable]:
    """Per (rubric id, version, definition hash) the records name and this database has, the
    rubric compiled for scoring."""
    named = {(r["rubric_id"], r["rubric_version"], r["rubric_hash"]) for r in records}
    if not named:
        return {}
    rows = session.execute(
        select(RubricVersion.rubric_id, RubricVersion.version, RubricVersion.definition).where(
            tuple_(RubricVersion.rubric_id, RubricVersion.version).in_(
                list({(rubric_id, version) for rubric_id, version, _ in named})
            )
        )
    )
    tables = {}
    for rubric_id, version, definition in rows:
        rubric = parsed_rubric(definition)
        key = (rubric_id, version, rubric.definition_hash)
        if key in named:
            tables[key] = ScoreTable(rubric)
    return tables


def unfaithful(session: Session, records: list[dict[str, Any]]) -> dict[str, tuple[str, str]]:
    """Per id of an assessment record (its travelling form, as the package schema let it in)
    whose stored scores its levels do not give, why (Indonesian, English)."""
    tables = _installed(session, records)
    faults: dict[str, tuple[str, str]] = {}
    for record in records:
        table = tables.get((record["rubric_id"], record["rubric_version"], record["rubric_hash"]))
        if table is None:
            continue
        fault = _fault(table, record)
        if fault is not None:
            faults[record["id"]] = fault
    return faults


def _fault(table: ScoreTable, record: dict[str, Any]) -> tuple[str, str] | None:
    rubric = table.rubric
    given = {row["criterion_id"]: row["level"] for row in record.get("levels") or ()}
    unknown = given.keys() - rubric.criterion_ids
    if unknown:
        return _unknown_criterion(min(unknown), rubric)
    levels = tuple(map(given.get, rubric.criterion_ids))
    stored = (
        record.get("total"),
        record.get("band_stars"),
        record.get("stars"),
        record.get("capped_by_gate"),
    )
    if None in levels:
        return None if stored == (None, None, None, None) else UNFAITHFUL
    if stored[0] is None:
        return UNFAITHFUL
    said = (Decimal(stored[0]), *stored[1:])
    category = record.get("scored_category")
    if isinstance(category, str) and category in table.categories:
        standings: Iterable[Standing | None] = (table.standing(levels, category),)
    else:  # (not recorded: any of the rubric's categories)
        standings = table.standings(levels)  # type: ignore[arg-type]  # complete
    for standing in standings:
        if standing is not None and said == (
            standing.total,
            standing.band_stars,
            standing.stars,
            standing.gate,
        ):
            return None
    return UNFAITHFUL
