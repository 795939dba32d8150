"""The one atomic write: whole or not there, with the permissions a plain write would give."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from ovop_desktop.files import atomic_path, atomic_write


def test_a_failed_write_leaves_the_target_as_it_was_and_no_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "surat.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_path(target) as temporary:
        temporary.write_bytes(b"half")
        raise RuntimeError("stick pulled")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["surat.pdf"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_a_new_file_gets_the_umask_mode_and_an_existing_one_keeps_its_own(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    fresh = tmp_path / "baru.pdf"
    atomic_write(fresh, b"x")
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    kept = tmp_path / "lama.pdf"
    kept.write_bytes(b"x")
    kept.chmod(0o640)
    atomic_write(kept, b"y")
    assert (kept.stat().st_mode & 0o777, kept.read_bytes()) == (0o640, b"y")
    secret = tmp_path / "kunci"
    atomic_write(secret, b"k", mode=0o600)
    assert secret.stat().st_mode & 0o777 == 0o600


def test_a_missing_folder_is_reported_with_the_file_asked_for(tmp_path: Path) -> None:
    target = tmp_path / "tidak-ada" / "surat.pdf"
    with pytest.raises(FileNotFoundError) as caught:
        atomic_write(target, b"x")
    assert caught.value.filename == str(target)  # never the hidden temporary name
