"""The widgets of the assessment panel and where they sit.

The grid takes the width (it must not scroll sideways); the score and radar chart stand beside
it; the criterion pane and the other assessments share a tab area under it. On a narrow screen
(a 1366×768 laptop at 125 %, 1024 logical pixels) the score and chart become a tab of that area
instead, so that the grid keeps room for its five levels and nothing is cut.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.ui.assessment.assessment_comparison import OtherAssessmentsPane
from ovop_desktop.ui.assessment.criterion_pane import CriterionPane
from ovop_desktop.ui.assessment.radar_chart import RadarChart
from ovop_desktop.ui.assessment.rubric_grid import RubricGrid
from ovop_desktop.ui.assessment.score_summary import ScoreSummary

SIDE_WIDTH = 270
NARROW_BELOW = 760  # the panel's width under which the score moves into a tab under the grid

STYLE = (
    "QLabel#titleLabel { font-size: 14pt; font-weight: bold; }"
    "QLabel#metaLabel { color: #4a5b60; }"
    "QLabel#statusLabel { border-radius: 4px; padding: 2px 8px; background: #e8eef0; }"
    "QLabel#savedLabel { color: #4a5b60; }"
    "QLabel#messageLabel { background: #fdecea; border: 1px solid #f2b8b5;"
    " border-radius: 4px; padding: 6px 10px; color: #6b1010; }"
    "QLabel#placeholder { color: #4a5b60; font-size: 11pt; }"
)


@dataclass(frozen=True)
class Place:
    """Where the officer is in the panel: kept across a reload of the same candidate."""

    criterion_id: str | None
    grid_scroll: int
    tab: int
    note_cursor: int
    side_scroll: int


def _label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    return label


class AssessmentPanelUi(QObject):
    """Builds the panel's widgets into `panel` (composition, like a compiled Designer form)."""

    def __init__(self, panel: QWidget) -> None:
        super().__init__(panel)
        outer = QVBoxLayout(panel)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)
        placeholder = _label("placeholder")
        placeholder.setText(self.tr("Choose a candidate product to assess."))
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(placeholder)
        page = QWidget()
        self.stack.addWidget(page)
        root = QVBoxLayout(page)
        root.setContentsMargins(8, 6, 8, 6)
        root.setSpacing(6)
        root.addLayout(self._build_header())
        self.message_label = _label("messageLabel")
        self.message_label.setWordWrap(True)
        self.message_label.setVisible(False)
        root.addWidget(self.message_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_main())
        self.splitter.addWidget(self._build_side())
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([1100 - SIDE_WIDTH, SIDE_WIDTH])
        root.addWidget(self.splitter, 1)
        panel.setStyleSheet(STYLE)
        self.narrow = False

    def arrange(self, width: int) -> None:
        """Score beside the grid, or (narrower than NARROW_BELOW) in a tab under it."""
        narrow = width < NARROW_BELOW
        if narrow == self.narrow:
            return
        self.narrow = narrow
        if narrow:
            self.side.setMinimumWidth(0)
            self.tabs.addTab(self.side, self.tr("Score"))
            height = max(self.main.height(), 300)
            self.main.setSizes([height * 3 // 5, height * 2 // 5])  # the grid first
        else:
            showing_score = self.tabs.currentWidget() is self.side
            self.tabs.removeTab(self.tabs.indexOf(self.side))
            self.side.setMinimumWidth(150)
            self.splitter.addWidget(self.side)
            self.splitter.setSizes([max(width - SIDE_WIDTH, 1), SIDE_WIDTH])
            if showing_score:
                self.tabs.setCurrentIndex(0)
            self.side.show()

    def _build_header(self) -> QHBoxLayout:
        self.title_label = _label("titleLabel")
        self.title_label.setWordWrap(True)
        self.meta_label = _label("metaLabel")
        self.meta_label.setWordWrap(True)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title_label)
        titles.addWidget(self.meta_label)
        self.status_label = _label("statusLabel")
        self.saved_label = _label("savedLabel")
        self.back_button = QPushButton(self.tr("Back to the assessment in force"))
        self.reassess_button = QPushButton()
        self.reassess_button.setToolTip(
            self.tr("Start a new assessment under the rubric in force; this one stays as it is.")
        )
        self.finalize_button = QPushButton(self.tr("&Finalise assessment"))
        self.finalize_button.setToolTip(
            self.tr("Every criterion needs a level before the assessment is final.")
        )
        header = QHBoxLayout()
        header.addLayout(titles, 1)
        for widget in (
            self.status_label,
            self.saved_label,
            self.back_button,
            self.reassess_button,
            self.finalize_button,
        ):
            header.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)
        return header

    def _build_main(self) -> QSplitter:
        self.grid = RubricGrid()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.criterion_pane = CriterionPane()
        self.other_pane = OtherAssessmentsPane()
        self.tabs.addTab(self.criterion_pane, self.tr("Criterion"))
        self.tabs.addTab(self.other_pane, self.tr("Other assessments"))
        main = QSplitter(Qt.Orientation.Vertical)
        main.setChildrenCollapsible(False)
        main.addWidget(self.grid)
        main.addWidget(self.tabs)
        main.setStretchFactor(0, 1)
        main.setStretchFactor(1, 0)
        self.main = main
        return main

    def _build_side(self) -> QScrollArea:
        self.summary = ScoreSummary()
        self.radar = RadarChart()
        self.radar.setMinimumSize(140, 140)
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.radar, 1)
        scroll = QScrollArea()
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(150)
        scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.side = scroll
        return scroll

    # --- the officer's place ---------------------------------------------------------------

    def place(self) -> Place:
        return Place(
            self.grid.current_criterion(),
            self.grid.verticalScrollBar().value(),
            self.tabs.currentIndex(),
            self.criterion_pane.note_edit.textCursor().position(),
            self.side.verticalScrollBar().value(),
        )

    def restore_place(self, place: Place) -> None:
        """Back to `place`; a criterion the rubric shown lacks leaves the grid where it is."""
        rubric = self.grid.rubric()
        if rubric is not None and place.criterion_id in rubric.criterion_ids:
            self.grid.set_current_criterion(place.criterion_id)
        self.grid.verticalScrollBar().setValue(place.grid_scroll)
        self.tabs.setCurrentIndex(place.tab)
        note = self.criterion_pane.note_edit
        cursor = note.textCursor()
        if place.note_cursor <= len(note.toPlainText()) and cursor.position() != place.note_cursor:
            cursor.setPosition(place.note_cursor, QTextCursor.MoveMode.MoveAnchor)
            note.setTextCursor(cursor)
        self.side.verticalScrollBar().setValue(place.side_scroll)

    # --- texts that follow what is shown ---------------------------------------------------

    def show_header(
        self,
        product: str,
        category: str,
        rubric: Rubric | None,
        *,
        status: str | None,
        old_version: bool,
        finalize: bool,
        back: bool,
        reassess_to: int | None,
    ) -> None:
        """Title, rubric version, status and the buttons that apply to what is shown."""
        self.title_label.setText(product)
        parts = [category]
        if rubric is not None:
            parts.append(
                self.tr("Rubric %1, version %2")
                .replace("%1", rubric.name)
                .replace("%2", str(rubric.version))
            )
        if old_version:
            parts.append(self.tr("shown under its own version, read-only"))
        self.meta_label.setText(" · ".join(parts))
        statuses = {"final": self.tr("Final"), "draft": self.tr("Draft")}
        self.status_label.setText(statuses.get(status or "", self.tr("Not assessed")))
        self.finalize_button.setVisible(finalize)
        self.back_button.setVisible(back)
        self.reassess_button.setVisible(reassess_to is not None)
        if reassess_to is not None:
            self.reassess_button.setText(
                self.tr("Re-assess under version %1").replace("%1", str(reassess_to))
            )

    def show_tab_titles(self, criterion_id: str | None, others: int, flagged: bool) -> None:
        criterion = (
            self.tr("Criterion %1").replace("%1", criterion_id)
            if criterion_id
            else self.tr("Criterion")
        )
        self.tabs.setTabText(0, criterion)
        title = self.tr("Other assessments (%1)").replace("%1", str(others))
        self.tabs.setTabText(1, f"{title} ⚑" if flagged else title)

    def show_message(self, text: str) -> None:
        """A plain message above the grid (what went wrong and what to do); empty hides it."""
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def show_saved(self, state: str) -> None:
        """`state`: "dirty", "saved" or "failed"."""
        if state == "dirty":
            self.saved_label.setText(self.tr("Not saved yet…"))
        elif state == "failed":
            self.saved_label.setText(self.tr("Not saved"))
        elif state == "saved":
            now = datetime.now().strftime("%H:%M")
            self.saved_label.setText(self.tr("Saved %1").replace("%1", now))
        else:
            self.saved_label.clear()
