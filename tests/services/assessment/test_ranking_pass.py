"""The one-pass ranking of a region gives exactly what the village ranking gives, village by
village: order, ranks, totals, stars, gates, consensus and the recommendation."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import Assessment, Officer
from ovop_desktop.services.assessment.assessments import save_assessment
from ovop_desktop.services.assessment.pass_reads import id_text, joined, read_levels
from ovop_desktop.services.assessment.ranking_pass import rank_surveys
from ovop_desktop.services.assessment.regional_ranking import rank_region
from ovop_desktop.services.assessment.village_ranking import (
    VillageRanking,
    rank_survey,
    rank_village,
    recommend_product,
)
from ovop_desktop.services.database import Database
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    SurveyInput,
    add_product,
    create_survey,
    delete_product,
    update_product,
)
from ovop_desktop.services.surveys.survey_list import list_surveys

VILLAGES = (
    "63.01.01.2001",
    "63.01.01.2002",
    "63.03.05.1003",
    "63.03.06.2009",
    "63.03.06.2010",
    "63.08.07.2001",
    "63.08.07.2004",
    "63.71.05.1007",
)
# Few level patterns and names, so that totals, tie-break levels and names tie often. The food
# category has a gate of its own at 4 stars, which a change of category can open or close.
PATTERNS = (
    (4, 4, 3, 4, 4, 3, 4, 4),
    (2, 4, 3, 4, 4, 3, 4, 4),
    (4, 4, 3, 4, 4, 3, 3, 4),
    (5, 5, 5, 5, 5, 5, 5, 5),
    (5, 5, 2, 5, 5, 5, 3, 5),
    (3, 3, 3, 3, 3, 3, 3, 3),
    (5, 5, 5, 5, 4, 5, 4, 5),
    (5, 5, 5, 5, 5, 5, 3, 5),  # 4 stars, but not for food (C7 below 4)
    (1, 3, 3, 3, 3, 3, 4, 3),  # 60, as (3, …, 3), with a higher C7
)
NAMES = ("Amplang", "Anyaman Purun", "Dodol", "amplang")
CATEGORIES = ("makanan", "anyaman", "minuman", "logam")


@dataclass(frozen=True)
class Plan:
    """One assessment: who (an officer by number, or nobody), which levels, final or not."""

    assessor: int | None
    pattern: int
    blank: bool  # one criterion left without a level (never final then)
    final: bool


@dataclass(frozen=True)
class Candidate:
    name: str
    category: str
    assessments: tuple[Plan, ...]
    new_category: str | None  # changed after it was assessed
    other_definition: bool  # its first assessment stored under another definition of the rubric
    deleted: bool


@dataclass(frozen=True)
class Village:
    code: int
    day: int
    candidates: tuple[Candidate, ...]
    choose: int | None  # the officer's recommendation, by position among the ranked


plans = st.builds(
    Plan,
    st.one_of(st.none(), st.integers(0, 2)),
    st.integers(0, len(PATTERNS) - 1),
    st.integers(0, 4).map(lambda n: n == 0),
    st.booleans(),
)
candidates = st.builds(
    Candidate,
    st.sampled_from(NAMES),
    st.sampled_from(CATEGORIES),
    st.lists(plans, min_size=1, max_size=3).map(tuple),
    st.one_of(st.none(), st.sampled_from(CATEGORIES)),
    st.integers(0, 4).map(lambda n: n == 0),
    st.integers(0, 9).map(lambda n: n == 0),
)
villages = st.builds(
    Village,
    st.integers(0, len(VILLAGES) - 1),
    st.integers(0, 3),
    st.lists(candidates, max_size=4).map(tuple),
    st.one_of(st.none(), st.integers(0, 3)),
)


def _officers(db: Database) -> list[uuid.UUID]:
    with db.session() as session:
        officers = [Officer(name=name) for name in ("Rahmah", "Yusuf", "Siti")]
        session.add_all(officers)
        session.flush()
        return [officer.id for officer in officers]


def _make(db: Database, rubric: Rubric, village: Village, officers: list[uuid.UUID]) -> None:
    categories = frozenset(rubric.category_ids)
    code = VILLAGES[village.code]
    survey_id = create_survey(db, SurveyInput(code, date(2026, 3, 2) + timedelta(village.day)))
    for candidate in village.candidates:
        product = add_product(
            db, survey_id, ProductInput(candidate.name, candidate.category), categories=categories
        )
        for number, plan in enumerate(candidate.assessments):
            levels: dict[str, int | None] = dict(
                zip(rubric.criterion_ids, PATTERNS[plan.pattern], strict=True)
            )
            if plan.blank:
                levels[rubric.criterion_ids[plan.pattern % len(levels)]] = None
            assessor = None if plan.assessor is None else officers[plan.assessor]
            saved = save_assessment(
                db,
                product,
                rubric,
                levels,
                assessor_id=assessor,
                final=plan.final and not plan.blank,
            )
            if number == 0 and candidate.other_definition:
                with db.session() as session:  # a snapshot that is not this rubric's
                    session.execute(
                        update(Assessment)
                        .where(Assessment.id == saved.assessment_id)
                        .values(rubric_hash="0" * 64, total=40, stars=2, capped_by_gate=None)
                    )
        if candidate.new_category is not None:
            update_product(db, product, {"category": candidate.new_category}, categories=categories)
        if candidate.deleted:
            delete_product(db, product)
    ranked = [e for e in rank_survey(db, survey_id, rubric).entries if e.rank is not None]
    if village.choose is not None and village.choose < len(ranked):
        chosen = ranked[village.choose]
        recommend_product(db, survey_id, chosen.product_id, rubric, "Pasar sudah ada.")


def _entries(ranking: VillageRanking) -> list[tuple[object, ...]]:
    """What a ranking row shows of each entry, the recommendation only for a ranked one."""
    recommended = ranking.recommended
    return [
        (
            e.product_id,
            e.name,
            e.rank,
            e.total,
            e.stars,
            e.gate,
            e.final,
            e.consensus,
            len(e.assessment_ids),
            e.rank is not None and recommended is not None and e == recommended,
        )
        for e in ranking.entries
    ]


def _check_every_village(db: Database, rubric: Rubric) -> None:
    with db.session() as session:
        surveys = rank_surveys(session, rubric)
    references = {s.survey_id: rank_survey(db, s.survey_id, rubric) for s in surveys}
    for survey in surveys:
        assert [
            (
                c.product_id,
                c.name,
                c.rank,
                c.total,
                c.stars,
                c.gate,
                c.final,
                c.consensus,
                c.assessments,
                c.rank is not None and survey.recommended(c),
            )
            for c in survey.candidates
        ] == _entries(references[survey.survey_id])

    province = rank_region(db, None, rubric)
    latest = {
        rank_village(db, code, rubric).survey_id for code in {s.village_code for s in surveys}
    }
    expected = sorted(
        (str(survey_id), *entry[:-2], entry[-1])
        for survey_id in latest
        for entry in _entries(references[survey_id])
        if entry[2] is not None
    )
    shown = sorted(
        (
            str(row.survey_id),
            row.product_id,
            row.name,
            row.village_rank,
            row.total,
            row.stars,
            row.gate,
            row.final,
            row.consensus,
            row.recommended,
        )
        for row in province.rows
    )
    assert shown == expected
    # Best total first, then stars, then by regency, village and name (a stable order).
    order = [(-row.total, -row.stars, row.regency, row.village, row.name) for row in province.rows]
    assert order == sorted(order)
    assert {v.survey_id for v in province.unassessed} == {
        sid for sid in latest if all(e.rank is None for e in references[sid].entries)
    }
    banjar = rank_region(db, "63.03", rubric)
    assert banjar.rows == tuple(r for r in province.rows if r.village_code.startswith("63.03."))

    # The survey list's top candidate is each survey's rank 1, whole or a screenful at a time.
    expected_tops = {}
    for survey_id, reference in references.items():
        first = [entry for entry in _entries(reference) if entry[2] == 1]
        expected_tops[survey_id] = (first[0][1], first[0][3], first[0][4]) if first else None
    whole = list_surveys(db, rubric)
    pages = list_surveys(db, rubric, limit=2) + list_surveys(db, rubric, offset=2)
    for rows in (whole, pages):
        assert {
            row.survey_id: (row.top_candidate, row.top_total, row.top_stars)
            if row.top_candidate is not None
            else None
            for row in rows
        } == expected_tops


def _one(pattern: int, assessor: int | None = 0, final: bool = True) -> tuple[Plan, ...]:
    return (Plan(assessor, pattern, False, final),)


def _plain(name: str, category: str, plans: tuple[Plan, ...]) -> Candidate:
    return Candidate(name, category, plans, None, False, False)


# Every case the pass treats apart, in one province tried first.
EVERY_CASE = [
    Village(  # ties decided by C7, by name, by product id ("amplang"), below and above 4 stars
        0,
        0,
        (
            _plain("Dodol", "makanan", _one(8)),
            _plain("Amplang", "makanan", _one(5)),
            _plain("Anyaman Purun", "anyaman", _one(5)),
            _plain("amplang", "anyaman", _one(5)),
            _plain("Dodol", "logam", _one(1)),
            _plain("Amplang", "logam", _one(2)),
        ),
        None,
    ),
    Village(  # a snapshot stored under another definition of the rubric; a second choice
        1,
        0,
        (
            _plain("Amplang", "logam", _one(0)),
            _plain("Dodol", "minuman", _one(3, final=False)),
            Candidate("Anyaman Purun", "logam", _one(5), None, True, False),
        ),
        1,
    ),
    Village(  # a consensus; an officer who scored again; a draft with a blank
        2,
        1,
        (
            _plain("Dodol", "logam", tuple(Plan(n, (3, 5, 8)[n], False, True) for n in range(3))),
            _plain("Amplang", "logam", (Plan(0, 3, False, True), Plan(0, 5, False, True))),
            _plain("Anyaman Purun", "anyaman", (Plan(None, 3, True, False),)),
        ),
        None,
    ),
    Village(  # a category changed after the assessment, both ways; a deleted candidate
        3,
        2,
        (
            Candidate("Dodol", "anyaman", _one(7), "makanan", False, False),
            Candidate("Amplang", "makanan", _one(7), "logam", False, False),
            Candidate("Anyaman Purun", "logam", _one(3), None, False, True),
        ),
        None,
    ),
    Village(3, 0, (_plain("Dodol", "makanan", _one(3)),), None),  # an older survey
    Village(4, 0, (_plain("Dodol", "makanan", ()),), None),  # nothing assessed
]


@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(province=st.lists(villages, min_size=2, max_size=5))
@example(province=EVERY_CASE)
def test_the_one_pass_ranks_every_village_as_the_village_ranking_does(
    db: Database, rubric: Rubric, province: list[Village]
) -> None:
    # The database keeps what earlier examples made: the property holds for all of it.
    officers = _officers(db)
    for village in province:
        _make(db, rubric, village, officers)
    _check_every_village(db, rubric)


def test_levels_are_read_for_more_assessments_than_one_statement_can_bind(
    db: Database, rubric: Rubric
) -> None:
    """A province's levels are read for tens of thousands of assessments at once: more keys than
    a statement takes bound parameters (65,535 on PostgreSQL, 32,766 on SQLite) still read,
    each assessment's levels in rubric order, keys as the pass's queries give them."""
    survey_id = create_survey(db, SurveyInput(VILLAGES[0], date(2026, 3, 2)))
    categories = frozenset(rubric.category_ids)
    saved = []
    for number, pattern in enumerate(PATTERNS[:3]):
        product = add_product(
            db, survey_id, ProductInput(f"Produk {number}", "makanan"), categories=categories
        )
        levels = dict(zip(rubric.criterion_ids, pattern, strict=True))
        saved.append((save_assessment(db, product, rubric, levels).assessment_id, pattern))
    with db.session() as session:
        keys = {
            found: pattern
            for (assessment_id, pattern) in saved
            for found in session.scalars(
                select(id_text(Assessment.id)).where(Assessment.id == assessment_id)
            )
        }
        strangers = [_id_text_of(db, uuid.uuid4()) for _ in range(70_000)]
        read = read_levels(session, rubric, [*strangers[:35_000], *keys, *strangers[35_000:]])
    assert read == {key: tuple(pattern) for key, pattern in keys.items()}


def _id_text_of(db: Database, made: uuid.UUID) -> str:
    """An id as id_text reads it on this database: hex on SQLite, canonical on PostgreSQL."""
    return made.hex if db.engine.dialect.name == "sqlite" else str(made)


def test_assessments_find_their_candidates_in_any_order() -> None:
    """The pass joins assessments to candidates by merging where they come in the same order,
    and by key where they do not: every order gives each assessment its own candidate, and the
    assessment of a candidate not read (deleted) none."""
    entries = [[f"p{n}", f"Produk {n}", "makanan", None, None, None, 0] for n in range(6)]
    orders = (
        ["p0", "p1", "p1", "p2", "p3", "p4", "p5"],  # in order, p1 twice
        ["p3", "p0", "p5", "p1", "gone", "p2", "p1", "p4"],  # out of order, a deleted one
        ["p5", "p4", "p3", "p2", "p1", "p0", "p0"],  # reversed
        ["p0", "p2", "p4", "p1", "p3", "p5", "p2"],  # p2 again, far from its first
    )
    for order in orders:
        assessments = iter([(product, f"a{n}") for n, product in enumerate(order)])
        paired = [(entry[0], found[1]) for entry, found in joined(entries, assessments)]
        expected = [(p, f"a{n}") for n, p in enumerate(order) if p != "gone"]
        assert paired == expected
