"""Replacing a file another program holds open (a letter in the PDF viewer, on Windows: the
rename fails with WinError 32) leaves the old file, no temporary file, and tells the officer to
close it in the viewer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ovop_desktop import files
from ovop_desktop.files import FileInUseError, atomic_write
from ovop_desktop.services.errors import file_error

real_replace = os.replace


def _held_by_a_viewer(monkeypatch: pytest.MonkeyPatch, held: Path) -> None:
    def replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        if Path(target) == held:
            error = PermissionError(13, "The process cannot access the file", str(source))
            error.winerror = 32  # type: ignore[attr-defined]  # ERROR_SHARING_VIOLATION
            raise error
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(files, "_REPLACE_PAUSE_S", 0.0)


def test_a_pdf_held_open_by_a_viewer_is_named_and_left_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    letter = tmp_path / "surat.pdf"
    letter.write_bytes(b"old letter")
    _held_by_a_viewer(monkeypatch, letter)
    with pytest.raises(FileInUseError) as caught:
        atomic_write(letter, b"new letter")
    assert letter.read_bytes() == b"old letter"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["surat.pdf"]
    error = file_error(caught.value)
    assert error.message_id == (
        "Berkas sedang dibuka di program lain: tutup berkas di penampil PDF lalu coba lagi. "
        f"({letter})"
    )
    assert "close it in the PDF viewer, then try again" in error.message_en


def test_another_file_held_open_says_to_close_it_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = tmp_path / "tabel.csv"
    table.write_text("a")
    _held_by_a_viewer(monkeypatch, table)
    with pytest.raises(FileInUseError) as caught:
        atomic_write(table, "b")
    message = file_error(caught.value).message_id
    assert message.startswith("Berkas sedang dibuka di program lain") and str(table) in message


def test_a_plain_refusal_is_still_a_permission_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr(os, "replace", refuse)
    target = tmp_path / "x.pdf"
    with pytest.raises(PermissionError) as caught:
        atomic_write(target, b"x")
    assert not isinstance(caught.value, FileInUseError)
    assert file_error(caught.value).message_id.startswith("Tidak ada izin")
