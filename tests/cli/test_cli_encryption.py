"""`ovop export` says whether the package is encrypted for the province; `ovop import` at the
province opens a sealed one, and another province is told it is not for its key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ovop_desktop.cli import main
from tests.conftest import FIXTURES


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def backend() -> str:
    return "sqlite"


def test_export_is_plain_before_the_setup_package_and_sealed_after(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    officer, province, other = (str(tmp_path / n) for n in ("petugas", "prov", "prov-lain"))
    _run(capsys, "--home", officer, "demo", "--villages", "1")
    code, _, err = _run(capsys, "--home", officer, "export", "--out", str(tmp_path / "usb1"))
    assert code == 0 and "Paket TIDAK terenkripsi: impor paket pengaturan provinsi dulu" in err

    _run(capsys, "--home", province, "regions", "import", str(FIXTURES / "wilayah-contoh.csv"))
    setup = tmp_path / "pengaturan.ovop"
    code, out, _ = _run(capsys, "--home", province, "setup", "export", "--out", str(setup))
    key = out.rpartition("kunci enkripsi provinsi: ")[2].strip()
    assert code == 0 and len(key) == 39
    code, out, _ = _run(capsys, "--home", officer, "setup", "import", str(setup))
    assert code == 0 and f"kunci enkripsi provinsi: {key}" in out

    code, out, err = _run(
        capsys, "--home", officer, "export", "--all", "--out", str(tmp_path / "usb2")
    )
    assert code == 0 and f"Paket terenkripsi untuk kunci provinsi {key}" in err
    package = out.strip()
    code, out, _ = _run(capsys, "--home", province, "import", package, "--trust-new", "--json")
    [imported] = json.loads(out)
    assert code == 0 and imported["status"] == "imported" and imported["sealed_to"] == key
    code, out, _ = _run(capsys, "--home", other, "import", package, "--trust-new")
    assert code == 1 and "DITOLAK" in out and key in out
