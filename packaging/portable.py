"""The portable zip: the bundle (`make bundle`) for a USB stick, with a launcher that keeps the
data on the stick (`ovop-desktop --home <folder on the stick>`) and a README saying so.

    python packaging/portable.py dist/ovop   ->  dist/ovop-desktop-<version>-<os>-portable.zip

The zip holds `OVOP-Desktop/` with `program/` (the bundle), `data/` (empty: the home the
launcher gives), the launcher for the platform it was built on, and BACA-SAYA.txt.
"""

from __future__ import annotations

import os
import platform
import stat
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from version_files import read_version

from ovop_desktop.files import atomic_open

TOP = "OVOP-Desktop"
WINDOWS_LAUNCHER = (
    "@echo off\r\n"
    "rem OVOP Desktop portabel: data disimpan di folder data di samping berkas ini.\r\n"
    'start "" "%~dp0program\\ovop-desktop.exe" --home "%~dp0data" %*\r\n'
)
LINUX_LAUNCHER = (
    "#!/bin/sh\n"
    "# OVOP Desktop portabel: data disimpan di folder data di samping berkas ini.\n"
    'here="$(cd "$(dirname "$0")" && pwd)"\n'
    'exec "$here/program/ovop-desktop" --home "$here/data" "$@"\n'
)
README = """OVOP Desktop {version} — versi portabel (flashdisk)

Cara memakai
  Windows: klik dua kali "OVOP Desktop.cmd".
  Linux:   jalankan ./ovop-desktop.sh
  Keduanya menjalankan program/ovop-desktop dengan --home <folder data di flashdisk ini>,
  jadi semua data (basis data, cadangan, lampiran, kunci perangkat, log) tersimpan di folder
  "data" di samping berkas ini, bukan di laptop.
  Perintah baris: program/ovop --home data <perintah>  (mis. "program/ovop --home data selftest").

Penting
  - Folder "data" berisi data petugas (NIP, nomor telepon) dan kunci tanda tangan perangkat ini.
    Siapa pun yang memegang flashdisk dapat membacanya: simpan flashdisk dengan aman, dan jangan
    membuka folder data yang sama dari dua laptop sekaligus.
  - Cabut flashdisk hanya setelah aplikasi ditutup.

---
OVOP Desktop {version} — portable (USB stick) edition

Use: on Windows double-click "OVOP Desktop.cmd"; on Linux run ./ovop-desktop.sh. Both run
program/ovop-desktop --home <the "data" folder on this stick>, so every file the application
writes (database, backups, attachments, device key, logs) stays on the stick. Command line:
program/ovop --home data <command>.
The "data" folder holds officers' personal data and this device's signing key, unprotected:
keep the stick safe. Close the application before unplugging the stick.
"""


def zip_name(version: str) -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    return f"ovop-desktop-{version}-{system}-{platform.machine().lower()}-portable.zip"


def build_portable(bundle: Path, out_dir: Path) -> Path:
    """Write the portable zip of `bundle` into `out_dir`; returns its path."""
    if not (bundle / "_internal").is_dir():
        raise SystemExit(f"{bundle} is not a bundle: run `make bundle` first")
    version = read_version()
    target = out_dir / zip_name(version)
    with (
        atomic_open(target) as handle,
        zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive,
    ):
        for path in sorted(bundle.rglob("*")):
            name = f"{TOP}/program/{path.relative_to(bundle).as_posix()}"
            if path.is_symlink() or path.is_file():
                # A link is stored as the file it points to: FAT and exFAT sticks have no links.
                info = zipfile.ZipInfo.from_file(path.resolve(), name)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = (stat.S_IMODE(path.resolve().stat().st_mode) | 0o644) << 16
                archive.writestr(info, path.resolve().read_bytes())
        archive.writestr(f"{TOP}/data/", b"")
        readme = zipfile.ZipInfo(f"{TOP}/BACA-SAYA.txt")
        readme.external_attr = 0o644 << 16
        archive.writestr(readme, README.format(version=version))
        if sys.platform == "win32":
            archive.writestr(f"{TOP}/OVOP Desktop.cmd", WINDOWS_LAUNCHER)
        else:
            launcher = zipfile.ZipInfo(f"{TOP}/ovop-desktop.sh")
            launcher.external_attr = 0o755 << 16
            archive.writestr(launcher, LINUX_LAUNCHER)
    return target


if __name__ == "__main__":
    bundle = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("dist/ovop")
    written = build_portable(bundle, bundle.parent)
    print(f"{written} ({os.path.getsize(written) / 2**20:.0f} MiB)")
