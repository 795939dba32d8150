"""Benchmark: scoring and ranking 50,000 candidates against a bare Python weighted sum: through
core.scoring.ScoreTable, as the province ranking does, and through rank_candidates, the reference
that also makes every criterion's points and the tie-break explanations."""

from __future__ import annotations

import random
from pathlib import Path

from benchmarks.harness import BenchRow, timed
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.core.rubric_loader import parse_rubric
from ovop_desktop.core.scoring import CandidateInput, ScoreTable, rank_candidates

CANDIDATES = 50_000
RUBRIC_PATH = (
    Path(__file__).resolve().parents[1] / "resources" / "rubrics" / "ovop-kalsel-2026-v1.toml"
)


def _villages(rubric: Rubric) -> list[list[CandidateInput]]:
    """Deterministic villages of 3–7 candidates (about 5 each), 50,000 candidates in all."""
    rng = random.Random(2026)
    categories = rubric.category_ids
    villages: list[list[CandidateInput]] = []
    made = 0
    while made < CANDIDATES:
        size = min(rng.randint(3, 7), CANDIDATES - made)
        village = []
        for _ in range(size):
            levels = {criterion_id: rng.randint(1, 5) for criterion_id in rubric.criterion_ids}
            name = f"Produk {rng.randint(1, 400)}"  # repeated names: some ties go that far
            village.append(CandidateInput(f"P{made:06d}", name, rng.choice(categories), levels))
            made += 1
        villages.append(village)
    return villages


def run() -> list[BenchRow]:
    rubric = parse_rubric(RUBRIC_PATH.read_text(encoding="utf-8"))
    villages = _villages(rubric)
    weights = [criterion.weight for criterion in rubric.criteria]
    level_lists = [
        [candidate.levels[criterion_id] or 0 for criterion_id in rubric.criterion_ids]
        for village in villages
        for candidate in village
    ]

    table = ScoreTable(rubric)
    rows = [
        [
            (c.product_id, c.name, c.category, tuple(c.levels[i] for i in rubric.criterion_ids))
            for c in village
        ]
        for village in villages
    ]

    def bulk() -> object:
        return [table.rank(village) for village in rows]

    def ours() -> object:
        return [rank_candidates(rubric, village) for village in villages]

    def baseline() -> object:
        return [sum(w * lvl for w, lvl in zip(weights, lv, strict=True)) / 5 for lv in level_lists]

    fast = timed(bulk)
    seconds = timed(ours)
    base = timed(baseline)
    return [
        BenchRow(
            name=f"scoring + ranking {CANDIDATES:,} candidates (per village, ScoreTable)",
            figure=f"{fast:.2f} s ({fast / CANDIDATES * 1e6:.1f} µs/candidate)",
            baseline=f"{base:.3f} s (bare Python weighted sum)",
            ratio=fast / base if base > 0 else None,
            goal="≤ 5×",
        ),
        BenchRow(
            name="  the same through rank_candidates (points, explanations: the reference)",
            figure=f"{seconds:.2f} s ({seconds / CANDIDATES * 1e6:.0f} µs/candidate)",
            baseline=f"{base:.3f} s (bare Python weighted sum)",
            ratio=seconds / base if base > 0 else None,
        ),
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
