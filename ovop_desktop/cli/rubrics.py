"""`ovop rubrics list`: the rubric versions installed, the one in force marked."""

from __future__ import annotations

from ovop_desktop.cli.context import Adder, Context, Exit, SubParsers


def cmd_rubrics_list(ctx: Context) -> int:
    from ovop_desktop.services.rubrics import list_rubrics

    for info in list_rubrics(ctx.db):
        mark = "*" if info.in_force else " "
        print(f"{mark} {info.rubric_id} v{info.version}  {info.name}  {info.definition_hash[:12]}")
    return Exit.OK


def register(commands: SubParsers, add: Adder) -> None:
    """Add `rubrics list`."""
    rubrics = commands.add_parser("rubrics", help="versi rubrik")
    rubrics_sub = rubrics.add_subparsers(dest="action", metavar="AKSI", required=True)
    add(rubrics_sub, "list", "versi rubrik yang terpasang", cmd_rubrics_list)
