"""The commands on a full disk: a plain Indonesian message and status 1, never a traceback;
no partial or temporary file, and no letter in the register without its file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from ovop_desktop.cli import main
from ovop_desktop.paths import resolve_paths
from ovop_desktop.services.database import open_database
from ovop_desktop.services.letters.register import RegisterEntry, letter_register
from tests.helpers.full_disk import disk_full_under, filled, leftovers, small_filesystem


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _register(home: str) -> list[RegisterEntry]:
    db = open_database(resolve_paths(home).database_url)
    try:
        return letter_register(db)
    finally:
        db.dispose()


def _failed_plainly(code: int, err: str, words: str) -> bool:
    return code == 1 and "Traceback" not in err and "Galat: " in err and words in err


@pytest.fixture
def home(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[str]:
    """A data folder with one surveyed, assessed village and the demo letter settings."""
    home = str(tmp_path / "home")
    assert run(capsys, "--home", home, "demo", "--villages", "1")[0] == 0
    return home


def _village(capsys: pytest.CaptureFixture[str], home: str) -> str:
    _, out, _ = run(capsys, "--home", home, "surveys", "list", "--json")
    return str(json.loads(out)[0]["village_code"])


def test_a_letter_for_a_missing_folder_fails_before_it_takes_a_number(
    home: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    village = _village(capsys, home)
    target = tmp_path / "tidak-ada" / "x.pdf"
    code, out, err = run(
        capsys, "--home", home, "letter", "--village", village, "--out", str(target)
    )
    assert _failed_plainly(code, err, "tidak ada") and out == ""
    assert _register(home) == [] and not target.parent.exists()


def test_letters_on_a_full_disk_are_neither_written_nor_registered(
    home: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    village = _village(capsys, home)
    usb = tmp_path / "usb"
    usb.mkdir()
    with disk_full_under(usb, room=4096):
        code, out, err = run(
            capsys, "--home", home, "letter", "--village", village, "--out", str(usb / "surat.pdf")
        )
        assert _failed_plainly(code, err, "Disk penuh") and "surat.pdf" in err and out == ""
        code, _, err = run(
            capsys, "--home", home, "letters", "--region", village[:5], "--out", str(usb / "semua")
        )
        assert _failed_plainly(code, err, "Disk penuh") and "0 surat dibuat" in err
    assert _register(home) == []
    assert [p for p in usb.rglob("*") if p.is_file()] == [] and leftovers(tmp_path) == []
    assert not list((resolve_paths(home).data_dir / "surat").glob("*"))  # no kept copy either


def test_a_backup_on_a_full_disk_says_so_and_leaves_no_file(
    home: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    with disk_full_under(usb, room=8192):
        code, _, err = run(capsys, "--home", home, "db", "backup", "--out", str(usb / "c.sqlite3"))
    assert _failed_plainly(code, err, "Disk penuh") and "c.sqlite3" in err
    assert list(usb.iterdir()) == []


def test_demo_data_on_a_full_disk_says_so(
    home: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = resolve_paths(home).data_dir
    with disk_full_under(data, room=0):
        code, _, err = run(capsys, "--home", home, "demo", "--villages", "3", "--seed", "5")
    assert _failed_plainly(code, err, "Disk penuh")
    assert leftovers(data) == []


def test_a_letter_and_a_backup_on_a_real_full_filesystem_leave_nothing(
    home: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same on a real, small filesystem (Linux as root, as in CI): SQLite's own writes."""
    village = _village(capsys, home)
    with small_filesystem(tmp_path / "usb", 1024 * 1024) as usb, filled(usb):
        code, _, err = run(
            capsys, "--home", home, "letter", "--village", village, "--out", str(usb / "s.pdf")
        )
        assert _failed_plainly(code, err, "Disk penuh")
        code, _, err = run(capsys, "--home", home, "db", "backup", "--out", str(usb / "c.sqlite3"))
        assert _failed_plainly(code, err, "Disk penuh")
        assert sorted(p.name for p in usb.iterdir()) == ["filler.bin"]
    assert _register(home) == []


def test_a_full_data_disk_is_not_called_a_damaged_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with small_filesystem(tmp_path / "kecil", 6 * 1024 * 1024) as disk:
        home = str(disk / "home")
        assert run(capsys, "--home", home, "demo", "--villages", "1")[0] == 0
        with filled(disk):
            code, _, err = run(capsys, "--home", home, "demo", "--villages", "3", "--seed", "5")
        assert _failed_plainly(code, err, "penuh") and "rusak" not in err
        assert run(capsys, "--home", home, "db", "check")[0] == 0
