"""Sinkronisasi on real widgets: export a package, preview and trust and apply an import, and
settle a conflict, between two officers' homes and the province."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from ovop_desktop.db.models import Survey
from ovop_desktop.exchange.records import TABLES
from ovop_desktop.services.database import Database
from ovop_desktop.services.sync.conflicts import list_conflicts
from ovop_desktop.services.sync.packages import export_package
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.sync.sync_page import STATUS, SyncPage
from ovop_desktop.ui.worker import Worker
from tests.conftest import Home, MakeHome, conflicting_notes

SLOW = 30_000


@pytest.fixture
def worker() -> Iterator[Worker]:
    shared = Worker()
    yield shared
    shared.wait()


@pytest.fixture
def make_page(qtbot: QtBot, worker: Worker) -> Callable[[Home], SyncPage]:
    def make(home: Home) -> SyncPage:
        page = SyncPage(home.db, home.paths, worker)
        qtbot.addWidget(page)
        page.resize(1126, 708)
        page.show()
        page.load()
        qtbot.waitUntil(lambda: bool(page.fingerprint_label.text()), timeout=SLOW)
        return page

    return make


def _surveys(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(Survey)) or 0)


def _choose(monkeypatch: pytest.MonkeyPatch, name: str, answer: object) -> None:
    """Patch a dialog of `dialogs` so that it answers at once with `answer`."""

    def fake(*args: object) -> None:
        callback = args[-1]
        assert callable(callback)
        callback(answer)

    monkeypatch.setattr(dialogs, name, fake)


def test_export_writes_a_package_into_the_chosen_folder(
    qtbot: QtBot,
    make_home: MakeHome,
    make_page: Callable[[Home], SyncPage],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    rahmah = make_home("rahmah", "Rahmah Hidayati", seed=1)
    page = make_page(rahmah)
    usb = tmp_path / "usb"
    _choose(monkeypatch, "choose_folder", str(usb))
    steps: list[tuple[int, int]] = []
    page.export_progress.valueChanged.connect(
        lambda value: steps.append((value, page.export_progress.maximum()))
    )

    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: "Package saved" in page.export_result.text(), timeout=SLOW)
    assert len(steps) == len(TABLES) + 1
    assert steps == [(done, len(TABLES) + 1) for done in range(1, len(TABLES) + 2)]
    assert page.export_progress.isHidden()
    [package] = list(usb.glob("*.ovop"))
    assert str(package) in page.export_result.text()
    assert "surveys 3" in page.export_result.text()
    fingerprint = page.fingerprint_label.text().partition(": ")[2]
    assert fingerprint and fingerprint in page.export_result.text()


def test_an_unknown_device_is_trusted_then_imported_and_again_changes_nothing(
    qtbot: QtBot,
    make_home: MakeHome,
    make_page: Callable[[Home], SyncPage],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    rahmah = make_home("rahmah", "Rahmah Hidayati", seed=1)
    province = make_home("provinsi")
    package = export_package(rahmah.db, rahmah.paths, tmp_path / "usb").path
    page = make_page(province)
    _choose(monkeypatch, "open_files", [str(package)])
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *args: object, **_kw: object) -> None:
        asked.append(text)
        on_yes = args[2]
        assert callable(on_yes)
        on_yes()

    monkeypatch.setattr(dialogs, "question", question)

    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.preview_table.rowCount() == 1, timeout=SLOW)
    [trust] = page.trust_buttons()
    assert page.preview_table.item(0, STATUS).text() == "Needs trust"
    assert "Rahmah Hidayati" in trust.toolTip()
    assert not page.apply_button.isEnabled()
    assert _surveys(province.db) == 0  # the preview saved nothing

    qtbot.mouseClick(trust, Qt.MouseButton.LeftButton)
    assert "Rahmah Hidayati" in asked[0]
    assert page.trust_buttons() == [] and page.apply_button.isEnabled()
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: page.preview_table.item(0, STATUS).text() == "Imported", timeout=SLOW)
    qtbot.waitUntil(lambda: "imported" in page.import_message.text(), timeout=SLOW)
    assert _surveys(province.db) == 3

    page.preview_files([str(package)])
    qtbot.waitUntil(lambda: page.preview_table.item(0, STATUS).text() == "No changes", timeout=SLOW)
    qtbot.waitUntil(page.apply_button.isEnabled, timeout=SLOW)
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.import_message.text().startswith("No changes"), timeout=SLOW)
    assert page.preview_table.item(0, STATUS).text() == "No changes"
    assert _surveys(province.db) == 3


def test_a_conflict_is_listed_and_settled_with_a_reason(
    qtbot: QtBot,
    make_home: MakeHome,
    make_page: Callable[[Home], SyncPage],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    scene = conflicting_notes(make_home, tmp_path)
    province, survey_id = scene.province, scene.survey_id
    page = make_page(province)
    review = page.conflict_review
    qtbot.waitUntil(lambda: len(review.conflicts) == 1, timeout=SLOW)
    item = review.conflict_list.topLevelItem(0)
    assert "notes" in item.text(2)

    review.conflict_list.setCurrentItem(item)
    fields = [review.comparison.item(r, 0).text() for r in range(review.comparison.rowCount())]
    assert "notes" in fields
    row = fields.index("notes")
    versions = {review.comparison.item(row, 1).text(), review.comparison.item(row, 2).text()}
    assert versions == {"Catatan Rahmah", "Catatan Yusuf"}
    keep_b = review.comparison.item(row, 2).text() == "Catatan Yusuf"
    _choose(monkeypatch, "ask_reason", "Dikonfirmasi lewat telepon")

    button = review.keep_b_button if keep_b else review.keep_a_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: review.conflicts == [], timeout=SLOW)
    assert list_conflicts(province.db) == []
    [done] = list_conflicts(province.db, open_only=False)
    assert done.reason == "Dikonfirmasi lewat telepon"
    with province.db.session() as session:
        survey = session.get(Survey, survey_id)
        assert survey is not None and survey.notes == "Catatan Yusuf"


def test_a_partly_refused_package_says_so_before_and_after_apply(
    qtbot: QtBot,
    make_home: MakeHome,
    make_page: Callable[[Home], SyncPage],
    tmp_path: Path,
) -> None:
    from ovop_desktop.services.sync.packages import import_package
    from tests.services.sync.repackage import Records, repackaged

    rahmah = make_home("rahmah", "Rahmah Hidayati", seed=1)
    province = make_home("provinsi")
    exported = export_package(rahmah.db, rahmah.paths, tmp_path / "usb").path
    import_package(province.db, province.paths, exported, trust_new=True)

    def one_survey_from_the_future(records: Records) -> None:
        records["records/surveys.jsonl"][0]["updated_at"] = "2999-01-01T00:00:00+00:00"

    package = repackaged(
        exported, tmp_path / "jam", rahmah.paths.data_dir, one_survey_from_the_future
    )
    page = make_page(province)
    page.preview_files([str(package)])

    partly = "Will be imported, some records refused"
    qtbot.waitUntil(lambda: page.preview_table.rowCount() == 1, timeout=SLOW)
    qtbot.waitUntil(lambda: page.preview_table.item(0, STATUS).text() == partly, timeout=SLOW)
    qtbot.waitUntil(page.apply_button.isEnabled, timeout=SLOW)
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: page.preview_table.item(0, STATUS).text() == "Imported, some records refused",
        timeout=SLOW,
    )


def test_trusting_a_new_device_previews_what_its_package_will_bring_and_refuse(
    qtbot: QtBot,
    make_home: MakeHome,
    make_page: Callable[[Home], SyncPage],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """At a province folder without the region list, trusting the officer's laptop shows before
    Apply that her surveys will be refused, by village, their children counted with them."""
    from ovop_desktop.ui.sync.sync_page import REASON

    rahmah = make_home("rahmah", "Rahmah Hidayati", seed=1)
    province = make_home("provinsi", regions=False)
    package = export_package(rahmah.db, rahmah.paths, tmp_path / "usb").path
    page = make_page(province)
    monkeypatch.setattr(dialogs, "question", lambda *args, **_kw: args[-1]())
    page.preview_files([str(package)])
    qtbot.waitUntil(lambda: len(page.trust_buttons()) == 1, timeout=SLOW)

    qtbot.mouseClick(page.trust_buttons()[0], Qt.MouseButton.LeftButton)

    partly = "Will be imported, some records refused"
    qtbot.waitUntil(lambda: page.preview_table.item(0, STATUS).text() == partly, timeout=SLOW)
    reason = page.preview_table.item(0, REASON).text()
    assert reason.count("1 survey (") == 3 and "held back too" in reason
    assert _surveys(province.db) == 0  # still only a preview
