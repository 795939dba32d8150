"""Importing Kemendagri region lists and searching them."""

from __future__ import annotations

from datetime import date

import pytest

from ovop_desktop.core.region_csv import RegionCsvError
from ovop_desktop.services.database import Database
from ovop_desktop.services.regions import (
    children,
    get_region,
    import_regions,
    region_count,
    search_regions,
)
from ovop_desktop.services.surveys.capture import SurveyInput, create_survey
from tests.conftest import FIXTURES, shared_file

SMALL = (FIXTURES / "wilayah-contoh.csv").read_bytes()


def test_import_counts_rows_per_level(empty_db: Database) -> None:
    result = import_regions(empty_db, SMALL)
    assert result.per_level == {
        "provinsi": 1,
        "kabupaten/kota": 4,
        "kecamatan": 5,
        "desa": 6,
        "kelurahan": 2,
        "desa adat": 0,
    }
    assert result.added == 18 and region_count(empty_db) == 18


def test_reimporting_the_same_list_changes_nothing(db: Database) -> None:
    result = import_regions(db, SMALL)
    assert (result.added, result.renamed, result.unchanged) == (0, (), 18)
    assert not result.changed_anything


def test_a_plain_code_name_list_renames_and_adds(db: Database) -> None:
    newer = "kode;nama\n63.01.01.2001;Banua Lawas Baru\n63.01.01.2003;Kuala Tambangan\n"
    result = import_regions(db, newer.encode())
    assert [(r.code, r.old_name, r.new_name) for r in result.renamed] == [
        ("63.01.01.2001", "Benua Lawas", "Banua Lawas Baru")
    ]
    assert result.added == 1
    added = get_region(db, "63.01.01.2003")
    assert added is not None and added.level == "desa" and added.district == "Takisung"


def test_a_reimport_never_deletes_a_region_a_survey_uses(db: Database) -> None:
    create_survey(db, SurveyInput(village_code="63.08.07.2004", survey_date=date(2026, 8, 8)))
    smaller = "kode,nama\n63,Kalimantan Selatan\n63.08,Kabupaten Hulu Sungai Utara\n"
    result = import_regions(db, smaller.encode())
    assert result.kept_not_in_file == 16
    assert get_region(db, "63.08.07.2004") is not None


def test_a_file_with_one_broken_row_imports_nothing_and_names_the_row(db: Database) -> None:
    broken = (
        "kode,nama\n63.01.01.2005,Desa Baru Satu\n63.01.01.20X6,Desa Rusak\n"
        "63.01.01.2007,Desa Baru Dua\n"
    )
    with pytest.raises(RegionCsvError) as caught:
        import_regions(db, broken.encode())
    assert "Baris 3" in str(caught.value)
    assert [p.line for p in caught.value.problems] == [3]
    assert region_count(db) == 18
    assert get_region(db, "63.01.01.2005") is None


def test_a_child_of_an_unknown_parent_is_refused(db: Database) -> None:
    with pytest.raises(RegionCsvError, match="Baris 2"):
        import_regions(db, b"kode,nama\n63.05.01.2001,Desa Tanpa Induk\n")


@pytest.mark.parametrize("query", ["BENUA", "benua lawas", "enua law", "Bénua", "  benua  "])
def test_search_ignores_case_and_accents_and_matches_parts(db: Database, query: str) -> None:
    assert [hit.code for hit in search_regions(db, query)] == ["63.01.01.2001"]


def test_search_finds_names_with_apostrophes_and_commas(db: Database) -> None:
    assert [h.name for h in search_regions(db, "biih")] == ["Bi'ih"]
    assert [h.name for h in search_regions(db, "bi'ih")] == ["Bi'ih"]
    assert [h.name for h in search_regions(db, "sari ii")] == ["Lambang Sari I, II, III"]


def test_search_ranks_exact_then_prefix_then_villages_first(db: Database) -> None:
    hits = search_regions(db, "banjang")
    assert [(h.code, h.level) for h in hits] == [
        ("63.08.07.2001", "desa"),
        ("63.08.07", "kecamatan"),
    ]
    assert hits[0].context == "Kec. Banjang, Kabupaten Hulu Sungai Utara"


def test_search_treats_literal_percent_and_underscore_as_text(db: Database) -> None:
    assert search_regions(db, "%") == []
    assert search_regions(db, "_") == []


def test_search_by_code_prefix_and_within_a_regency(db: Database) -> None:
    assert [h.code for h in search_regions(db, "63.03.06.")] == ["63.03.06.2009", "63.03.06.2010"]
    assert [h.code for h in search_regions(db, "a", within="63.71", levels=("kelurahan",))] == [
        "63.71.05.1007"
    ]


def test_children_walk_the_tree_for_pickers(db: Database) -> None:
    assert [r.name for r in children(db, None)] == ["Kalimantan Selatan"]
    assert [r.code for r in children(db, "63.03")] == ["63.03.06", "63.03.05"]


@pytest.mark.shared_data
def test_the_kalsel_list_imports_with_its_official_counts(empty_db: Database) -> None:
    result = import_regions(empty_db, shared_file("kalsel-kode-wilayah.csv").read_bytes())
    assert {k: v for k, v in result.per_level.items() if v} == {
        "provinsi": 1,
        "kabupaten/kota": 13,
        "kecamatan": 156,
        "desa": 1872,
        "kelurahan": 144,
    }


@pytest.mark.shared_data
def test_the_2025_list_after_the_2022_list_renames_and_adds_eight_villages(
    empty_db: Database,
) -> None:
    import_regions(empty_db, shared_file("kalsel-kode-wilayah-2022.csv").read_bytes())
    old = get_region(empty_db, "63.01.01.2001")
    assert old is not None and old.name == "Banua lawas"

    result = import_regions(empty_db, shared_file("kalsel-kode-wilayah.csv").read_bytes())

    renamed = {r.code: (r.old_name, r.new_name) for r in result.renamed}
    assert renamed["63.01.01.2001"] == ("Banua lawas", "Benua Lawas")
    assert result.added == 8
    assert result.added_per_level == {"desa": 8}
    assert region_count(empty_db) == 2186


@pytest.mark.shared_data
@pytest.mark.slow
def test_the_whole_indonesia_list_imports_and_is_searchable(empty_db: Database) -> None:
    result = import_regions(empty_db, shared_file("indonesia-kode-wilayah.csv").read_bytes())
    assert result.added == 91_599
    hits = search_regions(empty_db, "benua lawas")
    assert "63.01.01.2001" in [h.code for h in hits]
    assert all("benua" in h.name.lower() and "lawas" in h.name.lower() for h in hits)
