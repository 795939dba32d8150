"""Pengaturan says where the private keys lie, what protects them, and, for a data folder chosen
with --home or OVOP_HOME (a USB stick), that the keys travel with it."""

from __future__ import annotations

from ovop_desktop.paths import AppPaths
from ovop_desktop.ui.main_window import SETTINGS_PAGE, MainWindow


def test_settings_name_the_key_folder_and_warn_that_a_chosen_folder_carries_the_keys(
    window: MainWindow, app_paths: AppPaths
) -> None:
    window.ui.navigation.setCurrentRow(SETTINGS_PAGE)
    page = window.settings_page
    note = page.key_note.text()
    assert (
        f"Kunci privat laptop ini (device.key, exchange.key) tersimpan di {app_paths.data_dir}"
        in note
    )
    assert "tidak dienkripsi" in note
    assert page.portable_key_note.isVisibleTo(page)  # tests use a chosen home
    assert "kuncinya ikut terbawa" in page.portable_key_note.text()
