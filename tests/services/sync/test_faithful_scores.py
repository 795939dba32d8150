"""An imported assessment whose stored total, band, stars or gate are not what its levels give is
refused with its reason, and the rest of the package applies: the rankings read those stored
scores instead of scoring the levels again."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from ovop_desktop.db.models import Assessment
from ovop_desktop.services.assessment.assessments import save_assessment
from ovop_desktop.services.assessment.regional_ranking import rank_region
from ovop_desktop.services.assessment.village_ranking import rank_survey
from ovop_desktop.services.database import Database
from ovop_desktop.services.rubrics import rubric_in_force
from ovop_desktop.services.surveys.capture import ProductInput, add_product, update_product
from ovop_desktop.services.surveys.survey_list import list_surveys
from ovop_desktop.services.sync.packages import export_package, import_package
from tests.conftest import MakeHome
from tests.services.sync.repackage import Records, repackaged

ASSESSMENTS = "records/assessments.jsonl"
Record = dict[str, Any]


def _complete(records: Records) -> Record:
    """The first assessment with every level, scored below five stars and capped by no gate."""
    return next(
        r
        for r in records[ASSESSMENTS]
        if r["total"] is not None and r["stars"] < 5 and r["capped_by_gate"] is None
    )


def _raise_total(record: Record) -> None:
    record["total"] = str(float(record["total"]) + 1)


def _raise_band_and_stars(record: Record) -> None:
    record["band_stars"] += 1
    record["stars"] += 1


def _raise_stars(record: Record) -> None:
    record["stars"] += 1


def _claim_a_gate(record: Record) -> None:
    record["capped_by_gate"] = "bintang5-pasar-mutu"


def _unknown_criterion(record: Record) -> None:
    record["levels"].append({"criterion_id": "C99", "level": 5, "note": None})


def _scores_without_levels(record: Record) -> None:
    record["levels"] = [row for row in record["levels"] if row["criterion_id"] != "C1"]


TAMPERINGS: dict[str, tuple[Callable[[Record], None], str, str]] = {
    "total": (_raise_total, "tidak sesuai dengan tingkat kriterianya", "do not match"),
    "band": (_raise_band_and_stars, "tidak sesuai dengan tingkat kriterianya", "do not match"),
    "stars": (_raise_stars, "tidak sesuai dengan tingkat kriterianya", "do not match"),
    "gate": (_claim_a_gate, "tidak sesuai dengan tingkat kriterianya", "do not match"),
    "criterion": (_unknown_criterion, "kriteria C99, yang tidak ada", "criterion C99, which"),
    "incomplete": (_scores_without_levels, "tidak sesuai dengan tingkat", "do not match"),
}


def _assessments(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(Assessment)) or 0)


@pytest.mark.parametrize("tampering", sorted(TAMPERINGS))
def test_stored_scores_its_levels_do_not_give_are_refused_and_the_rest_applies(
    make_home: MakeHome, tmp_path: Path, tampering: str
) -> None:
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    province = make_home("provinsi")
    package = export_package(rahmah.db, rahmah.paths, tmp_path / "usb").path
    change, reason_id, reason_en = TAMPERINGS[tampering]
    tampered: list[str] = []

    def tamper(records: Records) -> None:
        record = _complete(records)
        change(record)
        tampered.append(record["id"])

    changed = repackaged(package, tmp_path / "palsu", rahmah.paths.data_dir, tamper)
    result = import_package(province.db, province.paths, changed, trust_new=True)

    assert result.status == "partial", result.reason
    assert any("penilaian" in line and reason_id in line for line in result.rejected_records)
    assert any(reason_en in line for line in result.rejected_records_en)
    assert _assessments(province.db) == _assessments(rahmah.db) - 1
    with province.db.session() as session:
        assert session.get(Assessment, uuid.UUID(tampered[0])) is None
    # What came in ranks in the province's ranking as each village's own ranking has it.
    rubric = rubric_in_force(province.db)
    for row in rank_region(province.db, None, rubric).rows:
        own = rank_survey(province.db, row.survey_id, rubric)
        entry = next(e for e in own.entries if e.product_id == row.product_id)
        assert (row.total, row.stars, row.village_rank) == (entry.total, entry.stars, entry.rank)


def _metal_work_now_food(rahmah: Any, tmp_path: Path) -> tuple[uuid.UUID, uuid.UUID, Any, Path]:
    """A candidate assessed as metal work (four stars), then made food, whose own gate (C7 at
    4) caps those levels at three: its survey, product, saved score and exported package."""
    rubric = rubric_in_force(rahmah.db)
    categories = frozenset(rubric.category_ids)
    survey = list_surveys(rahmah.db, rubric)[0].survey_id
    why = "Produk baru ditemukan."  # (the survey is final: changes give a reason)
    product = add_product(
        rahmah.db,
        survey,
        ProductInput("Parang Bungkul", "logam"),
        categories=categories,
        reason=why,
    )
    levels = dict(zip(rubric.criterion_ids, (5, 5, 5, 5, 5, 5, 3, 5), strict=True))
    saved = save_assessment(rahmah.db, product, rubric, levels, final=True, reason=why).score
    update_product(rahmah.db, product, {"category": "makanan"}, categories=categories, reason=why)
    package = export_package(rahmah.db, rahmah.paths, tmp_path / "usb").path
    return survey, product, saved, package


def test_scores_for_another_category_and_unchecked_rubrics_are_taken(
    make_home: MakeHome, tmp_path: Path
) -> None:
    """Stars scored under the category a product had then are faithful after its category
    changed; an assessment under a rubric version this database does not have is not checked
    (the rankings score its levels whenever they use it)."""
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    province = make_home("provinsi")
    rubric = rubric_in_force(rahmah.db)
    survey, product, saved, package = _metal_work_now_food(rahmah, tmp_path)

    def unknown_version(records: Records) -> None:
        other = next(
            r
            for r in records[ASSESSMENTS]
            if r["total"] is not None and r["product_id"] != str(product)
        )
        other["rubric_version"] = 99
        _raise_total(other)

    changed = repackaged(package, tmp_path / "lain", rahmah.paths.data_dir, unknown_version)
    result = import_package(province.db, province.paths, changed, trust_new=True)

    assert result.status == "imported", result.rejected_records
    assert _assessments(province.db) == _assessments(rahmah.db)
    entry = next(
        e for e in rank_survey(province.db, survey, rubric).entries if e.product_id == product
    )
    assert saved.stars == 4 and entry.stars is not None and entry.stars < 4  # food's gate


@pytest.mark.parametrize("claimed", ["makanan", None])
def test_stars_claimed_for_a_category_they_were_not_scored_under_are_refused(
    make_home: MakeHome, tmp_path: Path, claimed: str | None
) -> None:
    """An assessment travels with the category its stars were scored under, which the rankings
    trust while the product keeps it: four stars of metal work said to be food's (whose gate
    gives three) are refused. Without the category (a package of an older application) the
    same stars are those of one of the rubric's categories, and are taken: the rankings then
    score the levels under the product's category."""
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    province = make_home("provinsi")
    rubric = rubric_in_force(rahmah.db)
    _, product, saved, package = _metal_work_now_food(rahmah, tmp_path)
    sent: list[Record] = []

    def claim(records: Records) -> None:
        record = next(r for r in records[ASSESSMENTS] if r["product_id"] == str(product))
        sent.append(dict(record))
        if claimed is None:
            del record["scored_category"]
        else:
            record["scored_category"] = claimed

    changed = repackaged(package, tmp_path / "klaim", rahmah.paths.data_dir, claim)
    result = import_package(province.db, province.paths, changed, trust_new=True)

    assert sent[0]["scored_category"] == "logam" and sent[0]["stars"] == saved.stars == 4
    with province.db.session() as session:
        arrived = session.get(Assessment, uuid.UUID(sent[0]["id"]))
    if claimed is not None:
        assert result.status == "partial", result.reason
        assert any("tidak sesuai dengan tingkat" in line for line in result.rejected_records)
        assert arrived is None
        return
    assert result.status == "imported", result.rejected_records
    assert arrived is not None and arrived.scored_category is None
    for row in rank_region(province.db, None, rubric).rows:
        if row.product_id == product:
            assert row.stars is not None and row.stars < 4  # food's gate, from the levels
            break
    else:
        raise AssertionError("the candidate is not in the province's ranking")
