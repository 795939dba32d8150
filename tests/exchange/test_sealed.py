"""The sealed envelope: only the recipient's exchange key opens it, and any change to the file
(cut, flipped, reordered, appended, a header edit) is refused with its own reason."""

from __future__ import annotations

import io
import os
import struct
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ovop_desktop.exchange.keys import (
    DeviceKey,
    DeviceKeyError,
    ExchangeKey,
    load_or_create_exchange_key,
    load_or_create_key,
)
from ovop_desktop.exchange.package import read_package
from ovop_desktop.exchange.package_format import PackageError
from ovop_desktop.exchange.package_write import write_package
from ovop_desktop.exchange.sealed import (
    HEADER_BYTES,
    MAGIC,
    MIN_CHUNK_BYTES,
    TAG_BYTES,
    is_sealed,
    seal,
    sealed_size,
    unseal,
)

CHUNK = MIN_CHUNK_BYTES  # small chunks: several of them in a small package


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> ExchangeKey:
    return load_or_create_exchange_key(tmp_path_factory.mktemp("provinsi"))


@pytest.fixture(scope="module")
def stranger(tmp_path_factory: pytest.TempPathFactory) -> ExchangeKey:
    return load_or_create_exchange_key(tmp_path_factory.mktemp("provinsi-lain"))


@pytest.fixture(scope="module")
def device(tmp_path_factory: pytest.TempPathFactory) -> DeviceKey:
    return load_or_create_key(tmp_path_factory.mktemp("petugas"))


def _sealed(plain: bytes, recipient: ExchangeKey, chunk: int = CHUNK) -> bytes:
    target = io.BytesIO()
    seal(io.BytesIO(plain), len(plain), target, recipient.public_bytes(), chunk_bytes=chunk)
    return target.getvalue()


def _opened(sealed: bytes, key: ExchangeKey) -> bytes:
    out = io.BytesIO()
    unseal(io.BytesIO(sealed), out.write, key, "paket.ovop")
    return out.getvalue()


def _refusal(sealed: bytes, key: ExchangeKey) -> PackageError:
    with pytest.raises(PackageError) as refused:
        _opened(sealed, key)
    return refused.value


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, 3 * CHUNK, 3 * CHUNK + 17])
def test_a_sealed_package_opens_with_the_recipients_key(size: int, province: ExchangeKey) -> None:
    plain = os.urandom(size)
    sealed = _sealed(plain, province)
    assert sealed.startswith(MAGIC)
    assert len(sealed) == sealed_size(size, CHUNK)
    assert _opened(sealed, province) == plain


def test_a_real_package_survives_sealing_and_reads_as_before(
    tmp_path: Path, province: ExchangeKey, device: DeviceKey
) -> None:
    plain = write_package(
        tmp_path,
        "paket",
        {
            "kind": "survey-export",
            "device_id": "6f1c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f",
            "device_name": "Laptop Kecamatan Sukamaju",
            "officer_name": "Rahmah Hidayati",
            "schema_revision": "0005",
            "watermark_from": None,
            "watermark_to": None,
            "counts": {"surveys": 1},
        },
        [("records/surveys.jsonl", b'{"catatan":"Keripik singkong Bu Siti"}\n')],
        device,
    )
    sealed = tmp_path / "tersegel.ovop"
    with plain.open("rb") as source, sealed.open("wb") as target:
        seal(source, plain.stat().st_size, target, province.public_bytes())
    data = sealed.read_bytes()
    # Nothing of the manifest or the records shows through.
    for secret in (b"Sukamaju", b"Rahmah", b"Siti", b"survey-export", b"6f1c1d2e", b"PK"):
        assert secret not in data
    assert is_sealed(sealed) and not is_sealed(plain)

    opened = tmp_path / "terbuka.ovop"
    with sealed.open("rb") as source, opened.open("wb") as target:
        unseal(source, target.write, province, sealed.name)
    assert opened.read_bytes() == plain.read_bytes()
    assert read_package(opened).manifest.officer_name == "Rahmah Hidayati"


def test_another_key_cannot_open_it_and_is_told_whose_it_is(
    province: ExchangeKey, stranger: ExchangeKey
) -> None:
    refusal = _refusal(_sealed(b"rahasia" * 500, province), stranger)
    assert refusal.code == "sealed_wrong_key"
    assert province.fingerprint() in str(refusal)
    assert stranger.fingerprint() in str(refusal)
    assert "kunci provinsi lain" in str(refusal)


def test_a_forged_recipient_fingerprint_does_not_open_it(
    province: ExchangeKey, stranger: ExchangeKey
) -> None:
    """Claiming the stranger's fingerprint in the header gets past the first check only."""
    sealed = bytearray(_sealed(b"rahasia" * 500, province))
    start = len(MAGIC) + 1
    sealed[start : start + 16] = bytes.fromhex(stranger.fingerprint().replace(" ", ""))
    assert _refusal(bytes(sealed), stranger).code == "sealed_damaged"


def _cut_at_chunk(sealed: bytes) -> bytes:
    return sealed[: HEADER_BYTES + CHUNK + TAG_BYTES]


def _cut_inside(sealed: bytes) -> bytes:
    return sealed[:-5]


def _cut_header(sealed: bytes) -> bytes:
    return sealed[: HEADER_BYTES - 3]


@pytest.mark.parametrize("cut", [_cut_at_chunk, _cut_inside, _cut_header])
def test_a_truncated_package_is_named_truncated(
    cut: Callable[[bytes], bytes], province: ExchangeKey
) -> None:
    sealed = _sealed(os.urandom(3 * CHUNK + 100), province)
    refusal = _refusal(cut(sealed), province)
    assert refusal.code == "sealed_truncated"
    assert "terpotong" in str(refusal)


def _flipped(sealed: bytes) -> bytes:
    changed = bytearray(sealed)
    changed[HEADER_BYTES + CHUNK + 40] ^= 0x01
    return bytes(changed)


def _swapped_chunks(sealed: bytes) -> bytes:
    size = CHUNK + TAG_BYTES
    first = sealed[HEADER_BYTES : HEADER_BYTES + size]
    second = sealed[HEADER_BYTES + size : HEADER_BYTES + 2 * size]
    return sealed[:HEADER_BYTES] + second + first + sealed[HEADER_BYTES + 2 * size :]


def _appended(sealed: bytes) -> bytes:
    return sealed + b"\x00" * (CHUNK + TAG_BYTES)


def _last_chunk_dropped_and_flag_moved(sealed: bytes) -> bytes:
    """A clean cut at a chunk boundary, with the header's size edited to match."""
    plain_size = 2 * CHUNK
    header = bytearray(sealed[:HEADER_BYTES])
    header[-8:] = struct.pack(">Q", plain_size)
    return bytes(header) + sealed[HEADER_BYTES : HEADER_BYTES + 2 * (CHUNK + TAG_BYTES) + TAG_BYTES]


def _chunk_size_edited(sealed: bytes) -> bytes:
    changed = bytearray(sealed)
    changed[HEADER_BYTES - 12 : HEADER_BYTES - 8] = struct.pack(">I", 10**9)
    return bytes(changed)


def _ephemeral_key_edited(sealed: bytes) -> bytes:
    changed = bytearray(sealed)
    changed[len(MAGIC) + 1 + 16] ^= 0x80
    return bytes(changed)


@pytest.mark.parametrize(
    "tamper",
    [
        _flipped,
        _swapped_chunks,
        _appended,
        _last_chunk_dropped_and_flag_moved,
        _chunk_size_edited,
        _ephemeral_key_edited,
    ],
)
def test_a_changed_package_is_refused_as_damaged_or_tampered(
    tamper: Callable[[bytes], bytes], province: ExchangeKey
) -> None:
    sealed = _sealed(os.urandom(3 * CHUNK + 100), province)
    refusal = _refusal(tamper(sealed), province)
    assert refusal.code == "sealed_damaged"
    assert "rusak atau telah diubah" in str(refusal)


def test_an_envelope_of_a_newer_version_says_so(province: ExchangeKey) -> None:
    sealed = bytearray(_sealed(b"isi", province))
    sealed[len(MAGIC)] = 2
    refusal = _refusal(bytes(sealed), province)
    assert refusal.code == "sealed_version"
    assert "lebih baru" in str(refusal)


def test_the_exchange_key_is_made_once_private_and_apart_from_the_device_key(
    tmp_path: Path,
) -> None:
    first = load_or_create_exchange_key(tmp_path)
    again = load_or_create_exchange_key(tmp_path)
    assert first.public_bytes() == again.public_bytes()
    assert (tmp_path / "exchange.key").exists()
    assert load_or_create_key(tmp_path).public_bytes() != first.public_bytes()
    if sys.platform != "win32":
        assert (tmp_path / "exchange.key").stat().st_mode & 0o777 == 0o600


def test_a_damaged_exchange_key_is_reported_not_replaced(tmp_path: Path) -> None:
    damaged = b"-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n"
    (tmp_path / "exchange.key").write_bytes(damaged)
    with pytest.raises(DeviceKeyError, match="jangan dihapus"):
        load_or_create_exchange_key(tmp_path)
    assert (tmp_path / "exchange.key").read_bytes() == damaged


def test_a_device_key_is_no_exchange_key(tmp_path: Path) -> None:
    load_or_create_key(tmp_path)
    (tmp_path / "device.key").rename(tmp_path / "exchange.key")
    with pytest.raises(DeviceKeyError, match="X25519"):
        load_or_create_exchange_key(tmp_path)
