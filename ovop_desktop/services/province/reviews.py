"""The province's review of the surveys it received: diterima (received), perlu perbaikan (needs
correction, with what to correct) or disetujui (approved), kept as a history per survey, and the
list of surveys needing correction as a spreadsheet for the officers.

The current state of a survey is its newest review; a survey without one is not reviewed yet.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from ovop_desktop.db.models import REVIEW_STATES, Officer, Region, Survey, SurveyReview, utc_now
from ovop_desktop.exchange.spreadsheet import (
    Column,
    Kind,
    Table,
    add_table_sheet,
    save_workbook,
    write_csv,
)
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError, NotFoundError
from ovop_desktop.services.province.spreadsheets import writing_to

RECEIVED, NEEDS_CORRECTION, APPROVED = REVIEW_STATES
# How the state is written in Indonesian documents and in English.
STATE_NAMES: dict[str, tuple[str, str]] = {
    RECEIVED: ("Diterima", "Received"),
    NEEDS_CORRECTION: ("Perlu perbaikan", "Needs correction"),
    APPROVED: ("Disetujui", "Approved"),
}
CORRECTIONS_SHEET = "Perlu perbaikan"
_ONE_TICK = timedelta(microseconds=1)


@dataclass(frozen=True)
class ReviewEntry:
    """One review of a survey."""

    review_id: uuid.UUID
    survey_id: uuid.UUID
    state: str
    comment: str | None
    reviewer: str
    reviewed_at: datetime  # UTC


@dataclass(frozen=True)
class ReviewRow:
    """A live survey with its current review (None: not reviewed yet)."""

    survey_id: uuid.UUID
    village_code: str
    regency: str
    district: str
    village: str
    survey_date: date
    officer: str | None
    status: str  # draft / final
    updated_at: datetime
    review: ReviewEntry | None
    # The village is not in the official region list yet: a package placed it under the
    # survey's names (services.reference).
    provisional_village: bool = False
    latitude: float | None = None  # the survey's GPS point, checked for the review's flag
    longitude: float | None = None

    @property
    def state(self) -> str | None:
        return self.review.state if self.review else None

    @property
    def changed_since_review(self) -> bool:
        """The survey was saved again (by the officer, arriving in a package) after its review."""
        return self.review is not None and self.updated_at > self.review.reviewed_at


def _clean(text: str | None) -> str:
    return (text or "").strip()


def set_review(
    db: Database,
    survey_id: uuid.UUID,
    state: str,
    comment: str | None = None,
    *,
    reviewer: str,
    officer_id: uuid.UUID | None = None,
) -> ReviewEntry:
    """Record a new review of a survey; it becomes the survey's current state.

    Needs correction must say what to correct; only a final survey can be approved.
    """
    comment, reviewer = _clean(comment), " ".join(reviewer.split())
    if state not in REVIEW_STATES:
        raise InvalidInputError(
            "Pilih status tinjauan: diterima, perlu perbaikan atau disetujui.",
            "Choose a review state: received, needs correction or approved.",
            field="state",
        )
    if state == NEEDS_CORRECTION and not comment:
        raise InvalidInputError(
            "Tulis apa yang perlu diperbaiki petugas; catatan ini dikirim kepada petugas.",
            "Write what the officer needs to correct; the comment is sent to the officer.",
            field="comment",
        )
    if not reviewer:
        raise InvalidInputError(
            "Nama peninjau wajib diisi.", "The reviewer's name is required.", field="reviewer"
        )
    with db.session() as session:
        survey = session.get(Survey, survey_id)
        if survey is None or survey.deleted_at is not None:
            raise NotFoundError("Survei tidak ditemukan.", "Survey not found.")
        if state == APPROVED and survey.status != "final":
            raise InvalidInputError(
                "Survei ini masih draf: hanya survei final yang dapat disetujui. Tandai "
                "'perlu perbaikan' bila petugas harus melengkapinya.",
                "This survey is still a draft: only a final survey can be approved. Mark it "
                "'needs correction' if the officer must complete it.",
                field="state",
            )
        # Reviews are ordered by time: a clock that stepped back must not reorder the history.
        latest = session.scalar(
            select(func.max(SurveyReview.created_at)).where(SurveyReview.survey_id == survey_id)
        )
        now = utc_now()
        if latest is not None and now <= latest:
            now = latest + _ONE_TICK
        review = SurveyReview(
            survey_id=survey_id,
            state=state,
            comment=comment or None,
            reviewer=reviewer,
            officer_id=officer_id,
            created_at=now,
        )
        session.add(review)
        session.flush()
        return _entry(review)


def _entry(review: SurveyReview) -> ReviewEntry:
    return ReviewEntry(
        review.id,
        review.survey_id,
        review.state,
        review.comment,
        review.reviewer,
        review.created_at,
    )


def review_history(db: Database, survey_id: uuid.UUID) -> list[ReviewEntry]:
    """Every review of the survey, newest first."""
    with db.session() as session:
        reviews = session.scalars(
            select(SurveyReview)
            .where(SurveyReview.survey_id == survey_id)
            .order_by(SurveyReview.created_at.desc(), SurveyReview.id)
        ).all()
        return [_entry(review) for review in reviews]


def _latest_reviews() -> Any:
    """The newest review of each survey, as an entity to select or join (one window query)."""
    newest_first = func.row_number().over(
        partition_by=SurveyReview.survey_id,
        order_by=(SurveyReview.created_at.desc(), SurveyReview.id.desc()),
    )
    ranked = select(SurveyReview, newest_first.label("place")).subquery("ranked_reviews")
    return aliased(SurveyReview, ranked), ranked.c.place


def current_reviews(
    db: Database, survey_ids: Collection[uuid.UUID] | None = None
) -> dict[uuid.UUID, ReviewEntry]:
    """The current review of each survey (all surveys when `survey_ids` is None) in one query;
    surveys not reviewed yet are absent."""
    latest, place = _latest_reviews()
    statement = select(latest).where(place == 1)
    if survey_ids is not None:
        if not survey_ids:
            return {}
        statement = statement.where(latest.survey_id.in_(list(survey_ids)))
    with db.session() as session:
        return {review.survey_id: _entry(review) for review in session.scalars(statement)}


def _rows_statement(state: str | None = None, regency: str | None = None) -> Select[Any]:
    latest, place = _latest_reviews()
    statement = (
        select(Survey, Officer.name, latest, Region.provisional)
        .outerjoin(Officer, Officer.id == Survey.officer_id)
        .outerjoin(Region, Region.code == Survey.village_code)
        .outerjoin(latest, (latest.survey_id == Survey.id) & (place == 1))
        .where(Survey.deleted_at.is_(None))
        .order_by(
            Survey.regency_name,
            Survey.district_name,
            Survey.village_name,
            Survey.survey_date,
            Survey.id,
        )
    )
    if state is not None:
        statement = statement.where(latest.state == state)
    if regency is not None:
        statement = statement.where(Survey.regency_name == regency)
    return statement


def _rows(session: Session, statement: Select[Any]) -> list[ReviewRow]:
    return [
        ReviewRow(
            survey_id=survey.id,
            village_code=survey.village_code,
            regency=survey.regency_name,
            district=survey.district_name,
            village=survey.village_name,
            survey_date=survey.survey_date,
            officer=officer,
            status=survey.status,
            updated_at=survey.updated_at,
            review=_entry(review) if review is not None else None,
            provisional_village=bool(provisional),
            latitude=survey.latitude,
            longitude=survey.longitude,
        )
        for survey, officer, review, provisional in session.execute(statement)
    ]


def review_rows(db: Database) -> list[ReviewRow]:
    """Every live survey with its current review, by regency, district and village."""
    with db.session() as session:
        return _rows(session, _rows_statement())


def correction_list(db: Database, regency: str | None = None) -> list[ReviewRow]:
    """The live surveys whose current state is needs correction (of one regency, by its name
    as the surveys store it, when given), by officer and place: what each officer must fix."""
    with db.session() as session:
        rows = _rows(session, _rows_statement(NEEDS_CORRECTION, regency))
    return sorted(
        rows,
        key=lambda r: ((r.officer or "").casefold(), r.regency, r.district, r.village),
    )


def local_date(moment: datetime) -> date:
    """The calendar day of a UTC moment on this computer's clock (WITA in Kalimantan)."""
    return moment.astimezone().date()


def correction_table(rows: Sequence[ReviewRow]) -> Table:
    """The correction list as a table: Indonesian headers, one row per survey."""
    columns = (
        Column("Petugas"),
        Column("Kode wilayah", width=15),
        Column("Kabupaten/Kota"),
        Column("Kecamatan"),
        Column("Desa/Kelurahan"),
        Column("Tanggal survei", Kind.DATE, 12),
        Column("Yang perlu diperbaiki", width=60),
        Column("Peninjau"),
        Column("Tanggal tinjauan", Kind.DATE, 12),
        Column("Diubah setelah ditinjau", Kind.FLAG, 12),
    )
    values = []
    for row in rows:
        review = row.review
        values.append(
            (
                row.officer,
                row.village_code,
                row.regency,
                row.district,
                row.village,
                row.survey_date,
                review.comment if review else None,
                review.reviewer if review else None,
                local_date(review.reviewed_at) if review else None,
                row.changed_since_review,
            )
        )
    return Table(CORRECTIONS_SHEET, columns, values)


def export_corrections_xlsx(db: Database, target: Path, regency: str | None = None) -> Path:
    """Write the correction list as a one-sheet workbook, replacing `target` atomically."""
    table = correction_table(correction_list(db, regency))
    workbook = Workbook(write_only=True)
    workbook.properties.creator = "OVOP Desktop"
    workbook.properties.title = "Survei OVOP yang perlu perbaikan"
    add_table_sheet(workbook, table)
    with writing_to(target):
        return save_workbook(workbook, target)


def export_corrections_csv(
    db: Database, target: Path, regency: str | None = None, *, delimiter: str = ","
) -> Path:
    """Write the correction list as one CSV file (`;` suits Excel set to Indonesian)."""
    if delimiter not in (",", ";"):
        raise ValueError(f"delimiter must be ',' or ';', not {delimiter!r}")
    table = correction_table(correction_list(db, regency))
    with writing_to(target):
        return write_csv(table, target, delimiter=delimiter)
