"""The compiled rubric (ScoreTable) scores and ranks exactly as `score` and `rank_candidates`."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from ovop_desktop.core.consensus import median_level_rows, median_levels
from ovop_desktop.core.rubric_loader import parse_rubric
from ovop_desktop.core.scoring import CandidateInput, ScoreTable, rank_candidates, score

RUBRIC = parse_rubric(
    (Path(__file__).parents[2] / "resources" / "rubrics" / "ovop-kalsel-2026-v1.toml").read_text(
        encoding="utf-8"
    )
)
TABLE = ScoreTable(RUBRIC)
IDS = RUBRIC.criterion_ids

# Few levels per criterion and few names, so that totals, tie-break levels and names tie often.
levels = st.tuples(*(st.sampled_from((None, 3, 4, 5, 3, 4)) for _ in IDS))
candidates = st.lists(
    st.tuples(
        st.sampled_from(("Amplang", "amplang", "Dodol")),
        st.sampled_from(RUBRIC.category_ids),
        levels,
    ),
    max_size=7,
)


@given(levels, st.sampled_from(RUBRIC.category_ids))
def test_a_standing_is_the_score_of_the_same_levels(
    row: tuple[int | None, ...], category: str
) -> None:
    result = score(RUBRIC, dict(zip(IDS, row, strict=True)), category)
    standing = TABLE.standing(row, category)
    if not result.complete:
        assert standing is None
        return
    assert standing is not None
    assert (standing.total, standing.band_stars, standing.stars) == (
        result.total,
        result.band_stars,
        result.stars,
    )
    assert str(standing.total) == str(result.total)  # the same digits, as a letter prints them
    assert standing.gate == (result.capped_by.gate.id if result.capped_by else None)


@given(candidates)
def test_a_village_ranks_as_rank_candidates_ranks_it(
    village: list[tuple[str, str, tuple[int | None, ...]]],
) -> None:
    inputs = [
        CandidateInput(f"p{n}", name, category, dict(zip(IDS, row, strict=True)))
        for n, (name, category, row) in enumerate(village)
    ]
    expected = [
        (r.candidate.product_id, r.score.total, r.score.stars, r.rank)
        for r in rank_candidates(RUBRIC, inputs)
        if r.rank is not None
    ]
    ranked = TABLE.rank(
        (c.product_id, c.name, c.category, row)
        for c, (_, _, row) in zip(inputs, village, strict=True)
    )
    assert [(pid, s.total, s.stars, rank) for pid, s, rank in ranked] == expected


@given(st.lists(levels, min_size=1, max_size=4))
def test_the_median_of_level_rows_is_the_median_of_levels(
    rows: list[tuple[int | None, ...]],
) -> None:
    as_maps = [dict(zip(IDS, row, strict=True)) for row in rows]
    assert median_level_rows(rows) == tuple(median_levels(as_maps, IDS).values())
