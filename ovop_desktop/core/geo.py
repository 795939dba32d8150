"""Coordinates as officers type or paste them, and the plausibility checks on a survey's location.

Accepted: decimal degrees with a dot or an Indonesian decimal comma (``-3,4412``), degrees-minutes-
seconds and degrees-decimal-minutes with hemisphere letters in English (N/S/E/W) or Indonesian
(LU/LS/BT/BB, U/S/T/B), pairs of these, and map links (Google Maps, OpenStreetMap, ``geo:``).
Location checks (outside Kalimantan Selatan, far from the kabupaten's other surveys) are warnings
for the officer, never reasons to refuse a value.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote_plus

from ovop_desktop.core.errors import DomainError

Axis = Literal["lat", "lon"]
Point = tuple[float, float]


class GeoError(DomainError):
    """A coordinate that cannot be read; the message says what to type instead."""


class _NotAPairError(GeoError):
    """Text that holds no pair at all (as opposed to a pair with a mistake in it)."""


class _OutOfRangeError(GeoError):
    """Beyond ±90 or ±180 degrees: often just a wrong guess at where a pasted pair divides."""


# --- Reading one coordinate -------------------------------------------------------------------

# Look-alike marks that phones, word processors and web pages put in place of ° ' " and -.
_LOOKALIKES = str.maketrans(
    {
        "º": "°",
        "˚": "°",
        "′": "'",
        "’": "'",
        "‘": "'",
        "´": "'",
        "`": "'",
        "ʹ": "'",
        "″": '"',
        "”": '"',
        "“": '"',
        "ʺ": '"',
        "−": "-",
        "–": "-",
        "‒": "-",
        "‐": "-",
    }
)
_NUM = r"[0-9]+(?:[.,][0-9]+)?"
_WORDS = r"[a-z]+(?: [a-z]+)*"
# Degrees, then optionally minutes and seconds. Parts are separated by their mark or by a space,
# never by nothing, so that "3262'" cannot be read as 326° 2'.
_COORDINATE = re.compile(
    rf"(?P<sign>[+-])?\s*(?:(?P<pre>{_WORDS})\s*)?(?P<sign2>[+-])?\s*"
    rf"(?P<deg>{_NUM})"
    rf"(?:(?:\s*°\s*|\s+)(?P<min>{_NUM})(?:(?:\s*'\s*|\s+)(?P<sec>{_NUM})(?:\s*\")?|\s*')?|\s*°)?"
    rf"(?:\s*(?P<post>{_WORDS}))?",
    re.ASCII,
)

# Hemisphere words: the axis they belong to and whether they make the value negative.
_HEMISPHERES: dict[str, tuple[Axis, bool]] = {
    **dict.fromkeys(("n", "u", "lu", "north", "utara", "lintang utara"), ("lat", False)),
    **dict.fromkeys(("s", "ls", "south", "selatan", "lintang selatan"), ("lat", True)),
    **dict.fromkeys(("e", "t", "bt", "east", "timur", "bujur timur"), ("lon", False)),
    **dict.fromkeys(("w", "b", "bb", "west", "barat", "bujur barat"), ("lon", True)),
}
_LIMITS: dict[Axis, int] = {"lat": 90, "lon": 180}
_EXAMPLES: dict[Axis, tuple[str, str]] = {
    "lat": ("-3,4412 atau 3°26'28\" LS", "-3.4412 or 3°26'28\" S"),
    "lon": ("114,8417 atau 114°50'30\" BT", "114.8417 or 114°50'30\" E"),
}
_NAMES: dict[Axis, tuple[str, str]] = {
    "lat": ("Lintang", "Latitude"),
    "lon": ("Bujur", "Longitude"),
}


@dataclass(frozen=True)
class _Parts:
    """One coordinate as written, before its meaning is checked."""

    negative_sign: bool
    hemisphere: str | None
    degrees: str
    minutes: str | None
    seconds: str | None


def _normalize(text: str) -> str:
    text = text.translate(_LOOKALIKES).replace("''", '"').lower()
    text = re.sub(r"(?<=[a-z])\.", "", text)  # "L.S." is "ls"
    return " ".join(text.split())


def _structure(text: str) -> _Parts | None:
    """The parts of one written coordinate, or None when it is not shaped like one."""
    match = _COORDINATE.fullmatch(text)
    if match is None:
        return None
    sign, sign2, pre, post = match["sign"], match["sign2"], match["pre"], match["post"]
    if (sign and sign2) or (pre and post):
        return None
    return _Parts(
        negative_sign=(sign or sign2) == "-",
        hemisphere=pre or post,
        degrees=match["deg"],
        minutes=match["min"],
        seconds=match["sec"],
    )


def _hemisphere(parts: _Parts) -> tuple[Axis, bool] | None:
    if parts.hemisphere is None:
        return None
    found = _HEMISPHERES.get(parts.hemisphere)
    if found is None:
        word = parts.hemisphere.upper()
        raise GeoError(
            f"Arah “{word}” tidak dikenali. Pakai LU atau LS untuk lintang, BT atau BB untuk "
            "bujur (atau N/S/E/W).",
            f"Direction “{word}” is not recognised. Use N or S for latitude and E or W for "
            "longitude (or LU/LS/BT/BB).",
        )
    return found


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _degrees(parts: _Parts, axis: Axis) -> float:
    """The signed value of `parts` on `axis`, after every check a person can act on."""
    if parts.minutes is not None and not parts.degrees.isdigit():
        raise GeoError(
            "Jika menit ditulis, derajat harus bilangan bulat, misalnya 3°26,47' LS.",
            "When minutes are given the degrees must be whole, e.g. 3°26.47' S.",
        )
    if parts.seconds is not None and parts.minutes is not None and not parts.minutes.isdigit():
        raise GeoError(
            "Jika detik ditulis, menit harus bilangan bulat, misalnya 3°26'28,3\" LS.",
            "When seconds are given the minutes must be whole, e.g. 3°26'28.3\" S.",
        )
    minutes = _number(parts.minutes) if parts.minutes is not None else 0.0
    seconds = _number(parts.seconds) if parts.seconds is not None else 0.0
    if minutes >= 60:
        raise GeoError(
            "Menit harus kurang dari 60 (1 derajat = 60 menit).",
            "Minutes must be less than 60 (1 degree = 60 minutes).",
        )
    if seconds >= 60:
        raise GeoError(
            "Detik harus kurang dari 60 (1 menit = 60 detik).",
            "Seconds must be less than 60 (1 minute = 60 seconds).",
        )
    value = _number(parts.degrees) + minutes / 60 + seconds / 3600
    negative = parts.negative_sign
    hemisphere = _hemisphere(parts)
    if hemisphere is not None:
        hemisphere_axis, hemisphere_negative = hemisphere
        if hemisphere_axis != axis:
            word = parts.hemisphere.upper() if parts.hemisphere else ""
            if axis == "lat":
                raise GeoError(
                    f"{word} menandai bujur, bukan lintang. Untuk lintang pakai LU atau LS "
                    "(Kalimantan Selatan: LS).",
                    f"{word} marks a longitude, not a latitude. Use N or S for latitude.",
                )
            raise GeoError(
                f"{word} menandai lintang, bukan bujur. Untuk bujur pakai BT atau BB "
                "(Kalimantan Selatan: BT).",
                f"{word} marks a latitude, not a longitude. Use E or W for longitude.",
            )
        if negative and not hemisphere_negative:
            word = parts.hemisphere.upper() if parts.hemisphere else ""
            raise GeoError(
                f"Tanda minus dan {word} saling bertentangan. Tulis salah satu saja, "
                f"misalnya {_EXAMPLES[axis][0]}.",
                f"A minus sign and {word} contradict each other. Write only one, "
                f"e.g. {_EXAMPLES[axis][1]}.",
            )
        negative = hemisphere_negative
    return _in_range(-value if negative else value, axis)


def _in_range(value: float, axis: Axis) -> float:
    limit = _LIMITS[axis]
    if not -limit <= value <= limit:
        name_id, name_en = _NAMES[axis]
        raise _OutOfRangeError(
            f"{name_id} harus di antara -{limit} dan {limit} derajat. "
            f"Contoh di Kalimantan Selatan: {_EXAMPLES[axis][0]}.",
            f"{name_en} must be between -{limit} and {limit} degrees. "
            f"Example in South Kalimantan: {_EXAMPLES[axis][1]}.",
        )
    return value + 0.0  # no -0.0


def _not_recognised(axis: Axis) -> GeoError:
    example_id, example_en = _EXAMPLES[axis]
    return GeoError(
        f"Koordinat tidak dikenali. Tulis seperti {example_id}, atau tempel tautan peta.",
        f"The coordinate is not recognised. Write it like {example_en}, or paste a map link.",
    )


def parse_coordinate(text: str, axis: Axis) -> float:
    """One latitude or longitude as typed, in decimal degrees (south and west negative).

    ``"-3,4412"``, ``"3°26'28,3\\" LS"``, ``"3 26 28.3 S"``, ``"3° 26.47' S"`` → about -3.4412;
    ``"114°50'30\\" BT"`` → 114.841667. A hemisphere of the other axis is an error.
    """
    normalized = _normalize(text)
    if not normalized:
        name_id, name_en = _NAMES[axis]
        raise GeoError(
            f"{name_id} belum diisi. Tulis seperti {_EXAMPLES[axis][0]}.",
            f"{name_en} is empty. Write it like {_EXAMPLES[axis][1]}.",
        )
    parts = _structure(normalized)
    if parts is None:
        raise _not_recognised(axis)
    return _degrees(parts, axis)


# --- Reading a pair ---------------------------------------------------------------------------

# Where a pasted pair may be cut into latitude and longitude, most trustworthy first: a semicolon
# or a comma next to a space, then a space, then a bare comma ("-3.44,114.84", only in text
# without spaces). A comma between two digits is read as a decimal comma whenever another cut
# works, so "-3,44 114,84" and "-3,44, 114,84" are two comma-decimal numbers; a cut that leaves
# two readings ("-3,44,114") is refused.
_BARE_COMMA = re.compile(r",")
_CUTS = (re.compile(r"\s*;\s*|\s*,\s+|\s+,\s*"), re.compile(r"\s+"), _BARE_COMMA)
_PAIR_EXAMPLE_ID = "-3,4412; 114,8417 atau 3°26'28\" LS 114°50'30\" BT"
_PAIR_EXAMPLE_EN = "-3.4412, 114.8417 or 3°26'28\" S 114°50'30\" E"


def _is_one_coordinate(normalized: str) -> bool:
    parts = _structure(normalized)
    if parts is None:
        return False
    for axis in _LIMITS:
        try:
            _degrees(parts, axis)
        except GeoError:
            continue
        return True
    return False


def _axis_of(parts: _Parts) -> Axis | None:
    hemisphere = _hemisphere(parts)
    return None if hemisphere is None else hemisphere[0]


def _pair_values(first: _Parts, second: _Parts) -> Point:
    first_axis, second_axis = _axis_of(first), _axis_of(second)
    if first_axis is not None and first_axis == second_axis:
        raise GeoError(
            f"Kedua angka bertanda {_NAMES[first_axis][0].lower()}. Tulis lintang (LU/LS) "
            "dan bujur (BT/BB), misalnya 3°26'28\" LS 114°50'30\" BT.",
            f"Both numbers are marked as {_NAMES[first_axis][1].lower()}. Give a latitude "
            "(N/S) and a longitude (E/W), e.g. 3°26'28\" S 114°50'30\" E.",
        )
    if first_axis == "lon" or second_axis == "lat":
        return _degrees(second, "lat"), _degrees(first, "lon")
    try:
        return _degrees(first, "lat"), _degrees(second, "lon")
    except GeoError as error:
        if first_axis is not None or second_axis is not None:
            raise
        try:
            _degrees(first, "lon")
            _degrees(second, "lat")
        except GeoError:
            raise error from None
    raise GeoError(
        "Urutannya tampak terbalik: tulis lintang dulu (-90 sampai 90), lalu bujur, "
        "misalnya -3,4412; 114,8417.",
        "The order looks reversed: write the latitude first (-90 to 90), then the longitude, "
        "e.g. -3.4412, 114.8417.",
    )


def parse_coordinates(text: str) -> Point:
    """A pasted ``(latitude, longitude)``: a pair of numbers or of DMS values, or a map link.

    Without hemisphere letters the latitude comes first (as in Google Maps); with them the order
    is free. ``"-3,44, 114,84"`` is read as two comma-decimal numbers (see ``_CUTS``).
    """
    stripped = text.strip()
    if not stripped:
        raise GeoError(
            f"Koordinat belum diisi. Tulis lintang lalu bujur, misalnya {_PAIR_EXAMPLE_ID}.",
            f"The coordinates are empty. Write latitude then longitude, e.g. {_PAIR_EXAMPLE_EN}.",
        )
    if _LINK_HINT.search(stripped):
        return _parse_link(stripped)
    normalized = _normalize(stripped)
    single = _is_one_coordinate(normalized)
    for cut in _CUTS:
        if cut is _BARE_COMMA and " " in normalized:
            continue  # "3,44 BT" is one value with a decimal comma, not 3 and 44 BT
        readings: set[Point] = set()
        errors: list[GeoError] = []
        for match in cut.finditer(normalized):
            first = _structure(normalized[: match.start()].strip())
            second = _structure(normalized[match.end() :].strip())
            if first is None or second is None:
                continue
            try:
                readings.add(_pair_values(first, second))
            except GeoError as error:
                errors.append(error)
        if len(readings) == 1:
            return readings.pop()
        if len(readings) > 1:
            raise GeoError(
                "Pasangan koordinat ini dapat dibaca lebih dari satu cara. Pisahkan lintang dan "
                "bujur dengan titik koma, misalnya -3,4412; 114,8417.",
                "These coordinates can be read in more than one way. Separate latitude and "
                "longitude with a semicolon, e.g. -3.4412; 114.8417.",
            )
        if errors and not single:
            # A mistake the person made beats a range error of a cut they did not mean.
            raise next((e for e in errors if not isinstance(e, _OutOfRangeError)), errors[0])
    if single:
        raise _NotAPairError(
            "Hanya ada satu angka. Tulis lintang dan bujur, misalnya "
            f"{_PAIR_EXAMPLE_ID}, atau isi kolom lintang dan bujur masing-masing.",
            f"There is only one number. Give latitude and longitude, e.g. {_PAIR_EXAMPLE_EN}, "
            "or fill in the latitude and longitude fields separately.",
        )
    raise _NotAPairError(
        f"Koordinat tidak dikenali. Tulis lintang lalu bujur, misalnya {_PAIR_EXAMPLE_ID}, "
        "atau tempel tautan peta.",
        f"The coordinates are not recognised. Write latitude then longitude, e.g. "
        f"{_PAIR_EXAMPLE_EN}, or paste a map link.",
    )


def parse_coordinate_or_pair(text: str, axis: Axis) -> float | Point:
    """What was typed or pasted into a latitude or longitude field: one value on `axis`, or a
    whole ``(latitude, longitude)`` pair or map link pasted there to fill both fields.

    ``"-3,114"`` in a latitude field is the latitude -3.114; ``"3 26 28.3 S"`` is one DMS value;
    ``"-3,44 114,84"`` and links are pairs.
    """
    if _LINK_HINT.search(text):
        return parse_coordinates(text)
    try:
        return parse_coordinate(text, axis)
    except GeoError as single_error:
        try:
            return parse_coordinates(text)
        except _NotAPairError:
            raise single_error from None


# --- Map links --------------------------------------------------------------------------------

_LINK_HINT = re.compile(
    r"https?://|www\.|geo:|maps\.|openstreetmap|osm\.org|goo\.gl", re.IGNORECASE | re.ASCII
)
_SHORT_LINK = re.compile(r"goo\.gl/|g\.co/|maps\.app\.", re.IGNORECASE | re.ASCII)
_L = r"([+-]?[0-9]{1,3}(?:\.[0-9]+)?)"
# Most precise first: a Google place pin (!3d…!4d…) and an OpenStreetMap marker are the point
# itself; "@lat,lon" and "#map=" are only the centre of the view.
_LINK_PATTERNS = (
    re.compile(rf"!3d{_L}!4d{_L}", re.ASCII),
    re.compile(rf"[?&;]mlat={_L}(?:&(?:[^&#]*&)*?)mlon={_L}", re.ASCII),
    re.compile(
        rf"[?&;](?:q|query|ll|center|destination|daddr)=(?:loc:)?\s*{_L}\s*,\s*{_L}",
        re.IGNORECASE | re.ASCII,
    ),
    re.compile(rf"geo:{_L}\s*,\s*{_L}", re.IGNORECASE | re.ASCII),
    re.compile(rf"/(?:place|search)/{_L}\s*,\s*{_L}", re.ASCII),
    re.compile(rf"@{_L}\s*,\s*{_L}", re.ASCII),
    re.compile(rf"#map=[0-9]+(?:\.[0-9]+)?/{_L}/{_L}", re.ASCII),
)


def _parse_link(link: str) -> Point:
    decoded = unquote_plus(link)
    for pattern in _LINK_PATTERNS:
        for match in pattern.finditer(decoded):
            latitude, longitude = float(match[1]), float(match[2])
            if latitude == 0 and longitude == 0:  # "geo:0,0?q=…": a placeholder, not a point
                continue
            return _in_range(latitude, "lat"), _in_range(longitude, "lon")
    if _SHORT_LINK.search(link):
        raise GeoError(
            "Tautan pendek (maps.app.goo.gl) tidak memuat koordinat dan tidak dapat dibuka "
            "tanpa internet. Buka tautannya di peramban lalu salin alamat lengkapnya, atau "
            "salin angka koordinatnya.",
            "A short link (maps.app.goo.gl) holds no coordinates and cannot be opened without "
            "internet. Open it in a browser and copy the full address, or copy the numbers.",
        )
    raise GeoError(
        "Tautan peta ini tidak berisi koordinat. Di aplikasi peta, tekan lama titik lokasinya "
        "lalu salin angka koordinatnya, misalnya -3.4412, 114.8417.",
        "This map link holds no coordinates. In the map app, long-press the place and copy "
        "its coordinates, e.g. -3.4412, 114.8417.",
    )


# --- Writing ----------------------------------------------------------------------------------

_LETTERS: dict[Axis, tuple[str, str]] = {"lat": ("LU", "LS"), "lon": ("BT", "BB")}


def format_coordinate_id(value: float, axis: Axis) -> str:
    """``(-3.4412, "lat")`` → ``"3,44120° LS"``; ``(114.8417, "lon")`` → ``"114,84170° BT"``."""
    rounded = round(value, 5)
    letter = _LETTERS[axis][1 if rounded < 0 else 0]
    return f"{abs(rounded):.5f}".replace(".", ",") + f"° {letter}"


def format_dms(value: float, axis: Axis) -> str:
    """``(-3.4412, "lat")`` → ``"3°26'28,3\\" LS"``: seconds to a tenth (about 3 m)."""
    tenths = round(abs(value) * 36000)
    degrees, rest = divmod(tenths, 36000)
    minutes, seconds_tenths = divmod(rest, 600)
    letter = _LETTERS[axis][1 if value < 0 and tenths else 0]
    seconds = f"{seconds_tenths // 10:02d},{seconds_tenths % 10}"
    return f"{degrees}°{minutes:02d}'{seconds}\" {letter}"


# --- Plausibility -----------------------------------------------------------------------------


@dataclass(frozen=True)
class GeoBounds:
    south: float
    north: float
    west: float
    east: float

    def contains(self, latitude: float, longitude: float) -> bool:
        return self.south <= latitude <= self.north and self.west <= longitude <= self.east


# A generous box around the province (about 1°22' to 4°10' S and 114°19' to 116°33' E), with
# room for the small islands of Kotabaru south and east of Pulau Laut and Pulau Sebuku. It also
# takes in bits of the neighbouring provinces: a warning, not a border check.
KALSEL_BOUNDS = GeoBounds(south=-4.95, north=-1.30, west=114.25, east=116.60)


def outside_kalsel(latitude: float, longitude: float) -> bool:
    """True when the point cannot be in Kalimantan Selatan (a typo, a swapped sign, a photo
    taken elsewhere)."""
    return not KALSEL_BOUNDS.contains(latitude, longitude)


EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)
FAR_MIN_KM = 40.0
FAR_MIN_OTHERS = 3


def haversine_km(a: Point, b: Point) -> float:
    """Great-circle distance in km between two ``(latitude, longitude)`` points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def distance_warning(point: Point, others: Sequence[Point]) -> float | None:
    """The distance in km from `point` to the middle of the kabupaten's other surveys, when it is
    suspiciously far; else None.

    Needs at least three other surveys. The middle is their median point (robust to one wrong
    survey among them); "far" is beyond 40 km and beyond twice the distance within which nine
    in ten of the others lie from that middle. Longitudes are taken as they are (no wrap at
    ±180°: Indonesia is far from it).
    """
    if len(others) < FAR_MIN_OTHERS:
        return None
    middle = (
        statistics.median(p[0] for p in others),
        statistics.median(p[1] for p in others),
    )
    spread = [haversine_km(middle, p) for p in others]
    p90 = statistics.quantiles(spread, n=10, method="inclusive")[8]
    distance = haversine_km(point, middle)
    return distance if distance > max(FAR_MIN_KM, 2 * p90) else None
