"""Retrying a transaction that lost a race with another one, as a database server expects.

Several staff at the province import into one PostgreSQL database at once. Two imports of
overlapping packages may then collide: a deadlock or a serialization failure (the server rolls
one back and says so), or both inserting the same new record (a unique violation for the later
one). None of that is the user's problem: the transaction is run again after a short, random
pause, and the merge rule then sees what the other import wrote.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError

from ovop_desktop.services.errors import StorageError

T = TypeVar("T")

# SQLSTATE: serialization_failure, deadlock_detected, unique_violation
TRANSIENT_SQLSTATES = frozenset({"40001", "40P01", "23505"})
ATTEMPTS = 30
FIRST_PAUSE = 0.02  # seconds; doubles with each attempt, up to MAX_PAUSE
MAX_PAUSE = 0.5


def transient(error: BaseException) -> bool:
    """Whether running the same transaction again may well succeed."""
    if isinstance(error, StorageError):  # typed where it happened (services/database.py)
        return error.transient
    if not isinstance(error, DBAPIError):
        return False
    original = error.orig
    state = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
    if state in TRANSIENT_SQLSTATES:
        return True
    # SQLite: another process holds the write lock beyond the busy timeout
    return "database is locked" in str(original)


def retrying(work: Callable[[], T], *, attempts: int = ATTEMPTS) -> T:
    """`work()`, run again while it fails transiently (at most `attempts` times in all)."""
    pause = FIRST_PAUSE
    for _ in range(attempts - 1):
        try:
            return work()
        except (DBAPIError, StorageError) as error:
            if not transient(error):
                raise
        time.sleep(random.uniform(0, pause))
        pause = min(pause * 2, MAX_PAUSE)
    return work()
