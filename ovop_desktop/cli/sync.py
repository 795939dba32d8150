"""`ovop export` and `ovop import`: the signed data packages (.ovop) that carry surveys between
the officers' laptops and the province, encrypted to the province once its setup package is in."""

from __future__ import annotations

import sys
from pathlib import Path

from ovop_desktop.cli.context import Adder, Context, Exit, SubParsers, print_json


def cmd_export(ctx: Context) -> int:
    from ovop_desktop.services.sync.packages import export_package

    result = export_package(ctx.db, ctx.paths, Path(ctx.args.out), everything=ctx.args.all)
    print(result.path)
    summary = (
        ", ".join(f"{table} {count}" for table, count in result.changes.items())
        or "tidak ada perubahan sejak ekspor terakhir"
    )
    print(f"Isi: {summary}. Sidik kunci perangkat: {result.fingerprint}", file=sys.stderr)
    if result.sealed_to is not None:
        print(f"Paket terenkripsi untuk kunci provinsi {result.sealed_to}.", file=sys.stderr)
    elif result.province_office:
        print("Paket dari dinas provinsi tidak dienkripsi, hanya ditandatangani.", file=sys.stderr)
    else:
        print(
            "PERINGATAN: Paket TIDAK terenkripsi: impor paket pengaturan provinsi dulu "
            "(ovop setup import BERKAS), lalu ekspor lagi.",
            file=sys.stderr,
        )
    return Exit.OK


def cmd_import(ctx: Context) -> int:
    from ovop_desktop.services.sync.packages import import_packages

    results = import_packages(
        ctx.db,
        ctx.paths,
        [Path(f) for f in ctx.args.files],
        trust_new=ctx.args.trust_new,
        dry_run=ctx.args.dry_run,
    )
    if ctx.args.json:
        print_json([r.as_json() for r in results])
    else:
        for r in results:
            label = {
                "imported": "diimpor",
                "unchanged": "tidak ada perubahan",
                "partial": "SEBAGIAN DITOLAK",
                "rejected": "DITOLAK",
            }[r.status]
            counts = r.counts
            print(
                f"{r.file}: {label}"
                + (f" — {r.reason}" if r.reason else "")
                + (
                    f" (baru {counts['new']}, diperbarui {counts['updated']}, tetap "
                    f"{counts['unchanged']}, konflik {counts['conflicts']})"
                    if counts
                    else ""
                )
            )
            for problem in r.rejected_records:  # "1 survei (Desa …) ditolak: …"
                print(f"    {problem}")
            for note in r.notes:  # a village placed provisionally
                print(f"    {note}")
        if ctx.args.dry_run:
            print("Uji coba: tidak ada yang disimpan.")
    # A package refused in part is an error too: a script must not take it for done.
    return Exit.ERROR if any(r.status in ("rejected", "partial") for r in results) else Exit.OK


def register(commands: SubParsers, add: Adder) -> None:
    """Add `export --out FOLDER [--all]` and
    `import FILE... [--dry-run] [--json] [--trust-new]`."""
    export = add(
        commands,
        "export",
        "ekspor paket data bertanda tangan (terenkripsi untuk provinsi)",
        cmd_export,
    )
    export.add_argument("--out", required=True, help="folder tujuan (mis. flashdisk)")
    export.add_argument(
        "--all", action="store_true", help="semua data, bukan sejak ekspor terakhir"
    )
    importing = add(commands, "import", "impor paket data (.ovop)", cmd_import)
    importing.add_argument("files", nargs="+", metavar="BERKAS")
    importing.add_argument("--dry-run", action="store_true", help="periksa tanpa menyimpan")
    importing.add_argument("--json", action="store_true")
    importing.add_argument(
        "--trust-new", action="store_true", help="percayai perangkat yang belum dikenal"
    )
