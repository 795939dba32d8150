"""`ovop letter verify`: a file, a code or a number; the register's facts in Indonesian; the
issued original handed out; a missing file named as missing."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pypdf
import pytest

from ovop_desktop.cli import main
from ovop_desktop.core.formatting import format_date_id


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_letter_verify_tells_the_issued_file_from_a_copy_and_hands_out_the_original(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = str(tmp_path / "home")
    run(capsys, "--home", home, "demo", "--villages", "1", "--seed", "3")
    issued = tmp_path / "surat.pdf"
    _, out, _ = run(capsys, "--home", home, "surveys", "list", "--json")
    village = json.loads(out)[0]["village_code"]
    code, out, _ = run(capsys, "--home", home, "letter", "--village", village, "--out", str(issued))
    assert code == 0
    verification = out.split("kode verifikasi ")[1].strip().rstrip(".")
    number = out.split("Surat ")[1].split(" ")[0]

    code, out, _ = run(capsys, "--home", home, "letter", "verify", str(issued))
    assert code == 0 and out.startswith("Sah, identik dengan arsip")
    assert format_date_id(date.today()) in out and date.today().isoformat() not in out

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(issued))
    resaved = tmp_path / "disimpan-ulang.pdf"
    with resaved.open("wb") as stream:
        writer.write(stream)
    code, out, _ = run(capsys, "--home", home, "letter", "verify", str(resaved))
    assert code == 1 and "BUKAN berkas surat yang diterbitkan" in out and verification in out

    original = tmp_path / "asli.pdf"
    code, out, _ = run(
        capsys, "--home", home, "letter", "verify", number, "--original", str(original)
    )
    assert code == 0 and f"Surat {number} sah" in out
    assert original.read_bytes() == issued.read_bytes()

    code, out, err = run(capsys, "--home", home, "letter", "verify", str(tmp_path / "x.pdf"))
    assert code == 1 and "tidak ada" in err and "Traceback" not in err
    assert "Kode verifikasi" not in out
