"""A new data folder knows every Kalsel village; a package whose village this folder's list lacks
places it provisionally, under the survey's names, until a newer region list makes it official."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from ovop_desktop.cli import main
from ovop_desktop.db.models import Region, Survey
from ovop_desktop.paths import reference_dir, resolve_paths
from ovop_desktop.services.database import open_database
from ovop_desktop.services.reference import BUILTIN_REGION_LIST
from tests.services.sync.repackage import Records, repackaged


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def package(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    officer = tmp_path / "petugas"
    _run(capsys, "--home", str(officer), "demo", "--villages", "2")
    code, out = _run(capsys, "--home", str(officer), "export", "--out", str(tmp_path / "usb"))
    assert code == 0
    return Path(out.strip()), resolve_paths(officer).data_dir


def _province_knowing_only_the_province(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    home = str(tmp_path / "provinsi")
    only = _write(tmp_path, "provinsi-saja.csv", "kode,nama\n63,Kalimantan Selatan\n")
    code, _ = _run(capsys, "--home", home, "regions", "import", str(only))
    assert code == 0
    return home


def _surveys(home: str) -> list[tuple[str, str, bool]]:
    db = open_database(resolve_paths(home).database_url)
    try:
        with db.session() as session:
            rows = session.execute(
                select(Survey.village_code, Survey.village_name, Region.provisional)
                .join(Region, Region.code == Survey.village_code)
                .order_by(Survey.village_code)
            )
            return [(code, name, provisional) for code, name, provisional in rows]
    finally:
        db.dispose()


def test_a_new_data_folder_knows_every_kalsel_village(
    builtin_reference: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = str(tmp_path / "baru")
    code, out = _run(capsys, "--home", home, "regions", "search", "Pandulangan", "--json")
    assert code == 0
    hits = {hit["code"]: hit for hit in json.loads(out)}
    assert hits["63.05.03.2001"]["district"] == "Tapin Tengah"
    builtin = (reference_dir() / BUILTIN_REGION_LIST).read_text(encoding="utf-8").splitlines()
    db = open_database(resolve_paths(home).database_url)
    try:
        with db.session() as session:
            assert session.query(Region).count() == len(builtin) - 1  # the header
    finally:
        db.dispose()
    # A second start does not import it again: an imported newer list is never overwritten.
    renamed = _write(tmp_path, "baru.csv", "kode,nama\n63.05.03.2001,Pandulangan Baru\n")
    _run(capsys, "--home", home, "regions", "import", str(renamed))
    code, out = _run(capsys, "--home", home, "regions", "search", "Pandulangan Baru", "--json")
    assert [hit["code"] for hit in json.loads(out)] == ["63.05.03.2001"]


def test_a_folder_switched_to_an_empty_list_starts_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _run(capsys, "--home", str(tmp_path / "h"), "regions", "search", "Pandulangan")
    assert code == 0 and "Tidak ada wilayah" in out


def test_a_village_missing_here_is_placed_provisionally_and_made_official_by_a_newer_list(
    package: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = _province_knowing_only_the_province(tmp_path, capsys)

    code, out = _run(
        capsys, "--home", home, "import", str(package[0]), "--trust-new", "--json", "--dry-run"
    )
    [preview] = json.loads(out)
    code, out = _run(capsys, "--home", home, "import", str(package[0]), "--trust-new", "--json")
    [result] = json.loads(out)

    for shown in (preview, result):
        assert (shown["status"], shown["rejected"]) == ("imported", 0)
        assert len(shown["notes"]) == len(shown["notes_en"]) == 2  # one per village
        assert all("ditempatkan sementara" in note for note in shown["notes"])
        assert all("placed provisionally" in note for note in shown["notes_en"])
    assert code == 0
    placed = _surveys(home)
    assert len(placed) == 2 and all(provisional for _, _, provisional in placed)
    assert all(f"{name} ({code}," in " ".join(result["notes"]) for code, name, _ in placed)

    # The official list arrives: the villages become official, under the list's names.
    code, out = _run(
        capsys, "--home", home, "regions", "import", str(reference_dir() / BUILTIN_REGION_LIST)
    )
    assert code == 0 and "4 wilayah yang ditempatkan sementara" in out
    assert [provisional for _, _, provisional in _surveys(home)] == [False, False]


def test_a_survey_refused_after_all_places_no_village(
    package: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A survey whose officer is unknown is refused: the village placed for it is taken back."""

    def unknown_officer(records: Records) -> None:
        for survey in records["records/surveys.jsonl"]:
            survey["officer_id"] = str(uuid.uuid4())

    file = repackaged(package[0], tmp_path / "lain", package[1], unknown_officer)
    home = _province_knowing_only_the_province(tmp_path, capsys)
    code, out = _run(capsys, "--home", home, "import", str(file), "--trust-new", "--json")
    [result] = json.loads(out)
    assert code == 1 and result["status"] in ("partial", "rejected") and result["notes"] == []
    db = open_database(resolve_paths(home).database_url)
    try:
        with db.session() as session:
            assert session.scalars(select(Region.code).where(Region.provisional)).all() == []
            assert [r.code for r in session.query(Region)] == ["63"]
    finally:
        db.dispose()


def test_a_village_of_a_province_not_in_the_list_is_still_refused(
    package: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = str(tmp_path / "provinsi-lain")
    other = _write(tmp_path, "lain.csv", "kode,nama\n64,Kalimantan Timur\n")
    _run(capsys, "--home", home, "regions", "import", str(other))
    code, out = _run(capsys, "--home", home, "import", str(package[0]), "--trust-new", "--json")
    [result] = json.loads(out)
    assert code == 1 and result["status"] in ("partial", "rejected")
    assert all("belum ada di daftar wilayah" in line for line in result["rejected_records"])
