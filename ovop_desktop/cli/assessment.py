"""`ovop assess` and `ovop rank`: criterion levels of one candidate product, and the ranking of
one village or of a whole region."""

from __future__ import annotations

from ovop_desktop.cli.context import Adder, Context, Exit, SubParsers, print_json


def cmd_rank(ctx: Context) -> int:
    if ctx.args.region:
        return cmd_rank_region(ctx)
    from ovop_desktop.core.formatting import format_number_id
    from ovop_desktop.services.assessment.village_ranking import rank_village
    from ovop_desktop.services.rubrics import rubric_in_force

    rubric = rubric_in_force(ctx.db)
    ranking = rank_village(ctx.db, ctx.args.village, rubric)
    if ctx.args.json:
        print_json([entry.as_json() for entry in ranking.entries])
        return Exit.OK
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
    return Exit.OK


def cmd_rank_region(ctx: Context) -> int:
    from ovop_desktop.core.formatting import format_number_id
    from ovop_desktop.services.assessment.regional_ranking import rank_region
    from ovop_desktop.services.rubrics import rubric_in_force

    rubric = rubric_in_force(ctx.db)
    ranking = rank_region(ctx.db, ctx.args.region, rubric)
    if ctx.args.json:
        print_json([row.as_json() for row in ranking.rows])
        return Exit.OK
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
    return Exit.OK


def parse_levels(text: str) -> dict[str, int | None]:
    """ "C1=3,C2=4,C8=-" → levels ("-" or "" clears a criterion)."""
    from ovop_desktop.core.errors import DomainError

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

    from ovop_desktop.core.errors import DomainError
    from ovop_desktop.core.formatting import format_number_id
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
    levels = parse_levels(ctx.args.levels)
    reason = ctx.args.reason
    if mine and mine[-1].status == "final" and not (reason and reason.strip()):
        changed = sorted(c for c, level in levels.items() if mine[-1].levels.get(c) != level)
        if changed:
            raise DomainError(
                f"Penilaian {mine[-1].id} sudah final; tingkat {', '.join(changed)} tidak diubah "
                "di tempat. Pakai --new untuk penilaian baru, atau --reason TEKS untuk koreksi "
                "yang dicatat di log audit.",
                f"Assessment {mine[-1].id} is final; the levels of {', '.join(changed)} are not "
                "changed in place. Use --new for a new assessment, or --reason TEXT for a "
                "correction recorded in the audit log.",
            )
    result = save_assessment(
        ctx.db,
        product_id,
        rubric,
        levels,
        assessment_id=mine[-1].id if mine else None,
        assessor_id=assessor,
        final=ctx.args.final,
        reason=reason,
    )
    if ctx.args.json:
        print_json(
            {
                "assessment_id": str(result.assessment_id),
                "total": None if result.total is None else float(result.total),
                "stars": result.stars,
                "missing": list(result.score.missing),
                "gate": result.score.capped_by.gate.id if result.score.capped_by else None,
            }
        )
        return Exit.OK
    total = format_number_id(result.total, 2) if result.total is not None else "belum lengkap"
    print(
        f"Penilaian {result.assessment_id} disimpan: total {total}, "
        f"bintang {result.stars or '-'} (rubrik {rubric.name} versi {rubric.version})."
    )
    if result.score.missing:
        print("Belum dinilai: " + ", ".join(result.score.missing))
    if result.score.capped_by:
        print(f"Dibatasi: {result.score.capped_by.gate.reason_id}")
    return Exit.OK


def register(commands: SubParsers, add: Adder) -> None:
    """Add `rank --village CODE|--region CODE [--json]` and
    `assess --product ID --levels C1=3,... [--final] [--new | --reason TEXT] [--json]`."""
    rank = add(commands, "rank", "peringkat produk kandidat satu desa atau satu wilayah", cmd_rank)
    where = rank.add_mutually_exclusive_group(required=True)
    where.add_argument("--village", help="kode desa, mis. 63.08.07.2001")
    where.add_argument("--region", help="kode kecamatan, kabupaten/kota atau provinsi, mis. 63.08")
    rank.add_argument("--json", action="store_true")

    assess = add(commands, "assess", "beri tingkat kriteria satu produk kandidat", cmd_assess)
    assess.add_argument("--product", required=True, help="product_id dari 'rank --json'")
    assess.add_argument("--levels", required=True, help="mis. C1=3,C2=4,C3=2 ('-' mengosongkan)")
    assess.add_argument("--final", action="store_true", help="tandai penilaian final")
    change = assess.add_mutually_exclusive_group()
    change.add_argument("--new", action="store_true", help="buat penilaian baru")
    change.add_argument(
        "--reason", help="alasan koreksi penilaian yang sudah final (dicatat di log audit)"
    )
    assess.add_argument("--json", action="store_true")
