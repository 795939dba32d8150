"""The ⚑ a survey table shows beside a village whose GPS point lies outside its outline.

The flags are worked out on the worker after the rows are shown (services.surveys.gps_flags);
`GpsFlagCells` keeps them for a table model and tells the view which village cells to redraw.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QAbstractItemModel, Qt

from ovop_desktop.services.surveys.gps_flags import GpsFlag
from ovop_desktop.ui.kit.display import english

GPS_FLAG = "⚑"


class GpsFlagCells:
    """The flags of one model's surveys and the village column they are drawn in."""

    def __init__(self, model: QAbstractItemModel, column: int) -> None:
        self._model, self._column = model, column
        self._flags: dict[uuid.UUID, GpsFlag] = {}

    def add(self, flags: Mapping[uuid.UUID, GpsFlag], rows: Iterable[int | None]) -> None:
        """Keep `flags` and redraw the village cells of `rows` (their rows in the model; None
        for a survey not shown)."""
        self._flags.update(flags)
        shown = [row for row in rows if row is not None]
        if shown:
            self._model.dataChanged.emit(
                self._model.index(min(shown), self._column),
                self._model.index(max(shown), self._column),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole],
            )

    def __contains__(self, survey_id: object) -> bool:
        return survey_id in self._flags

    def text(self, survey_id: uuid.UUID) -> str | None:
        """The flag's words in the interface language, or None."""
        flag = self._flags.get(survey_id)
        if flag is None:
            return None
        return flag.message_en if english() else flag.message_id
