"""Fixtures for the Qt framework tests (run offscreen)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop_app.ui.gc_guard import GuiThreadGarbageCollector  # noqa: E402
from desktop_app.ui.tasks import TaskRunner  # noqa: E402

from .fakes import FakeContext  # noqa: E402


@pytest.fixture
def tasks(qapp: QApplication) -> Iterator[TaskRunner]:
    collector = GuiThreadGarbageCollector()  # as in the app: no cyclic GC in worker threads
    runner = TaskRunner()
    yield runner
    runner.cancel_all()
    assert runner.shutdown(10_000), "background tasks still running after the test"
    collector.stop()


@pytest.fixture
def fake_ctx(tasks: TaskRunner, tmp_path: Path) -> Iterator[FakeContext]:
    """Canned status bar, but real services on a SQLite file: the panes need a working hub."""
    from desktop_app.config import AppConfig
    from desktop_app.services.hub import open_services

    ctx = FakeContext(tasks=tasks)
    ctx.services = open_services(AppConfig(database_url=f"sqlite:///{tmp_path / 'ui.db'}"), clock=ctx.clock)
    yield ctx
    tasks.cancel_all()
    tasks.shutdown(10_000)
    ctx.services.ctx.db.dispose()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


# The offscreen platform plugin warns whenever a top-level window has size hints; it is
# noise, not a defect of ours. (Request to the lead: put the same pattern in pytest.ini
# as ``qt_log_ignore`` so every GUI test directory gets it.)
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))
