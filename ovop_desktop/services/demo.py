"""Believable demo data for Kalimantan Selatan: surveys with candidates and full assessments.

Villages come from the imported region list when there is one (known product villages first);
an empty database gets a small built-in excerpt of real Kalsel regions. Deterministic per seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from ovop_desktop.db.models import Region
from ovop_desktop.services.assessment.assessments import save_assessment
from ovop_desktop.services.database import Database
from ovop_desktop.services.letters.letter_settings import demo_letter_settings, load_letter_settings
from ovop_desktop.services.regions import import_regions, villages_only
from ovop_desktop.services.rubrics import install_shipped_rubrics, rubric_in_force
from ovop_desktop.services.settings.officers import current_officer, local_device_id, save_profile
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    RespondentInput,
    SurveyInput,
    add_product,
    add_respondent,
    create_survey,
    finalize_survey,
)

# A few real regions (Kemendagri 2025 list), enough for a demo without an imported list.
BUILTIN_REGIONS = """kode,nama
63,Kalimantan Selatan
63.02,Kabupaten Kotabaru
63.02.06,Pulaulaut Utara
63.02.06.2009,Megasari
63.03,Kabupaten Banjar
63.03.04,Sungai Tabuk
63.03.04.2004,Lok Baintan
63.03.05,Martapura
63.03.05.1003,Pasayangan
63.03.05.2034,Cindai Alus
63.06,Kabupaten Hulu Sungai Selatan
63.06.05,Kandangan
63.06.05.1001,Kandangan Kota
63.06.07,Daha Selatan
63.06.07.2016,Samuda
63.08,Kabupaten Hulu Sungai Utara
63.08.07,Banjang
63.08.07.2001,Banjang
63.08.07.2004,Pandulangan
63.71,Kota Banjarmasin
63.71.05,Banjarmasin Tengah
63.71.05.1007,Seberang Mesjid
63.72,Kota Banjarbaru
63.72.03,Cempaka
63.72.03.1004,Cempaka
"""


@dataclass(frozen=True)
class ProductTemplate:
    name: str
    category: str
    levels: tuple[int, int, int, int, int, int, int, int]  # typical C1..C8
    unit: str
    price: int
    story: str


CATALOGUE: dict[str, ProductTemplate] = {
    "purun": ProductTemplate(
        "Anyaman Purun",
        "anyaman",
        (5, 3, 3, 4, 3, 3, 3, 4),
        "lembar",
        45_000,
        "Tikar dan tas dari purun danau, dianyam ibu-ibu desa turun-temurun.",
    ),
    "tas_purun": ProductTemplate(
        "Tas Purun Motif Kambang",
        "anyaman",
        (5, 3, 2, 3, 3, 4, 3, 4),
        "buah",
        85_000,
        "Tas purun dengan motif kambang khas Banua.",
    ),
    "sasirangan": ProductTemplate(
        "Kain Sasirangan",
        "tenun",
        (3, 4, 4, 4, 4, 4, 4, 5),
        "lembar",
        250_000,
        "Kain celup ikat khas Banjar, dulu kain penyembuh.",
    ),
    "dodol": ProductTemplate(
        "Dodol Kandangan",
        "makanan",
        (4, 4, 3, 3, 4, 3, 3, 5),
        "kg",
        60_000,
        "Dodol ketan dan gula aren, oleh-oleh wajib dari Kandangan.",
    ),
    "bingka": ProductTemplate(
        "Wadai Bingka Kentang",
        "makanan",
        (4, 3, 2, 2, 2, 2, 3, 3),
        "loyang",
        55_000,
        "Wadai Banjar untuk berbuka, dipanggang arang.",
    ),
    "amparan": ProductTemplate(
        "Wadai Amparan Tatak",
        "makanan",
        (4, 2, 2, 2, 2, 2, 2, 3),
        "loyang",
        50_000,
        "Kue pisang bersantan yang dijual di pasar.",
    ),
    "permata": ProductTemplate(
        "Batu Permata Martapura",
        "logam",
        (3, 3, 4, 4, 5, 3, 4, 5),
        "butir",
        750_000,
        "Intan dan batu mulia diasah perajin Pasayangan.",
    ),
    "perak": ProductTemplate(
        "Perhiasan Perak Ukir",
        "logam",
        (2, 3, 3, 3, 3, 3, 3, 3),
        "buah",
        350_000,
        "Cincin dan kalung perak buatan tangan.",
    ),
    "intan": ProductTemplate(
        "Intan Cempaka",
        "logam",
        (5, 2, 3, 4, 4, 3, 4, 5),
        "butir",
        1_500_000,
        "Intan hasil pendulangan tradisional Cempaka.",
    ),
    "amplang": ProductTemplate(
        "Amplang Ikan Tenggiri",
        "makanan",
        (4, 4, 4, 3, 4, 4, 4, 3),
        "kg",
        120_000,
        "Kerupuk ikan tenggiri khas pesisir Kotabaru.",
    ),
    "gerabah": ProductTemplate(
        "Gerabah Nagara",
        "gerabah",
        (5, 3, 2, 3, 2, 2, 3, 4),
        "buah",
        35_000,
        "Periuk dan dapur tanah liat dari tepian sungai Nagara.",
    ),
    "parang": ProductTemplate(
        "Parang Nagara",
        "logam",
        (3, 3, 3, 3, 3, 2, 3, 4),
        "bilah",
        150_000,
        "Parang tempaan pandai besi Daha.",
    ),
    "haruan": ProductTemplate(
        "Kerupuk Ikan Haruan",
        "makanan",
        (5, 3, 2, 2, 2, 2, 2, 2),
        "kg",
        70_000,
        "Kerupuk dari ikan haruan rawa.",
    ),
    "jeruk": ProductTemplate(
        "Sirup Jeruk Siam Banjar",
        "minuman",
        (4, 2, 2, 2, 2, 3, 2, 2),
        "botol",
        25_000,
        "Sirup dari jeruk siam kebun warga.",
    ),
    "kayu": ProductTemplate(
        "Ukiran Kayu Ulin",
        "kayu",
        (3, 2, 2, 2, 2, 2, 3, 3),
        "buah",
        200_000,
        "Ukiran dari kayu ulin sisa bangunan.",
    ),
    "serai": ProductTemplate(
        "Minyak Atsiri Serai Wangi",
        "herbal",
        (4, 2, 2, 3, 3, 2, 2, 2),
        "liter",
        180_000,
        "Minyak serai wangi suling sendiri.",
    ),
}

# Villages known for a product (codes of the 2025 list); other villages draw at random.
KNOWN_VILLAGES: dict[str, tuple[str, ...]] = {
    "63.08.07.2001": ("purun", "tas_purun", "haruan"),
    "63.08.07.2004": ("tas_purun", "purun"),
    "63.71.05.1007": ("sasirangan", "bingka", "amparan"),
    "63.06.05.1001": ("dodol", "bingka", "kayu"),
    "63.03.05.1003": ("permata", "perak", "amparan"),
    "63.72.03.1004": ("intan", "permata", "jeruk"),
    "63.02.06.2009": ("amplang", "haruan"),
    "63.06.07.2016": ("gerabah", "parang", "purun"),
    "63.03.04.2004": ("jeruk", "bingka", "haruan"),
    "63.03.05.2034": ("perak", "serai"),
}

RESPONDENT_NAMES = (
    "H. Abdul Syukur",
    "Siti Aisyah",
    "Muhammad Rizani",
    "Hj. Mariatul Kiptiah",
    "Ahmad Fauzan",
    "Rusdiana",
    "Fahriansyah",
    "Noorhayati",
)
RESPONDENT_ROLES = ("Kepala Desa", "Ketua Kelompok", "Perajin", "Sekretaris Desa", "Ketua BUMDes")
LIVELIHOODS = (
    "Petani padi, nelayan sungai",
    "Perajin, pedagang",
    "Petani karet, perajin",
    "Pendulang, pedagang",
    "Nelayan, pengolah ikan",
)


@dataclass(frozen=True)
class DemoResult:
    surveys: int
    products: int
    assessments: int
    village_codes: tuple[str, ...]


def _pick_villages(db: Database, count: int, rng: random.Random) -> list[str]:
    with db.session() as session:
        villages = list(
            session.scalars(select(Region.code).where(villages_only()).order_by(Region.code))
        )
    if not villages:
        import_regions(db, BUILTIN_REGIONS.encode("utf-8"))
        return _pick_villages(db, count, rng)
    known = [code for code in KNOWN_VILLAGES if code in set(villages)]
    kalsel = [code for code in villages if code.startswith("63.") and code not in KNOWN_VILLAGES]
    others = kalsel or [code for code in villages if code not in KNOWN_VILLAGES]
    chosen = known[:count]
    chosen += rng.sample(others, min(len(others), count - len(chosen)))
    return chosen


def seed_demo(db: Database, *, villages: int = 12, seed: int = 2026) -> DemoResult:
    """Add `villages` surveys, each with 2–3 assessed candidates, and a demo officer profile."""
    rng = random.Random(seed)
    install_shipped_rubrics(db)
    rubric = rubric_in_force(db)
    officer = current_officer(db) or save_profile(
        db,
        name="Rahmah Hidayati, S.E.",
        nip="198703152010012004",
        unit="Dinas Koperasi dan UKM Provinsi Kalimantan Selatan",
        phone="0812-5100-2026",
    )
    device = local_device_id(db)
    if load_letter_settings(db).problems:  # never overwrite an office's own letterhead
        demo_letter_settings(db)
    categories = frozenset(c.id for c in rubric.categories)
    codes = _pick_villages(db, villages, rng)
    products = assessments = 0
    for index, code in enumerate(codes):
        survey_id = create_survey(
            db,
            SurveyInput(
                village_code=code,
                survey_date=date(2026, 8, 3) + timedelta(days=index * 3 + rng.randint(0, 2)),
                officer_id=officer.id,
                population=rng.randint(900, 6500),
                households=rng.randint(250, 1800),
                main_livelihoods=rng.choice(LIVELIHOODS),
                road_access=rng.choice(("Jalan aspal", "Jalan tanah", "Sungai dan jalan setapak")),
                electricity="PLN 24 jam",
                mobile_signal=rng.choice(("4G", "3G di balai desa", "Tidak ada")),
                cooperatives_count=rng.randint(0, 3),
                has_bumdes=rng.random() < 0.7,
                umkm_count=rng.randint(5, 120),
            ),
            device_id=device,
        )
        for name in rng.sample(RESPONDENT_NAMES, 2):
            add_respondent(
                db,
                survey_id,
                RespondentInput(
                    name,
                    rng.choice(RESPONDENT_ROLES),
                    f"0813-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
                ),
                device_id=device,
            )
        keys = KNOWN_VILLAGES.get(code) or tuple(rng.sample(sorted(CATALOGUE), 3))
        for key in keys[: rng.randint(2, 3)]:
            template = CATALOGUE[key]
            levels = {
                criterion_id: max(1, min(5, base + rng.choice((-1, 0, 0, 0, 1))))
                for criterion_id, base in zip(rubric.criterion_ids, template.levels, strict=True)
            }
            product_id = add_product(
                db,
                survey_id,
                ProductInput(
                    name=template.name,
                    category=template.category,
                    producer_units=rng.randint(5, 60),
                    producer_units_grouped=rng.randint(0, 5),
                    workers=rng.randint(5, 150),
                    monthly_production=float(rng.randint(50, 2000)),
                    production_unit=template.unit,
                    unit_price_idr=template.price,
                    local_material_pct=rng.choice((60, 80, 90, 100)),
                    market_reach=rng.choice(("kabupaten", "provinsi", "nasional")),
                    permit_nib=levels["C3"] >= 3,
                    permit_pirt=template.category in ("makanan", "minuman") and levels["C7"] >= 3,
                    permit_halal=template.category in ("makanan", "minuman") and levels["C7"] >= 4,
                    story=template.story,
                ),
                categories=categories,
                device_id=device,
            )
            save_assessment(
                db,
                product_id,
                rubric,
                levels,
                assessor_id=officer.id,
                final=True,
                device_id=device,
                assessed_on=date(2026, 8, 3) + timedelta(days=index * 3 + 1),
            )
            products += 1
            assessments += 1
        finalize_survey(db, survey_id)
    return DemoResult(len(codes), products, assessments, tuple(codes))
