"""Shared bits of the benchmarks: a row of the table, a timer, the table printer."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@dataclass
class BenchRow:
    name: str
    figure: str
    baseline: str
    ratio: float | None  # ours / baseline: lower is better
    goal: str = ""  # the goal the ratio is judged against, e.g. "≤ 4×"


def timed(fn: Callable[[], object], repeat: int = 3) -> float:
    """Best wall-clock seconds of `repeat` runs."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def seconds(value: float) -> str:
    if value < 1e-3:
        return f"{value * 1e6:.0f} µs"
    if value < 1:
        return f"{value * 1e3:.1f} ms"
    return f"{value:.2f} s"


def print_table(rows: Sequence[BenchRow]) -> None:
    headers = ("benchmark", "figure", "baseline (same run)", "ratio", "goal")
    cells = [
        (r.name, r.figure, r.baseline, "-" if r.ratio is None else f"{r.ratio:.2f}×", r.goal or "-")
        for r in rows
    ]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
    line = " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line)
    print("-+-".join("-" * w for w in widths))
    for cell in cells:
        print(" | ".join(c.ljust(w) for c, w in zip(cell, widths, strict=True)))
