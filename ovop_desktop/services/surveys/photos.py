"""Photos of surveys, candidate products and assessments: downscaled, stored once by hash.

A photo is read from the officer's file (never changed), turned upright, downscaled and encoded
as a JPEG without metadata, then stored under its SHA-256 in the data directory; the database
keeps only its description. Every stored photo is a JPEG, transparent areas of a PNG become white:
one format keeps storage, the export package and the printed reports simple.
"""

from __future__ import annotations

import contextlib
import io
import math
import re
import struct
import uuid
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from hashlib import sha256
from pathlib import Path
from typing import Any

from PIL import ExifTags, Image, UnidentifiedImageError
from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from ovop_desktop.db.models import (
    Assessment,
    Attachment,
    AuditEntry,
    CandidateProduct,
    Survey,
    SyncRecord,
    utc_now,
)
from ovop_desktop.files import atomic_write
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError, NotFoundError, StorageError

# Kalimantan Selatan's time zone: a camera's clock without an offset is taken to be local time.
WITA = timezone(timedelta(hours=8), "WITA")
JPEG_QUALITY = 88
MEDIA_TYPE = "image/jpeg"
# 120 megapixels: room for the 108-MP mode of common mid-range phones, not for a forged header
# that would need gigabytes to decode (Pillow's own limit stops anything above ~179 MP).
MAX_PHOTO_PIXELS = 120_000_000
MAX_SOURCE_BYTES = 200 * 1024 * 1024
_FORMATS = ("JPEG", "PNG", "WEBP", "AVIF", "TIFF", "BMP", "GIF")
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1")
# Pillow's decoders report damaged data in several ways.
_DAMAGED = (OSError, ValueError, EOFError, SyntaxError, IndexError, struct.error)
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


@dataclass(frozen=True)
class PhotoLocation:
    """Where and when a photo was taken, from its EXIF data (decimal degrees, aware time)."""

    latitude: float
    longitude: float
    taken_at: datetime | None


@dataclass(frozen=True)
class PhotoInfo:
    attachment_id: uuid.UUID
    sha256: str
    path: Path
    width: int | None
    height: int | None
    taken_at: datetime | None
    original_name: str | None
    caption: str | None
    criterion_id: str | None = None


def photo_file(paths: AppPaths, sha256: str) -> Path:
    """Where the photo with this hash lives: ``lampiran/ab/ab12….jpg``."""
    return paths.attachments_dir / sha256[:2] / f"{sha256}.jpg"


# --- Reading ----------------------------------------------------------------------------------


def _not_a_photo(data: bytes) -> InvalidInputError:
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return InvalidInputError(
            "Foto HEIC/HEIF (format iPhone) belum dapat dibaca. Simpan ulang sebagai JPEG, atau "
            "di iPhone pilih Pengaturan › Kamera › Format › Paling Kompatibel.",
            "HEIC/HEIF photos (the iPhone format) cannot be read yet. Save it again as JPEG, or "
            "on the iPhone choose Settings › Camera › Formats › Most Compatible.",
            field="source",
        )
    return InvalidInputError(
        "Berkas ini bukan foto yang dapat dibaca. Pilih foto JPEG, PNG atau WebP.",
        "This file is not a readable photo. Choose a JPEG, PNG or WebP photo.",
        field="source",
    )


def _damaged() -> InvalidInputError:
    return InvalidInputError(
        "Berkas foto ini rusak atau terpotong (mungkin belum selesai disalin). Salin ulang dari "
        "kamera atau ponsel, lalu coba lagi.",
        "This photo file is damaged or incomplete (perhaps it was not fully copied). Copy it "
        "again from the camera or phone and try again.",
        field="source",
    )


def _too_big(pixels: int | None = None) -> InvalidInputError:
    size = f" ({pixels / 1e6:.0f} megapiksel)" if pixels else ""
    size_en = f" ({pixels / 1e6:.0f} megapixels)" if pixels else ""
    limit = MAX_PHOTO_PIXELS // 1_000_000
    return InvalidInputError(
        f"Foto ini terlalu besar{size}; paling besar {limit} megapiksel. Perkecil dulu "
        "ukurannya, atau potret dengan resolusi kamera yang lebih kecil.",
        f"This photo is too large{size_en}; at most {limit} megapixels. Make it smaller "
        "first, or take it at a lower camera resolution.",
        field="source",
    )


def _open(data: bytes) -> Image.Image:
    """Identify the image (reading its header only) and refuse what must not be decoded."""
    try:
        image = Image.open(io.BytesIO(data), formats=_FORMATS)
    except Image.DecompressionBombError:
        raise _too_big() from None
    except UnidentifiedImageError:
        raise _not_a_photo(data) from None
    except _DAMAGED:
        raise _damaged() from None
    pixels = image.width * image.height
    if pixels > MAX_PHOTO_PIXELS:
        image.close()
        raise _too_big(pixels)
    return image


@contextlib.contextmanager
def _quiet_pillow() -> Iterator[None]:
    # Pillow warns about imperfect metadata (useless to an officer, and errors under pytest);
    # its decompression-bomb warning is replaced by MAX_PHOTO_PIXELS.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        yield


def _read_source(source: Path) -> bytes:
    try:
        size = source.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise InvalidInputError(
                f"Berkas {source.name} terlalu besar ({size // (1024 * 1024)} MB; paling besar "
                f"{MAX_SOURCE_BYTES // (1024 * 1024)} MB).",
                f"The file {source.name} is too large ({size // (1024 * 1024)} MB; at most "
                f"{MAX_SOURCE_BYTES // (1024 * 1024)} MB).",
                field="source",
            )
        return source.read_bytes()
    except OSError as exc:
        raise InvalidInputError(
            f"Berkas {source.name} tidak dapat dibuka. Periksa apakah berkas masih ada (flashdisk "
            f"atau kartu memori masih terpasang) dan tidak dikunci program lain. ({exc.strerror})",
            f"The file {source.name} cannot be opened. Check that it still exists (the USB stick "
            f"or memory card is still plugged in) and is not locked by another program. "
            f"({exc.strerror})",
            field="source",
        ) from exc


def _text(value: Any) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("ascii", "ignore")
    return value.strip("\x00 ") if isinstance(value, str) else None


def _gps_degrees(value: Any, ref: Any, refs: str, limit: float) -> float | None:
    """EXIF (degrees, minutes, seconds) rationals and an N/S or E/W reference → signed degrees.

    Without a reference the hemisphere is unknown: no value rather than a guess that would put
    a Kalimantan village in Sabah.
    """
    letter = (_text(ref) or "").upper()[:1]
    if not letter or letter not in refs:
        return None
    parts = value if isinstance(value, tuple | list) else (value,)
    try:
        numbers = [abs(float(part)) for part in parts[:3]]
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    if not numbers or not all(math.isfinite(n) for n in numbers):
        return None
    degrees = sum(n / 60.0**i for i, n in enumerate(numbers))
    if degrees > limit:
        return None
    return -degrees if letter == refs[1] and degrees else degrees


_EXIF_TIME = re.compile(
    r"([0-9]{4})[:-]([0-9]{2})[:-]([0-9]{2})[ T]([0-9]{2}):([0-9]{2}):([0-9]{2})"
)
_EXIF_OFFSET = re.compile(r"([+-])([0-9]{2}):?([0-9]{2})")


def _exif_time(value: Any, offset: Any) -> datetime | None:
    match = _EXIF_TIME.fullmatch(_text(value) or "")
    if match is None:
        return None
    tz = WITA
    offset_match = _EXIF_OFFSET.fullmatch(_text(offset) or "")
    if offset_match is not None:
        sign, hours, minutes = offset_match.groups()
        delta = timedelta(hours=int(hours), minutes=int(minutes))
        if delta <= timedelta(hours=14):
            tz = timezone(-delta if sign == "-" else delta)
    year, month, day, hour, minute, second = (int(part) for part in match.groups())
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except ValueError:  # "0000:00:00 00:00:00" and other impossible dates
        return None


@dataclass(frozen=True)
class _Metadata:
    location: tuple[float, float] | None = None
    taken_at: datetime | None = None
    orientation: int = 1


def _metadata(image: Image.Image) -> _Metadata:
    """GPS position, time taken and orientation; broken metadata counts as none, never as a
    reason to refuse the photo."""
    try:
        exif = image.getexif()
        orientation = exif.get(ExifTags.Base.Orientation, 1)
        details = exif.get_ifd(ExifTags.IFD.Exif)
        taken_at = _exif_time(
            details.get(ExifTags.Base.DateTimeOriginal),
            details.get(ExifTags.Base.OffsetTimeOriginal),
        ) or _exif_time(
            details.get(ExifTags.Base.DateTimeDigitized),
            details.get(ExifTags.Base.OffsetTimeDigitized),
        )
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
        latitude = _gps_degrees(
            gps.get(ExifTags.GPS.GPSLatitude), gps.get(ExifTags.GPS.GPSLatitudeRef), "NS", 90
        )
        longitude = _gps_degrees(
            gps.get(ExifTags.GPS.GPSLongitude), gps.get(ExifTags.GPS.GPSLongitudeRef), "EW", 180
        )
    except Exception:  # any fault in optional metadata means "no metadata"
        return _Metadata()
    location = None
    if latitude is not None and longitude is not None and (latitude, longitude) != (0, 0):
        location = (latitude, longitude)  # 0,0 is what some phones write without a GPS fix
    return _Metadata(location, taken_at, orientation if orientation in _TRANSPOSE else 1)


def read_photo_location(path: Path) -> PhotoLocation | None:
    """The GPS position (and time) stored in a photo by the phone or camera; None without GPS.

    Only the file's header is read; the file is not changed.
    """
    data = _read_source(path)
    with _quiet_pillow(), _open(data) as image:
        metadata = _metadata(image)
    if metadata.location is None:
        return None
    return PhotoLocation(*metadata.location, taken_at=metadata.taken_at)


# --- Preparing and storing --------------------------------------------------------------------


@dataclass(frozen=True)
class _Prepared:
    data: bytes
    width: int
    height: int
    taken_at: datetime | None


def _for_jpeg(image: Image.Image) -> Image.Image:
    """An image JPEG can hold: RGB or greyscale, transparent areas on white."""
    if image.mode in ("RGB", "L"):
        return image
    if image.mode == "P" or image.mode == "PA":
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "RGBa", "La"):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    if image.mode.startswith("I;16"):  # 16-bit greyscale scans
        return image.convert("I").point(lambda v: v * (1 / 257)).convert("L")
    if image.mode == "1":
        return image.convert("L")
    return image.convert("RGB")


def _prepare(data: bytes, longest_side: int) -> _Prepared:
    with _quiet_pillow(), _open(data) as image:
        metadata = _metadata(image)
        source_mode = image.mode
        icc_profile = image.info.get("icc_profile")
        try:
            # A square box gives the same result before or after turning the image upright;
            # before lets a JPEG be decoded at a reduced scale (far less memory).
            image.thumbnail((longest_side, longest_side), Image.Resampling.LANCZOS)
            upright = image
            if metadata.orientation in _TRANSPOSE:
                upright = image.transpose(_TRANSPOSE[metadata.orientation])
            result = _for_jpeg(upright)
            # Colour profiles stay when the colours were not converted (phones' Display P3).
            keep_profile = (source_mode, result.mode) in {
                ("RGB", "RGB"),
                ("RGBA", "RGB"),
                ("L", "L"),
            }
            result.info = {}  # no EXIF, XMP or comment: privacy, and orientation is applied
            options: dict[str, Any] = {"quality": JPEG_QUALITY, "optimize": True}
            if keep_profile and icc_profile:
                options["icc_profile"] = icc_profile
            out = io.BytesIO()
            result.save(out, "JPEG", **options)
        except (MemoryError, Image.DecompressionBombError):
            raise _too_big(image.width * image.height) from None
        except _DAMAGED:
            raise _damaged() from None
    return _Prepared(out.getvalue(), result.width, result.height, metadata.taken_at)


def _store(paths: AppPaths, digest: str, data: bytes) -> Path:
    """Write `data` under its hash, atomically; an intact copy already there is kept."""
    target = photo_file(paths, digest)
    try:
        if target.is_file() and sha256(target.read_bytes()).hexdigest() == digest:
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, data)
    except OSError as exc:
        raise StorageError(
            "Foto tidak dapat disimpan ke folder data. Periksa ruang kosong disk dan izin "
            f"menulis di {paths.attachments_dir}, lalu coba lagi. ({exc.strerror or exc})",
            "The photo could not be saved to the data folder. Check the free disk space and "
            f"write permission of {paths.attachments_dir}, then try again. "
            f"({exc.strerror or exc})",
        ) from exc
    return target


# --- Records ----------------------------------------------------------------------------------


def _check_owner(
    survey_id: uuid.UUID | None,
    product_id: uuid.UUID | None,
    assessment_id: uuid.UUID | None,
    criterion_id: str | None,
) -> None:
    if sum(owner is not None for owner in (survey_id, product_id, assessment_id)) != 1:
        raise ValueError("a photo belongs to exactly one survey, product or assessment")
    if criterion_id is not None and assessment_id is None:
        raise ValueError("criterion_id needs assessment_id")
    if criterion_id is not None and not 0 < len(criterion_id) <= 20:
        raise ValueError(f"criterion_id {criterion_id!r} is not a rubric criterion id")


def _require_owner(
    session: Session,
    survey_id: uuid.UUID | None,
    product_id: uuid.UUID | None,
    assessment_id: uuid.UUID | None,
) -> None:
    owners: tuple[tuple[type[SyncRecord], uuid.UUID | None, str, str], ...] = (
        (Survey, survey_id, "Survei", "Survey"),
        (CandidateProduct, product_id, "Produk kandidat", "Candidate product"),
        (Assessment, assessment_id, "Penilaian", "Assessment"),
    )
    for model, record_id, name_id, name_en in owners:
        if record_id is None:
            continue
        record = session.get(model, record_id)
        if record is None or record.deleted_at is not None:
            raise NotFoundError(f"{name_id} tidak ditemukan.", f"{name_en} not found.")


def _same(column: Any, value: Any) -> ColumnElement[bool]:
    return column.is_(None) if value is None else column == value  # type: ignore[no-any-return]


def _info(paths: AppPaths, record: Attachment) -> PhotoInfo:
    return PhotoInfo(
        attachment_id=record.id,
        sha256=record.sha256,
        path=photo_file(paths, record.sha256),
        width=record.width,
        height=record.height,
        taken_at=record.taken_at,
        original_name=record.original_name,
        caption=record.caption,
        criterion_id=record.criterion_id,
    )


def add_photo(
    db: Database,
    paths: AppPaths,
    source: Path,
    *,
    longest_side: int = 1600,
    survey_id: uuid.UUID | None = None,
    product_id: uuid.UUID | None = None,
    assessment_id: uuid.UUID | None = None,
    criterion_id: str | None = None,
    caption: str | None = None,
    device_id: uuid.UUID | None = None,
    reason: str | None = None,
    officer_id: uuid.UUID | None = None,
) -> PhotoInfo:
    """Attach a photo to one survey, product or assessment (optionally one of its criteria).

    The same picture added again to the same owner gives back the existing record; the same
    picture on two owners is stored once on disk and described twice. A photo is added to a
    final survey (or a product of one) or a final assessment only as a correction: with a
    `reason`, written to the audit log.
    """
    _check_owner(survey_id, product_id, assessment_id, criterion_id)
    if longest_side < 1:
        raise ValueError("longest_side must be positive")
    prepared = _prepare(_read_source(source), longest_side)
    digest = sha256(prepared.data).hexdigest()
    with db.session() as session:
        _require_owner(session, survey_id, product_id, assessment_id)
        existing = session.scalars(
            select(Attachment)
            .where(
                Attachment.sha256 == digest,
                _same(Attachment.survey_id, survey_id),
                _same(Attachment.product_id, product_id),
                _same(Attachment.assessment_id, assessment_id),
                _same(Attachment.criterion_id, criterion_id),
                Attachment.deleted_at.is_(None),
            )
            .limit(1)
        ).first()
        if existing is not None:
            _store(paths, digest, prepared.data)  # puts back a file lost from the folder
            return _info(paths, existing)
        owner = (survey_id, product_id, assessment_id)
        _correct_final(session, owner, None, digest, reason, officer_id)
        _store(paths, digest, prepared.data)
        record = Attachment(
            sha256=digest,
            media_type=MEDIA_TYPE,
            size_bytes=len(prepared.data),
            original_name=source.name[:255] or None,
            width=prepared.width,
            height=prepared.height,
            caption=(caption or "").strip() or None,
            taken_at=prepared.taken_at,
            survey_id=survey_id,
            product_id=product_id,
            assessment_id=assessment_id,
            criterion_id=criterion_id,
            device_id=device_id,
        )
        session.add(record)
        session.flush()
        return _info(paths, record)


def list_photos(
    db: Database,
    paths: AppPaths,
    *,
    survey_id: uuid.UUID | None = None,
    product_id: uuid.UUID | None = None,
    assessment_id: uuid.UUID | None = None,
) -> list[PhotoInfo]:
    """The live photos of one owner, in the order they were added (an assessment's include
    those of its criteria, see ``PhotoInfo.criterion_id``)."""
    _check_owner(survey_id, product_id, assessment_id, None)
    if survey_id is not None:
        owner = Attachment.survey_id == survey_id
    elif product_id is not None:
        owner = Attachment.product_id == product_id
    else:
        owner = Attachment.assessment_id == assessment_id
    with db.session() as session:
        records = session.scalars(
            select(Attachment)
            .where(
                owner,
                Attachment.deleted_at.is_(None),
                Attachment.media_type.like("image/%"),
            )
            .order_by(Attachment.created_at, Attachment.id)
        ).all()
        return [_info(paths, record) for record in records]


def remove_photo(
    db: Database,
    attachment_id: uuid.UUID,
    *,
    reason: str | None = None,
    officer_id: uuid.UUID | None = None,
) -> None:
    """Leave a tombstone so the removal travels too; the file stays (other records may share
    it, and an older export may still refer to it). From a final record only with a reason."""
    with db.session() as session:
        record = session.get(Attachment, attachment_id)
        if record is None or record.deleted_at is not None:
            raise NotFoundError("Foto tidak ditemukan.", "Photo not found.")
        owner = (record.survey_id, record.product_id, record.assessment_id)
        _correct_final(session, owner, record.sha256, None, reason, officer_id)
        record.deleted_at = utc_now()


def _final_owner(
    session: Session, owner: tuple[uuid.UUID | None, uuid.UUID | None, uuid.UUID | None]
) -> SyncRecord | None:
    """The final record a photo of `owner` (survey, product, assessment) belongs to, if any: a
    final survey, the final survey of a product, or a final assessment."""
    survey_id, product_id, assessment_id = owner
    if assessment_id is not None:
        assessment = session.get(Assessment, assessment_id)
        return assessment if assessment is not None and assessment.status == "final" else None
    if product_id is not None:
        product = session.get(CandidateProduct, product_id)
        survey_id = product.survey_id if product is not None else None
    survey = session.get(Survey, survey_id) if survey_id is not None else None
    return survey if survey is not None and survey.status == "final" else None


def _correct_final(
    session: Session,
    owner: tuple[uuid.UUID | None, uuid.UUID | None, uuid.UUID | None],
    old: str | None,
    new: str | None,
    reason: str | None,
    officer_id: uuid.UUID | None,
) -> None:
    """Refuse a photo change of a final record without a reason; log it with one."""
    final = _final_owner(session, owner)
    if final is None:
        return
    if not (reason and reason.strip()):
        what_id, what_en = (
            ("penilaian", "assessment") if isinstance(final, Assessment) else ("survei", "survey")
        )
        raise InvalidInputError(
            f"Foto ini milik {what_id} yang sudah final: foto tidak ditambah atau dihapus tanpa "
            "alasan koreksi.",
            f"This photo belongs to a final {what_en}: photos are not added or removed without "
            "a reason for the correction.",
            field="reason",
        )
    session.add(
        AuditEntry(
            officer_id=officer_id,
            table_name=type(final).__tablename__,  # type: ignore[attr-defined]
            record_id=final.id,
            field="photo",
            old_value=old,
            new_value=new,
            reason=reason.strip(),
        )
    )
