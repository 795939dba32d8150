"""What the letter dialog shows before a letter is issued: the village and its recommended
product, the signatories to choose from, what is missing in the settings, what work is still
unfinished, the village's live letter if any, and the rendered preview (without a number; marked
DRAF while the survey or a counting assessment is not final)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.paths import AppPaths
from ovop_desktop.reports.data import LetterData, Signatory
from ovop_desktop.services.assessment.village_ranking import rank_survey
from ovop_desktop.services.database import Database
from ovop_desktop.services.letters.letter_content import LetterOptions, prepare_letter
from ovop_desktop.services.letters.letter_settings import load_letter_settings
from ovop_desktop.services.letters.register import live_letters, unfinished_work
from ovop_desktop.services.surveys.survey_detail import load_survey

DRAFT_NUMBER = "—"  # a draft takes no number


@dataclass(frozen=True)
class LetterContext:
    """The survey a letter is for, and whether one can be made yet."""

    village: str
    district: str
    regency: str
    recommended: str | None  # None until a candidate is fully assessed
    stars: int | None
    total: Decimal | None
    signatories: tuple[Signatory, ...]
    problems: tuple[str, ...]  # settings still to fill, in Indonesian
    problems_en: tuple[str, ...]  # the same in English
    # Why a letter would be a DRAF preview, not issued (a survey or assessment not final).
    unfinished: tuple[str, ...] = ()
    unfinished_en: tuple[str, ...] = ()
    # The village's live letter, which a new one would replace (it then needs a reason).
    live_number: str | None = None
    live_issued_on: date | None = None

    @property
    def signatory_labels(self) -> tuple[str, ...]:
        return tuple(f"{person.position} — {person.name}" for person in self.signatories)


def letter_context(db: Database, survey_id: uuid.UUID, rubric: Rubric) -> LetterContext:
    detail = load_survey(db, survey_id)
    settings = load_letter_settings(db)
    chosen = rank_survey(db, survey_id, rubric).recommended
    complete = chosen is not None and chosen.stars is not None and chosen.total is not None
    unfinished, unfinished_en = unfinished_work(db, survey_id, rubric)
    with db.session() as session:
        live = live_letters(session, survey_id)
        number, issued_on = (live[-1].number, live[-1].issued_on) if live else (None, None)
    return LetterContext(
        detail.village_name,
        detail.district_name,
        detail.regency_name,
        chosen.name if chosen and complete else None,
        chosen.stars if chosen else None,
        chosen.total if chosen else None,
        tuple(settings.signatories),
        tuple(settings.problems),
        tuple(settings.problems_en),
        unfinished,
        unfinished_en,
        number,
        issued_on,
    )


def preview_letter_pdf(
    db: Database, paths: AppPaths, survey_id: uuid.UUID, options: LetterOptions, rubric: Rubric
) -> bytes:
    """The letter as it would be issued now, but without a number: nothing is registered. Of
    unfinished work (a survey or a counting assessment not final) it is marked DRAF."""
    from ovop_desktop.reports.letter import render_letter  # reportlab loads on first use

    return render_letter(preview_letter_data(db, paths, survey_id, options, rubric))


def preview_with_warnings(
    db: Database, paths: AppPaths, survey_id: uuid.UUID, options: LetterOptions, rubric: Rubric
) -> tuple[bytes, list[str]]:
    """The preview's PDF, and the characters of its text that the letter's font cannot print
    (named in the preview so the officer can fix them before issuing)."""
    from ovop_desktop.reports.letter import render_letter, unprintable_characters

    data = preview_letter_data(db, paths, survey_id, options, rubric)
    return render_letter(data), unprintable_characters(data)


def preview_letter_data(
    db: Database, paths: AppPaths, survey_id: uuid.UUID, options: LetterOptions, rubric: Rubric
) -> LetterData:
    """What a preview prints: no number, and `draft` while the work is unfinished."""
    data = prepare_letter(db, paths, survey_id, options, rubric)
    if unfinished_work(db, survey_id, rubric)[0]:
        data = replace(data, draft=True, number=DRAFT_NUMBER)
    return data
