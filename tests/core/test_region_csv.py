"""Importing a region reference list from CSV: both formats, and every way a file can be wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ovop_desktop.core.errors import DomainError
from ovop_desktop.core.region_csv import (
    RegionCsvError,
    RegionRow,
    RowProblem,
    _read_code,
    parse_region_csv,
)
from ovop_desktop.core.regions import RegionCodeError, RegionLevel, parse_code

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"

# Line numbers as a text editor shows them; the header is line 1.
FULL_LINES = [
    "kode,nama,tingkat,kode_induk",  # 1
    "63,Kalimantan Selatan,provinsi,",  # 2
    "63.01,Kabupaten Tanah Laut,kabupaten/kota,63",  # 3
    "63.01.01,Takisung,kecamatan,63.01",  # 4
    "63.01.01.2001,Benua Lawas,desa,63.01.01",  # 5
    "63.01.01.2002,Tabanio,desa,63.01.01",  # 6
    "63.03,Kabupaten Banjar,kabupaten/kota,63",  # 7
    "63.03.06,Karang Intan,kecamatan,63.03",  # 8
    "63.03.06.2009,Bi'ih,desa,63.03.06",  # 9
    "63.72,Kota Banjarbaru,kabupaten/kota,63",  # 10
    "63.72.02,Landasan Ulin,kecamatan,63.72",  # 11
    "63.72.02.1003,Landasan Ulin Timur,kelurahan,63.72.02",  # 12
    "14,Riau,provinsi,",  # 13
    "14.02,Kabupaten Indragiri Hulu,kabupaten/kota,14",  # 14
    "14.02.09,Lirik,kecamatan,14.02",  # 15
    '14.02.09.2010,"Lambang Sari I, II, III",desa,14.02.09',  # 16
]


def full_csv(replace: dict[int, str] | None = None, append: tuple[str, ...] = ()) -> bytes:
    """The fixture file, with some lines (1-based) replaced and some appended."""
    lines = list(FULL_LINES)
    for number, text in (replace or {}).items():
        lines[number - 1] = text
    return ("\n".join([*lines, *append]) + "\n").encode("utf-8")


def problems_of(data: bytes, known_codes: tuple[str, ...] = ()) -> tuple[RowProblem, ...]:
    with pytest.raises(RegionCsvError) as caught:
        parse_region_csv(data, known_codes)
    return caught.value.problems


def test_full_format_gives_sorted_rows_and_counts() -> None:
    result = parse_region_csv(full_csv())

    assert result.format == "lengkap"
    assert len(result.rows) == 15
    assert [row.code for row in result.rows[:6]] == ["14", "63", "14.02", "63.01", "63.03", "63.72"]
    position = {row.code: index for index, row in enumerate(result.rows)}
    assert all(position[row.parent] < position[row.code] for row in result.rows if row.parent)
    assert result.counts == {
        RegionLevel.PROVINSI: 2,
        RegionLevel.KABUPATEN_KOTA: 4,
        RegionLevel.KECAMATAN: 4,
        RegionLevel.DESA: 4,
        RegionLevel.KELURAHAN: 1,
        RegionLevel.DESA_ADAT: 0,
    }


def test_quoted_names_keep_commas_and_apostrophes() -> None:
    rows = {row.code: row for row in parse_region_csv(full_csv()).rows}

    assert rows["14.02.09.2010"] == RegionRow(
        "14.02.09.2010", "Lambang Sari I, II, III", RegionLevel.DESA, "14.02.09"
    )
    assert rows["63.03.06.2009"].name == "Bi'ih"
    assert rows["63.72.02.1003"].level is RegionLevel.KELURAHAN
    assert rows["63"].parent is None


def test_names_are_trimmed_and_inner_whitespace_collapsed_keeping_case() -> None:
    data = full_csv({5: "63.01.01.2001,  Benua \t  LAWAS  ,desa,63.01.01"})

    rows = {row.code: row for row in parse_region_csv(data).rows}

    assert rows["63.01.01.2001"].name == "Benua LAWAS"


def test_bom_crlf_blank_lines_and_surrounding_whitespace_are_tolerated() -> None:
    text = "\r\n".join(
        [
            "kode , nama , tingkat , kode_induk ",
            "",
            " 63 , Kalimantan Selatan , Provinsi , ",
            "   ",
            '63.01, "Kabupaten Tanah Laut" ,KABUPATEN/KOTA, 63',
            "",
        ]
    )

    result = parse_region_csv(b"\xef\xbb\xbf" + text.encode("utf-8"))

    assert result.rows == (
        RegionRow("63", "Kalimantan Selatan", RegionLevel.PROVINSI, None),
        RegionRow("63.01", "Kabupaten Tanah Laut", RegionLevel.KABUPATEN_KOTA, "63"),
    )


def test_semicolon_list_from_indonesian_excel_with_header() -> None:
    data = (
        b"kode;nama\r\n"
        b"63;Kalimantan Selatan\r\n"
        b"63.01;Kabupaten Tanah Laut;;\r\n"  # Excel pads short rows with empty cells
        b"63.01.01;Takisung\r\n"
        b"63.01.01.2001;Lambang Sari I, II, III\r\n"
    )

    result = parse_region_csv(data)

    assert result.format == "kode-nama"
    assert [(row.code, row.name, row.level, row.parent) for row in result.rows] == [
        ("63", "Kalimantan Selatan", RegionLevel.PROVINSI, None),
        ("63.01", "Kabupaten Tanah Laut", RegionLevel.KABUPATEN_KOTA, "63"),
        ("63.01.01", "Takisung", RegionLevel.KECAMATAN, "63.01"),
        ("63.01.01.2001", "Lambang Sari I, II, III", RegionLevel.DESA, "63.01.01"),
    ]


def test_plain_list_without_header_derives_level_and_parent() -> None:
    data = b"63.72.02.1003,Landasan Ulin Timur\n63.72.02,Landasan Ulin\n"

    result = parse_region_csv(data, known_codes={"63", "63.72"})

    assert result.format == "kode-nama"
    assert result.rows == (
        RegionRow("63.72.02", "Landasan Ulin", RegionLevel.KECAMATAN, "63.72"),
        RegionRow("63.72.02.1003", "Landasan Ulin Timur", RegionLevel.KELURAHAN, "63.72.02"),
    )
    assert result.counts[RegionLevel.KELURAHAN] == 1
    assert result.counts[RegionLevel.PROVINSI] == 0


def test_parents_already_imported_satisfy_children() -> None:
    data = b"kode,nama,tingkat,kode_induk\n63.01.01.2003,Kuala Tambangan,desa,63.01.01\n"

    result = parse_region_csv(data, known_codes=["63", "63.01", "63.01.01"])

    assert [row.code for row in result.rows] == ["63.01.01.2003"]


@pytest.mark.parametrize(
    ("data", "line", "code", "message_id", "message_en"),
    [
        pytest.param(
            full_csv({5: "63.01.01.201,Benua Lawas,desa,63.01.01"}),
            5,
            "63.01.01.201",
            "kode '63.01.01.201' tidak sah: bagian desa/kelurahan '201' harus 4 angka",
            "code '63.01.01.201' is not valid",
            id="malformed-code",
        ),
        pytest.param(
            full_csv({6: "63.01.01.2002,   ,desa,63.01.01"}),
            6,
            "63.01.01.2002",
            "nama wilayah kosong",
            "the region name is empty",
            id="empty-name",
        ),
        pytest.param(
            full_csv({12: "63.72.02.1003,Landasan Ulin Timur,desa,63.72.02"}),
            12,
            "63.72.02.1003",
            "tingkat 'desa' tidak cocok dengan kode '63.72.02.1003', yang berarti kelurahan",
            "contradicts the code",
            id="tingkat-contradicts-code",
        ),
        pytest.param(
            full_csv({9: "63.03.06.2009,Bi'ih,desa,63.03.05"}),
            9,
            "63.03.06.2009",
            "kode_induk '63.03.05' tidak cocok dengan kode '63.03.06.2009'; seharusnya '63.03.06'",
            "expected '63.03.06'",
            id="kode-induk-contradicts-code",
        ),
        pytest.param(
            full_csv({2: "63,Kalimantan Selatan,provinsi,63"}),
            2,
            "63",
            "seharusnya kosong (provinsi tidak berinduk)",
            "expected empty (a province has no parent)",
            id="province-with-parent",
        ),
        pytest.param(
            full_csv({4: "63.01.01,Takisung,kecamatan,"}),
            4,
            "63.01.01",
            "kode_induk '' tidak cocok",
            "expected '63.01'",
            id="missing-kode-induk",
        ),
        pytest.param(
            full_csv(
                {6: "63.01.01.2006,Benua Tengah,desa,63.01.01"},
                ("63.01.01.2006,Dup,desa,63.01.01",),
            ),
            17,
            "63.01.01.2006",
            "kode '63.01.01.2006' ganda: sudah ada di baris 6",
            "duplicate code '63.01.01.2006': already on line 6",
            id="duplicate-code",
        ),
        pytest.param(
            full_csv(append=("63.09.01,Kintap,kecamatan,63.09",)),
            17,
            "63.09.01",
            "induk '63.09' dari kode '63.09.01' tidak ada di berkas ini",
            "the parent '63.09' of code '63.09.01' is neither in this file",
            id="unknown-parent",
        ),
        pytest.param(
            full_csv({6: "63.01.01.2002,Tabanio,desa"}),
            6,
            "63.01.01.2002",
            "ada 3 kolom, seharusnya 4 (kode,nama,tingkat,kode_induk)",
            "3 columns, expected 4",
            id="too-few-columns",
        ),
        pytest.param(
            full_csv({6: "63.01.01.2002,Tabanio,desa,63.01.01,catatan"}),
            6,
            "63.01.01.2002",
            "ada 5 kolom, seharusnya 4",
            "5 columns, expected 4",
            id="too-many-columns",
        ),
        pytest.param(
            full_csv({6: "63.01.01.2002,Tabanio,dusun,63.01.01"}),
            6,
            "63.01.01.2002",
            "tingkat 'dusun' tidak dikenal; pilihannya: provinsi, kabupaten/kota, kecamatan, "
            "desa, kelurahan, desa adat",
            "unknown tingkat (level) 'dusun'",
            id="unknown-tingkat",
        ),
        pytest.param(
            full_csv({14: '14.02,"Kabupaten Indragiri Hulu,kabupaten/kota,14'}),
            14,
            None,
            'tanda kutip (") dibuka tetapi tidak ditutup',
            "a quotation mark",
            id="unclosed-quote",
        ),
        pytest.param(
            b"kode;nama\n63;Kalimantan Selatan\n63.01.1;Takisung\n",
            3,
            "63.01.1",
            "kode '63.01.1' tidak sah",
            "is not valid",
            id="semicolon-malformed-code",
        ),
        pytest.param(
            b"63,Kalimantan Selatan\n63.01,Kabupaten Tanah Laut,kabupaten/kota,63\n",
            2,
            "63.01",
            "ada 4 kolom, seharusnya 2 (kode,nama)",
            "4 columns, expected 2",
            id="plain-list-row-with-extra-columns",
        ),
        pytest.param(
            b"kode,nama,tingkat\n63,Kalimantan Selatan,provinsi\n",
            1,
            None,
            "judul kolom 'kode,nama,tingkat' tidak dikenal",
            "unknown column header",
            id="unknown-header",
        ),
        pytest.param(
            b"kode,nama,tingkat,kode_induk\n\n",
            1,
            None,
            "berkas tidak berisi satu pun wilayah",
            "the file contains no regions",
            id="header-only",
        ),
        pytest.param(b"", 1, None, "tidak berisi", "no regions", id="empty-file"),
    ],
)
def test_each_kind_of_problem_names_its_line_and_is_refused(
    data: bytes, line: int, code: str | None, message_id: str, message_en: str
) -> None:
    problems = problems_of(data)

    assert len(problems) == 1
    problem = problems[0]
    assert (problem.line, problem.code) == (line, code)
    assert message_id in problem.message_id
    assert message_en in problem.message_en
    assert problem.text_id.startswith(f"Baris {line}: ")
    assert problem.text_en.startswith(f"Line {line}: ")


def test_error_message_lists_every_problem_in_line_order() -> None:
    data = full_csv(
        {
            16: '14.02.09.2010,"Lambang Sari I, II, III",desa,14.02.08',
            5: "63.01.01.201,Benua Lawas,desa,63.01.01",
            9: "63.03.06.2009,,desa,63.03.06",
        }
    )

    with pytest.raises(RegionCsvError) as caught:
        parse_region_csv(data)

    error = caught.value
    assert isinstance(error, DomainError)
    assert [p.line for p in error.problems] == [5, 9, 16]
    message = str(error).splitlines()
    assert message[0] == "Berkas wilayah tidak dapat diimpor (3 masalah):"
    assert message[1].startswith("Baris 5: kode '63.01.01.201' tidak sah: ")
    assert message[2] == "Baris 9: nama wilayah kosong"
    assert message[3].startswith("Baris 16: kode_induk '14.02.08' tidak cocok")
    assert error.message_en.splitlines()[0] == "The region file cannot be imported (3 problems):"


def test_one_row_can_have_several_problems() -> None:
    problems = problems_of(full_csv({6: "63.01.01.2002,,kelurahan,63.01.02"}))

    assert [p.line for p in problems] == [6, 6, 6]
    assert [p.message_id.split(" ")[0] for p in problems] == ["nama", "tingkat", "kode_induk"]


def test_children_of_a_malformed_row_are_reported_once_as_unknown_parents() -> None:
    problems = problems_of(full_csv({8: "63.03.6,Karang Intan,kecamatan,63.03"}))

    assert [(p.line, p.code) for p in problems] == [(8, "63.03.6"), (9, "63.03.06.2009")]
    assert "induk '63.03.06'" in problems[1].message_id


def test_long_lists_of_problems_are_cut_short_in_the_message_but_all_kept() -> None:
    bad_rows = tuple(f"63.01.01.{2100 + n}X,Desa {n},desa,63.01.01" for n in range(60))

    with pytest.raises(RegionCsvError) as caught:
        parse_region_csv(full_csv(append=bad_rows))

    error = caught.value
    assert len(error.problems) == 60
    lines = str(error).splitlines()
    assert len(lines) == 1 + 50 + 1
    assert lines[50].startswith("Baris 66: ")
    assert lines[-1] == "... dan 10 masalah lain"
    assert error.message_en.splitlines()[-1] == "... and 10 more"


def test_line_numbers_count_blank_lines_and_multi_line_records() -> None:
    data = b'kode,nama\n\n63,"Kalimantan\nSelatan"\n\n63.1,Kabupaten Tanah Laut\n'

    problems = problems_of(data)

    assert [(p.line, p.code) for p in problems] == [(3, None), (6, "63.1")]


def test_windows_1252_file_is_refused_with_the_line_of_the_first_bad_byte() -> None:
    data = "kode,nama\r\n63,Kalimantan Selatan\r\n63.01,Kabupaten Tanah Laut\r\n63.01.01,Café\r\n"

    problems = problems_of(data.encode("cp1252"))

    assert len(problems) == 1
    assert problems[0].line == 4
    assert "bukan UTF-8" in problems[0].message_id
    assert "simpan berkas sebagai UTF-8" in problems[0].message_id
    assert "save the file as UTF-8" in problems[0].message_en


def test_bom_does_not_shift_the_line_of_a_bad_byte() -> None:
    data = b"\xef\xbb\xbf63,Kalimantan Selatan\n63.01,Kabupaten Tanah Laut \xe9\n"

    assert problems_of(data)[0].line == 2


def _skip_without(name: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(
        not (SHARED_DATA / name).is_file(),
        reason=f"reference list {SHARED_DATA / name} is not available",
    )


@pytest.mark.shared_data
@_skip_without("kalsel-kode-wilayah.csv")
def test_real_kalimantan_selatan_list_imports_with_its_counts() -> None:
    result = parse_region_csv((SHARED_DATA / "kalsel-kode-wilayah.csv").read_bytes())

    assert result.format == "lengkap"
    assert result.counts == {
        RegionLevel.PROVINSI: 1,
        RegionLevel.KABUPATEN_KOTA: 13,
        RegionLevel.KECAMATAN: 156,
        RegionLevel.DESA: 1872,
        RegionLevel.KELURAHAN: 144,
        RegionLevel.DESA_ADAT: 0,
    }
    names = {row.code: row.name for row in result.rows}
    assert names["63.03.06.2009"] == "Bi'ih"
    assert names["63.72"] == "Kota Banjarbaru"


@pytest.mark.shared_data
@_skip_without("kalsel-kode-wilayah-2022.csv")
def test_real_2022_kalimantan_selatan_list_imports() -> None:
    result = parse_region_csv((SHARED_DATA / "kalsel-kode-wilayah-2022.csv").read_bytes())

    assert len(result.rows) == 2178
    assert {row.code: row.name for row in result.rows}["63.01"] == "KAB. TANAH LAUT"


@pytest.mark.shared_data
@pytest.mark.slow
@_skip_without("indonesia-kode-wilayah.csv")
def test_real_indonesia_list_imports_with_its_counts() -> None:
    result = parse_region_csv((SHARED_DATA / "indonesia-kode-wilayah.csv").read_bytes())

    assert len(result.rows) == 91_599
    assert result.counts == {
        RegionLevel.PROVINSI: 38,
        RegionLevel.KABUPATEN_KOTA: 514,
        RegionLevel.KECAMATAN: 7285,
        RegionLevel.DESA: 75_252,
        RegionLevel.KELURAHAN: 8496,
        RegionLevel.DESA_ADAT: 14,
    }
    assert {row.code: row.name for row in result.rows}["12.07.28.1007"] == "Lubuk Pakam I,II"


def _code_answer(code: str) -> tuple[str, RegionLevel, str | None] | str:
    """What core.regions.parse_code says of a code: its code, level and parent, or the reason
    it refuses it."""
    try:
        region = parse_code(code)
    except RegionCodeError as error:
        return error.reason_en
    return region.code, region.level, region.parent


def _read_answer(code: str) -> tuple[str, RegionLevel, str | None] | str:
    try:
        return tuple(_read_code(code))  # type: ignore[return-value]
    except RegionCodeError as error:
        return error.reason_en


CODE_PIECES = ["", ".", "0", "1", "2", "3", "7", "9", "00", "10", "11", "70", "71", "99", "000"]


@given(st.lists(st.sampled_from(CODE_PIECES), min_size=1, max_size=9).map("".join))
def test_the_quick_reading_of_a_code_agrees_with_parse_code(code: str) -> None:
    assert _read_answer(code) == _code_answer(code)


@pytest.mark.parametrize(
    "code",
    [
        "11", "10", "99", "00", "63.01", "63.00", "63.70", "63.69", "63.71", "63.01.00",
        "63.01.01", "63.01.01.1001", "63.01.01.2001", "63.01.01.3001", "63.01.01.4001",
        "63.01.01.2000", "63.01.01.1000", "63.01.01.20010", "63.1.01", "6301", "63.01.01.",
        "６３", "63.01.01.2OO1", " 63", "63.01.01.0001",
    ],
)  # fmt: skip
def test_the_quick_reading_of_each_kind_of_code_agrees_with_parse_code(code: str) -> None:
    assert _read_answer(code) == _code_answer(code)
