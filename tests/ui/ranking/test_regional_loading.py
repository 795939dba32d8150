"""The regional ranking shows its first rows while the rest are prepared on the worker, and keeps
the order the user sorted by as the rest arrive."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.services.assessment.assessments import save_assessment
from ovop_desktop.services.assessment.regional_ranking import rank_region
from ovop_desktop.services.database import Database
from ovop_desktop.services.surveys.capture import (
    ProductInput,
    SurveyInput,
    add_product,
    create_survey,
)
from ovop_desktop.ui.ranking import regional_ranking
from ovop_desktop.ui.ranking.regional_ranking import RegionalRankingView
from ovop_desktop.ui.ranking.regional_table_model import Column
from ovop_desktop.ui.worker import Worker

VILLAGES = ("63.01.01.2001", "63.01.01.2002", "63.03.05.1003", "63.03.06.2009")
NAMES = ("Amplang", "Dodol", "Tikar Purun")


@pytest.fixture
def eleven(db: Database, rubric: Rubric) -> None:
    """Eleven assessed candidates in four villages, of different totals."""
    categories = frozenset(rubric.category_ids)
    made = 0
    for village in VILLAGES:
        survey = create_survey(db, SurveyInput(village, date(2026, 8, 3)))
        for name in NAMES[: 2 if village == VILLAGES[-1] else 3]:
            product = add_product(db, survey, ProductInput(name, "logam"), categories=categories)
            levels = [1 + (made + i) % 5 for i in range(8)]
            save_assessment(
                db, product, rubric, dict(zip(rubric.criterion_ids, levels, strict=True))
            )
            made += 1


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The first four rows come with the ranking; the rest three at a time, and only once the
    event is set (until then the worker waits in the second job)."""
    monkeypatch.setattr(regional_ranking, "FIRST_ROWS", 4)
    monkeypatch.setattr(regional_ranking, "PART_ROWS", 3)
    release = threading.Event()
    first_part = regional_ranking._next_part

    def waiting(*args: Any) -> Any:
        assert release.wait(30), "the test never let the rest load"
        return first_part(*args)

    monkeypatch.setattr(regional_ranking, "_next_part", waiting)
    yield release
    release.set()


def _products(view: RegionalRankingView) -> list[str]:
    proxy = view.proxy
    return [str(proxy.index(row, Column.PRODUCT).data()) for row in range(proxy.rowCount())]


def test_the_first_rows_show_while_the_rest_load_on_the_worker(
    qtbot: QtBot, db: Database, rubric: Rubric, eleven: None, held: threading.Event
) -> None:
    worker = Worker()
    view = RegionalRankingView(db, worker)
    qtbot.addWidget(view)
    view.show()
    view.load(rubric)
    expected = rank_region(db, None, rubric).rows

    # The worker is held inside the job preparing the rest; the screen already shows and reacts.
    qtbot.waitUntil(lambda: view.model.rowCount() == 4)
    assert worker.busy
    assert [view.model.row_at(i) for i in range(4)] == list(expected[:4])
    assert "4 of 11" in view.summary.text() or "4 dari 11" in view.summary.text()
    view.table.sortByColumn(Column.PRODUCT, Qt.SortOrder.AscendingOrder)  # sorted in the model
    assert _products(view) == sorted(_products(view))

    held.set()
    qtbot.waitUntil(lambda: view.model.rowCount() == 11)
    qtbot.waitUntil(lambda: not worker.busy)
    names = _products(view)
    assert names == sorted(r.name for r in expected)  # the rest joined the user's order
    view.table.sortByColumn(Column.TOTAL, Qt.SortOrder.DescendingOrder)
    assert [view.model.row_at(i) for i in range(11)] == list(expected)
    assert "11" in view.summary.text() and "…" not in view.summary.text()
    view.close()
    worker.wait()
