"""Designation: the province records a village's (desa/kelurahan) or kecamatan's designated OVOP
product with the date, the basis of the decision and the decree (SK) number, revokes it with a
reason (the record stays), and prints the designations of a kabupaten/kota as a summary.

At most one designation of a region is live at a time: the service says so in plain words, and
a partial unique index refuses a second one even if two requests race.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ovop_desktop.core.regions import VILLAGE_LEVELS, RegionLevel, lies_in
from ovop_desktop.core.regions import regency_code as regency_of
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import CandidateProduct, Designation, Region, Survey, utc_now
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError, NotFoundError
from ovop_desktop.services.regions import region_hit, with_parents

DESIGNABLE_LEVELS = (*VILLAGE_LEVELS, RegionLevel.KECAMATAN)
EARLIEST_DECISION = date(2000, 1, 1)  # anything older is a mistyped year
# The basis is a summary for the table of the printed summary (the full text is in the decree);
# a row longer than this would not fit on a page beside the signature.
BASIS_MAX = 600
DECREE_MAX = 100
NAME_MAX = 200


@dataclass(frozen=True)
class DesignationInput:
    """What a person fills in. With `product_id` the name and category come from the surveyed
    candidate; without it both are typed (or picked) here."""

    region_code: str
    decided_on: date | None
    basis: str
    decree_number: str
    product_id: uuid.UUID | None = None
    product_name: str = ""
    category: str = ""


@dataclass(frozen=True)
class DesignationRow:
    designation_id: uuid.UUID
    region_code: str
    level: str  # desa, kelurahan, desa adat or kecamatan
    regency_code: str
    regency: str
    district: str
    village: str | None  # None: the whole kecamatan
    product_id: uuid.UUID | None
    product_name: str
    category: str  # category id, as candidate products store it
    decided_on: date
    basis: str
    decree_number: str
    created_at: datetime
    revoked_at: datetime | None
    revoked_reason: str | None

    @property
    def place(self) -> str:
        return self.village or self.district


@dataclass(frozen=True)
class RegionCandidate:
    """A live candidate product surveyed in a region, to pick as the designated product."""

    product_id: uuid.UUID
    name: str
    category: str
    village: str
    survey_date: date


def _text(value: str | None) -> str:
    return " ".join((value or "").split())


def _region(session: Session, code: str) -> Region:
    region = session.get(Region, code.strip())
    if region is None or region.level not in DESIGNABLE_LEVELS:
        raise InvalidInputError(
            "Pilih desa/kelurahan atau kecamatan dari daftar wilayah.",
            "Choose a village or a district from the region list.",
            field="region_code",
        )
    return region


def _in_region(region: Region, village_code: str) -> bool:
    return lies_in(village_code, region.code)


def _check_decision(data: DesignationInput, today: date) -> None:
    if data.decided_on is None:
        raise InvalidInputError(
            "Tanggal penetapan wajib diisi.",
            "The date of designation is required.",
            field="decided_on",
        )
    if data.decided_on > today:
        raise InvalidInputError(
            "Tanggal penetapan tidak boleh setelah hari ini.",
            "The date of designation cannot be later than today.",
            field="decided_on",
        )
    if data.decided_on < EARLIEST_DECISION:
        raise InvalidInputError(
            "Tanggal penetapan sebelum tahun 2000; periksa tahunnya.",
            "The date of designation is before 2000; check the year.",
            field="decided_on",
        )
    if not _text(data.basis):
        raise InvalidInputError(
            "Dasar keputusan wajib diisi, mis. hasil penilaian dan berita acara rapat tim.",
            "The decision basis is required, e.g. the assessment and the team meeting minutes.",
            field="basis",
        )
    if len(data.basis.strip()) > BASIS_MAX:
        raise InvalidInputError(
            f"Dasar keputusan paling panjang {BASIS_MAX} huruf: tulis ringkasannya, isi "
            "lengkapnya ada dalam SK.",
            f"The decision basis can be at most {BASIS_MAX} characters: write a summary, the "
            "full text is in the decree.",
            field="basis",
        )
    if not _text(data.decree_number):
        raise InvalidInputError(
            "Nomor SK penetapan wajib diisi.",
            "The decree (SK) number is required.",
            field="decree_number",
        )
    if len(_text(data.decree_number)) > DECREE_MAX:
        raise InvalidInputError(
            f"Nomor SK paling panjang {DECREE_MAX} huruf.",
            f"The decree number can be at most {DECREE_MAX} characters.",
            field="decree_number",
        )


def _check_typed_product(data: DesignationInput, categories: frozenset[str]) -> None:
    if data.product_id is not None:
        return
    if not _text(data.product_name):
        raise InvalidInputError(
            "Pilih produk kandidat atau tulis nama produk yang ditetapkan.",
            "Choose a candidate product or type the designated product's name.",
            field="product_name",
        )
    if len(_text(data.product_name)) > NAME_MAX:
        raise InvalidInputError(
            f"Nama produk paling panjang {NAME_MAX} huruf.",
            f"The product name can be at most {NAME_MAX} characters.",
            field="product_name",
        )
    if data.category not in categories:
        raise InvalidInputError(
            "Pilih kategori produk dari daftar.",
            "Choose the product category from the list.",
            field="category",
        )


def _live(session: Session, region_code: str) -> Designation | None:
    return session.scalar(
        select(Designation).where(
            Designation.region_code == region_code, Designation.revoked_at.is_(None)
        )
    )


def _already_designated(region: Region, live: Designation) -> InvalidInputError:
    return InvalidInputError(
        f"{region.name} sudah memiliki produk OVOP yang ditetapkan ({live.product_name}, SK "
        f"{live.decree_number}). Cabut penetapan itu lebih dulu bila akan diganti.",
        f"{region.name} already has a designated OVOP product ({live.product_name}, decree "
        f"{live.decree_number}). Revoke that designation first to replace it.",
        field="region_code",
    )


def designate(
    db: Database, data: DesignationInput, rubric: Rubric, *, today: date | None = None
) -> uuid.UUID:
    """Record the designated product of a village or kecamatan; its id.

    Checked in the order of the form: the region (and that it has no live designation), the
    product, then the date, basis and decree number.
    """
    try:
        with db.session() as session:
            region = _region(session, data.region_code)
            live = _live(session, region.code)
            if live is not None:
                raise _already_designated(region, live)
            _check_typed_product(data, frozenset(c.id for c in rubric.categories))
            name, category = _text(data.product_name), data.category
            if data.product_id is not None:
                name, category = _product(session, region, data.product_id)
            _check_decision(data, today or date.today())
            assert data.decided_on is not None  # checked above
            now = utc_now()
            designation = Designation(
                region_code=region.code,
                product_id=data.product_id,
                product_name=name,
                category=category,
                decided_on=data.decided_on,
                basis=data.basis.strip(),
                decree_number=_text(data.decree_number),
                created_at=now,
                updated_at=now,
            )
            session.add(designation)
            session.flush()
            return designation.id
    except IntegrityError as exc:  # another designation of the region was saved meanwhile
        with db.session() as session:
            region = _region(session, data.region_code)
            live = _live(session, region.code)
        if live is None:
            raise
        raise _already_designated(region, live) from exc


def _product(session: Session, region: Region, product_id: uuid.UUID) -> tuple[str, str]:
    row = session.execute(
        select(CandidateProduct.name, CandidateProduct.category, Survey.village_code)
        .join(Survey, Survey.id == CandidateProduct.survey_id)
        .where(
            CandidateProduct.id == product_id,
            CandidateProduct.deleted_at.is_(None),
            Survey.deleted_at.is_(None),
        )
    ).first()
    if row is None or not _in_region(region, row[2]):
        raise InvalidInputError(
            f"Produk itu bukan produk kandidat yang disurvei di {region.name}.",
            f"That product is not a candidate surveyed in {region.name}.",
            field="product_id",
        )
    return row[0], row[1]


def revoke_designation(db: Database, designation_id: uuid.UUID, reason: str) -> None:
    """Revoke a designation; it stays on record with the reason, and the region is free for a
    new one."""
    reason = reason.strip()
    if not reason:
        raise InvalidInputError(
            "Tulis alasan pencabutan penetapan.",
            "Write why the designation is revoked.",
            field="reason",
        )
    with db.session() as session:
        designation = session.get(Designation, designation_id)
        if designation is None:
            raise NotFoundError("Penetapan tidak ditemukan.", "Designation not found.")
        if designation.revoked_at is not None:
            raise InvalidInputError(
                "Penetapan ini sudah dicabut.", "This designation is already revoked."
            )
        designation.revoked_at = designation.updated_at = utc_now()
        designation.revoked_reason = reason


def list_designations(
    db: Database, regency_code: str | None = None, *, include_revoked: bool = False
) -> list[DesignationRow]:
    """The designations (of one kabupaten/kota when given), by regency, district and village;
    revoked ones only when asked, after the live one of their region."""
    statement = with_parents(Designation).join(Designation, Designation.region_code == Region.code)
    if regency_code is not None:
        statement = statement.where(
            Designation.region_code.startswith(regency_code + ".", autoescape=True)
        )
    if not include_revoked:
        statement = statement.where(Designation.revoked_at.is_(None))
    with db.session() as session:
        found = session.execute(statement).all()
    rows = []
    for *place, designation in found:
        region = region_hit(*place)
        if region.level == RegionLevel.KECAMATAN:
            # A designated kecamatan's own name is the district.
            regency, district, village = region.regency or "", region.name, None
        else:
            regency, district, village = region.regency or "", region.district or "", region.name
        rows.append(
            DesignationRow(
                designation_id=designation.id,
                region_code=designation.region_code,
                level=region.level,
                regency_code=regency_of(designation.region_code),
                regency=regency,
                district=district,
                village=village,
                product_id=designation.product_id,
                product_name=designation.product_name,
                category=designation.category,
                decided_on=designation.decided_on,
                basis=designation.basis,
                decree_number=designation.decree_number,
                created_at=designation.created_at,
                revoked_at=designation.revoked_at,
                revoked_reason=designation.revoked_reason,
            )
        )
    rows.sort(
        key=lambda r: (
            r.regency_code,
            r.district.casefold(),
            (r.village or "").casefold(),
            r.revoked_at is not None,
            -(r.revoked_at.timestamp() if r.revoked_at else 0.0),
        )
    )
    return rows


def region_candidates(db: Database, region_code: str) -> list[RegionCandidate]:
    """The live candidate products surveyed in a village, or in the villages of a kecamatan,
    by village and name: what the designation dialog offers to pick."""
    code = region_code.strip()
    with db.session() as session:
        rows = session.execute(
            select(
                CandidateProduct.id,
                CandidateProduct.name,
                CandidateProduct.category,
                Survey.village_name,
                Survey.survey_date,
            )
            .join(Survey, Survey.id == CandidateProduct.survey_id)
            .where(
                CandidateProduct.deleted_at.is_(None),
                Survey.deleted_at.is_(None),
                or_(
                    Survey.village_code == code,
                    Survey.village_code.startswith(code + ".", autoescape=True),
                ),
            )
            .order_by(Survey.village_name, CandidateProduct.name, Survey.survey_date.desc())
        ).all()
    return [RegionCandidate(*row) for row in rows]
