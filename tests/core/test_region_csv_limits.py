"""A region CSV with an oversized field: a plain message naming the line, not 'unclosed quote'."""

from __future__ import annotations

import pytest

from ovop_desktop.core.region_csv import RegionCsvError, parse_region_csv

HEADER = "kode,nama,tingkat,kode_induk\n63,Kalimantan Selatan,provinsi,\n"


@pytest.mark.parametrize("size", [20_000, 200_000])
def test_an_oversized_field_names_its_line_and_is_no_unclosed_quote(size: int) -> None:
    data = (HEADER + '63.01,"' + "x" * size + '",kabupaten,63\n').encode()
    with pytest.raises(RegionCsvError) as caught:
        parse_region_csv(data)
    (problem,) = caught.value.problems
    assert problem.line == 3
    assert "lebih dari 10.000 karakter" in problem.text_id
    assert "Line 3: a field is longer than 10,000 characters" in problem.text_en
    assert "kutip" not in str(caught.value)
