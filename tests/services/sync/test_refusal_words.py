"""A package the database refuses is refused in the reader's words: no SQL, no driver text, no
link to the SQLAlchemy site, no Python exception name."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import func, select

from ovop_desktop.db.models import Letter
from ovop_desktop.services.sync.packages import Rejection, export_package, import_package
from tests.conftest import MakeHome
from tests.services.sync.repackage import Records, repackaged
from tests.services.sync.test_round_trip import _officer

TECHNICAL = ("INSERT", "sqlalche.me", "IntegrityError", "constraint failed", "psycopg", "[SQL")


def test_two_letters_with_one_number_are_refused_in_plain_words(
    make_home: MakeHome, tmp_path: Path
) -> None:
    officer = _officer(make_home, tmp_path, "rahmah", 1)
    province = make_home("provinsi")
    package = export_package(officer.home.db, officer.home.paths, tmp_path / "usb").path

    def twin_letter(records: Records) -> None:
        letters = records["records/letters.jsonl"]
        twin = dict(letters[0], id=str(uuid.uuid4()), verification_code="ZZZZ1-ZZZZZ")
        letters.append(twin)

    changed = repackaged(package, tmp_path / "kembar", officer.home.paths.data_dir, twin_letter)
    result = import_package(province.db, province.paths, changed, trust_new=True)

    assert result.status == "rejected" and result.rejection is Rejection.INVALID_RECORDS
    reason = result.reason or ""
    assert "rekaman ganda" in reason
    assert not [word for word in TECHNICAL if word in reason], reason
    with province.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Letter)) == 0


def test_a_record_twice_in_one_package_is_named(make_home: MakeHome, tmp_path: Path) -> None:
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    province = make_home("provinsi")
    package = export_package(rahmah.db, rahmah.paths, tmp_path / "usb").path

    def twice(records: Records) -> None:
        surveys = records["records/surveys.jsonl"]
        surveys.append(dict(surveys[0]))

    changed = repackaged(package, tmp_path / "dua", rahmah.paths.data_dir, twice)
    result = import_package(province.db, province.paths, changed, trust_new=True)

    assert result.rejection is Rejection.INVALID_RECORDS
    assert "muncul dua kali" in (result.reason or "")
    assert not [word for word in TECHNICAL if word in (result.reason or "")]


def test_every_reference_between_exchanged_tables_is_checked_before_storing() -> None:
    """A record whose parent is unknown is refused alone; the parents checked are read from the
    models, so an attachment's assessment and a letter's product are among them."""
    from ovop_desktop.services.sync.apply import PARENTS

    assert ("assessment_id", "assessments") in PARENTS["attachments"]
    assert ("product_id", "candidate_products") in PARENTS["letters"]


def test_an_attachment_or_letter_with_an_unknown_parent_is_refused_alone(
    make_home: MakeHome, tmp_path: Path
) -> None:
    officer = _officer(make_home, tmp_path, "rahmah", 1)
    province = make_home("provinsi")
    package = export_package(officer.home.db, officer.home.paths, tmp_path / "usb").path
    orphans: list[str] = []

    def unknown_parents(records: Records) -> None:
        photo = next(r for r in records["records/attachments.jsonl"] if r.get("assessment_id"))
        photo["assessment_id"] = str(uuid.uuid4())
        letter = records["records/letters.jsonl"][0]
        letter["product_id"] = str(uuid.uuid4())
        orphans.extend([str(photo["id"]), str(letter["id"])])

    changed = repackaged(package, tmp_path / "yatim", officer.home.paths.data_dir, unknown_parents)
    result = import_package(province.db, province.paths, changed, trust_new=True)

    assert result.status == "partial", result.reason
    assert result.counts["rejected"] == 2
    assert [line for line in result.rejected_records if "tidak dikenal" in line] == [
        line for line in result.rejected_records if line.startswith(("1 foto", "1 surat"))
    ]
    assert len(result.rejected_records) == 2
    with province.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Letter)) == 1
