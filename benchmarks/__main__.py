"""`python -m benchmarks`: run every benchmark and print one table."""

from __future__ import annotations

import sys

from benchmarks import (
    bench_cli,
    bench_letters,
    bench_map,
    bench_ranking,
    bench_regions,
    bench_scoring,
    bench_startup,
    bench_survey_list,
    bench_sync,
)
from benchmarks.harness import print_table

MODULES = (
    bench_cli,
    bench_regions,
    bench_scoring,
    bench_survey_list,
    bench_startup,
    bench_ranking,
    bench_letters,
    bench_sync,
    bench_map,
)


def main() -> int:
    rows = []
    for module in MODULES:
        print(f"running {module.__name__} ...", file=sys.stderr, flush=True)
        rows += module.run()
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
