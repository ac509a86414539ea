"""Qt user interface: the only package (with ``desktop_app/app.py``) that imports PySide6."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.ui import qt_compat

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

# Before any widget emits a signal: see qt_compat (PySide6 6.12 / CPython 3.11 refcount defect).
qt_compat.apply()


def bootstrap_qt(argv: Sequence[str] | None = None, language: str | None = "zh_CN", *,
                 font_dirs: Iterable[Path] | None = None) -> "QApplication":
    """See :func:`desktop_app.ui.bootstrap.bootstrap_qt` (imported lazily so that
    ``python -m desktop_app.ui.i18n`` does not import its own module twice)."""
    from desktop_app.ui.bootstrap import bootstrap_qt as _bootstrap_qt

    return _bootstrap_qt(argv, language, font_dirs=font_dirs)


__all__ = ["bootstrap_qt"]
