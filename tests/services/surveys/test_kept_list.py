"""The survey list kept between sessions: read back exactly while the database file is the same,
never when anything wrote to it since, and never from a file that is not whole and well formed."""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ovop_desktop.services.surveys import kept_list
from ovop_desktop.services.surveys.kept_list import read_kept_list, write_kept_list
from ovop_desktop.services.surveys.survey_row import SurveyRow

ROWS = [
    SurveyRow(
        uuid.UUID("0f8a4b7e-4c3d-4a57-9d35-6c0b8f1e2a11"),
        "63.03.07.2001",
        "Kabupaten Banjar",
        "Martapura",
        "Tanjung Rema",
        date(2026, 3, 14),
        "Rahmah Hidayati, S.E.",
        "final",
        3,
        "Kerupuk Haruan",
        4,
        Decimal("81.25"),
        -3.4123,
        114.8567,
    ),
    SurveyRow(
        uuid.UUID("7d1c2e3f-0a9b-4c8d-8e7f-112233445566"),
        "63.10.02.2004",
        "Kabupaten Hulu Sungai Selatan",
        "Daha Utara",
        "Pakan Dalam",
        date(2025, 11, 2),
        None,
        "draft",
        0,
        None,
        None,
        None,
        None,
        None,
    ),
]


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A real SQLite file, closed: what the application leaves after its close."""
    file = tmp_path / "ovop.sqlite3"
    connection = sqlite3.connect(file)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    return file


def test_the_kept_list_reads_back_exactly(tmp_path: Path, database: Path) -> None:
    target = tmp_path / "cache" / kept_list.FILE_NAME
    write_kept_list(target, database, ROWS, 5)

    kept = read_kept_list(target, database)

    assert kept is not None
    assert kept.rows == ROWS
    assert kept.out_of == 5
    assert [p.name for p in target.parent.iterdir()] == [kept_list.FILE_NAME]  # no partial left


def _write_to(database: Path) -> None:
    connection = sqlite3.connect(database)
    connection.execute("INSERT INTO t VALUES (1)")
    connection.commit()
    connection.close()


def test_any_write_to_the_database_since_makes_it_unused(tmp_path: Path, database: Path) -> None:
    target = tmp_path / kept_list.FILE_NAME
    write_kept_list(target, database, ROWS, 5)
    _write_to(database)
    assert read_kept_list(target, database) is None


def test_a_write_ahead_log_left_beside_it_makes_it_unused(tmp_path: Path, database: Path) -> None:
    target = tmp_path / kept_list.FILE_NAME
    write_kept_list(target, database, ROWS, 5)
    (tmp_path / "ovop.sqlite3-wal").write_bytes(b"\0" * 32)  # another program's open session
    assert read_kept_list(target, database) is None


def test_another_database_file_of_the_same_size_and_time_does_not_match(
    tmp_path: Path, database: Path
) -> None:
    target = tmp_path / kept_list.FILE_NAME
    write_kept_list(target, database, ROWS, 5)
    other = tmp_path / "other.sqlite3"
    other.write_bytes(database.read_bytes())
    status = database.stat()
    os.utime(other, ns=(status.st_atime_ns, status.st_mtime_ns))
    other.replace(database)  # a restored copy: same size and time, another file
    assert read_kept_list(target, database) is None


def test_no_database_or_no_kept_file_means_no_kept_list(tmp_path: Path, database: Path) -> None:
    target = tmp_path / kept_list.FILE_NAME
    assert read_kept_list(target, database) is None
    write_kept_list(target, database, ROWS, 5)
    assert read_kept_list(target, tmp_path / "absent.sqlite3") is None


def _document(tmp_path: Path, database: Path) -> dict[str, Any]:
    target = tmp_path / kept_list.FILE_NAME
    write_kept_list(target, database, ROWS, 5)
    document: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    return document


def _row(change: dict[int, object]) -> Any:
    def apply(document: dict[str, Any]) -> None:
        for index, value in change.items():
            document["rows"][0][index] = value

    return apply


HOSTILE = {
    "another format": lambda d: d.update(format=2),
    "no rows": lambda d: d.pop("rows"),
    "rows not a list": lambda d: d.update(rows={"a": 1}),
    "scale not a number": lambda d: d.update(out_of="5"),
    "scale of nothing": lambda d: d.update(out_of=0),
    "fingerprint altered": lambda d: d["database"][0].__setitem__(0, 1),
    "a row too short": lambda d: d["rows"][0].pop(),
    "a row not a list": lambda d: d["rows"].__setitem__(0, "row"),
    "id not hex": _row({0: "not-a-uuid"}),
    "id a number": _row({0: 12}),
    "date not a date": _row({5: "2026-13-40"}),
    "candidates negative": _row({8: -1}),
    "candidates true": _row({8: True}),
    "candidates a fraction": _row({8: 1.5}),
    "stars beyond the scale": _row({10: 6}),
    "stars negative": _row({10: -1}),
    "total not a number": _row({11: "banyak"}),
    "total infinite": _row({11: "Infinity"}),
    "total a float": _row({11: 81.25}),
    "latitude beyond the pole": _row({12: 91.0}),
    "longitude text": _row({13: "114"}),
    "village a number": _row({4: 7}),
    "the same survey twice": lambda d: d["rows"].append(list(d["rows"][0])),
}


@pytest.mark.parametrize("change", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_kept_file_not_whole_and_well_formed_is_not_used(
    tmp_path: Path, database: Path, change: Any
) -> None:
    document = _document(tmp_path, database)
    change(document)
    target = tmp_path / kept_list.FILE_NAME
    target.write_text(json.dumps(document), encoding="utf-8")
    assert read_kept_list(target, database) is None


@pytest.mark.parametrize(
    "content",
    [b"", b"{", b"\xff\xfe not text", b"[]", b"null", b'"text"', b"1e999999"],
    ids=["empty", "cut short", "not UTF-8", "a list", "null", "a string", "a huge number"],
)
def test_a_kept_file_that_is_not_the_document_is_not_used(
    tmp_path: Path, database: Path, content: bytes
) -> None:
    target = tmp_path / kept_list.FILE_NAME
    target.write_bytes(content)
    assert read_kept_list(target, database) is None


@pytest.mark.parametrize(
    ("limit", "below"),
    [
        ("LARGEST", lambda target: target.stat().st_size - 1),  # bytes
        ("KEPT_AT_MOST", lambda target: len(ROWS) - 1),  # surveys
    ],
    ids=["a file larger than any list", "more surveys than a list keeps"],
)
def test_a_kept_file_beyond_the_limits_is_not_read(
    tmp_path: Path, database: Path, monkeypatch: pytest.MonkeyPatch, limit: str, below: Any
) -> None:
    target = tmp_path / kept_list.FILE_NAME
    write_kept_list(target, database, ROWS, 5)
    monkeypatch.setattr(kept_list, limit, below(target))
    assert read_kept_list(target, database) is None


def test_a_failed_write_leaves_no_partial_file(
    tmp_path: Path, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / kept_list.FILE_NAME
    write_kept_list(target, database, ROWS, 5)

    def refuse(source: object, destination: object) -> None:
        raise PermissionError("in use")  # Windows: another program holds the file open

    monkeypatch.setattr(kept_list.os, "replace", refuse)
    with pytest.raises(PermissionError, match="in use"):
        write_kept_list(target, database, ROWS[:1], 5)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [kept_list.FILE_NAME, database.name]
    )
    kept = read_kept_list(target, database)
    assert kept is not None and kept.rows == ROWS  # the earlier list, whole
