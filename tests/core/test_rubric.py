"""The shipped rubric and the rubric loader: what is accepted, what is refused and why."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from ovop_desktop.core.rubric import Rubric, RubricError
from ovop_desktop.core.rubric_loader import parse_rubric

SHIPPED_PATH = Path(__file__).parents[2] / "resources" / "rubrics" / "ovop-kalsel-2026-v1.toml"
SHIPPED = SHIPPED_PATH.read_text(encoding="utf-8")


def edited(old: str, new: str) -> str:
    """The shipped rubric with the first ``old`` replaced, failing loudly if ``old`` is gone."""
    assert old in SHIPPED, f"the shipped rubric no longer contains {old!r}"
    return SHIPPED.replace(old, new, 1)


def refusal(text: str) -> RubricError:
    with pytest.raises(RubricError) as caught:
        parse_rubric(text)
    return caught.value


@pytest.fixture(scope="module")
def rubric() -> Rubric:
    return parse_rubric(SHIPPED)


def test_shipped_rubric_is_ovop_kalsel_2026_version_1(rubric: Rubric) -> None:
    assert (rubric.id, rubric.version, rubric.name) == ("ovop-kalsel-2026", 1, "OVOP Kalsel 2026")


def test_shipped_rubric_has_eight_criteria_with_the_published_weights(rubric: Rubric) -> None:
    assert rubric.criterion_ids == ("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8")
    assert [c.weight for c in rubric.criteria] == [10, 10, 10, 10, 15, 10, 20, 15]
    assert sum(c.weight for c in rubric.criteria) == 100
    assert (rubric.min_total, rubric.max_total) == (Decimal(20), Decimal(100))


def test_shipped_criteria_belong_to_the_three_groups(rubric: Rubric) -> None:
    assert [(g.id, g.name_id, g.name_en) for g in rubric.groups] == [
        ("A", "Produksi & komunitas", "Production & community"),
        ("B", "Pemasaran & cerita", "Marketing & story"),
        ("C", "Mutu & keunikan", "Quality & uniqueness"),
    ]
    assert "".join(c.group for c in rubric.criteria) == "AAAABBCC"
    assert rubric.criterion("C7").name_id == "Mutu & standar produk"
    assert rubric.criterion("C8").name_en == "Uniqueness, local identity & product story"


def test_shipped_descriptors_are_split_into_indonesian_and_english(rubric: Rubric) -> None:
    nib = rubric.criterion("C3").descriptor(3)
    assert nib.text_id == "punya NIB; pembukuan sederhana; anggota sentra (≥5 unit sejenis)"
    assert nib.text_en == "has NIB; simple books; in a sentra (≥5 similar units)"
    assert rubric.criterion("C5").descriptor(5).text_id == "sudah/siap ekspor"
    for criterion in rubric.criteria:
        assert [d.level for d in criterion.levels] == [1, 2, 3, 4, 5]
        for descriptor in criterion.levels:
            assert " · " not in descriptor.text_id + descriptor.text_en


def test_shipped_descriptors_match_the_rubric_document_where_it_is_available() -> None:
    document = Path(__file__).parents[3] / "shared" / "domain" / "ovop-rubric.md"
    if not document.exists():
        pytest.skip("the shared rubric document is not beside this checkout")
    rubric = parse_rubric(SHIPPED)
    for line in document.read_text(encoding="utf-8").splitlines():
        row = re.match(r"\| (C\d) \| ([^|]* · [^|]*) \|(.*)\|$", line)
        if row:
            cells = [row[2], *(cell.strip() for cell in row[3].split("|"))]
            criterion = rubric.criterion(row[1])
            shown = [f"{d.text_id} · {d.text_en}" for d in criterion.levels]
            assert shown == [cell.strip() for cell in cells]


def test_shipped_bands_follow_the_ocop_scale(rubric: Rubric) -> None:
    assert [(b.stars, str(b.min_total), str(b.max_total)) for b in rubric.bands] == [
        (1, "20.00", "29.99"),
        (2, "30.00", "49.99"),
        (3, "50.00", "69.99"),
        (4, "70.00", "89.99"),
        (5, "90.00", "100.00"),
    ]
    assert rubric.bands[3].meaning_id == "unggulan provinsi; pembinaan menuju ekspor"


def test_shipped_gates_guard_four_and_five_stars(rubric: Rubric) -> None:
    gates = {
        g.id: (
            g.min_stars,
            sorted(g.categories),
            [(r.criterion, r.min_level) for r in g.requirements],
        )
        for g in rubric.gates
    }
    assert gates == {
        "bintang4-nib": (4, [], [("C3", 3)]),
        "bintang4-pangan-izin-edar-halal": (4, ["makanan", "minuman"], [("C7", 4)]),
        "bintang5-pasar-mutu": (5, [], [("C5", 4), ("C7", 4)]),
    }
    nib = rubric.gates[0]
    assert nib.applies_to("kayu")
    assert nib.reason_id.startswith("Bintang 4 ke atas memerlukan NIB")
    assert not rubric.gates[1].applies_to("kayu")
    assert rubric.gates[1].applies_to("minuman")


def test_shipped_tie_break_and_categories(rubric: Rubric) -> None:
    assert rubric.tie_break == ("C7", "C8", "C5")
    assert rubric.category_ids == (
        "makanan",
        "minuman",
        "tenun",
        "anyaman",
        "gerabah",
        "kayu",
        "logam",
        "kulit",
        "herbal",
        "kriya",
        "lainnya",
    )
    assert rubric.category("tenun").name_id == "Tenun / kain / batik"
    assert rubric.category("kriya").name_id == "Cenderamata / kriya lainnya"


def test_rubric_error_is_a_value_error_speaking_indonesian_first() -> None:
    error = refusal(edited("weight = 20", "weight = 15"))
    assert isinstance(error, ValueError)
    assert str(error) == error.message_id == "Bobot kriteria berjumlah 95, harus 100."
    assert error.message_en == "Criterion weights add up to 95; they must add up to 100."


FIRST_LEVEL_5 = re.compile(
    r'\[\[criteria\.levels\]\]\nlevel = 5\ntext_id = "[^"]*"\ntext_en = "[^"]*"\n'
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(SHIPPED + "\n[[criteria]\n", "bukan TOML yang sah (baris", id="invalid-toml"),
        pytest.param(
            edited('name = "OVOP Kalsel 2026"\n', ""), "kolom 'name' wajib diisi", id="missing-name"
        ),
        pytest.param(
            edited("weight = 10", "wieght = 10"),
            "Kriteria ke-1: kolom 'wieght' tidak dikenal (maksudnya 'weight'?)",
            id="typo-in-key",
        ),
        pytest.param(
            edited('categories = ["makanan", "minuman"]', 'categoris = ["makanan", "minuman"]'),
            "kolom 'categoris' tidak dikenal",
            id="typo-would-widen-a-gate",
        ),
        pytest.param(
            edited(
                'name = "OVOP Kalsel 2026"\n', 'name = "OVOP Kalsel 2026"\nprovinsi = "Kalsel"\n'
            ),
            "Bagian atas berkas: kolom 'provinsi' tidak dikenal.",
            id="unknown-key",
        ),
        pytest.param(
            edited("weight = 20", "weight = 25"), "berjumlah 105, harus 100", id="weights"
        ),
        pytest.param(
            edited("weight = 10", "weight = 0"),
            "Kriteria C1: bobot harus bilangan bulat paling kecil 1, bukan 0.",
            id="zero",
        ),
        pytest.param(
            FIRST_LEVEL_5.sub("", SHIPPED, count=1),
            "Kriteria C1: harus memiliki tepat lima tingkat, 1 sampai 5, masing-masing sekali "
            "(yang ada: 1, 2, 3, 4)",
            id="four-levels",
        ),
        pytest.param(
            edited("level = 5", "level = 4"), "(yang ada: 1, 2, 3, 4, 4)", id="level-twice"
        ),
        pytest.param(
            edited("level = 5", "level = 6"),
            "'level' harus bilangan bulat 1 sampai 5",
            id="level-6",
        ),
        pytest.param(
            edited('text_id = "sudah/siap ekspor"', 'text_id = "  "'),
            "Kriteria C5, tingkat 5: 'text_id' harus berupa teks yang tidak kosong",
            id="empty-descriptor",
        ),
        pytest.param(
            edited("min_total = 50.00", "min_total = 50.50"),
            "Pita bintang 2 (sampai 49,99) dan bintang 3 (mulai 50,50) ada celah",
            id="band-gap",
        ),
        pytest.param(
            edited("max_total = 49.99", "max_total = 55.00"),
            "Pita bintang 2 (sampai 55,00) dan bintang 3 (mulai 50,00) tumpang tindih",
            id="band-overlap",
        ),
        pytest.param(
            edited("max_total = 29.99", "max_total = 29.98"), "ada celah", id="band-gap-of-a-cent"
        ),
        pytest.param(
            edited("max_total = 100.00", "max_total = 99.99"),
            "berakhir di 99,99, harus sampai 100,00",
            id="band-misses-100",
        ),
        pytest.param(
            edited("min_total = 20.00", "min_total = 25.00"),
            "total terendah yang mungkin adalah 20,00",
            id="band-misses-minimum",
        ),
        pytest.param(
            edited("max_total = 29.99", "max_total = 29.995"), "paling banyak dua desimal", id="3dp"
        ),
        pytest.param(edited("stars = 5", "stars = 6"), "(yang ada: 1, 2, 3, 4, 6)", id="star-gap"),
        pytest.param(
            edited("stars = 5", "stars = 4"), "(yang ada: 1, 2, 3, 4, 4)", id="stars-twice"
        ),
        pytest.param(
            edited("requires = { C3 = 3 }", "requires = { C9 = 3 }"),
            "Syarat 'bintang4-nib': kriteria 'C9' tidak ada dalam rubrik",
            id="gate-unknown-criterion",
        ),
        pytest.param(
            edited('["makanan", "minuman"]', '["makanan", "minum"]'),
            "kategori 'minum' tidak ada dalam rubrik",
            id="gate-unknown-category",
        ),
        pytest.param(
            edited("requires = { C3 = 3 }", "requires = { C3 = 6 }"),
            "tingkat minimum C3 harus bilangan bulat 1 sampai 5, bukan 6",
            id="gate-level-6",
        ),
        pytest.param(
            edited("requires = { C3 = 3 }", "requires = { C3 = 0 }"), "bukan 0", id="gate-level-0"
        ),
        pytest.param(
            edited("min_stars = 5", "min_stars = 6"),
            "min_stars harus bilangan bulat 2 sampai 5",
            id="gate-stars",
        ),
        pytest.param(
            edited('tie_break = ["C7", "C8", "C5"]', 'tie_break = ["C7", "C8", "C9"]'),
            "Urutan penentu (tie_break): kriteria 'C9' tidak ada dalam rubrik",
            id="tie-break-unknown",
        ),
        pytest.param(
            edited('tie_break = ["C7", "C8", "C5"]', 'tie_break = ["C7", "C8", "C7"]'),
            "Urutan penentu (tie_break): sebuah kriteria disebut lebih dari sekali.",
            id="tie-break-twice",
        ),
        pytest.param(
            edited('id = "C2"', 'id = "C1"'),
            "Kode kriteria 'C1' dipakai dua kali",
            id="dup-criterion",
        ),
        pytest.param(
            edited('id = "kulit"', 'id = "kayu"'),
            "Kode kategori 'kayu' dipakai dua kali",
            id="dup-category",
        ),
        pytest.param(
            edited('id = "B"', 'id = "A"'), "Kode kelompok 'A' dipakai dua kali", id="dup-group"
        ),
        pytest.param(
            edited('id = "bintang5-pasar-mutu"', 'id = "bintang4-nib"'),
            "Kode syarat 'bintang4-nib' dipakai dua kali",
            id="dup-gate",
        ),
        pytest.param(
            edited('group = "A"', 'group = "D"'),
            "Kriteria C1: kelompok 'D' tidak ada dalam rubrik",
            id="unknown-group",
        ),
        pytest.param(
            edited("version = 1", "version = 0"), "'version' harus bilangan bulat", id="version"
        ),
    ],
)
def test_loader_refuses_a_broken_rubric_and_says_what_is_wrong(text: str, expected: str) -> None:
    error = refusal(text)
    assert expected in error.message_id
    assert error.message_en
    assert error.message_en != error.message_id


def test_gates_and_tie_break_may_be_left_out() -> None:
    without = re.sub(r"\n\[\[gates\]\]\n(?:[a-z_]+ = .*\n)+", "\n", SHIPPED)
    without = without.replace('tie_break = ["C7", "C8", "C5"]\n', "")
    rubric = parse_rubric(without)
    assert (rubric.gates, rubric.tie_break) == ((), ())


def test_hash_ignores_comments_blank_lines_spacing_and_number_spelling() -> None:
    lines = [line for line in SHIPPED.splitlines() if line.strip() and not line.startswith("#")]
    reformatted = "\n\n".join(lines).replace(" = ", "=").replace("min_total=20.00", "min_total=20")
    reformatted = reformatted.replace("requires={ C5=4, C7=4 }", "requires={C7=4,C5=4}")
    assert "requires={C7=4,C5=4}" in reformatted
    assert parse_rubric(reformatted).definition_hash == parse_rubric(SHIPPED).definition_hash


def test_hash_is_sha256_hex(rubric: Rubric) -> None:
    assert re.fullmatch(r"[0-9a-f]{64}", rubric.definition_hash)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param(
            'text_en = "exporting or export-ready"', 'text_en = "exporting"', id="descriptor"
        ),
        pytest.param("weight = 20", "weight = 15", id="weights-swapped"),
        pytest.param("max_total = 69.99", "max_total = 74.99", id="band-edges"),
        pytest.param("requires = { C3 = 3 }", "requires = { C3 = 2 }", id="gate-level"),
        pytest.param('tie_break = ["C7", "C8", "C5"]', 'tie_break = ["C8", "C7", "C5"]', id="tie"),
        pytest.param("version = 1", "version = 2", id="version"),
        pytest.param('["makanan", "minuman"]', '["makanan"]', id="gate-categories"),
        pytest.param('name_en = "Drinks"', 'name_en = "Beverages"', id="category-name"),
    ],
)
def test_hash_changes_when_content_changes(old: str, new: str) -> None:
    text = edited(old, new)
    if new == "weight = 15":  # keep the weights summing to 100 by moving 5 points to C8
        text = text.replace('weight = 15\nname_id = "Keunikan', 'weight = 20\nname_id = "Keunikan')
    if new == "max_total = 74.99":
        text = text.replace("min_total = 70.00", "min_total = 75.00")
    assert parse_rubric(text).definition_hash != parse_rubric(SHIPPED).definition_hash
