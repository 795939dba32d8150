"""Every schema change is a migration, tested on a database that has data in it."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ovop_desktop.db.engine import make_engine
from ovop_desktop.db.migrate import head_revision, upgrade
from ovop_desktop.db.models import Base, Region
from ovop_desktop.services.database import open_database
from ovop_desktop.services.errors import StorageError

FIRST_REVISION = "0001"
SURVEY_ID = uuid.uuid4().hex
PRODUCT_ID = uuid.uuid4().hex
ASSESSMENT_ID = uuid.uuid4().hex
STAMP = "2026-08-03 02:00:00.000000"


def _seed_first_revision(database: Path) -> None:
    """Rows written as the first revision's schema stores them, children included."""
    connection = sqlite3.connect(database)
    with connection:
        connection.executemany(
            "INSERT INTO regions (code, name, level, parent_code, updated_at) VALUES (?,?,?,?,?)",
            [
                ("63", "KALIMANTAN SELATAN", "provinsi", None, STAMP),
                ("63.08", "KAB. HULU SUNGAI UTARA", "kabupaten/kota", "63", STAMP),
                ("63.08.07", "Banjang", "kecamatan", "63.08", STAMP),
                ("63.08.07.2001", "Banjang", "desa", "63.08.07", STAMP),
            ],
        )
        connection.execute(
            "INSERT INTO surveys (id, revision, created_at, updated_at, village_code, village_name,"
            " district_name, regency_name, survey_date, status) VALUES (?,1,?,?,?,?,?,?,?,?)",
            (
                SURVEY_ID,
                STAMP,
                STAMP,
                "63.08.07.2001",
                "Banjang",
                "Banjang",
                "KAB. HULU SUNGAI UTARA",
                "2026-08-03",
                "final",
            ),
        )
        connection.execute(
            "INSERT INTO candidate_products (id, revision, created_at, updated_at, survey_id, name,"
            " category, permit_nib, permit_pirt, permit_bpom, permit_halal, permit_sni,"
            " permit_hki) VALUES (?,1,?,?,?,?,?,1,0,0,0,0,0)",
            (PRODUCT_ID, STAMP, STAMP, SURVEY_ID, "Anyaman Purun", "anyaman"),
        )
        connection.execute(
            "INSERT INTO assessments (id, revision, created_at, updated_at, product_id, rubric_id,"
            " rubric_version, rubric_hash, status, total, stars) VALUES (?,1,?,?,?,?,1,?,?,?,?)",
            (
                ASSESSMENT_ID,
                STAMP,
                STAMP,
                PRODUCT_ID,
                "ovop-kalsel-2026",
                "x" * 64,
                "final",
                66.0,
                3,
            ),
        )
        connection.executemany(
            "INSERT INTO assessment_levels (assessment_id, criterion_id, level) VALUES (?,?,?)",
            [(ASSESSMENT_ID, f"C{i}", 3) for i in range(1, 9)],
        )
    connection.close()


@pytest.fixture
def first_revision_db(tmp_path: Path) -> Path:
    database = tmp_path / "lama.sqlite3"
    upgrade(f"sqlite:///{database}", target=FIRST_REVISION)
    _seed_first_revision(database)
    return database


def _count(database: Path, table: str) -> int:
    connection = sqlite3.connect(database)
    try:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        connection.close()


def test_upgrading_a_first_revision_database_keeps_every_row(
    first_revision_db: Path, tmp_path: Path
) -> None:
    before = {
        t: _count(first_revision_db, t)
        for t in ("regions", "surveys", "candidate_products", "assessments", "assessment_levels")
    }

    result = upgrade(f"sqlite:///{first_revision_db}", backups_dir=tmp_path / "cadangan")

    assert (result.from_revision, result.to_revision) == (FIRST_REVISION, head_revision())
    after = {t: _count(first_revision_db, t) for t in before}
    assert after == before
    assert before["assessment_levels"] == 8  # the child rows a table copy could have cascaded


def test_upgrade_fills_the_region_search_names(first_revision_db: Path) -> None:
    upgrade(f"sqlite:///{first_revision_db}")
    engine = make_engine(f"sqlite:///{first_revision_db}")
    with engine.connect() as connection:
        names = dict(connection.execute(select(Region.code, Region.search_name)).all())
    engine.dispose()
    assert names["63.08"] == "kab hulu sungai utara"
    assert names["63.08.07.2001"] == "banjang"


def test_upgrade_leaves_foreign_keys_consistent_and_on(first_revision_db: Path) -> None:
    upgrade(f"sqlite:///{first_revision_db}")
    connection = sqlite3.connect(first_revision_db)
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    connection.close()
    engine = make_engine(f"sqlite:///{first_revision_db}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


def test_upgrade_to_lineage_keeps_rows_with_an_unknown_base_and_bases_the_next_edit(
    first_revision_db: Path,
) -> None:
    """0002 → 0003 on a database with a survey and its children: the rows stay, their base is
    unknown (they merge by revision as before), and they count as exchanged so that the next
    edit records the revision it was made from."""
    from ovop_desktop.db.models import Survey
    from ovop_desktop.services.surveys.capture import update_survey

    url = f"sqlite:///{first_revision_db}"
    upgrade(url, target="0002")
    before = {t: _count(first_revision_db, t) for t in ("surveys", "assessment_levels")}
    upgrade(url, target="0003")
    assert {t: _count(first_revision_db, t) for t in before} == before
    connection = sqlite3.connect(first_revision_db)
    for table in ("surveys", "candidate_products", "assessments"):
        assert connection.execute(
            f"SELECT revision, base_revision, exchanged FROM {table}"
        ).fetchall() == [(1, None, 1)]
    connection.close()

    db = open_database(url)
    try:
        update_survey(db, uuid.UUID(SURVEY_ID), {"notes": "Dicek ulang"}, reason="koreksi")
        with db.session() as session:
            survey = session.get(Survey, uuid.UUID(SURVEY_ID))
            assert survey is not None
            assert (survey.revision, survey.base_revision, survey.exchanged) == (2, 1, False)
    finally:
        db.dispose()


def test_a_backup_copy_is_made_before_migrating_data(
    first_revision_db: Path, tmp_path: Path
) -> None:
    result = upgrade(f"sqlite:///{first_revision_db}", backups_dir=tmp_path / "cadangan")

    assert result.backup is not None and result.backup.exists()
    copy = sqlite3.connect(result.backup)
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (FIRST_REVISION,)
    assert copy.execute("SELECT count(*) FROM assessment_levels").fetchone() == (8,)
    copy.close()


def test_a_new_database_needs_no_backup(tmp_path: Path) -> None:
    result = upgrade(f"sqlite:///{tmp_path / 'baru.sqlite3'}", backups_dir=tmp_path / "cadangan")
    assert result.backup is None
    assert not (tmp_path / "cadangan").exists()


def test_models_and_migrations_describe_the_same_schema(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'skema.sqlite3'}"
    upgrade(url)
    engine = make_engine(url)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    database = tmp_path / "baru.sqlite3"
    upgrade(f"sqlite:///{database}")
    connection = sqlite3.connect(database)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()

    with pytest.raises(StorageError, match="versi OVOP Desktop yang lebih baru"):
        open_database(f"sqlite:///{database}", backups_dir=tmp_path / "cadangan")
    assert not (tmp_path / "cadangan").exists()


def test_the_head_revision_constant_names_the_newest_migration() -> None:
    from alembic.script import ScriptDirectory

    from ovop_desktop.db.migrate import alembic_config
    from ovop_desktop.db.revision import HEAD_REVISION

    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION


def test_upgrade_to_province_review_keeps_the_data_and_adds_usable_tables(
    first_revision_db: Path,
) -> None:
    """0003 → 0004 on a database with a survey, its product, assessment and levels: every row
    stays, and the review and designation tables take rows at once."""
    from datetime import date

    from ovop_desktop.services.province.designations import (
        DesignationInput,
        designate,
        list_designations,
    )
    from ovop_desktop.services.province.reviews import current_reviews, set_review
    from ovop_desktop.services.rubrics import install_shipped_rubrics, rubric_in_force

    url = f"sqlite:///{first_revision_db}"
    upgrade(url, target="0003")
    connection = sqlite3.connect(first_revision_db)
    with connection:
        connection.execute(
            "INSERT INTO officers (id, name, created_at, updated_at) VALUES (?,?,?,?)",
            (uuid.uuid4().hex, "Rahmah Hidayati", STAMP, STAMP),
        )
    connection.close()
    tables = ("regions", "officers", "surveys", "candidate_products", "assessments")
    before = {t: _count(first_revision_db, t) for t in (*tables, "assessment_levels")}

    result = upgrade(url, target="0004")

    assert (result.from_revision, result.to_revision) == ("0003", "0004")
    assert {t: _count(first_revision_db, t) for t in before} == before
    assert _count(first_revision_db, "survey_reviews") == 0
    assert _count(first_revision_db, "designations") == 0
    db = open_database(url)
    try:
        install_shipped_rubrics(db)
        survey_id = uuid.UUID(SURVEY_ID)
        set_review(db, survey_id, "perlu_perbaikan", "Lengkapi foto.", reviewer="Siti")
        set_review(db, survey_id, "disetujui", reviewer="Siti")
        assert current_reviews(db)[survey_id].state == "disetujui"
        designate(
            db,
            DesignationInput(
                "63.08.07.2001",
                date(2026, 11, 3),
                "Hasil penilaian",
                "188.44/1/KUM/2026",
                product_id=uuid.UUID(PRODUCT_ID),
            ),
            rubric_in_force(db),
        )
        assert [row.product_name for row in list_designations(db)] == ["Anyaman Purun"]
    finally:
        db.dispose()
    connection = sqlite3.connect(first_revision_db)
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    connection.close()


def test_one_live_designation_per_region_is_enforced_by_the_schema(any_backend_url: str) -> None:
    """The partial unique index works on both backends: a second live designation of a region
    is refused, any number of revoked ones are kept."""
    from datetime import date

    from sqlalchemy.exc import IntegrityError

    from ovop_desktop.db.models import Designation, utc_now
    from ovop_desktop.services.regions import import_regions
    from tests.conftest import FIXTURES

    db = open_database(any_backend_url)
    try:
        import_regions(db, (FIXTURES / "wilayah-contoh.csv").read_bytes())

        def add(revoked: bool) -> None:
            with db.session() as session:
                session.add(
                    Designation(
                        region_code="63.01.01.2002",
                        product_name="Amplang",
                        category="makanan",
                        decided_on=date(2026, 11, 3),
                        basis="Hasil penilaian",
                        decree_number="188.44/1/KUM/2026",
                        revoked_at=utc_now() if revoked else None,
                    )
                )

        add(revoked=True)
        add(revoked=True)
        add(revoked=False)
        with pytest.raises(IntegrityError):
            add(revoked=False)
        with db.session() as session:
            assert len(session.scalars(select(Designation)).all()) == 3
    finally:
        db.dispose()


def _seed_letters(url: str, device: uuid.UUID) -> None:
    """At revision 0004: a survey and three letters of 2026, two issued before letters carried
    their laptop (no device) and one with this laptop's device."""
    from sqlalchemy import text

    engine = make_engine(url)
    with engine.begin() as connection:
        for code, name, level, parent in (
            ("63", "KALIMANTAN SELATAN", "provinsi", None),
            ("63.08", "KAB. HULU SUNGAI UTARA", "kabupaten/kota", "63"),
            ("63.08.07", "Banjang", "kecamatan", "63.08"),
            ("63.08.07.2001", "Banjang", "desa", "63.08.07"),
        ):
            connection.execute(
                text(
                    "INSERT INTO regions (code, name, level, parent_code, updated_at,"
                    " search_name) VALUES (:code, :name, :level, :parent, :at, :search)"
                ),
                {
                    "code": code,
                    "name": name,
                    "level": level,
                    "parent": parent,
                    "at": STAMP,
                    "search": name.lower(),
                },
            )
        connection.execute(
            text(
                "INSERT INTO surveys (id, revision, created_at, updated_at, village_code,"
                " village_name, district_name, regency_name, survey_date, status)"
                " VALUES (:id, 1, :at, :at, '63.08.07.2001', 'Banjang', 'Banjang',"
                " 'KAB. HULU SUNGAI UTARA', '2026-08-03', 'final')"
            ),
            {"id": SURVEY_ID, "at": STAMP},
        )
        for sequence, owner in ((1, None), (2, None), (3, device.hex)):
            connection.execute(
                text(
                    "INSERT INTO letters (id, revision, created_at, updated_at, device_id, number,"
                    " year, sequence, issued_on, survey_id, signatory, snapshot, snapshot_hash,"
                    " verification_code, status, base_revision, exchanged) VALUES (:id, 1, :at,"
                    " :at, :device, :number, 2026, :sequence, '2026-11-02', :survey,"
                    " :signatory, :snapshot, :hash, :code, 'issued', 0, false)"
                ),
                {
                    "id": uuid.UUID(int=sequence).hex,
                    "at": STAMP,
                    "device": owner,
                    "number": f"500.2/{sequence}/DKUKM/XI/2026",
                    "sequence": sequence,
                    "survey": SURVEY_ID,
                    "signatory": '{"name": "Kepala Dinas"}',
                    "snapshot": '{"recommended": null, "candidates": []}',
                    "hash": "a" * 64,
                    "code": f"AAAA{sequence}-BBBBB",
                },
            )
    engine.dispose()


def test_upgrade_to_letter_numbers_per_device_keeps_the_letters(any_backend_url: str) -> None:
    """0004 → 0005 on a database holding letters, on both backends: every letter stays as it
    was; afterwards a colleague's letter may carry the same year, sequence and number, the same
    laptop's may not, and the next number follows the laptop's own letters and the old ones."""
    from sqlalchemy.exc import IntegrityError

    from ovop_desktop.db.models import Letter
    from ovop_desktop.services.letters.register import next_sequence

    device, colleague = uuid.uuid4(), uuid.uuid4()
    upgrade(any_backend_url, target="0004")
    _seed_letters(any_backend_url, device)

    result = upgrade(any_backend_url, target="0005")

    assert (result.from_revision, result.to_revision) == ("0004", "0005")
    db = open_database(any_backend_url)
    try:
        with db.session() as session:
            kept = [
                (row.id, row.device_id, row.number, row.year, row.sequence, row.verification_code)
                for row in session.scalars(select(Letter).order_by(Letter.sequence))
            ]
        assert kept == [
            (uuid.UUID(int=n), owner, f"500.2/{n}/DKUKM/XI/2026", 2026, n, f"AAAA{n}-BBBBB")
            for n, owner in ((1, None), (2, None), (3, device))
        ]

        def add(owner: uuid.UUID, sequence: int, code: str) -> None:
            with db.session() as session:
                session.add(
                    Letter(
                        device_id=owner,
                        number=f"500.2/{sequence}/DKUKM/XI/2026",
                        year=2026,
                        sequence=sequence,
                        issued_on=date(2026, 11, 20),
                        survey_id=uuid.UUID(SURVEY_ID),
                        signatory={"name": "Kepala Dinas"},
                        snapshot={},
                        snapshot_hash="b" * 64,
                        verification_code=code,
                    )
                )

        add(colleague, 3, "CCCCC-00003")  # a colleague's letter 3 of 2026 sits beside ours
        with pytest.raises(IntegrityError):
            add(device, 3, "CCCCC-00004")  # our own number 3 again
        with db.session() as session:
            assert next_sequence(session, device, 2026) == 4
            assert next_sequence(session, uuid.uuid4(), 2026) == 3  # the old letters count
            assert next_sequence(session, colleague, 2026) == 4
            assert next_sequence(session, device, 2027) == 1
    finally:
        db.dispose()


def test_upgrade_to_officer_owners_keeps_the_profiles_and_new_ones_get_this_laptop(
    any_backend_url: str,
) -> None:
    """0005 → 0006 on a database holding officers and letters: every profile stays, with no
    owner (its laptop is not known); a profile saved afterwards is this laptop's."""
    from ovop_desktop.db.models import Officer
    from ovop_desktop.services.settings.officers import local_device_id

    upgrade(any_backend_url, target="0005")
    _seed_letters(any_backend_url, uuid.uuid4())
    engine = make_engine(any_backend_url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO officers (id, name, nip, created_at, updated_at)"
                " VALUES (:id, 'Siti Rahmah', '198001012005012001', :at, :at)"
            ),
            {"id": uuid.UUID(int=7).hex, "at": STAMP},
        )
    engine.dispose()

    result = upgrade(any_backend_url, target="0006")

    assert (result.from_revision, result.to_revision) == ("0005", "0006")
    db = open_database(any_backend_url)
    try:
        with db.session() as session:
            old = session.get(Officer, uuid.UUID(int=7))
            assert old is not None
            assert (old.name, old.nip, old.device_id) == ("Siti Rahmah", "198001012005012001", None)
            session.add(Officer(id=uuid.UUID(int=8), name="Ahmad Fauzi"))
        with db.session() as session:
            new = session.get(Officer, uuid.UUID(int=8))
            assert new is not None and new.device_id == local_device_id(db)
            assert _letter_count(session) == 3
    finally:
        db.dispose()


def _letter_count(session: Session) -> int:
    return int(session.execute(text("SELECT count(*) FROM letters")).scalar_one())


def test_upgrade_to_replaced_letters_keeps_the_letters_and_allows_replacing(
    any_backend_url: str,
) -> None:
    """0006 → 0007 on a database holding letters, on both backends: every letter stays live with
    no replacement; afterwards a letter can be marked replaced, naming its successor and the
    reason, and a status outside issued/void/replaced is still refused."""
    from sqlalchemy.exc import IntegrityError

    from ovop_desktop.db.models import Letter

    upgrade(any_backend_url, target="0006")
    _seed_letters(any_backend_url, uuid.uuid4())

    result = upgrade(any_backend_url, target="0007")

    assert (result.from_revision, result.to_revision) == ("0006", "0007")
    db = open_database(any_backend_url)
    try:
        with db.session() as session:
            kept = [
                (row.number, row.status, row.replaced_by, row.replace_reason)
                for row in session.scalars(select(Letter).order_by(Letter.sequence))
            ]
        assert kept == [(f"500.2/{n}/DKUKM/XI/2026", "issued", None, None) for n in (1, 2, 3)]
        with db.session() as session:
            first = session.get(Letter, uuid.UUID(int=1))
            assert first is not None
            first.status = "replaced"
            first.replaced_by, first.replace_reason = uuid.UUID(int=2), "nama produk salah"
        with db.session() as session:
            first = session.get(Letter, uuid.UUID(int=1))
            assert first is not None
            assert (first.status, first.replaced_by, first.replace_reason) == (
                "replaced",
                uuid.UUID(int=2),
                "nama produk salah",
            )
        with pytest.raises(IntegrityError), db.session() as session:
            second = session.get(Letter, uuid.UUID(int=2))
            assert second is not None
            second.status = "lost"
    finally:
        db.dispose()
