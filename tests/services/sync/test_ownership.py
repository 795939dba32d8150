"""Records have owners: a package may create and change only the records its own laptop made.

Rahmah and Fauzi are two officers whose laptops the province trusts. Fauzi's laptop, buggy or in
the wrong hands, tries to change and to invent Rahmah's records; Rahmah's own changes still apply.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from ovop_desktop.db.models import Conflict, Officer, Survey
from ovop_desktop.exchange.keys import load_or_create_key
from ovop_desktop.services.settings.officers import local_device_id
from ovop_desktop.services.surveys.capture import SurveyInput, create_survey, update_survey
from ovop_desktop.services.sync.packages import export_package, import_package
from tests.conftest import Home, MakeHome
from tests.services.sync.repackage import Records, repackaged


def _homes(make_home: MakeHome, tmp_path: Path) -> tuple[Home, Home, Home, Path]:
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    fauzi = make_home("fauzi", "Fauzi", seed=2)
    province = make_home("provinsi")
    package = export_package(rahmah.db, rahmah.paths, tmp_path / "usb").path
    assert import_package(province.db, province.paths, package, trust_new=True).status == (
        "imported"
    )
    own = export_package(fauzi.db, fauzi.paths, tmp_path / "usb-fauzi").path
    assert import_package(province.db, province.paths, own, trust_new=True).status == "imported"
    return rahmah, fauzi, province, package


def _as_fauzi(fauzi: Home, package: Path, folder: Path, change: object) -> Path:
    """Rahmah's package, changed, signed by Fauzi's laptop as its own."""
    return repackaged(
        package,
        folder,
        fauzi.paths.data_dir,
        change,  # type: ignore[arg-type]
        device_id=str(local_device_id(fauzi.db)),
        device_name="laptop-fauzi",
        public_key=load_or_create_key(fauzi.paths.data_dir).public_b64(),
        officer_name="Fauzi",
    )


def test_every_record_made_on_a_laptop_names_it(make_home: MakeHome) -> None:
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    device = local_device_id(rahmah.db)
    with rahmah.db.session() as session:
        owners = set(session.scalars(select(Survey.device_id)))
        officers = set(session.scalars(select(Officer.device_id)))
    assert owners == {device} and officers == {device}


def test_another_laptops_change_to_a_record_is_a_conflict_and_the_owners_version_stays(
    make_home: MakeHome, tmp_path: Path
) -> None:
    rahmah, fauzi, province, package = _homes(make_home, tmp_path)
    target: list[str] = []

    def population(records: Records) -> None:
        survey = records["records/surveys.jsonl"][0]
        survey["population"], survey["revision"] = 1, int(survey["revision"]) + 5
        target.append(str(survey["id"]))
        for name in list(records):
            if name != "records/surveys.jsonl":
                del records[name]
        records["records/surveys.jsonl"] = [survey]

    forged = _as_fauzi(fauzi, package, tmp_path / "palsu", population)
    result = import_package(province.db, province.paths, forged)

    survey_id = uuid.UUID(target[0])
    with province.db.session() as session:
        kept = session.get(Survey, survey_id)
        assert kept is not None and kept.population != 1
        assert kept.device_id == local_device_id(rahmah.db)
        conflicts = session.scalars(select(Conflict).where(Conflict.record_id == survey_id)).all()
    assert result.counts["conflicts"] == 1 and result.counts["updated"] == 0
    assert len(conflicts) == 1


def test_a_package_cannot_create_records_of_another_laptop(
    make_home: MakeHome, tmp_path: Path
) -> None:
    rahmah, fauzi, province, _ = _homes(make_home, tmp_path)
    # Rahmah's next survey has not reached the province yet; Fauzi's laptop brings it first.
    with rahmah.db.session() as session:
        first = session.scalars(select(Survey)).first()
        assert first is not None
        village = first.village_code
    new_id = create_survey(
        rahmah.db, SurveyInput(village_code=village, survey_date=first.survey_date)
    )
    later = export_package(rahmah.db, rahmah.paths, tmp_path / "usb2").path
    relayed = _as_fauzi(fauzi, later, tmp_path / "palsu", None)

    result = import_package(province.db, province.paths, relayed)

    assert result.status == "partial"
    assert any(
        "1 survei (Desa" in line and "laptop lain" in line for line in result.rejected_records
    )
    with province.db.session() as session:
        assert session.get(Survey, new_id) is None
    # From Rahmah's own laptop it is taken.
    own = import_package(province.db, province.paths, later)
    assert own.status == "imported"
    with province.db.session() as session:
        assert session.get(Survey, new_id) is not None


def test_the_owners_own_change_still_applies(make_home: MakeHome, tmp_path: Path) -> None:
    rahmah, _, province, _ = _homes(make_home, tmp_path)
    with rahmah.db.session() as session:
        survey = session.scalars(select(Survey).order_by(Survey.id)).first()
        assert survey is not None
        survey_id = survey.id
    update_survey(rahmah.db, survey_id, {"population": 4321}, reason="hitungan ulang")
    later = export_package(rahmah.db, rahmah.paths, tmp_path / "usb2").path

    result = import_package(province.db, province.paths, later)

    assert result.status == "imported" and result.counts["updated"] >= 1
    with province.db.session() as session:
        kept = session.get(Survey, survey_id)
        assert kept is not None and kept.population == 4321


def test_another_laptop_cannot_change_an_officers_profile(
    make_home: MakeHome, tmp_path: Path
) -> None:
    rahmah, fauzi, province, package = _homes(make_home, tmp_path)
    rahmah_id: list[str] = []

    def new_nip(records: Records) -> None:
        officers = records["records/officers.jsonl"]
        for officer in officers:
            if officer["name"] == "Rahmah":
                officer["nip"], officer["updated_at"] = "999", datetime.now(UTC).isoformat()
                officer["device_id"] = None  # claimed as the package's own
                rahmah_id.append(str(officer["id"]))
        records.clear()
        records["records/officers.jsonl"] = officers

    forged = _as_fauzi(fauzi, package, tmp_path / "palsu", new_nip)
    result = import_package(province.db, province.paths, forged)

    assert any(
        "profil petugas (Rahmah)" in line and "milik laptop lain" in line
        for line in result.rejected_records
    )
    with province.db.session() as session:
        officer = session.get(Officer, uuid.UUID(rahmah_id[0]))
        assert officer is not None and officer.nip != "999"
        assert officer.device_id == local_device_id(rahmah.db)
