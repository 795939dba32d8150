"""`python -m benchmarks.fuzz_packages`: thousands of hostile packages imported at a province.

A realistic officer's package (surveys, respondents, candidates, assessments with levels, photos,
letters, audit entries) is mutated (benchmarks.fuzz_mutations): its records, members or manifest
changed and signed again with the officer's key, or the bytes of the whole file damaged (the plain
signed package, and the package sealed to the province when this version seals). Each case is
imported into a fresh copy of a province database (empty, or already holding the package). The
import must end in a result (imported, unchanged, partial, rejected) or a typed DomainError;
anything else is a traceback. After an accepted package the database passes SQLite's integrity
and foreign-key checks and exports everything in a package that reads back; a refused one changes
no record. A failing case is printed with its name (`--case records:odd_int:17 --seed N` makes
the same mutation of a new officer's package) and its package is kept, to be imported again.
`make fuzz` runs it (minutes; not part of the test suite)."""

from __future__ import annotations

import argparse
import importlib
import json
import multiprocessing
import os
import random
import re
import shutil
import sqlite3
import sys
import tempfile
import time
import traceback
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PIL import Image
from sqlalchemy import select

from benchmarks.fuzz_mutations import BYTE_MUTATIONS, RECORD_MUTATIONS, Draft, build, draft_of
from ovop_desktop.core.errors import DomainError
from ovop_desktop.db.models import Assessment, CandidateProduct, Respondent, Survey
from ovop_desktop.exchange.keys import DeviceKey, load_or_create_key
from ovop_desktop.exchange.package import read_package
from ovop_desktop.exchange.package_format import decode_records
from ovop_desktop.exchange.records import TABLES
from ovop_desktop.paths import AppPaths, resolve_paths
from ovop_desktop.services.database import Database, open_database
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.services.letters.letter_content import LetterOptions
from ovop_desktop.services.letters.register import issue_letter, void_letter
from ovop_desktop.services.regions import import_regions
from ovop_desktop.services.rubrics import install_shipped_rubrics, rubric_in_force
from ovop_desktop.services.settings.officers import current_officer, save_profile
from ovop_desktop.services.surveys.capture import delete_respondent, update_survey
from ovop_desktop.services.surveys.photos import add_photo
from ovop_desktop.services.sync.packages import export_package, import_package

REGIONS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "wilayah-contoh.csv"
ACCEPTED = ("imported", "unchanged", "partial")
# The rows a refused package must leave as they were: every exchanged table and the levels.
COUNTED = (*(name for name, _ in TABLES), "assessment_levels", "conflicts")


# ---------------------------------------------------------------------------------------------
# The scene: an officer's package, two province databases to copy, made once per run


@dataclass(frozen=True)
class Scene:
    root: Path
    package: Path  # the officer's package, as exported
    other: Path  # a second package of the same officer, for splices
    key_dir: Path  # the officer's data folder (the key that signs mutated packages again)
    templates: dict[str, Path]  # province databases: "empty", "holding" (the package imported)
    # The two packages sealed to the province's exchange key (kept in the file `exchange_key`),
    # when this version seals packages.
    sealed: tuple[Path, Path] | None = None
    exchange_key: Path | None = None


def _home(folder: Path) -> tuple[AppPaths, Database]:
    paths = resolve_paths(folder).ensure()
    db = open_database(paths.database_url)
    install_shipped_rubrics(db)
    import_regions(db, REGIONS.read_bytes())
    return paths, db


def _photo(path: Path, colour: tuple[int, int, int]) -> Path:
    Image.new("RGB", (96, 64), colour).save(path, "JPEG")
    return path


def _officer(folder: Path) -> tuple[AppPaths, Database]:
    """An officer's laptop with records of every kind: five demo surveys (respondents, assessed
    candidates), photos on a survey, a product and a criterion, two letters (one voided), a
    corrected final survey (audit entries) and a deleted respondent."""
    paths, db = _home(folder)
    save_profile(db, name="Rahmah Hidayati")
    seed_demo(db, villages=5, seed=7)
    officer = current_officer(db)
    assert officer is not None
    with db.session() as session:
        surveys = list(session.scalars(select(Survey.id).order_by(Survey.village_code)))
        product = session.scalars(
            select(CandidateProduct.id).where(CandidateProduct.survey_id == surveys[0])
        ).first()
        assessment = session.scalars(
            select(Assessment.id).where(Assessment.product_id == product)
        ).first()
        respondent = session.scalars(
            select(Respondent.id).where(Respondent.survey_id == surveys[2])
        ).first()
    assert product is not None and assessment is not None and respondent is not None
    balai, produk = (
        _photo(folder / "balai.jpg", (40, 120, 200)),
        _photo(folder / "p.jpg", (200, 90, 40)),
    )
    late = "Foto susulan"  # the demo's work is final: a photo now is a correction
    add_photo(db, paths, balai, survey_id=surveys[0], caption="Balai desa", reason=late)
    add_photo(db, paths, produk, product_id=product, caption="Kemasan", reason=late)
    add_photo(db, paths, produk, assessment_id=assessment, criterion_id="C1", reason=late)
    rubric = rubric_in_force(db)
    letters = [
        issue_letter(
            db,
            paths,
            survey,
            LetterOptions("Bupati", "Amuntai", issued_on=date(2026, 11, 2 + i)),
            rubric,
        ).letter_id
        for i, survey in enumerate(surveys[:2])
    ]
    void_letter(db, letters[0], "Salah alamat")
    update_survey(
        db,
        surveys[1],
        {"population": 1234, "notes": "Dari kantor desa"},
        reason="Salah hitung",
        officer_id=officer.id,
    )
    delete_respondent(db, respondent, reason="Responden ganda")
    return paths, db


def _template(paths: AppPaths, db: Database, target: Path) -> Path:
    db.dispose()  # the last connection checkpoints the log: the file alone is the database
    shutil.copyfile(paths.database_file, target)
    return target


def make_scene(root: Path) -> Scene:
    paths, db = _officer(root / "petugas")
    package = export_package(db, paths, root / "usb").path
    update_survey(db, _first_survey(db), {"notes": "Dikoreksi"}, reason="Catatan kurang")
    other = export_package(db, paths, root / "usb2", everything=True).path
    db.dispose()
    empty = _template(*_home(root / "provinsi"), root / "empty.sqlite3")
    holding_paths, holding = _home(root / "provinsi-berisi")
    result = import_package(holding, holding_paths, package, trust_new=True)
    assert result.status == "imported", result.reason
    templates = {
        "empty": empty,
        "holding": _template(holding_paths, holding, root / "hold.sqlite3"),
    }
    return Scene(root, package, other, paths.data_dir, templates, *_sealed(root, package, other))


def _sealed(root: Path, *packages: Path) -> tuple[tuple[Path, Path] | None, Path | None]:
    """`packages` sealed to a province's exchange key, and that key's file; nothing when this
    version of the application has no sealed packages (exchange/sealed.py)."""
    try:
        sealed = importlib.import_module("ovop_desktop.exchange.sealed")
        keys = importlib.import_module("ovop_desktop.exchange.keys")
        key = keys.load_or_create_exchange_key(root / "kunci-provinsi")
    except (ImportError, AttributeError):
        return None, None
    targets = []
    for package in packages:
        target = package.with_name(package.stem + "-tersegel.ovop")
        with package.open("rb") as source, target.open("wb") as sink:
            sealed.seal(source, package.stat().st_size, sink, key.public_bytes())
        targets.append(target)
    return (targets[0], targets[1]), root / "kunci-provinsi" / keys.EXCHANGE_KEY_FILE_NAME


def _first_survey(db: Database) -> uuid.UUID:
    with db.session() as session:
        survey = session.scalars(select(Survey.id).order_by(Survey.village_code)).first()
    assert survey is not None
    return survey


# ---------------------------------------------------------------------------------------------
# One case


@dataclass
class Outcome:
    family: str  # "records" or "bytes"
    kind: str  # the mutation
    index: int
    what: str = ""
    status: str = ""  # imported, unchanged, partial, rejected, domain_error, traceback
    rejection: str = ""
    reason: str = ""  # of a refusal
    problem: str = ""  # traceback, or what failed after the import
    integrity_failed: bool = False
    export_failed: bool = False
    changed_when_refused: bool = False


@dataclass
class Worker:
    scene: Scene
    seed: int
    draft_json: tuple[str, str]  # the package's manifest fields and records, as JSON
    others: dict[str, bytes]  # its media (bytes: never changed in place)
    original: bytes
    other: bytes
    key: DeviceKey
    counts: dict[str, dict[str, int]]
    home: Path
    sealed: tuple[bytes, bytes] | None
    keep: Path  # where the packages of failures are kept
    # One engine for every case, its connections closed before each case's copy of a template
    # replaces the file: SQLAlchemy's compiled statements stay cached (most of an import's time).
    db: Database | None = None


_WORKER: Worker | None = None


def _start_worker(scene: Scene, seed: int, keep: Path) -> None:
    global _WORKER
    home = Path(tempfile.mkdtemp(prefix="kasus-", dir=scene.root))
    draft = draft_of(read_package(scene.package))
    _WORKER = Worker(
        scene,
        seed,
        (json.dumps(draft.manifest), json.dumps(draft.tables)),
        draft.others,
        scene.package.read_bytes(),
        scene.other.read_bytes(),
        load_or_create_key(scene.key_dir),
        {name: _row_counts(path) for name, path in scene.templates.items()},
        home,
        (scene.sealed[0].read_bytes(), scene.sealed[1].read_bytes()) if scene.sealed else None,
        keep,
    )
    if scene.exchange_key is not None:  # this province opens the sealed packages
        data_dir = resolve_paths(home).ensure().data_dir
        shutil.copyfile(scene.exchange_key, data_dir / scene.exchange_key.name)


def _row_counts(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as connection:
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}


def _checks(database: Path) -> str:
    """What SQLite's integrity and foreign-key checks find wrong ("" when both are clean)."""
    with sqlite3.connect(database) as connection:
        integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    problems = [] if integrity == ["ok"] else integrity[:3]
    return "; ".join(problems + [f"foreign key: {row}" for row in broken[:3]])


def _fresh_home(worker: Worker, template: Path) -> AppPaths:
    """The worker's province home with a new copy of `template` and no photos or exports."""
    paths = resolve_paths(worker.home).ensure()
    for leftover in (paths.attachments_dir, worker.home / "keluar"):
        shutil.rmtree(leftover, ignore_errors=True)
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{paths.database_file}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(template, paths.database_file)
    return paths


def run_case(spec: tuple[str, str, int]) -> Outcome:
    """Import one mutated package; a failure's package (and one refused while applying, for a
    reason other than a record twice) is kept in the run's folder to be imported again."""
    worker = _WORKER
    assert worker is not None, "run_case runs in a started worker"
    (worker.home / "paket.ovop").unlink(missing_ok=True)
    outcome = _import_case(worker, spec)
    applying = outcome.rejection == "invalid_records (apply)" and "dua kali" not in outcome.reason
    if (_failed(outcome) or applying) and (worker.home / "paket.ovop").exists():
        worker.keep.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(
            worker.home / "paket.ovop", worker.keep / f"{_spec(outcome).replace(':', '-')}.ovop"
        )
    return outcome


def _import_case(worker: Worker, spec: tuple[str, str, int]) -> Outcome:
    family, kind, index = spec
    outcome = Outcome(family, kind, index)
    rng = random.Random(f"{worker.seed}:{family}:{kind}:{index}")
    template = rng.choice(sorted(worker.scene.templates))
    limit = sys.getrecursionlimit()
    # Mutations copy values nested hundreds deep (copy.deepcopy takes several frames a level);
    # the import itself runs at the interpreter's usual limit, as the application does.
    sys.setrecursionlimit(max(limit, 20_000))
    try:
        data = _mutated(worker, rng, outcome)
    except Exception:  # a fault of the fuzzer, not of the application: counted apart
        outcome.status, outcome.problem = "harness", traceback.format_exc()
        return outcome
    finally:
        sys.setrecursionlimit(limit)
    outcome.what = f"{template}: {outcome.what}"
    if worker.db is not None:
        worker.db.dispose()
    paths = _fresh_home(worker, worker.scene.templates[template])
    file = worker.home / "paket.ovop"
    file.write_bytes(data)
    if worker.db is None:
        worker.db = open_database(paths.database_url, migrate=False)
    db = worker.db
    try:
        try:
            result = import_package(db, paths, file, trust_new=True)
        except DomainError as error:
            outcome.status, outcome.problem = "domain_error", f"{type(error).__name__}: {error}"
            return outcome
        except Exception:
            outcome.status, outcome.problem = "traceback", traceback.format_exc()
            return outcome
        outcome.status = result.status
        if result.status == "rejected":
            outcome.rejection = _rejection_kind(result.rejection, result.reason)
            outcome.reason = result.reason or ""
        elif result.status in ACCEPTED:
            outcome.problem = _export_problem(db, paths, worker.home / "keluar")
            outcome.export_failed = bool(outcome.problem)
    finally:
        db.dispose()
    integrity = _checks(paths.database_file)
    if integrity:
        outcome.integrity_failed, outcome.problem = True, integrity
    elif (
        outcome.status == "rejected" and _row_counts(paths.database_file) != worker.counts[template]
    ):
        outcome.changed_when_refused, outcome.problem = True, "a refused package changed records"
    return outcome


def _mutated(worker: Worker, rng: random.Random, outcome: Outcome) -> bytes:
    """The package of a case, its mutation described in `outcome.what`."""
    if outcome.family == "records":
        draft = Draft(
            json.loads(worker.draft_json[0]), json.loads(worker.draft_json[1]), dict(worker.others)
        )  # a copy, faster than deepcopy
        outcome.what = RECORD_MUTATIONS[outcome.kind](rng, draft)
        return build(draft, worker.key, rng)
    original, other = worker.original, worker.other
    if outcome.family == "sealed":
        assert worker.sealed is not None, "sealed cases run only where packages are sealed"
        original, other = worker.sealed
    data, outcome.what = BYTE_MUTATIONS[outcome.kind](rng, original, other)
    return data


def _rejection_kind(rejection: object, reason: str | None) -> str:
    kind = getattr(rejection, "value", str(rejection))
    if kind == "invalid_records" and (reason or "").startswith("Isi paket tidak sah"):
        # Refused while applying (ValueError, KeyError, TypeError from the merge), not by the
        # border check: a record the schema let through; listed apart to be looked at.
        return "invalid_records (apply)"
    return kind


def _export_problem(db: Database, paths: AppPaths, folder: Path) -> str:
    """An export of everything, read back as a package and its records: "" when it works."""
    try:
        exported = export_package(db, paths, folder, everything=True)
        package = read_package(exported.path)
        for name, data in package.members.items():
            if name.startswith("records/"):
                decode_records(data, name)
    except Exception:
        return "export: " + traceback.format_exc()
    return ""


# ---------------------------------------------------------------------------------------------
# The run and its table


def cases(mutated: int, damaged: int, sealed: int = 0) -> list[tuple[str, str, int]]:
    records, byte_kinds = sorted(RECORD_MUTATIONS), sorted(BYTE_MUTATIONS)
    return (
        [("records", records[i % len(records)], i) for i in range(mutated)]
        + [("bytes", byte_kinds[i % len(byte_kinds)], i) for i in range(damaged)]
        + [("sealed", byte_kinds[i % len(byte_kinds)], i) for i in range(sealed)]
    )


def print_summary(outcomes: list[Outcome], seconds: float, seed: int) -> None:
    headers: tuple[str, ...] = (
        "class",
        "cases",
        "imported",
        "unchanged",
        "partial",
        "rejected",
        "domain err",
    )
    headers += ("traceback", "integrity", "export", "refused+changed", "harness")
    rows: list[tuple[str, ...]] = []
    groups: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        groups.setdefault(f"{outcome.family}:{outcome.kind}", []).append(outcome)
    groups["TOTAL"] = outcomes
    for name, group in groups.items():
        status = Counter(o.status for o in group)
        rows.append(
            (
                name,
                str(len(group)),
                *(str(status[s]) for s in ("imported", "unchanged", "partial", "rejected")),
                str(status["domain_error"]),
                str(status["traceback"]),
                str(sum(o.integrity_failed for o in group)),
                str(sum(o.export_failed for o in group)),
                str(sum(o.changed_when_refused for o in group)),
                str(status["harness"]),
            )
        )
    _table(headers, rows)
    print()
    kinds = Counter((o.rejection, o.family) for o in outcomes if o.status == "rejected")
    families = ("records", "bytes", "sealed")
    _table(
        ("rejection", *families),
        [
            (kind, *(str(kinds[kind, family]) for family in families))
            for kind in sorted({k for k, _ in kinds})
        ],
    )
    applied = Counter(_gist(o.reason) for o in outcomes if o.rejection == "invalid_records (apply)")
    first = {_gist(o.reason): _spec(o) for o in reversed(outcomes) if o.reason}
    for gist, n in applied.most_common(12):
        print(f"  refused while applying, {n}x (e.g. --case {first[gist]}): {gist}")
    errors = Counter(o.problem.split(":")[0] for o in outcomes if o.status == "domain_error")
    if errors:
        print("\ndomain errors raised: " + ", ".join(f"{k} {n}" for k, n in errors.items()))
    print(f"\nseed {seed}, {len(outcomes)} cases, wall time {seconds:.1f} s")


def _gist(reason: str) -> str:
    """A refusal's reason without the ids and values that differ from case to case."""
    return re.sub(r"[0-9a-f]{8}-[0-9a-f-]{27}|'[^']*'|\d+|\s+", _blank, reason)[:150]


def _blank(match: re.Match[str]) -> str:
    return " " if match.group().isspace() else "…"


def _spec(outcome: Outcome) -> str:
    return f"{outcome.family}:{outcome.kind}:{outcome.index}"


def _table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    print(" | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    print("-+-".join("-" * w for w in widths))
    for row in rows:
        print(" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))


def _failed(outcome: Outcome) -> bool:
    return (
        outcome.status in ("traceback", "harness")
        or outcome.integrity_failed
        or outcome.export_failed
        or outcome.changed_when_refused
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--mutated", type=int, default=5000, help="packages with changed records")
    parser.add_argument("--bytes", type=int, default=1000, help="packages with damaged bytes")
    parser.add_argument(
        "--sealed", type=int, default=1000, help="sealed packages with damaged bytes"
    )
    parser.add_argument("--seed", type=int, default=None, help="default: from the clock")
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--case", help="run one case, e.g. records:odd_int:17, and show it")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else int(time.time())
    keep = Path(tempfile.gettempdir()) / f"ovop-fuzz-{seed}"
    with tempfile.TemporaryDirectory(prefix="ovop-fuzz-") as folder:
        started = time.perf_counter()
        print(f"fuzz: seed {seed}; making the officer's package ...", file=sys.stderr, flush=True)
        scene = make_scene(Path(folder))
        if args.case:
            family, kind, index = args.case.split(":")
            _start_worker(scene, seed, keep)
            outcome = run_case((family, kind, int(index)))
            print(f"{args.case}: {outcome.what}\n{outcome.status} {outcome.rejection}")
            print(outcome.reason)
            print(outcome.problem)
            return 1 if _failed(outcome) else 0
        sealed = args.sealed if scene.sealed else 0
        if args.sealed and not scene.sealed:
            print("fuzz: this version seals no packages: no sealed cases", file=sys.stderr)
        todo = cases(args.mutated, args.bytes, sealed)
        outcomes: list[Outcome] = []
        context = multiprocessing.get_context("spawn")
        with context.Pool(args.workers, _start_worker, (scene, seed, keep)) as pool:
            for outcome in pool.imap_unordered(run_case, todo, chunksize=25):
                outcomes.append(outcome)
                if _failed(outcome):
                    spec = f"{outcome.family}:{outcome.kind}:{outcome.index}"
                    print(
                        f"\nFAILED --case {spec} --seed {seed}: {outcome.what}\n{outcome.problem}"
                    )
                if len(outcomes) % 500 == 0:
                    print(f"fuzz: {len(outcomes)}/{len(todo)}", file=sys.stderr, flush=True)
        outcomes.sort(key=lambda o: (o.family, o.kind, o.index))
        print_summary(outcomes, time.perf_counter() - started, seed)
    if keep.exists():
        print(f"the packages of the cases named above are kept in {keep}")
    return 1 if any(_failed(o) for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
