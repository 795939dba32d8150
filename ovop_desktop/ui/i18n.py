"""Interface language: Indonesian by default, English second.

Source strings in the code and forms are English; `resources/translations/ovop_id.ts` holds the
Indonesian. Qt ships no Indonesian for its own strings (file dialogs, message-box buttons, the
context menus of text fields): `qtbase_id.ts` translates those the application shows.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ovop_desktop.paths import translations_dir
from ovop_desktop.preferences import DEFAULT_LANGUAGE, LANGUAGES

log = logging.getLogger(__name__)

_state = {"language": DEFAULT_LANGUAGE}
_installed: list[QTranslator] = []


def language() -> str:
    return _state["language"]


def install(app: QCoreApplication, wanted: str = DEFAULT_LANGUAGE) -> str:
    """Load the translation for `wanted`; returns the language actually in use."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    chosen = wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE
    if chosen != "en":
        translator = QTranslator(app)
        if translator.load(f"ovop_{chosen}", str(translations_dir())):
            app.installTranslator(translator)
            _installed.append(translator)
            qt_strings = QTranslator(app)
            if qt_strings.load(f"qtbase_{chosen}", str(translations_dir())):
                app.installTranslator(qt_strings)
                _installed.append(qt_strings)
            else:
                log.warning("Qt's own strings have no %s translation; they show in English", chosen)
        else:
            log.warning(
                "translation %s not found in %s; showing English", chosen, translations_dir()
            )
            chosen = "en"
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Indonesian if chosen == "id" else QLocale.Language.English,
            QLocale.Country.Indonesia,
        )
    )
    _state["language"] = chosen
    return chosen
