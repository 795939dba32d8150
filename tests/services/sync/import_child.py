"""An import in a process of its own, for the tests that kill it (test_import_kill.py).

`python -m tests.services.sync.import_child HOME PACKAGE STOP PAUSE` imports PACKAGE into the
province at HOME and prints a line on stdout before each step a kill may interrupt: every SQL
statement and commit, every file opened for writing, every rename. At step STOP (-1: never) it
prints `stop`, then waits to be killed when PAUSE is 1, or carries on when it is 0 (the parent
kills it somewhere after). At the end it prints `done <status>`.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import event

from ovop_desktop.paths import resolve_paths
from ovop_desktop.services.database import open_database
from ovop_desktop.services.sync.packages import import_package


def main(home: str, package: str, stop: int, pause: bool) -> None:
    paths = resolve_paths(Path(home))
    db = open_database(paths.database_url, migrate=False)
    steps = 0

    def step(what: str) -> None:
        nonlocal steps
        steps += 1
        print(f"{steps} {what}", flush=True)
        if steps == stop:
            print("stop", flush=True)
            while pause:
                time.sleep(1)  # until the parent kills this process

    def audited(name: str, args: tuple[Any, ...]) -> None:
        if name == "open" and isinstance(args[0], str | Path) and _writes(args[1], args[2]):
            step(f"open {args[0]}")
        elif name == "os.rename":
            step(f"rename {args[1]}")

    event.listen(db.engine, "before_cursor_execute", lambda *args: step("sql"))
    event.listen(db.engine, "commit", lambda *args: step("commit"))
    sys.addaudithook(audited)
    result = import_package(db, paths, Path(package), trust_new=True)
    print(f"done {result.status}", flush=True)


def _writes(mode: Any, flags: Any) -> bool:
    """Whether an `open` audit event opens for writing (a mode for open(), flags for os.open)."""
    if isinstance(mode, str):
        return any(c in mode for c in "wax+")
    return isinstance(flags, int) and flags & 3 != 0  # O_WRONLY or O_RDWR


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1")
