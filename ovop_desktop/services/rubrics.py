"""Rubric versions: install the shipped ones, pick the one in force, load any stored version.

A rubric version is immutable: the text stored in the database is what every assessment made
with it is explained by, whatever files a later release ships.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import select

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.core.rubric_loader import parse_rubric
from ovop_desktop.db.models import RubricVersion
from ovop_desktop.paths import rubrics_dir
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError, NotFoundError
from ovop_desktop.services.settings.app_settings import RUBRIC_IN_FORCE, get_setting, set_setting

DEFAULT_RUBRIC_ID = "ovop-kalsel-2026"


@dataclass(frozen=True)
class RubricInfo:
    rubric_id: str
    version: int
    name: str
    definition_hash: str
    in_force: bool


@lru_cache(maxsize=32)
def parsed_rubric(text: str) -> Rubric:
    """A rubric definition (a stored one, or a file's), parsed once per text."""
    return parse_rubric(text)


def install_rubric(db: Database, text: str) -> Rubric:
    """Store a rubric version. The same version with other content is refused."""
    rubric = parsed_rubric(text)
    with db.session() as session:
        stored = session.get(RubricVersion, (rubric.id, rubric.version))
        if stored is None:
            session.add(
                RubricVersion(
                    rubric_id=rubric.id,
                    version=rubric.version,
                    name=rubric.name,
                    definition_hash=rubric.definition_hash,
                    definition=text,
                )
            )
        elif stored.definition_hash != rubric.definition_hash:
            raise InvalidInputError(
                f"Rubrik {rubric.name} versi {rubric.version} sudah terpasang dengan isi lain. "
                "Versi rubrik tidak boleh diubah; buat versi baru.",
                f"Rubric {rubric.name} version {rubric.version} is already installed with other "
                "content. A rubric version cannot change; make a new version.",
            )
    return rubric


def install_shipped_rubrics(db: Database) -> list[Rubric]:
    """Install every rubric file shipped in resources/rubrics that the database lacks."""
    return [
        install_rubric(db, path.read_text(encoding="utf-8"))
        for path in sorted(rubrics_dir().glob("*.toml"))
    ]


def get_rubric(db: Database, rubric_id: str, version: int) -> Rubric:
    with db.session() as session:
        text = session.scalar(
            select(RubricVersion.definition).where(
                RubricVersion.rubric_id == rubric_id, RubricVersion.version == version
            )
        )
    if text is None:
        raise NotFoundError(
            f"Rubrik {rubric_id} versi {version} belum terpasang.",
            f"Rubric {rubric_id} version {version} is not installed.",
        )
    return parsed_rubric(text)


def rubric_in_force(db: Database) -> Rubric:
    """The rubric new assessments use: the setting, else the newest default version."""
    chosen = get_setting(db, RUBRIC_IN_FORCE)
    if chosen is not None:
        return get_rubric(db, chosen["rubric_id"], int(chosen["version"]))
    with db.session() as session:
        version = session.scalar(
            select(RubricVersion.version)
            .where(RubricVersion.rubric_id == DEFAULT_RUBRIC_ID)
            .order_by(RubricVersion.version.desc())
            .limit(1)
        )
    if version is None:
        install_shipped_rubrics(db)
        return rubric_in_force(db)
    return get_rubric(db, DEFAULT_RUBRIC_ID, version)


def set_rubric_in_force(db: Database, rubric_id: str, version: int) -> Rubric:
    rubric = get_rubric(db, rubric_id, version)
    set_setting(db, RUBRIC_IN_FORCE, {"rubric_id": rubric_id, "version": version})
    return rubric


def list_rubrics(db: Database) -> list[RubricInfo]:
    current = rubric_in_force(db)
    with db.session() as session:
        rows = session.execute(
            select(
                RubricVersion.rubric_id,
                RubricVersion.version,
                RubricVersion.name,
                RubricVersion.definition_hash,
            ).order_by(RubricVersion.rubric_id, RubricVersion.version)
        ).all()
    return [
        RubricInfo(rid, ver, name, digest, (rid, ver) == (current.id, current.version))
        for rid, ver, name, digest in rows
    ]
