"""One entry point: `ovop-desktop` (and `ovop` with no command) opens the application; the
sub-commands run the same use cases headless (batch imports, demo data, database upkeep).

One module per command group, each with a `register(commands, add)` that adds its commands to
the parser; they share context.py and nothing else. Exit statuses are :class:`Exit`: 0 success,
1 a handled error (message on stderr), 2 a usage error. Qt is loaded only to open the window.

Building the parser loads argparse and the command modules only: `--help`, `--version` and a
usage error answer at once, and each command imports its services when it runs (the command
modules import them inside their functions; tests/cli/test_cli_imports.py keeps it so).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ovop_desktop import __version__
from ovop_desktop.cli import (
    assessment,
    db,
    letter_register,
    letters,
    regions,
    rubrics,
    selftest,
    setup_package,
    spreadsheets,
    surveys,
    sync,
)
from ovop_desktop.cli.console import make_output_safe
from ovop_desktop.cli.context import Context, Exit, add_command

__all__ = ["Context", "Exit", "build_parser", "gui_main", "main"]

HOME_HELP = (
    "folder data (menggantikan OVOP_HOME dan folder bawaan). Kunci perangkat (device.key, "
    "exchange.key) tersimpan di folder ini dan ikut terbawa bersamanya, misalnya di flashdisk: "
    "simpan folder itu dengan aman"
)


def _argparse_without_catalogue_lookups() -> None:
    """argparse passes each of its own phrases ("show this help message and exit", "usage:")
    through gettext, which looks for catalogue files on disk anew every time: some 90 lookups
    to build this parser, more than half the time of `ovop --help`. No catalogue is shipped
    for argparse (and none is installed with Python), so its phrases stay as written."""
    # argparse's module globals, looked up at each call.
    argparse._ = str  # type: ignore[attr-defined]
    argparse.ngettext = _plural  # type: ignore[attr-defined]


def _plural(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


def build_parser() -> argparse.ArgumentParser:
    _argparse_without_catalogue_lookups()
    parser = argparse.ArgumentParser(
        prog="ovop",
        description="OVOP Desktop: survei potensi desa dan penilaian produk OVOP.",
    )
    parser.add_argument("--version", action="version", version=f"OVOP Desktop {__version__}")
    parser.add_argument("--home", help=HOME_HELP)
    parser.add_argument("--db", help="URL basis data, mis. postgresql+psycopg://user@host/ovop")
    commands = parser.add_subparsers(dest="command", metavar="PERINTAH")
    # The order here is the order of `ovop --help`.
    regions.register(commands, add_command)
    surveys_sub = surveys.register(commands, add_command)
    spreadsheets.register(commands, add_command, surveys_sub)
    setup_package.register(commands, add_command)
    assessment.register(commands, add_command)
    letters.register(commands, add_command)
    letter_register.register(commands, add_command)  # adds to `letter` and `letters`
    sync.register(commands, add_command)
    rubrics.register(commands, add_command)
    db.register(commands, add_command)
    selftest.register(commands, add_command)
    add_command(commands, "gui", "buka aplikasi", lambda ctx: Exit.OK)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    make_output_safe()  # a ★ on a cp1252 console is written as *, never a UnicodeEncodeError
    parser = build_parser()
    args = parser.parse_args(argv)
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
