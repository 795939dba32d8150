"""The consensus of several assessors: the median level, and where they disagree."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ovop_desktop.core.consensus import disagreements, median_levels

CRITERIA = ("C1", "C2", "C3")


def test_the_median_of_three_is_the_middle_level() -> None:
    levels = median_levels([{"C1": 2}, {"C1": 5}, {"C1": 3}], CRITERIA)
    assert levels == {"C1": 3, "C2": None, "C3": None}


def test_two_assessors_give_the_lower_middle_level_never_a_half() -> None:
    assert median_levels([{"C1": 3, "C2": 4}, {"C1": 4, "C2": 4}], CRITERIA)["C1"] == 3


def test_an_unscored_level_does_not_count_as_zero() -> None:
    assert median_levels([{"C1": 4}, {"C1": None}], CRITERIA)["C1"] == 4


def test_levels_two_apart_are_flagged_in_rubric_order() -> None:
    first = {"C1": 1, "C2": 3, "C3": 5}
    second = {"C1": 3, "C2": 4, "C3": 2}
    assert disagreements(first, second, CRITERIA) == ("C1", "C3")
    assert disagreements(first, {"C1": None}, CRITERIA) == ()


@given(st.lists(st.integers(1, 5), min_size=1, max_size=7))
def test_the_median_lies_between_the_lowest_and_highest_level(levels: list[int]) -> None:
    median = median_levels([{"C1": level} for level in levels], CRITERIA)["C1"]
    assert median is not None
    assert min(levels) <= median <= max(levels)
