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
# A number and its unit stay on one line ("60 %", "20 kg", "Rp 15.000"): the space between them
# becomes a no-break space.
_UNITS = (
    "%|‰|°C|kg|gr|g|mg|ton|kuintal|cm|mm|km²|km|m²|m³|m|ha|ml|liter|l|jam|menit|hari|minggu|"
    "bulan|tahun|orang|unit|kali|buah|pcs|lembar|batang|ekor|pohon|kodi|lusin"
)
_NUMBER_UNIT = re.compile(rf"(\d)[ \t]+({_UNITS})(?![\w])")
_CURRENCY = re.compile(r"\b(Rp\.?|USD|US\$)[ \t]+(?=\d)")
NBSP = "\u00a0"


def keep_units(text: str) -> str:
    """``text`` with a no-break space between each number and the unit after it ("60 %",
    "6–8 jam") and after a currency before a number ("Rp 15.000")."""
    text = _NUMBER_UNIT.sub(rf"\1{NBSP}\2", text)
    return _CURRENCY.sub(rf"\1{NBSP}", text)


def no_break(text: str) -> str:
    """Markup text whose spaces are no-break spaces: short phrases kept on one line."""
    return text.replace(" ", NBSP)


def printable(text: str) -> str:
    """``text`` with every character the font cannot draw replaced by □ or dropped, and
    invisible format and control characters dropped.

    The text is NFC-normalised first, so that a decomposed "e + ◌́" uses the font's
    precomposed "é"; tabs become spaces.
    """
    if text.isascii() and text.isprintable():
        return text  # DejaVu Sans draws every printable ASCII character; NFC leaves it as is
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
        keep_units(printable(line)).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        for line in _NEWLINES.split(text)
    )


def one_line(text: str | None) -> str:
    """User text for a single line drawn straight on the canvas or into metadata: whitespace
    (newlines included) collapsed to single spaces and characters the font lacks replaced."""
    return " ".join(printable(text or "").split())


def metadata_text(text: str | None) -> str:
    """User text for the PDF's metadata (title, subject, author): one line, exactly the
    characters typed. Metadata needs no font, so nothing becomes □; only control and format
    characters are dropped."""
    kept = (
        char
        for char in unicodedata.normalize("NFC", text or "")
        if unicodedata.category(char) not in _ALWAYS_DROP or char in "\t\n\r"
    )
    return " ".join("".join(kept).split())


def unprintable(text: str | None) -> list[str]:
    """The visible characters of ``text`` the font cannot draw (printed as □), each once, in
    the order they first appear: what a preview warns about."""
    found: list[str] = []
    for char in unicodedata.normalize("NFC", text or ""):
        category = unicodedata.category(char)
        if category in _ALWAYS_DROP or "\ufe00" <= char <= "\ufe0f" or char in "\t\r\n":
            continue
        if not can_render(char) and category not in _DROP_CATEGORIES and char not in found:
            found.append(char)
    return found
