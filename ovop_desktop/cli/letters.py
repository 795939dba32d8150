"""`ovop letter`, `ovop letter verify` and `ovop letters`: the recommendation letter of one
village, checking a letter, and the letters of every village of a region."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ovop_desktop.cli.context import Adder, Context, Exit, SubParsers
from ovop_desktop.core.regions import addressee_for

if TYPE_CHECKING:
    from ovop_desktop.services.letters.register import LetterOptions


def _options(ctx: Context, regency: str) -> LetterOptions:
    from ovop_desktop.services.letters.register import LetterOptions

    addressee = ctx.args.addressee or addressee_for(regency)
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
        return Exit.USAGE
    from ovop_desktop.services.assessment.village_ranking import rank_village
    from ovop_desktop.services.letters.letter_files import check_letter_folder
    from ovop_desktop.services.letters.register import issue_letter
    from ovop_desktop.services.rubrics import rubric_in_force
    from ovop_desktop.services.surveys.survey_detail import load_survey

    target = Path(ctx.args.out)
    check_letter_folder(target)  # before the database is even opened
    rubric = rubric_in_force(ctx.db)
    ranking = rank_village(ctx.db, ctx.args.village, rubric)
    detail = load_survey(ctx.db, ranking.survey_id)
    # The letter is written to `target` before it is registered: both happen, or neither.
    issued = issue_letter(
        ctx.db, ctx.paths, ranking.survey_id, _options(ctx, detail.regency_name), rubric, out=target
    )
    print(
        f"Surat {issued.number} ({ranking.village_name}) disimpan di {target}; "
        f"kode verifikasi {issued.verification_code}."
    )
    return Exit.OK


def cmd_letter_verify(ctx: Context) -> int:
    """Verify a PDF file, a code, a decoded QR text or a letter number; show what the register
    holds; with --original, write the issued PDF of the letter found."""
    from ovop_desktop.services.letters.originals import save_original
    from ovop_desktop.services.letters.verification import verify_letter

    target = ctx.args.target
    if not target:
        print(
            "Pakai: ovop letter verify SURAT.pdf|KODE|TEKS_QR|NOMOR [--original ASLI.pdf]",
            file=sys.stderr,
        )
        return Exit.USAGE
    result = verify_letter(ctx.db, target)
    print(result.message_id)
    for letter in result.matches or ((result.letter,) if result.letter else ()):
        print()
        print("\n".join(f"  {line}" for line in letter.lines_id()))
    if ctx.args.original:
        if result.letter is None:
            print("Berkas asli tidak disimpan: suratnya belum jelas.", file=sys.stderr)
            return Exit.ERROR
        saved = save_original(ctx.db, ctx.paths, result.letter.letter_id, Path(ctx.args.original))
        print(f"\nBerkas asli surat {result.letter.number} disimpan di {saved}.")
    return Exit.OK if result.authentic else Exit.ERROR


def cmd_letters(ctx: Context) -> int:
    from ovop_desktop.services.assessment.regional_ranking import rank_region
    from ovop_desktop.services.letters.batch import issue_region_letters
    from ovop_desktop.services.rubrics import rubric_in_force

    rubric = rubric_in_force(ctx.db)
    region = rank_region(ctx.db, ctx.args.region, rubric)
    try:
        result = issue_region_letters(
            ctx.db,
            ctx.paths,
            ctx.args.region,
            _options(ctx, region.region_name),
            rubric,
            Path(ctx.args.out),
            progress=lambda done, total: print(f"\r{done}/{total} surat", end="", file=sys.stderr),
        )
    finally:
        print(file=sys.stderr)  # end the progress line, before any message
    print(f"{len(result.written)} surat ditulis ke {ctx.args.out}.")
    if result.skipped:
        print("Belum ada kandidat yang dinilai lengkap: " + ", ".join(result.skipped))
    return Exit.OK


def _letter_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--addressee", help="jabatan yang dituju, mis. 'Bupati Tanah Laut'")
    command.add_argument("--addressee-place", default="Tempat", help="tempat yang dituju")
    command.add_argument(
        "--signatory",
        type=int,
        default=0,
        help="nomor urut penanda tangan di Pengaturan (0 = pertama)",
    )
    command.add_argument("--paper", choices=("A4", "F4"), default="A4")


def register(commands: SubParsers, add: Adder) -> None:
    """Add `letter --village CODE --out FILE`, `letter verify CODE|PDF` and
    `letters --region CODE --out FOLDER`, with the addressee, signatory and paper options."""
    letter = add(
        commands, "letter", "surat rekomendasi satu desa, atau verifikasi surat", cmd_letter
    )
    letter.add_argument("action", nargs="?", choices=("verify",), help="verify: periksa surat")
    letter.add_argument(
        "target",
        nargs="?",
        help="verify: berkas PDF surat, kode verifikasi, teks kode QR, atau nomor surat",
    )
    letter.add_argument(
        "--original",
        metavar="ASLI.pdf",
        help="verify: simpan berkas asli surat yang diterbitkan ke berkas ini",
    )
    letter.add_argument("--village", help="kode desa")
    letter.add_argument("--out", help="berkas PDF yang ditulis")
    _letter_options(letter)
    letters = add(commands, "letters", "surat rekomendasi semua desa satu wilayah", cmd_letters)
    letters.add_argument("--region", required=True, help="kode kecamatan atau kabupaten/kota")
    letters.add_argument("--out", required=True, help="folder tujuan")
    _letter_options(letters)
