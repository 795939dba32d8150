"""Export and import on a full disk: a plain message, nothing partial or temporary left behind,
and nothing recorded as exported or imported that did not happen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from ovop_desktop.core.errors import DomainError
from ovop_desktop.db.models import Attachment, Survey
from ovop_desktop.services.errors import StorageError, StorageKind
from ovop_desktop.services.surveys.photos import add_photo
from ovop_desktop.services.sync.packages import export_package, import_package
from tests.conftest import Home, MakeHome
from tests.helpers.full_disk import disk_full_under, leftovers


@pytest.fixture
def backend() -> str:
    return "sqlite"  # the files are the subject here


def _with_photo(home: Home, tmp_path: Path) -> None:
    picture = tmp_path / "balai.jpg"
    Image.new("RGB", (64, 48), (40, 120, 200)).save(picture, "JPEG")
    with home.db.session() as session:
        survey = session.scalars(select(Survey.id)).first()
    assert survey is not None
    add_photo(
        home.db, home.paths, picture, survey_id=survey, caption="Balai desa", reason="Susulan"
    )


def _count(home: Home, model: type[Survey] | type[Attachment]) -> int:
    with home.db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_an_export_to_a_full_usb_stick_leaves_no_package_and_exports_it_again(
    make_home: MakeHome, tmp_path: Path
) -> None:
    officer = make_home("petugas", "Rahmah", seed=1)
    usb = tmp_path / "usb"
    usb.mkdir()
    with disk_full_under(usb, room=2048), pytest.raises(DomainError) as caught:
        export_package(officer.db, officer.paths, usb)
    assert "tidak dapat ditulis" in caught.value.message_id and str(usb) in caught.value.message_id
    assert list(usb.iterdir()) == []
    again = export_package(officer.db, officer.paths, usb)  # nothing counted as exported
    assert again.path.exists() and sum(again.counts.values()) > 0


def test_an_import_whose_photo_does_not_fit_changes_nothing(
    make_home: MakeHome, tmp_path: Path
) -> None:
    officer = make_home("petugas", "Rahmah", seed=1)
    _with_photo(officer, tmp_path)
    package = export_package(officer.db, officer.paths, tmp_path / "usb").path
    province = make_home("provinsi", regions=True)
    surveys = _count(province, Survey)

    with (
        disk_full_under(province.paths.attachments_dir),
        pytest.raises(StorageError) as caught,  # refused as a whole, in plain words
    ):
        import_package(province.db, province.paths, package, trust_new=True)
    assert caught.value.kind is StorageKind.FULL
    assert ".jpg" in caught.value.message_id and ".part" not in caught.value.message_id
    assert _count(province, Survey) == surveys and _count(province, Attachment) == 0
    assert [p for p in province.paths.attachments_dir.rglob("*") if p.is_file()] == []
    assert leftovers(province.paths.data_dir) == []
    assert import_package(province.db, province.paths, package, trust_new=True).status == (
        "imported"
    )
