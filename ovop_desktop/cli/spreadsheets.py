"""`ovop xlsx`, `ovop csv`, `ovop template` and `ovop surveys import-xlsx`: exports for analysts,
and the XLSX template for paper surveys with its import."""

from __future__ import annotations

from pathlib import Path

from ovop_desktop.cli.context import Adder, Context, Exit, SubParsers


def cmd_xlsx(ctx: Context) -> int:
    from ovop_desktop.services.province.spreadsheets import SHEETS, export_xlsx
    from ovop_desktop.services.rubrics import rubric_in_force

    rubric = rubric_in_force(ctx.db)
    target = export_xlsx(ctx.db, rubric, Path(ctx.args.out))
    print(
        f"Ekspor XLSX ({', '.join(SHEETS)}; rubrik {rubric.name} versi {rubric.version}) "
        f"disimpan di {target}."
    )
    return Exit.OK


def cmd_csv(ctx: Context) -> int:
    from ovop_desktop.services.province.spreadsheets import export_csv
    from ovop_desktop.services.rubrics import rubric_in_force

    delimiter = ";" if ctx.args.semicolon else ","
    written = export_csv(ctx.db, rubric_in_force(ctx.db), Path(ctx.args.out), delimiter=delimiter)
    print(
        f"{len(written)} berkas CSV (pemisah '{delimiter}') disimpan di {ctx.args.out}: "
        + ", ".join(path.name for path in written)
        + "."
    )
    return Exit.OK


def cmd_template(ctx: Context) -> int:
    from ovop_desktop.services.rubrics import rubric_in_force
    from ovop_desktop.services.surveys.xlsx_template import write_template

    rubric = rubric_in_force(ctx.db)
    target = write_template(ctx.db, rubric, Path(ctx.args.out))
    print(f"Templat survei (rubrik {rubric.name} versi {rubric.version}) disimpan di {target}.")
    return Exit.OK


def cmd_import_xlsx(ctx: Context) -> int:
    from ovop_desktop.services.surveys.xlsx_template_import import import_template_here

    path = Path(ctx.args.file)
    result = import_template_here(ctx.db, path)
    drafts = result.assessments - result.final_assessments
    print(
        f"Impor templat {path.name}: {result.surveys} survei (draf), {result.products} produk "
        f"kandidat, {result.assessments} penilaian ({result.final_assessments} final, "
        f"{drafts} draf)."
    )
    return Exit.OK


def register(commands: SubParsers, add: Adder, surveys: SubParsers) -> None:
    """Add `xlsx`, `csv` and `template` to `commands`, and `import-xlsx` to the `surveys`
    sub-commands (the template and its import belong together)."""
    xlsx = add(commands, "xlsx", "ekspor survei, produk, penilaian dan peringkat ke XLSX", cmd_xlsx)
    xlsx.add_argument("--out", required=True, help="berkas XLSX yang ditulis")
    csv = add(commands, "csv", "ekspor survei, produk, penilaian dan peringkat ke CSV", cmd_csv)
    csv.add_argument("--out", required=True, help="folder tujuan keempat berkas CSV")
    csv.add_argument(
        "--semicolon",
        action="store_true",
        help="pemisah ';' dan koma desimal, untuk Excel berbahasa Indonesia",
    )
    template = add(commands, "template", "templat XLSX untuk mengetik survei kertas", cmd_template)
    template.add_argument("--out", required=True, help="berkas XLSX yang ditulis")
    add(
        surveys, "import-xlsx", "impor templat XLSX yang sudah diisi", cmd_import_xlsx
    ).add_argument("file", help="templat XLSX yang sudah diisi")
