"""Packages from an officer to the province are encrypted to the province's key, which the setup
package brings: the province imports them as before, anyone else sees only that it is a sealed
package. Without a setup package the export is plain, and says so. A failed export leaves no
package behind."""

from __future__ import annotations

import hashlib
import sqlite3
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from ovop_desktop.db.models import ImportLogEntry, Survey
from ovop_desktop.exchange.package_format import PackageError
from ovop_desktop.exchange.sealed import MAGIC
from ovop_desktop.services.database import open_database
from ovop_desktop.services.errors import InvalidInputError, StorageError
from ovop_desktop.services.settings.app_settings import get_setting
from ovop_desktop.services.settings.officers import local_device_id
from ovop_desktop.services.sync.packages import (
    EXPORT_SEQUENCE,
    Rejection,
    canonical_dump,
    export_package,
    import_package,
)
from ovop_desktop.services.sync.sealing import WORK_FOLDER, exchange_fingerprint
from ovop_desktop.services.sync.setup_package import export_setup, import_setup
from tests.conftest import Home, MakeHome


@pytest.fixture
def backend() -> str:
    """Sealing is the same on every database; the read-only and locked cases need SQLite."""
    return "sqlite"


def _officer_of(province: Home, officer: Home, folder: Path) -> None:
    """The officer's laptop takes the province's setup package."""
    import_setup(officer.db, officer.paths, export_setup(province.db, province.paths, folder))


def _leftovers(home: Home) -> list[Path]:
    work = home.paths.data_dir / WORK_FOLDER
    return sorted(work.rglob("*")) if work.exists() else []


def test_an_officers_export_is_sealed_and_the_province_imports_it_as_before(
    make_home: MakeHome, tmp_path: Path
) -> None:
    province = make_home("provinsi")
    rahmah = make_home("rahmah", "Rahmah Hidayati", seed=1)
    _officer_of(province, rahmah, tmp_path / "pengaturan")

    export = export_package(rahmah.db, rahmah.paths, tmp_path / "usb")

    assert export.sealed and export.sealed_to == exchange_fingerprint(province.paths)
    data = export.path.read_bytes()
    assert data.startswith(MAGIC) and not zipfile.is_zipfile(export.path)
    dump = canonical_dump(rahmah.db)
    texts = [
        *(row["village_name"] for row in dump["surveys"]),
        *(row["name"] for row in dump["respondents"] + dump["candidate_products"]),
        *(row["nip"] for row in dump["officers"]),
    ]
    assert len(texts) > 10
    for secret in [
        b"Rahmah",
        b"survey-export",
        b"officer_name",
        *(str(t).encode() for t in texts if t),
    ]:
        assert secret not in data
    assert _leftovers(rahmah) == []

    preview = import_package(province.db, province.paths, export.path, dry_run=True)
    assert preview.needs_trust and preview.officer == "Rahmah Hidayati"
    result = import_package(province.db, province.paths, export.path, trust_new=True)
    assert result.status == "imported" and result.counts["new"] > 0
    assert result.sealed_to == export.sealed_to
    assert canonical_dump(province.db)["surveys"] == canonical_dump(rahmah.db)["surveys"]
    with province.db.session() as session:
        [logged] = session.scalars(select(ImportLogEntry)).all()
    assert logged.file_sha256 == hashlib.sha256(data).hexdigest()  # the file on the stick
    assert import_package(province.db, province.paths, export.path).status == "unchanged"
    assert _leftovers(province) == []
    # The province's own packages back to its officers are signed only, and say why.
    back = export_package(province.db, province.paths, tmp_path / "kembali")
    assert not back.sealed and back.province_office


def test_another_province_cannot_open_it_and_is_told_why(
    make_home: MakeHome, tmp_path: Path
) -> None:
    province = make_home("provinsi")
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    _officer_of(province, rahmah, tmp_path / "pengaturan")
    package = export_package(rahmah.db, rahmah.paths, tmp_path / "usb").path
    other = make_home("provinsi-lain")
    before = canonical_dump(other.db)

    for dry_run in (True, False):
        result = import_package(other.db, other.paths, package, trust_new=True, dry_run=dry_run)
        assert result.status == "rejected"
        assert result.rejection is Rejection.NOT_FOR_THIS_KEY
        assert exchange_fingerprint(province.paths) in (result.reason or "")
        assert "kunci provinsi lain" in (result.reason or "")
        assert result.device is None and result.officer is None  # nothing was read
    assert canonical_dump(other.db) == before
    assert _leftovers(other) == []


def test_a_damaged_sealed_package_is_refused_as_damaged(
    make_home: MakeHome, tmp_path: Path
) -> None:
    province = make_home("provinsi")
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    _officer_of(province, rahmah, tmp_path / "pengaturan")
    package = export_package(rahmah.db, rahmah.paths, tmp_path / "usb").path
    data = bytearray(package.read_bytes())
    cut = tmp_path / "terpotong.ovop"
    cut.write_bytes(bytes(data[: len(data) // 2]))
    data[len(data) // 2] ^= 0x20
    flipped = tmp_path / "diubah.ovop"
    flipped.write_bytes(bytes(data))

    for file, word in ((cut, "terpotong"), (flipped, "rusak atau telah diubah")):
        result = import_package(province.db, province.paths, file, trust_new=True)
        assert result.rejection is Rejection.DAMAGED and word in (result.reason or "")
    with province.db.session() as session:
        assert session.scalars(select(Survey)).first() is None
    assert _leftovers(province) == []


def test_without_a_setup_package_the_export_is_plain_and_says_so(
    make_home: MakeHome, tmp_path: Path
) -> None:
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    province = make_home("provinsi")
    export = export_package(rahmah.db, rahmah.paths, tmp_path / "usb")
    assert not export.sealed and export.sealed_to is None and not export.province_office
    assert zipfile.is_zipfile(export.path)
    result = import_package(province.db, province.paths, export.path, trust_new=True)
    assert result.status == "imported" and result.sealed_to is None


def test_a_setup_package_with_another_encryption_key_is_refused(
    make_home: MakeHome, tmp_path: Path
) -> None:
    province = make_home("provinsi")
    rahmah = make_home("rahmah", "Rahmah")
    _officer_of(province, rahmah, tmp_path / "a")
    sealed_to = exchange_fingerprint(province.paths)
    (province.paths.data_dir / "exchange.key").unlink()  # same signing key, new exchange key

    with pytest.raises(PackageError) as refused:
        _officer_of(province, rahmah, tmp_path / "b")
    assert refused.value.code == "province_exchange_key"
    sealed = export_package(rahmah.db, rahmah.paths, tmp_path / "usb")
    assert sealed.sealed_to == sealed_to
    with pytest.raises(InvalidInputError, match="bukan paket pengaturan"):
        import_setup(rahmah.db, rahmah.paths, sealed.path)


def _no_package_in(folder: Path) -> bool:
    return not folder.exists() or list(folder.iterdir()) == []


def test_an_export_the_database_cannot_record_leaves_no_package(
    make_home: MakeHome, tmp_path: Path
) -> None:
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    local_device_id(rahmah.db)
    rahmah.db.dispose()
    read_only = open_database(
        f"sqlite:///file:{rahmah.paths.database_file}?mode=ro&uri=true", migrate=False
    )
    try:
        with pytest.raises(StorageError) as refused:
            export_package(read_only, rahmah.paths, tmp_path / "usb")
    finally:
        read_only.dispose()
    assert "tidak ada paket yang dibuat" in str(refused.value)
    assert _no_package_in(tmp_path / "usb")
    assert get_setting(rahmah.db, EXPORT_SEQUENCE) is None


def test_an_export_while_another_program_holds_the_database_leaves_no_package(
    make_home: MakeHome, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    local_device_id(rahmah.db)
    monkeypatch.setattr("ovop_desktop.db.engine.SQLITE_BUSY_TIMEOUT_MS", 50)
    db = open_database(rahmah.paths.database_url, migrate=False)
    holder = sqlite3.connect(rahmah.paths.database_file, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another program's write lock
        with pytest.raises(StorageError) as refused:
            export_package(db, rahmah.paths, tmp_path / "usb")
        assert refused.value.transient
        assert _no_package_in(tmp_path / "usb")
        holder.execute("ROLLBACK")
        again = export_package(db, rahmah.paths, tmp_path / "usb")
    finally:
        holder.close()
        db.dispose()
    assert again.path.name.endswith("-001.ovop")  # the failed export used no number
    assert [p.name for p in (tmp_path / "usb").iterdir()] == [again.path.name]
