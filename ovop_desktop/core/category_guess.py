"""A candidate's category guessed from the words of its name ("Dodol Kandangan" → makanan), so
that an officer who types the name need not open the category list. Only a guess: the officer's
own choice always wins, and a name with no known word leaves the category as it is.

The words are those of Kalimantan Selatan's village products (BPS PODES commodity groups and the
products officers record); a word matches a name's word that starts with it ("anyaman" matches
"anyamannya"). Multi-word keys are tried first, so "kayu putih" is herbal, not wood.
"""

from __future__ import annotations

from collections.abc import Collection

from ovop_desktop.core.text import search_key

_WORDS: dict[str, tuple[str, ...]] = {
    "herbal": (
        "kayu putih",
        "minyak atsiri",
        "minyak serai",
        "herbal",
        "jamu",
        "atsiri",
        "serai",
        "temulawak",
        "kunyit",
        "jahe merah",
        "sabun",
    ),
    "minuman": ("kopi", "teh", "sirup", "susu", "jus", "sari", "minuman", "wedang", "cendol"),
    "makanan": (
        "dodol",
        "amplang",
        "kerupuk",
        "krupuk",
        "keripik",
        "kripik",
        "kue",
        "wadai",
        "abon",
        "ikan",
        "terasi",
        "gula",
        "roti",
        "sambal",
        "rengginang",
        "pisang",
        "udang",
        "kacang",
        "lempeng",
        "apam",
        "ketupat",
        "dendeng",
        "telur",
        "beras",
        "tempe",
        "tahu",
        "bingka",
        "kelepon",
        "madu",
        "makanan",
        "olahan",
        "manisan",
        "selai",
        "rimpi",
        "pentol",
        "bakso",
        "mie",
        "nasi",
        "soto",
        "jeruk",
        "nanas",
        "rumput laut",
    ),
    "tenun": ("sasirangan", "tenun", "kain", "batik", "songket", "bordir", "tapih", "jumputan"),
    "anyaman": (
        "anyaman",
        "purun",
        "rotan",
        "bambu",
        "pandan",
        "tikar",
        "bakul",
        "lanjung",
        "nyiru",
        "butah",
        "tanggui",
    ),
    "gerabah": ("gerabah", "keramik", "tembikar", "kendi", "cobek", "batu", "tanah liat"),
    "kayu": (
        "kayu",
        "ukiran",
        "mebel",
        "meubel",
        "furnitur",
        "jukung",
        "perahu",
        "kapal",
        "lemari",
        "kursi",
    ),
    "logam": (
        "logam",
        "pandai besi",
        "besi",
        "parang",
        "mandau",
        "pisau",
        "perak",
        "emas",
        "intan",
        "perhiasan",
        "permata",
        "kuningan",
    ),
    "kulit": ("kulit", "sepatu", "dompet"),
    "kriya": (
        "kerajinan",
        "cenderamata",
        "souvenir",
        "suvenir",
        "manik",
        "miniatur",
        "hiasan",
        "lukisan",
        "kriya",
    ),
}

# Longest keys first: the most specific wins ("kayu putih" before "kayu").
_ORDERED = sorted(
    ((tuple(search_key(word).split()), category) for category, ws in _WORDS.items() for word in ws),
    key=lambda pair: -len(pair[0]),
)
# A short key must be the whole word ("teh" is not "tehnik"); a longer one may begin it.
_WHOLE_WORD_BELOW = 5


def _matches(words: list[str], key: tuple[str, ...]) -> bool:
    if len(words) < len(key):
        return False
    *whole, last = key
    word = words[len(key) - 1]
    return words[: len(whole)] == whole and (
        word == last or (len(last) >= _WHOLE_WORD_BELOW and word.startswith(last))
    )


def guess_category(name: str, categories: Collection[str]) -> str | None:
    """The category of `categories` that the first telling word of `name` points to, or
    None."""
    words = search_key(name).split()
    for start in range(len(words)):
        for key, category in _ORDERED:
            if category in categories and _matches(words[start:], key):
                return category
    return None
