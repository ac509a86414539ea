"""Cyclic garbage is collected on the GUI thread only, never in a TaskRunner worker."""

from __future__ import annotations

import gc
import threading
from typing import Any

from desktop_app.ui.gc_guard import GuiThreadGarbageCollector
from desktop_app.ui.tasks import TaskRunner


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


def test_workers_make_garbage_but_only_the_gui_thread_collects_it(qtbot: Any, tasks: TaskRunner) -> None:
    collecting_threads: list[int] = []

    def record(phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            collecting_threads.append(threading.get_ident())

    gc.callbacks.append(record)
    try:
        assert not gc.isenabled()  # the tasks fixture installs the guard, as app.py does
        done: list[bool] = []
        tasks.read(lambda _control: len([_Node() for _ in range(50_000)]), on_done=lambda _n: done.append(True))
        qtbot.waitUntil(lambda: bool(done), timeout=10_000)
        qtbot.waitUntil(lambda: bool(collecting_threads), timeout=5_000)  # the GUI-thread timer collected
    finally:
        gc.callbacks.remove(record)
    assert set(collecting_threads) == {threading.main_thread().ident}


def test_stop_restores_automatic_collection(qapp: Any) -> None:
    was = gc.isenabled()
    gc.enable()
    guard = GuiThreadGarbageCollector()
    assert not gc.isenabled()
    guard.stop()
    assert gc.isenabled()
    if not was:
        gc.disable()
