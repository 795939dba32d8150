"""`ovop regions import|search`: the Kemendagri region list."""

from __future__ import annotations

from pathlib import Path

from ovop_desktop.cli.context import Adder, Context, Exit, SubParsers, print_json


def format_number_id(value: int) -> str:
    """`core.formatting.format_number_id`, loaded when a command prints (not for `--help`)."""
    from ovop_desktop.core.formatting import format_number_id as formatted

    return formatted(value)


def cmd_regions_import(ctx: Context) -> int:
    from ovop_desktop.core.regions import RegionLevel
    from ovop_desktop.services.regions import import_regions

    path = Path(ctx.args.file)
    result = import_regions(ctx.db, path.read_bytes())
    print(f"Impor wilayah dari {path.name}: {format_number_id(result.rows)} baris.")
    for level in RegionLevel:
        count = result.per_level.get(str(level), 0)
        if count:
            print(f"  {level.value:<15} {format_number_id(count):>7}")
    print(
        f"Baru {format_number_id(result.added)}, berganti nama {len(result.renamed)}, "
        f"tetap {format_number_id(result.unchanged)}."
    )
    for rename in result.renamed[:20]:
        print(f"  {rename.code}: {rename.old_name} → {rename.new_name}")
    if len(result.renamed) > 20:
        print(f"  ... dan {len(result.renamed) - 20} lainnya")
    if result.made_official:
        print(
            f"{format_number_id(result.made_official)} wilayah yang ditempatkan sementara "
            "oleh paket kini ada di daftar resmi."
        )
    if result.kept_not_in_file:
        print(
            f"{format_number_id(result.kept_not_in_file)} wilayah lama tidak ada di berkas ini "
            "dan tetap disimpan."
        )
    return Exit.OK


def cmd_regions_search(ctx: Context) -> int:
    from ovop_desktop.services.regions import search_regions

    hits = search_regions(ctx.db, ctx.args.text, limit=ctx.args.limit)
    if ctx.args.json:
        print_json(
            [
                {
                    "code": h.code,
                    "name": h.name,
                    "level": h.level,
                    "district": h.district,
                    "regency": h.regency,
                }
                for h in hits
            ]
        )
        return Exit.OK
    if not hits:
        print(f"Tidak ada wilayah yang cocok dengan '{ctx.args.text}'.")
    for hit in hits:
        where = f" — {hit.context}" if hit.context else ""
        print(f"{hit.code:<14} {hit.level:<15} {hit.name}{where}")
    return Exit.OK


def cmd_regions_import_boundaries(ctx: Context) -> int:
    from ovop_desktop.services.boundaries import import_boundaries

    path = Path(ctx.args.file)
    result = import_boundaries(ctx.db, ctx.paths, path)
    print(f"Impor batas wilayah dari {path.name}: {format_number_id(result.total)} batas.")
    for level, count in result.per_level.items():
        print(f"  {level:<15} {format_number_id(count):>7}")
    return Exit.OK


def register(commands: SubParsers, add: Adder) -> None:
    """Add `regions import FILE` and `regions search TEXT [--json] [--limit N]`."""
    regions = commands.add_parser("regions", help="daftar wilayah Kemendagri")
    regions_sub = regions.add_subparsers(dest="action", metavar="AKSI", required=True)
    add(regions_sub, "import", "impor daftar wilayah (CSV)", cmd_regions_import).add_argument(
        "file", help="berkas CSV: kode,nama,tingkat,kode_induk atau kode,nama"
    )
    add(
        regions_sub,
        "import-boundaries",
        "impor batas wilayah (GeoJSON dengan properti kode)",
        cmd_regions_import_boundaries,
    ).add_argument("file", help="FeatureCollection GeoJSON (boleh .gz), properti kode per fitur")
    search = add(regions_sub, "search", "cari wilayah menurut nama atau kode", cmd_regions_search)
    search.add_argument("text")
    search.add_argument("--json", action="store_true")
    search.add_argument("--limit", type=int, default=20)
