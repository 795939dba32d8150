"""`ovop letter` and `ovop letters` set the tembusan, sifat, lampiran and date of a letter; the
tembusan defaults to the lines kept in the letter settings."""

from __future__ import annotations

import json
from pathlib import Path

import pypdf
import pytest

from ovop_desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(path).pages)


def test_letter_options_reach_the_printed_letter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = str(tmp_path / "home")
    run(capsys, "--home", home, "demo", "--villages", "1", "--seed", "3")
    _, out, _ = run(capsys, "--home", home, "surveys", "list", "--json")
    village = json.loads(out)[0]["village_code"]

    default = tmp_path / "bawaan.pdf"
    code, _, err = run(
        capsys, "--home", home, "letter", "--village", village, "--out", str(default)
    )
    assert code == 0, err
    # Without --tembusan, the copies kept in the letter settings are printed.
    assert "Tembusan: 1. Gubernur Kalimantan Selatan (sebagai laporan);" in _text(default)

    chosen = tmp_path / "pilihan.pdf"
    code, _, err = run(
        capsys,
        "--home", home, "letter", "--village", village, "--out", str(chosen),
        "--sifat", "Segera", "--lampiran", "2 (dua) berkas", "--date", "2026-11-27",
        "--tembusan", "Bupati Tanah Laut;", "--tembusan", "Arsip.",
        "--replace-reason", "uji pilihan surat",
    )  # fmt: skip
    assert code == 0, err
    text = _text(chosen)
    assert "Sifat : Segera" in text and "Lampiran : 2 (dua) berkas" in text
    assert ", 27 November 2026" in text
    assert "Tembusan: 1. Bupati Tanah Laut; 2. Arsip." in text
    assert "Gubernur Kalimantan Selatan (sebagai laporan)" not in text

    code, _, err = run(
        capsys, "--home", home, "letter", "--village", village, "--out", str(tmp_path / "x.pdf"),
        "--date", "27-11-2026",
    )  # fmt: skip
    assert code != 0 and "tidak sah" in err and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()
