"""Smoke runs of a built application, as CI does them (`make bundle-check`, `make wheel-check`).

    python packaging/smoke.py bundle dist/ovop      # the frozen one-folder bundle
    python packaging/smoke.py wheel dist/wheel/ovop_desktop-*.whl   # in a fresh venv

Both run the self-test and an offscreen start of the window that must show Indonesian; the
bundle also runs a command-line day of work from its frozen `ovop`: region import, demo data,
a letter and a letter batch, an export imported into a second home, and an upgrade of a
database of the oldest schema revision. Every step prints one line; the first failure prints
what the program said and exits 1. Runs on Windows too (the executables get `.exe`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import venv
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_REGIONS = ROOT.parent / "shared" / "data" / "kalsel-kode-wilayah.csv"
FIXTURE_REGIONS = ROOT / "tests" / "fixtures" / "wilayah-contoh.csv"
OLDEST_REVISION = "0001"
EXE = ".exe" if sys.platform == "win32" else ""
# Libraries the trimming keeps out (packaging/bundle_trim.py): GTK from the build machine.
UNWANTED = ("libgtk-3", "libgdk-3", "libpango-1", "libcairo.so", "libatk-1")


class SmokeError(Exception):
    pass


def run(command: Sequence[str | Path], *, expect: int = 0, timeout: float = 300) -> str:
    """Run `command`, return its standard output; fail unless it exits with `expect`."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUTF8="1")
    started = time.monotonic()
    done = subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        timeout=timeout,
        check=False,
    )
    shown = " ".join([Path(str(command[0])).name, *map(str, command[1:])])
    if done.returncode != expect or "Traceback" in done.stderr:
        raise SmokeError(
            f"{shown}\nexit {done.returncode} (expected {expect})\n"
            f"--- stdout\n{done.stdout}\n--- stderr\n{done.stderr}"
        )
    print(f"smoke: ok  {shown}  ({time.monotonic() - started:.1f} s)", flush=True)
    return done.stdout


def check(condition: bool, what: str, output: str = "") -> None:
    if not condition:
        raise SmokeError(f"{what}\n{output}")


def check_self_test(ovop: Path, gui: Path | None = None) -> None:
    out = run([ovop, "selftest"])
    check(", 0 gagal" in out, "the self-test did not pass every check", out)
    if gui is not None:
        run([gui, "--self-test"])


def check_window(gui: Path, home: Path) -> None:
    out = run([gui, "--home", home, "--quit-after-ms", "4000"], timeout=180)
    check("navigation: Survei | Penilaian & Peringkat" in out, "the window is not Indonesian", out)


def smoke_bundle(folder: Path) -> None:
    ovop, gui = folder / f"ovop{EXE}", folder / f"ovop-desktop{EXE}"
    for program in (ovop, gui):
        check(program.is_file(), f"{program} is missing: run `make bundle` first")
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    size = sum(p.stat().st_size for p in files)
    print(f"smoke: bundle {folder}: {len(files)} files, {size / 2**20:.0f} MiB", flush=True)
    leaked = sorted(p.name for p in files if p.name.startswith(UNWANTED))
    check(not leaked, f"libraries the bundle should not carry: {leaked}")
    check_self_test(ovop, gui)
    with tempfile.TemporaryDirectory(prefix="ovop-smoke-") as scratch:
        work = Path(scratch)
        officer, province, old = work / "petugas", work / "provinsi", work / "lama"
        regions = SHARED_REGIONS if SHARED_REGIONS.is_file() else FIXTURE_REGIONS
        run([ovop, "--home", officer, "regions", "import", regions])
        run([ovop, "--home", officer, "demo", "--villages", "3", "--seed", "5"])
        surveys = json.loads(run([ovop, "--home", officer, "surveys", "list", "--json"]))
        village = surveys[0]["village_code"]
        letter = work / "surat.pdf"
        run([ovop, "--home", officer, "letter", "--village", village, "--out", letter])
        check(letter.read_bytes().startswith(b"%PDF"), "the letter is not a PDF")
        run([ovop, "--home", officer, "letter", "verify", letter])
        batch = work / "surat-semua"  # the batch renders in a process pool: frozen workers
        run([ovop, "--home", officer, "letters", "--region", village[:2], "--out", batch])
        check(any(batch.glob("*.pdf")), "the letter batch wrote no letter")
        package = run([ovop, "--home", officer, "export", "--out", work / "usb"]).strip()
        check(package.endswith(".ovop"), "export printed no package", package)
        run([ovop, "--home", province, "regions", "import", regions])
        imported = json.loads(
            run([ovop, "--home", province, "import", package, "--trust-new", "--json"])
        )
        check(imported[0]["status"] == "imported", "the package was not imported", str(imported))
        make_oldest_database(old)
        out = run([ovop, "--home", old, "db", "upgrade"])
        check(f"dari {OLDEST_REVISION}" in out, "the old database was not upgraded", out)
        out = run([ovop, "--home", old, "db", "check"])
        check("Hasil: baik" in out, "the upgraded database is not well", out)
        check_window(gui, officer)


def make_oldest_database(home: Path) -> None:
    """A database of the oldest schema revision, made with this Python's ovop_desktop (the
    source tree's): the frozen `ovop` must upgrade it through every migration."""
    sys.path.insert(0, str(ROOT))
    from ovop_desktop.db.migrate import upgrade
    from ovop_desktop.paths import resolve_paths

    paths = resolve_paths(home).ensure()
    upgrade(paths.database_url, target=OLDEST_REVISION)
    print(f"smoke: ok  database of revision {OLDEST_REVISION} made in {home}", flush=True)


def smoke_wheel(wheel: Path) -> None:
    check(wheel.is_file(), f"{wheel} is missing: run `make wheel` first")
    with tempfile.TemporaryDirectory(prefix="ovop-wheel-") as scratch:
        environment = Path(scratch) / "venv"
        venv.create(environment)  # no pip of its own: this Python's pip installs into it
        scripts = environment / ("Scripts" if sys.platform == "win32" else "bin")
        python = scripts / f"python{EXE}"
        constraints = ROOT / "requirements" / "runtime.txt"
        pip: list[str | Path] = [sys.executable, "-m", "pip", "--python", python, "install", "-q"]
        run([*pip, "-c", constraints, wheel], timeout=900)
        check_self_test(scripts / f"ovop{EXE}")
        check_window(scripts / f"ovop-desktop{EXE}", Path(scratch) / "home")


def main(argv: Sequence[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("bundle", "wheel"):
        print(__doc__, file=sys.stderr)
        return 2
    started = time.monotonic()
    try:
        if argv[0] == "bundle":
            smoke_bundle(Path(argv[1]))
        else:
            smoke_wheel(Path(argv[1]))
    except (SmokeError, subprocess.TimeoutExpired) as failure:
        print(f"smoke: FAILED {failure}", file=sys.stderr)
        return 1
    print(f"smoke: {argv[0]} passed in {time.monotonic() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
