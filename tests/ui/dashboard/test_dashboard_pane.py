"""工作台 pane on a real database: the lists with counts, a click opens the case, calendar warning."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt

import desktop_app.services.deadlines  # noqa: F401 - registers hub.deadlines until hub.py imports it
import desktop_app.ui  # noqa: F401 - qt_compat first
from desktop_app.ui.dashboard_pane import DashboardPane
from tests.services.issue5_cases import build_cases
from tests.ui.fakes import FakeContext

pytestmark = pytest.mark.gui
TODAY = dt.date(2025, 6, 10)


def test_dashboard_lists_overdue_and_opens_case(qtbot: Any, tasks: Any, services: Any, staff: Any,
                                                clock: Any) -> None:
    build_cases(services, staff, clock, count=8, today=TODAY)
    head = staff.user("head")
    pane = DashboardPane(FakeContext(tasks=tasks, clock=clock, services=head))
    qtbot.addWidget(pane)
    pane.resize(1100, 700)
    pane.show()
    qtbot.waitExposed(pane)
    with qtbot.waitSignal(pane.loaded, timeout=10_000) as blocker:
        pane.activated()
    board = blocker.args[0]
    expected = head.deadlines.dashboard()
    overdue = pane.tables["OVERDUE"]
    assert overdue.rowCount() == len(expected.items["OVERDUE"]) > 0
    assert pane.boxes["OVERDUE"].title() == f"已逾期（{expected.total('OVERDUE')}）"
    assert overdue.item(0, 2).text() == expected.items["OVERDUE"][0].case_no
    assert "逾期" in overdue.item(0, 1).text()
    assert "已逾期" in pane.summary.text() and "受理审查" in pane.summary.text()
    assert not pane.calendar_warning.isVisibleTo(pane)
    with qtbot.waitSignal(pane.open_case_requested, timeout=2000) as opened:
        rect = overdue.visualItemRect(overdue.item(0, 2))
        qtbot.mouseClick(overdue.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(overdue.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [board.items["OVERDUE"][0].case_id]


def test_dashboard_warns_when_calendar_unconfirmed(qtbot: Any, tasks: Any, services: Any, clock: Any) -> None:
    clock.set(dt.datetime(2031, 3, 3, 9))
    pane = DashboardPane(FakeContext(tasks=tasks, clock=clock, services=services))
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        pane.refresh()
    assert pane.calendar_warning.isVisibleTo(pane)
    assert "2031年" in pane.calendar_warning.text()
    assert pane.tables["OVERDUE"].rowCount() == 0
