"""The GPS part of the survey form: latitude and longitude typed in any usual way, a pasted pair
or map link, or read from a photo; a warning (never a block) for a point far from where it
should be: outside the province, outside the chosen village's outline (how far, and in which
village it lies), or far from the regency's other surveys."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Slot

from ovop_desktop.core.errors import DomainError
from ovop_desktop.core.formatting import format_number_id
from ovop_desktop.core.geo import (
    distance_warning,
    outside_kalsel,
    parse_coordinate,
    parse_coordinate_or_pair,
)
from ovop_desktop.ui.forms.ui_survey_editor import Ui_SurveyEditor
from ovop_desktop.ui.kit.display import english

if TYPE_CHECKING:
    from ovop_desktop.core.boundary_index import BoundaryIndex
    from ovop_desktop.paths import AppPaths
    from ovop_desktop.ui.operations import Operation

GPS_SOURCES = ("ketik", "tempel", "foto", "gps")


class GpsFields(QObject):
    """Reports `on_edit(field, value)` for latitude, longitude and gps_source."""

    def __init__(self, ui: Ui_SurveyEditor, on_edit: Callable[[str, Any], None]) -> None:
        super().__init__(ui.latitudeEdit)
        self.ui, self.on_edit = ui, on_edit
        labels = (
            self.tr("Typed"),
            self.tr("Pasted or map link"),
            self.tr("From a photo"),
            self.tr("Device GPS"),
        )
        ui.gpsSourceCombo.addItem("—", None)
        for source, label in zip(GPS_SOURCES, labels, strict=True):
            ui.gpsSourceCombo.addItem(label, source)
        ui.latitudeEdit.editingFinished.connect(self._on_latitude_edit_editing_finished)
        ui.longitudeEdit.editingFinished.connect(self._on_longitude_edit_editing_finished)
        self.others: list[tuple[float, float]] = []
        self.village_code: str | None = None
        self._paths: AppPaths | None = None
        self._operation: Callable[[], Operation[Any]] | None = None
        self._outlines: BoundaryIndex | None = None
        self._loading = False

    def check_against_outlines(
        self, paths: AppPaths, operation: Callable[[], Operation[Any]]
    ) -> None:
        """Also check the point against the village's outline (loaded by `operation`, a job of
        the editor, the first time it is needed)."""
        self._paths, self._operation = paths, operation

    def set_village(self, code: str | None) -> None:
        self.village_code = code
        self.check()

    def show(self, latitude: float | None, longitude: float | None, source: str | None) -> None:
        self.ui.latitudeEdit.setText(self._text(latitude))
        self.ui.longitudeEdit.setText(self._text(longitude))
        index = self.ui.gpsSourceCombo.findData(source)
        self.ui.gpsSourceCombo.setCurrentIndex(max(0, index))
        self.warn(None)

    @staticmethod
    def _text(value: float | None) -> str:
        return "" if value is None else format_number_id(round(value, 6))

    def set_point(self, latitude: float, longitude: float, source: str) -> None:
        self.ui.latitudeEdit.setText(self._text(latitude))
        self.ui.longitudeEdit.setText(self._text(longitude))
        self.ui.gpsSourceCombo.setCurrentIndex(self.ui.gpsSourceCombo.findData(source))
        self.on_edit("latitude", latitude)
        self.on_edit("longitude", longitude)
        self.on_edit("gps_source", source)
        self.check()

    def _finished(self, axis: str) -> None:
        edit = self.ui.latitudeEdit if axis == "lat" else self.ui.longitudeEdit
        text = edit.text().strip()
        if not text:
            self.on_edit("latitude" if axis == "lat" else "longitude", None)
            self.warn(None)
            return
        try:
            parsed = parse_coordinate_or_pair(text, "lat" if axis == "lat" else "lon")
            if isinstance(parsed, tuple):
                self.set_point(parsed[0], parsed[1], "tempel")
                return
            value = parsed
        except DomainError as exc:
            self.warn(str(exc), error=True)
            return
        edit.setText(self._text(value))
        self.on_edit("latitude" if axis == "lat" else "longitude", value)
        if self.ui.gpsSourceCombo.currentData() is None:
            self.ui.gpsSourceCombo.setCurrentIndex(self.ui.gpsSourceCombo.findData("ketik"))
            self.on_edit("gps_source", "ketik")
        self.check()

    @Slot()
    def _on_latitude_edit_editing_finished(self) -> None:
        self._finished("lat")

    @Slot()
    def _on_longitude_edit_editing_finished(self) -> None:
        self._finished("lon")

    def point(self) -> tuple[float, float] | None:
        try:
            return (
                parse_coordinate(self.ui.latitudeEdit.text(), "lat"),
                parse_coordinate(self.ui.longitudeEdit.text(), "lon"),
            )
        except DomainError:
            return None

    def check(self) -> None:
        """Warn when the point lies outside Kalimantan Selatan or far from the other surveys."""
        point = self.point()
        if point is None:
            self.warn(None)
        elif outside_kalsel(*point):
            self.warn(
                self.tr(
                    "This point lies outside Kalimantan Selatan. Check the "
                    "coordinates (latitude is south, so negative)."
                )
            )
        elif (village := self._village_warning(point)) is not None:
            self.warn(village)
        elif (far := distance_warning(point, self.others)) is not None:
            self.warn(
                self.tr(
                    "This point is %1 km from the other surveys of this regency. "
                    "Check the coordinates."
                ).replace("%1", format_number_id(round(far)))
            )
        else:
            self.warn(None)

    def warn(self, text: str | None, *, error: bool = False, severity: str = "warning") -> None:
        label = self.ui.gpsWarning
        label.setVisible(bool(text))
        label.setText(text or "")
        label.setProperty("severity", "error" if error else severity)
        label.style().polish(label)

    def _village_warning(self, point: tuple[float, float]) -> str | None:
        """ "1,8 km di luar batas Desa X; titik ini berada di Desa Y, Kecamatan Z", or None when
        the point is inside, the village has no outline, or the outlines are still loading."""
        if self.village_code is None or self._paths is None or self._operation is None:
            return None
        if self._outlines is None:
            if not self._loading:
                self._loading = True
                paths = self._paths
                self._operation().success(self._on_outlines_loaded).run(
                    lambda: _load_outlines(paths)
                )
            return None
        from ovop_desktop.core.boundary_index import check_point

        result = check_point(self._outlines, point[0], point[1], self.village_code)
        if result.inside or not result.known:
            return None
        return result.message_en if english() else result.message_id

    @Slot(object)
    def _on_outlines_loaded(self, outlines: BoundaryIndex) -> None:
        self._outlines = outlines
        self.check()


def _load_outlines(paths: AppPaths) -> BoundaryIndex:
    from ovop_desktop.services.boundaries import load_boundary_index

    return load_boundary_index(paths)
