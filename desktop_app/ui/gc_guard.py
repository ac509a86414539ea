"""Cyclic garbage collection on the GUI thread only.

Python's collector runs in whichever thread happens to allocate when a threshold is
crossed. If it collects a reference cycle holding a Qt object while a worker thread of
:class:`~desktop_app.ui.tasks.TaskRunner` is running, PySide destroys the C++ object off the
GUI thread and the process can crash (seen in the GUI tests: a segfault in a worker thread
"Garbage-collecting" during a save). So automatic collection is switched off while the GUI
runs and done by a timer on the GUI thread instead (the usual PyQt/PySide remedy).
Reference counting still frees everything that is not in a cycle at once.

A full collection walks every live object: after start-up (modules, Qt wrappers, the
SQLAlchemy model, fonts) that took ~100 ms — a visible freeze. :func:`freeze_long_lived`
moves what exists after start-up out of the collector's sight (``gc.freeze``), so later
collections only walk what the user's work created (measured at 1,000,000 cases: one full
collection 103 ms; worst lateness of a 10 ms timer during search, statistics, Excel export
and PDF rendering 135 ms → 54 ms, tests/benchmarks/bench_responsiveness.py).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS = 300


class GuiThreadGarbageCollector(QObject):
    """Switches automatic collection off and collects, generation by generation, on a GUI-thread timer."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = CHECK_INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    def check(self) -> None:
        """Collect the generations whose allocation counts passed their thresholds (as gc would)."""
        thresholds = gc.get_threshold()
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                break

    def stop(self) -> None:
        """Back to automatic collection (after a last collection here, on the GUI thread)."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()


def freeze_long_lived() -> None:
    """Collect once, then exempt every surviving object from future collections (after start-up)."""
    gc.collect()
    gc.freeze()
