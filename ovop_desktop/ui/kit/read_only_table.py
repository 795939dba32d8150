"""The read-only table and list that several pages show: whole rows picked one at a time, no
editing, Tab leaving the view, and columns sized to a sample of their content while the others
share what is left; no column title is ever cut to "…" (a view too narrow for them scrolls)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QTableWidget,
    QTreeView,
    QTreeWidget,
)

CELL_PADDING = 16  # the cell's margins
HEADER_PADDING = 28  # the section's margins and the sort arrow
ITEM_STYLE = "QTreeView::item { padding: 4px 2px; }"

Samples = Mapping[int, str | Sequence[str]]


def make_read_only(view: QAbstractItemView, *, alternating: bool = True) -> None:
    """One whole row selected at a time, nothing editable, long texts elided, and Tab moving
    on to the next widget (the page stays walkable by keyboard)."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(alternating)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setTabKeyNavigation(False)


def read_only_table(
    model: QAbstractItemModel | None = None, *, alternating: bool = True
) -> QTableView:
    """A read-only table of one-line rows without row numbers, showing `model`."""
    table = QTableView()
    if model is not None:
        table.setModel(model)
    make_read_only(table, alternating=alternating)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.horizontalHeader().setHighlightSections(False)
    return table


def read_only_tree(headers: Sequence[str], samples: Samples | None = None) -> QTreeWidget:
    """A read-only flat list of rows under `headers` (a QTreeWidget without branches), its
    columns fitted to `samples` when given (see `fit_columns`)."""
    tree = QTreeWidget()
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setStyleSheet(ITEM_STYLE)
    tree.setHeaderLabels(list(headers))
    make_read_only(tree)
    if samples is not None:
        fit_columns(tree, samples)
    return tree


def read_only_table_widget(headers: Sequence[str]) -> QTableWidget:
    """A read-only table of items under `headers`, without row numbers; long values wrap."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    make_read_only(table)
    table.setWordWrap(True)
    return table


def fit_columns(view: QTableView | QTreeView, samples: Samples) -> None:
    """Columns with a sample (or several: the widest counts) fit it or their title, whichever
    is wider, and stay resizable; the others stretch to share what is left, never narrower than
    their own title: when the view is too narrow for every title, they keep their titles' width
    and the view scrolls sideways rather than cut a title to "…"."""
    header: QHeaderView = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    model = view.model()
    header.setStretchLastSection(False)
    header.setTextElideMode(Qt.TextElideMode.ElideRight)
    cell, heading = view.fontMetrics(), header.fontMetrics()
    stretching: dict[int, int] = {}  # column → its title's width
    for column in range(header.count()):
        sample = samples.get(column)
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        title_width = heading.horizontalAdvance(title) + HEADER_PADDING
        if sample is None:
            stretching[column] = title_width
            continue
        texts = (sample,) if isinstance(sample, str) else tuple(sample)
        width = max(
            max((cell.horizontalAdvance(text) for text in texts), default=0) + CELL_PADDING,
            title_width,
        )
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)
    fitter = view.findChild(_TitleKeeper)
    if fitter is None:
        fitter = _TitleKeeper(view, header)
    fitter.stretching = stretching
    fitter.apply()


class _TitleKeeper(QObject):
    """Keeps the stretching columns of a view at least as wide as their titles, as the view is
    resized: stretched while there is room, scrolled sideways when there is not."""

    def __init__(self, view: QAbstractItemView, header: QHeaderView) -> None:
        super().__init__(view)
        self.view, self.header = view, header
        self.stretching: dict[int, int] = {}
        view.viewport().installEventFilter(self)
        header.sectionResized.connect(self._on_section_resized)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.apply()
        return False

    @Slot(int, int, int)
    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column not in self.stretching:
            self.apply()  # a sampled column widened by hand leaves less room for the others

    def apply(self) -> None:
        header, view = self.header, self.view
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        fixed = sum(header.sectionSize(c) for c in shown if c not in self.stretching)
        titles = sum(w for c, w in self.stretching.items() if c in shown)
        room = view.viewport().width()
        fits = fixed + titles <= room
        for column, width in self.stretching.items():
            if fits:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, width)
        view.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if fits else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
