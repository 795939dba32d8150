"""`ovop letters register` and `ovop letter void`: the letter register (buku agenda surat)
listed, searched and exported, and a letter voided with a reason.

Registered after cli/letters (it adds to the `letter` and `letters` commands made there)."""

from __future__ import annotations

import sys
from pathlib import Path

from ovop_desktop.cli.context import Adder, Context, Exit, SubParsers

STATUS_ID = {"issued": "berlaku", "void": "dibatalkan", "replaced": "diganti"}


def cmd_letters_register(ctx: Context) -> int:
    from ovop_desktop.core.formatting import format_date_id
    from ovop_desktop.services.letters.register import letter_register
    from ovop_desktop.services.letters.register_view import export_register, search_register

    search = ctx.args.search or ""
    if ctx.args.export:
        target = Path(ctx.args.export)
        if ctx.args.year is not None:
            print("--year tidak dipakai bersama --export: pakai --search.", file=sys.stderr)
            return Exit.USAGE
        count = export_register(ctx.db, target, search)
        print(f"{count} surat dari buku agenda ditulis ke {target}.")
        return Exit.OK
    entries = search_register(letter_register(ctx.db, ctx.args.year), search)
    if not entries:
        print(
            "Tidak ada surat di buku agenda"
            + (f" yang cocok dengan '{search}'." if search else ".")
        )
    for e in entries:
        print(
            f"{e.number:<28} {format_date_id(e.issued_on):<18} {e.village:<22} "
            f"{e.product or '-':<24} {STATUS_ID.get(e.status, e.status):<10} {e.verification_code}"
        )
        if e.status == "void" and e.void_reason:
            print(f"    alasan pembatalan: {e.void_reason}")
        if e.status == "replaced" and e.replace_reason:
            print(f"    alasan penggantian: {e.replace_reason}")
    return Exit.OK


def cmd_letter_void(ctx: Context) -> int:
    from ovop_desktop.services.letters.register import find_letter, void_letter

    if not ctx.args.target or not (ctx.args.reason or "").strip():
        print("Pakai: ovop letter void KODE_ATAU_NOMOR --reason ALASAN", file=sys.stderr)
        return Exit.USAGE
    entry = find_letter(ctx.db, ctx.args.target)
    if entry.status == "void":
        print(f"Surat {entry.number} sudah dibatalkan: {entry.void_reason}", file=sys.stderr)
        return Exit.ERROR
    void_letter(ctx.db, entry.letter_id, ctx.args.reason)
    print(f"Surat {entry.number} ({entry.village}) dibatalkan: {ctx.args.reason.strip()}.")
    return Exit.OK


def register(commands: SubParsers, add: Adder) -> None:
    """Add to `letter` the action `void CODE --reason TEXT`, and to `letters` the action
    `register [--search TEXT] [--year N] [--export FILE.csv|.xlsx]`."""
    letter, letters = commands.choices["letter"], commands.choices["letters"]
    letter.add_argument("--reason", help="void: alasan pembatalan surat")
    letter.set_defaults(letter_void=cmd_letter_void)
    letters.add_argument("--search", help="register: kata yang dicari (nomor, desa, produk, …)")
    letters.add_argument("--year", type=int, help="register: tahun surat")
    letters.add_argument(
        "--export", metavar="BERKAS", help="register: tulis buku agenda ke berkas .csv atau .xlsx"
    )
    letters.set_defaults(letters_register=cmd_letters_register)
