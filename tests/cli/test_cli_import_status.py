"""`ovop import` tells a script the truth: a package refused wholly or in part is not success."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ovop_desktop.cli import main
from ovop_desktop.paths import resolve_paths
from tests.conftest import FIXTURES
from tests.services.sync.repackage import Records, repackaged

FUTURE = "9999-01-01T00:00:00+00:00"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


@pytest.fixture
def package(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    """An officer's package and the officer's data folder (where the key is)."""
    officer = tmp_path / "petugas"
    _run(capsys, "--home", str(officer), "demo", "--villages", "2")
    code, out = _run(capsys, "--home", str(officer), "export", "--out", str(tmp_path / "usb"))
    assert code == 0
    return Path(out.strip()), resolve_paths(officer).data_dir


def _import_json(
    capsys: pytest.CaptureFixture[str], home: Path, file: Path
) -> tuple[int, dict[str, object]]:
    _run(capsys, "--home", str(home), "regions", "import", str(FIXTURES / "wilayah-contoh.csv"))
    code, out = _run(capsys, "--home", str(home), "import", str(file), "--trust-new", "--json")
    [result] = json.loads(out)
    return code, result


def test_import_json_fails_when_every_record_was_refused(
    package: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def all_late(records: Records) -> None:
        for table in records.values():
            for record in table:
                record["created_at" if "created_at" in record else "at"] = FUTURE

    file = repackaged(package[0], tmp_path / "jam", package[1], all_late)
    code, result = _import_json(capsys, tmp_path / "provinsi", file)
    assert code == 1
    assert (result["status"], result["rejection"], result["new"]) == (
        "rejected",
        "records_refused",
        0,
    )


def test_import_json_says_partial_and_fails_when_some_records_were_refused(
    package: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def one_late(records: Records) -> None:
        records["records/surveys.jsonl"][0]["updated_at"] = FUTURE

    file = repackaged(package[0], tmp_path / "jam", package[1], one_late)
    code, result = _import_json(capsys, tmp_path / "provinsi", file)
    assert code == 1 and result["status"] == "partial" and result["new"] > 0
    problems = result["rejected_records"]
    assert isinstance(problems, list) and any("masa depan" in p for p in problems)


def test_import_text_names_a_partly_refused_package(
    package: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def one_late(records: Records) -> None:
        records["records/surveys.jsonl"][0]["updated_at"] = FUTURE

    file = repackaged(package[0], tmp_path / "jam", package[1], one_late)
    home = str(tmp_path / "provinsi")
    _run(capsys, "--home", home, "regions", "import", str(FIXTURES / "wilayah-contoh.csv"))
    code, out = _run(capsys, "--home", home, "import", str(file), "--trust-new")
    assert code == 1 and "SEBAGIAN DITOLAK" in out and "masa depan" in out


UUID_TEXT = r"[0-9a-f]{8}-[0-9a-f]{4}-"


def test_a_package_the_province_cannot_place_is_reported_by_village_with_its_children_counted(
    package: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A province folder without the region list: each survey is refused by its village's name
    and code, its respondents, products and assessments counted with it, not listed; the
    preview says the same before anything is saved, in both languages."""
    import re

    home = str(tmp_path / "provinsi")
    code, out = _run(
        capsys, "--home", home, "import", str(package[0]), "--trust-new", "--json", "--dry-run"
    )
    [preview] = json.loads(out)
    code, out = _run(capsys, "--home", home, "import", str(package[0]), "--trust-new", "--json")
    [result] = json.loads(out)

    for shown in (preview, result):
        assert shown["status"] in ("partial", "rejected") and shown["new"] <= 1  # the officer
        lines, english = shown["rejected_records"], shown["rejected_records_en"]
        assert isinstance(lines, list) and isinstance(english, list)
        assert len(lines) == len(english) == 2  # one line per survey, not one per record
        for line in lines:
            assert re.match(r"1 survei \(Desa [^)]+\) ditolak: kode wilayah [\d.]+ belum ada", line)
            assert "rekaman turunannya ikut tertunda" in line
            assert not re.search(UUID_TEXT, line)
        assert all(line.startswith("1 survey (") and "held back too" in line for line in english)
        assert shown["rejected"] > len(lines)  # the children are counted
    assert code == 1
