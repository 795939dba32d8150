"""Every visible string has an Indonesian translation; generated forms are fresh."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET

from tests.conftest import ROOT

# ovop_id.ts and any ovop_id_<part>.ts beside it: `make translations` compiles them into one .qm.
TS_FILES = sorted((ROOT / "resources" / "translations").glob("ovop_id*.ts"))


def _messages() -> list[tuple[str, str, ET.Element]]:
    return [
        (
            context.findtext("name") or "",
            message.findtext("source") or "",
            message.find("translation"),
        )  # type: ignore[misc]
        for ts in TS_FILES
        for context in ET.parse(ts).getroot().iter("context")
        for message in context.iter("message")
    ]


def test_every_source_string_has_a_finished_indonesian_translation() -> None:
    unfinished = [
        f"{context}: {source!r}"
        for context, source, translation in _messages()
        if translation is None
        or translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not (translation.text or "").strip()
    ]
    assert unfinished == []


def test_placeholders_match_between_source_and_translation() -> None:
    mismatched = [
        source
        for _, source, translation in _messages()
        if sorted(re.findall(r"%\d", source)) != sorted(re.findall(r"%\d", translation.text or ""))
    ]
    assert mismatched == []


def test_the_ts_file_lists_every_string_of_the_sources() -> None:
    """A string added in code but not yet extracted would show in English."""
    sources = [
        str(p) for p in (ROOT / "ovop_desktop" / "ui").rglob("*.py") if "forms" not in p.parts
    ] + [str(p) for p in (ROOT / "forms").glob("*.ui")]
    lupdate = ROOT / ".venv" / "bin" / "pyside6-lupdate"
    tool = str(lupdate) if lupdate.exists() else "pyside6-lupdate"
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        fresh = f"{scratch}/fresh.ts"
        subprocess.run(
            [tool, "-silent", "-no-obsolete", "-locations", "none", *sources, "-ts", fresh],
            check=True,
        )
        wanted = {
            (c.findtext("name"), m.findtext("source"))
            for c in ET.parse(fresh).getroot().iter("context")
            for m in c.iter("message")
        }
    have = {(context, source) for context, source, _ in _messages()}
    assert sorted(wanted - have, key=str) == []


def test_generated_forms_match_their_ui_files() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build_resources.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
