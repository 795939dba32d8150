"""Folding and search keys: names are found whatever the case, accents or punctuation typed."""

from __future__ import annotations

import pytest

from ovop_desktop.core.text import fold, search_key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Benua Lawas", "benua lawas"),
        ("  BENUA \t LAWAS\n", "benua lawas"),
        ("Désa Café", "desa cafe"),
        ("Straße", "strasse"),
        ("İstanbul", "istanbul"),
        ("ﬁ", "fi"),
        ("Ⅻ", "xii"),
        ("１２３", "123"),
        ("Landasan\u00a0Ulin", "landasan ulin"),
        ("Bi'ih", "bi'ih"),
        ("Lambang Sari I, II, III", "lambang sari i, ii, iii"),
        ("", ""),
    ],
)
def test_fold_ignores_case_accents_and_extra_whitespace(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bi'ih", "biih"),
        ("bi'ih", "biih"),
        ("Bi’ih", "biih"),
        ("BIIH", "biih"),
        ("Pasi Kuala Ba'u", "pasi kuala bau"),
        ("Lambang Sari I, II, III", "lambang sari i ii iii"),
        ("Lubuk Pakam I,II", "lubuk pakam i ii"),
        ("Kec. Banjarbaru-Utara", "kec banjarbaru utara"),
        ("Kabupaten/Kota (Banjarbaru)", "kabupaten kota banjarbaru"),
        ("  --  ", ""),
    ],
)
def test_search_key_drops_apostrophes_and_splits_on_other_punctuation(
    text: str, expected: str
) -> None:
    assert search_key(text) == expected


def test_query_with_or_without_apostrophe_finds_the_name() -> None:
    name_key = search_key("Bi'ih")

    assert search_key("bi'ih") in name_key
    assert search_key("biih") in name_key
    assert search_key("BI’IH") in name_key


def test_search_key_is_stable_when_applied_twice() -> None:
    for text in ["Bi'ih", "Désa, Lawas-Tengah", "Lubuk Pakam I,II"]:
        assert search_key(search_key(text)) == search_key(text)
        assert fold(fold(text)) == fold(text)
