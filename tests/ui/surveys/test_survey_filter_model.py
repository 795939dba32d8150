"""The survey list filters in its model: whatever the officer types, picks, sorts, and however the
rows arrive (the first screenful, then the rest), the rows shown are exactly those a plain pass
over every row lets through, in the sort order, and a row the view holds stays on its survey."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester

from ovop_desktop.core.text import search_key
from ovop_desktop.services.surveys.survey_row import SurveyRow
from ovop_desktop.ui.kit.table_model import SORT_ROLE
from ovop_desktop.ui.surveys.survey_table_model import (
    SURVEY_ID_ROLE,
    Column,
    SurveyFilter,
    SurveyFilterProxy,
    SurveyTableModel,
)

REGENCIES = ("Kab. Tanah Laut", "Kota Banjarmasin", "Kab. Banjar")
NAMES = ("Benua Lawas", "Tambak Sarinah", "Ba'ung", "Sungai Rangas", "Bañjar Indah")
TEXTS = ("", "b", "ba", "ban", "ban j", "an", "sungai", "  ", "BAU", "ñ", "lawas benua", "zzz")


def _rows(count: int) -> list[SurveyRow]:
    return [
        SurveyRow(
            survey_id=uuid.UUID(int=number + 1),
            village_code=f"63.01.01.{2001 + number}",
            regency=REGENCIES[number % 3],
            district=NAMES[(number * 2) % 5],
            village=NAMES[number % 5],
            survey_date=date(2026, 1, 1) + timedelta(days=number % 7),
            officer=None if number % 4 == 0 else NAMES[(number + 1) % 5],
            status="final" if number % 3 == 0 else "draft",
            candidates=number % 4,
            top_candidate=NAMES[(number + 2) % 5] if number % 2 else None,
            top_stars=number % 6 or None,
            top_total=Decimal(number % 97),
        )
        for number in range(count)
    ]


def _passes(model: SurveyTableModel, row: SurveyRow, survey_filter: SurveyFilter) -> bool:
    haystack = "\n".join(
        search_key(text)
        for text in (
            row.village,
            row.district,
            row.regency,
            row.officer or "",
            row.top_candidate or "",
        )
    )
    haystack += "\n" + row.village_code
    return (
        (survey_filter.regency is None or row.regency == survey_filter.regency)
        and (survey_filter.status is None or row.status == survey_filter.status)
        and all(word in haystack for word in search_key(survey_filter.text).split())
    )


def _expected(
    model: SurveyTableModel,
    loaded: list[SurveyRow],
    survey_filter: SurveyFilter,
    sort: tuple[int, Qt.SortOrder] | None,
) -> list[uuid.UUID]:
    """A plain pass: every loaded row in the sort order (stable), then the filter."""
    order = list(loaded)
    if sort is not None and sort[0] >= 0:
        keyed = {row.survey_id: row for row in loaded}
        reference = SurveyTableModel()
        reference.set_rows(order, 5)
        keys = {
            reference.index(r, 0).data(SURVEY_ID_ROLE): reference.index(r, sort[0]).data(SORT_ROLE)
            for r in range(reference.rowCount())
        }
        order = sorted(
            order,
            key=lambda row: keys[row.survey_id],
            reverse=sort[1] == Qt.SortOrder.DescendingOrder,
        )
        assert set(keyed) == {row.survey_id for row in order}
    return [row.survey_id for row in order if _passes(model, row, survey_filter)]


def _shown(proxy: SurveyFilterProxy) -> list[uuid.UUID]:
    return [proxy.survey_id(row) for row in range(proxy.rowCount())]


actions = st.lists(
    st.one_of(
        st.tuples(
            st.just("filter"),
            st.sampled_from(TEXTS),
            st.sampled_from((None, *REGENCIES)),
            st.sampled_from((None, "draft", "final")),
        ),
        st.tuples(st.just("type"), st.sampled_from(TEXTS)),
        st.tuples(
            st.just("sort"),
            st.sampled_from((-1, *Column)),
            st.sampled_from((Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder)),
        ),
        st.tuples(st.just("rest")),
    ),
    max_size=8,
)


@settings(max_examples=60, deadline=None)
@given(first=st.integers(0, 30), actions=actions)
def test_the_rows_shown_are_a_plain_pass_over_every_row(
    first: int, actions: list[tuple[object, ...]]
) -> None:
    rows = _rows(45)
    model = SurveyTableModel()
    proxy = SurveyFilterProxy()
    proxy.setSourceModel(model)
    model.set_rows(rows[:first], 5)
    loaded = rows[:first]
    sort: tuple[int, Qt.SortOrder] | None = None
    for action in actions:
        held = {
            proxy.survey_id(r): QPersistentModelIndex(proxy.index(r, 1))
            for r in range(0, proxy.rowCount(), 3)
        }
        if action[0] == "filter":
            _, text, regency, status = action
            proxy.set_filter(SurveyFilter(str(text), regency, status))  # type: ignore[arg-type]
        elif action[0] == "type":
            proxy.set_text(str(action[1]))
        elif action[0] == "sort":
            column, order = int(action[1]), action[2]  # type: ignore[call-overload]
            proxy.sort(column, order)  # type: ignore[arg-type]
            sort = (column, order)  # type: ignore[assignment]
        else:
            model.add_rows(rows)  # the rest, with the first again (not shown twice)
            loaded = loaded + rows[len(loaded) :]
        expected = _expected(model, loaded, proxy.survey_filter, sort)
        assert _shown(proxy) == expected
        assert model.total_rows == len(loaded)
        for survey_id, index in held.items():  # held rows follow their surveys, or let go
            if survey_id in expected:
                assert index.isValid() and proxy.survey_id(index.row()) == survey_id
                assert index.column() == 1
            else:
                assert not index.isValid()


def test_the_filtered_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = SurveyTableModel()
    proxy = SurveyFilterProxy()
    proxy.setSourceModel(model)
    model.set_rows(_rows(20), 5)
    proxy.set_filter(SurveyFilter("ba", None, "draft"))
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    model.add_rows(_rows(40))
    proxy.sort(Column.VILLAGE, Qt.SortOrder.DescendingOrder)
    proxy.set_text("ban")
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    assert 0 < proxy.rowCount() < model.total_rows == 40
    assert model.regencies() == sorted(REGENCIES, key=search_key)  # every row's, shown or not
