"""The command line answers at once: `ovop --help` against a bare `python -c pass`, and a small
command (`ovop surveys list` on a folder with a few surveys) against a bare
`python -c "import sqlalchemy"`, each a fresh process timed from launch to exit (best of RUNS, the
two commands of a row interleaved: the machine is shared and noisy, and the best run is the one
least disturbed). `ovop` is the script installed beside this Python, as an officer runs it."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.harness import BenchRow, seconds

RUNS = 9
VILLAGES = 3


def _best_of_pair(ours: list[str], baseline: list[str], env: dict[str, str]) -> tuple[float, float]:
    """The best time of each command, their runs interleaved so that a busy moment of the
    machine falls on both alike."""
    best = [float("inf"), float("inf")]
    for _ in range(RUNS):
        for index, command in enumerate((ours, baseline)):
            start = time.perf_counter()
            subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
            best[index] = min(best[index], time.perf_counter() - start)
    return best[0], best[1]


def _ovop_command() -> list[str]:
    """The `ovop` an officer runs (the script installed beside this Python), else `-m`."""
    script = Path(sys.executable).with_name("ovop.exe" if os.name == "nt" else "ovop")
    return [str(script)] if script.exists() else [sys.executable, "-m", "ovop_desktop"]


def run() -> list[BenchRow]:
    python = sys.executable
    # Compiled modules are kept, as in an installed application (a session may forbid them).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    ovop = _ovop_command()
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as tmp:
        home = str(Path(tmp) / "home")
        demo = [*ovop, "--home", home, "demo", "--villages", str(VILLAGES)]
        subprocess.run(demo, env=env, check=True, stdout=subprocess.DEVNULL)
        help_, bare = _best_of_pair([*ovop, "--help"], [python, "-c", "pass"], env)
        # What argparse alone costs (import, one parser, its help): the floor under `--help`.
        argparse_only, bare_again = _best_of_pair(
            [python, "-c", "import argparse; argparse.ArgumentParser().format_help()"],
            [python, "-c", "pass"],
            env,
        )
        listing, bare_sqlalchemy = _best_of_pair(
            [*ovop, "--home", home, "surveys", "list"], [python, "-c", "import sqlalchemy"], env
        )
    return [
        BenchRow(
            "ovop --help",
            seconds(help_),
            f"python -c pass {seconds(bare)}",
            help_ / bare,
            goal="≤ 2×",
        ),
        BenchRow(
            "(floor) an empty argparse parser's help",
            seconds(argparse_only),
            f"python -c pass {seconds(bare_again)}",
            argparse_only / bare_again,
        ),
        BenchRow(
            f"ovop surveys list ({VILLAGES} surveys)",
            seconds(listing),
            f'python -c "import sqlalchemy" {seconds(bare_sqlalchemy)}',
            listing / bare_sqlalchemy,
            goal="≤ 3×",
        ),
    ]


if __name__ == "__main__":
    from benchmarks.harness import print_table

    print_table(run())
