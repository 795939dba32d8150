"""`ovop db upgrade|backup|check|use`: keeping the database, and choosing it for this laptop."""

from __future__ import annotations

import errno
import sys
from pathlib import Path

from ovop_desktop.cli.context import Adder, Context, Exit, SubParsers


def cmd_db_upgrade(ctx: Context) -> int:
    migration = ctx.db.migration
    if migration is None or not migration.changed:
        print("Basis data sudah versi terbaru.")
    else:
        print(
            f"Basis data diperbarui dari {migration.from_revision or 'kosong'} ke "
            f"{migration.to_revision}."
        )
        if migration.backup:
            print(f"Cadangan sebelum pembaruan: {migration.backup}")
    return Exit.OK


def cmd_db_use(ctx: Context) -> int:
    from ovop_desktop.preferences import set_database_url
    from ovop_desktop.services.database import open_database
    from ovop_desktop.services.rubrics import install_shipped_rubrics

    if ctx.args.local == bool(ctx.args.url):
        print("Sebutkan URL basis data, atau --local untuk berkas sendiri.", file=sys.stderr)
        return Exit.USAGE
    ctx.paths.ensure()
    if ctx.args.local:
        set_database_url(ctx.paths, None)
        print(f"Basis data: {ctx.paths.database_url}")
        return Exit.OK
    db = open_database(ctx.args.url)  # reachable and brought up to date before it is kept
    install_shipped_rubrics(db)
    db.dispose()
    set_database_url(ctx.paths, ctx.args.url)
    print(f"Basis data: {ctx.args.url} (skema terbaru)")
    return Exit.OK


def cmd_db_backup(ctx: Context) -> int:
    from ovop_desktop.db.backup import BackupError
    from ovop_desktop.services.settings.maintenance import backup_database

    try:
        target = backup_database(ctx.db, ctx.paths, Path(ctx.args.out) if ctx.args.out else None)
    except OSError as exc:
        if exc.errno != errno.ENOSPC:
            raise
        print(
            f"Galat: Disk penuh: cadangan {exc.filename} tidak dapat dibuat; tidak ada berkas "
            "cadangan yang tertinggal. Kosongkan ruang disk, lalu coba lagi.\n"
            f"(The disk is full: the backup {exc.filename} cannot be made; no backup file was "
            "left behind. Free some disk space, then try again.)",
            file=sys.stderr,
        )
        return Exit.ERROR
    except BackupError as exc:
        print(
            f"Galat: {exc.message_id} Coba lagi; bila terulang, jalankan 'ovop db check'.\n"
            f"({exc.message_en} Try again; if it happens again, run 'ovop db check'.)",
            file=sys.stderr,
        )
        return Exit.ERROR
    print(f"Cadangan dibuat: {target}")
    return Exit.OK


def cmd_db_check(ctx: Context) -> int:
    from ovop_desktop.db.migrate import sqlite_file
    from ovop_desktop.services.settings.maintenance import check_database, check_sqlite_file

    # A SQLite file is checked without opening it through the application, which refuses (and
    # never writes to) a broken one; a file not there yet is made, as on any first start.
    database_file = sqlite_file(ctx.url)
    if database_file is not None and database_file.exists():
        report = check_sqlite_file(database_file, ctx.paths.backups_dir)
    else:
        report = check_database(ctx.db)
    for line in report.lines:
        print(line)
    return Exit.OK if report.ok else Exit.ERROR


def register(commands: SubParsers, add: Adder) -> None:
    """Add `db upgrade`, `db backup [--out FILE]`, `db check` and `db use URL|--local`."""
    db = commands.add_parser("db", help="pemeliharaan basis data")
    db_sub = db.add_subparsers(dest="action", metavar="AKSI", required=True)
    add(db_sub, "upgrade", "perbarui skema basis data", cmd_db_upgrade)
    add(db_sub, "backup", "buat salinan cadangan", cmd_db_backup).add_argument("--out")
    add(db_sub, "check", "periksa keutuhan basis data", cmd_db_check)
    use = add(
        db_sub,
        "use",
        "pakai basis data ini mulai sekarang (server PostgreSQL), atau kembali ke berkas sendiri",
        cmd_db_use,
    )
    use.add_argument("url", nargs="?", help="mis. postgresql+psycopg://petugas@server/ovop")
    use.add_argument("--local", action="store_true", help="kembali ke berkas SQLite folder data")
