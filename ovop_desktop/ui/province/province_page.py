"""The province office's place: the dashboard, the review of surveys and the designations, one
tab each. Shown in the navigation in province mode only (services.province_mode)."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.ui.province.dashboard_page import DashboardPage
from ovop_desktop.ui.province.designation_page import DesignationPage
from ovop_desktop.ui.province.review_page import ReviewPage
from ovop_desktop.ui.worker import Worker


class ProvincePage(QWidget):
    def __init__(
        self,
        db: Database,
        paths: AppPaths,
        worker: Worker,
        rubric: Rubric,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.dashboard = DashboardPage(db, worker, rubric)
        self.dashboard.show_coverage_map(paths)
        self.review = ReviewPage(db, worker)
        self.review.check_points(paths)
        self.designation = DesignationPage(db, paths, worker)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for page in (self.dashboard, self.review, self.designation):
            self.tabs.addTab(page, page.navigation_text())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

    def load(self) -> None:
        """Load the tab in view (the others load when they come into view)."""
        self._on_tabs_current_changed(self.tabs.currentIndex())

    def _on_tabs_current_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page is self.dashboard:
            self.dashboard.reload()
        elif page is self.review:
            self.review.load()
        elif page is self.designation:
            self.designation.load()
