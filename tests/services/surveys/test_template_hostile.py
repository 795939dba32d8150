"""Hostile survey templates: refused before openpyxl parses them, quickly, in bounded memory, with
a message naming the sheet or cell, and nothing imported."""

from __future__ import annotations

import re
import time
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import Survey
from ovop_desktop.exchange import xlsx_guard
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError
from ovop_desktop.services.surveys.xlsx_template_import import import_template
from tests.xlsx_templates import filled_template


def _rewrite(path: Path, member: str, change: object, *, extra: bytes = b"") -> Path:
    """A copy of the workbook at `path` with `member` changed by `change(bytes) -> bytes`."""
    target = path.with_name("bad-" + path.name)
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == member:
                data = change(data)  # type: ignore[operator]
            out.writestr(info.filename, data)
    return target


def _surveys(db: Database) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(Survey)) or 0


@pytest.fixture
def template(db: Database, rubric: Rubric, tmp_path: Path) -> Path:
    return filled_template(db, rubric, tmp_path / "isi.xlsx")


def _survei_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return dict(xlsx_guard._sheets(archive))["Survei"]


def test_text_stored_in_a_number_cell_names_the_cell_and_imports_nothing(
    db: Database, rubric: Rubric, template: Path
) -> None:
    def spoil(xml: bytes) -> bytes:
        # The population of the first survey, stored as a number: its value becomes text.
        return re.sub(
            rb"(<c r=\"([A-Z]+)2\"[^>]*?(?<!t=\"s\")(?<!t=\"inlineStr\")>)<v>2500</v>",
            rb"\1<v>banyak</v>",
            xml,
            count=1,
        )

    survei_xml = _survei_xml(template)
    bad = _rewrite(template, survei_xml, spoil)
    assert b"<v>banyak</v>" in zipfile.ZipFile(bad).read(survei_xml)
    with pytest.raises(InvalidInputError) as caught:
        import_template(db, rubric, bad)
    assert re.search(r"lembar Survei sel [A-Z]+2 .*'banyak'", caught.value.message_id)
    assert re.search(r"sheet Survei cell [A-Z]+2 ", caught.value.message_en)
    assert _surveys(db) == 0


def test_entity_expansion_in_sheet_xml_is_refused_quickly(
    db: Database, rubric: Rubric, template: Path
) -> None:
    laughs = (
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
            for i in range(1, 9)
        )
        + b"]>\n"
    )

    def spoil(xml: bytes) -> bytes:
        body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
        return laughs + body.replace(b"<v>2500</v>", b"<v>&lol8;</v>", 1)

    survei_xml = _survei_xml(template)
    bad = _rewrite(template, survei_xml, spoil)
    started = time.monotonic()
    with pytest.raises(InvalidInputError) as caught:
        import_template(db, rubric, bad)
    assert time.monotonic() - started < 5
    assert "DTD/ENTITY" in caught.value.message_id and survei_xml in caught.value.message_en
    assert _surveys(db) == 0


def test_a_huge_compressible_comment_is_refused_before_parsing(
    db: Database, rubric: Rubric, template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Kept small for the suite: the limit comes down to 4 MB, the comment is 8 MB.
    monkeypatch.setattr(xlsx_guard, "MAX_MEMBER_BYTES", 4 * 1024 * 1024)

    def spoil(xml: bytes) -> bytes:
        return xml.replace(b"<sheetData>", b"<!--" + b"a" * 8 * 1024 * 1024 + b"--><sheetData>")

    survei_xml = _survei_xml(template)
    bad = _rewrite(template, survei_xml, spoil)
    assert bad.stat().st_size < 200_000
    parsed: list[Path] = []
    monkeypatch.setattr(  # openpyxl's reader: it must never be reached
        "ovop_desktop.exchange.spreadsheet.load_workbook",
        lambda source, **_options: parsed.append(source) or {},
    )
    with pytest.raises(InvalidInputError) as caught:
        import_template(db, rubric, bad)
    assert f"{survei_xml} terlalu besar" in caught.value.message_id
    assert parsed == [] and _surveys(db) == 0


def test_too_many_rows_are_refused_before_parsing(
    db: Database, rubric: Rubric, template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx_guard, "MAX_ROWS", 1000)

    def spoil(xml: bytes) -> bytes:
        rows = b"".join(
            b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (r, r) for r in range(10, 1200)
        )
        return xml.replace(b"</sheetData>", rows + b"</sheetData>")

    survei_xml = _survei_xml(template)
    bad = _rewrite(template, survei_xml, spoil)
    parsed: list[Path] = []
    monkeypatch.setattr(  # openpyxl's reader: it must never be reached
        "ovop_desktop.exchange.spreadsheet.load_workbook",
        lambda source, **_options: parsed.append(source) or {},
    )
    with pytest.raises(InvalidInputError) as caught:
        import_template(db, rubric, bad)
    assert "lembar Survei lebih dari 1.000 baris" in caught.value.message_id
    assert parsed == [] and _surveys(db) == 0


def test_a_dimension_claiming_a_million_rows_is_refused_without_reading_them(
    db: Database, rubric: Rubric, template: Path
) -> None:
    def spoil(xml: bytes) -> bytes:
        return re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:Z1048575"', xml, count=1)

    survei_xml = _survei_xml(template)
    bad = _rewrite(template, survei_xml, spoil)
    assert b"A1:Z1048575" in zipfile.ZipFile(bad).read(survei_xml)
    with pytest.raises(InvalidInputError) as caught:
        import_template(db, rubric, bad)
    assert "sheet Survei has more than 50,000 rows" in caught.value.message_en


def test_a_good_template_still_passes_the_guard(template: Path) -> None:
    xlsx_guard.check_xlsx(template)
