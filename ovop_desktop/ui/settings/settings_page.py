"""Pengaturan: the officer profile, this laptop's name, the interface language, photo size."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ovop_desktop.paths import AppPaths
from ovop_desktop.preferences import interface_language, set_interface_language
from ovop_desktop.services.database import Database
from ovop_desktop.services.province.mode import province_mode, set_province_mode
from ovop_desktop.services.regions import import_regions, region_count
from ovop_desktop.services.settings.app_settings import (
    PHOTO_LONGEST_SIDE,
    PHOTO_SIDE_RANGE,
    photo_longest_side,
    set_setting,
)
from ovop_desktop.services.settings.key_location import KeyLocation, key_location
from ovop_desktop.services.settings.officers import (
    OfficerProfile,
    current_officer,
    device_name,
    save_profile,
    set_device_name,
)
from ovop_desktop.services.sync.packages import device_fingerprint
from ovop_desktop.services.sync.setup_package import SetupResult, import_setup
from ovop_desktop.ui import dialogs, i18n
from ovop_desktop.ui.kit.display import number_text
from ovop_desktop.ui.kit.messages import OK_STYLE, WARN_STYLE, show_message
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.worker import Worker

if TYPE_CHECKING:
    from ovop_desktop.services.boundaries import BoundaryImport


LEVELS = ("kabupaten", "kecamatan", "desa")  # services.boundaries.LEVEL_ORDER


def _left(button: QPushButton) -> QWidget:
    """A button at its natural size on the left of its row."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(button)
    layout.addStretch(1)
    return row


class SettingsPage(QWidget):
    """Saves each group with its button; `languageChanged(code)` asks the window to retranslate."""

    languageChanged = Signal(str)
    profileSaved = Signal()
    provinceModeChanged = Signal(bool)
    dataChanged = Signal()  # a region list or a setup package changed what other pages show

    def __init__(
        self, db: Database, worker: Worker, paths: AppPaths, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.worker, self.paths = db, worker, paths
        # The groups scroll as one page: on a 600 px screen they do not fit one above the other.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setObjectName("settingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        scroll.setWidget(content)
        outer.addWidget(scroll)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(32, 24, 32, 24)
        title = QLabel(self.tr("Settings"))
        title.setObjectName("pageTitle")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(title)

        profile = QGroupBox(self.tr("Officer profile"))
        profile.setMaximumWidth(760)
        form = QFormLayout(profile)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name_edit = QLineEdit()
        self.nip_edit = QLineEdit()
        self.nip_edit.setPlaceholderText(self.tr("18 digits, e.g. 198703152010012004"))
        self.nip_edit.setMaxLength(22)
        self.unit_edit = QLineEdit()
        self.unit_edit.setPlaceholderText(self.tr("e.g. Dinas Koperasi dan UKM Kabupaten Banjar"))
        self.phone_edit = QLineEdit()
        for text, widget in (
            (self.tr("&Name"), self.name_edit),
            (self.tr("NI&P"), self.nip_edit),
            (self.tr("&Unit"), self.unit_edit),
            (self.tr("P&hone"), self.phone_edit),
        ):
            form.addRow(text, widget)
        self.profile_message = QLabel()
        self.profile_message.setWordWrap(True)
        self.save_profile_button = QPushButton(self.tr("&Save profile"))
        form.addRow(self.profile_message)
        form.addRow("", _left(self.save_profile_button))
        layout.addWidget(profile)

        device = QGroupBox(self.tr("This laptop and the interface"))
        device.setMaximumWidth(760)
        device_form = QFormLayout(device)
        device_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.device_edit = QLineEdit()
        self.language_combo = QComboBox()
        self.language_combo.addItem("Bahasa Indonesia", "id")
        self.language_combo.addItem("English", "en")
        self.photo_spin = QSpinBox()
        self.photo_spin.setRange(*PHOTO_SIDE_RANGE)
        self.photo_spin.setSingleStep(160)
        self.photo_spin.setSuffix(self.tr(" px, longest side"))
        self.photo_spin.setGroupSeparatorShown(True)
        self.photo_spin.setMaximumWidth(260)
        self.language_combo.setMaximumWidth(260)
        device_form.addRow(self.tr("&Device name"), self.device_edit)
        device_form.addRow(self.tr("Interface &language"), self.language_combo)
        device_form.addRow(self.tr("Photo si&ze"), self.photo_spin)
        self.province_check = QCheckBox(
            self.tr("P&rovince office: show the dashboard, review and designation")
        )
        self.province_check.setToolTip(
            self.tr(
                "For the province office's database, where officers' packages are merged. "
                "Officers in the field leave it off."
            )
        )
        device_form.addRow("", self.province_check)
        self.fingerprint_label = QLabel()
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint_label.setToolTip(
            self.tr(
                "The fingerprint of this laptop's signing key. Read it to the province office "
                "when they are asked to trust the first package from this laptop."
            )
        )
        device_form.addRow(self.tr("Key fingerprint"), self.fingerprint_label)
        # Where the private keys lie and what protects them; a chosen (portable) folder carries
        # them along, and the officer is told so (docs/security.md).
        location = key_location(paths)
        self.key_note = QLabel(self._key_note_text(location))
        self.key_note.setWordWrap(True)
        self.key_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        device_form.addRow(self.key_note)
        self.portable_key_note = QLabel(
            self.tr(
                "This data folder was chosen with --home or OVOP_HOME, so the keys travel with "
                "it: whoever copies the folder or finds the USB stick can sign packages as this "
                "laptop and open packages sealed to it. Keep the stick safe, and tell the "
                "province office at once if it is lost."
            )
        )
        self.portable_key_note.setWordWrap(True)
        self.portable_key_note.setStyleSheet(WARN_STYLE)
        self.portable_key_note.setVisible(location.portable)
        device_form.addRow(self.portable_key_note)
        self.device_message = QLabel()
        self.save_device_button = QPushButton(self.tr("Sa&ve"))
        device_form.addRow(self.device_message)
        device_form.addRow("", _left(self.save_device_button))
        layout.addWidget(device)

        regions = QGroupBox(self.tr("Region list (Kemendagri)"))
        regions.setMaximumWidth(760)
        regions_layout = QVBoxLayout(regions)
        self.regions_label = QLabel()
        self.regions_label.setWordWrap(True)
        self.import_regions_button = QPushButton(self.tr("&Import region list…"))
        self.import_regions_button.setToolTip(
            self.tr("A CSV file kode,nama,tingkat,kode_induk or kode,nama, in UTF-8")
        )
        regions_layout.addWidget(self.regions_label)
        regions_layout.addWidget(_left(self.import_regions_button))
        self.boundaries_label = QLabel()
        self.boundaries_label.setWordWrap(True)
        self.import_boundaries_button = QPushButton(self.tr("Import region b&oundaries…"))
        self.import_boundaries_button.setToolTip(
            self.tr("A GeoJSON FeatureCollection (may be .gz) with a kode property per feature")
        )
        regions_layout.addWidget(self.boundaries_label)
        regions_layout.addWidget(_left(self.import_boundaries_button))
        layout.addWidget(regions)

        setup = QGroupBox(self.tr("Province setup package"))
        setup.setMaximumWidth(760)
        setup_layout = QVBoxLayout(setup)
        self.setup_label = QLabel(
            self.tr(
                "The file (.ovop) the province office hands out: region list, rubric, letterhead, "
                "signatories and letter numbers, signed with the province key."
            )
        )
        self.setup_label.setWordWrap(True)
        # Room for three lines: a wrapped label inside a group box does not grow by itself here.
        self.setup_label.setMinimumHeight(self.setup_label.fontMetrics().lineSpacing() * 3)
        self.import_setup_button = QPushButton(self.tr("Import setup pac&kage…"))
        setup_layout.addWidget(self.setup_label)
        setup_layout.addWidget(_left(self.import_setup_button))
        layout.addWidget(setup)
        layout.addStretch(1)
        self.import_regions_button.clicked.connect(self._on_import_regions_button_clicked)
        self.import_setup_button.clicked.connect(self._on_import_setup_button_clicked)
        self.import_boundaries_button.clicked.connect(self._on_import_boundaries_button_clicked)

        self.save_profile_button.clicked.connect(self._on_save_profile_button_clicked)
        for edit in (self.name_edit, self.nip_edit, self.unit_edit, self.phone_edit):
            edit.returnPressed.connect(self._on_save_profile_button_clicked)  # Enter saves
        self.save_device_button.clicked.connect(self._on_save_device_button_clicked)
        self.language_combo.activated.connect(self._on_language_combo_activated)

    def load(self) -> None:
        db, paths = self.db, self.paths

        def job() -> dict[str, Any]:
            return {
                "regions": region_count(db),
                "officer": current_officer(db),
                "device": device_name(db),
                "language": interface_language(paths),
                "photo": photo_longest_side(db),
                "fingerprint": device_fingerprint(paths),
                "province": province_mode(db),
            }

        Operation[dict[str, Any]](self, self.worker).success(self._on_loaded).run(job)

    def _key_note_text(self, location: KeyLocation) -> str:
        where = self.tr("The private keys of this laptop (%1) are in %2.").replace(
            "%1", ", ".join(location.files)
        )
        where = where.replace("%2", str(location.folder))
        if location.windows:
            guard = self.tr(
                "On an NTFS disk only your Windows account may read them; an administrator "
                "can, and on a FAT or exFAT USB stick anyone can. They are not encrypted: use "
                "BitLocker on this laptop."
            )
        else:
            guard = self.tr(
                "Only your user account may read them (mode 0600); the administrator (root) "
                "can. They are not encrypted: use disk encryption on this laptop."
            )
        return f"{where} {guard}"

    @Slot(object)
    def _on_loaded(self, values: dict[str, Any]) -> None:
        self._show_region_count(values["regions"])
        officer = values["officer"]
        self.name_edit.setText(officer.name if officer else "")
        self.nip_edit.setText(officer.nip or "" if officer else "")
        self.unit_edit.setText(officer.unit or "" if officer else "")
        self.phone_edit.setText(officer.phone or "" if officer else "")
        self.device_edit.setText(values["device"])
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(values["language"]))
        )
        self.photo_spin.setValue(values["photo"])
        self.fingerprint_label.setText(values["fingerprint"])
        self.province_check.setChecked(values["province"])

    @Slot()
    def _on_save_profile_button_clicked(self) -> None:
        db = self.db
        fields = {
            "name": self.name_edit.text(),
            "nip": self.nip_edit.text(),
            "unit": self.unit_edit.text(),
            "phone": self.phone_edit.text(),
        }
        Operation[OfficerProfile](self, self.worker).success(self._on_profile_saved).errors_in(
            self.profile_message
        ).run(lambda: save_profile(db, **fields))

    @Slot(object)
    def _on_profile_saved(self, _profile: object) -> None:
        show_message(self.profile_message, self.tr("Profile saved."), OK_STYLE)
        self.profileSaved.emit()

    @Slot()
    def _on_save_device_button_clicked(self) -> None:
        db, name, photo = self.db, self.device_edit.text(), self.photo_spin.value()
        province = self.province_check.isChecked()

        def job() -> bool:
            set_device_name(db, name)
            set_setting(db, PHOTO_LONGEST_SIDE, photo)
            set_province_mode(db, province)
            return province

        Operation[bool](self, self.worker).success(self._on_device_saved).errors_in(
            self.device_message
        ).run(job)

    @Slot(object)
    def _on_device_saved(self, province: object) -> None:
        show_message(self.device_message, self.tr("Saved."), OK_STYLE)
        self.provinceModeChanged.emit(bool(province))

    @Slot(int)
    def _on_language_combo_activated(self, _index: int) -> None:
        """The language changes at once: the window is rebuilt in it."""
        language = self.language_combo.currentData()
        if language != i18n.language():
            set_interface_language(self.paths, language)
            self.languageChanged.emit(language)

    def _show_region_count(self, count: int) -> None:
        self.regions_label.setStyleSheet("")
        self.regions_label.setText(
            self.tr("%1 regions in the list.").replace("%1", number_text(count))
            if count
            else self.tr(
                "No region list yet: import the list the province office hands out, "
                "so that villages can be picked in surveys."
            )
        )

    @Slot()
    def _on_import_regions_button_clicked(self) -> None:
        dialogs.open_files(
            self, self.tr("Import region list"), "CSV (*.csv *.txt)", self.import_region_file
        )

    def import_region_file(self, files: list[str]) -> None:
        if not files:
            return
        db, path = self.db, Path(files[0])
        self.regions_label.setText(self.tr("Importing %1…").replace("%1", path.name))
        self.import_regions_button.setEnabled(False)

        def job() -> tuple[int, int, int, int]:
            result = import_regions(db, path.read_bytes())
            return result.added, len(result.renamed), region_count(db), result.made_official

        Operation[tuple[int, int, int, int]](self, self.worker).success(
            self._on_regions_imported
        ).errors_in(self.regions_label).always(self._on_region_import_ended).run(job)

    @Slot(object)
    def _on_regions_imported(self, result: tuple[int, int, int, int]) -> None:
        added, renamed, total, made_official = result
        self._show_region_count(total)
        self.dataChanged.emit()
        done = (
            self.tr("Imported: %1 new, %2 renamed.")
            .replace("%1", number_text(added))
            .replace("%2", number_text(renamed))
        )
        if made_official:
            done += " " + self.tr(
                "%1 regions placed provisionally by packages are now in the official list."
            ).replace("%1", number_text(made_official))
        self.regions_label.setText(self.regions_label.text() + " " + done)

    def _on_region_import_ended(self) -> None:
        self.import_regions_button.setEnabled(True)

    @Slot()
    def _on_import_boundaries_button_clicked(self) -> None:
        dialogs.open_files(
            self,
            self.tr("Import region boundaries"),
            "GeoJSON (*.geojson *.json *.gz)",
            self.import_boundary_file,
        )

    def import_boundary_file(self, files: list[str]) -> None:
        """Newer outlines, checked first: a bad file names the feature and changes nothing."""
        if not files:
            return
        db, paths, path = self.db, self.paths, Path(files[0])
        self.boundaries_label.setStyleSheet("")
        self.boundaries_label.setText(self.tr("Importing %1…").replace("%1", path.name))
        self.import_boundaries_button.setEnabled(False)

        def job() -> BoundaryImport:
            # Loaded here: the geometry libraries are not needed to open Pengaturan.
            from ovop_desktop.services.boundaries import import_boundaries

            return import_boundaries(db, paths, path)

        Operation["BoundaryImport"](self, self.worker).success(
            self._on_boundaries_imported
        ).errors_in(self.boundaries_label).always(self._on_boundary_import_ended).run(job)

    @Slot(object)
    def _on_boundaries_imported(self, result: BoundaryImport) -> None:
        self.dataChanged.emit()
        counts = [number_text(result.per_level.get(level, 0)) for level in LEVELS]
        text = self.tr(
            "Boundaries imported: %1 regencies/cities, %2 districts, %3 villages. "
            "Levels not in the file are kept."
        )
        for number, count in enumerate(counts, start=1):
            text = text.replace(f"%{number}", count)
        show_message(self.boundaries_label, text, OK_STYLE)

    def _on_boundary_import_ended(self) -> None:
        self.import_boundaries_button.setEnabled(True)

    @Slot()
    def _on_import_setup_button_clicked(self) -> None:
        dialogs.open_files(
            self,
            self.tr("Import province setup package"),
            self.tr("Setup package (*.ovop)"),
            self.import_setup_file,
        )

    def import_setup_file(self, files: list[str]) -> None:
        if not files:
            return
        db, paths, path = self.db, self.paths, Path(files[0])
        self.setup_label.setStyleSheet("")
        self.setup_label.setText(self.tr("Importing %1…").replace("%1", path.name))
        self.import_setup_button.setEnabled(False)

        def job() -> tuple[SetupResult, int]:
            return import_setup(db, paths, path), region_count(db)

        Operation[tuple[SetupResult, int]](self, self.worker).success(
            self._on_setup_imported
        ).errors_in(self.setup_label).always(self._on_setup_import_ended).run(job)

    @Slot(object)
    def _on_setup_imported(self, values: tuple[SetupResult, int]) -> None:
        result, regions = values
        self._show_region_count(regions)
        self.dataChanged.emit()
        self.setup_label.setStyleSheet(OK_STYLE)
        self.setup_label.setText(
            self.tr("Province settings applied: %1 new regions, rubric %2. Province key %3.")
            .replace("%1", number_text(result.regions_added))
            .replace("%2", ", ".join(result.rubrics))
            .replace("%3", result.fingerprint)
            + (
                " "
                + self.tr("%1 region outlines saved.").replace("%1", number_text(result.boundaries))
                if result.boundaries
                else ""
            )
        )

    def _on_setup_import_ended(self) -> None:
        self.import_setup_button.setEnabled(True)
