"""The settings a recommendation letter needs: letterhead, signatories, number template, place.

A letter is refused, with the name of the setting to fill, when any of them is missing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ovop_desktop.reports.data import Letterhead as Letterhead  # re-exported: the ui builds them
from ovop_desktop.reports.data import Signatory as Signatory
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError
from ovop_desktop.services.settings.app_settings import get_setting, set_setting

LETTERHEAD = "letterhead"
SIGNATORIES = "signatories"
SETTINGS_FIELD = "letter_settings"  # the `field` of a refusal that names missing settings
NUMBER_TEMPLATE = "number_template"
LETTER_PLACE = "letter_place"
TEMBUSAN = "letter_tembusan"  # the copies a new letter is addressed to unless changed
TEMBUSAN_MAX = 12  # lines; more would not fit under the signature
DEFAULT_TEMPLATE = "500.2/{nomor}/DKUKM/{bulan}/{tahun}"


@dataclass(frozen=True)
class LetterSettings:
    letterhead: Letterhead | None
    signatories: tuple[Signatory, ...]
    number_template: str | None
    place: str | None
    logo_path: str | None = None
    problems: tuple[str, ...] = field(default_factory=tuple)  # Indonesian, one per setting
    problems_en: tuple[str, ...] = field(default_factory=tuple)

    def refusal(self) -> InvalidInputError:
        """The refusal of a letter, naming every setting still to fill."""
        return InvalidInputError(
            "Surat tidak dapat dibuat: " + " ".join(self.problems),
            "The letter cannot be made: " + " ".join(self.problems_en),
            field=SETTINGS_FIELD,
        )


def check_template(template: str) -> None:
    if "{nomor}" not in template:
        raise InvalidInputError(
            "Templat nomor surat harus memuat {nomor} (nomor urut). Contoh: " + DEFAULT_TEMPLATE,
            "The letter number template must contain {nomor} (the sequence). Example: "
            + DEFAULT_TEMPLATE,
            field=NUMBER_TEMPLATE,
        )


def _logo(path: str | None) -> bytes | None:
    """The letterhead logo, if its file is still there (a missing logo prints no logo)."""
    if not path:
        return None
    try:
        return Path(path).read_bytes()
    except OSError:
        return None


def load_letter_settings(db: Database) -> LetterSettings:
    head: dict[str, Any] | None = get_setting(db, LETTERHEAD)
    people: list[dict[str, Any]] = get_setting(db, SIGNATORIES, [])
    template: str | None = get_setting(db, NUMBER_TEMPLATE)
    place: str | None = get_setting(db, LETTER_PLACE)
    letterhead = None
    if head and head.get("government") and head.get("agency"):
        letterhead = Letterhead(
            head["government"],
            head["agency"],
            tuple(head.get("address_lines", ())),
            _logo(head.get("logo_path")),
        )
    signatories = tuple(
        Signatory(
            p["position"],
            p["name"],
            p.get("rank", ""),
            p.get("nip", ""),
            tuple(p.get("delegation", ())),
        )
        for p in people
        if p.get("position") and p.get("name")
    )
    checks = (
        (
            letterhead is None,
            "Kop surat (nama pemerintah dan dinas) belum diisi di Pengaturan.",
            "The letterhead (government and agency names) is not filled in under Settings.",
        ),
        (
            not signatories,
            "Belum ada penanda tangan surat di Pengaturan.",
            "There is no letter signatory under Settings.",
        ),
        (
            not template,
            "Templat nomor surat belum diisi di Pengaturan.",
            "The letter number template is not filled in under Settings.",
        ),
        (
            not place,
            "Tempat penerbitan surat (mis. Banjarbaru) belum diisi di Pengaturan.",
            "The place letters are issued at (e.g. Banjarbaru) is not filled in under Settings.",
        ),
    )
    problems = [text_id for missing, text_id, _ in checks if missing]
    problems_en = [text_en for missing, _, text_en in checks if missing]
    return LetterSettings(
        letterhead,
        signatories,
        template,
        place,
        head.get("logo_path") if head else None,
        tuple(problems),
        tuple(problems_en),
    )


def save_letter_settings(
    db: Database,
    *,
    letterhead: Letterhead,
    signatories: list[Signatory],
    number_template: str,
    place: str,
    logo_path: str | None = None,
) -> None:
    check_template(number_template)
    set_setting(
        db,
        LETTERHEAD,
        {
            "government": letterhead.government,
            "agency": letterhead.agency,
            "address_lines": list(letterhead.address_lines),
            "logo_path": logo_path,
        },
    )
    set_setting(
        db, SIGNATORIES, [{**asdict(s), "delegation": list(s.delegation)} for s in signatories]
    )
    set_setting(db, NUMBER_TEMPLATE, number_template)
    set_setting(db, LETTER_PLACE, place)


def clean_tembusan(lines: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The tembusan lines as printed: trimmed, blank lines dropped; too many is refused."""
    kept = tuple(" ".join(line.split()) for line in lines if line.strip())
    if len(kept) > TEMBUSAN_MAX:
        raise InvalidInputError(
            f"Tembusan paling banyak {TEMBUSAN_MAX} baris.",
            f"At most {TEMBUSAN_MAX} tembusan lines.",
            field=TEMBUSAN,
        )
    return kept


def load_default_tembusan(db: Database) -> tuple[str, ...]:
    """The tembusan every new letter starts with (kept in the letter settings)."""
    stored = get_setting(db, TEMBUSAN, [])
    return tuple(str(line) for line in stored if isinstance(line, str) and line.strip())


def save_default_tembusan(db: Database, lines: list[str] | tuple[str, ...]) -> None:
    set_setting(db, TEMBUSAN, list(clean_tembusan(lines)))


def demo_letter_settings(db: Database) -> None:
    """What `ovop demo` fills in so that a demo home prints letters at once."""
    save_letter_settings(
        db,
        letterhead=Letterhead(
            "PEMERINTAH PROVINSI KALIMANTAN SELATAN",
            "DINAS KOPERASI DAN USAHA KECIL MENENGAH",
            (
                "Jalan Dharma Praja II, Kawasan Perkantoran Pemerintah Provinsi, Banjarbaru 70732",
                "Telepon (0511) 6749844 · Laman diskopukm.kalselprov.go.id · "
                "Pos-el diskopukm@kalselprov.go.id",
            ),
        ),
        signatories=[
            Signatory(
                "Kepala Dinas",
                "Drs. H. Ahmad Rifani, M.Si.",
                "Pembina Utama Muda (IV/c)",
                "196812121993031009",
            ),
            Signatory(
                "Kepala Bidang Usaha Kecil Menengah",
                "Siti Rahmawati, S.E., M.M.",
                "Pembina (IV/a)",
                "197504142000032003",
                ("a.n. Kepala Dinas",),
            ),
        ],
        number_template=DEFAULT_TEMPLATE,
        place="Banjarbaru",
    )
    save_default_tembusan(db, ["Gubernur Kalimantan Selatan (sebagai laporan);", "Arsip."])
