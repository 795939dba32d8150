"""An issued letter's PDF travels with its register entry, so the province can hand out the
original byte for byte; a package whose letter PDF is not the one registered is refused, and a
verification code can never name a file outside the letters folder."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

import pytest

from ovop_desktop.core.errors import DomainError
from ovop_desktop.services.letters.originals import original_letter
from ovop_desktop.services.sync.packages import Rejection, export_package, import_package
from tests.conftest import MakeHome
from tests.services.sync.repackage import Records, repackaged
from tests.services.sync.test_round_trip import _officer


def test_the_province_hands_out_the_original_of_an_officers_letter(
    make_home: MakeHome, tmp_path: Path
) -> None:
    officer = _officer(make_home, tmp_path, "rahmah", 1)
    province = make_home("provinsi")
    package = export_package(officer.home.db, officer.home.paths, tmp_path / "usb").path

    result = import_package(province.db, province.paths, package, trust_new=True)

    assert result.status == "imported"
    for letter_id in officer.letters:
        issued = original_letter(officer.home.db, officer.home.paths, letter_id)
        assert original_letter(province.db, province.paths, letter_id) == issued


def test_a_pdf_that_is_not_the_registered_one_is_never_kept_as_the_original(
    make_home: MakeHome, tmp_path: Path
) -> None:
    officer = _officer(make_home, tmp_path, "rahmah", 1)
    province = make_home("provinsi")
    package = export_package(officer.home.db, officer.home.paths, tmp_path / "usb").path
    changed_ids: list[str] = []

    def other_digest(records: Records) -> None:
        letter = records["records/letters.jsonl"][0]
        letter["pdf_sha256"] = hashlib.sha256(b"lain").hexdigest()
        changed_ids.append(str(letter["id"]))

    changed = repackaged(package, tmp_path / "lain", officer.home.paths.data_dir, other_digest)
    result = import_package(province.db, province.paths, changed, trust_new=True)

    assert result.status == "imported"  # the entry arrives; its file does not match it
    with pytest.raises(DomainError):
        original_letter(province.db, province.paths, uuid.UUID(changed_ids[0]))
    kept = [p.read_bytes() for p in (province.paths.data_dir / "surat").glob("*.pdf")]
    assert len(kept) == len(officer.letters) - 1


def test_a_verification_code_that_is_a_path_is_refused_at_the_border(
    make_home: MakeHome, tmp_path: Path
) -> None:
    officer = _officer(make_home, tmp_path, "rahmah", 1)
    province = make_home("provinsi")
    package = export_package(officer.home.db, officer.home.paths, tmp_path / "usb").path

    def path_code(records: Records) -> None:
        records["records/letters.jsonl"][0]["verification_code"] = "../../../ovop"

    changed = repackaged(package, tmp_path / "jalur", officer.home.paths.data_dir, path_code)
    result = import_package(province.db, province.paths, changed, trust_new=True)

    assert result.rejection is Rejection.INVALID_RECORDS
    assert "kode verifikasi" in (result.reason or "")
    assert not (tmp_path / "ovop.pdf").exists()
