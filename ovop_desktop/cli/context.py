"""What every command of `ovop` shares: the exit statuses, the context a command runs in (the
data directory and, opened on first use, the database) and the helper that adds a command.

The command modules import this module only, never each other nor the package itself."""

from __future__ import annotations

import argparse
import enum
from collections.abc import Callable

# Only argparse and the standard library at the top: `ovop --help`, `--version` and a usage
# error load nothing else (not even `typing`, as long as argparse itself: type checkers read a
# module's own TYPE_CHECKING as true). A command loads what it needs when it runs (Qt never).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TypeAlias

    from ovop_desktop.paths import AppPaths
    from ovop_desktop.services.database import Database


class Exit(enum.IntEnum):
    """The exit status of `ovop`: scripts and the province's batch jobs test these numbers."""

    OK = 0
    ERROR = 1  # a handled error; the message is on stderr
    USAGE = 2  # the command line was not understood (argparse uses 2 as well)


class Context:
    """What a command needs: the data directory and, opened on first use, the database."""

    def __init__(self, args: argparse.Namespace) -> None:
        from ovop_desktop.paths import resolve_paths
        from ovop_desktop.preferences import database_url

        self.args = args
        self.paths: AppPaths = resolve_paths(args.home)
        self.url: str = database_url(self.paths, args.db)
        self._db: Database | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            from ovop_desktop.services.database import open_database

            self.paths.ensure()
            self._db = open_database(self.url, backups_dir=self.paths.backups_dir)
            from ovop_desktop.services.reference import ensure_builtin_regions
            from ovop_desktop.services.rubrics import install_shipped_rubrics

            install_shipped_rubrics(self._db)
            ensure_builtin_regions(self._db)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()


if TYPE_CHECKING:
    Handler: TypeAlias = Callable[[Context], int]
    SubParsers: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]
    Adder: TypeAlias = Callable[[SubParsers, str, str, Handler], argparse.ArgumentParser]
else:  # names for annotations, which are never evaluated (from __future__ import annotations)
    Handler = SubParsers = Adder = Callable


def add_command(
    sub: SubParsers, name: str, helptext: str, handler: Handler
) -> argparse.ArgumentParser:
    """Add the command `name` to `sub`; running it calls `handler` with the Context."""
    command = sub.add_parser(name, help=helptext, description=helptext)
    command.set_defaults(handler=handler)
    return command


def print_json(data: object) -> None:
    import json

    print(json.dumps(data, ensure_ascii=False, indent=2))
