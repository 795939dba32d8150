"""`ovop letter`, `ovop letter verify` and `ovop letters`: the recommendation letter of one
village, checking a letter, and the letters of every village of a region."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ovop_desktop.cli.context import TYPE_CHECKING, Adder, Context, Exit, SubParsers

if TYPE_CHECKING:
    from datetime import date

    from ovop_desktop.services.letters.letter_content import LetterOptions


def _options(ctx: Context, regency: str) -> LetterOptions:
    from ovop_desktop.core.regions import addressee_for
    from ovop_desktop.services.letters.letter_content import LetterOptions
    from ovop_desktop.services.letters.letter_settings import (
        clean_tembusan,
        load_default_tembusan,
    )

    issued_on = _letter_date(ctx.args.date)  # a bad date refuses before anything is read
    addressee = ctx.args.addressee or addressee_for(regency)
    # --tembusan replaces the copies kept in the letter settings; --tembusan "" leaves none.
    given = ctx.args.tembusan
    tembusan = load_default_tembusan(ctx.db) if given is None else clean_tembusan(given)
    return LetterOptions(
        addressee=addressee,
        addressee_place=ctx.args.addressee_place,
        sifat=" ".join(ctx.args.sifat.split()) or "Biasa",
        lampiran=" ".join(ctx.args.lampiran.split()),
        tembusan=tembusan,
        signatory=ctx.args.signatory,
        paper=ctx.args.paper,
        issued_on=issued_on,
    )


def cmd_letter(ctx: Context) -> int:
    if ctx.args.action == "verify":
        return cmd_letter_verify(ctx)
    if ctx.args.action == "void":
        return int(ctx.args.letter_void(ctx))  # cli/letter_register
    if ctx.args.action is not None or not (ctx.args.village and ctx.args.out):
        print(
            "Pakai: ovop letter --village KODE --out SURAT.pdf [--replace-reason ALASAN], "
            "ovop letter verify KODE, atau ovop letter void KODE --reason ALASAN",
            file=sys.stderr,
        )
        return Exit.USAGE
    from dataclasses import replace

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
    options = replace(_options(ctx, detail.regency_name), replace_reason=ctx.args.replace_reason)
    issued = issue_letter(ctx.db, ctx.paths, ranking.survey_id, options, rubric, out=target)
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
    if ctx.args.action == "register":
        return int(ctx.args.letters_register(ctx))  # cli/letter_register
    if not (ctx.args.region and ctx.args.out):
        print(
            "Pakai: ovop letters --region KODE --out FOLDER [--replace-existing --reason ALASAN],"
            " atau ovop letters register [--search TEKS] [--year TAHUN] [--export BERKAS]",
            file=sys.stderr,
        )
        return Exit.USAGE
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
            replace_existing=ctx.args.replace_existing,
            reason=ctx.args.reason,
        )
    finally:
        print(file=sys.stderr)  # end the progress line, before any message
    print(f"{len(result.written)} surat ditulis ke {ctx.args.out}.")
    if result.skipped:
        print("Belum ada kandidat yang dinilai lengkap: " + ", ".join(result.skipped))
    if result.unfinished:
        print(
            f"{len(result.unfinished)} desa dilewati, survei atau penilaiannya belum final: "
            + ", ".join(result.unfinished)
        )
    if result.already_lettered:
        print(
            f"{len(result.already_lettered)} desa dilewati karena sudah mempunyai surat yang "
            "berlaku (ganti dengan --replace-existing --reason ALASAN): "
            + ", ".join(result.already_lettered)
        )
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
    command.add_argument("--sifat", default="Biasa", help="sifat surat, mis. Biasa, Segera")
    command.add_argument(
        "--lampiran", default="1 (satu) berkas", help="lampiran, mis. '1 (satu) berkas'"
    )
    command.add_argument(
        "--tembusan",
        action="append",
        metavar="BARIS",
        help="satu baris tembusan (boleh diulang); tanpa ini: tembusan di Pengaturan surat",
    )
    command.add_argument("--date", metavar="YYYY-MM-DD", help="tanggal surat (bawaan: hari ini)")


def _letter_date(text: str | None) -> date | None:
    from datetime import date

    from ovop_desktop.services.errors import InvalidInputError

    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInputError(
            f"Tanggal surat '{text}' tidak sah: tulis TTTT-BB-HH, mis. 2026-11-27.",
            f"Letter date '{text}' is invalid: write YYYY-MM-DD, e.g. 2026-11-27.",
            field="date",
        ) from None


def register(commands: SubParsers, add: Adder) -> None:
    """Add `letter --village CODE --out FILE`, `letter verify CODE|PDF` and
    `letters --region CODE --out FOLDER`, with the addressee, signatory and paper options."""
    letter = add(
        commands, "letter", "surat rekomendasi satu desa, atau verifikasi surat", cmd_letter
    )
    letter.add_argument(
        "action",
        nargs="?",
        choices=("verify", "void"),
        help="verify: periksa surat; void: batalkan surat (dengan --reason)",
    )
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
    letter.add_argument(
        "--replace-reason",
        metavar="ALASAN",
        help="alasan menerbitkan surat baru bagi desa yang sudah mempunyai surat berlaku "
        "(surat lama ditandai diganti)",
    )
    _letter_options(letter)
    letters = add(commands, "letters", "surat rekomendasi semua desa satu wilayah", cmd_letters)
    letters.add_argument(
        "action", nargs="?", choices=("register",), help="register: buku agenda surat"
    )
    letters.add_argument("--region", help="kode kecamatan atau kabupaten/kota")
    letters.add_argument("--out", help="folder tujuan")
    letters.add_argument(
        "--replace-existing",
        action="store_true",
        help="terbitkan juga bagi desa yang sudah mempunyai surat berlaku (perlu --reason)",
    )
    letters.add_argument("--reason", help="alasan mengganti surat yang sudah ada")
    _letter_options(letters)
