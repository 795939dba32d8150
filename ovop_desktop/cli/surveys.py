"""`ovop demo` and `ovop surveys list`: the surveys of this data folder, and demo ones to try
the application with. (`surveys import-xlsx` sits with the template in spreadsheets.py.)"""

from __future__ import annotations

from ovop_desktop.cli.context import Adder, Context, Exit, SubParsers, print_json


def cmd_demo(ctx: Context) -> int:
    from ovop_desktop.services.demo import seed_demo

    result = seed_demo(ctx.db, villages=ctx.args.villages, seed=ctx.args.seed)
    print(
        f"Data demo dibuat: {result.surveys} survei, {result.products} produk kandidat, "
        f"{result.assessments} penilaian, di {ctx.paths.data_dir}."
    )
    return Exit.OK


def cmd_surveys_list(ctx: Context) -> int:
    from ovop_desktop.services.rubrics import rubric_in_force
    from ovop_desktop.services.surveys.survey_list import list_surveys

    rows = list_surveys(ctx.db, rubric_in_force(ctx.db))
    if ctx.args.json:
        print_json([row.as_json() for row in rows])
        return Exit.OK
    if not rows:
        print("Belum ada survei.")
    for row in rows:
        top = f"{row.top_candidate} ({'★' * (row.top_stars or 0)})" if row.top_candidate else "-"
        print(
            f"{row.survey_date.isoformat()}  {row.village_code:<14} {row.village:<24} "
            f"{row.status:<6} {row.candidates} kandidat  teratas: {top}"
        )
    return Exit.OK


def register(commands: SubParsers, add: Adder) -> SubParsers:
    """Add `demo [--villages N] [--seed N]` and `surveys list [--json]`; return the `surveys`
    sub-commands so that other groups can add theirs."""
    demo = add(commands, "demo", "isi folder data dengan data demo Kalimantan Selatan", cmd_demo)
    demo.add_argument("--villages", type=int, default=12)
    demo.add_argument("--seed", type=int, default=2026)

    surveys = commands.add_parser("surveys", help="survei")
    surveys_sub = surveys.add_subparsers(dest="action", metavar="AKSI", required=True)
    add(surveys_sub, "list", "daftar survei", cmd_surveys_list).add_argument(
        "--json", action="store_true"
    )
    return surveys_sub
