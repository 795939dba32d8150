"""Picking a village from the imported region list: cascading kabupaten/kota → kecamatan → desa
combo boxes, plus type-to-search on the village name. Every lookup runs on the worker."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QStringListModel, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit

from ovop_desktop.core.regions import VILLAGE_LEVELS, lies_in, regency_code
from ovop_desktop.services.database import Database
from ovop_desktop.services.regions import RegionHit, children, regencies, search_regions
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.worker import Worker


class RegionPicker(QObject):
    """Drives the four widgets; `villageChosen(code)` when the user picks a village."""

    villageChosen = Signal(str)
    regionsMissing = Signal()

    def __init__(
        self,
        db: Database,
        worker: Worker,
        search: QLineEdit,
        regency: QComboBox,
        district: QComboBox,
        village: QComboBox,
    ) -> None:
        super().__init__(search)
        self.db, self.worker = db, worker
        self.search, self.regency, self.district, self.village = search, regency, district, village
        self._hits: dict[str, RegionHit] = {}
        self._wanted: str | None = None  # a village to select once its lists have loaded
        self._completions = QStringListModel(self)
        self.completer = QCompleter(self._completions, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(12)
        search.setCompleter(self.completer)
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        search.textEdited.connect(self._on_search_text_edited)
        self.completer.activated.connect(self._on_completer_activated)
        regency.activated.connect(self._on_regency_activated)
        district.activated.connect(self._on_district_activated)
        village.activated.connect(self._on_village_activated)
        for combo in (regency, district, village):
            combo.setEditable(False)
            combo.setMaxVisibleItems(20)

    def load(self) -> None:
        db = self.db
        self._lookup(self._on_regencies_loaded, lambda: regencies(db))

    def clear(self) -> None:
        """Nothing chosen: the lower pickers empty until a regency is chosen again."""
        self._wanted = None
        self.search.clear()
        self._fill(self.district, [], self.tr("— choose district —"))
        self._fill(self.village, [], self.tr("— choose village —"))
        if self.regency.count():
            self.regency.setCurrentIndex(0)

    def show_village(self, code: str | None) -> None:
        """Select `code` in the cascade (when a saved survey is opened), without signalling."""
        self._wanted = code
        if code:
            self._select(self.regency, code)
            self._load_children(self.district, regency_code(code))

    def current_village(self) -> str | None:
        data = self.village.currentData()
        return data if isinstance(data, str) else None

    # --- search ---------------------------------------------------------------------------

    @Slot(str)
    def _on_search_text_edited(self, _text: str) -> None:
        self._debounce.start()

    @Slot()
    def _on_debounce_timeout(self) -> None:
        db, text = self.db, self.search.text()
        if len(text.strip()) < 2:
            return
        self._lookup(
            self._on_hits, lambda: search_regions(db, text, limit=25, levels=VILLAGE_LEVELS)
        )

    @Slot(object)
    def _on_hits(self, hits: list[RegionHit]) -> None:
        self._hits = {self._label(hit): hit for hit in hits}
        self._completions.setStringList(list(self._hits))
        if hits and self.search.hasFocus():
            self.completer.complete()

    @staticmethod
    def _label(hit: RegionHit) -> str:
        return f"{hit.name} — {hit.context}" if hit.context else hit.name

    @Slot(str)
    def _on_completer_activated(self, label: str) -> None:
        hit = self._hits.get(label)
        if hit is None:
            return
        QTimer.singleShot(0, self.search, lambda: self.search.setText(hit.name))
        self.show_village(hit.code)
        self.villageChosen.emit(hit.code)

    # --- cascade --------------------------------------------------------------------------

    @Slot(object)
    def _on_regencies_loaded(self, hits: list[RegionHit]) -> None:
        self._fill(self.regency, hits, self.tr("— choose regency / city —"))
        if not hits:
            self.regionsMissing.emit()
        if self._wanted:
            self._select(self.regency, self._wanted)

    def _load_children(self, combo: QComboBox, parent_code: str) -> None:
        db = self.db

        def done(hits: list[RegionHit]) -> None:
            placeholder = (
                self.tr("— choose district —")
                if combo is self.district
                else self.tr("— choose village —")
            )
            self._fill(combo, hits, placeholder)
            if self._wanted:
                self._select(combo, self._wanted)
                district = combo.currentData()
                if combo is self.district and isinstance(district, str):
                    self._load_children(self.village, district)
                else:
                    self._wanted = None

        self._lookup(done, lambda: children(db, parent_code))

    def _lookup(
        self, done: Callable[[list[RegionHit]], None], lookup: Callable[[], list[RegionHit]]
    ) -> None:
        """Run `lookup` on the worker, `done` with its hits while the widgets are there."""
        Operation[list[RegionHit]](self.search, self.worker).success(done).run(lookup)

    def _fill(self, combo: QComboBox, hits: list[RegionHit], placeholder: str) -> None:
        blocked = combo.blockSignals(True)
        combo.clear()
        combo.addItem(placeholder, None)
        for hit in hits:
            combo.addItem(hit.name, hit.code)
        combo.blockSignals(blocked)

    @staticmethod
    def _select(combo: QComboBox, code: str) -> None:
        """Select, without signalling, the region that is `code` or holds it (the regency or
        district of a village)."""
        for index in range(combo.count()):
            region = combo.itemData(index)
            if isinstance(region, str) and lies_in(code, region):
                blocked = combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(blocked)
                return

    @Slot(int)
    def _on_regency_activated(self, _index: int) -> None:
        code = self.regency.currentData()
        self._wanted = None
        self._fill(self.district, [], self.tr("— choose district —"))
        self._fill(self.village, [], self.tr("— choose village —"))
        if code:
            self._load_children(self.district, code)

    @Slot(int)
    def _on_district_activated(self, _index: int) -> None:
        code = self.district.currentData()
        self._wanted = None
        self._fill(self.village, [], self.tr("— choose village —"))
        if code:
            self._load_children(self.village, code)

    @Slot(int)
    def _on_village_activated(self, _index: int) -> None:
        code = self.village.currentData()
        if code:
            self.villageChosen.emit(code)
