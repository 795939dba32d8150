"""File dialogs open in the last folder used (kept between runs), else in Documents, never in
the program's folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from ovop_desktop.paths import resolve_paths
from ovop_desktop.preferences import last_folder, set_last_folder
from ovop_desktop.ui import dialogs


def _latest(parent: QWidget) -> QFileDialog:
    found = parent.findChildren(QFileDialog)
    assert found
    return found[-1]


def test_dialogs_start_in_documents_then_in_the_last_folder_used_even_after_a_restart(
    qtbot: QtBot, tmp_path: Path
) -> None:
    paths = resolve_paths(tmp_path / "rumah").ensure()
    dialogs.remember_folders(lambda: last_folder(paths), lambda f: set_last_folder(paths, f))
    parent = QWidget()
    qtbot.addWidget(parent)
    chosen: list[str] = []
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    first = Path(documents) if Path(documents).is_dir() else Path.home()
    try:
        dialogs.save_file(parent, "Simpan", "surat.pdf", "PDF (*.pdf)", chosen.append)
        assert Path(_latest(parent).directory().absolutePath()) == first
        usb = tmp_path / "flashdisk"
        usb.mkdir()
        _latest(parent).fileSelected.emit(str(usb / "surat.pdf"))
        assert chosen == [str(usb / "surat.pdf")]

        # A new run: the memory comes from the preferences file.
        dialogs.remember_folders(lambda: last_folder(paths), lambda f: set_last_folder(paths, f))
        dialogs.open_files(parent, "Impor", "Paket (*.ovop)", lambda files: None)
        assert Path(_latest(parent).directory().absolutePath()) == usb
        dialogs.choose_folder(parent, "Folder", lambda folder: None)
        assert Path(_latest(parent).directory().absolutePath()) == usb
    finally:
        for dialog in parent.findChildren(QFileDialog):
            dialog.reject()
        dialogs.remember_folders(lambda: None, lambda folder: None)
