"""The province dashboard: numbers per kabupaten/kota that match the records, officers' last
imports, and a fixed number of queries."""

from __future__ import annotations

import csv
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from ovop_desktop.core.regions import regency_code
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import Officer, Survey
from ovop_desktop.services.assessment.assessments import save_assessment
from ovop_desktop.services.assessment.village_ranking import RankEntry, rank_survey, rank_village
from ovop_desktop.services.database import Database
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.services.province.dashboard import Dashboard, province_dashboard
from ovop_desktop.services.rubrics import rubric_in_force
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    SurveyInput,
    add_product,
    create_survey,
    delete_product,
    delete_survey,
    update_survey,
)
from ovop_desktop.services.sync.packages import export_package, import_package
from tests.conftest import FIXTURES, Home, MakeHome

TANAH_LAUT = "63.01"
BENUA_LAWAS = "63.01.01.2001"
LAMBANG_SARI = "63.03.06.2010"


def _levels(*values: int) -> dict[str, int | None]:
    return {f"C{i}": v for i, v in enumerate(values, start=1)}


def _officer(db: Database, name: str) -> uuid.UUID:
    with db.session() as session:
        officer = Officer(name=name)
        session.add(officer)
        session.flush()
        return officer.id


@dataclass
class Scene:
    province: Home
    rubric: Rubric


@pytest.fixture
def scene(make_home: MakeHome, tmp_path: Path) -> Scene:
    """Rahmah's and Yusuf's demo surveys imported at the province (Rahmah's twice, the second
    package after an edit), plus the province's own survey with a consensus, a draft, a deleted
    candidate, and a deleted survey."""
    rahmah = make_home("rahmah", "Rahmah Hidayati", seed=1)
    yusuf = make_home("yusuf", "Yusuf Hamdani", seed=2)
    province = make_home("provinsi")
    for home, usb in ((rahmah, "usb1"), (yusuf, "usb2")):
        package = export_package(home.db, home.paths, tmp_path / usb).path
        assert import_package(province.db, province.paths, package, trust_new=True).status == (
            "imported"
        )
    with rahmah.db.session() as session:
        first = session.scalars(select(Survey.id).order_by(Survey.village_code)).first()
    assert first is not None
    update_survey(rahmah.db, first, {"notes": "Dikunjungi ulang"}, reason="x")
    again = export_package(rahmah.db, rahmah.paths, tmp_path / "usb3").path
    assert import_package(province.db, province.paths, again).status == "imported"

    db = province.db
    rubric = rubric_in_force(db)
    categories = frozenset(c.id for c in rubric.categories)
    siti, yusuf_id = _officer(db, "Siti"), _officer(db, "Yusuf")
    survey = create_survey(db, SurveyInput(BENUA_LAWAS, date(2026, 9, 1), officer_id=siti))
    gula, amplang, draft, gone = (
        add_product(db, survey, ProductInput(name, category), categories=categories)
        for name, category in (
            ("Gula Aren Takisung", "makanan"),
            ("Amplang Tabanio", "makanan"),
            ("Ikan Asin", "makanan"),
            ("Kerupuk Hilang", "makanan"),
        )
    )
    save_assessment(db, gula, rubric, _levels(5, 4, 4, 4, 4, 4, 4, 5), assessor_id=siti, final=True)
    # Two assessors: the consensus of the median levels counts, not a stored snapshot.
    save_assessment(
        db, amplang, rubric, _levels(5, 5, 5, 5, 5, 5, 4, 5), assessor_id=siti, final=True
    )
    save_assessment(
        db, amplang, rubric, _levels(3, 3, 3, 3, 3, 3, 3, 3), assessor_id=yusuf_id, final=True
    )
    save_assessment(db, draft, rubric, _levels(4, 4, 4, 4, 4, 4, 4, 4), assessor_id=siti)
    save_assessment(db, gone, rubric, _levels(5, 5, 5, 5, 5, 5, 5, 5), assessor_id=siti, final=True)
    delete_product(db, gone)
    deleted = create_survey(db, SurveyInput(LAMBANG_SARI, date(2026, 9, 2), officer_id=siti))
    [intan] = (
        add_product(db, deleted, ProductInput("Intan Hilang", "logam"), categories=categories),
    )
    save_assessment(
        db, intan, rubric, _levels(5, 5, 5, 5, 5, 5, 5, 5), assessor_id=siti, final=True
    )
    delete_survey(db, deleted)
    return Scene(province, rubric)


def _live_surveys(db: Database) -> list[tuple[uuid.UUID, str]]:
    with db.session() as session:
        return [
            (sid, code)
            for sid, code in session.execute(
                select(Survey.id, Survey.village_code).where(Survey.deleted_at.is_(None))
            )
        ]


def _fixture_villages() -> dict[str, str]:
    """Village code → kabupaten/kota code, read from the region list file itself."""
    with (FIXTURES / "wilayah-contoh.csv").open(encoding="utf-8") as file:
        return {
            row["kode"]: row["kode"][:5]
            for row in csv.DictReader(file)
            if row["tingkat"] in ("desa", "kelurahan", "desa adat")
        }


def _entries_by_regency(db: Database, rubric: Rubric) -> dict[str, list[RankEntry]]:
    """Every live candidate of every live survey, scored by the village ranking."""
    found: dict[str, list[RankEntry]] = defaultdict(list)
    for survey_id, code in _live_surveys(db):
        found[code[:5]] += rank_survey(db, survey_id, rubric).entries
    return found


def test_counts_per_regency_match_the_records(scene: Scene) -> None:
    db, rubric = scene.province.db, scene.rubric
    dashboard = province_dashboard(db, rubric)
    by_code = {r.code: r for r in dashboard.regencies}

    surveys = Counter(code[:5] for _, code in _live_surveys(db))
    entries = _entries_by_regency(db, rubric)
    villages = _fixture_villages()
    assert sorted(by_code) == ["63.01", "63.03", "63.08", "63.71"]
    for code, regency in by_code.items():
        final = [e for e in entries[code] if e.final]
        assert regency.surveys == surveys[code]
        assert regency.candidates == len(entries[code])
        assert regency.assessed == len(final)
        assert regency.stars == tuple(
            sum(1 for e in final if e.stars == stars) for stars in range(1, 6)
        )
        assert regency.villages == sum(1 for v in villages.values() if v == code)
    tanah_laut = by_code[TANAH_LAUT]
    # Gula aren and the amplang consensus; not the draft, nor the deleted candidate.
    assert (tanah_laut.surveys, tanah_laut.candidates, tanah_laut.assessed) == (1, 3, 2)
    assert by_code["63.03"].surveys == 0  # the deleted survey of Lambang Sari
    assert dashboard.surveys == sum(surveys.values()) == 7
    assert dashboard.officers == 3  # Rahmah's and Yusuf's profiles, and Siti
    assert "Kota Banjarmasin" in {r.name for r in dashboard.regencies}


def test_the_consensus_counts_with_the_stars_of_its_median_levels(scene: Scene) -> None:
    db, rubric = scene.province.db, scene.rubric
    tanah_laut = next(r for r in province_dashboard(db, rubric).regencies if r.code == TANAH_LAUT)
    ranked = {e.name: e for e in rank_village(db, BENUA_LAWAS, rubric).entries}
    expected = Counter(ranked[name].stars for name in ("Gula Aren Takisung", "Amplang Tabanio"))
    assert ranked["Amplang Tabanio"].consensus
    assert tanah_laut.stars == tuple(expected[stars] for stars in range(1, 6))


def test_villages_not_yet_surveyed_are_those_of_the_list_without_a_live_survey(
    scene: Scene,
) -> None:
    db = scene.province.db
    dashboard = province_dashboard(db, scene.rubric)
    surveyed = {code for _, code in _live_surveys(db)}
    villages = _fixture_villages()
    expected = sorted(code for code in villages if code not in surveyed)
    assert [v.code for v in dashboard.unsurveyed] == expected
    assert LAMBANG_SARI in expected and BENUA_LAWAS not in expected
    for regency in dashboard.regencies:
        assert regency.unsurveyed_villages == sum(
            1 for v in dashboard.unsurveyed if v.regency_code == regency.code
        )
    assert dashboard.unsurveyed_villages + dashboard.surveyed_villages == len(villages)
    lambang = next(v for v in dashboard.unsurveyed if v.code == LAMBANG_SARI)
    assert (lambang.name, lambang.district, lambang.regency) == (
        "Lambang Sari I, II, III",
        "Karang Intan",
        "Kabupaten Banjar",
    )


def test_top_candidates_are_the_best_final_totals_of_each_regency(scene: Scene) -> None:
    db, rubric = scene.province.db, scene.rubric
    dashboard = province_dashboard(db, rubric)
    for regency in dashboard.regencies:
        codes = [c for c, r in _fixture_villages().items() if r == regency.code]
        latest = []  # each village counts with its most recent survey, as in the rankings
        for code in codes:
            if any(c == code for _, c in _live_surveys(db)):
                latest += [e for e in rank_village(db, code, rubric).entries if e.final]
        best = sorted((e.total for e in latest if e.total is not None), reverse=True)[:3]
        assert [c.total for c in regency.top] == best
        assert all(c.stars is not None and c.village for c in regency.top)
    tanah_laut = next(r for r in dashboard.regencies if r.code == TANAH_LAUT)
    assert "Ikan Asin" not in {c.name for c in tanah_laut.top}  # a draft
    assert "Kerupuk Hilang" not in {c.name for c in tanah_laut.top}  # deleted


def test_categories_count_every_candidate_under_the_rubric_name(scene: Scene) -> None:
    db, rubric = scene.province.db, scene.rubric
    dashboard = province_dashboard(db, rubric)
    entries = [e for found in _entries_by_regency(db, rubric).values() for e in found]
    candidates = Counter(e.category for e in entries)
    assessed = Counter(e.category for e in entries if e.final)
    assert {c.category_id: (c.candidates, c.assessed) for c in dashboard.categories} == {
        c.id: (candidates[c.id], assessed[c.id]) for c in rubric.categories
    }
    food = next(c for c in dashboard.categories if c.category_id == "makanan")
    assert (food.name_id, food.name_en) == ("Makanan", "Food")
    counts = [c.candidates for c in dashboard.categories]
    assert counts == sorted(counts, reverse=True)


def test_each_officer_shows_the_last_package_imported(scene: Scene) -> None:
    dashboard = province_dashboard(scene.province.db, scene.rubric)
    by_officer = {entry.officer_name: entry for entry in dashboard.imports}
    assert sorted(by_officer) == ["Rahmah Hidayati", "Yusuf Hamdani"]
    rahmah, yusuf = by_officer["Rahmah Hidayati"], by_officer["Yusuf Hamdani"]
    assert (rahmah.packages, yusuf.packages) == (2, 1)
    # Rahmah's second package carried only the corrected survey and its audit entry.
    assert rahmah.outcome == "imported" and rahmah.counts["updated"] == 1
    assert rahmah.counts["new"] == 1 and yusuf.counts["new"] > 0
    assert dashboard.imports[0] == rahmah == dashboard.last_import
    assert rahmah.imported_at > yusuf.imported_at
    assert rahmah.device_name and rahmah.device_id is not None


def test_an_empty_database_has_only_the_region_list(make_home: MakeHome, rubric: Rubric) -> None:
    dashboard = province_dashboard(make_home("kosong").db, rubric)
    assert dashboard.empty
    assert (dashboard.surveys, dashboard.assessed, dashboard.officers) == (0, 0, 0)
    assert dashboard.stars == (0, 0, 0, 0, 0)
    assert len(dashboard.regencies) == 4
    assert dashboard.unsurveyed_villages == len(_fixture_villages())
    assert all(c.candidates == 0 for c in dashboard.categories)
    assert dashboard.imports == () and dashboard.last_import is None


def test_regency_code_of_a_village() -> None:
    assert regency_code("63.08.07.2001") == "63.08"
    assert regency_code("63.71") == "63.71"


@contextmanager
def _counting_queries(db: Database) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statement = str(args[2])
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def _queries(db: Database, rubric: Rubric) -> tuple[int, Dashboard]:
    with _counting_queries(db) as statements:
        dashboard = province_dashboard(db, rubric)
    return len(statements), dashboard


def test_the_number_of_queries_does_not_grow_with_the_data(
    make_home: MakeHome, rubric: Rubric
) -> None:
    home = make_home("besar", "Rahmah", seed=1)
    small, few = _queries(home.db, rubric)
    for seed in range(2, 6):
        seed_demo(home.db, villages=8, seed=seed)
    large, many = _queries(home.db, rubric)
    assert many.surveys >= 10 * few.surveys // 3 and many.assessed > few.assessed
    assert small <= 14 and large <= 14
