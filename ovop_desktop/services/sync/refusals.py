"""Why a package could not be applied, in the reader's words: never SQL, driver text, links to
the SQLAlchemy site or a Python exception's name. The technical detail goes to the log."""

from __future__ import annotations

import logging
import re

from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from ovop_desktop.services.sync.apply import ContentError

log = logging.getLogger(__name__)

# SQLite: "UNIQUE constraint failed: letters.device_id, letters.number"
_SQLITE_UNIQUE = re.compile(r"UNIQUE constraint failed: ([\w.]+(?:, [\w.]+)*)")


def database_refusal(error: BaseException) -> tuple[str, str]:
    """What the database refused, as (Indonesian, English) text without its SQL."""
    if isinstance(error, ContentError):  # the package's own fault, said in full
        return error.message_id, error.message_en
    log.warning("the database refused a package's records", exc_info=error)
    if isinstance(error, IntegrityError):
        what = _unique_columns(error)
        if what:
            return (
                f"rekaman ganda: nilai {what} sudah dipakai rekaman lain",
                f"a duplicate record: the value of {what} is already used by another record",
            )
        if "foreign key" in str(error.orig).lower():
            return (
                "sebuah rekaman merujuk rekaman yang tidak ada",
                "a record refers to a record that does not exist",
            )
        return ("sebuah rekaman melanggar aturan basis data", "a record breaks a database rule")
    if isinstance(error, SQLAlchemyError):
        return ("basis data menolak menyimpannya", "the database refused to store it")
    return invalid_content(error)


def invalid_content(error: BaseException) -> tuple[str, str]:
    """A package whose content could not be read as records: our own checks say why; anything
    else is named only by its kind."""
    if isinstance(error, ContentError):
        return error.message_id, error.message_en
    log.warning("a package's records could not be applied", exc_info=error)
    return (
        "sebuah rekaman tidak lengkap atau berisi nilai yang salah jenis",
        "a record is incomplete or holds a value of the wrong kind",
    )


def _unique_columns(error: IntegrityError) -> str:
    diag = getattr(error.orig, "diag", None)  # psycopg names the constraint
    name = getattr(diag, "constraint_name", None)
    if name:
        return str(name).removeprefix("uq_").removesuffix("_key").replace("_", " ")
    found = _SQLITE_UNIQUE.search(str(error.orig))
    return found.group(1) if found else ""
