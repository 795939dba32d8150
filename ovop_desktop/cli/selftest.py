"""`ovop selftest` (and `ovop-desktop --self-test`): is this installation whole?

Run from a frozen bundle, a wheel in a fresh environment or the source tree, it imports every
module of the application, finds the files it ships (migrations, fonts, rubric, translations,
reference data) and does one small piece of real work with each part: a letter page with its
QR code rendered to memory, a package signed and verified, a temporary database migrated, the
Indonesian translation loaded. One line per check; exit status 1 if any check failed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from ovop_desktop import __version__
from ovop_desktop.cli.context import Adder, Context, Exit, SubParsers

Check = Callable[[], str]

# Modules that run something when imported, rather than define it: `python -m` entry points, and
# Alembic's scripts (read as files by Alembic, checked by `_check_migrations`).
NOT_IMPORTED = ("__main__", "ovop_desktop.db.migrations")
# Each of these must contribute modules: a walk that finds nothing would otherwise pass.
LAYERS = ("cli", "core", "db", "exchange", "reports", "services", "ui")
FONT_FILES = ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique")
REGION_LIST = "kalsel-kode-wilayah.csv"


class SelfTestError(Exception):
    """A check found the installation incomplete; the message says what is missing."""


def application_modules() -> Iterator[str]:
    """The names of every module of the ovop_desktop package that may be imported."""
    import pkgutil  # here, not at the top: `ovop --help` builds this module's parser too

    import ovop_desktop

    for info in pkgutil.walk_packages(ovop_desktop.__path__, "ovop_desktop."):
        name = info.name
        if name.rsplit(".", 1)[-1] == "__main__" or name.startswith(NOT_IMPORTED[1]):
            continue
        yield name


def _check_modules() -> str:
    import importlib

    names = list(application_modules())
    failed = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:  # every kind of import trouble is reported, not raised
            failed.append(f"{name} ({type(exc).__name__}: {exc})")
    if failed:
        raise SelfTestError(f"{len(failed)} of {len(names)} cannot be imported: {failed[:3]}")
    found = {name.split(".")[1] for name in names if name.count(".") >= 2}
    missing = [layer for layer in LAYERS if layer not in found]
    if missing:
        raise SelfTestError(f"no modules found in {', '.join(missing)}")
    return f"{len(names)} modules imported"


def _check_migrations() -> str:
    from alembic.script import ScriptDirectory

    from ovop_desktop.db.migrate import MIGRATIONS_DIR, alembic_config
    from ovop_desktop.db.revision import HEAD_REVISION

    if not (MIGRATIONS_DIR / "env.py").is_file():
        raise SelfTestError(f"{MIGRATIONS_DIR / 'env.py'} is missing")
    scripts = ScriptDirectory.from_config(alembic_config())
    revisions = list(scripts.walk_revisions())
    head = scripts.get_current_head()
    if head != HEAD_REVISION:
        raise SelfTestError(f"head revision {head}, the code expects {HEAD_REVISION}")
    return f"{len(revisions)} revisions, head {head} in {MIGRATIONS_DIR}"


def _check_fonts() -> str:
    from ovop_desktop.reports.fonts import fonts_dir, register_fonts

    folder = fonts_dir()
    missing = [f"{name}.ttf" for name in FONT_FILES if not (folder / f"{name}.ttf").is_file()]
    if missing:
        raise SelfTestError(f"missing in {folder}: {', '.join(missing)}")
    register_fonts()
    return f"{len(FONT_FILES)} DejaVu faces in {folder}"


def _check_rubric() -> str:
    from ovop_desktop.core.rubric_loader import parse_rubric
    from ovop_desktop.paths import rubrics_dir

    files = sorted(rubrics_dir().glob("*.toml"))
    if not files:
        raise SelfTestError(f"no rubric in {rubrics_dir()}")
    rubrics = [parse_rubric(path.read_text(encoding="utf-8")) for path in files]
    return ", ".join(f"{r.id} v{r.version}" for r in rubrics)


def _check_translation_files() -> str:
    from ovop_desktop.paths import translations_dir

    folder = translations_dir()
    wanted = [folder / "ovop_id.qm", folder / "qtbase_id.qm"]
    missing = [path.name for path in wanted if not path.is_file() or path.stat().st_size == 0]
    if missing:
        raise SelfTestError(f"missing in {folder}: {', '.join(missing)}")
    return f"{', '.join(path.name for path in wanted)} in {folder}"


def _check_reference() -> str:
    from ovop_desktop.core.region_csv import parse_region_csv
    from ovop_desktop.paths import reference_dir

    path = reference_dir() / REGION_LIST
    if not path.is_file():
        raise SelfTestError(f"{path} is missing")
    parsed = parse_region_csv(path.read_bytes())  # raises RegionCsvError naming its problems
    if not parsed.rows:
        raise SelfTestError(f"{path} lists no region")
    return f"{len(parsed.rows)} regions in {path.name}"


def _check_letter() -> str:
    from ovop_desktop.reports.letter import render_letter
    from ovop_desktop.reports.sample import sample_letter

    data = sample_letter(1)
    pdf = render_letter(data, attachment=False)
    if not pdf.startswith(b"%PDF") or b"%%EOF" not in pdf[-64:]:
        raise SelfTestError("the rendered letter is not a whole PDF")
    return f"letter with QR code {data.verification_code}: {len(pdf):,} bytes of PDF"


def _check_package() -> str:
    from ovop_desktop.exchange.keys import load_or_create_key
    from ovop_desktop.exchange.package import read_package
    from ovop_desktop.exchange.package_write import write_package

    members = [("records/surveys.jsonl", b'{"id": "uji-mandiri"}\n')]
    fields = {
        "kind": "survey-export",
        "device_id": "00000000-0000-4000-8000-000000000000",
        "device_name": "uji mandiri",
        "officer_name": "uji mandiri",
        "schema_revision": "0001",
        "watermark_from": None,
        "watermark_to": None,
        "counts": {"surveys": 1},
    }
    import tempfile

    with tempfile.TemporaryDirectory(prefix="ovop-selftest-") as folder:
        key = load_or_create_key(Path(folder) / "key")
        path = write_package(Path(folder), "uji", fields, members, key)
        package = read_package(path)  # checks the signature and every member's hash
    if package.members != dict(members) or package.fingerprint != key.fingerprint():
        raise SelfTestError("the package read back differs from the one written")
    return f"signed and verified ({package.size:,} bytes)"


def _check_database() -> str:
    import tempfile

    from ovop_desktop.db.migrate import current_revision
    from ovop_desktop.db.revision import HEAD_REVISION
    from ovop_desktop.paths import resolve_paths
    from ovop_desktop.services.database import open_database
    from ovop_desktop.services.rubrics import install_shipped_rubrics

    with tempfile.TemporaryDirectory(prefix="ovop-selftest-") as home:
        paths = resolve_paths(home).ensure()
        db = open_database(paths.database_url, backups_dir=paths.backups_dir)
        try:
            revision = current_revision(db.engine)
            install_shipped_rubrics(db)
        finally:
            db.dispose()
    if revision != HEAD_REVISION:
        raise SelfTestError(f"migrated to {revision}, expected {HEAD_REVISION}")
    return f"temporary SQLite database migrated to {revision}"


def _check_qt_translation() -> str:
    from ovop_desktop.ui.selfcheck import check_translation

    return check_translation()


CHECKS: tuple[tuple[str, Check], ...] = (
    ("modules", _check_modules),
    ("migrations", _check_migrations),
    ("fonts", _check_fonts),
    ("rubric", _check_rubric),
    ("translations", _check_translation_files),
    ("reference", _check_reference),
    ("letter", _check_letter),
    ("package", _check_package),
    ("database", _check_database),
    ("language", _check_qt_translation),
)


def run_self_test(out: Callable[[str], None] = print) -> int:
    """Run every check, printing one line each; `Exit.ERROR` if any failed."""
    frozen = "frozen" if getattr(sys, "frozen", False) else "not frozen"
    out(f"OVOP Desktop {__version__} · Python {sys.version.split()[0]} · {frozen}")
    failed = 0
    for name, check in CHECKS:
        try:
            detail = check()
        except Exception as exc:  # a check's trouble is its result, never a traceback
            failed += 1
            out(f"GAGAL {name:<13} {type(exc).__name__}: {exc}")
        else:
            out(f"OK    {name:<13} {detail}")
    passed = len(CHECKS) - failed
    out(f"uji mandiri: {passed} lulus, {failed} gagal")
    return Exit.ERROR if failed else Exit.OK


def cmd_selftest(ctx: Context) -> int:
    return run_self_test()


def register(commands: SubParsers, add: Adder) -> None:
    """Add `selftest`."""
    add(commands, "selftest", "periksa kelengkapan instalasi (uji mandiri)", cmd_selftest)
