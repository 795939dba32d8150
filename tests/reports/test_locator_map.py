"""The attachment's locator map: the village on its kabupaten's outline, from the same outlines
as the Peta place."""

from __future__ import annotations

import dataclasses
import subprocess
from datetime import date
from pathlib import Path

import pytest

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.paths import AppPaths
from ovop_desktop.reports.letter import render_letter
from ovop_desktop.reports.sample import sample_letter
from ovop_desktop.services.boundaries import locator_map
from ovop_desktop.services.database import Database
from ovop_desktop.services.province.designation_summary import designation_summary_pdf

BENUA_LAWAS = (-3.8734, 114.6788)


@pytest.fixture
def backend() -> str:
    return "sqlite"


def test_the_locator_holds_the_kabupaten_the_village_and_the_point(app_paths: AppPaths) -> None:
    locator = locator_map(app_paths, "63.01.01.2001", "Desa Benua Lawas", BENUA_LAWAS)
    assert locator is not None
    xs = [x for ring in locator.regency for x, _y in ring]
    ys = [y for ring in locator.regency for _x, y in ring]
    village = [p for ring in locator.village for p in ring]
    assert min(xs) <= min(x for x, _ in village) and max(x for x, _ in village) <= max(xs)
    assert min(ys) <= min(y for _, y in village) and max(y for _, y in village) <= max(ys)
    assert locator.point is not None and locator.point[1] == BENUA_LAWAS[0]
    assert len(locator.districts) >= 11  # Tanah Laut's kecamatan
    assert locator_map(app_paths, "63.01.01.2999", "-", None) is None  # no outline


def test_the_attachment_draws_the_locator_map(app_paths: AppPaths, tmp_path: Path) -> None:
    locator = locator_map(app_paths, "63.01.01.2001", "Desa Benua Lawas, Kecamatan Takisung", None)
    plain = render_letter(sample_letter())
    with_map = render_letter(dataclasses.replace(sample_letter(), locator=locator))
    assert len(with_map) > len(plain)
    pdf = tmp_path / "surat.pdf"
    pdf.write_bytes(with_map)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Desa Benua Lawas, Kecamatan Takisung" in text


def test_the_designation_summary_ends_with_the_kabupaten_map(
    db: Database, app_paths: AppPaths, rubric: Rubric, tmp_path: Path
) -> None:
    plain = designation_summary_pdf(db, "63.01", rubric, as_of=date(2026, 12, 1))
    with_map = designation_summary_pdf(
        db, "63.01", rubric, as_of=date(2026, 12, 1), paths=app_paths
    )
    pages = []
    for name, pdf in (("tanpa", plain), ("dengan", with_map)):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(pdf)
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
        pages.append(
            int(
                next(
                    line for line in info.stdout.splitlines() if line.startswith("Pages:")
                ).split()[1]
            )
        )
    assert pages[1] == pages[0] + 1
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "dengan.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "PETA PRODUK OVOP KABUPATEN TANAH LAUT" in text
    assert "Produk OVOP yang ditetapkan (0 desa/kecamatan)" in text
