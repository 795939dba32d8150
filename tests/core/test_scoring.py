"""Scoring one candidate product under the shipped rubric: totals, bands, gates, explanations."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ovop_desktop.core.rubric_loader import parse_rubric
from ovop_desktop.core.scoring import ScoringError, explain, score, star_band

RUBRIC = parse_rubric(
    (Path(__file__).parents[2] / "resources" / "rubrics" / "ovop-kalsel-2026-v1.toml").read_text(
        encoding="utf-8"
    )
)
IDS = RUBRIC.criterion_ids


def levels(*values: int | None) -> dict[str, int | None]:
    """Levels for C1..C8 in order."""
    assert len(values) == len(IDS)
    return dict(zip(IDS, values, strict=True))


def test_all_fours_total_80_and_four_stars() -> None:
    result = score(RUBRIC, levels(4, 4, 4, 4, 4, 4, 4, 4), "kriya")
    assert result.complete
    assert result.total == Decimal("80.00")
    assert (result.band_stars, result.stars, result.capped_by) == (4, 4, None)
    assert result.group_subtotals == {"A": Decimal(32), "B": Decimal(20), "C": Decimal(28)}


def test_extremes_are_20_and_100() -> None:
    assert score(RUBRIC, levels(*[1] * 8), "lainnya").total == Decimal("20.00")
    assert score(RUBRIC, levels(*[5] * 8), "makanan").total == Decimal("100.00")
    assert score(RUBRIC, levels(*[5] * 8), "makanan").stars == 5


def test_mixed_levels_add_up_as_computed_by_hand() -> None:
    # C1 10×3/5=6, C2 10×4/5=8, C3 10×2/5=4, C4 6, C5 15×4/5=12, C6 6, C7 20×4/5=16, C8 12.
    result = score(RUBRIC, levels(3, 4, 2, 3, 4, 3, 4, 4), "tenun")
    assert [result.points[c] for c in IDS] == [Decimal(p) for p in (6, 8, 4, 6, 12, 6, 16, 12)]
    assert result.group_subtotals == {"A": Decimal(24), "B": Decimal(18), "C": Decimal(28)}
    assert result.total == Decimal("70.00")
    assert str(result.total) == "70.00"


def test_craft_without_nib_is_capped_to_three_stars_by_the_nib_gate() -> None:
    result = score(RUBRIC, levels(3, 4, 2, 3, 4, 3, 4, 4), "kriya")
    assert (result.total, result.band_stars, result.stars) == (Decimal("70.00"), 4, 3)
    assert result.capped_by is not None
    assert result.capped_by.gate.id == "bintang4-nib"
    assert (result.capped_by.from_stars, result.capped_by.to_stars) == (4, 3)
    assert [(u.criterion, u.required_level, u.actual_level) for u in result.capped_by.unmet] == [
        ("C3", 3, 2)
    ]
    assert "NIB" in result.capped_by.gate.reason_id


def test_food_without_distribution_permit_is_capped_to_three_stars() -> None:
    # 8+8+8+8 + 15 + 8 + 12 + 15 = 82
    food = score(RUBRIC, levels(4, 4, 4, 4, 5, 4, 3, 5), "makanan")
    assert (food.total, food.band_stars, food.stars) == (Decimal("82.00"), 4, 3)
    assert food.capped_by is not None
    assert food.capped_by.gate.id == "bintang4-pangan-izin-edar-halal"
    assert [(u.criterion, u.required_level, u.actual_level) for u in food.capped_by.unmet] == [
        ("C7", 4, 3)
    ]


def test_food_gate_leaves_other_categories_alone() -> None:
    wood = score(RUBRIC, levels(4, 4, 4, 4, 5, 4, 3, 5), "kayu")
    assert (wood.stars, wood.capped_by) == (4, None)


def test_five_star_total_without_national_market_is_capped_to_four() -> None:
    # 40 + 15×3/5=9 + 10 + 20 + 15 = 94
    result = score(RUBRIC, levels(5, 5, 5, 5, 3, 5, 5, 5), "logam")
    assert (result.total, result.band_stars, result.stars) == (Decimal("94.00"), 5, 4)
    assert result.capped_by is not None
    assert result.capped_by.gate.id == "bintang5-pasar-mutu"
    assert [(u.criterion, u.actual_level) for u in result.capped_by.unmet] == [("C5", 3)]


def test_lowest_failing_gate_decides_and_every_blocking_gate_is_listed() -> None:
    # A drink at 92 with C7 = 3 fails the ★5 gate and the food-and-drink ★4 gate.
    result = score(RUBRIC, levels(5, 5, 5, 5, 5, 5, 3, 5), "minuman")
    assert (result.total, result.band_stars, result.stars) == (Decimal("92.00"), 5, 3)
    assert result.capped_by is not None
    assert result.capped_by.gate.id == "bintang4-pangan-izin-edar-halal"
    assert [cap.gate.id for cap in result.gate_caps] == [
        "bintang4-pangan-izin-edar-halal",
        "bintang5-pasar-mutu",
    ]


def test_gates_above_the_band_reached_do_not_count() -> None:
    # 4+6+2+6 + 9+6 + 16+12 = 61: ★3 band. C3 = 1 fails the ★4 gate, which is not in play.
    result = score(RUBRIC, levels(2, 3, 1, 3, 3, 3, 4, 4), "makanan")
    assert (result.total, result.stars, result.capped_by) == (Decimal("61.00"), 3, None)


def test_incomplete_assessment_has_no_total_and_no_stars() -> None:
    result = score(
        RUBRIC, {"C1": 3, "C2": 4, "C3": 2, "C4": None, "C5": 4, "C7": 4, "C8": 4}, "kayu"
    )
    assert not result.complete
    assert (result.total, result.band_stars, result.stars, result.capped_by) == (
        None,
        None,
        None,
        None,
    )
    assert result.missing == ("C4", "C6")
    assert result.points["C4"] is None
    assert result.points["C6"] is None
    assert result.points["C3"] == Decimal(4)
    assert result.group_subtotals == {"A": Decimal(18), "B": Decimal(12), "C": Decimal(28)}


def test_nothing_assessed_yet_shows_no_subtotals() -> None:
    result = score(RUBRIC, {}, "kayu")
    assert result.missing == IDS
    assert result.group_subtotals == {}
    assert result.total is None


@pytest.mark.parametrize(
    ("given_levels", "category", "expected"),
    [
        pytest.param({"C9": 3}, "kayu", "Kriteria 'C9' tidak ada", id="unknown-criterion"),
        pytest.param({"C1": 0}, "kayu", "Tingkat untuk C1 harus 1 sampai 5", id="level-0"),
        pytest.param({"C1": 6}, "kayu", "bukan 6", id="level-6"),
        pytest.param({"C1": True}, "kayu", "bukan True", id="bool"),
        pytest.param({"C1": 3.0}, "kayu", "bukan 3.0", id="float"),
        pytest.param({"C1": "3"}, "kayu", "bukan '3'", id="text"),
        pytest.param({"C1": 3}, "sepatu", "Kategori produk 'sepatu' tidak ada", id="category"),
    ],
)
def test_invalid_input_is_refused_in_plain_indonesian(
    given_levels: dict[str, Any], category: str, expected: str
) -> None:
    with pytest.raises(ScoringError) as caught:
        score(RUBRIC, given_levels, category)
    assert expected in str(caught.value)
    assert isinstance(caught.value, ValueError)
    assert caught.value.message_en


@pytest.mark.parametrize(
    ("total", "stars"),
    [
        ("20", 1),
        ("29.99", 1),
        ("30", 2),
        ("49.99", 2),
        ("69.99", 3),
        ("70", 4),
        ("89.99", 4),
        ("90", 5),
        ("100.00", 5),
    ],
)
def test_star_band_edges(total: str, stars: int) -> None:
    assert star_band(RUBRIC, Decimal(total)).stars == stars


def test_star_band_refuses_totals_outside_the_scale() -> None:
    with pytest.raises(ScoringError, match="di luar pita bintang"):
        star_band(RUBRIC, Decimal("19.99"))


def test_explanation_names_weakest_by_points_lost_and_strongest_by_level() -> None:
    # Points lost: C1 4, C2 2, C3 6, C4 4, C5 3, C6 4, C7 4, C8 3.
    result = score(RUBRIC, levels(3, 4, 2, 3, 4, 3, 4, 4), "kriya")
    explanation = explain(RUBRIC, result)
    assert [(n.criterion.id, n.level, n.points_lost) for n in explanation.weakest] == [
        ("C3", 2, Decimal(6)),
        ("C1", 3, Decimal(4)),  # ties with C4, C6 (level 3) and C7 (level 4): lower level, order
    ]
    assert [(n.criterion.id, n.points) for n in explanation.strongest] == [
        ("C7", Decimal(16)),
        ("C5", Decimal(12)),  # level 4 like C8, same weight: rubric order
    ]


def test_explanation_never_praises_and_coaches_the_same_criterion() -> None:
    explanation = explain(RUBRIC, score(RUBRIC, levels(*[4] * 8), "kriya"), n=3)
    assert [n.criterion.id for n in explanation.weakest] == ["C7", "C5", "C8"]
    assert [n.criterion.id for n in explanation.strongest] == ["C1", "C2", "C3"]


def test_a_perfect_product_has_nothing_to_coach() -> None:
    explanation = explain(RUBRIC, score(RUBRIC, levels(*[5] * 8), "kriya"))
    assert explanation.weakest == ()
    assert [n.criterion.id for n in explanation.strongest] == ["C7", "C5"]


complete_levels = st.fixed_dictionaries({c: st.integers(1, 5) for c in IDS})
categories = st.sampled_from(RUBRIC.category_ids)
PROPERTY = settings(max_examples=200, deadline=None)


@PROPERTY
@given(complete_levels, categories)
def test_complete_total_lies_between_20_and_100(chosen: dict[str, int], category: str) -> None:
    result = score(RUBRIC, chosen, category)
    assert result.total is not None
    assert Decimal(20) <= result.total <= Decimal(100)
    assert result.total == sum(v for v in result.points.values() if v is not None)


@PROPERTY
@given(complete_levels, categories, st.sampled_from(IDS))
def test_raising_one_level_never_lowers_total_or_stars(
    chosen: dict[str, int], category: str, raised: str
) -> None:
    before = score(RUBRIC, chosen, category)
    after = score(RUBRIC, {**chosen, raised: min(chosen[raised] + 1, 5)}, category)
    assert before.total is not None
    assert after.total is not None
    assert after.total >= before.total
    assert (after.stars or 0) >= (before.stars or 0)


@PROPERTY
@given(complete_levels, categories)
def test_stars_agree_with_bands_and_gates_only_lower(chosen: dict[str, int], category: str) -> None:
    result = score(RUBRIC, chosen, category)
    assert result.total is not None
    assert result.stars is not None
    assert result.band_stars is not None
    band = next(b for b in RUBRIC.bands if b.min_total <= result.total <= b.max_total)
    assert result.band_stars == band.stars
    assert 1 <= result.stars <= result.band_stars
    if result.capped_by is None:
        assert result.stars == result.band_stars
    else:
        assert result.capped_by.to_stars == result.stars < result.capped_by.from_stars
        assert all(u.actual_level < u.required_level for u in result.capped_by.unmet)


@PROPERTY
@given(st.fixed_dictionaries({c: st.one_of(st.none(), st.integers(1, 5)) for c in IDS}), categories)
def test_a_missing_level_is_never_counted_as_zero(
    chosen: dict[str, int | None], category: str
) -> None:
    result = score(RUBRIC, chosen, category)
    unassessed = tuple(c for c in IDS if chosen[c] is None)
    assert result.missing == unassessed
    assert result.complete is (not unassessed)
    assert (result.total is None) is bool(unassessed)
    assert (result.stars is None) is bool(unassessed)
