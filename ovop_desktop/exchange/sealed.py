"""The sealed envelope: a signed package encrypted to one recipient's X25519 key, so that a
package read by anyone but the province reveals nothing but that it is a sealed package.

Layout (docs/exchange-format.md, "Encryption to the province"), all integers big-endian:

    magic        12 bytes  b"OVOP-SEALED\\n"
    version       1 byte   1
    recipient    16 bytes  SHA-256 of the recipient's X25519 public key, first 16 bytes
    ephemeral    32 bytes  the sender's one-time X25519 public key
    chunk size    4 bytes  plaintext bytes per chunk
    plain size    8 bytes  the length of the inner package
    chunks                 ChaCha20-Poly1305, each plaintext chunk + a 16-byte tag

The key is HKDF-SHA256 of the X25519 shared secret, with both public keys in the info. Chunks
follow the STREAM construction: chunk i is sealed with the nonce ``i`` (11 bytes) followed by
a byte that is 1 on the last chunk only, and the whole header as associated data. Every chunk
but the last holds exactly ``chunk size`` bytes, the last fewer (possibly none): so a reordered,
dropped, cut or appended chunk and any edit of the header fail authentication, and a file
shorter than its header promises is named truncated.
"""

from __future__ import annotations

import hashlib
import os
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO, Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from ovop_desktop.exchange.keys import ExchangeKey, fingerprint_bytes, fingerprint_text
from ovop_desktop.exchange.package_format import DEFAULT_LIMITS, KIB, MIB, Limits, PackageError

MAGIC: Final = b"OVOP-SEALED\n"
VERSION: Final = 1
TAG_BYTES: Final = 16
DEFAULT_CHUNK_BYTES: Final = 64 * KIB
MIN_CHUNK_BYTES: Final = 1 * KIB
MAX_CHUNK_BYTES: Final = 16 * MIB
_HEADER: Final = struct.Struct(">16s32sIQ")  # recipient, ephemeral key, chunk size, plain size
HEADER_BYTES: Final = len(MAGIC) + 1 + _HEADER.size
_INFO: Final = b"OVOP-SEALED v1 ChaCha20-Poly1305 STREAM"
_LAST_COUNTER: Final = 2 ** (8 * 11) - 1


@dataclass(frozen=True)
class Unsealed:
    """What opening a sealed file learnt about it: the sealed file's own hash and size (the
    file a person holds), and the recipient key's fingerprint."""

    sha256: str
    size: int
    recipient: str


def is_sealed(path: Path) -> bool:
    """Whether the file starts like a sealed package (OSError when it cannot be read)."""
    with path.open("rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def sealed_size(plain_size: int, chunk_bytes: int = DEFAULT_CHUNK_BYTES) -> int:
    """The size of the sealed file for an inner package of `plain_size` bytes."""
    chunks = plain_size // chunk_bytes + 1
    return HEADER_BYTES + plain_size + chunks * TAG_BYTES


def seal(
    source: BinaryIO,
    plain_size: int,
    target: IO[bytes],
    recipient_public: bytes,
    *,
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
) -> None:
    """Encrypt the `plain_size` bytes read from `source` into `target`, for the holder of the
    private key of `recipient_public` (raw 32 bytes) alone. Holds one chunk at a time."""
    if not MIN_CHUNK_BYTES <= chunk_bytes <= MAX_CHUNK_BYTES:
        raise ValueError(f"chunk size {chunk_bytes} out of range")
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    header = (
        MAGIC
        + bytes([VERSION])
        + _HEADER.pack(
            fingerprint_bytes(recipient_public), ephemeral_public, chunk_bytes, plain_size
        )
    )
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    cipher = ChaCha20Poly1305(_derive(shared, ephemeral_public, recipient_public))
    target.write(header)
    full_chunks = plain_size // chunk_bytes
    for counter in range(full_chunks + 1):
        last = counter == full_chunks
        want = plain_size - full_chunks * chunk_bytes if last else chunk_bytes
        chunk = source.read(want)
        if len(chunk) != want:
            raise ValueError("the source ended before plain_size bytes")
        target.write(cipher.encrypt(_nonce(counter, last), chunk, header))
    if source.read(1):
        raise ValueError("the source holds more than plain_size bytes")


def unseal(
    source: BinaryIO,
    write: Callable[[bytes], object],
    key: ExchangeKey,
    name: str,
    *,
    limits: Limits = DEFAULT_LIMITS,
) -> Unsealed:
    """Decrypt the sealed file open as `source`, chunk by chunk, through `write` with this
    laptop's exchange key; `name` is the file's name for messages. Raises PackageError (code
    ``sealed_*``) for a package sealed to another key, a newer envelope, a truncated, damaged or
    altered one. What was written before a failure must be thrown away by the caller."""
    digest = hashlib.sha256()
    start = source.read(len(MAGIC) + 1)
    digest.update(start)
    if start[: len(MAGIC)] != MAGIC:
        raise PackageError(
            f"Berkas {name} bukan paket OVOP terenkripsi.",
            f"{name} is not an encrypted OVOP package.",
            code="not_sealed",
        )
    if len(start) <= len(MAGIC):
        raise _truncated(name)
    if start[-1] != VERSION:
        raise PackageError(
            f"Paket {name} dienkripsi dengan cara (versi {start[-1]}) yang dibuat versi aplikasi "
            "yang lebih baru. Perbarui aplikasi OVOP Desktop, lalu impor lagi.",
            f"The package {name} is encrypted in a way (version {start[-1]}) made by a newer "
            "version of the application. Update OVOP Desktop, then import it again.",
            code="sealed_version",
        )
    rest = source.read(_HEADER.size)
    digest.update(rest)
    if len(rest) < _HEADER.size:
        raise _truncated(name)
    header = start + rest
    recipient, ephemeral_public, chunk_bytes, plain_size = _HEADER.unpack(rest)
    mine = key.public_bytes()
    if recipient != fingerprint_bytes(mine):
        raise PackageError(
            f"Paket {name} dienkripsi untuk kunci provinsi lain (sidik kunci "
            f"{fingerprint_text(recipient)}), bukan untuk kunci laptop ini "
            f"({key.fingerprint()}). Hanya pemilik kunci itu yang dapat membukanya.",
            f"The package {name} is encrypted for another province key (key fingerprint "
            f"{fingerprint_text(recipient)}), not for this laptop's key ({key.fingerprint()}). "
            "Only the holder of that key can open it.",
            code="sealed_wrong_key",
        )
    if not MIN_CHUNK_BYTES <= chunk_bytes <= MAX_CHUNK_BYTES:
        raise _damaged(name)
    if plain_size > limits.max_total_bytes + limits.max_manifest_bytes + 256 * MIB:
        raise PackageError(
            f"Paket {name} ditolak: isinya terlalu besar untuk sebuah paket.",
            f"The package {name} is refused: its content is too large for a package.",
            code="sealed_too_large",
        )
    expected = sealed_size(plain_size, chunk_bytes)
    position = source.tell()
    actual = source.seek(0, os.SEEK_END)
    source.seek(position)
    if actual < expected:
        raise _truncated(name)
    if actual > expected:
        raise _damaged(name)  # something was appended
    try:
        shared = key.private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    except ValueError as error:  # a low-order point: no honest sender makes one
        raise _damaged(name) from error
    cipher = ChaCha20Poly1305(_derive(shared, ephemeral_public, mine))
    full_chunks = plain_size // chunk_bytes
    for counter in range(full_chunks + 1):
        last = counter == full_chunks
        want = (plain_size - full_chunks * chunk_bytes if last else chunk_bytes) + TAG_BYTES
        sealed_chunk = source.read(want)
        digest.update(sealed_chunk)
        if len(sealed_chunk) != want:
            raise _truncated(name)
        try:
            write(cipher.decrypt(_nonce(counter, last), sealed_chunk, header))
        except InvalidTag as error:
            raise _damaged(name) from error
    if source.read(1):  # grew while it was read
        raise _damaged(name)
    return Unsealed(digest.hexdigest(), expected, fingerprint_text(recipient))


def _derive(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=None,
        info=_INFO + ephemeral_public + recipient_public,
    ).derive(shared)


def _nonce(counter: int, last: bool) -> bytes:
    if counter > _LAST_COUNTER:
        raise ValueError("too many chunks")
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _truncated(name: str) -> PackageError:
    return PackageError(
        f"Paket terenkripsi {name} terpotong: bagian akhirnya hilang. Salin ulang dari "
        "perangkat asal.",
        f"The encrypted package {name} is truncated: its end is missing. Copy it again from "
        "the original device.",
        code="sealed_truncated",
    )


def _damaged(name: str) -> PackageError:
    return PackageError(
        f"Paket terenkripsi {name} rusak atau telah diubah: isinya tidak lolos pemeriksaan "
        "keaslian, dan tidak ada yang dibaca darinya. Salin ulang dari perangkat asal.",
        f"The encrypted package {name} is damaged or was altered: its content fails the "
        "authenticity check, and nothing of it was read. Copy it again from the original "
        "device.",
        code="sealed_damaged",
    )
