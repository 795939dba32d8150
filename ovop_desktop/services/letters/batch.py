"""The letters of every village of a kecamatan or kabupaten/kota into one folder.

PDFs are rendered in worker processes (one per core); each letter is registered, in number
order, together with its files (letter_files): a cancelled batch, or one stopped by a letter
that cannot be saved, leaves no half-issued letter behind and no gap in the numbers.

Villages whose work is unfinished (a survey or a counting assessment not final) get no letter.
Which villages get none is decided from one ranking pass over the region (ranking_pass); only
the villages that get a letter are prepared one by one.
Villages that already have a live letter are skipped too, unless `replace_existing` is asked
for with a reason: their letter is then marked replaced by the new one.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace
from datetime import date
from multiprocessing import get_context
from pathlib import Path

from sqlalchemy import select

from ovop_desktop.core.letter_identity import LetterIdentity
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import Survey
from ovop_desktop.paths import AppPaths
from ovop_desktop.reports.data import LetterData
from ovop_desktop.services.assessment.ranking_pass import RankedSurvey, rank_surveys
from ovop_desktop.services.assessment.village_ranking import rank_survey
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError, StorageError
from ovop_desktop.services.letters.letter_content import (
    LetterOptions,
    assessment_snapshot,
    numbered_letter,
)
from ovop_desktop.services.letters.letter_files import archive_path, issuing
from ovop_desktop.services.letters.letter_settings import LetterSettings, load_letter_settings
from ovop_desktop.services.letters.register import (
    letter_record,
    live_letters,
    next_sequence,
    replace_live_letters,
)
from ovop_desktop.services.settings.officers import local_device_id


@dataclass(frozen=True)
class BatchResult:
    written: tuple[Path, ...]
    skipped: tuple[str, ...]  # villages without a fully assessed candidate
    cancelled: bool
    # Villages skipped because they already have a live letter (without replace_existing).
    already_lettered: list[str] = field(default_factory=list)
    # Villages skipped because their survey or a counting assessment is not final.
    unfinished: list[str] = field(default_factory=list)


class BatchStoppedError(StorageError):
    """A letter of the batch could not be saved (a full disk): the batch stopped there. The
    letters made before it are written and registered (`result`); the failed one and those
    after it were not made, and their numbers are free."""

    def __init__(
        self, result: BatchResult, *, failed: str, not_made: tuple[str, ...], error: StorageError
    ) -> None:
        later_id = f" Belum dibuat: {', '.join(not_made)}." if not_made else ""
        later_en = f" Not made: {', '.join(not_made)}." if not_made else ""
        super().__init__(
            f"{len(result.written)} surat dibuat dan terdaftar di buku agenda. Surat desa "
            f"{failed} gagal: {error.message_id}{later_id}",
            f"{len(result.written)} letters were made and registered. The letter of {failed} "
            f"failed: {error.message_en}{later_en}",
            kind=error.kind,
        )
        self.result, self.failed, self.not_made = result, failed, not_made


def _file_name(number: str, village: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9]+", "-", f"{village}-{number}").strip("-")
    return f"surat-rekomendasi-{safe}.pdf"


def _unfinished(ranked: RankedSurvey) -> bool:
    """What `unfinished_work` finds, from the pass: a survey not final, or a candidate whose
    counting assessment is a draft."""
    return ranked.status != "final" or any(c.assessments and not c.final for c in ranked.candidates)


@dataclass(frozen=True)
class _Plan:
    """What a batch issues (a letter's data, register snapshot, identity and survey, in number
    order) and the villages it leaves out, by reason (see BatchResult)."""

    jobs: list[tuple[LetterData, dict[str, object], LetterIdentity, uuid.UUID]]
    skipped: list[str]
    already: list[str]
    unfinished: list[str]


def _plan(
    db: Database,
    paths: AppPaths,
    region_code: str,
    options: LetterOptions,
    rubric: Rubric,
    settings: LetterSettings,
    device: uuid.UUID,
    replace_existing: bool,
) -> _Plan:
    """The letters of the region's villages, prepared and numbered from the laptop's next
    sequence, and the villages that get none."""
    day = options.issued_on or date.today()
    with db.session() as session:
        surveys = session.execute(
            select(Survey.id, Survey.village_name, Survey.village_code)
            .where(
                Survey.deleted_at.is_(None),
                Survey.village_code.startswith(region_code + ".", autoescape=True),
            )
            .order_by(Survey.village_code, Survey.survey_date)
        ).all()
        first = next_sequence(session, device, day.year)
        # One pass over the region decides which villages get no letter; only those that do
        # are ranked again, one by one, for their letter.
        passed = {ranked.survey_id: ranked for ranked in rank_surveys(session, rubric, region_code)}
    latest = {code: (sid, village) for sid, village, code in surveys}  # last survey per village
    plan = _Plan([], [], [], [])
    jobs = plan.jobs
    for survey_id, village in latest.values():
        ranked = passed[survey_id]
        if not any(ranked.recommended(candidate) for candidate in ranked.candidates):
            plan.skipped.append(village)
            continue
        if _unfinished(ranked):
            plan.unfinished.append(village)
            continue
        if not replace_existing:
            with db.session() as session:
                if live_letters(session, survey_id):
                    plan.already.append(village)
                    continue
        village_ranking = rank_survey(db, survey_id, rubric)
        snapshot = assessment_snapshot(db, survey_id, rubric, ranking=village_ranking)
        identity, data = numbered_letter(
            db,
            paths,
            survey_id,
            replace(options, issued_on=day),
            rubric,
            settings=settings,
            ranking=village_ranking,
            snapshot=snapshot,
            sequence=first + len(jobs),
        )
        jobs.append((data, snapshot, identity, survey_id))
    return plan


def issue_region_letters(
    db: Database,
    paths: AppPaths,
    region_code: str,
    options: LetterOptions,
    rubric: Rubric,
    out_dir: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
    replace_existing: bool = False,
    reason: str | None = None,
) -> BatchResult:
    """Issue the letters of every village of `region_code` into `out_dir`. Villages with a live
    letter are left out (`already_lettered`) unless `replace_existing`, which needs a `reason`
    and marks their letters replaced."""
    settings = load_letter_settings(db)
    if settings.problems:
        raise settings.refusal()
    if replace_existing and not (reason and reason.strip()):
        raise InvalidInputError(
            "Tuliskan alasan mengganti surat yang sudah ada.",
            "Give the reason for replacing the letters already issued.",
            field="reason",
        )
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            f"Folder {out_dir} tidak dapat dibuat: {exc}", f"Folder {out_dir} cannot be made: {exc}"
        ) from exc
    # The workers' tasks are the renderer's own functions, so that a worker imports only
    # reports (reportlab), none of the database's modules.
    from ovop_desktop.reports.fonts import register_fonts
    from ovop_desktop.reports.letter import render_letter

    device = local_device_id(db)
    width = workers or os.cpu_count() or 1
    # Spawned workers, as Windows always starts them (forking the application, whose other
    # threads may hold locks, is not safe), started first: they start, import the renderer
    # and register its fonts while the letters are prepared here.
    with ProcessPoolExecutor(max_workers=width, mp_context=get_context("spawn")) as pool:
        for _ in range(width):
            pool.submit(register_fonts)
        plan = _plan(db, paths, region_code, options, rubric, settings, device, replace_existing)
        jobs = plan.jobs
        written: list[Path] = []
        total = len(jobs)
        if progress:
            progress(0, total)
        rendered: dict[int, bytes] = {}
        failure: StorageError | None = None
        pending: dict[Future[bytes], int] = {}
        next_job = 0
        stop = False
        while (next_job < total or pending) and not stop:
            while next_job < total and len(pending) < 2 * width:
                pending[pool.submit(render_letter, jobs[next_job][0])] = next_job
                next_job += 1
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                rendered[pending.pop(future)] = future.result()
            # Registered in number order, so that a stop (a failure, Cancel) leaves no gap.
            while len(written) in rendered and failure is None:
                data, snapshot, identity, survey_id = jobs[len(written)]
                pdf = rendered.pop(len(written))
                target = out_dir / _file_name(data.number, data.village)
                try:
                    with issuing(db) as files:
                        files.session.add(
                            letter_record(
                                identity, data, survey_id, snapshot, pdf, device_id=device
                            )
                        )
                        if replace_existing:
                            replace_live_letters(
                                files.session, survey_id, identity.letter_id, reason
                            )
                        files.write(archive_path(paths, identity.verification_code), pdf)
                        files.write(target, pdf)
                except StorageError as error:
                    failure = error
                    break
                written.append(target)
                if progress:
                    progress(len(written), total)
            if failure is not None or (cancelled and cancelled()):
                stop = True
                for future in pending:
                    future.cancel()
    if failure is not None:
        raise BatchStoppedError(
            BatchResult(tuple(written), tuple(plan.skipped), False, plan.already, plan.unfinished),
            failed=jobs[len(written)][0].village,
            not_made=tuple(job[0].village for job in jobs[len(written) + 1 :]),
            error=failure,
        )
    return BatchResult(tuple(written), tuple(plan.skipped), stop, plan.already, plan.unfinished)
