"""The private keys are the user's alone on Windows too (an ACL: mode bits do nothing there),
and the officer is told where they lie and that a chosen data folder carries them along."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from ovop_desktop import files
from ovop_desktop.cli import main
from ovop_desktop.exchange.keys import load_or_create_key
from ovop_desktop.files import restrict_to_user
from ovop_desktop.paths import resolve_paths
from ovop_desktop.services.settings.key_location import key_location

Run = list[list[str]]


@pytest.fixture
def icacls(monkeypatch: pytest.MonkeyPatch) -> Run:
    """Windows' icacls, recorded: it answers as on an NTFS disk."""
    calls: Run = []

    def run(command: list[str], **_: object) -> subprocess.CompletedProcess[bytes]:
        calls.append(command)
        return subprocess.CompletedProcess(command, 0, b"processed file", b"")

    monkeypatch.setattr(files.subprocess, "run", run)
    monkeypatch.setenv("USERNAME", "budi")
    monkeypatch.setenv("USERDOMAIN", "KANTOR")
    return calls


def test_on_windows_a_private_file_gets_an_acl_for_the_user_alone(
    tmp_path: Path, icacls: Run
) -> None:
    key = tmp_path / "device.key"
    key.write_bytes(b"k")
    assert restrict_to_user(key, windows=True)
    assert icacls == [["icacls", str(key), "/inheritance:r", "/grant:r", "KANTOR\\budi:F"]]


def test_a_new_device_key_on_windows_is_restricted_before_it_takes_its_name(
    tmp_path: Path, icacls: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files.sys, "platform", "win32")
    load_or_create_key(tmp_path)
    monkeypatch.undo()
    [command] = icacls
    restricted = Path(command[1])
    assert restricted.parent == tmp_path and restricted.name.startswith(".device.key.")
    assert (tmp_path / "device.key").exists() and not restricted.exists()


def test_a_stick_without_acls_is_said_in_the_log_and_the_key_still_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def fat32(command: list[str], **_: object) -> subprocess.CompletedProcess[bytes]:
        return subprocess.CompletedProcess(command, 1, b"", b"This operation is not supported")

    monkeypatch.setattr(files.subprocess, "run", fat32)
    monkeypatch.setenv("USERNAME", "budi")
    key = tmp_path / "device.key"
    key.write_bytes(b"k")
    with caplog.at_level(logging.WARNING, logger="ovop_desktop.files"):
        assert not restrict_to_user(key, windows=True)
    assert "not supported" in caplog.text


def test_without_icacls_nothing_breaks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(command: list[str], **_: object) -> subprocess.CompletedProcess[bytes]:
        raise FileNotFoundError(2, "No such file", "icacls")

    monkeypatch.setattr(files.subprocess, "run", missing)
    monkeypatch.setenv("USERNAME", "budi")
    (tmp_path / "x").write_bytes(b"")
    assert not restrict_to_user(tmp_path / "x", windows=True)


def test_a_home_chosen_on_the_command_line_is_known_to_carry_the_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = key_location(resolve_paths(tmp_path / "stick"))
    assert chosen.portable
    assert chosen.folder == resolve_paths(tmp_path / "stick").data_dir
    assert chosen.files == ("device.key", "exchange.key")
    monkeypatch.delenv("OVOP_HOME", raising=False)
    assert not key_location(resolve_paths(None)).portable
    assert chosen.windows == (sys.platform == "win32")


def test_the_home_option_says_the_keys_travel_with_the_folder(
    capsys: pytest.CaptureFixture[str],
) -> None:
    try:  # the kept 80-column help returns; argparse's, at other widths, exits
        code = main(["--help"])
    except SystemExit as exit:
        code = exit.code
    assert code in (0, None)
    help_text = " ".join(capsys.readouterr().out.split())
    assert "Kunci perangkat (device.key, exchange.key) tersimpan di folder ini" in help_text
    assert "ikut terbawa" in help_text
