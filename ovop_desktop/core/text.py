"""Text keys for case- and accent-insensitive comparison and search of names."""

from __future__ import annotations

import re
import unicodedata

# Apostrophe-like characters. They are deleted rather than turned into spaces, so that a name
# written "Bi'ih" is found by typing "biih" as well as "bi'ih", and "Ba’u" (typographic
# apostrophe, as phones type it) matches "Ba'u". A space would split "Bi'ih" into "bi ih", which
# a user typing "biih" would never find.
_APOSTROPHES = "'\u2018\u2019\u201b\u02bc\u02bb\u0060\u00b4\u2032"
_DELETE_APOSTROPHES = str.maketrans("", "", _APOSTROPHES)

# Everything that is neither a letter nor a digit nor whitespace (dots, commas, hyphens,
# slashes, parentheses, quotes, symbols, underscores) separates words in a search key.
_NON_WORD = re.compile(r"[\W_]+")


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Return ``text`` without case, accents or extra whitespace, for comparing names.

    ``fold("  Désa  BANUA\tLawas ") == "desa banua lawas"``. Compatibility forms are unified too
    (``"ﬁ"`` → ``"fi"``, full-width digits → ASCII digits, no-break space → space).
    """
    if text.isascii():  # most region names: nothing to decompose
        return " ".join(text.lower().split())
    # Case-fold after decomposing as well as before: NFKD can produce capitals ("Ⅻ" → "XII").
    folded = _strip_marks(_strip_marks(text).casefold())
    return " ".join(folded.split())


def search_key(text: str) -> str:
    """Return the key under which a name is indexed and a query is matched.

    It is :func:`fold` with apostrophes removed and all other punctuation turned into spaces:
    ``search_key("Bi'ih") == search_key("biih") == "biih"``,
    ``search_key("Lambang Sari I, II, III") == "lambang sari i ii iii"``,
    ``search_key("Kec. Banjarbaru-Utara") == "kec banjarbaru utara"``.
    """
    # Apostrophes go before folding (NFKD turns "´" into a space plus a mark) and after it
    # (NFKD turns "ŉ" into "ʼn").
    folded = fold(text.translate(_DELETE_APOSTROPHES)).translate(_DELETE_APOSTROPHES)
    return " ".join(_NON_WORD.sub(" ", folded).split())
