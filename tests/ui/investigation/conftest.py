"""Fixtures for driving the investigation pane on a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

import desktop_app.ui  # noqa: F401 - applies the PySide6 workaround first
from desktop_app.domain.clock import FixedClock
from desktop_app.services.hub import Services
from desktop_app.ui.investigation_pane import InvestigationPane
from desktop_app.ui.tasks import TaskRunner

from ..fakes import default_status

WAIT_MS = 15_000


@dataclass
class LiveContext:
    """The composition root's context with the services of one signed-in user (switchable)."""

    tasks: TaskRunner
    clock: FixedClock
    services: Services

    def status_info(self) -> Any:
        return default_status()


@dataclass
class PaneDriver:
    qtbot: QtBot
    pane: InvestigationPane
    ctx: LiveContext
    staff: Any

    def sign_in(self, key: str) -> None:
        """Another user at the same workstation (e.g. the head approving)."""
        self.ctx.services = self.staff.user(key)

    def open(self, case_id: int) -> None:
        with self.qtbot.waitSignal(self.pane.refreshed, timeout=WAIT_MS):
            self.pane.open_case(case_id)

    def ok(self, action: Callable[[], Any]) -> Any:
        """Run a GUI action that must succeed; wait until the case view is reloaded."""
        with self.qtbot.waitSignal(self.pane.refreshed, timeout=WAIT_MS), \
                self.qtbot.assertNotEmitted(self.pane.failed):
            action()
        return self.pane.overview

    def refused(self, action: Callable[[], Any]) -> str:
        """Run a GUI action the service must refuse; returns the Chinese message."""
        with self.qtbot.waitSignal(self.pane.failed, timeout=WAIT_MS) as blocker:
            action()
        return str(blocker.args[0])

    def idle(self) -> None:
        self.qtbot.waitUntil(lambda: not self.ctx.tasks.is_busy(), timeout=WAIT_MS)


@pytest.fixture
def driver(qtbot: QtBot, staff: Any, clock: FixedClock, tasks: TaskRunner, tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[PaneDriver]:
    monkeypatch.setenv("COMPLAINT_DESK_RECOVERY_DIR", str(tmp_path / "recovery"))
    ctx = LiveContext(tasks=tasks, clock=clock, services=staff.user("inv1"))
    pane = InvestigationPane(ctx)
    qtbot.addWidget(pane)
    pane.resize(1300, 850)
    pane.show()
    d = PaneDriver(qtbot, pane, ctx, staff)
    yield d
    d.idle()
    for dialog in pane.previews:
        if shiboken6.isValid(dialog):
            dialog.close()
