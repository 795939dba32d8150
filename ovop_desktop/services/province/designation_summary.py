"""The designation summary of a kabupaten/kota as a PDF: the live designations of its villages
and kecamatan, under the letterhead and signed by the first signatory of the letter settings
(both optional: a summary prints without them, a letter would not)."""

from __future__ import annotations

from datetime import date

from ovop_desktop.core.errors import DomainError
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import Region
from ovop_desktop.paths import AppPaths
from ovop_desktop.reports.designation_summary import (
    DesignationLine,
    DesignationSummary,
    render_designation_summary,
)
from ovop_desktop.reports.map_data import SummaryMap
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError
from ovop_desktop.services.letters.letter_settings import load_letter_settings
from ovop_desktop.services.province.designations import DesignationRow, list_designations


def _category_name(rubric: Rubric, category_id: str) -> str:
    try:
        return rubric.category(category_id).name_id
    except KeyError:
        return category_id


def designation_summary(
    db: Database,
    regency_code: str,
    rubric: Rubric,
    *,
    as_of: date | None = None,
    paths: AppPaths | None = None,
) -> DesignationSummary:
    """What the summary of `regency_code` prints, as of `as_of` (today by default)."""
    with db.session() as session:
        regency = session.get(Region, regency_code)
        if regency is None or regency.level != "kabupaten/kota":
            raise InvalidInputError(
                "Pilih kabupaten/kota dari daftar wilayah.",
                "Choose a regency or city from the region list.",
                field="regency_code",
            )
        province = session.get(Region, regency.parent_code) if regency.parent_code else None
        regency_name, province_name = regency.name, province.name if province else ""
    rows = list_designations(db, regency_code)
    lines = tuple(
        DesignationLine(
            district=row.district,
            village=row.village,
            product=row.product_name,
            category=_category_name(rubric, row.category),
            decided_on=row.decided_on,
            basis=row.basis,
            decree_number=row.decree_number,
        )
        for row in rows
    )
    settings = load_letter_settings(db)
    return DesignationSummary(
        regency=regency_name,
        province=province_name,
        as_of=as_of or date.today(),
        lines=lines,
        letterhead=settings.letterhead,
        place=settings.place or "",
        signatory=settings.signatories[0] if settings.signatories else None,
        summary_map=None if paths is None else _map(db, paths, regency_code, rubric, rows),
    )


def _map(
    db: Database, paths: AppPaths, regency_code: str, rubric: Rubric, rows: list[DesignationRow]
) -> SummaryMap | None:
    """The kabupaten's map: designated places, and villages whose survey recommends a product."""
    from ovop_desktop.services.boundaries import summary_map
    from ovop_desktop.services.village_map import VillageState, village_map

    live = [row.region_code for row in rows if row.revoked_at is None]
    villages = village_map(db, rubric).villages
    recommended = [c for c, v in villages.items() if v.state is VillageState.ASSESSED]
    try:
        return summary_map(paths, regency_code, live, recommended)
    except (OSError, DomainError):
        return None  # the table is the summary; the map is a help


def designation_summary_pdf(
    db: Database,
    regency_code: str,
    rubric: Rubric,
    *,
    as_of: date | None = None,
    paths: AppPaths | None = None,
) -> bytes:
    """The summary's PDF; with `paths`, a last page maps the kabupaten's products."""
    summary = designation_summary(db, regency_code, rubric, as_of=as_of, paths=paths)
    return render_designation_summary(summary)


def summary_file_name(regency: str, as_of: date) -> str:
    """ "Kabupaten Tanah Laut" → "penetapan-ovop-kabupaten-tanah-laut-2026-11-28.pdf"."""
    slug = "-".join("".join(c if c.isalnum() else " " for c in regency.lower()).split())
    return f"penetapan-ovop-{slug or 'wilayah'}-{as_of.isoformat()}.pdf"
