"""Every exchanged table makes the trip officer → package → province on every backend.

An officer's laptop holds a record of each kind (surveys, respondents, candidates, assessments
with their levels, photos, letters and their register entries, the audit entries of a correction
of a final survey, tombstones); its packages imported at the province give the same canonical
dump there, and the same stored rows, alone and with several importers at once. The province's
own records (reviews, designations) travel in no package: imports leave them as they are.
"""

from __future__ import annotations

import json
import multiprocessing
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from PIL import Image
from sqlalchemy import JSON, bindparam, select, text

from ovop_desktop.db.models import (
    Assessment,
    Base,
    CandidateProduct,
    Conflict,
    Designation,
    Respondent,
    Survey,
    SurveyReview,
)
from ovop_desktop.exchange.records import TABLES
from ovop_desktop.services.assessment.assessments import save_assessment
from ovop_desktop.services.database import Database
from ovop_desktop.services.letters.letter_content import LetterOptions
from ovop_desktop.services.letters.register import issue_letter, void_letter
from ovop_desktop.services.province.designations import DesignationInput, designate
from ovop_desktop.services.province.reviews import set_review
from ovop_desktop.services.rubrics import rubric_in_force
from ovop_desktop.services.settings.officers import current_officer
from ovop_desktop.services.surveys.capture import delete_respondent, update_survey
from ovop_desktop.services.surveys.photos import add_photo, photo_file, remove_photo
from ovop_desktop.services.sync.bulk_store import insert_rows
from ovop_desktop.services.sync.packages import (
    canonical_dump,
    export_package,
    import_package,
)
from tests.conftest import Home, MakeHome
from tests.services.sync.staff import import_all

EXCHANGED = [name for name, _ in TABLES]
# Three members of staff import the packages [Rahmah 1, Yusuf 1, Rahmah 2, Yusuf 2] at once, each
# in another order, but each officer's in the order they were made: a second package of an officer
# imported before the first would refuse the records whose parents only the first one carries.
ORDERS = ((0, 1, 2, 3), (1, 3, 0, 2), (1, 0, 3, 2))


@dataclass
class Officer:
    """An officer's laptop and the records the second round of edits changes."""

    home: Home
    surveys: list[uuid.UUID]
    letters: list[uuid.UUID]
    photos: list[uuid.UUID]
    assessment: uuid.UUID
    product: uuid.UUID


def _photo(path: Path, colour: tuple[int, int, int]) -> Path:
    Image.new("RGB", (64, 48), colour).save(path, "JPEG")
    return path


def _officer(make_home: MakeHome, tmp_path: Path, name: str, seed: int) -> Officer:
    """A laptop with a record in every exchanged table: demo surveys (respondents, products,
    final assessments with levels), two photos of one picture, two letters of 2026 (one
    voided), a corrected final survey (audit entries) and a deleted respondent. Every officer's
    letters are numbered 1 and 2: numbers are per laptop, and they meet at the province."""
    home = make_home(name, name.title(), seed=seed)
    db = home.db
    rubric = rubric_in_force(db)
    officer = current_officer(db)
    assert officer is not None
    with db.session() as session:
        surveys = list(session.scalars(select(Survey.id).order_by(Survey.village_code)))
        product = session.scalars(
            select(CandidateProduct.id)
            .where(CandidateProduct.survey_id == surveys[0])
            .order_by(CandidateProduct.name)
        ).first()
        assessment = session.scalars(
            select(Assessment.id).where(Assessment.product_id == product)
        ).one()
        respondent = session.scalars(
            select(Respondent.id).where(Respondent.survey_id == surveys[2])
        ).first()
    assert product is not None and respondent is not None
    picture = _photo(tmp_path / f"{name}.jpg", (seed * 40, 120, 200))
    photos = [
        add_photo(
            db, home.paths, picture, survey_id=surveys[0], caption="Balai desa", reason="Susulan"
        ).attachment_id,
        add_photo(
            db, home.paths, picture, assessment_id=assessment, criterion_id="C1", reason="Susulan"
        ).attachment_id,
    ]
    letters = [
        issue_letter(
            db,
            home.paths,
            survey_id,
            LetterOptions("Bupati", "Amuntai", issued_on=date(2026, 11, 2 + index)),
            rubric,
        ).letter_id
        for index, survey_id in enumerate(surveys[:2])
    ]
    void_letter(db, letters[0], "Salah alamat")
    update_survey(
        db,
        surveys[1],
        {"population": 1234, "notes": "Jumlah penduduk dari kantor desa"},
        reason="Salah hitung",
        officer_id=officer.id,
    )
    delete_respondent(db, respondent, reason="Bukan narasumber")  # the surveys are final
    return Officer(home, surveys, letters, photos, assessment, product)


def _second_round(officer: Officer) -> None:
    """Edits after the first export: an update of each kind of record already sent."""
    db = officer.home.db
    rubric = rubric_in_force(db)
    update_survey(db, officer.surveys[0], {"notes": "Dikoreksi"}, reason="Catatan kurang")
    # A second letter of the village replaces the first: its status travels as "replaced".
    issue_letter(
        db,
        officer.home.paths,
        officer.surveys[1],
        LetterOptions(
            "Bupati", "Amuntai", issued_on=date(2026, 11, 20), replace_reason="Nama produk salah"
        ),
        rubric,
    )
    remove_photo(db, officer.photos[0], reason="Foto salah")
    save_assessment(
        db,
        officer.product,
        rubric,
        dict.fromkeys(rubric.criterion_ids, 3),
        notes={"C2": "Bahan baku dari desa tetangga"},
    )


def _stored_rows(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of every exchanged table (and of the criterion levels) as the driver returns
    them, without the local `exchanged` flag: what the import itself wrote, compared with what
    the application wrote on the officer's laptop."""
    rows: dict[str, list[tuple[Any, ...]]] = {}
    with db.session() as session:
        connection = session.connection()
        for table in [*EXCHANGED, "assessment_levels"]:
            order = "assessment_id, criterion_id" if table == "assessment_levels" else "id"
            result = connection.execute(text(f"SELECT * FROM {table} ORDER BY {order}"))
            columns = Base.metadata.tables[table].c
            keep = [i for i, name in enumerate(result.keys()) if name != "exchanged"]
            # JSON as SQLite holds it is text, its keys in the order they were written.
            loads = {
                i for i, name in enumerate(result.keys()) if isinstance(columns[name].type, JSON)
            }
            rows[table] = [
                tuple(_loaded(row[i]) if i in loads else row[i] for i in keep) for row in result
            ]
    return rows


def _loaded(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _province_records(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    with db.session() as session:
        return {
            model.__tablename__: [
                tuple(getattr(row, c.key) for c in model.__table__.c)
                for row in session.scalars(select(model).order_by(model.id))
            ]
            for model in (SurveyReview, Designation)
        }


def _review_and_designate(province: Home, survey_id: uuid.UUID) -> None:
    """The province's own records about an imported survey."""
    db = province.db
    set_review(db, survey_id, "perlu_perbaikan", "Foto produk kurang", reviewer="Staf Provinsi")
    with db.session() as session:
        survey = session.get(Survey, survey_id)
        assert survey is not None
        product = session.scalars(
            select(CandidateProduct.id).where(CandidateProduct.survey_id == survey_id)
        ).first()
        village = survey.village_code
    designate(
        db,
        DesignationInput(
            region_code=village,
            decided_on=date(2026, 11, 20),
            basis="Hasil penilaian 2026",
            decree_number="188.44/123/2026",
            product_id=product,
        ),
        rubric_in_force(db),
        today=date(2026, 12, 1),
    )


def test_every_exchanged_table_arrives_at_the_province_as_the_officer_holds_it(
    make_home: MakeHome, tmp_path: Path
) -> None:
    officer = _officer(make_home, tmp_path, "rahmah", seed=1)
    province = make_home("provinsi")
    first = export_package(officer.home.db, officer.home.paths, tmp_path / "usb1").path

    result = import_package(province.db, province.paths, first, trust_new=True)

    assert result.status == "imported", result.reason
    sent = canonical_dump(officer.home.db)
    assert [table for table in EXCHANGED if not sent[table]] == []  # a record of each kind
    assert canonical_dump(province.db) == sent
    assert _stored_rows(province.db) == _stored_rows(officer.home.db)
    for record in sent["attachments"]:
        assert photo_file(province.paths, record["sha256"]).exists()

    _review_and_designate(province, officer.surveys[0])
    own = _province_records(province.db)
    _second_round(officer)
    second = export_package(officer.home.db, officer.home.paths, tmp_path / "usb2").path

    result = import_package(province.db, province.paths, second)

    assert result.status == "imported", result.reason
    assert result.counts["updated"] > 0 and result.counts["new"] > 0
    assert canonical_dump(province.db) == canonical_dump(officer.home.db)
    replaced = [r for r in canonical_dump(province.db)["letters"] if r["status"] == "replaced"]
    assert [r["replace_reason"] for r in replaced] == ["Nama produk salah"]
    assert _stored_rows(province.db) == _stored_rows(officer.home.db)
    assert _province_records(province.db) == own  # no package touches the province's records
    assert all(own.values())


def _export(officer: Officer, folder: Path) -> Path:
    return export_package(officer.home.db, officer.home.paths, folder).path


def test_importers_at_once_end_as_one_by_one_with_every_table(
    make_home: MakeHome, tmp_path: Path
) -> None:
    officers = [
        _officer(make_home, tmp_path, "rahmah", seed=1),
        _officer(make_home, tmp_path, "yusuf", seed=2),
    ]
    rahmah, yusuf = officers
    packages = [_export(rahmah, tmp_path / "usb-r1"), _export(yusuf, tmp_path / "usb-y1")]
    for officer in officers:
        _second_round(officer)
    packages += [_export(rahmah, tmp_path / "usb-r2"), _export(yusuf, tmp_path / "usb-y2")]
    serial = make_home("provinsi-satu-satu")
    for package in packages:
        assert import_package(serial.db, serial.paths, package, trust_new=True).status == "imported"

    province = make_home("provinsi")
    url = province.db.url
    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(len(ORDERS)), context.Queue()
    staff = []
    for index, order in enumerate(ORDERS):
        files = [str(packages[i]) for i in order]
        args = (url, str(tmp_path / f"staf{index}"), files, start, results)
        staff.append(context.Process(target=import_all, args=args))
    for member in staff:
        member.start()
    outputs = [results.get(timeout=300) for _ in staff]
    for member in staff:
        member.join(timeout=60)
        assert member.exitcode == 0

    statuses = {r["status"] for output in outputs for r in output}
    assert statuses <= {"imported", "unchanged"}, outputs  # nothing failed on a collision
    one_by_one = canonical_dump(serial.db)
    assert [table for table in EXCHANGED if not one_by_one[table]] == []
    assert canonical_dump(province.db) == one_by_one
    assert _stored_rows(province.db) == _stored_rows(serial.db)
    sent = [canonical_dump(officer.home.db) for officer in officers]
    numbers = [sorted(record["number"] for record in dump["letters"]) for dump in sent]
    assert numbers[0] == numbers[1]  # both officers' letters 1 and 2 of 2026 are kept
    for table in EXCHANGED:  # each officer's records, once
        both = sorted([*sent[0][table], *sent[1][table]], key=lambda r: r["id"])
        assert one_by_one[table] == both, table


def _raw(db: Database, table: str, record_id: uuid.UUID) -> dict[str, Any]:
    with db.session() as session:
        model = Base.metadata.tables[table]
        row = session.connection().execute(
            text(f"SELECT * FROM {table} WHERE id = :id").bindparams(
                bindparam("id", type_=model.c.id.type)
            ),
            {"id": record_id},
        )
        return {k: v for k, v in row.mappings().one().items() if k != "id"}


def test_values_written_in_bulk_are_stored_as_sqlalchemy_writes_them(db: Database) -> None:
    """The bulk insert passes values to the driver itself: each must be what SQLAlchemy's own
    INSERT would store, whatever the column type (JSON, dates, whole-second times, UUIDs,
    flags, scores); stored differently, a value reads back or compares differently."""
    moment = datetime(2026, 8, 3, 10, 0, tzinfo=UTC)  # no fraction of a second
    rows: dict[type[Any], dict[str, Any]] = {
        Conflict: {
            "table_name": "letters",
            "record_id": uuid.uuid4(),
            "local_revision": 1,
            "incoming_revision": 2,
            "local_data": {"signatory": {"name": "Ahmad", "nip": None}, "n": [1, 2.5]},
            "incoming_data": {"ü": "ß"},
            "package_id": uuid.uuid4(),
            "detected_at": moment,
            "resolved_at": None,
        },
        Designation: {
            "region_code": "63.08.07.2001",
            "product_name": "Anyaman Purun",
            "category": "kerajinan",
            "decided_on": date(2026, 11, 20),
            "basis": "Penilaian",
            "decree_number": "188.44/1/2026",
            "created_at": moment,
            "updated_at": moment,
            "revoked_at": moment,
            "revoked_reason": "Diganti",
        },
    }
    for model, values in rows.items():
        table = model.__table__
        bulk, plain = uuid.uuid4(), uuid.uuid4()
        with db.session() as session:
            insert_rows(session, model, [{"id": bulk, **values}])
            session.execute(table.insert(), [{"id": plain, **values}])
        assert _raw(db, table.name, bulk) == _raw(db, table.name, plain), table.name
