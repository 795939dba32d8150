"""`ovop letter` refuses a village's second live letter without --replace-reason, `ovop letters`
skips villages that have one and says how many; `ovop letters register` lists, searches and
exports the register; `ovop letter void` voids with a reason."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from ovop_desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_second_letters_replacing_batches_the_register_and_voiding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = ("--home", str(tmp_path / "home"))
    run(capsys, *home, "demo", "--villages", "2", "--seed", "4")
    _, out, _ = run(capsys, *home, "surveys", "list", "--json")
    surveys = json.loads(out)
    village, name = surveys[0]["village_code"], surveys[0]["village"]
    letter = (*home, "letter", "--village", village, "--out")

    code, out, _ = run(capsys, *letter, str(tmp_path / "1.pdf"))
    assert code == 0
    first = out.split("Surat ")[1].split(" (")[0]
    code, _, err = run(capsys, *letter, str(tmp_path / "2.pdf"))
    assert code == 1 and "sudah mempunyai surat rekomendasi yang berlaku" in err
    assert first in err and not (tmp_path / "2.pdf").exists()
    code, out, _ = run(capsys, *letter, str(tmp_path / "2.pdf"), "--replace-reason", "Salah alamat")
    assert code == 0
    code_second = out.split("kode verifikasi ")[1].strip().rstrip(".")

    code, out, _ = run(
        capsys, *home, "letters", "--region", village[:5], "--out", str(tmp_path / "semua")
    )
    in_region = sum(s["village_code"].startswith(village[:5] + ".") for s in surveys)
    assert code == 0 and f"{in_region - 1} surat ditulis" in out
    assert "1 desa dilewati karena sudah mempunyai surat yang berlaku" in out and name in out

    code, out, _ = run(capsys, *home, "letters", "register")
    assert code == 0
    rows = [line for line in out.splitlines() if not line.startswith(" ")]
    assert len(rows) == in_region + 1
    assert "diganti" in out and "alasan penggantian: Salah alamat" in out
    code, out, _ = run(capsys, *home, "letters", "register", "--search", name)
    assert code == 0 and all(name in line for line in out.splitlines() if not line.startswith(" "))

    code, out, _ = run(capsys, *home, "letter", "void", code_second, "--reason", "Ditarik")
    assert code == 0 and "dibatalkan" in out
    code, _, err = run(capsys, *home, "letter", "void", code_second)
    assert code == 2
    _, out, _ = run(capsys, *home, "letters", "register", "--search", code_second)
    assert "dibatalkan" in out and "alasan pembatalan: Ditarik" in out

    target = tmp_path / "agenda.csv"
    code, out, _ = run(capsys, *home, "letters", "register", "--export", str(target))
    assert code == 0 and f"{in_region + 1} surat" in out
    with target.open(encoding="utf-8-sig", newline="") as stream:
        assert len(list(csv.reader(stream, delimiter=";"))) == in_region + 2  # with the header
