"""The records of a package that were refused, told as a person would: by the village, product or
respondent's name, grouped by reason, in Indonesian and English, with the records refused only
because their parent was refused counted beside it rather than listed one by one.

    1 survei Desa Pandulangan ditolak: kode wilayah 63.05.03.2001 belum ada di daftar wilayah —
    impor daftar wilayah dulu; 10 rekaman turunannya ikut tertunda.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# What one record of each table is called: (Indonesian, English).
NOUNS: dict[str, tuple[str, str]] = {
    "officers": ("profil petugas", "officer profile"),
    "surveys": ("survei", "survey"),
    "respondents": ("responden", "respondent"),
    "candidate_products": ("produk", "product"),
    "assessments": ("penilaian", "assessment"),
    "attachments": ("foto", "photo"),
    "letters": ("surat", "letter"),
    "audit_log": ("catatan koreksi", "correction note"),
}
NAMES_SHOWN = 5  # names listed in one line before "and N more"


@dataclass
class Refusal:
    """One record refused for its own reason, and how many others went with it."""

    table: str
    record_id: str
    name_id: str
    name_en: str
    reason_id: str
    reason_en: str
    dependents: int = 0


@dataclass
class Refusals:
    """Every refused record of one package."""

    roots: list[Refusal] = field(default_factory=list)
    root_of: dict[str, Refusal] = field(default_factory=dict)  # refused record id → its cause
    # The package's records by table: an assessment is named by its product, looked up only
    # once something is refused (an import refusing nothing pays nothing for names).
    tables: Mapping[str, list[dict[str, Any]]] = field(default_factory=dict)
    _products: dict[str, Mapping[str, Any]] | None = field(default=None, repr=False)

    def refuse(self, table: str, record: Mapping[str, Any], reason_id: str, reason_en: str) -> None:
        """`record` is refused for its own reason."""
        record_id = str(record.get("id"))
        name_id, name_en = self._name(table, record)
        refusal = Refusal(table, record_id, name_id, name_en, reason_id, reason_en)
        self.roots.append(refusal)
        self.root_of[record_id] = refusal

    def _name(self, table: str, record: Mapping[str, Any]) -> tuple[str, str]:
        if table == "assessments":
            if self._products is None:
                products = self.tables.get("candidate_products", [])
                self._products = {str(r.get("id")): r for r in products}
            product = self._products.get(str(record.get("product_id")))
            if product is not None:
                name_id, name_en = describe("candidate_products", product)
                return f"produk {name_id}", f"product {name_en}"
        return describe(table, record)

    def follow(self, record: Mapping[str, Any], parent_id: str) -> bool:
        """Whether `record` is refused because its parent `parent_id` was (counted there)."""
        root = self.root_of.get(parent_id)
        if root is None:
            return False
        root.dependents += 1
        self.root_of[str(record.get("id"))] = root
        return True

    def __len__(self) -> int:
        return len(self.root_of)

    def __bool__(self) -> bool:
        return bool(self.root_of)

    def lines(self, english: bool = False) -> list[str]:
        """One line per table and reason, in the package's order."""
        groups: dict[tuple[str, str], list[Refusal]] = {}
        for refusal in self.roots:
            groups.setdefault((refusal.table, refusal.reason_id), []).append(refusal)
        return [_line(group, english) for group in groups.values()]


def _line(group: list[Refusal], english: bool) -> str:
    first = group[0]
    noun_id, noun_en = NOUNS.get(first.table, (first.table, first.table))
    names = [r.name_en if english else r.name_id for r in group]
    shown = ", ".join(names[:NAMES_SHOWN])
    more = len(names) - NAMES_SHOWN
    dependents = sum(r.dependents for r in group)
    if english:
        plural = "s" if len(group) > 1 and not noun_en.endswith("s") else ""
        text = f"{len(group)} {noun_en}{plural} ({shown}"
        text += f" and {more} more)" if more > 0 else ")"
        text += f" refused: {first.reason_en}"
        if dependents:
            text += f"; {dependents} record{'s' if dependents > 1 else ''} under it held back too"
        return text + "."
    text = f"{len(group)} {noun_id} ({shown}" + (f" dan {more} lainnya)" if more > 0 else ")")
    text += f" ditolak: {first.reason_id}"
    if dependents:
        text += f"; {dependents} rekaman turunannya ikut tertunda"
    return text + "."


def describe(table: str, record: Mapping[str, Any]) -> tuple[str, str]:
    """A record's name for people: the village of a survey, a product's or respondent's name, a
    letter's number, a photo's caption; a short id when it has none."""
    short = str(record.get("id", ""))[:8]
    text = {
        "surveys": record.get("village_name"),
        "respondents": record.get("name"),
        "candidate_products": record.get("name"),
        "officers": record.get("name"),
        "letters": record.get("number"),
        "attachments": record.get("caption"),
        "audit_log": record.get("field"),
    }.get(table)
    if not isinstance(text, str) or not text.strip():
        return short, short
    text = " ".join(text.split())[:60]
    if table == "surveys":
        return f"Desa {text}", f"{text} village"
    return text, text
