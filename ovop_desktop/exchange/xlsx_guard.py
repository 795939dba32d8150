"""An XLSX file checked before openpyxl reads it: its size, its zip members, XML without any
DTD or entity declaration, a bounded number of rows, and cells whose stored type matches their
value. Anything else is refused with a plain message, quickly and in bounded memory."""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import IO
from xml.etree.ElementTree import iterparse

from ovop_desktop.core.errors import DomainError

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_MEMBERS = 500
MAX_MEMBER_BYTES = 50 * 1024 * 1024  # uncompressed
MAX_RATIO = 200  # uncompressed / compressed, for members over RATIO_FROM bytes
RATIO_FROM = 1024 * 1024
MAX_ROWS = 50_000  # per sheet
_CHUNK = 64 * 1024
_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY", b"<!doctype", b"<!entity")
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL_REF = re.compile(r"[A-Z]{1,3}(\d+)")


class XlsxRefusedError(DomainError):
    """An XLSX file refused before parsing; the message names the file, sheet or cell."""


def _refuse(name: str, why_id: str, why_en: str) -> XlsxRefusedError:
    return XlsxRefusedError(f"{name} tidak dibaca: {why_id}", f"{name} was not read: {why_en}")


def check_xlsx(source: Path) -> None:
    """Raise XlsxRefusedError unless `source` is a workbook openpyxl can read safely.

    A file that is not a zip at all is left to openpyxl, which names it unreadable."""
    name = source.name
    if source.stat().st_size > MAX_FILE_BYTES:
        raise _refuse(
            name,
            f"berkas lebih dari {MAX_FILE_BYTES // 2**20} MB.",
            f"the file is larger than {MAX_FILE_BYTES // 2**20} MB.",
        )
    try:
        with zipfile.ZipFile(source) as archive:
            _check_archive(name, archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, RuntimeError) as exc:
        if isinstance(exc, zipfile.BadZipFile) and not zipfile.is_zipfile(source):
            return  # not a zip: openpyxl's own refusal says so
        raise _refuse(
            name,
            "arsip XLSX rusak; simpan ulang sebagai Excel Workbook (.xlsx).",
            "the XLSX archive is damaged; save it again as an Excel Workbook (.xlsx).",
        ) from exc


def _check_archive(name: str, archive: zipfile.ZipFile) -> None:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise _refuse(
            name,
            f"berisi {len(members)} bagian (paling banyak {MAX_MEMBERS}).",
            f"it holds {len(members)} parts (at most {MAX_MEMBERS}).",
        )
    for info in members:
        too_big = info.file_size > MAX_MEMBER_BYTES
        ratio = info.file_size / max(info.compress_size, 1)
        if too_big or (info.file_size > RATIO_FROM and ratio > MAX_RATIO):
            raise _refuse(
                name,
                f"bagian {info.filename} terlalu besar setelah dibuka ({info.file_size} byte).",
                f"part {info.filename} is too large once unpacked ({info.file_size} bytes).",
            )
    for info in members:
        if info.filename.endswith((".xml", ".rels", ".vml")):
            with archive.open(info) as stream:
                _check_no_declarations(name, info.filename, stream)
    for sheet, member in _sheets(archive):
        with archive.open(member) as stream:
            _check_sheet(name, sheet, _Bounded(stream, name, member))


def _check_no_declarations(name: str, member: str, stream: IO[bytes]) -> None:
    tail = b""
    read = 0
    while chunk := stream.read(_CHUNK):
        read += len(chunk)
        if read > MAX_MEMBER_BYTES:
            raise _refuse(name, f"bagian {member} terlalu besar.", f"part {member} is too large.")
        window = tail + chunk
        # UTF-16 XML has a zero byte between characters; drop them to see the declaration.
        probe = window.replace(b"\x00", b"") if b"\x00" in window else window
        if any(d in probe for d in _DECLARATIONS):
            raise _refuse(
                name,
                f"bagian {member} memuat deklarasi DTD/ENTITY, yang tidak dipakai Excel.",
                f"part {member} holds a DTD/ENTITY declaration, which Excel never writes.",
            )
        tail = window[-32:]


class _Bounded:
    """A member stream that refuses to give more than MAX_MEMBER_BYTES."""

    def __init__(self, stream: IO[bytes], name: str, member: str) -> None:
        self._stream, self._name, self._member, self._read = stream, name, member, 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(_CHUNK if size < 0 else min(size, _CHUNK))
        self._read += len(data)
        if self._read > MAX_MEMBER_BYTES:
            raise _refuse(
                self._name, f"bagian {self._member} terlalu besar.", f"{self._member} is too large."
            )
        return data


def _sheets(archive: zipfile.ZipFile) -> Iterator[tuple[str, str]]:
    """(sheet title, zip member) of every worksheet the workbook lists."""
    names = set(archive.namelist())
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return
    with archive.open("xl/_rels/workbook.xml.rels") as stream:
        targets = {
            el.get("Id"): el.get("Target", "")
            for _, el in iterparse(stream)
            if el.tag == f"{_PKG_REL}Relationship"
        }
    with archive.open("xl/workbook.xml") as stream:
        sheets = [
            (el.get("name", "?"), el.get(f"{_REL}id"))
            for _, el in iterparse(stream)
            if el.tag == f"{_MAIN}sheet"
        ]
    for title, rid in sheets:
        target = targets.get(rid, "")
        member = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        member = posixpath.normpath(member)
        if member in names:
            yield title, member


def _check_sheet(name: str, sheet: str, stream: _Bounded) -> None:
    rows = 0
    for _, el in iterparse(stream):
        tag = el.tag
        if tag == f"{_MAIN}dimension":
            match = _CELL_REF.search((el.get("ref") or "").split(":")[-1])
            if match and int(match.group(1)) > MAX_ROWS:
                raise _too_many_rows(name, sheet)
        elif tag == f"{_MAIN}row":
            rows += 1
            if rows > MAX_ROWS:
                raise _too_many_rows(name, sheet)
            el.clear()
        elif tag == f"{_MAIN}c":
            _check_cell(name, sheet, el)


def _check_cell(name: str, sheet: str, cell: object) -> None:
    kind = cell.get("t", "n")  # type: ignore[attr-defined]
    value = cell.findtext(f"{_MAIN}v")  # type: ignore[attr-defined]
    if value is None:
        return
    text = value.strip()
    try:
        if kind == "n":
            float(text)
        elif kind == "b":
            if text not in ("0", "1"):
                raise ValueError(text)
        elif kind == "s":
            if int(text) < 0:
                raise ValueError(text)
        elif kind == "d":
            datetime.fromisoformat(text)
    except ValueError:
        ref = cell.get("r", "?")  # type: ignore[attr-defined]
        shown = text[:40]
        raise XlsxRefusedError(
            f"{name}: lembar {sheet} sel {ref} disimpan sebagai angka tetapi berisi teks "
            f"'{shown}'; ketik ulang nilainya di Excel lalu simpan.",
            f"{name}: sheet {sheet} cell {ref} is stored as a number but holds the text "
            f"'{shown}'; type the value again in Excel and save.",
        ) from None


def _too_many_rows(name: str, sheet: str) -> XlsxRefusedError:
    return _refuse(
        name,
        f"lembar {sheet} lebih dari {MAX_ROWS:,} baris.".replace(",", "."),
        f"sheet {sheet} has more than {MAX_ROWS:,} rows.",
    )
