"""What a recommendation letter prints: plain data, built by the letters service, rendered by
reports.letter. Nothing here reads the database or knows Qt."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from ovop_desktop.reports.map_data import LocatorMap

Paper = Literal["A4", "F4"]  # F4 (Folio) is 215 × 330 mm


@dataclass(frozen=True)
class Letterhead:
    government: str  # "PEMERINTAH PROVINSI KALIMANTAN SELATAN"
    agency: str  # "DINAS KOPERASI DAN USAHA KECIL MENENGAH"
    address_lines: tuple[str, ...]  # address; telephone, website, e-mail (smaller)
    logo_png: bytes | None = None


@dataclass(frozen=True)
class Signatory:
    position: str  # "Kepala Dinas"
    name: str
    rank: str  # pangkat/golongan, "Pembina Utama Muda (IV/c)"
    nip: str
    delegation: tuple[str, ...] = ()  # lines above the position: ("a.n. Kepala Dinas",) ...


@dataclass(frozen=True)
class CriterionLine:
    id: str  # "C7"
    name: str
    group: str  # "C"
    weight: int
    level: int | None  # None: belum dinilai
    descriptor: str  # the descriptor of the chosen level ("" when not assessed)
    points: Decimal | None
    note: str | None


@dataclass(frozen=True)
class CandidateSheet:
    """One assessment sheet of the attachment (lampiran)."""

    product_name: str
    category: str  # display name of the category
    village_rank: int | None
    total: Decimal | None
    stars: int | None
    band_meaning: str  # what the stars mean ("unggulan provinsi; ...")
    gate_message: str | None  # why the stars were lowered, in plain words
    group_subtotals: tuple[tuple[str, Decimal], ...]  # ("A · Produksi & komunitas", 26.00)
    criteria: tuple[CriterionLine, ...]
    assessors: str  # "Rahmah Hidayati (final)" or "median of 2 final assessments"
    photo_jpeg: bytes | None = None
    story: str | None = None
    # The stars the total alone would give, when a gate lowered them (gate_message says why):
    # the letter then says "bintang diturunkan dari 4 menjadi 3 karena …".
    stars_before_gate: int | None = None


@dataclass(frozen=True)
class LetterData:
    paper: Paper
    letterhead: Letterhead
    place: str  # "Banjarbaru"
    issued_on: date
    number: str  # "500.2/123/DKUKM/XI/2026"
    sifat: str  # "Biasa"
    lampiran: str  # "1 (satu) berkas"
    hal: str  # "Rekomendasi Produk Unggulan OVOP Desa Benua Lawas"
    addressee: str  # "Bupati Tanah Laut"
    addressee_place: str  # "Pelaihari"
    village: str
    district: str
    regency: str
    survey_date: date
    officer_name: str
    officer_nip: str | None
    candidates: tuple[CandidateSheet, ...]  # in rank order
    recommended: str  # the recommended product's name
    recommended_total: Decimal
    recommended_stars: int
    rubric_name: str
    rubric_version: int
    rubric_hash: str
    max_stars: int  # the top of the rubric's star scale: how many stars a rating is drawn out of
    justification: str | None  # when the recommendation is not rank 1
    coaching: tuple[str, ...]  # advice lines from the weakest criteria
    signatory: Signatory
    tembusan: tuple[str, ...] = field(default_factory=tuple)
    verification_code: str = ""  # short code printed with the QR code
    verification_payload: str = ""  # what the QR code encodes
    # A preview of unfinished work: every page carries a DRAF watermark, and it has no number
    # (reports draws the mark; services.letters decides when a letter is a draft).
    draft: bool = False
    locator: LocatorMap | None = None  # the village on its kabupaten's outline (attachment)
