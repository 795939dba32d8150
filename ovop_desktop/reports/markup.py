"""User text made safe for reportlab Paragraph markup: printed literally, whatever it contains.

Names, stories, notes and justifications are typed by people: ``<b>``, ``&amp;``, quotes and
``<br/>`` must come out on paper as typed, newlines must break lines, and characters the bundled
font has no glyph for (most emoji) must neither crash the build nor vanish silently.

Very long words are not touched here: every paragraph style of the reports sets
``splitLongWords`` so reportlab cuts a word wider than its line or cell. (A zero-width space is
no break opportunity for reportlab's line breaker, and it would end up in the extracted text.)
"""

from __future__ import annotations

import re
import unicodedata

from ovop_desktop.reports.fonts import can_render

MISSING_GLYPH = "□"  # U+25A1, drawn by every DejaVu face
_NEWLINES = re.compile(r"\r\n|[\r\n\u2028\u2029\x0b\x0c\x85]")
# Invisible characters without a glyph (joiners, variation selectors, combining marks the font
# lacks, control characters) are dropped rather than shown as a box: they carry no letter.
_DROP_CATEGORIES = frozenset({"Cf", "Mn", "Me", "Cc", "Cs", "Co", "Cn"})
# Format and control characters and variation selectors (U+FE00–FE0F, which follow emoji)
# are dropped even when the font has a blank glyph for them: inside a name they would only
# hinder searching the PDF.
_ALWAYS_DROP = frozenset({"Cf", "Cc"})


def printable(text: str) -> str:
    """``text`` with every character the font cannot draw replaced by □ or dropped, and
    invisible format and control characters dropped.

    The text is NFC-normalised first, so that a decomposed "e + ◌́" uses the font's
    precomposed "é"; tabs become spaces.
    """
    out = []
    for char in unicodedata.normalize("NFC", text.replace("\t", " ")):
        category = unicodedata.category(char)
        if category in _ALWAYS_DROP or "\ufe00" <= char <= "\ufe0f":
            continue
        if can_render(char):
            out.append(char)
        elif category not in _DROP_CATEGORIES:
            out.append(MISSING_GLYPH)
    return "".join(out)


def escape_text(text: str | None) -> str:
    """Paragraph markup that prints ``text`` exactly as typed; ``None`` gives ``""``.

    ``&``, ``<`` and ``>`` are escaped (quotes need no escaping in element text), every kind
    of line break becomes ``<br/>``, and characters the font lacks become □ (see
    :func:`printable`).
    """
    if not text:
        return ""
    return "<br/>".join(
        printable(line).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        for line in _NEWLINES.split(text)
    )


def one_line(text: str | None) -> str:
    """User text for a single line drawn straight on the canvas or into metadata: whitespace
    (newlines included) collapsed to single spaces and characters the font lacks replaced."""
    return " ".join(printable(text or "").split())
