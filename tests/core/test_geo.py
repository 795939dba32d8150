"""Coordinates are read however officers type or paste them; odd locations only warn."""

from __future__ import annotations

import pytest

from ovop_desktop.core.geo import (
    KALSEL_BOUNDS,
    GeoError,
    distance_warning,
    format_coordinate_id,
    format_dms,
    haversine_km,
    outside_kalsel,
    parse_coordinate,
    parse_coordinate_or_pair,
    parse_coordinates,
)

DMS_LAT = -(3 + 26 / 60 + 28.3 / 3600)
DMS_LON = 114 + 50 / 60 + 30 / 3600


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-3,4412", -3.4412),
        ("-3.4412", -3.4412),
        ("−3,4412", -3.4412),  # a typographic minus from a word processor
        ("  -3.4412  ", -3.4412),
        ("3,44120° LS", -3.4412),
        ("3.4412 S", -3.4412),
        ("LS 3,4412", -3.4412),
        ("3,4412 lintang selatan", -3.4412),
        ("3,4412 L.S.", -3.4412),
        ("-3,4412 LS", -3.4412),  # minus and LS agree
        ("3°26'28.3\"S", DMS_LAT),
        ("3° 26' 28,3\" LS", DMS_LAT),
        ("3 26 28.3 S", DMS_LAT),
        ("3°26′28.3″ S", DMS_LAT),
        ("3º26'28.3''S", DMS_LAT),
        ("S 3°26'28.3\"", DMS_LAT),
        ("3° 26.47' S", -(3 + 26.47 / 60)),
        ("3 26,47 LS", -(3 + 26.47 / 60)),
        ("3°26' LS", -(3 + 26 / 60)),
        ("2,1 LU", 2.1),
        ("2,1 U", 2.1),
        ("2.1 N", 2.1),
        ("0", 0.0),
        ("-90", -90.0),
    ],
)
def test_latitudes_are_read_in_every_usual_spelling(text: str, expected: float) -> None:
    assert parse_coordinate(text, "lat") == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("114.8417", 114.8417),
        ("114,8417", 114.8417),
        ("114°50'30\" E", DMS_LON),
        ("114°50'30\" BT", DMS_LON),
        ("114 50 30 T", DMS_LON),
        ("BT 114°50'30\"", DMS_LON),
        ("114°50'30\" bujur timur", DMS_LON),
        ("114° 50.5' E", 114 + 50.5 / 60),
        ("73,5 BB", -73.5),
        ("73.5 W", -73.5),
        ("73,5 B", -73.5),
        ("180", 180.0),
    ],
)
def test_longitudes_are_read_in_every_usual_spelling(text: str, expected: float) -> None:
    assert parse_coordinate(text, "lon") == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize(
    ("text", "axis", "message"),
    [
        ("", "lat", "Lintang belum diisi. Tulis seperti -3,4412 atau 3°26'28\" LS."),
        ("   ", "lon", "Bujur belum diisi. Tulis seperti 114,8417 atau 114°50'30\" BT."),
        (
            "tiga koma empat",
            "lat",
            "Koordinat tidak dikenali. Tulis seperti -3,4412 atau 3°26'28\" LS, atau tempel "
            "tautan peta.",
        ),
        (
            "3,4,5",
            "lon",
            "Koordinat tidak dikenali. Tulis seperti 114,8417 atau 114°50'30\" BT, atau tempel "
            "tautan peta.",
        ),
        ("3262'", "lat", "Koordinat tidak dikenali."),
        ("S 3,44 S", "lat", "Koordinat tidak dikenali."),
        ("--3,44", "lat", "Koordinat tidak dikenali."),
        (
            "3,4412 BT",
            "lat",
            "BT menandai bujur, bukan lintang. Untuk lintang pakai LU atau LS "
            "(Kalimantan Selatan: LS).",
        ),
        ("3°26' E", "lat", "E menandai bujur, bukan lintang."),
        (
            "114,84 LS",
            "lon",
            "LS menandai lintang, bukan bujur. Untuk bujur pakai BT atau BB "
            "(Kalimantan Selatan: BT).",
        ),
        ("114,84 N", "lon", "N menandai lintang, bukan bujur."),
        (
            "-3,44 LU",
            "lat",
            "Tanda minus dan LU saling bertentangan. Tulis salah satu saja, misalnya -3,4412 "
            "atau 3°26'28\" LS.",
        ),
        ("-114,84 BT", "lon", "Tanda minus dan BT saling bertentangan."),
        ("3,44 X", "lat", "Arah “X” tidak dikenali. Pakai LU atau LS untuk lintang"),
        (
            "93,5",
            "lat",
            "Lintang harus di antara -90 dan 90 derajat. Contoh di Kalimantan Selatan: -3,4412 "
            "atau 3°26'28\" LS.",
        ),
        ("90°0'1\" S", "lat", "Lintang harus di antara -90 dan 90 derajat."),
        ("-180,5", "lon", "Bujur harus di antara -180 dan 180 derajat."),
        ("3° 60' S", "lat", "Menit harus kurang dari 60 (1 derajat = 60 menit)."),
        ("3°26'60\" S", "lat", "Detik harus kurang dari 60 (1 menit = 60 detik)."),
        (
            "3,5° 26' S",
            "lat",
            "Jika menit ditulis, derajat harus bilangan bulat, misalnya 3°26,47' LS.",
        ),
        (
            "3° 26,5' 28\" S",
            "lat",
            "Jika detik ditulis, menit harus bilangan bulat, misalnya 3°26'28,3\" LS.",
        ),
    ],
)
def test_a_coordinate_that_cannot_be_read_says_what_to_type(
    text: str, axis: str, message: str
) -> None:
    with pytest.raises(GeoError) as caught:
        parse_coordinate(text, "lat" if axis == "lat" else "lon")
    assert str(caught.value).startswith(message)
    assert caught.value.message_en  # the English interface has its own sentence


def test_geo_error_is_a_domain_error_with_english() -> None:
    with pytest.raises(GeoError) as caught:
        parse_coordinate("95", "lat")
    assert caught.value.message_en.startswith("Latitude must be between -90 and 90 degrees.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-3.44, 114.84", (-3.44, 114.84)),
        ("-3.44,114.84", (-3.44, 114.84)),
        ("-3.44 114.84", (-3.44, 114.84)),
        ("-3,44 114,84", (-3.44, 114.84)),
        ("-3,44; 114,84", (-3.44, 114.84)),
        ("-3,44;114,84", (-3.44, 114.84)),
        ("-3,44, 114,84", (-3.44, 114.84)),  # "a,b, c,d": two comma-decimal numbers
        ("-3,44 , 114,84", (-3.44, 114.84)),
        ("-3,44,114,84", (-3.44, 114.84)),  # three commas: the middle one separates
        ("3°26'28.3\"S 114°50'30\"E", (DMS_LAT, DMS_LON)),
        ("3°26'28.3\"S, 114°50'30\"E", (DMS_LAT, DMS_LON)),
        ("3°26'28,3\"S,114°50'30\"E", (DMS_LAT, DMS_LON)),
        ("3° 26' 28,3\" LS 114° 50' 30\" BT", (DMS_LAT, DMS_LON)),
        ("3 26 28.3 S 114 50 30 E", (DMS_LAT, DMS_LON)),
        ("S 3 26 28.3 E 114 50 30", (DMS_LAT, DMS_LON)),
        ("LS 3°26'28,3\" BT 114°50'30\"", (DMS_LAT, DMS_LON)),
        ("114°50'30\" BT 3°26'28,3\" LS", (DMS_LAT, DMS_LON)),  # with letters, any order
        ("lintang selatan 3,4412 bujur timur 114,8417", (-3.4412, 114.8417)),
        ("S3 26.470 E114 50.500", (-(3 + 26.47 / 60), 114 + 50.5 / 60)),
        ("3°26'28.3\"S 114°50'30\"", (DMS_LAT, DMS_LON)),
    ],
)
def test_pasted_pairs_are_read(text: str, expected: tuple[float, float]) -> None:
    latitude, longitude = parse_coordinates(text)
    assert latitude == pytest.approx(expected[0], abs=1e-9)
    assert longitude == pytest.approx(expected[1], abs=1e-9)


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("https://www.google.com/maps/@-3.4412,114.8417,17z", (-3.4412, 114.8417)),
        ("https://maps.google.com/?q=-3.4412,114.8417", (-3.4412, 114.8417)),
        ("https://maps.google.com/maps?q=-3.4412,+114.8417&z=17", (-3.4412, 114.8417)),
        (
            "https://www.google.com/maps/search/?api=1&query=-3.4412%2C114.8417",
            (-3.4412, 114.8417),
        ),
        ("https://maps.google.com/maps?ll=-3.4412,114.8417&z=15", (-3.4412, 114.8417)),
        ("https://maps.apple.com/?ll=-3.4412,114.8417", (-3.4412, 114.8417)),
        (
            "https://www.google.com/maps/place/-3.4412,114.8417/@-3.44,114.84,17z",
            (-3.4412, 114.8417),
        ),
        (
            # the place's pin (!3d…!4d…) is the point; "@" is only the centre of the view
            "https://www.google.com/maps/place/Pasar+Terapung/@-3.30,114.50,12z/data="
            "!3m1!4b1!4m6!3m5!1s0x2de423:0x1!8m2!3d-3.3186!4d114.5944!16s",
            (-3.3186, 114.5944),
        ),
        ("geo:-3.4412,114.8417", (-3.4412, 114.8417)),
        ("geo:-3.4412,114.8417;u=12", (-3.4412, 114.8417)),
        ("geo:0,0?q=-3.4412,114.8417(Desa Banjang)", (-3.4412, 114.8417)),
        ("https://www.openstreetmap.org/#map=17/-3.4412/114.8417", (-3.4412, 114.8417)),
        (
            "https://www.openstreetmap.org/?mlat=-3.4412&mlon=114.8417#map=12/-3.50/114.90",
            (-3.4412, 114.8417),
        ),
        ("Lokasi: https://maps.google.com/?q=-3.4412,114.8417 ", (-3.4412, 114.8417)),
    ],
)
def test_map_links_give_their_point(link: str, expected: tuple[float, float]) -> None:
    assert parse_coordinates(link) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "",
            "Koordinat belum diisi. Tulis lintang lalu bujur, misalnya -3,4412; 114,8417 atau "
            "3°26'28\" LS 114°50'30\" BT.",
        ),
        (
            "di dekat masjid",
            "Koordinat tidak dikenali. Tulis lintang lalu bujur, misalnya -3,4412; 114,8417 atau "
            "3°26'28\" LS 114°50'30\" BT, atau tempel tautan peta.",
        ),
        (
            "-3,4412",
            "Hanya ada satu angka. Tulis lintang dan bujur, misalnya -3,4412; 114,8417 atau "
            "3°26'28\" LS 114°50'30\" BT, atau isi kolom lintang dan bujur masing-masing.",
        ),
        ("3°26'28\" LS", "Hanya ada satu angka."),
        (
            "-3,44,114",
            "Pasangan koordinat ini dapat dibaca lebih dari satu cara. Pisahkan lintang dan "
            "bujur dengan titik koma, misalnya -3,4412; 114,8417.",
        ),
        ("1 2 3 4", "Pasangan koordinat ini dapat dibaca lebih dari satu cara."),
        (
            "114.8417, -3.4412",
            "Urutannya tampak terbalik: tulis lintang dulu (-90 sampai 90), lalu bujur, "
            "misalnya -3,4412; 114,8417.",
        ),
        ("-3.4412, 214.84", "Bujur harus di antara -180 dan 180 derajat."),
        ("3°26' S, 3°50' LS", "Kedua angka bertanda lintang."),
        ("3,44 BT 114,84 BT", "Kedua angka bertanda bujur."),
        ("-3,44 LU 114,84", "Tanda minus dan LU saling bertentangan."),
        (
            "https://maps.app.goo.gl/Xy7bq2Lm",
            "Tautan pendek (maps.app.goo.gl) tidak memuat koordinat dan tidak dapat dibuka "
            "tanpa internet.",
        ),
        (
            "https://www.google.com/maps/place/Banjarmasin",
            "Tautan peta ini tidak berisi koordinat. Di aplikasi peta, tekan lama titik "
            "lokasinya lalu salin angka koordinatnya",
        ),
        ("geo:0,0", "Tautan peta ini tidak berisi koordinat."),
        ("https://maps.google.com/?q=-93.1,114.8", "Lintang harus di antara -90 dan 90 derajat."),
    ],
)
def test_a_pair_that_cannot_be_read_says_what_to_do(text: str, message: str) -> None:
    with pytest.raises(GeoError) as caught:
        parse_coordinates(text)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-3,114", -3.114),  # one value with a decimal comma, not the pair -3 and 114
        ("3 26 28.3 S", DMS_LAT),  # one DMS value, not a pair of numbers
        ("3,4412 LS", -3.4412),
        ("-3,44 114,84", (-3.44, 114.84)),
        ("-3.44, 114.84", (-3.44, 114.84)),
        ("3°26'28.3\"S 114°50'30\"E", (DMS_LAT, DMS_LON)),
        ("https://maps.google.com/?q=-3.4412,114.8417", (-3.4412, 114.8417)),
    ],
)
def test_a_latitude_field_takes_one_value_or_a_pasted_pair(
    text: str, expected: float | tuple[float, float]
) -> None:
    assert parse_coordinate_or_pair(text, "lat") == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "axis", "message"),
    [
        ("3,44 BT", "lat", "BT menandai bujur, bukan lintang."),
        ("114,84", "lat", "Lintang harus di antara -90 dan 90 derajat."),
        ("-3,44 214,84", "lat", "Bujur harus di antara -180 dan 180 derajat."),
        ("dekat sungai", "lon", "Koordinat tidak dikenali. Tulis seperti 114,8417"),
    ],
)
def test_a_field_value_that_cannot_be_read_gets_the_relevant_message(
    text: str, axis: str, message: str
) -> None:
    with pytest.raises(GeoError) as caught:
        parse_coordinate_or_pair(text, "lat" if axis == "lat" else "lon")
    assert str(caught.value).startswith(message)


def test_coordinates_are_written_the_indonesian_way() -> None:
    assert format_coordinate_id(-3.4412, "lat") == "3,44120° LS"
    assert format_coordinate_id(114.8417, "lon") == "114,84170° BT"
    assert format_coordinate_id(2.5, "lat") == "2,50000° LU"
    assert format_coordinate_id(-73.5, "lon") == "73,50000° BB"
    assert format_coordinate_id(-0.000001, "lat") == "0,00000° LU"
    assert format_dms(-3.4412, "lat") == "3°26'28,3\" LS"
    assert format_dms(114.8417, "lon") == "114°50'30,1\" BT"
    assert format_dms(-0.99999999, "lat") == "1°00'00,0\" LS"  # the rounding carries over
    assert format_dms(0.0, "lon") == "0°00'00,0\" BT"


@pytest.mark.parametrize("value", [-3.4412, -1.3, -4.95, 0.0, 2.123456])
def test_what_is_written_reads_back(value: float) -> None:
    assert parse_coordinate(format_coordinate_id(value, "lat"), "lat") == pytest.approx(
        value, abs=5e-6
    )
    assert parse_coordinate(format_dms(value, "lat"), "lat") == pytest.approx(value, abs=2e-5)
    assert parse_coordinate(format_dms(value + 114, "lon"), "lon") == pytest.approx(
        value + 114, abs=2e-5
    )


@pytest.mark.parametrize(
    ("place", "point"),
    [
        ("Banjarmasin", (-3.32, 114.59)),
        ("Kotabaru", (-3.29, 116.17)),
        ("Tanjung, Tabalong", (-2.17, 115.38)),
        ("Pagatan", (-3.61, 115.91)),
        ("Pelaihari", (-3.80, 114.76)),
        ("Banjarbaru", (-3.44, 114.83)),
        ("Marabahan", (-3.00, 114.76)),
    ],
)
def test_places_in_kalimantan_selatan_are_inside(place: str, point: tuple[float, float]) -> None:
    assert not outside_kalsel(*point), place
    assert KALSEL_BOUNDS.contains(*point)


@pytest.mark.parametrize(
    ("place", "point"),
    [
        ("Jakarta", (-6.2, 106.8)),
        ("Palangka Raya", (-2.21, 113.92)),
        ("Balikpapan", (-1.27, 116.83)),
        ("Banjarmasin with the sign forgotten", (3.32, 114.59)),
        ("Banjarmasin with latitude and longitude swapped", (114.59, -3.32)),
    ],
)
def test_places_elsewhere_are_outside(place: str, point: tuple[float, float]) -> None:
    assert outside_kalsel(*point), place


def test_haversine_gives_known_distances() -> None:
    assert haversine_km((-3.32, 114.59), (-3.32, 114.59)) == 0
    # one degree of latitude is about 111.2 km
    assert haversine_km((-3.0, 115.0), (-4.0, 115.0)) == pytest.approx(111.19, abs=0.05)
    # Banjarmasin to Kotabaru: about 175 km as the crow flies
    assert haversine_km((-3.32, 114.59), (-3.29, 116.17)) == pytest.approx(175, abs=3)


HSU = [(-2.42, 115.25), (-2.45, 115.20), (-2.40, 115.30), (-2.47, 115.27), (-2.43, 115.22)]


def test_a_point_far_from_the_kabupatens_other_surveys_is_warned_about() -> None:
    far = distance_warning((-3.32, 114.59), HSU)  # Banjarmasin instead of Hulu Sungai Utara
    assert far is not None
    assert 100 < far < 130


def test_a_point_among_the_other_surveys_is_not_warned_about() -> None:
    assert distance_warning((-2.44, 115.24), HSU) is None
    assert distance_warning((-2.60, 115.40), HSU) is None  # about 25 km: under 40 km


def test_no_warning_without_three_other_surveys() -> None:
    assert distance_warning((-3.32, 114.59), []) is None
    assert distance_warning((-3.32, 114.59), HSU[:2]) is None
    assert distance_warning((-3.32, 114.59), HSU[:3]) is not None


def test_a_spread_out_kabupaten_allows_twice_its_spread() -> None:
    # Kotabaru spans the mainland and Pulau Laut: its surveys lie up to ~60 km from the middle
    kotabaru = [(-3.29, 116.17), (-2.80, 116.20), (-3.70, 116.10), (-3.00, 116.00)]
    assert distance_warning((-3.29, 115.50), kotabaru) is None  # ~75 km but within 2 × spread
    assert distance_warning((-6.2, 106.8), kotabaru) is not None


def test_one_wrong_survey_does_not_move_the_middle() -> None:
    with_a_typo = [*HSU, (3.32, 114.59)]  # one survey with the sign forgotten
    assert distance_warning((-2.44, 115.24), with_a_typo) is None
