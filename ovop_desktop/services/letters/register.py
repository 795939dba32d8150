"""Recommendation letters: the letter register (buku agenda surat), issuing and voiding (what a
letter prints and the snapshot it keeps: services.letters.letter_content; verifying:
services.letters.verification).

A number is never reused: the sequence restarts each year and a voided letter keeps its number.
A letter whose file could not be written was never issued: its number is given to the next one.
Each laptop numbers its own letters: a letter carries the device that issued it, and the next
number follows that laptop's letters of the year only, not a colleague's it has imported.
The snapshot holds what the assessment said when the letter was issued; its hash, printed in the
verification code, shows later whether the assessment has changed since.

A letter comes only from finished work: a final survey whose candidates' counting assessments are
final (anything else is a DRAF preview, without a number). A village has one live letter: a
second one is issued only with a reason, and the earlier one is then marked replaced.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ovop_desktop.core.letter_identity import (
    LetterIdentity,
)
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import (
    Letter,
    Survey,
    utc_now,
)
from ovop_desktop.paths import AppPaths
from ovop_desktop.reports.data import LetterData
from ovop_desktop.services.assessment.village_ranking import rank_survey
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError, NotFoundError
from ovop_desktop.services.letters.letter_content import (
    LetterOptions,
    assessment_snapshot,
    numbered_letter,
)
from ovop_desktop.services.letters.letter_files import archive_path, check_letter_folder, issuing
from ovop_desktop.services.letters.letter_settings import load_letter_settings
from ovop_desktop.services.settings.officers import local_device_id


@dataclass(frozen=True)
class IssuedLetter:
    letter_id: uuid.UUID
    number: str
    verification_code: str
    pdf: bytes


LIVE = "issued"  # a letter neither voided nor replaced


class UnfinishedWorkError(InvalidInputError):
    """A letter is issued only from a final survey whose counting assessments are final."""

    def __init__(self, village: str, unfinished: tuple[str, ...], unfinished_en: tuple[str, ...]):
        super().__init__(
            f"Surat rekomendasi {village} belum dapat diterbitkan, pekerjaannya belum selesai: "
            + "; ".join(unfinished)
            + ". Pratinjau tetap bisa dilihat (bertanda DRAF, tanpa nomor).",
            f"The letter of {village} cannot be issued, the work is not finished: "
            + "; ".join(unfinished_en)
            + ". A preview can still be seen (marked DRAF, without a number).",
        )
        self.unfinished, self.unfinished_en = unfinished, unfinished_en


class LiveLetterExists(InvalidInputError):  # noqa: N818 (the agreed name)
    """The village already has a live letter: a second one needs a reason (replace_reason)."""

    def __init__(self, village: str, number: str, issued_on: date) -> None:
        from ovop_desktop.core.formatting import format_date_en, format_date_id

        super().__init__(
            f"Desa {village} sudah mempunyai surat rekomendasi yang berlaku: nomor {number}, "
            f"tanggal {format_date_id(issued_on)}. Surat baru hanya diterbitkan dengan alasan; "
            "surat lama lalu ditandai diganti.",
            f"{village} already has a live recommendation letter: number {number} of "
            f"{format_date_en(issued_on)}. A new one is issued only with a reason; the earlier one "
            "is then marked replaced.",
            field="replace_reason",
        )
        self.number, self.issued_on = number, issued_on


def unfinished_work(
    db: Database, survey_id: uuid.UUID, rubric: Rubric
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What keeps a letter of this survey a draft, in Indonesian and in English: a survey not
    final, candidates whose counting assessment is a draft. Empty when a letter can be issued."""
    ranking = rank_survey(db, survey_id, rubric)
    with db.session() as session:
        survey = session.get(Survey, survey_id)
        final = survey is not None and survey.status == "final"
    found_id: list[str] = []
    found_en: list[str] = []
    if not final:
        found_id.append("survei masih draf (finalkan survei)")
        found_en.append("the survey is still a draft (finalise it)")
    drafts = [e.name for e in ranking.entries if e.assessment_ids and not e.final]
    if drafts:
        found_id.append("penilaian masih draf: " + ", ".join(drafts))
        found_en.append("draft assessments: " + ", ".join(drafts))
    return tuple(found_id), tuple(found_en)


def live_letters(session: Session, survey_id: uuid.UUID) -> list[Letter]:
    """The live letters of the village of `survey_id` (of any of its surveys), oldest first."""
    village = select(Survey.village_code).where(Survey.id == survey_id).scalar_subquery()
    return list(
        session.scalars(
            select(Letter)
            .join(Survey, Survey.id == Letter.survey_id)
            .where(
                Survey.village_code == village,
                Letter.status == LIVE,
                Letter.deleted_at.is_(None),
            )
            .order_by(Letter.issued_on, Letter.created_at)
        )
    )


def check_can_issue(
    db: Database, survey_id: uuid.UUID, rubric: Rubric, replace_reason: str | None
) -> None:
    """Refuse, before any number is taken, a letter of unfinished work (UnfinishedWorkError)
    or a second live letter of a village without a reason (LiveLetterExists)."""
    unfinished, unfinished_en = unfinished_work(db, survey_id, rubric)
    with db.session() as session:
        survey = session.get(Survey, survey_id)
        if survey is None or survey.deleted_at is not None:
            raise NotFoundError("Survei tidak ditemukan.", "Survey not found.")
        village = survey.village_name
        if unfinished:
            raise UnfinishedWorkError(village, unfinished, unfinished_en)
        live = live_letters(session, survey_id)
        if live and not (replace_reason and replace_reason.strip()):
            raise LiveLetterExists(village, live[-1].number, live[-1].issued_on)


def replace_live_letters(
    session: Session, survey_id: uuid.UUID, new_id: uuid.UUID, reason: str | None
) -> None:
    """Mark the village's live letters replaced by `new_id` (the caller checked the reason)."""
    for earlier in live_letters(session, survey_id):
        if earlier.id != new_id:
            earlier.status = "replaced"
            earlier.replaced_by = new_id
            earlier.replace_reason = (reason or "").strip() or None


def next_sequence(session: Session, device_id: uuid.UUID, year: int) -> int:
    """The next letter sequence of `year` on the laptop `device_id`: one after its own letters.

    Letters of other laptops (imported from colleagues) do not count: their numbers are theirs.
    Letters without a device (issued before letters carried one) count as this laptop's own, so
    a new number never repeats one of them."""
    highest = session.scalar(
        select(func.max(Letter.sequence)).where(
            Letter.year == year, or_(Letter.device_id == device_id, Letter.device_id.is_(None))
        )
    )
    return (highest or 0) + 1


def letter_record(
    identity: LetterIdentity,
    data: LetterData,
    survey_id: uuid.UUID,
    snapshot: dict[str, Any],
    pdf: bytes,
    *,
    device_id: uuid.UUID,
) -> Letter:
    """The register entry of a rendered letter (one letter, one batch letter alike), issued on
    the laptop `device_id`."""
    recommended = snapshot["recommended"]
    signatory = data.signatory
    return Letter(
        id=identity.letter_id,
        device_id=device_id,
        number=identity.number,
        year=data.issued_on.year,
        sequence=identity.sequence,
        issued_on=data.issued_on,
        survey_id=survey_id,
        product_id=uuid.UUID(str(recommended)) if recommended else None,
        signatory={"name": signatory.name, "position": signatory.position, "nip": signatory.nip},
        snapshot=snapshot,
        snapshot_hash=identity.digest,
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
        verification_code=identity.verification_code,
    )


def issue_letter(
    db: Database,
    paths: AppPaths,
    survey_id: uuid.UUID,
    options: LetterOptions,
    rubric: Rubric,
    *,
    deterministic: bool = False,
    out: Path | None = None,
) -> IssuedLetter:
    """Number, render, keep and register a letter in one transaction; also write it to `out`
    when given. The register entry and the letter's files appear together or not at all (see
    letter_files): a letter that cannot be saved takes no number."""
    from ovop_desktop.reports.letter import render_letter

    if out is not None:
        check_letter_folder(out)
    settings = load_letter_settings(db)
    if settings.problems:
        raise settings.refusal()
    check_can_issue(db, survey_id, rubric, options.replace_reason)
    day = options.issued_on or date.today()
    ranking = rank_survey(db, survey_id, rubric)
    snapshot = assessment_snapshot(db, survey_id, rubric, ranking=ranking)
    device = local_device_id(db)
    with issuing(db) as files:
        live = live_letters(files.session, survey_id)  # again, in the issuing transaction
        if live and not (options.replace_reason and options.replace_reason.strip()):
            survey = files.session.get(Survey, survey_id)
            village = survey.village_name if survey is not None else "-"
            raise LiveLetterExists(village, live[-1].number, live[-1].issued_on)
        identity, data = numbered_letter(
            db,
            paths,
            survey_id,
            replace(options, issued_on=day),
            rubric,
            settings=settings,
            ranking=ranking,
            snapshot=snapshot,
            sequence=next_sequence(files.session, device, day.year),
        )
        pdf = render_letter(data, deterministic=deterministic)
        files.session.add(letter_record(identity, data, survey_id, snapshot, pdf, device_id=device))
        replace_live_letters(files.session, survey_id, identity.letter_id, options.replace_reason)
        files.write(archive_path(paths, identity.verification_code), pdf)
        if out is not None:
            files.write(out, pdf)
    return IssuedLetter(identity.letter_id, identity.number, identity.verification_code, pdf)


def void_letter(db: Database, letter_id: uuid.UUID, reason: str) -> None:
    """Void a letter: it keeps its number and entry, with the reason."""
    if not reason.strip():
        raise InvalidInputError(
            "Tuliskan alasan pembatalan surat.",
            "Give the reason for voiding the letter.",
            field="reason",
        )
    with db.session() as session:
        letter = session.get(Letter, letter_id)
        if letter is None:
            raise NotFoundError("Surat tidak ditemukan.", "Letter not found.")
        letter.status, letter.void_reason, letter.voided_at = "void", reason.strip(), utc_now()


@dataclass(frozen=True)
class RegisterEntry:
    letter_id: uuid.UUID
    number: str
    issued_on: date
    village: str
    product: str | None
    signatory: str
    status: str  # "issued", "void" or "replaced"
    void_reason: str | None
    verification_code: str
    replace_reason: str | None = None  # why a later letter of the village replaced this one


def letter_register(db: Database, year: int | None = None) -> list[RegisterEntry]:
    """The buku agenda surat: every issued letter, newest first, voided ones included."""
    with db.session() as session:
        query = select(Letter, Survey.village_name).join(Survey, Survey.id == Letter.survey_id)
        if year is not None:
            query = query.where(Letter.year == year)
        rows = session.execute(query.order_by(Letter.year.desc(), Letter.sequence.desc())).all()
        return [
            RegisterEntry(
                letter.id,
                letter.number,
                letter.issued_on,
                village,
                next(
                    (
                        c["name"]
                        for c in letter.snapshot["candidates"]
                        if c["product_id"] == letter.snapshot["recommended"]
                    ),
                    None,
                ),
                letter.signatory.get("name", ""),
                letter.status,
                letter.void_reason,
                letter.verification_code,
                letter.replace_reason,
            )
            for letter, village in rows
        ]


def find_letter(db: Database, text: str) -> RegisterEntry:
    """The register entry of the letter `text` names: its verification code (as a person types
    it) or its number; refused when none, or several (a number two laptops share), match."""
    from ovop_desktop.services.letters.letter_codes import code_from_text, number_key

    code = code_from_text(text)
    found = [
        e
        for e in letter_register(db)
        if e.verification_code == code or number_key(e.number) == number_key(text)
    ]
    if not found:
        raise NotFoundError(
            f"Surat '{text}' tidak ada di buku agenda.", f"Letter '{text}' is not in the register."
        )
    if len(found) > 1:
        raise InvalidInputError(
            f"Nomor {text} dipakai {len(found)} surat (dari laptop berbeda): sebutkan kode "
            "verifikasinya.",
            f"{len(found)} letters (of different laptops) carry the number {text}: give the "
            "verification code.",
        )
    return found[0]
