"""The Qt half of start-up: QApplication, fonts, translators, icon, settings identity."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop_app import APP_ID
from desktop_app.resources import resource_path
from desktop_app.ui.fonts import install_application_font
from desktop_app.ui.i18n import install_translator

ORGANIZATION_NAME = "LegalAid"
ORGANIZATION_DOMAIN = "complaint-desk.local"


def bootstrap_qt(argv: Sequence[str] | None = None, language: str | None = "zh_CN", *,
                 font_dirs: Iterable[Path] | None = None) -> QApplication:
    """Create (or reuse) the QApplication and prepare it for the main window.

    Sets the QSettings identity (organisation / application name), registers the
    bundled CJK fonts as the application font, installs the translators for
    ``language`` ("zh_CN" default, or "en") and the window icon.
    """
    QCoreApplication.setOrganizationName(ORGANIZATION_NAME)
    QCoreApplication.setOrganizationDomain(ORGANIZATION_DOMAIN)
    QCoreApplication.setApplicationName(APP_ID)
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(list(argv) if argv is not None else sys.argv)
    app.setWindowIcon(QIcon(str(resource_path("icons", "app.svg"))))
    install_application_font(app, font_dirs)
    install_translator(app, language)
    return app
