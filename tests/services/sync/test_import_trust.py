"""What an import will not take on trust: this laptop's own device id from outside, and clocks
from the future; and a package refused wholly or in part says so."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from ovop_desktop.db.models import ImportLogEntry, Officer, Survey
from ovop_desktop.services.database import Database
from ovop_desktop.services.settings.officers import local_device_id
from ovop_desktop.services.sync.packages import Rejection, export_package, import_package
from tests.conftest import MakeHome
from tests.services.sync.repackage import Records, repackaged

FUTURE = "9999-01-01T00:00:00+00:00"


def _surveys(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(Survey)) or 0)


def test_a_package_bearing_this_laptops_own_device_id_is_refused_even_when_trusting(
    make_home: MakeHome, tmp_path: Path
) -> None:
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    province = make_home("provinsi")
    package = export_package(rahmah.db, rahmah.paths, tmp_path / "usb").path
    # The province's id is in its setup package: an officer signs her work with her own key
    # and puts the province's id in the manifest.
    forged = repackaged(
        package,
        tmp_path / "palsu",
        rahmah.paths.data_dir,
        device_id=str(local_device_id(province.db)),
    )

    preview = import_package(province.db, province.paths, forged, dry_run=True)
    result = import_package(province.db, province.paths, forged, trust_new=True)

    assert preview.rejection is Rejection.OWN_DEVICE
    assert result.status == "rejected" and result.rejection is Rejection.OWN_DEVICE
    assert not result.needs_trust and "laptop ini sendiri" in (result.reason or "")
    assert _surveys(province.db) == 0


def test_a_record_from_the_future_is_refused_with_its_reason_and_the_rest_applies(
    make_home: MakeHome, tmp_path: Path
) -> None:
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    province = make_home("provinsi")
    package = export_package(rahmah.db, rahmah.paths, tmp_path / "usb").path
    soon = (datetime.now(UTC) + timedelta(hours=3)).isoformat()  # a clock a little ahead
    late: list[str] = []

    def clocks(records: Records) -> None:
        surveys = records["records/surveys.jsonl"]
        surveys[0]["updated_at"] = FUTURE
        surveys[1]["created_at"] = soon
        late.append(str(surveys[0]["id"]))
        late.append(str(surveys[0]["village_name"]))

    changed = repackaged(package, tmp_path / "jam", rahmah.paths.data_dir, clocks)
    result = import_package(province.db, province.paths, changed, trust_new=True)

    assert result.status == "partial" and result.rejection is None
    assert result.as_json()["status"] == "partial" and result.as_json()["rejected"] >= 1
    assert any(f"Desa {late[1]}" in p and "masa depan" in p for p in result.rejected_records)
    assert any("lies in the future" in p for p in result.rejected_records_en)
    assert _surveys(province.db) == 2
    with province.db.session() as session:
        assert session.get(Survey, uuid.UUID(late[0])) is None


def test_an_officer_saved_in_the_future_does_not_win(make_home: MakeHome, tmp_path: Path) -> None:
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    province = make_home("provinsi")
    package = export_package(rahmah.db, rahmah.paths, tmp_path / "usb").path
    assert import_package(province.db, province.paths, package, trust_new=True).status == (
        "imported"
    )

    def renamed(records: Records) -> None:
        for officer in records["records/officers.jsonl"]:
            officer["name"], officer["updated_at"] = "Penyusup", FUTURE

    changed = repackaged(package, tmp_path / "nama", rahmah.paths.data_dir, renamed)
    result = import_package(province.db, province.paths, changed)

    assert result.status == "partial"
    with province.db.session() as session:
        assert "Penyusup" not in session.scalars(select(Officer.name)).all()


def test_a_package_whose_every_record_was_refused_is_rejected_not_unchanged(
    make_home: MakeHome, tmp_path: Path
) -> None:
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    province = make_home("provinsi")
    package = export_package(rahmah.db, rahmah.paths, tmp_path / "usb").path

    def all_late(records: Records) -> None:
        for table in records.values():
            for record in table:
                record["created_at" if "created_at" in record else "at"] = FUTURE

    changed = repackaged(package, tmp_path / "jam", rahmah.paths.data_dir, all_late)
    result = import_package(province.db, province.paths, changed, trust_new=True)
    preview = import_package(province.db, province.paths, changed, dry_run=True)  # now trusted

    for outcome in (preview, result):
        assert outcome.status == "rejected" and outcome.rejection is Rejection.RECORDS_REFUSED
        assert "Semua rekaman" in (outcome.reason or "") and outcome.counts["new"] == 0
        assert outcome.as_json()["rejection"] == "records_refused"
    assert _surveys(province.db) == 0
    with province.db.session() as session:
        assert session.scalars(select(ImportLogEntry.outcome)).all() == ["rejected"]
