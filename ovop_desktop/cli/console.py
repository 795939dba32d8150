"""Output that never fails on the console's encoding.

On Windows a console or a redirected output often writes cp1252 (or cp437, cp850): a star (★)
or any character outside it ended `ovop rank` in `UnicodeEncodeError`. Standard output and
error keep the encoding the system gives them (what a batch script or `findstr` reading them
expects), and a character they cannot hold is written as its nearest plain form or `?`.
"""

from __future__ import annotations

import codecs
import io
import sys

ERROR_HANDLER = "ovop-plain"
# Characters the command line prints, in a form every code page holds.
PLAIN = {"★": "*", "☆": "-", "✓": "v", "✗": "x", "→": "->", "←": "<-", "…": "...", "–": "-"}


def _plain(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    return "".join(PLAIN.get(char, "?") for char in text), error.end


def make_output_safe() -> None:
    """Let stdout and stderr write any text: characters their encoding lacks are degraded."""
    try:
        codecs.lookup_error(ERROR_HANDLER)
    except LookupError:
        codecs.register_error(ERROR_HANDLER, _plain)
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue  # None (pythonw, a frozen windowed program) or a test's capture
        if codecs.lookup(stream.encoding).name == "utf-8":
            continue
        stream.reconfigure(errors=ERROR_HANDLER)
