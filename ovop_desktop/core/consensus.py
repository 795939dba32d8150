"""Two or more assessors: the consensus levels and where they disagree.

The ranking uses the median level per criterion across the final assessments. With an even number
of assessments the lower of the two middle levels is taken (statistics.median_low): a level is a
rubric step with its own descriptor, so no half levels, and the conservative one never overrates.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from statistics import median_low

Levels = Mapping[str, int | None]

DISAGREEMENT = 2  # levels this far apart or more are flagged


def median_levels(assessments: Sequence[Levels], criteria: Sequence[str]) -> dict[str, int | None]:
    """The median level of each criterion over the assessments that scored it (None if none)."""
    result: dict[str, int | None] = {}
    for criterion in criteria:
        scored = [level for a in assessments if (level := a.get(criterion)) is not None]
        result[criterion] = median_low(scored) if scored else None
    return result


def median_level_rows(
    assessments: Sequence[Sequence[int | None]],
) -> tuple[int | None, ...]:
    """`median_levels` of assessments given as rows of levels in the same criterion order."""
    result: list[int | None] = []
    for column in zip(*assessments, strict=True):
        scored = sorted(level for level in column if level is not None)
        # median_low: the lower middle of an even count.
        result.append(scored[(len(scored) - 1) // 2] if scored else None)
    return tuple(result)


def disagreements(first: Levels, second: Levels, criteria: Sequence[str]) -> tuple[str, ...]:
    """The criteria both scored whose levels differ by DISAGREEMENT or more, in rubric order."""
    flagged = []
    for criterion in criteria:
        a, b = first.get(criterion), second.get(criterion)
        if a is not None and b is not None and abs(a - b) >= DISAGREEMENT:
            flagged.append(criterion)
    return tuple(flagged)
