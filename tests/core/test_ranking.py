"""Ranking the candidate products of one village: order, tie-breaks and their explanation."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ovop_desktop.core.rubric_loader import parse_rubric
from ovop_desktop.core.scoring import CandidateInput, RankedCandidate, ScoringError, rank_candidates

RUBRIC = parse_rubric(
    (Path(__file__).parents[2] / "resources" / "rubrics" / "ovop-kalsel-2026-v1.toml").read_text(
        encoding="utf-8"
    )
)
IDS = RUBRIC.criterion_ids


def candidate(
    product_id: str, name: str, *levels: int | None, category: str = "kriya"
) -> CandidateInput:
    """A candidate with levels C1..C8 in order."""
    return CandidateInput(product_id, name, category, dict(zip(IDS, levels, strict=True)))


def order(ranking: list[RankedCandidate]) -> list[tuple[str, int | None]]:
    return [(r.candidate.product_id, r.rank) for r in ranking]


def test_higher_total_ranks_first_whatever_the_tie_break_levels() -> None:
    low = candidate("p1", "Amplang", 3, 3, 3, 3, 5, 3, 5, 5)  # 24+15+6+20+15 = 80
    high = candidate("p2", "Bakul", 5, 5, 5, 5, 3, 5, 4, 4)  # 40+9+10+16+12 = 87
    ranking = rank_candidates(RUBRIC, [low, high])
    assert order(ranking) == [("p2", 1), ("p1", 2)]
    assert [r.tie_break for r in ranking] == [None, None]
    assert ranking[0].score.total == Decimal("87.00")


def test_tie_on_total_is_decided_by_quality_c7() -> None:
    # Both total 72; the sasirangan has C7 4 (16 points) and C1 2, the dodol C7 3 and C1 4.
    sasirangan = candidate(
        "p1", "Sasirangan Pewarna Alami", 2, 4, 3, 4, 4, 3, 4, 4, category="tenun"
    )
    dodol = candidate("p2", "Dodol Kandangan", 4, 4, 3, 4, 4, 3, 3, 4, category="makanan")
    first, second = rank_candidates(RUBRIC, [dodol, sasirangan])
    assert (first.candidate, second.candidate) == (sasirangan, dodol)
    assert first.score.total == second.score.total == Decimal("72.00")
    assert first.tie_break is not None
    assert second.tie_break is not None
    assert (first.tie_break.decided_by, first.tie_break.other) == ("C7", dodol)
    assert first.tie_break.describe_id() == (
        "Total sama dengan Dodol Kandangan (72,00); diputuskan oleh Mutu & standar produk "
        "(4 lawan 3)."
    )
    assert first.tie_break.describe_en() == (
        "Same total as Dodol Kandangan (72.00); decided by Product quality & standards (4 vs 3)."
    )
    assert second.tie_break.describe_id() == (
        "Total sama dengan Sasirangan Pewarna Alami (72,00); diputuskan oleh Mutu & standar "
        "produk (3 lawan 4)."
    )


def test_tie_on_total_and_c7_is_decided_by_uniqueness_c8() -> None:
    # Both 63: C8 4 and C5 3 against C8 3 and C5 4.
    tikar = candidate("p1", "Tikar Purun", 3, 3, 3, 3, 3, 3, 3, 4, category="anyaman")
    bakul = candidate("p2", "Bakul Purun", 3, 3, 3, 3, 4, 3, 3, 3, category="anyaman")
    ranking = rank_candidates(RUBRIC, [bakul, tikar])
    assert order(ranking) == [("p1", 1), ("p2", 2)]
    tie = ranking[0].tie_break
    assert tie is not None
    assert (tie.decided_by, tie.own_level, tie.other_level) == ("C8", 4, 3)
    assert "Keunikan, kearifan lokal & cerita produk (4 lawan 3)" in tie.describe_id()


def test_tie_on_total_c7_and_c8_is_decided_by_market_c5() -> None:
    # Both 62: C5 5 and C1 1 against C5 3 and C1 4.
    wadai = candidate("p1", "Wadai Bingka", 1, 3, 3, 3, 5, 3, 3, 3, category="makanan")
    amplang = candidate("p2", "Amplang", 4, 3, 3, 3, 3, 3, 3, 3, category="makanan")
    ranking = rank_candidates(RUBRIC, [amplang, wadai])
    assert order(ranking) == [("p1", 1), ("p2", 2)]
    assert ranking[0].tie_break is not None
    assert ranking[0].tie_break.decided_by == "C5"


def test_full_tie_is_decided_by_name_ignoring_case_and_accents() -> None:
    same = (3, 3, 3, 3, 3, 3, 3, 3)
    # Compared as written, "B" < "D" < "a" < "Ê"; folded, amplang < bakul < dodol < emping.
    emping = candidate("p1", "Êmping Melinjo", *same)
    dodol = candidate("p2", "Dodol Kandangan", *same)
    amplang = candidate("p3", "amplang Haruan", *same)
    bakul = candidate("p4", "Bakul Purun", *same)
    ranking = rank_candidates(RUBRIC, [emping, dodol, amplang, bakul])
    assert order(ranking) == [("p3", 1), ("p4", 2), ("p2", 3), ("p1", 4)]
    middle = ranking[1].tie_break
    assert middle is not None
    # A candidate tied on both sides is explained against the one just above it.
    assert (middle.decided_by, middle.other) == ("name", amplang)
    assert middle.describe_id() == (
        "Total sama dengan amplang Haruan (60,00); diputuskan menurut abjad nama produk."
    )
    assert middle.describe_en() == (
        "Same total as amplang Haruan (60.00); decided by alphabetical order of product name."
    )


def test_same_name_and_levels_fall_back_to_product_id() -> None:
    same = (4, 4, 4, 4, 4, 4, 4, 4)
    ranking = rank_candidates(
        RUBRIC,
        [candidate("p9", "Kain Sasirangan", *same), candidate("p1", "Kain Sasirangan", *same)],
    )
    assert order(ranking) == [("p1", 1), ("p9", 2)]
    assert ranking[0].tie_break is not None
    assert ranking[0].tie_break.decided_by == "product_id"
    assert "kode produk" in ranking[0].tie_break.describe_id()


def test_incomplete_candidates_come_last_without_rank_ordered_by_name() -> None:
    ranking = rank_candidates(
        RUBRIC,
        [
            candidate("p1", "Zebra Kayu", 4, 4, 4, 4, 4, 4, None, 4),
            candidate("p2", "Amplang", 2, 2, 2, 2, 2, 2, 2, 2),
            candidate("p3", "Bakul", None, None, None, None, None, None, None, None),
            candidate("p4", "Cobek", 3, 3, 3, 3, 3, 3, 3, 3),
        ],
    )
    assert order(ranking) == [("p4", 1), ("p2", 2), ("p3", None), ("p1", None)]
    assert ranking[2].score.total is None
    assert ranking[2].tie_break is None


def test_input_order_does_not_change_the_ranking() -> None:
    same = (3, 3, 3, 3, 3, 3, 3, 3)
    candidates = [
        candidate("p1", "Sasirangan", 2, 4, 3, 4, 4, 3, 4, 4),
        candidate("p2", "Dodol", 4, 4, 3, 4, 4, 3, 3, 4),
        candidate("p3", "Amplang", *same),
        candidate("p4", "amplang", *same),
        candidate("p5", "Bakul", *same),
        candidate("p6", "Cobek", None, 3, 3, 3, 3, 3, 3, 3),
        candidate("p7", "Anyaman", 5, 5, 5, 5, 5, 5, 5, 5),
    ]
    expected = rank_candidates(RUBRIC, candidates)
    shuffler = random.Random(2026)
    for _ in range(20):
        shuffled = candidates[:]
        shuffler.shuffle(shuffled)
        assert rank_candidates(RUBRIC, shuffled) == expected


def test_one_product_twice_in_a_ranking_is_refused() -> None:
    twice = candidate("p1", "Dodol", *[3] * 8)
    with pytest.raises(ScoringError, match="muncul dua kali"):
        rank_candidates(RUBRIC, [twice, twice])


def test_no_candidates_no_ranking() -> None:
    assert rank_candidates(RUBRIC, []) == []


level_or_none = st.one_of(st.none(), st.integers(1, 5), st.integers(1, 5), st.integers(1, 5))
candidate_lists = st.lists(
    st.tuples(
        st.sampled_from(["Amplang", "amplang", "Ámplang", "Bakul", "Dodol"]),
        st.sampled_from(RUBRIC.category_ids),
        # Few distinct levels, so that ties on total are common.
        st.lists(st.one_of(level_or_none, st.just(3)), min_size=8, max_size=8),
    ),
    max_size=12,
).map(
    lambda rows: [
        candidate(f"p{i}", name, *levels, category=category)
        for i, (name, category, levels) in enumerate(rows)
    ]
)


@settings(max_examples=200, deadline=None)
@given(candidate_lists, st.randoms(use_true_random=False))
def test_ranking_is_a_permutation_independent_of_input_order(
    candidates: list[CandidateInput], shuffler: random.Random
) -> None:
    ranking = rank_candidates(RUBRIC, candidates)
    assert sorted(r.candidate.product_id for r in ranking) == sorted(
        c.product_id for c in candidates
    )
    complete = [r for r in ranking if r.score.complete]
    assert [r.rank for r in complete] == list(range(1, len(complete) + 1))
    assert all(r.rank is None for r in ranking[len(complete) :])
    totals = [r.score.total for r in complete]
    assert totals == sorted(totals, reverse=True)
    shuffled = candidates[:]
    shuffler.shuffle(shuffled)
    assert rank_candidates(RUBRIC, shuffled) == ranking
