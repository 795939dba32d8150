"""Sync by file between officers' laptops and the province: nothing lost, nothing twice."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ovop_desktop.db.models import AuditEntry, Conflict, Survey
from ovop_desktop.services.database import Database
from ovop_desktop.services.surveys.capture import delete_survey, update_survey
from ovop_desktop.services.sync.packages import canonical_dump, export_package, import_package
from tests.conftest import Home, MakeHome, conflicting_notes

Records = dict[str, list[dict[str, object]]]


def _count(db: Database, model: type) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_two_officers_merge_into_the_province_once_in_either_order(
    make_home: MakeHome, tmp_path: Path
) -> None:
    rahmah = make_home("rahmah", "Rahmah Hidayati", seed=1)
    yusuf = make_home("yusuf", "Yusuf Hamdani", seed=2)
    a = export_package(rahmah.db, rahmah.paths, tmp_path / "usb").path
    b = export_package(yusuf.db, yusuf.paths, tmp_path / "usb").path
    first = make_home("provinsi-1")
    second = make_home("provinsi-2")

    results = [import_package(first.db, first.paths, f, trust_new=True) for f in (a, b)]
    again = import_package(first.db, first.paths, a)
    for f in (b, a):
        import_package(second.db, second.paths, f, trust_new=True)

    assert [r.status for r in results] == ["imported", "imported"]
    assert again.status == "unchanged" and again.counts["new"] == again.counts["updated"] == 0
    assert _count(first.db, Survey) == 6
    assert canonical_dump(first.db) == canonical_dump(second.db)


def test_an_unknown_device_needs_trust_and_a_known_one_with_another_key_is_refused(
    make_home: MakeHome, tmp_path: Path
) -> None:
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    province = make_home("provinsi")
    package = export_package(rahmah.db, rahmah.paths, tmp_path / "usb").path
    refused = import_package(province.db, province.paths, package)
    assert refused.status == "rejected" and "Percayai" in (refused.reason or "")
    assert _count(province.db, Survey) == 0
    assert import_package(province.db, province.paths, package, trust_new=True).status == (
        "imported"
    )

    (rahmah.paths.data_dir / "device.key").unlink()  # the same laptop id with a new key
    impostor = export_package(rahmah.db, rahmah.paths, tmp_path / "usb2", everything=True).path
    result = import_package(province.db, province.paths, impostor, trust_new=True)
    assert result.status == "rejected" and "kunci lain" in (result.reason or "")


def test_a_tampered_package_is_refused_and_nothing_is_written(
    make_home: MakeHome, tmp_path: Path
) -> None:
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    province = make_home("provinsi")
    package = export_package(rahmah.db, rahmah.paths, tmp_path / "usb").path
    tampered = tmp_path / "rusak.ovop"
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "records/surveys.jsonl":
                data = data.replace(b"Rahmah", b"Rahmat", 1) if b"Rahmah" in data else data + b" "
            target.writestr(info, data)
    before = canonical_dump(province.db)
    result = import_package(province.db, province.paths, tampered, trust_new=True)
    assert result.status == "rejected" and result.reason
    assert canonical_dump(province.db) == before


def test_equal_revisions_with_other_content_become_a_conflict_with_both_kept(
    make_home: MakeHome, tmp_path: Path
) -> None:
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    yusuf = make_home("yusuf", "Yusuf")
    base = export_package(rahmah.db, rahmah.paths, tmp_path / "usb0").path
    assert import_package(yusuf.db, yusuf.paths, base, trust_new=True).status == "imported"
    with rahmah.db.session() as session:
        survey_id = session.scalars(select(Survey.id).order_by(Survey.village_code)).first()
    assert survey_id is not None
    update_survey(rahmah.db, survey_id, {"notes": "Catatan Rahmah"}, reason="x")
    update_survey(yusuf.db, survey_id, {"notes": "Catatan Yusuf"}, reason="x")
    from_rahmah = export_package(rahmah.db, rahmah.paths, tmp_path / "usb1").path
    from_yusuf = export_package(yusuf.db, yusuf.paths, tmp_path / "usb2", everything=True).path
    orders = []
    for name, files in (
        ("p1", (base, from_rahmah, from_yusuf)),
        ("p2", (base, from_yusuf, from_rahmah)),
    ):
        province = make_home(name)
        results = [import_package(province.db, province.paths, f, trust_new=True) for f in files]
        assert sum(r.counts["conflicts"] for r in results) == 1  # Yusuf's change of her survey
        with province.db.session() as session:
            [conflict] = session.scalars(select(Conflict)).all()
            kept = {conflict.local_data["notes"], conflict.incoming_data["notes"]}
            assert kept == {"Catatan Rahmah", "Catatan Yusuf"}
        orders.append(canonical_dump(province.db))
    assert orders[0] == orders[1]


def test_a_deletion_reaches_the_province(make_home: MakeHome, tmp_path: Path) -> None:
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    province = make_home("provinsi")
    import_package(
        province.db,
        province.paths,
        export_package(rahmah.db, rahmah.paths, tmp_path / "usb1").path,
        trust_new=True,
    )
    with rahmah.db.session() as session:
        survey_id = session.scalars(select(Survey.id)).first()
    assert survey_id is not None
    delete_survey(rahmah.db, survey_id)
    second = export_package(rahmah.db, rahmah.paths, tmp_path / "usb2")
    assert second.changes == {"surveys": 1}
    assert "officers" in second.counts  # who always travel
    assert import_package(province.db, province.paths, second.path).counts["updated"] == 1
    with province.db.session() as session:
        survey = session.get(Survey, survey_id)
        assert survey is not None and survey.deleted_at is not None


def test_a_package_is_never_left_half_written(
    make_home: MakeHome, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    usb = tmp_path / "usb"
    usb.mkdir()

    def pulled(*_args: object) -> None:
        raise OSError("perangkat dicabut")

    monkeypatch.setattr("os.replace", pulled)
    with pytest.raises(Exception, match=r"dicabut|ditulis"):
        export_package(rahmah.db, rahmah.paths, usb)
    assert not [p for p in usb.iterdir() if p.suffix == ".ovop"]
    shutil.rmtree(usb)
    _ = date.today()


def test_a_person_resolves_a_conflict_and_the_choice_wins_everywhere(
    make_home: MakeHome, tmp_path: Path
) -> None:
    from ovop_desktop.services.errors import InvalidInputError
    from ovop_desktop.services.sync.conflicts import list_conflicts, resolve_conflict

    scene = conflicting_notes(make_home, tmp_path)
    rahmah, province, survey_id = scene.rahmah, scene.province, scene.survey_id
    [conflict] = list_conflicts(province.db)
    assert "notes" in conflict.differences()
    keep = "first" if conflict.first["notes"] == "Catatan Yusuf" else "second"
    with pytest.raises(InvalidInputError, match="alasan"):
        resolve_conflict(province.db, conflict.id, keep, " ")

    resolve_conflict(province.db, conflict.id, keep, "Dikonfirmasi lewat telepon")

    assert list_conflicts(province.db) == []
    [done] = list_conflicts(province.db, open_only=False)
    assert (done.resolution, done.reason) == (keep, "Dikonfirmasi lewat telepon")
    with province.db.session() as session:
        survey = session.get(Survey, survey_id)
        assert survey is not None and survey.notes == "Catatan Yusuf" and survey.revision == 4
    # Rahmah, whose laptop the province set up, receives the decision: signed by the province,
    # it outranks her own edit of her own record.
    from ovop_desktop.services.sync.setup_package import export_setup, import_setup

    import_setup(rahmah.db, rahmah.paths, export_setup(province.db, province.paths, tmp_path))
    decision = export_package(province.db, province.paths, tmp_path / "u3", everything=True).path
    import_package(rahmah.db, rahmah.paths, decision, trust_new=True)
    with rahmah.db.session() as session:
        mine = session.get(Survey, survey_id)
        assert mine is not None and mine.notes == "Catatan Yusuf"


def _resigned(home: Home, package: Path, folder: Path, change: Callable[[Records], None]) -> Path:
    """The package with its records changed by `change` (member name → records), signed
    again by the same laptop: a valid signature over invalid content."""
    from ovop_desktop.exchange.keys import load_or_create_key
    from ovop_desktop.exchange.package import read_package
    from ovop_desktop.exchange.package_format import decode_records, encode_records
    from ovop_desktop.exchange.package_write import write_package as write

    read = read_package(package)
    records = {
        name: decode_records(data, name)
        for name, data in read.members.items()
        if name.startswith("records/")
    }
    change(records)
    members = {**read.members, **{n: encode_records(r) for n, r in records.items()}}
    fields = {
        k: v
        for k, v in read.manifest.to_dict().items()
        if k not in ("members", "package_id", "created_at")
    }
    folder.mkdir()
    return write(
        folder, "buruk", fields, sorted(members.items()), load_or_create_key(home.paths.data_dir)
    )


def test_a_signed_package_with_an_invalid_record_imports_nothing(
    make_home: MakeHome, tmp_path: Path
) -> None:
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    province = make_home("provinsi")
    package = export_package(rahmah.db, rahmah.paths, tmp_path / "usb").path

    def out_of_range(records: Records) -> None:
        records["records/assessments.jsonl"][-1]["stars"] = 9  # outside 1–5

    bad = _resigned(rahmah, package, tmp_path / "buruk", out_of_range)
    result = import_package(province.db, province.paths, bad, trust_new=True)
    assert result.status == "rejected" and "tidak sah" in (result.reason or "")
    assert _count(province.db, Survey) == 0


def test_a_record_twice_in_one_package_imports_nothing(make_home: MakeHome, tmp_path: Path) -> None:
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    province = make_home("provinsi")
    package = export_package(rahmah.db, rahmah.paths, tmp_path / "usb").path

    def doubled(records: Records) -> None:
        surveys = records["records/surveys.jsonl"]
        surveys.append(dict(surveys[0], notes="Salinan kedua"))

    bad = _resigned(rahmah, package, tmp_path / "buruk", doubled)
    result = import_package(province.db, province.paths, bad, trust_new=True)
    assert result.status == "rejected" and "dua kali" in (result.reason or "")
    assert _count(province.db, Survey) == 0


def test_export_reports_progress_up_to_the_written_file(
    make_home: MakeHome, tmp_path: Path
) -> None:
    from ovop_desktop.exchange.records import TABLES

    rahmah = make_home("rahmah", "Rahmah", seed=1)
    seen: list[tuple[int, int]] = []
    export_package(
        rahmah.db, rahmah.paths, tmp_path / "usb", progress=lambda d, t: seen.append((d, t))
    )
    total = len(TABLES) + 1
    assert seen == [(done, total) for done in range(1, total + 1)]


def test_an_edit_on_a_stale_base_becomes_a_conflict_in_either_order(
    make_home: MakeHome, tmp_path: Path
) -> None:
    """Yusuf saves twice on top of what Rahmah sent him, without her later change: his higher
    revision must not silently replace her edit."""
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    yusuf = make_home("yusuf", "Yusuf")
    base = export_package(rahmah.db, rahmah.paths, tmp_path / "usb0").path
    import_package(yusuf.db, yusuf.paths, base, trust_new=True)
    with rahmah.db.session() as session:
        survey_id = session.scalars(select(Survey.id).order_by(Survey.village_code)).first()
    assert survey_id is not None
    update_survey(rahmah.db, survey_id, {"notes": "Catatan Rahmah"}, reason="x")
    update_survey(yusuf.db, survey_id, {"notes": "Catatan Yusuf"}, reason="x")
    update_survey(yusuf.db, survey_id, {"notes": "Catatan Yusuf, diperbaiki"}, reason="x")
    from_rahmah = export_package(rahmah.db, rahmah.paths, tmp_path / "usb1").path
    from_yusuf = export_package(yusuf.db, yusuf.paths, tmp_path / "usb2", everything=True).path
    dumps = []
    for name, files in (("p1", (from_rahmah, from_yusuf)), ("p2", (from_yusuf, from_rahmah))):
        province = make_home(name)
        import_package(province.db, province.paths, base, trust_new=True)
        results = [import_package(province.db, province.paths, f, trust_new=True) for f in files]
        assert sum(r.counts["conflicts"] for r in results) == 1
        with province.db.session() as session:
            [conflict] = session.scalars(select(Conflict)).all()
            kept = {conflict.local_data["notes"], conflict.incoming_data["notes"]}
            live = session.get(Survey, survey_id)
            assert live is not None
            live_notes = live.notes
        assert kept == {"Catatan Rahmah", "Catatan Yusuf, diperbaiki"}
        assert live_notes == "Catatan Rahmah"  # the owner's version, until a person decides
        dumps.append(canonical_dump(province.db))
    assert dumps[0] == dumps[1]


def test_successive_exports_of_one_laptop_never_conflict_in_any_order(
    make_home: MakeHome, tmp_path: Path
) -> None:
    """Each export is the base of the next edit: the province may get the packages late, out of
    order or not at all, and still only ever moves forward."""
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    with rahmah.db.session() as session:
        survey_id = session.scalars(select(Survey.id).order_by(Survey.village_code)).first()
    assert survey_id is not None
    packages = [export_package(rahmah.db, rahmah.paths, tmp_path / "usb0").path]
    for step in range(1, 4):
        update_survey(rahmah.db, survey_id, {"notes": f"Catatan ke-{step}"}, reason="x")
        update_survey(rahmah.db, survey_id, {"notes": f"Catatan ke-{step} (lagi)"}, reason="x")
        packages.append(export_package(rahmah.db, rahmah.paths, tmp_path / f"usb{step}").path)
    for name, order in (
        ("urut", [0, 1, 2, 3]),
        ("acak", [0, 3, 1, 2]),
        ("hilang", [0, 2, 3]),
        ("terbalik", [3, 2, 1, 0]),
    ):
        province = make_home(name)
        results = [
            import_package(province.db, province.paths, packages[i], trust_new=True) for i in order
        ]
        assert sum(r.counts["conflicts"] for r in results) == 0, name
        with province.db.session() as session:
            live = session.get(Survey, survey_id)
            assert live is not None and live.notes == "Catatan ke-3 (lagi)", name


def test_corrections_travel_with_their_reasons_once(make_home: MakeHome, tmp_path: Path) -> None:
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    province = make_home("provinsi")
    first = export_package(rahmah.db, rahmah.paths, tmp_path / "usb1").path
    with rahmah.db.session() as session:
        survey = session.scalars(select(Survey).where(Survey.status == "final")).first()
        assert survey is not None
        survey_id = survey.id
    update_survey(rahmah.db, survey_id, {"notes": "Jumlah KK dicek ulang"}, reason="Data desa")
    assert _count(rahmah.db, AuditEntry) >= 1
    second = export_package(rahmah.db, rahmah.paths, tmp_path / "usb2")
    assert second.changes["audit_log"] == _count(rahmah.db, AuditEntry)
    for package in (first, second.path, second.path):
        import_package(province.db, province.paths, package, trust_new=True)

    with province.db.session() as session:
        entries = session.scalars(select(AuditEntry)).all()
        assert {(e.record_id, e.field, e.reason) for e in entries} == {
            (survey_id, "notes", "Data desa")
        }
    assert len(entries) == _count(rahmah.db, AuditEntry)
    third = export_package(rahmah.db, rahmah.paths, tmp_path / "usb3")
    assert "audit_log" not in third.changes  # each correction travels once


def test_a_rejection_says_its_kind_and_who_sent_the_package(
    make_home: MakeHome, tmp_path: Path
) -> None:
    from ovop_desktop.services.sync.packages import Rejection

    rahmah = make_home("rahmah", "Rahmah Hidayati", seed=1)
    province = make_home("provinsi")
    package = export_package(rahmah.db, rahmah.paths, tmp_path / "usb").path
    garbage = tmp_path / "bukan-paket.ovop"
    garbage.write_bytes(b"this is no zip archive")

    untrusted = import_package(province.db, province.paths, package, dry_run=True)
    assert untrusted.rejection is Rejection.UNTRUSTED_DEVICE and untrusted.needs_trust
    assert untrusted.officer == "Rahmah Hidayati"
    assert import_package(province.db, province.paths, garbage).rejection is (
        Rejection.NOT_A_PACKAGE
    )
    missing = import_package(province.db, province.paths, tmp_path / "hilang.ovop")
    assert missing.rejection is Rejection.UNREADABLE
    imported = import_package(province.db, province.paths, package, trust_new=True)
    assert imported.rejection is None and imported.officer == "Rahmah Hidayati"

    (rahmah.paths.data_dir / "device.key").unlink()  # the same laptop id with a new key
    impostor = export_package(rahmah.db, rahmah.paths, tmp_path / "usb2", everything=True).path
    refused = import_package(province.db, province.paths, impostor, trust_new=True)
    assert refused.rejection is Rejection.KEY_CHANGED and not refused.needs_trust


def test_a_locked_database_is_tried_again_and_a_full_one_is_not() -> None:
    from ovop_desktop.services.errors import StorageError, StorageKind
    from ovop_desktop.services.sync.retry import retrying

    calls: list[StorageKind] = []

    def work(kind: StorageKind) -> str:
        calls.append(kind)
        if len(calls) == 1:
            raise StorageError("terkunci", "locked", kind=kind)
        return "done"

    assert retrying(lambda: work(StorageKind.LOCKED)) == "done"
    assert calls == [StorageKind.LOCKED, StorageKind.LOCKED]
    calls.clear()
    with pytest.raises(StorageError):
        retrying(lambda: work(StorageKind.FULL))
    assert calls == [StorageKind.FULL]
