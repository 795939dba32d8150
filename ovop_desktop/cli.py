"""One entry point: `ovop-desktop` (and `ovop` with no command) opens the application; the
sub-commands run the same use cases headless (batch imports, demo data, database upkeep).

Exit status: 0 success, 1 a handled error (message on stderr), 2 a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ovop_desktop import __version__
from ovop_desktop.core.errors import DomainError
from ovop_desktop.core.formatting import format_number_id
from ovop_desktop.core.regions import RegionLevel
from ovop_desktop.paths import AppPaths, resolve_paths
from ovop_desktop.preferences import database_url
from ovop_desktop.services.database import Database, open_database

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class Context:
    """What a command needs: the data directory and, opened on first use, the database."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.paths: AppPaths = resolve_paths(args.home)
        self.url: str = database_url(self.paths, args.db)
        self._db: Database | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            self.paths.ensure()
            self._db = open_database(self.url, backups_dir=self.paths.backups_dir)
            from ovop_desktop.services.rubrics import install_shipped_rubrics

            install_shipped_rubrics(self._db)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def cmd_regions_import(ctx: Context) -> int:
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
    if result.kept_not_in_file:
        print(
            f"{format_number_id(result.kept_not_in_file)} wilayah lama tidak ada di berkas ini "
            "dan tetap disimpan."
        )
    return EXIT_OK


def cmd_regions_search(ctx: Context) -> int:
    from ovop_desktop.services.regions import search_regions

    hits = search_regions(ctx.db, ctx.args.text, limit=ctx.args.limit)
    if ctx.args.json:
        _print_json(
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
        return EXIT_OK
    if not hits:
        print(f"Tidak ada wilayah yang cocok dengan '{ctx.args.text}'.")
    for hit in hits:
        where = f" — {hit.context}" if hit.context else ""
        print(f"{hit.code:<14} {hit.level:<15} {hit.name}{where}")
    return EXIT_OK


def cmd_demo(ctx: Context) -> int:
    from ovop_desktop.services.demo import seed_demo

    result = seed_demo(ctx.db, villages=ctx.args.villages, seed=ctx.args.seed)
    print(
        f"Data demo dibuat: {result.surveys} survei, {result.products} produk kandidat, "
        f"{result.assessments} penilaian, di {ctx.paths.data_dir}."
    )
    return EXIT_OK


def cmd_surveys_list(ctx: Context) -> int:
    from ovop_desktop.services.rubrics import rubric_in_force
    from ovop_desktop.services.surveys.survey_list import list_surveys

    rows = list_surveys(ctx.db, rubric_in_force(ctx.db))
    if ctx.args.json:
        _print_json([row.as_json() for row in rows])
        return EXIT_OK
    if not rows:
        print("Belum ada survei.")
    for row in rows:
        top = f"{row.top_candidate} ({'★' * (row.top_stars or 0)})" if row.top_candidate else "-"
        print(
            f"{row.survey_date.isoformat()}  {row.village_code:<14} {row.village:<24} "
            f"{row.status:<6} {row.candidates} kandidat  teratas: {top}"
        )
    return EXIT_OK


def cmd_rank(ctx: Context) -> int:
    if ctx.args.region:
        return cmd_rank_region(ctx)
    from ovop_desktop.services.assessment.village_ranking import rank_village
    from ovop_desktop.services.rubrics import rubric_in_force

    rubric = rubric_in_force(ctx.db)
    ranking = rank_village(ctx.db, ctx.args.village, rubric)
    if ctx.args.json:
        _print_json([entry.as_json() for entry in ranking.entries])
        return EXIT_OK
    print(
        f"Peringkat {ranking.village_name} ({ranking.village_code}), survei "
        f"{ranking.survey_date.isoformat()}, rubrik {rubric.name} versi {rubric.version}"
    )
    for entry in ranking.entries:
        rank = str(entry.rank) if entry.rank else "-"
        total = format_number_id(entry.total, 2) if entry.total is not None else "belum dinilai"
        stars = "★" * entry.stars if entry.stars else ""
        print(f"{rank:>3}. {entry.name:<32} {total:>13} {stars}")
        if entry.gate_reason:
            print(f"      dibatasi: {entry.gate_reason}")
        if entry.tie_break:
            print(f"      {entry.tie_break}")
    return EXIT_OK


def _parse_levels(text: str) -> dict[str, int | None]:
    """ "C1=3,C2=4,C8=-" → levels ("-" or "" clears a criterion)."""
    levels: dict[str, int | None] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        criterion, _, value = part.partition("=")
        if not criterion or not _:
            raise DomainError(
                f"Tingkat '{part}' tidak dikenali: tulis seperti C1=3,C2=4.",
                f"Level '{part}' not understood: write it like C1=3,C2=4.",
            )
        value = value.strip()
        if value in ("", "-"):
            levels[criterion.strip()] = None
        elif value.isdigit():
            levels[criterion.strip()] = int(value)
        else:
            raise DomainError(
                f"Tingkat untuk {criterion} harus angka 1 sampai 5, bukan '{value}'.",
                f"The level of {criterion} must be a number 1 to 5, not '{value}'.",
            )
    return levels


def cmd_assess(ctx: Context) -> int:
    import uuid

    from ovop_desktop.services.assessment.assessments import list_assessments, save_assessment
    from ovop_desktop.services.rubrics import rubric_in_force
    from ovop_desktop.services.settings.officers import current_officer

    try:
        product_id = uuid.UUID(ctx.args.product)
    except ValueError as exc:
        raise DomainError(
            f"'{ctx.args.product}' bukan kode produk (UUID) yang sah.",
            f"'{ctx.args.product}' is not a valid product id (UUID).",
        ) from exc
    rubric = rubric_in_force(ctx.db)
    officer = current_officer(ctx.db)
    assessor = officer.id if officer else None
    mine = [
        a
        for a in list_assessments(ctx.db, product_id)
        if (a.rubric_id, a.rubric_version) == (rubric.id, rubric.version)
        and a.assessor_id == assessor
        and not ctx.args.new
    ]
    result = save_assessment(
        ctx.db,
        product_id,
        rubric,
        _parse_levels(ctx.args.levels),
        assessment_id=mine[-1].id if mine else None,
        assessor_id=assessor,
        final=ctx.args.final,
    )
    if ctx.args.json:
        _print_json(
            {
                "assessment_id": str(result.assessment_id),
                "total": None if result.total is None else float(result.total),
                "stars": result.stars,
                "missing": list(result.score.missing),
                "gate": result.score.capped_by.gate.id if result.score.capped_by else None,
            }
        )
        return EXIT_OK
    total = format_number_id(result.total, 2) if result.total is not None else "belum lengkap"
    print(
        f"Penilaian {result.assessment_id} disimpan: total {total}, "
        f"bintang {result.stars or '-'} (rubrik {rubric.name} versi {rubric.version})."
    )
    if result.score.missing:
        print("Belum dinilai: " + ", ".join(result.score.missing))
    if result.score.capped_by:
        print(f"Dibatasi: {result.score.capped_by.gate.reason_id}")
    return EXIT_OK


def cmd_rank_region(ctx: Context) -> int:
    from ovop_desktop.services.assessment.regional_ranking import rank_region
    from ovop_desktop.services.rubrics import rubric_in_force

    rubric = rubric_in_force(ctx.db)
    ranking = rank_region(ctx.db, ctx.args.region, rubric)
    if ctx.args.json:
        _print_json([row.as_json() for row in ranking.rows])
        return EXIT_OK
    print(
        f"Peringkat {ranking.region_name or 'semua survei'}: {len(ranking.rows)} kandidat, "
        f"rubrik {rubric.name} versi {rubric.version}"
    )
    for index, row in enumerate(ranking.rows, start=1):
        total = format_number_id(row.total, 2) if row.total is not None else "-"
        mark = "*" if row.recommended else " "
        print(
            f"{index:>4}.{mark} {row.name:<30} {total:>7} {'★' * (row.stars or 0):<5} "
            f"{row.village}, {row.district}"
        )
    if ranking.unassessed:
        print(f"Desa tanpa kandidat yang sudah dinilai: {len(ranking.unassessed)}")
        for village in ranking.unassessed:
            print(f"      {village.village_code} {village.village}, {village.district}")
    return EXIT_OK


def _options(ctx: Context, regency: str) -> object:
    from ovop_desktop.services.letters.register import LetterOptions

    addressee = ctx.args.addressee or (
        "Wali Kota " + regency.removeprefix("Kota ")
        if regency.startswith("Kota ")
        else "Bupati " + regency.removeprefix("Kabupaten ")
    )
    return LetterOptions(
        addressee=addressee,
        addressee_place=ctx.args.addressee_place,
        signatory=ctx.args.signatory,
        paper=ctx.args.paper,
    )


def cmd_letter(ctx: Context) -> int:
    if ctx.args.action == "verify":
        return cmd_letter_verify(ctx)
    if ctx.args.action is not None or not (ctx.args.village and ctx.args.out):
        print(
            "Pakai: ovop letter --village KODE --out SURAT.pdf, atau ovop letter verify KODE",
            file=sys.stderr,
        )
        return EXIT_USAGE
    from ovop_desktop.services.assessment.village_ranking import rank_village
    from ovop_desktop.services.letters.register import issue_letter
    from ovop_desktop.services.rubrics import rubric_in_force
    from ovop_desktop.services.surveys.survey_detail import load_survey

    rubric = rubric_in_force(ctx.db)
    ranking = rank_village(ctx.db, ctx.args.village, rubric)
    detail = load_survey(ctx.db, ranking.survey_id)
    issued = issue_letter(
        ctx.db,
        ctx.paths,
        ranking.survey_id,
        _options(ctx, detail.regency_name),  # type: ignore[arg-type]
        rubric,
    )
    target = Path(ctx.args.out)
    target.write_bytes(issued.pdf)
    print(
        f"Surat {issued.number} ({ranking.village_name}) disimpan di {target}; "
        f"kode verifikasi {issued.verification_code}."
    )
    return EXIT_OK


def cmd_letter_verify(ctx: Context) -> int:
    from ovop_desktop.services.letters.register import verify_letter

    target = ctx.args.target
    if not target:
        print("Pakai: ovop letter verify KODE_ATAU_PDF", file=sys.stderr)
        return EXIT_USAGE
    path = Path(target)
    result = verify_letter(ctx.db, path if path.is_file() else target)
    print(result.message_id)
    if result.village:
        print(f"Desa {result.village}, produk {result.product}, tanggal {result.issued_on}")
    return EXIT_OK if result.status == "valid" else EXIT_ERROR


def cmd_letters(ctx: Context) -> int:
    from ovop_desktop.services.assessment.regional_ranking import rank_region
    from ovop_desktop.services.letters.batch import issue_region_letters
    from ovop_desktop.services.rubrics import rubric_in_force

    rubric = rubric_in_force(ctx.db)
    region = rank_region(ctx.db, ctx.args.region, rubric)
    result = issue_region_letters(
        ctx.db,
        ctx.paths,
        ctx.args.region,
        _options(ctx, region.region_name),  # type: ignore[arg-type]
        rubric,
        Path(ctx.args.out),
        progress=lambda done, total: print(f"\r{done}/{total} surat", end="", file=sys.stderr),
    )
    print(file=sys.stderr)
    print(f"{len(result.written)} surat ditulis ke {ctx.args.out}.")
    if result.skipped:
        print("Belum ada kandidat yang dinilai lengkap: " + ", ".join(result.skipped))
    return EXIT_OK


def cmd_export(ctx: Context) -> int:
    from ovop_desktop.services.sync.packages import export_package

    result = export_package(ctx.db, ctx.paths, Path(ctx.args.out), everything=ctx.args.all)
    print(result.path)
    summary = (
        ", ".join(f"{table} {count}" for table, count in result.changes.items())
        or "tidak ada perubahan sejak ekspor terakhir"
    )
    print(f"Isi: {summary}. Sidik kunci perangkat: {result.fingerprint}", file=sys.stderr)
    return EXIT_OK


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
        _print_json([r.as_json() for r in results])
    else:
        for r in results:
            label = {
                "imported": "diimpor",
                "unchanged": "tidak ada perubahan",
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
            for problem in r.rejected_records:
                print(f"    ditolak: {problem}")
        if ctx.args.dry_run:
            print("Uji coba: tidak ada yang disimpan.")
    return EXIT_ERROR if any(r.status == "rejected" for r in results) else EXIT_OK


def cmd_rubrics_list(ctx: Context) -> int:
    from ovop_desktop.services.rubrics import list_rubrics

    for info in list_rubrics(ctx.db):
        mark = "*" if info.in_force else " "
        print(f"{mark} {info.rubric_id} v{info.version}  {info.name}  {info.definition_hash[:12]}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ovop",
        description="OVOP Desktop: survei potensi desa dan penilaian produk OVOP.",
    )
    parser.add_argument("--version", action="version", version=f"OVOP Desktop {__version__}")
    parser.add_argument("--home", help="folder data (menggantikan OVOP_HOME dan folder bawaan)")
    parser.add_argument("--db", help="URL basis data, mis. postgresql+psycopg://user@host/ovop")
    commands = parser.add_subparsers(dest="command", metavar="PERINTAH")

    def add(
        sub: argparse._SubParsersAction[argparse.ArgumentParser],
        name: str,
        helptext: str,
        handler: Callable[[Context], int],
    ) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=helptext, description=helptext)
        command.set_defaults(handler=handler)
        return command

    regions = commands.add_parser("regions", help="daftar wilayah Kemendagri")
    regions_sub = regions.add_subparsers(dest="action", metavar="AKSI", required=True)
    add(regions_sub, "import", "impor daftar wilayah (CSV)", cmd_regions_import).add_argument(
        "file", help="berkas CSV: kode,nama,tingkat,kode_induk atau kode,nama"
    )
    search = add(regions_sub, "search", "cari wilayah menurut nama atau kode", cmd_regions_search)
    search.add_argument("text")
    search.add_argument("--json", action="store_true")
    search.add_argument("--limit", type=int, default=20)

    demo = add(commands, "demo", "isi folder data dengan data demo Kalimantan Selatan", cmd_demo)
    demo.add_argument("--villages", type=int, default=12)
    demo.add_argument("--seed", type=int, default=2026)

    surveys = commands.add_parser("surveys", help="survei")
    surveys_sub = surveys.add_subparsers(dest="action", metavar="AKSI", required=True)
    add(surveys_sub, "list", "daftar survei", cmd_surveys_list).add_argument(
        "--json", action="store_true"
    )
    from ovop_desktop import db_cli, setup_cli, spreadsheet_cli

    spreadsheet_cli.register(commands, add, surveys_sub)
    setup_cli.register(commands, add)

    rank = add(commands, "rank", "peringkat produk kandidat satu desa atau satu wilayah", cmd_rank)
    where = rank.add_mutually_exclusive_group(required=True)
    where.add_argument("--village", help="kode desa, mis. 63.08.07.2001")
    where.add_argument("--region", help="kode kecamatan, kabupaten/kota atau provinsi, mis. 63.08")
    rank.add_argument("--json", action="store_true")

    assess = add(commands, "assess", "beri tingkat kriteria satu produk kandidat", cmd_assess)
    assess.add_argument("--product", required=True, help="product_id dari 'rank --json'")
    assess.add_argument("--levels", required=True, help="mis. C1=3,C2=4,C3=2 ('-' mengosongkan)")
    assess.add_argument("--final", action="store_true", help="tandai penilaian final")
    assess.add_argument("--new", action="store_true", help="buat penilaian baru")
    assess.add_argument("--json", action="store_true")

    def letter_options(command: argparse.ArgumentParser) -> None:
        command.add_argument("--addressee", help="jabatan yang dituju, mis. 'Bupati Tanah Laut'")
        command.add_argument("--addressee-place", default="Tempat", help="tempat yang dituju")
        command.add_argument(
            "--signatory",
            type=int,
            default=0,
            help="nomor urut penanda tangan di Pengaturan (0 = pertama)",
        )
        command.add_argument("--paper", choices=("A4", "F4"), default="A4")

    letter = add(
        commands, "letter", "surat rekomendasi satu desa, atau verifikasi surat", cmd_letter
    )
    letter.add_argument("action", nargs="?", choices=("verify",), help="verify: periksa surat")
    letter.add_argument("target", nargs="?", help="kode verifikasi atau berkas PDF surat")
    letter.add_argument("--village", help="kode desa")
    letter.add_argument("--out", help="berkas PDF yang ditulis")
    letter_options(letter)
    letters = add(commands, "letters", "surat rekomendasi semua desa satu wilayah", cmd_letters)
    letters.add_argument("--region", required=True, help="kode kecamatan atau kabupaten/kota")
    letters.add_argument("--out", required=True, help="folder tujuan")
    letter_options(letters)

    export = add(commands, "export", "ekspor paket data bertanda tangan", cmd_export)
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

    rubrics = commands.add_parser("rubrics", help="versi rubrik")
    rubrics_sub = rubrics.add_subparsers(dest="action", metavar="AKSI", required=True)
    add(rubrics_sub, "list", "versi rubrik yang terpasang", cmd_rubrics_list)

    db_cli.register(commands, add)

    add(commands, "gui", "buka aplikasi", lambda ctx: EXIT_OK)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in (None, "gui"):
        return run_gui(args)
    ctx = Context(args)
    try:
        return int(args.handler(ctx))
    except DomainError as exc:
        print(f"Galat: {exc.message_id}\n({exc.message_en})", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        print(f"Galat: berkas tidak dapat dibaca atau ditulis: {exc}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        ctx.close()


def run_gui(args: argparse.Namespace) -> int:
    from ovop_desktop.ui.app import run_application

    packages = [p for p in getattr(args, "packages", []) if p.lower().endswith(".ovop")]
    return run_application(home=args.home, db_url=args.db, packages=packages)


def gui_main() -> int:
    """`ovop-desktop [FILE.ovop ...]`: a package opened from the file manager goes to import."""
    parser = argparse.ArgumentParser(prog="ovop-desktop")
    parser.add_argument("--home")
    parser.add_argument("--db")
    parser.add_argument("packages", nargs="*", help="paket data .ovop untuk diimpor")
    args, _qt_args = parser.parse_known_args()
    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
