"""The keys of a data directory: the Ed25519 device key that signs every exported package, and
the X25519 exchange key that packages sealed to this laptop are encrypted to (exchange/sealed.py).

Each private key lives in its own file (PEM, PKCS#8, unencrypted) in the folder the caller
chooses, normally ``AppPaths.data_dir``: ``device.key`` and ``exchange.key``, readable by the user
alone: mode 0600 on POSIX, on Windows an ACL for the current account (files.restrict_to_user;
none is possible on a FAT/exFAT stick, which the Pengaturan page and docs/security.md say).
A key is made on the first call and reused after; an existing key is never replaced (the
province recognises a device by its signing key, and only the province's exchange key opens
what officers sealed to it), and a damaged key file is reported, never overwritten.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from ovop_desktop.core.errors import DomainError
from ovop_desktop.files import atomic_write

KEY_FILE_NAME = "device.key"
EXCHANGE_KEY_FILE_NAME = "exchange.key"
PUBLIC_KEY_BYTES = 32
SIGNATURE_BYTES = 64


class DeviceKeyError(DomainError):
    """The device key file or a public key cannot be used."""


@dataclass(frozen=True)
class DeviceKey:
    """The private signing key of this device."""

    private: Ed25519PrivateKey = field(repr=False)

    def public_bytes(self) -> bytes:
        """The raw 32-byte public key."""
        return self.private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )

    def public_b64(self) -> str:
        """The public key as standard base64 text, as written in a package manifest."""
        return base64.b64encode(self.public_bytes()).decode("ascii")

    def fingerprint(self) -> str:
        """Short text a person can compare by phone: ``3f2a 91c0 …`` (8 groups of 4 hex digits)."""
        return _fingerprint(self.public_bytes())

    def sign(self, data: bytes) -> bytes:
        """The raw 64-byte Ed25519 signature of ``data``."""
        return self.private.sign(data)


@dataclass(frozen=True)
class ExchangeKey:
    """The private X25519 key that packages sealed to this laptop are encrypted to."""

    private: X25519PrivateKey = field(repr=False)

    def public_bytes(self) -> bytes:
        """The raw 32-byte public key."""
        return self.private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )

    def public_b64(self) -> str:
        """The public key as standard base64 text, as the setup package carries it."""
        return base64.b64encode(self.public_bytes()).decode("ascii")

    def fingerprint(self) -> str:
        """Short text a person can compare by phone, as for the device key."""
        return _fingerprint(self.public_bytes())


def load_or_create_key(folder: Path) -> DeviceKey:
    """The key stored in ``folder/device.key``, made (with mode 0600) if there is none yet."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / KEY_FILE_NAME
    if not path.exists():
        _create_key_file(path, Ed25519PrivateKey.generate())
    private = _load_key_file(path, _device_key_damaged(path))
    if not isinstance(private, Ed25519PrivateKey):
        raise _device_key_damaged(path)
    return DeviceKey(private)


def load_or_create_exchange_key(folder: Path) -> ExchangeKey:
    """The key stored in ``folder/exchange.key``, made (with mode 0600) if there is none yet."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / EXCHANGE_KEY_FILE_NAME
    if not path.exists():
        _create_key_file(path, X25519PrivateKey.generate())
    damaged = DeviceKeyError(
        f"Kunci enkripsi di {path} rusak atau bukan kunci X25519. Pulihkan berkas itu dari "
        "cadangan; jangan dihapus, karena paket yang dienkripsi untuk kunci ini hanya dapat "
        "dibuka dengannya.",
        f"The encryption key at {path} is damaged or not an X25519 key. Restore that file from "
        "a backup; do not delete it, because packages encrypted to this key open only with it.",
    )
    private = _load_key_file(path, damaged)
    if not isinstance(private, X25519PrivateKey):
        raise damaged
    return ExchangeKey(private)


def public_key_bytes(public_b64: str) -> bytes:
    """The raw 32 bytes of a base64 public key (raises DeviceKeyError if it is not one)."""
    return _decode_public_key(public_b64)


def fingerprint_bytes(raw: bytes) -> bytes:
    """The 16 bytes of SHA-256 that `fingerprint_of` shows as text."""
    return hashlib.sha256(raw).digest()[:16]


def fingerprint_text(digest: bytes) -> str:
    """16 fingerprint bytes as the text people compare: ``3f2a 91c0 …``."""
    hex_digits = digest.hex()
    return " ".join(hex_digits[i : i + 4] for i in range(0, len(hex_digits), 4))


def verify_signature(public_b64: str, data: bytes, signature: bytes) -> bool:
    """Whether ``signature`` is a valid Ed25519 signature of ``data`` by that public key."""
    try:
        raw = _decode_public_key(public_b64)
    except DeviceKeyError:
        return False
    if len(signature) != SIGNATURE_BYTES:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(raw).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def fingerprint_of(public_b64: str) -> str:
    """The fingerprint of a base64 public key (raises DeviceKeyError if it is not one)."""
    return _fingerprint(_decode_public_key(public_b64))


def is_public_key(public_b64: str) -> bool:
    """Whether the text is the canonical base64 form of a 32-byte public key."""
    try:
        _decode_public_key(public_b64)
    except DeviceKeyError:
        return False
    return True


def _fingerprint(raw: bytes) -> str:
    return fingerprint_text(fingerprint_bytes(raw))


def _decode_public_key(public_b64: str) -> bytes:
    try:
        raw = base64.b64decode(public_b64.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, AttributeError):
        raw = b""
    if len(raw) != PUBLIC_KEY_BYTES or base64.b64encode(raw).decode("ascii") != public_b64:
        raise DeviceKeyError(
            "Kunci publik perangkat tidak sah (harus 32 bita dalam base64).",
            "The device public key is not valid (it must be 32 bytes in base64).",
        )
    return raw


def _create_key_file(path: Path, private: Ed25519PrivateKey | X25519PrivateKey) -> None:
    """Write a new key to a private temporary file, then put it in place without overwriting.

    The key appears under its real name only once it is complete and synced, so a crash while
    creating it leaves no empty key file behind. If two callers race, the first key wins and
    both read it back.
    """
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    # Exclusive: if two callers race, the first key stays and both read it back.
    with contextlib.suppress(FileExistsError):
        atomic_write(path, pem, mode=0o600, exclusive=True)


def _device_key_damaged(path: Path) -> DeviceKeyError:
    return DeviceKeyError(
        f"Kunci perangkat di {path} rusak atau bukan kunci Ed25519. Pulihkan berkas itu dari "
        "cadangan; jangan dihapus, karena dinas provinsi mengenali perangkat ini dari kuncinya.",
        f"The device key at {path} is damaged or not an Ed25519 key. Restore that file from a "
        "backup; do not delete it, because the province recognises this device by its key.",
    )


def _load_key_file(path: Path, damaged: DeviceKeyError) -> object:
    """The private key in the PEM file at `path`; `damaged` is raised when it holds none."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DeviceKeyError(
            f"Kunci di {path} tidak dapat dibaca: {error.strerror or error}.",
            f"The key at {path} cannot be read: {error.strerror or error}.",
        ) from error
    try:
        return serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm) as error:
        raise damaged from error
