"""Spreadsheets for the province's own analysis and reports upward: every live survey, candidate,
assessment and village ranking under one rubric version, as one XLSX workbook or four CSV files.

The levels, totals and ranks are those of the village ranking (services.assessed and
core.scoring), computed for all villages at once.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook  # type: ignore[import-untyped]
from sqlalchemy import select

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.core.scoring import CandidateInput, RankedCandidate, rank_candidates
from ovop_desktop.db.models import CandidateProduct, Officer, Survey
from ovop_desktop.exchange.spreadsheet import (
    MARKET_REACH_LABELS,
    CellValue,
    Column,
    Kind,
    Table,
    add_table_sheet,
    save_workbook,
    write_csv,
)
from ovop_desktop.services.assessment.counted_levels import AssessedLevels, assessed_levels
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import StorageError

SHEETS = ("Survei", "Produk", "Penilaian", "Peringkat")
SURVEY_STATUS = {"draft": "Draf", "final": "Final"}
PERMITS = tuple(
    (label, f"permit_{label.lower()}") for label in ("NIB", "PIRT", "BPOM", "Halal", "SNI", "HKI")
)

PLACE_COLUMNS = (
    Column("Kode wilayah", width=15),
    Column("Kabupaten/Kota"),
    Column("Kecamatan"),
    Column("Desa/Kelurahan"),
)


@dataclass(frozen=True)
class _Village:
    """One live survey with its candidates in ranking order."""

    survey: Survey
    officer: str | None
    ranked: tuple[RankedCandidate, ...]
    products: dict[str, CandidateProduct]
    assessed: dict[str, AssessedLevels]

    @property
    def place(self) -> tuple[CellValue, ...]:
        s = self.survey
        return (s.village_code, s.regency_name, s.district_name, s.village_name)

    @property
    def recommended(self) -> RankedCandidate | None:
        """The officer's choice, else rank 1 (as VillageRanking.recommended)."""
        chosen = self.survey.recommended_product_id
        for entry in self.ranked:
            if (chosen is None and entry.rank == 1) or (
                chosen is not None and entry.candidate.product_id == str(chosen)
            ):
                return entry
        return None


def _villages(db: Database, rubric: Rubric) -> list[_Village]:
    with db.session() as session:
        surveys = session.execute(
            select(Survey, Officer.name)
            .outerjoin(Officer, Officer.id == Survey.officer_id)
            .where(Survey.deleted_at.is_(None))
            .order_by(
                Survey.regency_name,
                Survey.district_name,
                Survey.village_name,
                Survey.survey_date,
                Survey.id,
            )
        ).all()
        products = session.scalars(
            select(CandidateProduct)
            .join(Survey, Survey.id == CandidateProduct.survey_id)
            .where(CandidateProduct.deleted_at.is_(None), Survey.deleted_at.is_(None))
            .order_by(CandidateProduct.created_at, CandidateProduct.id)
        ).all()
        assessed = assessed_levels(session, rubric, None)
    by_survey: dict[uuid.UUID, list[CandidateProduct]] = defaultdict(list)
    for product in products:
        by_survey[product.survey_id].append(product)
    villages = []
    for survey, officer in surveys:
        own = by_survey.get(survey.id, [])
        ranked = rank_candidates(
            rubric,
            [
                CandidateInput(
                    str(p.id), p.name, p.category, assessed[p.id].levels if p.id in assessed else {}
                )
                for p in own
            ],
        )
        villages.append(
            _Village(
                survey,
                officer,
                tuple(ranked),
                {str(p.id): p for p in own},
                {str(p.id): assessed[p.id] for p in own if p.id in assessed},
            )
        )
    return villages


def _category_name(rubric: Rubric, category_id: str) -> str:
    try:
        return rubric.category(category_id).name_id
    except KeyError:
        return category_id


def _survey_table(villages: Sequence[_Village]) -> Table:
    columns = (
        *PLACE_COLUMNS,
        Column("Dusun/RT"),
        Column("Tanggal survei", Kind.DATE, 12),
        Column("Petugas"),
        Column("Status"),
        Column("Lintang", Kind.COORDINATE, 11),
        Column("Bujur", Kind.COORDINATE, 11),
        Column("Jumlah penduduk", Kind.COUNT),
        Column("Jumlah KK", Kind.COUNT),
        Column("Mata pencaharian utama"),
        Column("Akses jalan"),
        Column("Listrik"),
        Column("Sinyal seluler"),
        Column("Jumlah koperasi", Kind.COUNT),
        Column("BUMDes", Kind.FLAG),
        Column("Jumlah UMKM", Kind.COUNT),
        Column("Jumlah produk kandidat", Kind.COUNT),
        Column("Produk rekomendasi"),
        Column("Total skor produk rekomendasi", Kind.TOTAL),
        Column("Bintang produk rekomendasi", Kind.COUNT),
        Column("Catatan"),
    )
    rows = []
    for village in villages:
        s, top = village.survey, village.recommended
        rows.append(
            (
                *village.place,
                s.hamlet,
                s.survey_date,
                village.officer,
                SURVEY_STATUS.get(s.status, s.status),
                s.latitude,
                s.longitude,
                s.population,
                s.households,
                s.main_livelihoods,
                s.road_access,
                s.electricity,
                s.mobile_signal,
                s.cooperatives_count,
                s.has_bumdes,
                s.umkm_count,
                len(village.ranked),
                top.candidate.name if top else None,
                top.score.total if top else None,
                top.score.stars if top else None,
                s.notes,
            )
        )
    return Table("Survei", columns, rows)


def _product_table(rubric: Rubric, villages: Sequence[_Village]) -> Table:
    columns = (
        *PLACE_COLUMNS,
        Column("Tanggal survei", Kind.DATE, 12),
        Column("Nama produk"),
        Column("Kategori"),
        Column("Unit usaha", Kind.COUNT),
        Column("Unit usaha dalam kelompok/koperasi", Kind.COUNT),
        Column("Tenaga kerja", Kind.COUNT),
        Column("Produksi per bulan", Kind.QUANTITY),
        Column("Satuan"),
        Column("Harga satuan (Rp)", Kind.RUPIAH),
        Column("Bahan baku lokal (%)", Kind.PERCENT),
        Column("Jangkauan pasar"),
        *(Column(label, Kind.FLAG, 8) for label, _ in PERMITS),
        Column("Deskripsi", width=40),
        Column("Cerita produk", width=40),
    )
    rows = []
    for village in villages:
        for entry in village.ranked:
            p = village.products[entry.candidate.product_id]
            rows.append(
                (
                    *village.place,
                    village.survey.survey_date,
                    p.name,
                    _category_name(rubric, p.category),
                    p.producer_units,
                    p.producer_units_grouped,
                    p.workers,
                    p.monthly_production,
                    p.production_unit,
                    p.unit_price_idr,
                    p.local_material_pct,
                    MARKET_REACH_LABELS.get(p.market_reach or "", p.market_reach),
                    *(bool(getattr(p, field)) for _, field in PERMITS),
                    p.description,
                    p.story,
                )
            )
    return Table("Produk", columns, rows)


def _assessment_status(assessed: AssessedLevels | None) -> str:
    if assessed is None:
        return "Belum dinilai"
    return "Final" if assessed.final else "Draf"


def _assessment_table(rubric: Rubric, villages: Sequence[_Village]) -> Table:
    columns = (
        *PLACE_COLUMNS,
        Column("Nama produk"),
        Column("Kategori"),
        *(
            Column(c.id, Kind.COUNT, 6, note=f"{c.name_id} (bobot {c.weight})")
            for c in rubric.criteria
        ),
        Column("Total skor", Kind.TOTAL),
        Column("Bintang", Kind.COUNT),
        Column("Dibatasi syarat", width=40),
        Column("Status penilaian"),
        Column("Jumlah penilai", Kind.COUNT),
        Column("Rubrik"),
        Column("Versi rubrik", Kind.COUNT),
    )
    rows = []
    for village in villages:
        for entry in village.ranked:
            assessed = village.assessed.get(entry.candidate.product_id)
            result = entry.score
            rows.append(
                (
                    *village.place,
                    entry.candidate.name,
                    _category_name(rubric, entry.candidate.category),
                    *(result.levels.get(cid) for cid in rubric.criterion_ids),
                    result.total,
                    result.stars,
                    result.capped_by.gate.reason_id if result.capped_by else None,
                    _assessment_status(assessed),
                    len(assessed.assessment_ids) if assessed else 0,
                    rubric.name,
                    rubric.version,
                )
            )
    return Table("Penilaian", columns, rows)


def _ranking_table(rubric: Rubric, villages: Sequence[_Village]) -> Table:
    columns = (
        *PLACE_COLUMNS,
        Column("Tanggal survei", Kind.DATE, 12),
        Column("Peringkat", Kind.COUNT, 10),
        Column("Nama produk"),
        Column("Kategori"),
        Column("Total skor", Kind.TOTAL),
        Column("Bintang", Kind.COUNT),
        Column("Produk rekomendasi", Kind.FLAG),
        Column("Keterangan", width=50),
    )
    rows = []
    for village in villages:
        recommended = village.recommended
        for entry in village.ranked:
            if entry.rank is None:
                remark: str | None = "Belum dinilai lengkap"
            else:
                remark = entry.tie_break.describe_id() if entry.tie_break else None
            rows.append(
                (
                    *village.place,
                    village.survey.survey_date,
                    entry.rank,
                    entry.candidate.name,
                    _category_name(rubric, entry.candidate.category),
                    entry.score.total,
                    entry.score.stars,
                    entry is recommended,
                    remark,
                )
            )
    return Table("Peringkat", columns, rows)


def spreadsheet_tables(db: Database, rubric: Rubric) -> list[Table]:
    """The four tables of an export: Survei, Produk, Penilaian and Peringkat."""
    villages = _villages(db, rubric)
    return [
        _survey_table(villages),
        _product_table(rubric, villages),
        _assessment_table(rubric, villages),
        _ranking_table(rubric, villages),
    ]


@contextmanager
def writing_to(target: Path) -> Iterator[None]:
    """Turn a refused write (the file open in Excel) into a message the person can act on."""
    try:
        yield
    except PermissionError as exc:
        raise StorageError(
            f"Berkas {target.name} tidak dapat ditulis; mungkin sedang dibuka di Excel. "
            "Tutup berkas itu atau pilih nama lain, lalu coba lagi.",
            f"{target.name} cannot be written; it may be open in Excel. Close it or choose "
            "another name, then try again.",
        ) from exc


def export_xlsx(db: Database, rubric: Rubric, target: Path) -> Path:
    """Write the four tables as sheets of one workbook, replacing `target` atomically."""
    # Write-only: tens of thousands of rows stream to disk instead of filling memory.
    workbook = Workbook(write_only=True)
    workbook.properties.creator = "OVOP Desktop"
    workbook.properties.title = f"Survei OVOP, rubrik {rubric.name} versi {rubric.version}"
    for table in spreadsheet_tables(db, rubric):
        add_table_sheet(workbook, table)
    with writing_to(target):
        return save_workbook(workbook, target)


CSV_NAMES = {title: f"{title.lower()}.csv" for title in SHEETS}


def export_csv(db: Database, rubric: Rubric, folder: Path, *, delimiter: str = ",") -> list[Path]:
    """Write the four tables as CSV files in `folder`. `delimiter=";"` suits Excel set to
    Indonesian, which also reads decimal commas and dd/mm/yyyy dates (see csv_text)."""
    if delimiter not in (",", ";"):
        raise ValueError(f"delimiter must be ',' or ';', not {delimiter!r}")
    written = []
    for table in spreadsheet_tables(db, rubric):
        target = folder / CSV_NAMES[table.title]
        with writing_to(target):
            written.append(write_csv(table, target, delimiter=delimiter))
    return written
