"""Spreadsheets: the XLSX and CSV exports the province analyses, and the survey template officers
type paper surveys into, imported all or nothing."""

from __future__ import annotations

import argparse
import csv
import io
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from ovop_desktop.cli import Context
from ovop_desktop.cli.spreadsheets import register
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import Assessment, CandidateProduct, Officer, Survey
from ovop_desktop.exchange.spreadsheet import neutralise
from ovop_desktop.services.assessment.assessments import list_assessments
from ovop_desktop.services.assessment.village_ranking import rank_survey
from ovop_desktop.services.database import Database, open_database
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.services.errors import InvalidInputError
from ovop_desktop.services.province.spreadsheets import export_csv, export_xlsx
from ovop_desktop.services.regions import import_regions
from ovop_desktop.services.rubrics import install_shipped_rubrics, rubric_in_force
from ovop_desktop.services.surveys import xlsx_template, xlsx_template_import
from ovop_desktop.services.surveys.capture import ProductInput, add_product
from ovop_desktop.services.surveys.survey_detail import load_survey
from ovop_desktop.services.surveys.survey_list import list_surveys
from ovop_desktop.services.surveys.xlsx_template import TemplateError, write_template
from ovop_desktop.services.surveys.xlsx_template_import import import_template
from tests.conftest import FIXTURES
from tests.xlsx_templates import column_of, filled_template, header_row, put_row

# The default rubric's weights, from shared/domain/ovop-rubric.md, independent of the code.
WEIGHTS = {"C1": 10, "C2": 10, "C3": 10, "C4": 10, "C5": 15, "C6": 10, "C7": 20, "C8": 15}
FORMULA = '=HYPERLINK("http://x","klik")'
SHEETS = ["Survei", "Produk", "Penilaian", "Peringkat"]


def _by_hand(levels: list[int]) -> Decimal:
    return sum(
        (Decimal(w * lv) / 5 for w, lv in zip(WEIGHTS.values(), levels, strict=True)), Decimal(0)
    )


def _records(ws: Any) -> list[dict[str, Any]]:
    headers = header_row(ws)
    return [
        dict(zip(headers, row, strict=True)) for row in ws.iter_rows(min_row=2, values_only=True)
    ]


def _csv_rows(path: Path, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=delimiter))


@pytest.fixture
def seeded(db: Database) -> Database:
    seed_demo(db, villages=3)
    return db


def test_neutralise_quotes_text_that_would_run_as_a_formula() -> None:
    assert neutralise(FORMULA) == "'" + FORMULA
    for text in ("+62 812", "-1+1", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(text) == "'" + text
    assert neutralise("Anyaman Purun") == "Anyaman Purun"
    assert neutralise(-5) == -5


def test_xlsx_has_four_sheets_with_frozen_filtered_indonesianheader_row(
    seeded: Database, rubric: Rubric, tmp_path: Path
) -> None:
    target = tmp_path / "ekspor.xlsx"
    assert export_xlsx(seeded, rubric, target) == target
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == SHEETS
    for ws in book:
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
        assert ws["A1"].value == "Kode wilayah" and ws["A1"].font.bold
    surveys = _records(book["Survei"])
    assert len(surveys) == 3
    assert {"Kabupaten/Kota", "Kecamatan", "Desa/Kelurahan", "Petugas", "Jumlah penduduk"} <= set(
        surveys[0]
    )
    assert header_row(book["Penilaian"])[6:14] == list(WEIGHTS)
    products = _records(book["Produk"])
    assert {row["Kategori"] for row in products} <= {c.name_id for c in rubric.categories}
    assert {row["NIB"] for row in products} <= {"Ya", "Tidak"}
    assert book["Produk"]["E2"].number_format == "dd/mm/yyyy"
    price = header_row(book["Produk"]).index("Harga satuan (Rp)") + 1
    assert book["Produk"].cell(2, price).number_format == "#,##0"
    total = header_row(book["Penilaian"]).index("Total skor") + 1
    assert book["Penilaian"].cell(2, total).number_format == "0.00"


def test_xlsx_ranking_and_assessments_agree_with_the_village_ranking(
    seeded: Database, rubric: Rubric, tmp_path: Path
) -> None:
    book = openpyxl.load_workbook(export_xlsx(seeded, rubric, tmp_path / "e.xlsx"))
    ranking = _records(book["Peringkat"])
    assessments = _records(book["Penilaian"])
    for row in list_surveys(seeded, rubric):
        expected = rank_survey(seeded, row.survey_id, rubric)
        mine = [r for r in ranking if r["Kode wilayah"] == row.village_code]
        assert [(r["Peringkat"], r["Nama produk"], r["Bintang"]) for r in mine] == [
            (e.rank, e.name, e.stars) for e in expected.entries
        ]
        assert [Decimal(str(r["Total skor"])) for r in mine] == [e.total for e in expected.entries]
        rated = [a for a in assessments if a["Kode wilayah"] == row.village_code]
        assert [[a[c] for c in WEIGHTS] for a in rated] == [
            list(e.levels.values()) for e in expected.entries
        ]
        assert {a["Status penilaian"] for a in rated} == {"Final"}
        survey = next(r for r in _records(book["Survei"]) if r["Kode wilayah"] == row.village_code)
        assert survey["Produk rekomendasi"] == row.top_candidate


def test_export_replaces_an_old_file_and_leaves_no_temporary_file(
    seeded: Database, rubric: Rubric, tmp_path: Path
) -> None:
    folder = tmp_path / "ekspor"
    folder.mkdir()
    target = folder / "ekspor.xlsx"
    target.write_bytes(b"old")
    export_xlsx(seeded, rubric, target)
    export_csv(seeded, rubric, folder)
    assert openpyxl.load_workbook(target).sheetnames == SHEETS
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["ekspor.xlsx", *(f"{s.lower()}.csv" for s in SHEETS)]
    )


def test_formula_in_a_product_name_is_written_as_text(
    seeded: Database, rubric: Rubric, tmp_path: Path
) -> None:
    survey_id = list_surveys(seeded, rubric)[0].survey_id
    add_product(
        seeded,
        survey_id,
        ProductInput(name=FORMULA, category="kriya", description="Tas\x0bpurun"),
        categories=frozenset(rubric.category_ids),
        reason="Kandidat susulan",  # the demo survey is final
    )
    book = openpyxl.load_workbook(export_xlsx(seeded, rubric, tmp_path / "e.xlsx"))
    cells = [c for row in book["Produk"].iter_rows() for c in row if "HYPERLINK" in str(c.value)]
    assert [(c.value, c.data_type) for c in cells] == [("'" + FORMULA, "s")]
    assert "Taspurun" in [c.value for c in book["Produk"]["V"]]  # a pasted control character
    produk = next(p for p in export_csv(seeded, rubric, tmp_path / "csv") if p.name == "produk.csv")
    names = [row[5] for row in _csv_rows(produk)]
    assert "'" + FORMULA in names and FORMULA not in names


def test_csv_starts_with_a_bom_and_can_use_semicolons(
    seeded: Database, rubric: Rubric, tmp_path: Path
) -> None:
    written = export_csv(seeded, rubric, tmp_path / "koma")
    assert [p.name for p in written] == [f"{s.lower()}.csv" for s in SHEETS]
    assert all(p.read_bytes().startswith(b"\xef\xbb\xbf") for p in written)
    header = _csv_rows(written[2])[0]
    place = ["Kode wilayah", "Kabupaten/Kota", "Kecamatan", "Desa/Kelurahan"]
    assert header[:6] == [*place, "Nama produk", "Kategori"]
    total_at = header.index("Total skor")
    assert "." in _csv_rows(written[2])[1][total_at]

    semicolon = export_csv(seeded, rubric, tmp_path / "titik-koma", delimiter=";")
    rows = _csv_rows(semicolon[2], ";")
    assert rows[0] == header
    assert "," in rows[1][total_at]  # Indonesian Excel reads 72,00
    dated = _csv_rows(semicolon[0], ";")
    assert dated[1][dated[0].index("Tanggal survei")].count("/") == 2


# The survey template.


def test_template_has_its_sheets_and_drop_downs(
    db: Database, rubric: Rubric, tmp_path: Path
) -> None:
    book = openpyxl.load_workbook(write_template(db, rubric, tmp_path / "templat.xlsx"))
    assert book.sheetnames == ["Petunjuk", "Survei", "Kandidat", "Tingkat", "Daftar"]
    assert book["Daftar"].sheet_state == "hidden"
    lists = book["Daftar"]
    assert "63.08.07.2001 — Banjang (Banjang, Kab. Hulu Sungai Utara)" in [
        c.value for c in lists["A"]
    ]
    assert [c.value for c in lists["B"][1:] if c.value] == [c.name_id for c in rubric.categories]
    assert [c.value for c in lists["D"][1:] if c.value] == [1, 2, 3, 4, 5]
    assert header_row(book["Survei"])[:4] == ["No. survei", "Kode desa", "Tanggal", "Nama petugas"]
    assert [h.split()[0] for h in header_row(book["Tingkat"])[2:]] == list(WEIGHTS)

    def lists_of(ws: Any) -> dict[str, str]:
        return {
            str(v.sqref).split(":")[0].rstrip("0123456789"): v.formula1
            for v in ws.data_validations.dataValidation
            if v.type == "list"
        }

    surveys, products, levels = (lists_of(book[s]) for s in ("Survei", "Kandidat", "Tingkat"))
    assert surveys["B"].startswith("Daftar!$A$2:$A$")
    assert products["C"] == f"Daftar!$B$2:$B${len(rubric.categories) + 1}"
    assert {levels[col] for col in "CDEFGHIJ"} == {"Daftar!$D$2:$D$6"}
    assert book["Survei"]["C2"].number_format == "dd/mm/yyyy"
    assert "Kriteria dan tingkat" in [c.value for c in book["Petunjuk"]["A"]]


def test_a_big_region_list_offers_only_the_villages_of_kalsel(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    kaltim = (
        "kode,nama,tingkat,kode_induk\n64,Kalimantan Timur,provinsi,\n"
        "64.01,Kabupaten Paser,kabupaten/kota,64\n64.01.01,Batu Sopang,kecamatan,64.01\n"
        "64.01.01.2001,Batu Kajang,desa,64.01.01\n"
    )
    import_regions(db, kaltim.encode())
    everything, capped = xlsx_template.village_choices(db)
    assert not capped and "64.01.01.2001 — Batu Kajang (Batu Sopang, Kab. Paser)" in everything
    monkeypatch.setattr(xlsx_template, "VILLAGE_LIST_CAP", len(everything))
    kalsel, capped = xlsx_template.village_choices(db)
    assert capped and kalsel == [v for v in everything if v.startswith("63.")]
    assert "63.71.05.1007 — Seberang Mesjid (Banjarmasin Tengah, Kota Banjarmasin)" in kalsel


def test_filled_template_imports_surveys_products_and_assessments(
    db: Database, rubric: Rubric, tmp_path: Path
) -> None:
    path = filled_template(db, rubric, tmp_path / "isi.xlsx")
    result = import_template(db, rubric, path)
    assert (result.surveys, result.products, result.assessments) == (2, 3, 3)
    assert result.final_assessments == 2

    rows = {row.village_code: row for row in list_surveys(db, rubric)}
    assert set(rows) == {"63.08.07.2001", "63.01.01.2002"}
    banjang = load_survey(db, rows["63.08.07.2001"].survey_id)
    assert banjang.survey.values["survey_date"] == date(2026, 8, 3)
    assert banjang.survey.values["population"] == 2500
    assert banjang.survey.values["has_bumdes"] is True
    assert banjang.officer_name == "Siti Rahmah" and banjang.status == "draft"
    tabanio = load_survey(db, rows["63.01.01.2002"].survey_id)
    assert tabanio.survey.values["survey_date"] == date(2026, 8, 5)
    assert tabanio.survey.values["population"] == 1250

    products = {p.values["name"]: p for p in (*banjang.products, *tabanio.products)}
    assert {n: p.values["category"] for n, p in products.items()} == {
        "Anyaman Purun": "anyaman",
        "Kerupuk Ikan Haruan": "makanan",
        "Amplang": "makanan",
    }
    haruan = products["Kerupuk Ikan Haruan"].values
    assert (haruan["unit_price_idr"], haruan["permit_pirt"], haruan["permit_nib"]) == (
        70000,
        True,
        False,
    )
    assert haruan["market_reach"] == "kabupaten"
    (purun,) = list_assessments(db, products["Anyaman Purun"].id)
    assert (purun.status, purun.total) == ("final", _by_hand([5, 3, 3, 4, 3, 3, 3, 4]))
    assert purun.assessed_on == date(2026, 8, 3)
    (kerupuk,) = list_assessments(db, products["Kerupuk Ikan Haruan"].id)
    assert (kerupuk.status, kerupuk.total) == ("final", _by_hand([4, 3, 2, 2, 2, 2, 2, 2]))
    (amplang,) = list_assessments(db, products["Amplang"].id)
    assert amplang.status == "draft" and amplang.total is None
    assert amplang.levels == {"C1": 4, "C2": 4, "C3": 3} | dict.fromkeys(
        ["C4", "C5", "C6", "C7", "C8"]
    )
    assert rows["63.08.07.2001"].top_candidate == "Anyaman Purun"


def test_importing_the_same_template_twice_is_refused(
    db: Database, rubric: Rubric, tmp_path: Path
) -> None:
    path = filled_template(db, rubric, tmp_path / "isi.xlsx")
    import_template(db, rubric, path)
    with pytest.raises(TemplateError) as caught:
        import_template(db, rubric, path)
    assert "Survei baris 2: survei desa 63.08.07.2001 tanggal 03/08/2026 sudah ada" in str(
        caught.value
    )
    assert len(list_surveys(db, rubric)) == 2


def _count(db: Database, model: type[Any]) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def _nothing_stored(db: Database) -> bool:
    return all(_count(db, m) == 0 for m in (Survey, CandidateProduct, Assessment, Officer))


def test_template_with_one_bad_row_imports_nothing_and_names_sheet_and_row(
    db: Database, rubric: Rubric, tmp_path: Path
) -> None:
    def furniture(book: Any) -> None:
        book["Kandidat"].cell(3, column_of(book["Kandidat"], "Kategori"), "mebel")

    path = filled_template(db, rubric, tmp_path / "isi.xlsx", furniture)
    with pytest.raises(TemplateError) as caught:
        import_template(db, rubric, path)
    assert [str(p) for p in caught.value.problems] == [
        "Kandidat baris 3: kategori 'mebel' tidak ada dalam daftar."
    ]
    assert "Kandidat baris 3: kategori 'mebel' tidak ada dalam daftar." in str(caught.value)
    assert "Kandidat row 3" in caught.value.message_en
    assert isinstance(caught.value, InvalidInputError)
    assert _nothing_stored(db)


def test_every_row_is_checked_before_anything_is_refused(
    db: Database, rubric: Rubric, tmp_path: Path
) -> None:
    def spoil(book: Any) -> None:
        put_row(book["Survei"], 4, [2, "63.99.99.2999", "31/02/2026"])
        put_row(book["Kandidat"], 5, [9, "Dodol", "Makanan"])
        put_row(book["Kandidat"], 6, [2, None, "Makanan"])
        book["Tingkat"]["J3"] = 7
        put_row(book["Tingkat"], 5, [1, "Gula Aren", 3])

    path = filled_template(db, rubric, tmp_path / "isi.xlsx", spoil)
    with pytest.raises(TemplateError) as caught:
        import_template(db, rubric, path)
    assert {str(p) for p in caught.value.problems} == {
        "Survei baris 4: tanggal '31/02/2026' bukan tanggal yang sah; tulis hari/bulan/tahun, "
        "mis. 03/08/2026.",
        "Survei baris 4: no. survei 2 sudah dipakai di baris 3.",
        "Survei baris 4: kode desa '63.99.99.2999' tidak ada dalam daftar wilayah; pilih dari "
        "daftar.",
        "Kandidat baris 5: no. survei 9 tidak ada di lembar Survei.",
        "Kandidat baris 6: nama produk wajib diisi.",
        "Tingkat baris 3: tingkat C8 harus 1 sampai 5, bukan '7'.",
        "Tingkat baris 5: produk 'Gula Aren' tidak ada di lembar Kandidat untuk survei no. 1.",
    }
    assert _nothing_stored(db)


@pytest.fixture
def backend_db(any_backend_url: str) -> Iterator[Database]:
    """The small region list and the shipped rubric on SQLite and on PostgreSQL."""
    db = open_database(any_backend_url)
    install_shipped_rubrics(db)
    import_regions(db, (FIXTURES / "wilayah-contoh.csv").read_bytes())
    yield db
    db.dispose()


def test_a_refusal_while_saving_rolls_back_the_whole_import(
    backend_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rubric = rubric_in_force(backend_db)
    path = filled_template(backend_db, rubric, tmp_path / "isi.xlsx")
    saved = xlsx_template_import.save_assessment
    calls = []

    def refuse_the_third(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        if len(calls) == 3:
            raise InvalidInputError("Ditolak.", "Refused.")
        return saved(*args, **kwargs)

    monkeypatch.setattr(xlsx_template_import, "save_assessment", refuse_the_third)
    with pytest.raises(TemplateError, match=r"Tingkat baris 4: Ditolak\."):
        import_template(backend_db, rubric, path)
    assert _nothing_stored(backend_db)

    monkeypatch.setattr(xlsx_template_import, "save_assessment", saved)
    assert import_template(backend_db, rubric, path).assessments == 3
    assert (_count(backend_db, Survey), _count(backend_db, Assessment)) == (2, 3)


def test_a_file_that_is_not_a_workbook_is_refused_plainly(
    db: Database, rubric: Rubric, tmp_path: Path
) -> None:
    path = tmp_path / "bukan.xlsx"
    path.write_text("kode,nama\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="bukan berkas XLSX"):
        import_template(db, rubric, path)


# The command line (ovop_desktop.cli calls register from build_parser).


def _run(home: Path, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home")
    parser.add_argument("--db")
    commands = parser.add_subparsers(dest="command")

    def add(sub: Any, name: str, helptext: str, handler: Callable[[Context], int]) -> Any:
        command = sub.add_parser(name, help=helptext)
        command.set_defaults(handler=handler)
        return command

    surveys = commands.add_parser("surveys").add_subparsers(dest="action")
    register(commands, add, surveys)
    ctx = Context(parser.parse_args(["--home", str(home), *argv]))
    try:
        return int(ctx.args.handler(ctx))
    finally:
        ctx.close()


def test_commands_write_and_import_spreadsheets(
    db: Database, rubric: Rubric, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "cli"
    template = tmp_path / "templat.xlsx"
    ctx = Context(argparse.Namespace(home=str(home), db=None))
    import_regions(ctx.db, (FIXTURES / "wilayah-contoh.csv").read_bytes())
    filled_template(ctx.db, rubric, template)
    ctx.close()

    assert _run(home, "surveys", "import-xlsx", str(template)) == 0
    assert "2 survei (draf), 3 produk kandidat, 3 penilaian (2 final, 1 draf)" in (
        capsys.readouterr().out
    )
    assert _run(home, "xlsx", "--out", str(tmp_path / "e.xlsx")) == 0
    assert openpyxl.load_workbook(tmp_path / "e.xlsx").sheetnames == SHEETS
    assert _run(home, "csv", "--out", str(tmp_path / "csv"), "--semicolon") == 0
    assert "4 berkas CSV (pemisah ';')" in capsys.readouterr().out
    assert _run(home, "template", "--out", str(tmp_path / "baru.xlsx")) == 0
    assert "Templat survei" in capsys.readouterr().out
