"""Workarounds for defects of the Qt binding measured on this stack.

PySide6 6.12 on CPython 3.11: ``SignalInstance.emit()`` returns ``True`` without
taking a reference to it, so every signal emitted from Python code removes one
reference from the ``True`` singleton. After a few thousand emissions (a search
as you type, a progress bar, a paged list) ``True``'s count reaches zero and the
interpreter aborts with "Fatal Python error: bool_dealloc: deallocating True or
False". CPython 3.12+ made ``True``/``False`` immortal, which hides the defect there.

:func:`apply` detects the defect with a probe signal and, only if present, gives
``True`` and ``False`` a reserve of references as large as the ones 3.12 uses for
immortal objects. Idempotent; runs when :mod:`desktop_app.ui` is imported.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

# Far more emissions than a process makes (2**32 ≈ 4 billion); far from overflow of ssize_t.
RESERVE = 1 << 32
_applied = False


class _Probe(QObject):
    ping = Signal()


def emit_leaks_true_reference() -> bool:
    """Whether ``emit()`` loses a reference to ``True`` (measured, not guessed)."""
    if sys.version_info >= (3, 12):
        return False  # immortal bools: nothing can reach zero
    probe = _Probe()
    losses = 0
    for _ in range(3):
        before = sys.getrefcount(True)
        probe.ping.emit()
        losses += before - sys.getrefcount(True)
    return losses >= 3


def apply() -> bool:
    """Apply the workaround if needed; returns whether it was applied (now or before)."""
    global _applied
    if _applied:
        return True
    if not emit_leaks_true_reference():
        return False
    for singleton in (True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(singleton)).value += RESERVE
    _applied = True
    return True
