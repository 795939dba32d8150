"""A believable Kalimantan Selatan recommendation letter, for tests, benchmarks and screenshots.

The candidates are scored with the shipped rubric through core.scoring, so totals, stars, gate
messages and coaching advice are what the application itself would print. ``hostile=True``
fills names, notes, the story and the justification with markup, a 200-character word, emoji
and newlines, which must all print literally.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from io import BytesIO

from PIL import Image, ImageDraw

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.core.rubric_loader import parse_rubric
from ovop_desktop.core.scoring import CandidateInput, explain, rank_candidates, score
from ovop_desktop.paths import rubrics_dir
from ovop_desktop.reports.data import (
    CandidateSheet,
    CriterionLine,
    LetterData,
    Letterhead,
    Paper,
    Signatory,
)

RUBRIC_FILE = "ovop-kalsel-2026-v1.toml"
HOSTILE_MARKUP = '<b>&amp; "quotes" <script>alert(1)</script>'
HOSTILE_WORD = "Purun" + "x" * 190 + "Lawas"  # 200 characters, no space to break at
HOSTILE_EMOJI = "🧺🌾😀"


@dataclass(frozen=True)
class _Product:
    name: str
    category: str
    levels: tuple[int, ...]  # C1..C8
    note: str  # on the strongest criterion
    story: str


# Levels chosen so that the ranking tells a story: Anyaman Purun first with 72,00 (four stars);
# Kain Sasirangan reaches the four-star band but has no NIB yet, so a gate keeps it at three.
_PRODUCTS = (
    _Product(
        "Anyaman Purun",
        "anyaman",
        (4, 3, 3, 3, 4, 3, 4, 4),
        "Tikar dan tas purun dipasok ke toko oleh-oleh Banjarmasin dan Banjarbaru.",
        "Purun tumbuh di rawa desa dan dianyam turun-temurun oleh kelompok ibu-ibu.",
    ),
    _Product(
        "Kain Sasirangan",
        "tenun",
        (4, 4, 2, 4, 4, 3, 4, 3),
        "Motif kambang kacang dan gigi haruan; pewarna alam dari kayu ulin dan kunyit.",
        "Kain adat Banjar yang dahulu dipakai untuk pengobatan (pamintan).",
    ),
    _Product(
        "Dodol Kandangan",
        "makanan",
        (4, 4, 3, 3, 3, 3, 3, 4),
        "Dimasak 6–8 jam di kawah tembaga; PIRT dalam proses.",
        "Dodol ketan dan gula aren khas Hulu Sungai Selatan, oleh-oleh wajib dari Kandangan.",
    ),
    _Product(
        "Amplang Ikan Haruan",
        "makanan",
        (3, 3, 3, 2, 3, 3, 3, 3),
        "Ikan haruan dari rawa sekitar desa; produksi dua kali seminggu.",
        "",
    ),
    _Product(
        "Madu Kelulut",
        "makanan",
        (4, 2, 2, 2, 3, 2, 3, 3),
        "Stup kelulut di kebun karet warga; panen tiap tiga bulan.",
        "",
    ),
    _Product(
        "Kerupuk Ikan Gabus",
        "makanan",
        (3, 3, 2, 3, 2, 2, 3, 2),
        "Dijemur di halaman; mutu turun saat musim hujan.",
        "",
    ),
    _Product(
        "Gerabah Tanah Liat",
        "gerabah",
        (4, 2, 2, 2, 2, 2, 2, 3),
        "Tanah liat dari tepi sungai; tungku bakar terbuka.",
        "",
    ),
    _Product(
        "Kerajinan Rotan",
        "anyaman",
        (3, 2, 2, 2, 2, 2, 2, 3),
        "Rotan dibeli dari pengepul kabupaten tetangga.",
        "",
    ),
    _Product(
        "Kue Bingka",
        "makanan",
        (3, 2, 2, 2, 2, 1, 2, 3),
        "Ramai dipesan menjelang bulan Ramadan.",
        "",
    ),
    _Product(
        "Minyak Kayu Putih",
        "herbal",
        (3, 2, 2, 2, 2, 2, 2, 2),
        "Penyulingan sederhana milik satu keluarga.",
        "",
    ),
    _Product(
        "Lemang Bambu",
        "makanan",
        (3, 2, 1, 2, 1, 1, 2, 3),
        "Dibuat untuk acara adat dan pesanan.",
        "",
    ),
    _Product(
        "Gula Aren",
        "makanan",
        (3, 2, 1, 1, 1, 1, 2, 2),
        "Pohon aren tua; penyadap tinggal dua orang.",
        "",
    ),
)


@cache
def sample_rubric() -> Rubric:
    """The shipped rubric the sample letters are scored with."""
    return parse_rubric((rubrics_dir() / RUBRIC_FILE).read_text(encoding="utf-8"))


@cache
def sample_photo(seed: int = 0) -> bytes:
    """A small JPEG of a woven pattern, standing in for a product photo."""
    image = Image.new("RGB", (480, 360), (222, 198, 150))
    draw = ImageDraw.Draw(image)
    shade = (150 - seed * 20 % 80, 110, 60)
    for i in range(0, 480, 24):
        draw.rectangle((i, 0, i + 11, 359), fill=shade)
    for j in range(0, 360, 24):
        for i in range(0, 480, 48):
            draw.rectangle(
                (i + (j // 24 % 2) * 24, j, i + (j // 24 % 2) * 24 + 23, j + 11),
                fill=(230, 210, 160),
            )
    buffer = BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


@cache
def sample_logo() -> bytes:
    """A plain shield standing in for the province's coat of arms (the real one comes from
    the settings)."""
    image = Image.new("RGBA", (200, 240), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.polygon(
        [(10, 10), (190, 10), (190, 140), (100, 230), (10, 140)],
        fill=(20, 90, 50),
        outline=(200, 160, 30),
    )
    draw.polygon([(40, 40), (160, 40), (160, 130), (100, 195), (40, 130)], fill=(200, 160, 30))
    draw.ellipse((75, 70, 125, 120), fill=(20, 90, 50))
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _products(count: int, hostile: bool) -> list[_Product]:
    chosen = list(_PRODUCTS[:count])
    for extra in range(len(chosen), count):  # more than the list holds: numbered look-alikes
        base = _PRODUCTS[extra % len(_PRODUCTS)]
        chosen.append(
            _Product(
                f"{base.name} {extra + 1}",
                base.category,
                tuple(max(1, lvl - 1) for lvl in base.levels),
                base.note,
                "",
            )
        )
    if hostile and count >= 3:
        # The first product named in the justification outranks the recommended one.
        dodol = chosen[2]
        chosen[2] = _Product(
            f"{dodol.name} {HOSTILE_EMOJI}",
            dodol.category,
            (4, 4, 4, 3, 4, 3, 4, 4),
            f"{HOSTILE_MARKUP}\n{HOSTILE_WORD}",
            dodol.story,
        )
    if hostile:
        first = chosen[0]
        chosen[0] = _Product(
            f"{first.name} {HOSTILE_MARKUP}\nbaris kedua {HOSTILE_EMOJI}",
            first.category,
            first.levels,
            f"Catatan {HOSTILE_MARKUP} {HOSTILE_WORD}",
            f"{first.story}\n{HOSTILE_MARKUP}<br/>{HOSTILE_EMOJI}\n{HOSTILE_WORD}",
        )
    return chosen


def _sheets(
    rubric: Rubric, products: list[_Product]
) -> tuple[list[CandidateSheet], dict[str, CandidateInput]]:
    inputs = [
        CandidateInput(
            f"P{i:03d}", p.name, p.category, dict(zip(rubric.criterion_ids, p.levels, strict=True))
        )
        for i, p in enumerate(products)
    ]
    by_id = {c.product_id: p for c, p in zip(inputs, products, strict=True)}
    sheets = []
    for ranked in rank_candidates(rubric, inputs):
        product, result = by_id[ranked.candidate.product_id], ranked.score
        strongest = max(rubric.criteria, key=lambda c: (result.levels[c.id] or 0, c.weight))
        lines = tuple(
            CriterionLine(
                id=c.id,
                name=c.name_id,
                group=c.group,
                weight=c.weight,
                level=result.levels[c.id],
                descriptor=c.descriptor(result.levels[c.id] or 1).text_id,
                points=result.points[c.id],
                note=product.note if c is strongest else None,
            )
            for c in rubric.criteria
        )
        band = next((b for b in rubric.bands if b.stars == result.stars), None)
        sheets.append(
            CandidateSheet(
                product_name=product.name,
                category=rubric.category(product.category).name_id,
                village_rank=ranked.rank,
                total=result.total,
                stars=result.stars,
                band_meaning=band.meaning_id if band else "",
                gate_message=result.capped_by.gate.reason_id if result.capped_by else None,
                stars_before_gate=result.band_stars if result.capped_by else None,
                group_subtotals=tuple(
                    (f"{g.id} · {g.name_id}", result.group_subtotals[g.id])
                    for g in rubric.groups
                    if g.id in result.group_subtotals
                ),
                criteria=lines,
                assessors="Rahmah Hidayati (final)"
                if ranked.rank != 2
                else "median dari 2 penilaian final",
                photo_jpeg=sample_photo(ranked.rank or 0) if (ranked.rank or 9) <= 3 else None,
                story=product.story or None,
            )
        )
    return sheets, {c.name: c for c in inputs}


def _coaching(rubric: Rubric, candidate: CandidateInput) -> tuple[str, ...]:
    result = score(rubric, candidate.levels, candidate.category)
    advice = []
    for note in explain(rubric, result, n=3).weakest:
        target = note.criterion.descriptor(note.level + 1).text_id
        advice.append(
            f"{note.criterion.name_id} (kini tingkat {note.level}): menuju tingkat "
            f"{note.level + 1}, yaitu {target}."
        )
    return tuple(advice)


def sample_letter(candidates: int = 3, *, hostile: bool = False, paper: Paper = "A4") -> LetterData:
    """A complete letter of ``candidates`` (at least 1) candidates from Desa Benua Lawas,
    recommending Anyaman Purun with 72,00 and four stars."""
    rubric = sample_rubric()
    products = _products(max(1, candidates), hostile)
    sheets, inputs = _sheets(rubric, products)
    recommended = next(s for s in sheets if s.product_name == products[0].name)
    justification = None
    if recommended.village_rank != 1:
        first = sheets[0].product_name
        justification = (
            f"{first} belum memiliki izin edar, sedangkan {products[0].name} sudah dipasarkan "
            f"ke luar provinsi.\nCatatan petugas: {HOSTILE_MARKUP} {HOSTILE_EMOJI} {HOSTILE_WORD}"
            if hostile
            else f"{first} belum memiliki izin usaha yang lengkap."
        )
    return LetterData(
        paper=paper,
        letterhead=Letterhead(
            government="Pemerintah Provinsi Kalimantan Selatan",
            agency="Dinas Koperasi dan Usaha Kecil Menengah",
            address_lines=(
                "Jalan Dharma Praja II, Kawasan Perkantoran Pemerintah Provinsi, Banjarbaru 70732",
                "Telepon (0511) 6749 123 · Laman diskopukm.kalselprov.go.id · "
                "Pos-el diskopukm@kalselprov.go.id",
            ),
            logo_png=sample_logo(),
        ),
        place="Banjarbaru",
        issued_on=date(2026, 11, 27),
        number="500.2/123/DKUKM/XI/2026",
        sifat="Biasa",
        lampiran="1 (satu) berkas",
        hal="Rekomendasi Produk Unggulan OVOP Desa Benua Lawas",
        addressee="Bupati Tanah Laut",
        addressee_place="Pelaihari",
        village="Benua Lawas",
        district="Takisung",
        regency="Kabupaten Tanah Laut",
        survey_date=date(2026, 11, 12),
        officer_name="Rahmah Hidayati",
        officer_nip="198803142011012005",
        candidates=tuple(sheets),
        recommended=recommended.product_name,
        recommended_total=recommended.total or rubric.min_total,
        recommended_stars=recommended.stars or 1,
        rubric_name=rubric.name,
        rubric_version=rubric.version,
        rubric_hash=rubric.definition_hash,
        max_stars=rubric.max_stars,
        justification=justification,
        coaching=_coaching(rubric, inputs[recommended.product_name]),
        signatory=Signatory(
            position="Kepala Dinas",
            name="Ir. H. Muhammad Rizani Noor, M.Si.",
            rank="Pembina Utama Muda (IV/c)",
            nip="196905121994031007",
        ),
        tembusan=(
            "Gubernur Kalimantan Selatan (sebagai laporan);",
            "Kepala Dinas Perindustrian dan Perdagangan Provinsi Kalimantan Selatan;",
            "Camat Takisung;",
            "Kepala Desa Benua Lawas;",
            "Arsip.",
        ),
        verification_code="K7Q2-9XRM",
        verification_payload="OVOPV1:K7Q2-9XRM;surat=3f9c2a7e-5b1d-4c8e-9a60-2d7f1e4b8c15",
    )


LONG_PRODUCT = (
    "Anyaman Purun Motif Tradisional Banjar Kelompok Perempuan Tani Karya Bersama Sejahtera"
)


def longest_letter(
    candidates: int = 5, *, paper: Paper = "A4", justification: bool = False
) -> LetterData:
    """:func:`sample_letter` with the longest names a real letter carries: an 86-character
    product, a long village, district and regency, a delegated signatory with a long name
    and titles, six tembusan lines, a story longer than the letter quotes and a gate message
    (``justification`` adds the reason for passing over the first-ranked product)."""
    base = sample_letter(candidates, paper=paper)
    story = (
        "Purun tumbuh liar di rawa gambut desa dan dianyam turun-temurun oleh kelompok "
        "ibu-ibu; kini tikar, tas dan topi purun dipasarkan ke Banjarmasin, Banjarbaru dan "
        "pameran kriya nasional, dengan pewarna alam dari kulit kayu ulin dan kunyit."
    )
    sheets = []
    for sheet in base.candidates:
        name = sheet.product_name
        if name == base.recommended:
            sheet = replace(
                sheet,
                product_name=LONG_PRODUCT,
                story=story,
                gate_message="Bintang 4 ke atas memerlukan NIB (Kelembagaan, manajemen & "
                "legalitas minimal tingkat 3).",
                stars_before_gate=(sheet.stars or 1) + 1,
            )
        else:
            sheet = replace(sheet, product_name=f"{name} Khas Desa Karang Bintang Tanjung Harapan")
        sheets.append(sheet)
    return replace(
        base,
        candidates=tuple(sheets),
        recommended=LONG_PRODUCT,
        village="Karang Bintang Tanjung Harapan Baru Ulu",
        district="Bati-Bati Tambang Ulang Seberang",
        regency="Kabupaten Hulu Sungai Tengah",
        hal="Rekomendasi Produk Unggulan OVOP Desa Karang Bintang Tanjung Harapan Baru Ulu",
        addressee="Bupati Hulu Sungai Tengah",
        addressee_place="Barabai",
        officer_name="Muhammad Fathurrahman Hidayatullah Al-Banjari, S.E., M.M.",
        justification=(
            "Produk peringkat pertama belum memiliki izin usaha yang lengkap dan pasokan bahan "
            "bakunya belum tetap sepanjang tahun."
            if justification
            else None
        ),
        signatory=Signatory(
            position="Sekretaris Dinas",
            name="Prof. Dr. Ir. H. Muhammad Rizani Noor Fadhillah, S.T., M.Si., M.M.",
            rank="Pembina Utama Muda (IV/c)",
            nip="196905121994031007",
            delegation=("a.n. Kepala Dinas Koperasi dan Usaha Kecil Menengah",),
        ),
        tembusan=(
            "Gubernur Kalimantan Selatan (sebagai laporan);",
            "Kepala Dinas Perindustrian dan Perdagangan Provinsi Kalimantan Selatan;",
            "Kepala Dinas Koperasi dan Usaha Mikro Kabupaten Hulu Sungai Tengah;",
            "Camat Bati-Bati Tambang Ulang Seberang;",
            "Kepala Desa Karang Bintang Tanjung Harapan Baru Ulu;",
            "Arsip.",
        ),
    )
