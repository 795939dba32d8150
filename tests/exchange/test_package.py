"""The exchange package: a round trip, an atomic write, the device key, and every hostile package
refused with its own message before anything of it is used."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import random
import re
import sys
import warnings
import zipfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from ovop_desktop import __version__
from ovop_desktop.exchange.keys import (
    KEY_FILE_NAME,
    DeviceKey,
    DeviceKeyError,
    fingerprint_of,
    load_or_create_key,
    verify_signature,
)
from ovop_desktop.exchange.manifest import (
    FORMAT_NAME,
    FORMAT_VERSION,
    Manifest,
    future_version_error,
)
from ovop_desktop.exchange.package import read_package
from ovop_desktop.exchange.package_format import (
    MIB,
    Limits,
    PackageError,
    decode_records,
    encode_records,
)
from ovop_desktop.exchange.package_write import write_package

PHOTO = b"\xff\xd8\xff\xe0 not really a jpeg " * 50
PHOTO_NAME = f"media/{hashlib.sha256(PHOTO).hexdigest()}.jpg"
SURVEYS = encode_records(
    [
        {
            "id": "0b6f3c1e-8d4a-4f5e-9c1a-2b3c4d5e6f70",
            "revision": 3,
            "updated_at": "2025-03-01T08:00:00Z",
            "deleted_at": None,
            "village_code": "63.01.01.2001",
            "village_name": "Benua Lawas",
            "survey_date": "2025-03-01",
        },
        {
            "id": "1c7a4d2f-9e5b-4a6f-8d2b-3c4d5e6f7081",
            "revision": 1,
            "updated_at": "2025-03-02T09:30:00Z",
            "deleted_at": "2025-03-03T10:00:00Z",
            "village_code": "63.01.01.2002",
            "village_name": "Pasi Kuala Ba'u",
            "survey_date": "2025-03-02",
        },
    ]
)
MEMBERS: list[tuple[str, bytes]] = [("records/surveys.jsonl", SURVEYS), (PHOTO_NAME, PHOTO)]
FIELDS: dict[str, object] = {
    "kind": "survey-export",
    "device_id": "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6",
    "device_name": "Laptop Dinas Tanah Laut",
    "officer_name": "Siti Rahmah",
    "schema_revision": "0007",
    "watermark_from": None,
    "watermark_to": "2025-03-03T10:00:00Z",
    "counts": {"surveys": 2, "attachments": 1},
}


@pytest.fixture(scope="module")
def key(tmp_path_factory: pytest.TempPathFactory) -> DeviceKey:
    return load_or_create_key(tmp_path_factory.mktemp("device"))


@pytest.fixture(scope="module")
def other_key(tmp_path_factory: pytest.TempPathFactory) -> DeviceKey:
    return load_or_create_key(tmp_path_factory.mktemp("other-device"))


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _manifest_dict(key: DeviceKey, listed: Sequence[tuple[str, bytes]]) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "package_id": "5d1b8f0e-3a2c-4e6d-9f8a-7b6c5d4e3f21",
        **FIELDS,
        "public_key": key.public_b64(),
        "app_version": __version__,
        "created_at": "2025-03-04T07:15:00Z",
        "members": [{"path": p, "size": len(d), "sha256": _sha(d)} for p, d in listed],
    }


def forge(
    path: Path,
    key: DeviceKey,
    *,
    listed: Sequence[tuple[str, bytes]] = MEMBERS,
    extra: Sequence[tuple[str | zipfile.ZipInfo, bytes]] = (),
    changes: Mapping[str, object] | None = None,
    manifest_bytes: bytes | None = None,
    omit: Sequence[str] = (),
) -> Path:
    """A package written by hand: ``listed`` members are listed and written, ``extra`` entries
    only written, the manifest changed by ``changes`` and signed by ``key`` afterwards."""
    if manifest_bytes is None:
        manifest = _manifest_dict(key, listed)
        manifest.update(changes or {})
        manifest_bytes = json.dumps(manifest).encode()
    entries: list[tuple[str | zipfile.ZipInfo, bytes]] = [
        ("manifest.json", manifest_bytes),
        ("manifest.sig", key.sign(manifest_bytes)),
        *listed,
        *extra,
    ]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            if (name.filename if isinstance(name, zipfile.ZipInfo) else name) not in omit:
                archive.writestr(name, data)
    return path


def rewrite(source: Path, target: Path, replace: Mapping[str, bytes]) -> Path:
    """A copy of a package with some members' bytes replaced (names and order kept)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            new.writestr(info, replace.get(info.filename, old.read(info.filename)))
    return target


def _written(folder: Path, key: DeviceKey) -> Path:
    return write_package(folder, "export", FIELDS, MEMBERS, key)


# --- round trip and atomic write --------------------------------------------------------------


def test_a_written_package_reads_back_the_same(tmp_path: Path, key: DeviceKey) -> None:
    path = write_package(tmp_path, "ekspor-tanah-laut", FIELDS, MEMBERS, key)

    assert path == tmp_path / "ekspor-tanah-laut.ovop"
    package = read_package(path)
    assert package.members == dict(MEMBERS)
    manifest = package.manifest
    assert {name: getattr(manifest, name) for name in FIELDS} == FIELDS
    assert (manifest.format, manifest.version) == (FORMAT_NAME, FORMAT_VERSION)
    assert manifest.public_key == key.public_b64()
    assert manifest.app_version == __version__
    assert [(m.path, m.size, m.sha256) for m in manifest.members] == [
        (p, len(d), _sha(d)) for p, d in MEMBERS
    ]
    assert Manifest.from_json(manifest.to_json()) == manifest
    assert package.sha256 == _sha(path.read_bytes())
    assert package.size == path.stat().st_size
    assert package.fingerprint == key.fingerprint()
    assert decode_records(package.members["records/surveys.jsonl"], "records/surveys.jsonl") == [
        json.loads(line) for line in SURVEYS.splitlines()
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ekspor-tanah-laut.ovop"]


def test_an_existing_package_is_never_overwritten(tmp_path: Path, key: DeviceKey) -> None:
    first = write_package(tmp_path, "ekspor.ovop", FIELDS, MEMBERS, key)
    before = first.read_bytes()

    second = write_package(tmp_path, "ekspor.ovop", FIELDS, MEMBERS, key)
    third = write_package(tmp_path, "ekspor", FIELDS, MEMBERS, key)

    assert (second.name, third.name) == ("ekspor (2).ovop", "ekspor (3).ovop")
    assert first.read_bytes() == before
    assert read_package(third).manifest.package_id != read_package(first).manifest.package_id


def test_the_final_name_appears_only_once_the_package_is_complete(
    tmp_path: Path, key: DeviceKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    final = tmp_path / "ekspor.ovop"
    renames: list[tuple[str, str]] = []
    real_replace = os.replace

    def checked_replace(source: Any, target: Any) -> None:
        assert not final.exists()
        assert zipfile.is_zipfile(source) and Path(source).name == "ekspor.ovop.part"
        renames.append((Path(source).name, Path(target).name))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", checked_replace)
    write_package(tmp_path, "ekspor", FIELDS, MEMBERS, key)

    assert renames == [("ekspor.ovop.part", "ekspor.ovop")]


def test_a_failed_write_leaves_no_file_under_the_final_name(
    tmp_path: Path, key: DeviceKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    def pulled_stick(source: Any, target: Any) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", pulled_stick)
    with pytest.raises(PackageError, match=r"tidak dapat ditulis .*Input/output error") as caught:
        write_package(tmp_path, "ekspor", FIELDS, MEMBERS, key)
    assert isinstance(caught.value.__cause__, OSError)

    assert not (tmp_path / "ekspor.ovop").exists()
    assert {p.name for p in tmp_path.iterdir()} <= {"ekspor.ovop.part"}


def test_a_member_too_dense_for_readers_is_stored_uncompressed(
    tmp_path: Path, key: DeviceKey
) -> None:
    zeros = b"\0" * MIB  # deflates ~1000×, which readers would take for a zip bomb
    path = write_package(tmp_path, "padat", FIELDS, [("records/zeros.jsonl", zeros)], key)

    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("records/zeros.jsonl").compress_type == zipfile.ZIP_STORED
    assert read_package(path).members == {"records/zeros.jsonl": zeros}


@pytest.mark.parametrize(
    ("members", "fragment"),
    [
        ([("../evil", b"x")], "'..'"),
        ([("/etc/passwd", b"x")], "jalur absolut"),
        ([("notes.txt", b"x")], "records/ dan media/"),
        ([("manifest.json", b"x")], "records/ dan media/"),
        ([("records/a.jsonl", b"x"), ("records/a.jsonl", b"y")], "lebih dari sekali"),
        ([("media/" + "0" * 64 + ".jpg", b"x")], "sidik SHA-256 isinya"),
    ],
)
def test_writing_refuses_members_a_reader_would_refuse(
    tmp_path: Path, key: DeviceKey, members: list[tuple[str, bytes]], fragment: str
) -> None:
    with pytest.raises(PackageError, match=re.escape(fragment)):
        write_package(tmp_path, "ekspor", FIELDS, members, key)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["", "a/b", "..", ".hidden", "tab\there"])
def test_writing_refuses_a_file_name_that_is_not_a_plain_name(
    tmp_path: Path, key: DeviceKey, name: str
) -> None:
    with pytest.raises(PackageError, match="Nama berkas paket"):
        write_package(tmp_path, name, FIELDS, MEMBERS, key)


def test_writing_refuses_manifest_fields_that_do_not_validate(
    tmp_path: Path, key: DeviceKey
) -> None:
    with pytest.raises(PackageError, match="jenis paket"):
        write_package(tmp_path, "x", {**FIELDS, "kind": "backup"}, MEMBERS, key)
    with pytest.raises(PackageError, match="kolom 'device_id' tidak ada"):
        fields = {k: v for k, v in FIELDS.items() if k != "device_id"}
        write_package(tmp_path, "x", fields, MEMBERS, key)
    with pytest.raises(ValueError, match="public key"):
        write_package(tmp_path, "x", {**FIELDS, "public_key": "AAAA"}, MEMBERS, key)


# --- the device key ---------------------------------------------------------------------------


def test_the_device_key_is_created_once_and_reused(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    first = load_or_create_key(folder)
    stored = (folder / KEY_FILE_NAME).read_bytes()

    second = load_or_create_key(folder)

    assert second.public_bytes() == first.public_bytes()
    assert (folder / KEY_FILE_NAME).read_bytes() == stored
    assert stored.startswith(b"-----BEGIN PRIVATE KEY-----")
    assert [p.name for p in folder.iterdir()] == [KEY_FILE_NAME]
    assert len(first.public_bytes()) == 32
    assert base64.b64decode(first.public_b64()) == first.public_bytes()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_device_key_file_is_private(tmp_path: Path) -> None:
    load_or_create_key(tmp_path)
    assert (tmp_path / KEY_FILE_NAME).stat().st_mode & 0o777 == 0o600


def test_a_key_that_appears_meanwhile_is_kept_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another process creates the key between the existence check and the write.
    first = load_or_create_key(tmp_path / "first")
    stored = (tmp_path / "first" / KEY_FILE_NAME).read_bytes()
    racing = tmp_path / "racing"
    racing.mkdir()
    real_exists = Path.exists

    def exists_then_raced(self: Path) -> bool:
        found = real_exists(self)
        if self.name == KEY_FILE_NAME and not found:
            (racing / KEY_FILE_NAME).write_bytes(stored)
        return found

    monkeypatch.setattr(Path, "exists", exists_then_raced)
    loaded = load_or_create_key(racing)

    assert loaded.public_bytes() == first.public_bytes()
    assert [p.name for p in racing.iterdir()] == [KEY_FILE_NAME]


def test_the_fingerprint_is_stable_and_readable(tmp_path: Path, other_key: DeviceKey) -> None:
    key = load_or_create_key(tmp_path)
    fingerprint = key.fingerprint()

    assert re.fullmatch(r"([0-9a-f]{4} ){7}[0-9a-f]{4}", fingerprint)
    assert fingerprint.replace(" ", "") == _sha(key.public_bytes())[:32]
    assert load_or_create_key(tmp_path).fingerprint() == fingerprint
    assert fingerprint_of(key.public_b64()) == fingerprint
    assert other_key.fingerprint() != fingerprint


def test_signatures_verify_only_with_the_signing_key(key: DeviceKey, other_key: DeviceKey) -> None:
    signature = key.sign(b"manifest")

    assert len(signature) == 64
    assert verify_signature(key.public_b64(), b"manifest", signature)
    assert not verify_signature(key.public_b64(), b"manifesT", signature)
    assert not verify_signature(other_key.public_b64(), b"manifest", signature)
    assert not verify_signature("not base64!", b"manifest", signature)
    assert not verify_signature(key.public_b64(), b"manifest", signature[:-1])


def test_a_damaged_key_file_is_reported_not_replaced(tmp_path: Path) -> None:
    (tmp_path / KEY_FILE_NAME).write_bytes(b"-----BEGIN PRIVATE KEY-----\ngarbage\n")

    with pytest.raises(DeviceKeyError, match="rusak"):
        load_or_create_key(tmp_path)
    assert (tmp_path / KEY_FILE_NAME).read_bytes().endswith(b"garbage\n")
    with pytest.raises(DeviceKeyError, match="Kunci publik"):
        fingerprint_of("AAAA")


# --- hostile packages -------------------------------------------------------------------------

Builder = Callable[[Path, DeviceKey, DeviceKey], Path]


def _changed_byte(folder: Path, key: DeviceKey, other: DeviceKey) -> Path:
    changed = bytes([SURVEYS[0] ^ 0x01]) + SURVEYS[1:]
    return rewrite(_written(folder, key), folder / "ubah.ovop", {MEMBERS[0][0]: changed})


def _swapped_signature(folder: Path, key: DeviceKey, other: DeviceKey) -> Path:
    source = _written(folder, key)
    with zipfile.ZipFile(source) as archive:
        manifest_bytes = archive.read("manifest.json")
    return rewrite(source, folder / "tukar.ovop", {"manifest.sig": other.sign(manifest_bytes)})


def _symlink(folder: Path, key: DeviceKey, other: DeviceKey) -> Path:
    link = zipfile.ZipInfo("records/link.jsonl")
    link.external_attr = 0o120777 << 16
    return forge(folder / "p.ovop", key, extra=[(link, b"/etc/passwd")])


def _duplicate(folder: Path, key: DeviceKey, other: DeviceKey) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns: Duplicate name
        return forge(folder / "p.ovop", key, extra=[(MEMBERS[0][0], b'{"id": "other"}\n')])


def _directory_with_data(folder: Path, key: DeviceKey, other: DeviceKey) -> Path:
    return forge(folder / "p.ovop", key, extra=[("records/folder/", b"hidden data")])


def _truncated(folder: Path, key: DeviceKey, other: DeviceKey) -> Path:
    path = _written(folder, key)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _not_a_zip(folder: Path, key: DeviceKey, other: DeviceKey) -> Path:
    path = folder / "catatan.ovop"
    path.write_text("Ini hanya catatan, bukan paket.\n", encoding="utf-8")
    return path


def _forged(**kwargs: Any) -> Builder:
    def build(folder: Path, key: DeviceKey, other: DeviceKey) -> Path:
        return forge(folder / "p.ovop", key, **kwargs)

    return build


def _members_with(**entry_changes: Any) -> list[dict[str, Any]]:
    entries = [{"path": p, "size": len(d), "sha256": _sha(d)} for p, d in MEMBERS]
    entries[0].update(entry_changes)
    return entries


FALSE_MEDIA = "media/" + "ab" * 32 + ".jpg"

# case id -> (builder, limits, expected code, expected member, a fragment only its message has)
HOSTILE: dict[str, tuple[Builder, Limits, str, str | None, str]] = {
    "changed-byte": (
        _changed_byte,
        Limits(),
        "hash_mismatch",
        "records/surveys.jsonl",
        "tidak cocok dengan sidik SHA-256",
    ),
    "swapped-signature": (
        _swapped_signature,
        Limits(),
        "signature_invalid",
        "manifest.sig",
        "Tanda tangan paket tidak cocok",
    ),
    "parent-path": (_forged(extra=[("../evil", b"x")]), Limits(), "parent_path", "../evil", "'..'"),
    "absolute-path": (
        _forged(extra=[("/etc/passwd", b"root:x:0:0")]),
        Limits(),
        "absolute_path",
        "/etc/passwd",
        "jalur absolut",
    ),
    "backslash": (
        _forged(extra=[("records\\evil.jsonl", b"x")]),
        Limits(),
        "backslash",
        "records\\evil.jsonl",
        "garis miring terbalik",
    ),
    "drive-letter": (
        _forged(extra=[("C:/Windows/evil.dll", b"x")]),
        Limits(),
        "drive_letter",
        "C:/Windows/evil.dll",
        "huruf drive",
    ),
    "symlink": (_symlink, Limits(), "symlink", "records/link.jsonl", "tautan simbolik"),
    "directory-with-data": (
        _directory_with_data,
        Limits(),
        "directory_with_data",
        "records/folder/",
        "entri folder",
    ),
    "duplicate": (
        _duplicate,
        Limits(),
        "duplicate_member",
        "records/surveys.jsonl",
        "muncul lebih dari sekali",
    ),
    "unlisted": (
        _forged(extra=[("records/extra.jsonl", b'{"id": "x"}\n')]),
        Limits(),
        "unlisted_member",
        "records/extra.jsonl",
        "tidak tercantum dalam daftar isi",
    ),
    "listed-but-absent": (
        _forged(extra=(), omit=[PHOTO_NAME]),
        Limits(),
        "missing_member",
        PHOTO_NAME,
        "tetapi tidak ada",
    ),
    "future-version": (
        _forged(changes={"version": 99, "schema": "whatever v99 holds"}),
        Limits(),
        "future_version",
        None,
        "versi aplikasi yang lebih baru yang dapat membacanya (format 99)",
    ),
    "truncated": (_truncated, Limits(), "truncated", None, "terpotong"),
    "not-a-zip": (_not_a_zip, Limits(), "not_zip", None, "bukan arsip zip"),
    "no-manifest": (
        _forged(omit=["manifest.json"]),
        Limits(),
        "manifest_missing",
        "manifest.json",
        "tidak memiliki daftar isi",
    ),
    "manifest-not-json": (
        _forged(manifest_bytes=b'{"format": "ovop-exchange",'),
        Limits(),
        "manifest_json",
        "manifest.json",
        "bukan JSON yang sah",
    ),
    "manifest-unknown-field": (
        _forged(changes={"secret_field": 1}),
        Limits(),
        "manifest_invalid",
        "manifest.json",
        "kolom 'secret_field' tidak dikenal",
    ),
    "wrong-format": (
        _forged(changes={"format": "other-app"}),
        Limits(),
        "wrong_format",
        None,
        "bukan paket pertukaran OVOP",
    ),
    "no-signature": (
        _forged(omit=["manifest.sig"]),
        Limits(),
        "signature_missing",
        "manifest.sig",
        "tidak bertanda tangan",
    ),
    "size-differs": (
        _forged(changes={"members": _members_with(size=len(SURVEYS) + 1)}),
        Limits(),
        "size_mismatch",
        "records/surveys.jsonl",
        "berbeda dengan daftar isi",
    ),
    "media-not-named-by-hash": (
        _forged(listed=[(FALSE_MEDIA, PHOTO)]),
        Limits(),
        "media_name",
        FALSE_MEDIA,
        "nama berkas media",
    ),
    "too-many-members": (
        _forged(),
        Limits(max_members=1),
        "too_many_members",
        None,
        "terlalu banyak berkas",
    ),
    "member-too-large": (
        _forged(),
        Limits(max_member_bytes=100),
        "member_too_large",
        "records/surveys.jsonl",
        "berkas 'records/surveys.jsonl' terlalu besar",
    ),
    "total-too-large": (
        _forged(),
        Limits(max_total_bytes=len(SURVEYS) + len(PHOTO) - 1),
        "total_too_large",
        None,
        "isinya terlalu besar",
    ),
    "manifest-too-large": (
        _forged(),
        Limits(max_manifest_bytes=100),
        "manifest_too_large",
        "manifest.json",
        "Daftar isi paket (manifest.json) terlalu besar",
    ),
}


def _refusal(case: str, folder: Path, key: DeviceKey, other: DeviceKey) -> PackageError:
    build, limits, _code, _member, _fragment = HOSTILE[case]
    path = build(folder, key, other)
    with pytest.raises(PackageError) as caught:
        read_package(path, limits)
    return caught.value


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_package_is_refused_with_its_own_message(
    case: str, tmp_path: Path, key: DeviceKey, other_key: DeviceKey
) -> None:
    _build, _limits, code, member, fragment = HOSTILE[case]
    error = _refusal(case, tmp_path, key, other_key)

    assert error.code == code
    assert error.member == member
    assert fragment in str(error)
    assert error.message_en and error.message_en != str(error)
    others = [other[4] for name, other in HOSTILE.items() if name != case]
    assert [f for f in [*others, "bom zip"] if f in str(error)] == []


def test_a_future_version_names_the_app_that_reads_it(tmp_path: Path, key: DeviceKey) -> None:
    path = forge(tmp_path / "p.ovop", key, changes={"version": 99, "app_version": "4.2"})
    with pytest.raises(PackageError) as caught:
        read_package(path)

    assert str(caught.value).startswith(
        "Paket ini dibuat oleh OVOP Desktop 4.2 dengan format versi 99; perbarui OVOP Desktop"
    )
    assert "format version 99" in caught.value.message_en
    assert "versi 0.1 atau yang lebih baru" in str(future_version_error(1))


def test_the_manifest_is_strict(key: DeviceKey) -> None:
    good = _manifest_dict(key, MEMBERS)
    assert Manifest.from_json(json.dumps(good)).to_dict() == good

    for broken, fragment in [
        ({k: v for k, v in good.items() if k != "counts"}, "kolom 'counts' tidak ada"),
        ({**good, "version": True}, "versi format"),
        ({**good, "package_id": "not-a-uuid"}, "package_id"),
        ({**good, "created_at": "2025-03-04T07:15:00+08:00"}, "created_at"),
        ({**good, "counts": {"surveys": -1}}, "counts"),
        ({**good, "public_key": "AAAA"}, "kunci publik"),
        ({**good, "members": [{**good["members"][0], "extra": 1}]}, "tepat path, size"),
        ({**good, "members": [good["members"][0]] * 2}, "tercantum dua kali"),
    ]:
        with pytest.raises(PackageError, match=re.escape(fragment)):
            Manifest.from_json(json.dumps(broken))
    with pytest.raises(PackageError, match="bukan JSON yang sah"):
        Manifest.from_json('{"format": "ovop-exchange", "format": "ovop-exchange"}')


def test_record_files_are_json_lines(key: DeviceKey) -> None:
    records = [{"id": "a", "revision": 1, "note": "baris\nkedua \u2028"}, {"id": "b"}]
    data = encode_records(records)

    assert data.count(b"\n") == 2
    assert decode_records(data, "records/x.jsonl") == records
    with pytest.raises(PackageError, match=r"'records/x\.jsonl' baris 2 bukan JSON"):
        decode_records(b'{"id": "a"}\n{oops\n', "records/x.jsonl")
    with pytest.raises(PackageError, match="baris 1 bukan objek JSON"):
        decode_records(b"[1, 2]\n", "records/x.jsonl")


# --- the zip bomb -----------------------------------------------------------------------------

BOMB_MEMBER = "records/zeros.jsonl"
BOMB_BYTES = 200 * 1000 * 1000


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory: pytest.TempPathFactory, key: DeviceKey) -> Path:
    """A correctly listed and signed 200 MB member of zeros, deflated to ~200 KB."""
    path = tmp_path_factory.mktemp("bomb") / "bom.ovop"
    chunk = b"\0" * MIB
    digest = hashlib.sha256()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open(BOMB_MEMBER, "w") as stream:
            written = 0
            while written < BOMB_BYTES:
                piece = chunk[: BOMB_BYTES - written]
                stream.write(piece)
                digest.update(piece)
                written += len(piece)
        manifest = _manifest_dict(key, [])
        manifest["members"] = [
            {"path": BOMB_MEMBER, "size": BOMB_BYTES, "sha256": digest.hexdigest()}
        ]
        manifest_bytes = json.dumps(manifest).encode()
        archive.writestr("manifest.json", manifest_bytes)
        archive.writestr("manifest.sig", key.sign(manifest_bytes))
    assert path.stat().st_size < 1 * MIB
    return path


@pytest.fixture
def opened_members(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the members decompressed from now on."""
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def spy(self: zipfile.ZipFile, name: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(name.filename if isinstance(name, zipfile.ZipInfo) else name)
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    return opened


def test_a_zip_bomb_is_refused_by_its_ratio_without_decompressing(
    zip_bomb: Path, opened_members: list[str]
) -> None:
    with pytest.raises(PackageError) as caught:
        read_package(zip_bomb, Limits(max_member_bytes=1024 * MIB))

    assert caught.value.code == "compression_ratio"
    assert caught.value.member == BOMB_MEMBER
    assert "memuai" in str(caught.value) and "bom zip" in str(caught.value)
    assert BOMB_MEMBER not in opened_members
    assert [f for _b, _l, _c, _m, f in HOSTILE.values() if f in str(caught.value)] == []


def test_a_zip_bomb_is_refused_by_the_size_limit_too(
    zip_bomb: Path, opened_members: list[str]
) -> None:
    with pytest.raises(PackageError, match="terlalu besar"):
        read_package(zip_bomb)
    assert BOMB_MEMBER not in opened_members


def test_many_small_dense_members_are_refused_by_the_overall_ratio(
    tmp_path: Path, key: DeviceKey
) -> None:
    small = [(f"records/part-{i}.jsonl", b"\0" * 60_000) for i in range(4)]
    path = forge(tmp_path / "p.ovop", key, listed=small)

    with pytest.raises(PackageError) as caught:
        read_package(path)
    assert caught.value.code == "compression_ratio_total"


def test_damaged_bytes_never_escape_as_anything_but_a_refusal(
    tmp_path: Path, key: DeviceKey
) -> None:
    """Whatever bytes a broken stick returns, reading ends in a PackageError or the true data."""
    original = _written(tmp_path, key).read_bytes()
    target = tmp_path / "rusak.ovop"
    rng = random.Random(20250304)
    for _ in range(300):
        damaged = bytearray(original)
        for _ in range(rng.randint(1, 3)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        if rng.random() < 0.2:
            del damaged[rng.randrange(len(damaged)) :]
        target.write_bytes(bytes(damaged))
        try:
            package = read_package(target)
        except PackageError:
            continue
        assert package.members == dict(MEMBERS)
