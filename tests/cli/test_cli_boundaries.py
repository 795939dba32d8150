"""`ovop regions import-boundaries FILE`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ovop_desktop.cli import main
from tests.conftest import FIXTURES


@pytest.fixture
def backend() -> str:
    return "sqlite"


def _file(tmp_path: Path, code: str) -> Path:
    ring = [[114.0, -3.0], [114.01, -3.0], [114.01, -2.99], [114.0, -2.99], [114.0, -3.0]]
    feature = {
        "type": "Feature",
        "properties": {"kode": code, "nama": "Benua Lawas"},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }
    path = tmp_path / "batas.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    return path


def test_import_boundaries_prints_counts_per_level(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = str(tmp_path / "home")
    code = main(
        ["--home", home, "regions", "import-boundaries", str(_file(tmp_path, "63.01.01.2001"))]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "Impor batas wilayah dari batas.geojson: 1 batas." in out
    assert "desa" in out
    assert (tmp_path / "home" / "data" / "batas-wilayah" / "batas-desa.geojson.gz").is_file()


def test_import_boundaries_refuses_an_unknown_code_in_plain_words(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = str(tmp_path / "home")
    code = main(
        ["--home", home, "regions", "import-boundaries", str(_file(tmp_path, "63.01.01.2999"))]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "Fitur ke-1 (kode 63.01.01.2999)" in err
    assert "Traceback" not in err
    assert not (tmp_path / "home" / "data" / "batas-wilayah").exists()


def test_setup_export_and_import_carry_the_imported_outlines(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    province, officer = str(tmp_path / "provinsi"), str(tmp_path / "petugas")
    package = tmp_path / "pengaturan.ovop"
    regions = str(FIXTURES / "wilayah-contoh.csv")
    assert main(["--home", province, "regions", "import", regions]) == 0
    assert (
        main(["--home", province, "regions", "import-boundaries", str(_file(tmp_path, "63.01"))])
        == 0
    )
    assert main(["--home", province, "setup", "export", "--out", str(package)]) == 0
    assert "Batas wilayah hasil impor ikut dalam paket: kabupaten." in capsys.readouterr().out
    assert main(["--home", officer, "setup", "import", str(package)]) == 0
    assert "Batas wilayah dari provinsi disimpan: 1 batas." in capsys.readouterr().out
    assert (
        tmp_path / "petugas" / "data" / "batas-wilayah" / "batas-kabupaten.geojson.gz"
    ).is_file()
