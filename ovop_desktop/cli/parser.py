"""The `ovop` parser: argparse and the command modules only (each command imports its services
when it runs). `ovop --help` at 80 columns does not even build it: cli/help_text.py holds its
text, which tests/cli/test_cli_help.py keeps equal to what this parser prints
(`make cli-help` writes it again)."""

from __future__ import annotations

import argparse
import os
import sys

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
from ovop_desktop.cli.context import Exit, add_command

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


def render_help(columns: int) -> str:
    """What `ovop --help` prints on a terminal `columns` wide."""
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(columns)  # argparse asks shutil, which reads COLUMNS first
    try:
        return build_parser().format_help()
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved


def write_help_text() -> None:
    """`make cli-help`: cli/help_text.py written again from the parser."""
    import json
    from pathlib import Path

    from ovop_desktop.cli import help_text

    text = render_help(help_text.COLUMNS)
    target = Path(__file__).with_name("help_text.py")
    target.write_text(
        '"""What `ovop --help` prints at 80 columns, written by `make cli-help` from the parser\n'
        "(cli/parser.py): `ovop --help` then answers without loading argparse. "
        'tests/cli/test_cli_help.py\nfails when the two differ."""\n\n'
        f"COLUMNS = {help_text.COLUMNS}\n\nHELP = (\n"
        # JSON strings are Python literals in the quotes `ruff format` wants.
        + "".join(f"    {json.dumps(line)}\n" for line in text.splitlines(keepends=True))
        + ")\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    write_help_text()
    sys.exit(Exit.OK)
