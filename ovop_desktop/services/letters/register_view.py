"""The letter register as the Surat page lists it: searched by any of its words, and exported
to CSV or XLSX for the office's own files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ovop_desktop.core.text import search_key
from ovop_desktop.services.database import Database
from ovop_desktop.services.letters.register import RegisterEntry, letter_register

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ovop_desktop.exchange.spreadsheet import Table

# exchange.spreadsheet (with openpyxl, and numpy through it) is loaded when a register is
# exported, not when the Surat page is built: the window's first rows come sooner.


def _haystack(entry: RegisterEntry) -> str:
    return search_key(
        " ".join(
            (
                entry.number,
                entry.village,
                entry.product or "",
                entry.signatory,
                entry.verification_code,
                entry.void_reason or "",
                {"void": "dibatalkan void", "replaced": "diganti replaced"}.get(entry.status, ""),
            )
        )
    )


def search_register(entries: Sequence[RegisterEntry], search: str) -> list[RegisterEntry]:
    """The entries holding every word of `search` (number, village, product, signatory, code,
    void reason), in their order."""
    words = search_key(search).split()
    return [e for e in entries if all(word in _haystack(e) for word in words)]


def register_table(entries: Sequence[RegisterEntry]) -> Table:
    from ovop_desktop.exchange.spreadsheet import Column, Kind, Table

    return Table(
        "Buku agenda surat",
        (
            Column("Nomor"),
            Column("Tanggal", Kind.DATE),
            Column("Desa"),
            Column("Produk"),
            Column("Penanda tangan"),
            Column("Status"),
            Column("Alasan pembatalan"),
            Column("Kode verifikasi"),
        ),
        [
            (
                e.number,
                e.issued_on,
                e.village,
                e.product,
                e.signatory,
                {"void": "Dibatalkan", "replaced": "Diganti"}.get(e.status, "Berlaku"),
                e.void_reason,
                e.verification_code,
            )
            for e in entries
        ],
    )


def export_register(db: Database, target: Path, search: str = "") -> int:
    """Write the register (the entries matching `search`) to `target`: XLSX when its name ends
    in .xlsx, otherwise CSV for Indonesian Excel (`;`, decimal comma). Returns the rows
    written."""
    from openpyxl import Workbook  # type: ignore[import-untyped]

    from ovop_desktop.exchange.spreadsheet import add_table_sheet, save_workbook, write_csv

    table = register_table(search_register(letter_register(db), search))
    if target.suffix.lower() == ".xlsx":
        workbook = Workbook(write_only=True)
        add_table_sheet(workbook, table)
        save_workbook(workbook, target)
    else:
        write_csv(table, target, delimiter=";")
    return len(table.rows)
