"""One entry point: `ovop-desktop` (and `ovop` with no command) opens the application; the
sub-commands run the same use cases headless (batch imports, demo data, database upkeep).

One module per command group, each with a `register(commands, add)` that adds its commands to
the parser (cli/parser.py); they share context.py and nothing else. Exit statuses are
:class:`Exit`: 0 success, 1 a handled error (message on stderr), 2 a usage error. Qt is loaded
only to open the window.

`ovop --help` (at the 80 columns of a redirected or standard terminal) and `--version` answer
without argparse; building the parser loads argparse and the command modules only, so a usage
error answers at once too, and each command imports its services when it runs (the command
modules import them inside their functions; tests/cli/test_cli_imports.py keeps it so).
"""

from __future__ import annotations

import os
import sys

from ovop_desktop import __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING without loading typing (type checkers know it)
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from ovop_desktop.cli.context import Context, Exit
    from ovop_desktop.cli.parser import build_parser

__all__ = ["Context", "Exit", "build_parser", "gui_main", "main"]


def __getattr__(name: str) -> object:
    """Context, Exit and build_parser load argparse: only when asked for."""
    if name in ("Context", "Exit"):
        from ovop_desktop.cli import context

        return getattr(context, name)
    if name == "build_parser":
        from ovop_desktop.cli.parser import build_parser

        return build_parser
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _columns() -> int:
    """The width argparse would format for: shutil.get_terminal_size's columns, without shutil."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def _answered_at_once(argv: Sequence[str]) -> bool:
    """`--version`, and `--help` at the width its text was kept for, without argparse."""
    if list(argv) == ["--version"]:
        print(f"OVOP Desktop {__version__}")
        return True
    if list(argv) in (["--help"], ["-h"]):
        from ovop_desktop.cli import help_text

        if _columns() == help_text.COLUMNS:
            sys.stdout.write(help_text.HELP)
            return True
    return False


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    if _answered_at_once(arguments):
        return 0
    from ovop_desktop.cli.console import make_output_safe
    from ovop_desktop.cli.context import Context, Exit
    from ovop_desktop.cli.parser import build_parser

    make_output_safe()  # a ★ on a cp1252 console is written as *, never a UnicodeEncodeError
    parser = build_parser()
    args = parser.parse_args(arguments)
    if args.command in (None, "gui"):
        return run_gui(args)
    from ovop_desktop.core.errors import DomainError
    from ovop_desktop.services.errors import file_error

    ctx = Context(args)
    try:
        return int(args.handler(ctx))
    except (DomainError, OSError) as exc:
        # A file that cannot be read or written gets the same plain words as in the window.
        error = file_error(exc) if isinstance(exc, OSError) else exc
        print(f"Galat: {error.message_id}\n({error.message_en})", file=sys.stderr)
        return Exit.ERROR
    finally:
        ctx.close()


def run_gui(args: argparse.Namespace) -> int:
    from ovop_desktop.ui.app import run_application

    packages = [p for p in getattr(args, "packages", []) if p.lower().endswith(".ovop")]
    return run_application(home=args.home, db_url=args.db, packages=packages)


def gui_main() -> int:
    """`ovop-desktop [FILE.ovop ...]`: a package opened from the file manager goes to import."""
    import argparse

    from ovop_desktop.cli import selftest
    from ovop_desktop.cli.parser import HOME_HELP

    parser = argparse.ArgumentParser(prog="ovop-desktop")
    parser.add_argument("--home", help=HOME_HELP)
    parser.add_argument("--db")
    parser.add_argument("packages", nargs="*", help="paket data .ovop untuk diimpor")
    parser.add_argument("--self-test", action="store_true", help="periksa kelengkapan instalasi")
    parser.add_argument("--quit-after-ms", type=int, help=argparse.SUPPRESS)  # packaging/smoke
    args, _qt_args = parser.parse_known_args()
    if args.self_test:
        return selftest.run_self_test()
    if args.quit_after_ms is not None:
        from ovop_desktop.ui.selfcheck import quit_after

        quit_after(args.quit_after_ms)
    return run_gui(args)
