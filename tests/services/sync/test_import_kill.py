"""An import killed at any moment (a dead battery, a crash, Task Manager) leaves the province's
database whole, holding either nothing of the package or all of it, and no half-written photo under
a real name; imported again, the package ends as an import never interrupted.

The import runs in a child process (tests/services/sync/import_child.py) that names each step a kill
may land on (SQL statements, commits, files opened for writing, renames); the parent kills it with
`Popen.kill()` (SIGKILL on POSIX, TerminateProcess on Windows) at seeded random steps, either
while the child waits at that step or as it runs on past it.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
import subprocess
import sys
import uuid
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import select

from ovop_desktop.db.models import CandidateProduct, Survey
from ovop_desktop.paths import AppPaths, resolve_paths
from ovop_desktop.services.database import open_database
from ovop_desktop.services.surveys.photos import add_photo
from ovop_desktop.services.sync.packages import canonical_dump, export_package, import_package
from tests.conftest import ROOT, MakeHome
from tests.services.sync.repackage import Records, repackaged

SEED = 12
COPIES = 12  # each survey of the officer, with its children, this many times over
CHILDREN = ("respondents", "candidate_products", "assessments", "attachments")


def _package(make_home: MakeHome, tmp_path: Path) -> Path:
    """An officer's export with photos, its surveys and their children copied under new ids:
    some hundreds of records, a few photos."""
    officer = make_home("rahmah", "Rahmah", seed=3)
    with officer.db.session() as session:
        surveys = list(session.scalars(select(Survey.id).order_by(Survey.village_code)))
        product = session.scalars(select(CandidateProduct.id)).first()
    assert product is not None
    for index, colour in enumerate([(200, 40, 40), (40, 200, 40), (40, 40, 200)]):
        picture = tmp_path / f"foto{index}.jpg"
        Image.new("RGB", (320, 240), colour).save(picture, "JPEG")
        survey = surveys[index % len(surveys)]
        add_photo(officer.db, officer.paths, picture, survey_id=survey, reason="Foto susulan")
    add_photo(officer.db, officer.paths, picture, product_id=product, reason="Foto susulan")
    export = export_package(officer.db, officer.paths, tmp_path / "usb").path
    return repackaged(export, tmp_path / "besar", officer.paths.data_dir, _copies)


def _copies(records: Records) -> None:
    """Every survey and its children again, COPIES times, each copy under new ids."""
    originals = {name: list(rows) for name, rows in records.items()}
    for _ in range(COPIES):
        new_ids: dict[str, str] = {}  # a parent's id in the original → in this copy
        for table in ("surveys", *CHILDREN):
            member = f"records/{table}.jsonl"
            records[member] += [_renamed(r, new_ids) for r in originals.get(member, [])]


def _renamed(record: dict[str, Any], new_ids: dict[str, str]) -> dict[str, Any]:
    copy = dict(record)
    new_ids[record["id"]] = copy["id"] = str(uuid.uuid4())
    for key in ("survey_id", "product_id", "assessment_id"):
        if copy.get(key) is not None:
            copy[key] = new_ids[copy[key]]
    return copy


def _home(template: Path, folder: Path) -> AppPaths:
    paths = resolve_paths(folder).ensure()
    shutil.copyfile(template, paths.database_file)
    return paths


def _child(paths: AppPaths, package: Path, stop: int = -1, pause: bool = False) -> Any:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.services.sync.import_child",
            str(paths.data_dir.parent),
            str(package),
            str(stop),
            "1" if pause else "0",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )


def _import_killed(paths: AppPaths, package: Path, stop: int, pause: bool) -> str:
    """Run the import and kill it at step `stop`: the step it was killed at (or after)."""
    child = _child(paths, package, stop, pause)
    assert child.stdout is not None
    last = ""
    for line in child.stdout:
        if line.strip() == "stop":
            break
        last = line.strip()
    child.kill()
    child.wait(timeout=30)
    child.stdout.close()
    return last


def _whole(database: Path) -> None:
    """SQLite's integrity and foreign-key checks find nothing (a killed writer's journal or
    log is rolled back or replayed as the file is opened)."""
    with closing(sqlite3.connect(database)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def _no_half_photo(paths: AppPaths) -> None:
    """Every photo under its real name holds the bytes its name is the hash of (a temporary
    file, hidden and ending in .part, may stay behind: it is never read)."""
    if not paths.attachments_dir.exists():
        return
    for file in paths.attachments_dir.rglob("*.jpg"):
        assert hashlib.sha256(file.read_bytes()).hexdigest() == file.stem, file


def _dump(paths: AppPaths) -> dict[str, list[dict[str, Any]]]:
    db = open_database(paths.database_url, migrate=False)
    try:
        return canonical_dump(db)
    finally:
        db.dispose()


class Scene:
    """The package, an empty province to copy, and what an uninterrupted import makes of it."""

    def __init__(self, make_home: MakeHome, tmp_path: Path) -> None:
        self.root = tmp_path
        self.package = _package(make_home, tmp_path)
        province = make_home("provinsi")
        province.db.dispose()  # checkpointed: the file alone is the database
        self.template = tmp_path / "provinsi.sqlite3"
        shutil.copyfile(province.paths.database_file, self.template)
        self.before = _dump(_home(self.template, tmp_path / "kosong"))
        reference = _home(self.template, tmp_path / "utuh")
        self.photos = str(reference.attachments_dir)  # in the steps of the reference import
        child = _child(reference, self.package)
        output, _ = child.communicate(timeout=120)
        lines = output.splitlines()
        assert lines[-1] == "done imported", lines[-5:]
        self.steps = [line.split(" ", 1)[1] for line in lines[:-1]]
        self.after = _dump(reference)
        assert len(self.after["surveys"]) > 30 and self.after["attachments"]

    def kill_and_finish(self, name: str, stop: int, pause: bool) -> None:
        paths = _home(self.template, self.root / name)
        where = _import_killed(paths, self.package, stop, pause)

        _whole(paths.database_file)
        _no_half_photo(paths)
        held = _dump(paths)
        assert held in (self.before, self.after), f"killed at {where}: part of the package"

        result = _import_again(paths, self.package)
        assert result == ("unchanged" if held == self.after else "imported"), where
        _whole(paths.database_file)
        _no_half_photo(paths)
        assert _dump(paths) == self.after, where
        for record in self.after["attachments"]:
            photo = paths.attachments_dir / record["sha256"][:2] / f"{record['sha256']}.jpg"
            assert photo.exists(), where

    def photo_steps(self, kind: str) -> list[int]:
        """The steps of the uninterrupted import that open or rename a photo file."""
        return [
            number
            for number, step in enumerate(self.steps, start=1)
            if step.startswith(kind) and self.photos in step
        ]


def _import_again(paths: AppPaths, package: Path) -> str:
    db = open_database(paths.database_url, migrate=False)
    try:
        return import_package(db, paths, package, trust_new=True).status
    finally:
        db.dispose()


@pytest.mark.xdist_group("import_kill")
@pytest.mark.parametrize("backend", ["sqlite"])  # a killed SQLite file; PostgreSQL has its own
def test_an_import_killed_anywhere_leaves_all_or_nothing_and_finishes_as_if_never_killed(
    make_home: MakeHome, tmp_path: Path
) -> None:
    scene = Scene(make_home, tmp_path)
    rng = random.Random(SEED)
    for number, stop in enumerate(sorted(rng.sample(range(1, len(scene.steps) + 1), 3))):
        scene.kill_and_finish(f"mati{number}", stop, pause=number != 1)

    # While writing a photo: running on from the opening of the first one (mid-write, or a
    # little later), and waiting with the last one written but not yet under its name.
    opened, renamed = scene.photo_steps("open"), scene.photo_steps("rename")
    assert opened and renamed, scene.steps
    scene.kill_and_finish("foto-ditulis", opened[0], pause=False)
    scene.kill_and_finish("foto-belum-bernama", renamed[-1], pause=True)
