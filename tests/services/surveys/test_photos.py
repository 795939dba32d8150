"""Photos: turned upright, downscaled, stripped of metadata, stored once by hash; the officer's
original file is never touched."""

from __future__ import annotations

import io
import os
import struct
import uuid
import zlib
from datetime import UTC, date, datetime, timedelta
from hashlib import sha256
from pathlib import Path

import pytest
from PIL import ExifTags, Image
from PIL.TiffImagePlugin import IFDRational
from sqlalchemy import func, select

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.db.models import Attachment
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.assessment.assessments import save_assessment
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError, NotFoundError, StorageError
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    SurveyInput,
    add_product,
    create_survey,
    delete_survey,
)
from ovop_desktop.services.surveys.photos import (
    WITA,
    add_photo,
    list_photos,
    photo_file,
    read_photo_location,
    remove_photo,
)

RED, BLUE = (255, 0, 0), (0, 0, 255)
CATEGORIES = frozenset({"anyaman", "makanan"})


def _gps_ifd(exif: Image.Exif, latitude: float, longitude: float) -> None:
    def dms(value: float) -> tuple[IFDRational, IFDRational, IFDRational]:
        value = abs(value)
        degrees, rest = divmod(value * 3600, 3600)
        minutes, seconds = divmod(rest, 60)
        return IFDRational(int(degrees)), IFDRational(int(minutes)), IFDRational(seconds)

    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "S" if latitude < 0 else "N"
    gps[ExifTags.GPS.GPSLatitude] = dms(latitude)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W" if longitude < 0 else "E"
    gps[ExifTags.GPS.GPSLongitude] = dms(longitude)


def make_photo(
    path: Path,
    size: tuple[int, int] = (4000, 3000),
    *,
    orientation: int | None = None,
    gps: tuple[float, float] | None = None,
    taken: str | None = None,
    offset: str | None = None,
) -> Path:
    """A landscape JPEG whose left tenth is red, so that its orientation can be checked."""
    image = Image.new("RGB", size, BLUE)
    image.paste(RED, (0, 0, size[0] // 10, size[1]))
    exif = Image.Exif()
    if orientation is not None:
        exif[ExifTags.Base.Orientation] = orientation
    if gps is not None:
        _gps_ifd(exif, *gps)
    if taken is not None:
        details = exif.get_ifd(ExifTags.IFD.Exif)
        details[ExifTags.Base.DateTimeOriginal] = taken
        if offset is not None:
            details[ExifTags.Base.OffsetTimeOriginal] = offset
    image.save(path, "JPEG", exif=exif, quality=85)
    return path


@pytest.fixture(scope="module")
def phone_photo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 4000×3000 phone photo held sideways (orientation 6), with GPS and time."""
    return make_photo(
        tmp_path_factory.mktemp("kamera") / "IMG_20260803_101500.jpg",
        orientation=6,
        gps=(-3.4412, 114.8417),
        taken="2026:08:03 10:15:00",
    )


@pytest.fixture
def survey_id(db: Database) -> uuid.UUID:
    return create_survey(db, SurveyInput("63.08.07.2001", date(2026, 8, 3)))


@pytest.fixture
def product_id(db: Database, survey_id: uuid.UUID) -> uuid.UUID:
    return add_product(
        db, survey_id, ProductInput("Anyaman Purun", "anyaman"), categories=CATEGORIES
    )


def _stored_files(paths: AppPaths) -> list[Path]:
    return sorted(p for p in paths.attachments_dir.rglob("*") if p.is_file())


def _rows(db: Database) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(Attachment)) or 0


def _png_header(width: int, height: int) -> bytes:
    """A PNG that claims a huge size in a few bytes: what a decompression bomb looks like."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


# --- what is stored ---------------------------------------------------------------------------


def test_a_sideways_phone_photo_is_stored_upright_and_downscaled(
    db: Database, app_paths: AppPaths, phone_photo: Path, product_id: uuid.UUID
) -> None:
    info = add_photo(db, app_paths, phone_photo, longest_side=1600, product_id=product_id)
    assert (info.width, info.height) == (1200, 1600)
    with Image.open(info.path) as stored:
        assert stored.format == "JPEG"
        assert stored.size == (1200, 1600)
        # orientation 6 turns the picture a quarter clockwise: its red left edge is now the top
        top, bottom = stored.getpixel((600, 20)), stored.getpixel((600, 1580))
    assert isinstance(top, tuple) and isinstance(bottom, tuple)
    assert top[0] > 200 and top[2] < 50
    assert bottom[2] > 200 and bottom[0] < 50


def test_the_longest_side_follows_the_setting(
    db: Database, app_paths: AppPaths, phone_photo: Path, product_id: uuid.UUID
) -> None:
    info = add_photo(db, app_paths, phone_photo, longest_side=640, product_id=product_id)
    assert (info.width, info.height) == (480, 640)


def test_a_small_photo_is_never_enlarged(
    db: Database, app_paths: AppPaths, tmp_path: Path, product_id: uuid.UUID
) -> None:
    small = make_photo(tmp_path / "kecil.jpg", (800, 600))
    info = add_photo(db, app_paths, small, longest_side=1600, product_id=product_id)
    assert (info.width, info.height) == (800, 600)


def test_the_original_file_is_never_changed(
    db: Database, app_paths: AppPaths, phone_photo: Path, product_id: uuid.UUID
) -> None:
    before, mtime = phone_photo.read_bytes(), phone_photo.stat().st_mtime_ns
    info = add_photo(db, app_paths, phone_photo, product_id=product_id)
    read_photo_location(phone_photo)
    assert phone_photo.read_bytes() == before
    assert phone_photo.stat().st_mtime_ns == mtime
    assert info.path != phone_photo and phone_photo.exists()


def test_the_stored_photo_carries_no_exif(
    db: Database, app_paths: AppPaths, phone_photo: Path, product_id: uuid.UUID
) -> None:
    info = add_photo(db, app_paths, phone_photo, product_id=product_id)
    data = info.path.read_bytes()
    assert b"Exif" not in data
    with Image.open(info.path) as stored:
        assert len(stored.getexif()) == 0
        assert "exif" not in stored.info
    assert read_photo_location(info.path) is None


def test_the_photo_is_stored_under_its_hash(
    db: Database, app_paths: AppPaths, phone_photo: Path, product_id: uuid.UUID
) -> None:
    info = add_photo(db, app_paths, phone_photo, product_id=product_id)
    assert sha256(info.path.read_bytes()).hexdigest() == info.sha256
    assert info.path == app_paths.attachments_dir / info.sha256[:2] / f"{info.sha256}.jpg"
    assert info.path == photo_file(app_paths, info.sha256)
    assert _stored_files(app_paths) == [info.path]  # no temporary file left behind
    with db.session() as session:
        record = session.get(Attachment, info.attachment_id)
        assert record is not None
        assert record.media_type == "image/jpeg"
        assert record.size_bytes == info.path.stat().st_size
        assert record.original_name == "IMG_20260803_101500.jpg"
        assert (record.width, record.height) == (1200, 1600)


def test_a_photo_shared_by_two_products_is_stored_once(
    db: Database,
    app_paths: AppPaths,
    phone_photo: Path,
    survey_id: uuid.UUID,
    product_id: uuid.UUID,
) -> None:
    other = add_product(db, survey_id, ProductInput("Dodol", "makanan"), categories=CATEGORIES)
    first = add_photo(db, app_paths, phone_photo, product_id=product_id)
    second = add_photo(db, app_paths, phone_photo, product_id=other)
    assert first.sha256 == second.sha256
    assert first.attachment_id != second.attachment_id
    assert _stored_files(app_paths) == [first.path]
    assert _rows(db) == 2
    assert [p.attachment_id for p in list_photos(db, app_paths, product_id=other)] == [
        second.attachment_id
    ]


def test_adding_the_same_photo_twice_to_a_product_keeps_one_record(
    db: Database, app_paths: AppPaths, phone_photo: Path, product_id: uuid.UUID
) -> None:
    first = add_photo(db, app_paths, phone_photo, product_id=product_id)
    again = add_photo(db, app_paths, phone_photo, product_id=product_id)
    assert again == first
    assert _rows(db) == 1
    assert len(list_photos(db, app_paths, product_id=product_id)) == 1


def test_a_damaged_copy_in_the_data_folder_is_replaced(
    db: Database, app_paths: AppPaths, phone_photo: Path, product_id: uuid.UUID
) -> None:
    info = add_photo(db, app_paths, phone_photo, product_id=product_id)
    info.path.write_bytes(b"half a photo")
    again = add_photo(db, app_paths, phone_photo, product_id=product_id)
    assert sha256(again.path.read_bytes()).hexdigest() == info.sha256


def test_a_transparent_png_becomes_a_jpeg_on_white(
    db: Database, app_paths: AppPaths, tmp_path: Path, product_id: uuid.UUID
) -> None:
    logo = Image.new("RGBA", (300, 200), (0, 0, 0, 0))
    logo.paste((0, 128, 0, 255), (100, 50, 200, 150))
    logo.save(tmp_path / "logo.png")
    info = add_photo(db, app_paths, tmp_path / "logo.png", product_id=product_id)
    with Image.open(info.path) as stored:
        assert (stored.format, stored.mode, stored.size) == ("JPEG", "RGB", (300, 200))
        corner, middle = stored.getpixel((5, 5)), stored.getpixel((150, 100))
    assert isinstance(corner, tuple) and min(corner) > 245
    assert isinstance(middle, tuple) and middle[1] > 100 and middle[0] < 30


@pytest.mark.parametrize(
    ("mode", "file_format", "suffix"),
    [
        ("L", "JPEG", "jpg"),
        ("CMYK", "JPEG", "jpg"),
        ("P", "GIF", "gif"),
        ("LA", "PNG", "png"),
        ("I;16", "PNG", "png"),
        ("1", "PNG", "png"),
        ("RGB", "WEBP", "webp"),
        ("RGB", "TIFF", "tif"),
        ("RGB", "BMP", "bmp"),
    ],
)
def test_common_image_kinds_are_accepted(
    db: Database,
    app_paths: AppPaths,
    tmp_path: Path,
    product_id: uuid.UUID,
    mode: str,
    file_format: str,
    suffix: str,
) -> None:
    source = tmp_path / f"scan.{suffix}"
    Image.new(mode, (120, 90), 1 if mode == "1" else 40000 if mode == "I;16" else 100).save(
        source, file_format
    )
    info = add_photo(db, app_paths, source, product_id=product_id)
    with Image.open(info.path) as stored:
        assert stored.format == "JPEG"
        assert stored.mode in ("RGB", "L")
        assert stored.size == (120, 90)


def test_a_caption_is_kept(
    db: Database, app_paths: AppPaths, phone_photo: Path, product_id: uuid.UUID
) -> None:
    info = add_photo(
        db, app_paths, phone_photo, product_id=product_id, caption="  Tikar purun di teras  "
    )
    assert info.caption == "Tikar purun di teras"
    assert list_photos(db, app_paths, product_id=product_id)[0].caption == "Tikar purun di teras"


# --- location and time ------------------------------------------------------------------------


def test_gps_and_time_are_read_from_the_photo(
    db: Database, app_paths: AppPaths, phone_photo: Path, product_id: uuid.UUID
) -> None:
    location = read_photo_location(phone_photo)
    assert location is not None
    assert location.latitude == pytest.approx(-3.4412, abs=1e-6)
    assert location.longitude == pytest.approx(114.8417, abs=1e-6)
    assert location.taken_at == datetime(2026, 8, 3, 10, 15, tzinfo=WITA)
    assert location.taken_at is not None
    assert location.taken_at.utcoffset() == timedelta(hours=8)  # no offset written: WITA
    info = add_photo(db, app_paths, phone_photo, product_id=product_id)
    assert info.taken_at == datetime(2026, 8, 3, 2, 15, tzinfo=UTC)
    [listed] = list_photos(db, app_paths, product_id=product_id)
    assert listed.taken_at == datetime(2026, 8, 3, 10, 15, tzinfo=WITA)


def test_the_cameras_time_offset_is_honoured(tmp_path: Path) -> None:
    photo = make_photo(
        tmp_path / "wib.jpg",
        (64, 48),
        gps=(-3.32, 114.59),
        taken="2026:08:03 09:15:00",
        offset="+07:00",
    )
    location = read_photo_location(photo)
    assert location is not None and location.taken_at is not None
    assert location.taken_at.utcoffset() == timedelta(hours=7)
    assert location.taken_at == datetime(2026, 8, 3, 10, 15, tzinfo=WITA)


def test_a_northern_or_western_position_keeps_its_sign(tmp_path: Path) -> None:
    photo = make_photo(tmp_path / "utara.jpg", (64, 48), gps=(1.25, -73.5))
    location = read_photo_location(photo)
    assert location is not None
    assert (location.latitude, location.longitude) == pytest.approx((1.25, -73.5))
    assert location.taken_at is None


def test_a_photo_without_gps_has_no_location(tmp_path: Path) -> None:
    assert read_photo_location(make_photo(tmp_path / "tanpa.jpg", (64, 48))) is None
    assert (
        read_photo_location(
            make_photo(tmp_path / "waktu.jpg", (64, 48), taken="2026:08:03 10:15:00")
        )
        is None
    )


def test_a_gps_without_a_fix_or_a_hemisphere_gives_no_location(tmp_path: Path) -> None:
    # phones write 0,0 before the GPS has a fix
    assert read_photo_location(make_photo(tmp_path / "nol.jpg", (64, 48), gps=(0.0, 0.0))) is None
    image = Image.new("RGB", (64, 48))
    exif = Image.Exif()
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitude] = (IFDRational(3), IFDRational(26), IFDRational(28))
    gps[ExifTags.GPS.GPSLongitude] = (IFDRational(114), IFDRational(50), IFDRational(30))
    image.save(tmp_path / "tanpa-arah.jpg", exif=exif)
    assert read_photo_location(tmp_path / "tanpa-arah.jpg") is None


def test_an_impossible_camera_date_is_ignored(tmp_path: Path) -> None:
    photo = make_photo(
        tmp_path / "jam.jpg", (64, 48), gps=(-3.3, 114.6), taken="0000:00:00 00:00:00"
    )
    location = read_photo_location(photo)
    assert location is not None and location.taken_at is None


# --- refusals ---------------------------------------------------------------------------------


NOT_A_PHOTO = "Berkas ini bukan foto yang dapat dibaca. Pilih foto JPEG, PNG atau WebP."


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("catatan.txt", b"Desa Banjang, 3 Agustus 2026"),
        ("kosong.jpg", b""),
        ("surat.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"),
        ("gambar.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>'),
    ],
)
def test_a_file_that_is_not_a_photo_is_refused(
    db: Database,
    app_paths: AppPaths,
    tmp_path: Path,
    product_id: uuid.UUID,
    name: str,
    content: bytes,
) -> None:
    (tmp_path / name).write_bytes(content)
    with pytest.raises(InvalidInputError) as caught:
        add_photo(db, app_paths, tmp_path / name, product_id=product_id)
    assert str(caught.value) == NOT_A_PHOTO
    assert caught.value.field == "source"
    assert caught.value.message_en.startswith("This file is not a readable photo.")
    assert _rows(db) == 0 and _stored_files(app_paths) == []
    with pytest.raises(InvalidInputError, match="bukan foto"):
        read_photo_location(tmp_path / name)


def test_an_iphone_heic_photo_is_refused_with_advice(
    db: Database, app_paths: AppPaths, tmp_path: Path, product_id: uuid.UUID
) -> None:
    heic = tmp_path / "IMG_0001.HEIC"
    heic.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64))
    with pytest.raises(InvalidInputError) as caught:
        add_photo(db, app_paths, heic, product_id=product_id)
    assert str(caught.value).startswith("Foto HEIC/HEIF (format iPhone) belum dapat dibaca.")
    assert "Paling Kompatibel" in str(caught.value)


def test_a_truncated_photo_is_refused(
    db: Database, app_paths: AppPaths, tmp_path: Path, phone_photo: Path, product_id: uuid.UUID
) -> None:
    half = tmp_path / "terpotong.jpg"
    half.write_bytes(phone_photo.read_bytes()[:20_000])
    with pytest.raises(InvalidInputError) as caught:
        add_photo(db, app_paths, half, product_id=product_id)
    assert str(caught.value).startswith("Berkas foto ini rusak atau terpotong")
    assert _rows(db) == 0 and _stored_files(app_paths) == []


@pytest.mark.parametrize(
    ("size", "message"),
    [
        ((13_000, 10_000), "Foto ini terlalu besar (130 megapiksel); paling besar 120 megapiksel."),
        ((40_000, 40_000), "Foto ini terlalu besar; paling besar 120 megapiksel."),  # Pillow's own
    ],
)
def test_a_decompression_bomb_is_refused_before_decoding(
    db: Database,
    app_paths: AppPaths,
    tmp_path: Path,
    product_id: uuid.UUID,
    size: tuple[int, int],
    message: str,
) -> None:
    bomb = tmp_path / "bom.png"
    bomb.write_bytes(_png_header(*size))
    with pytest.raises(InvalidInputError) as caught:
        add_photo(db, app_paths, bomb, product_id=product_id)
    assert str(caught.value).startswith(message)
    assert _rows(db) == 0


def test_a_missing_file_is_refused(
    db: Database, app_paths: AppPaths, tmp_path: Path, product_id: uuid.UUID
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        add_photo(db, app_paths, tmp_path / "hilang.jpg", product_id=product_id)
    assert str(caught.value).startswith("Berkas hilang.jpg tidak dapat dibuka.")
    with pytest.raises(InvalidInputError):
        read_photo_location(tmp_path / "hilang.jpg")


def test_a_photo_needs_exactly_one_owner(
    db: Database,
    app_paths: AppPaths,
    phone_photo: Path,
    survey_id: uuid.UUID,
    product_id: uuid.UUID,
) -> None:
    with pytest.raises(ValueError, match="exactly one"):
        add_photo(db, app_paths, phone_photo)
    with pytest.raises(ValueError, match="exactly one"):
        add_photo(db, app_paths, phone_photo, survey_id=survey_id, product_id=product_id)
    with pytest.raises(ValueError, match="criterion_id needs assessment_id"):
        add_photo(db, app_paths, phone_photo, product_id=product_id, criterion_id="C1")
    with pytest.raises(ValueError, match="exactly one"):
        list_photos(db, app_paths)
    assert _rows(db) == 0


def test_an_unknown_or_deleted_owner_is_not_found(
    db: Database, app_paths: AppPaths, phone_photo: Path, survey_id: uuid.UUID
) -> None:
    with pytest.raises(NotFoundError, match=r"Produk kandidat tidak ditemukan\."):
        add_photo(db, app_paths, phone_photo, product_id=uuid.uuid4())
    delete_survey(db, survey_id)
    with pytest.raises(NotFoundError, match=r"Survei tidak ditemukan\."):
        add_photo(db, app_paths, phone_photo, survey_id=survey_id)
    assert _rows(db) == 0 and _stored_files(app_paths) == []


def test_a_disk_that_refuses_the_write_gives_a_storage_error(
    db: Database, app_paths: AppPaths, phone_photo: Path, product_id: uuid.UUID
) -> None:
    app_paths.attachments_dir.write_bytes(b"")  # a file where the folder should be
    with pytest.raises(StorageError) as caught:
        add_photo(db, app_paths, phone_photo, product_id=product_id)
    assert str(caught.value).startswith(
        "Foto tidak dapat disimpan ke folder data. Periksa ruang kosong disk dan izin menulis"
    )
    assert _rows(db) == 0


# --- owners, listing, removal -----------------------------------------------------------------


def test_photos_are_listed_per_owner_in_the_order_added(
    db: Database,
    app_paths: AppPaths,
    tmp_path: Path,
    survey_id: uuid.UUID,
    product_id: uuid.UUID,
    rubric: Rubric,
) -> None:
    sources = [make_photo(tmp_path / f"foto-{i}.jpg", (64 + i, 48)) for i in range(4)]
    village = add_photo(db, app_paths, sources[0], survey_id=survey_id)
    second = add_photo(db, app_paths, sources[1], product_id=product_id)
    first = add_photo(db, app_paths, sources[2], product_id=product_id)
    assessment = save_assessment(db, product_id, rubric, {}).assessment_id
    evidence = add_photo(db, app_paths, sources[3], assessment_id=assessment, criterion_id="C7")
    assert list_photos(db, app_paths, survey_id=survey_id) == [village]
    assert list_photos(db, app_paths, product_id=product_id) == [second, first]
    [listed] = list_photos(db, app_paths, assessment_id=assessment)
    assert listed == evidence and listed.criterion_id == "C7"


def test_removing_a_photo_leaves_a_tombstone_and_the_file(
    db: Database, app_paths: AppPaths, phone_photo: Path, product_id: uuid.UUID
) -> None:
    info = add_photo(db, app_paths, phone_photo, product_id=product_id)
    remove_photo(db, info.attachment_id)
    assert list_photos(db, app_paths, product_id=product_id) == []
    assert info.path.exists()
    with db.session() as session:
        record = session.get(Attachment, info.attachment_id)
        assert record is not None
        assert record.deleted_at is not None and record.revision == 2
    with pytest.raises(NotFoundError, match=r"Foto tidak ditemukan\."):
        remove_photo(db, info.attachment_id)
    again = add_photo(db, app_paths, phone_photo, product_id=product_id)
    assert again.attachment_id != info.attachment_id
    assert list_photos(db, app_paths, product_id=product_id) == [again]


def test_removing_one_record_of_a_shared_photo_keeps_the_other(
    db: Database,
    app_paths: AppPaths,
    phone_photo: Path,
    survey_id: uuid.UUID,
    product_id: uuid.UUID,
) -> None:
    shared = add_photo(db, app_paths, phone_photo, product_id=product_id)
    kept = add_photo(db, app_paths, phone_photo, survey_id=survey_id)
    remove_photo(db, shared.attachment_id)
    assert list_photos(db, app_paths, survey_id=survey_id) == [kept]
    assert kept.path.exists()


def test_a_written_photo_opens_from_memory_too(
    db: Database, app_paths: AppPaths, phone_photo: Path, product_id: uuid.UUID
) -> None:
    """What the export package will carry: the bytes alone decode to the same picture."""
    info = add_photo(db, app_paths, phone_photo, product_id=product_id)
    with Image.open(io.BytesIO(info.path.read_bytes())) as image:
        image.load()
        assert image.size == (info.width, info.height)
    assert os.path.getsize(info.path) < 200_000
