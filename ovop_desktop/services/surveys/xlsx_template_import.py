"""Importing a filled survey template: every row checked first, then all of it in one
transaction or nothing, with row-level errors."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.core.text import fold
from ovop_desktop.db.models import Officer, Region, Survey
from ovop_desktop.exchange.spreadsheet import (
    Row,
    SheetProblem,
    UnreadableWorkbookError,
    cell_text,
    read_rows,
    read_sheets,
)
from ovop_desktop.exchange.xlsx_guard import XlsxRefusedError
from ovop_desktop.services.assessment.assessments import save_assessment
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError
from ovop_desktop.services.regions import villages_only
from ovop_desktop.services.rubrics import rubric_in_force
from ovop_desktop.services.settings.officers import current_officer, local_device_id
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    SurveyInput,
    add_product,
    create_survey,
)
from ovop_desktop.services.surveys.xlsx_template import (
    LEVEL_SHEET,
    LISTS,
    NUMBER,
    PRODUCTS,
    SURVEY_FIELDS,
    SURVEYS,
    TemplateError,
    TemplateImportResult,
    _level_fields,
    _product_fields,
)


@dataclass
class _Plan:
    """What the template creates, in row order; used only when no row has a problem."""

    # survey number → (row, survey, officer's name)
    surveys: dict[int, tuple[int, SurveyInput, str | None]] = field(default_factory=dict)
    # (survey number, folded product name) → (row, product)
    products: dict[tuple[int, str], tuple[int, ProductInput]] = field(default_factory=dict)
    # (row, survey number, folded product name, levels)
    levels: list[tuple[int, int, str, dict[str, int | None]]] = field(default_factory=list)


Rows = list[tuple[int, dict[str, Any]]]


def _check_surveys(db: Database, rows: Rows, plan: _Plan, problems: list[SheetProblem]) -> set[int]:
    """Fill plan.surveys; return every survey number the sheet uses."""
    codes = {v["village_code"] for _, v in rows if v["village_code"]}
    with db.session() as session:
        villages = set(
            session.scalars(select(Region.code).where(Region.code.in_(codes), villages_only()))
        )
        stored = session.execute(
            select(Survey.village_code, Survey.survey_date).where(
                Survey.village_code.in_(codes), Survey.deleted_at.is_(None)
            )
        ).all()
    # Where each (village, date) was seen: 0 is the database, else a row of the sheet.
    places: dict[tuple[str, date], int] = dict.fromkeys(((c, d) for c, d in stored), 0)
    for row, v in rows:
        number, code, day = v["number"], v["village_code"], v["survey_date"]
        if number in plan.surveys:
            first = plan.surveys[number][0]
            problems.append(
                SheetProblem(
                    SURVEYS,
                    row,
                    f"no. survei {number} sudah dipakai di baris {first}.",
                    f"survey number {number} is already used in row {first}.",
                )
            )
        elif number is not None:
            values = {k: v[k] for k in v if k not in (NUMBER.key, "officer")}
            plan.surveys[number] = (row, SurveyInput(**values), v["officer"])
        if code and code not in villages:
            problems.append(
                SheetProblem(
                    SURVEYS,
                    row,
                    f"kode desa '{code}' tidak ada dalam daftar wilayah; pilih dari daftar.",
                    f"village code '{code}' is not in the region list; choose from the list.",
                )
            )
        if code and day and (code, day) in places:
            seen = places[(code, day)]
            problems.append(
                SheetProblem(
                    SURVEYS,
                    row,
                    f"survei desa {code} tanggal {day:%d/%m/%Y} sudah ada di "
                    f"{f'baris {seen}' if seen else 'basis data'}; survei yang sama tidak "
                    "diimpor dua kali.",
                    f"the survey of village {code} on {day:%d/%m/%Y} is already in "
                    f"{f'row {seen}' if seen else 'the database'}.",
                )
            )
        elif code and day:
            places[(code, day)] = row
    return set(plan.surveys)


def _check_products(
    rows: Rows, numbers: set[int], plan: _Plan, problems: list[SheetProblem]
) -> None:
    for row, v in rows:
        number, name = v["number"], v["name"]
        if number is not None and number not in numbers:
            problems.append(_no_survey(PRODUCTS, row, number))
        if number is None or not name:
            continue
        key = (number, fold(name))
        if key in plan.products:
            first = plan.products[key][0]
            problems.append(
                SheetProblem(
                    PRODUCTS,
                    row,
                    f"produk '{name}' survei no. {number} sudah ada di baris {first}.",
                    f"product '{name}' of survey {number} is already in row {first}.",
                )
            )
            continue
        values = {k: val for k, val in v.items() if k != NUMBER.key}
        # An empty permit cell means the permit is not held.
        values |= {k: bool(val) for k, val in values.items() if k.startswith("permit_")}
        plan.products[key] = (row, ProductInput(**values))


def _no_survey(sheet: str, row: int, number: int) -> SheetProblem:
    return SheetProblem(
        sheet,
        row,
        f"no. survei {number} tidak ada di lembar Survei.",
        f"survey number {number} is not on the Survei sheet.",
    )


def _check_levels(
    rows: Rows, numbers: set[int], rubric: Rubric, plan: _Plan, problems: list[SheetProblem]
) -> None:
    seen: dict[tuple[int, str], int] = {}
    for row, v in rows:
        number, name = v["number"], v["name"]
        if number is not None and number not in numbers:
            problems.append(_no_survey(LEVEL_SHEET, row, number))
        if number not in numbers or not name:
            continue
        key = (number, fold(name))
        if key not in plan.products:
            problems.append(
                SheetProblem(
                    LEVEL_SHEET,
                    row,
                    f"produk '{name}' tidak ada di lembar Kandidat untuk survei no. {number}.",
                    f"product '{name}' is not on the Kandidat sheet for survey {number}.",
                )
            )
        elif key in seen:
            problems.append(
                SheetProblem(
                    LEVEL_SHEET,
                    row,
                    f"tingkat produk '{name}' sudah diisi di baris {seen[key]}.",
                    f"the levels of product '{name}' are already in row {seen[key]}.",
                )
            )
        seen.setdefault(key, row)
        levels = {cid: v[cid] for cid in rubric.criterion_ids}
        # A row without any level is a candidate not assessed yet: nothing to save.
        if any(level is not None for level in levels.values()):
            plan.levels.append((row, number, key[1], levels))


def _made_for(lists: Sequence[Row]) -> tuple[str, int] | None:
    """The rubric (id, version) a template was written for, from its Daftar sheet."""
    header = [cell_text(v) for v in (lists[0] if lists else ())]
    if "Rubrik" not in header or len(lists) < 3:
        return None
    column = header.index("Rubrik")
    rubric_id, version = (lists[r][column] if column < len(lists[r]) else None for r in (1, 2))
    return (str(rubric_id), version) if rubric_id and isinstance(version, int) else None


def _check_template(db: Database, rubric: Rubric, source: Path) -> tuple[_Plan, list[SheetProblem]]:
    try:
        sheets = read_sheets(source, (SURVEYS, PRODUCTS, LEVEL_SHEET, LISTS))
    except (UnreadableWorkbookError, XlsxRefusedError) as exc:
        raise InvalidInputError(exc.message_id, exc.message_en) from exc
    except (ValueError, TypeError, IndexError, KeyError, OverflowError, EOFError) as exc:
        # Whatever else openpyxl stumbles on in a crafted file: refused, never a traceback.
        raise InvalidInputError(
            f"{source.name} tidak dapat dibaca sebagai templat. Simpan ulang sebagai Excel "
            "Workbook (.xlsx), lalu coba lagi.",
            f"{source.name} cannot be read as a template. Save it again as an Excel Workbook "
            "(.xlsx), then try again.",
        ) from exc
    problems: list[SheetProblem] = [
        SheetProblem(
            sheet,
            None,
            "lembar ini tidak ada; pakai templat dari OVOP Desktop.",
            "this sheet is missing; use a template from OVOP Desktop.",
        )
        for sheet in (SURVEYS, PRODUCTS, LEVEL_SHEET)
        if sheet not in sheets
    ]
    surveys = read_rows(SURVEYS, sheets.get(SURVEYS, []), SURVEY_FIELDS, problems)
    products = read_rows(PRODUCTS, sheets.get(PRODUCTS, []), _product_fields(rubric), problems)
    levels = read_rows(LEVEL_SHEET, sheets.get(LEVEL_SHEET, []), _level_fields(rubric), problems)
    if SURVEYS in sheets and not surveys:
        problems.append(
            SheetProblem(SURVEYS, None, "belum ada survei yang diisi.", "no survey is filled in.")
        )
    plan = _Plan()
    numbers = _check_surveys(db, surveys, plan, problems)
    _check_products(products, numbers, plan, problems)
    _check_levels(levels, numbers, rubric, plan, problems)
    made_for = _made_for(sheets.get(LISTS, []))
    if plan.levels and made_for is not None and made_for != (rubric.id, rubric.version):
        problems.append(
            SheetProblem(
                LEVEL_SHEET,
                None,
                f"templat ini dibuat untuk rubrik {made_for[0]} versi {made_for[1]}, padahal yang "
                f"berlaku versi {rubric.version}; nilai ulang dengan templat baru.",
                f"this template was made for rubric {made_for[0]} version {made_for[1]}, but "
                f"version {rubric.version} is in force; assess again with a new template.",
            )
        )
    return plan, problems


# Importing.


@contextmanager
def _one_transaction(db: Database) -> Iterator[Database]:
    """`db` on one connection whose transaction commits only when the block ends: the commit of
    each service's session just releases a savepoint, so the import is all or nothing."""
    with db.connect() as connection, connection.begin():
        sessions = sessionmaker(
            connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
        )
        yield replace(db, sessions=sessions)


def _officers(db: Database, names: set[str]) -> dict[str, uuid.UUID]:
    """Officer ids by folded name; a name not known yet becomes a new officer record."""
    with db.session() as session:
        known = {fold(name): oid for oid, name in session.execute(select(Officer.id, Officer.name))}
        for name in sorted(names):
            if fold(name) not in known:
                officer = Officer(name=name)
                session.add(officer)
                session.flush()
                known[fold(name)] = officer.id
    return known


def import_template(
    db: Database, rubric: Rubric, source: Path, *, officer_id: uuid.UUID | None = None
) -> TemplateImportResult:
    """Import a filled template: every row is checked first, and any problem raises
    TemplateError listing them all with nothing saved. Surveys come in as drafts; a candidate
    with every level becomes a final assessment, one with some levels a draft.

    `officer_id` is the officer of the surveys whose 'nama petugas' is empty.
    """
    plan, problems = _check_template(db, rubric, source)
    if problems:
        raise TemplateError(problems)
    device = local_device_id(db)
    categories = frozenset(rubric.category_ids)
    survey_ids: dict[int, uuid.UUID] = {}
    product_ids: dict[tuple[int, str], uuid.UUID] = {}
    finals = 0
    with _one_transaction(db) as tx:
        officers = _officers(tx, {name for _, _, name in plan.surveys.values() if name})
        for number, (row, data, name) in plan.surveys.items():
            who = officers[fold(name)] if name else officer_id
            with _row_context(SURVEYS, row):
                survey_ids[number] = create_survey(
                    tx, replace(data, officer_id=who), device_id=device
                )
        for (number, key), (row, product) in plan.products.items():
            with _row_context(PRODUCTS, row):
                product_ids[(number, key)] = add_product(
                    tx, survey_ids[number], product, categories=categories, device_id=device
                )
        for row, number, key, levels in plan.levels:
            _, survey, name = plan.surveys[number]
            complete = all(level is not None for level in levels.values())
            with _row_context(LEVEL_SHEET, row):
                save_assessment(
                    tx,
                    product_ids[(number, key)],
                    rubric,
                    levels,
                    assessor_id=officers[fold(name)] if name else officer_id,
                    assessed_on=survey.survey_date,
                    final=complete,
                    device_id=device,
                )
            finals += complete
    return TemplateImportResult(
        surveys=len(survey_ids),
        products=len(product_ids),
        assessments=len(plan.levels),
        final_assessments=finals,
        survey_ids=tuple(survey_ids.values()),
    )


def import_template_here(db: Database, source: Path) -> TemplateImportResult:
    """import_template as the CLI and the Survei page run it: against the rubric in force, with
    this laptop's officer for the surveys whose 'nama petugas' is empty."""
    officer = current_officer(db)
    return import_template(
        db, rubric_in_force(db), source, officer_id=officer.id if officer else None
    )


@contextmanager
def _row_context(sheet: str, row: int) -> Iterator[None]:
    """A service's refusal, named by the row it came from (the transaction then rolls back)."""
    try:
        yield
    except InvalidInputError as exc:
        raise TemplateError([SheetProblem(sheet, row, exc.message_id, exc.message_en)]) from exc
