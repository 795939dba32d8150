"""`ovop setup export|import`: the province's setup package (regions, imported region outlines,
rubrics, letterhead, signatories, number template and the province's signing and encryption
keys)."""

from __future__ import annotations

from pathlib import Path

from ovop_desktop.cli.context import Adder, Context, Exit, SubParsers


def cmd_setup_export(ctx: Context) -> int:
    from ovop_desktop.services.boundaries import boundary_sources
    from ovop_desktop.services.sync.packages import device_fingerprint
    from ovop_desktop.services.sync.sealing import exchange_fingerprint
    from ovop_desktop.services.sync.setup_package import export_setup

    target = export_setup(ctx.db, ctx.paths, Path(ctx.args.out))
    print(f"Paket pengaturan disimpan di {target}.")
    imported = [
        level for level, source in boundary_sources(ctx.paths).items() if source != "built-in"
    ]
    if imported:
        print(f"Batas wilayah hasil impor ikut dalam paket: {', '.join(imported)}.")
    print(f"Sidik jari kunci provinsi: {device_fingerprint(ctx.paths)}")
    print(f"Sidik jari kunci enkripsi provinsi: {exchange_fingerprint(ctx.paths)}")
    return Exit.OK


def cmd_setup_import(ctx: Context) -> int:
    from ovop_desktop.services.sync.setup_package import import_setup

    result = import_setup(ctx.db, ctx.paths, Path(ctx.args.file))
    print(
        f"Pengaturan provinsi diterapkan: {result.regions_added} wilayah baru, "
        f"{result.regions_renamed} berganti nama; rubrik: {', '.join(result.rubrics) or '-'}."
    )
    if result.boundaries:
        print(f"Batas wilayah dari provinsi disimpan: {result.boundaries} batas.")
    print(f"Sidik jari kunci provinsi: {result.fingerprint}")
    if result.exchange_fingerprint is not None:
        print(
            f"Sidik jari kunci enkripsi provinsi: {result.exchange_fingerprint}. Paket yang "
            "diekspor laptop ini kini terenkripsi untuk provinsi."
        )
    else:
        print(
            "PERINGATAN: paket pengaturan ini tidak membawa kunci enkripsi provinsi; paket "
            "ekspor tetap TIDAK terenkripsi. Minta paket pengaturan dari versi aplikasi terbaru."
        )
    return Exit.OK


def register(commands: SubParsers, add: Adder) -> None:
    """Add `setup export --out FILE|FOLDER` and `setup import FILE`."""
    setup = commands.add_parser("setup", help="paket pengaturan dari provinsi untuk petugas")
    actions = setup.add_subparsers(dest="action", metavar="AKSI", required=True)
    export = add(
        actions, "export", "buat paket pengaturan (wilayah, rubrik, kop surat)", cmd_setup_export
    )
    export.add_argument(
        "--out", required=True, help="berkas .ovop, atau folder tujuan (mis. flashdisk)"
    )
    add(actions, "import", "terapkan paket pengaturan provinsi", cmd_setup_import).add_argument(
        "file", help="berkas paket pengaturan .ovop"
    )
