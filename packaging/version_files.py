"""The files that carry the one version number (ovop_desktop/__init__.py) into a build:

- `ovop-version-info.txt`: the Windows version resource of both executables (PyInstaller's
  text format, read by EXE(version=...) on Windows);
- `ovop-version.iss`: `#define AppVersion "…"` for the Inno Setup script.

packaging/ovop.spec writes them into build/version/ on every build; run it by hand
(`python packaging/version_files.py [FOLDER]`) to build the installer from an existing bundle.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VERSION_FILE = ROOT / "ovop_desktop" / "__init__.py"
DEFAULT_FOLDER = ROOT / "build" / "version"
PRODUCT = "OVOP Desktop"
COMPANY = "OVOP Kalimantan Selatan"
DESCRIPTION = "Survei potensi desa dan penilaian produk OVOP"


def read_version(path: Path = VERSION_FILE) -> str:
    """`__version__` as written in ovop_desktop/__init__.py (read, not imported)."""
    found = re.search(r'^__version__ = "([^"]+)"$', path.read_text(encoding="utf-8"), re.M)
    if found is None:
        raise ValueError(f'no __version__ = "…" line in {path}')
    return found.group(1)


def numeric_version(version: str) -> tuple[int, int, int, int]:
    """Four numbers for Windows: 0.1.0 -> (0, 1, 0, 0); 1.2.0rc1 -> (1, 2, 0, 0)."""
    numbers = [int(part) for part in re.findall(r"\d+", version.split("+")[0])[:3]]
    padded = [*numbers, 0, 0, 0, 0][:4]
    return (padded[0], padded[1], padded[2], padded[3])


def version_info_text(version: str, file_name: str) -> str:
    numbers = numeric_version(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": DESCRIPTION,
        "FileVersion": version,
        "InternalName": file_name.removesuffix(".exe"),
        "LegalCopyright": "MIT License",
        "OriginalFilename": file_name,
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [
{table}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def write_version_files(folder: Path = DEFAULT_FOLDER) -> dict[str, Path]:
    """Write the version files into `folder`; returns them by purpose."""
    version = read_version()
    folder.mkdir(parents=True, exist_ok=True)
    written = {
        "gui": folder / "ovop-desktop-version-info.txt",
        "cli": folder / "ovop-version-info.txt",
        "iss": folder / "ovop-version.iss",
    }
    written["gui"].write_text(version_info_text(version, "ovop-desktop.exe"), encoding="utf-8")
    written["cli"].write_text(version_info_text(version, "ovop.exe"), encoding="utf-8")
    numbers = ".".join(map(str, numeric_version(version)))
    written["iss"].write_text(
        f'#define AppVersion "{version}"\n#define AppVersionNumbers "{numbers}"\n',
        encoding="utf-8",
    )
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_FOLDER
    for path in write_version_files(target).values():
        print(path)
