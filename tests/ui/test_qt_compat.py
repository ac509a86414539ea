"""The PySide6 emit() refcount defect must not be able to abort the program."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from desktop_app.ui import qt_compat


class Emitter(QObject):
    changed = Signal(bool)


def test_many_emissions_cannot_exhaust_true() -> None:
    # Without the workaround (PySide6 6.12, CPython 3.11) each emit removes a reference
    # to True; 100,000 emissions would abort the interpreter in bool_dealloc.
    qt_compat.apply()
    emitter = Emitter()
    for _ in range(100_000):
        emitter.changed.emit(True)
    assert sys.getrefcount(True) > 1_000_000 or sys.version_info >= (3, 12) \
        or not qt_compat.emit_leaks_true_reference()
