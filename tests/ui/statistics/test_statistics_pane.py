"""统计 pane on a real database: period picker, tables and charts, Excel export with progress and cancel."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

import desktop_app.services.statistics  # noqa: F401 - registers hub.statistics until hub.py imports it
import desktop_app.ui  # noqa: F401 - qt_compat first
from desktop_app.exports.statistics_xlsx import CASE_LIST_SHEET, SUMMARY_SHEET
from desktop_app.ui.statistics_pane import BarChart, StatisticsPane, period_bounds
from tests.services.issue5_cases import build_cases
from tests.ui.fakes import FakeContext

pytestmark = pytest.mark.gui
TODAY = dt.date(2025, 6, 10)


def test_period_bounds() -> None:
    custom = (dt.date(2025, 2, 3), dt.date(2025, 2, 9))
    assert period_bounds("month", 2024, 2, custom) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert period_bounds("quarter", 2025, 4, custom) == (dt.date(2025, 10, 1), dt.date(2025, 12, 31))
    assert period_bounds("year", 2025, 1, custom) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert period_bounds("custom", 2025, 1, custom) == custom


def test_report_tables_charts_and_export(qtbot: Any, tasks: Any, services: Any, staff: Any, clock: Any,
                                         tmp_path: Path) -> None:
    build_cases(services, staff, clock, count=8, today=TODAY)
    head = staff.user("head")
    pane = StatisticsPane(FakeContext(tasks=tasks, clock=clock, services=head))
    qtbot.addWidget(pane)
    pane.resize(1300, 800)
    pane.show()
    with qtbot.waitSignal(pane.report_shown, timeout=15_000) as shown:
        pane.activated()  # loads offices and runs the default period (this year)
    assert shown.args[0].period_label == "2025年度"
    qtbot.waitUntil(lambda: pane.office.count() == 2 and pane.masked.isEnabled(), timeout=5000)

    pane.set_period("quarter", 2025, 1)
    with qtbot.waitSignal(pane.report_shown, timeout=15_000) as shown:
        qtbot.mouseClick(pane.run_button, Qt.MouseButton.LeftButton)
    report = shown.args[0]
    expected = head.statistics.report(dt.date(2025, 1, 1), dt.date(2025, 3, 31))
    assert report.period_label == "2025年第一季度" and report.intake.received == expected.intake.received
    assert pane.tabs.count() == len(expected.breakdowns())
    titles = [pane.tabs.tabText(i) for i in range(pane.tabs.count())]
    assert titles[0] == "按投诉渠道" and "月度趋势" in titles
    channel_page = pane.tabs.widget(0)
    table = channel_page.findChild(type(pane.summary), "breakdownTable")
    letter_row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "书信")
    assert table.item(letter_row, 1).text() == str(expected.by_channel.row("LETTER").values[0])
    chart = channel_page.findChild(BarChart)
    assert ("书信", expected.by_channel.row("LETTER").values[0]) in chart.bars()
    summary_labels = [pane.summary.item(r, 0).text() for r in range(pane.summary.rowCount())]
    assert any("收到投诉数" in s for s in summary_labels)
    assert "收到投诉 " + str(expected.intake.received) in pane.status.text()

    # Export in the background: progress bar visible while it runs, workbook complete afterwards.
    target = tmp_path / "q1.xlsx"
    with qtbot.waitSignal(pane.export_finished, timeout=30_000) as finished:
        pane.export_to(target)
        assert pane.progress.isVisible() and pane.cancel_button.isVisible()
        assert not pane.export_button.isEnabled()
    assert finished.args[0].path == target and not pane.progress.isVisible()
    book = load_workbook(target)
    assert SUMMARY_SHEET in book.sheetnames
    assert book[CASE_LIST_SHEET].max_row == expected.intake.received + 1
    assert any(book[name]._charts for name in book.sheetnames)
    assert "已导出" in pane.status.text()


def test_export_can_be_cancelled(qtbot: Any, tasks: Any, services: Any, tmp_path: Path) -> None:
    stats = services.statistics
    started, release = threading.Event(), threading.Event()
    original = stats.export_workbook

    def slow_export(*args: Any, **kwargs: Any) -> Any:
        started.set()
        release.wait(10)
        return original(*args, **kwargs)

    stats.export_workbook = slow_export
    pane = StatisticsPane(FakeContext(tasks=tasks, services=services))
    qtbot.addWidget(pane)
    pane.set_period("year", 2025)
    target = tmp_path / "never.xlsx"
    with qtbot.waitSignal(pane.export_finished, timeout=15_000) as finished:
        pane.export_to(target)
        assert started.wait(5)
        qtbot.mouseClick(pane.cancel_button, Qt.MouseButton.LeftButton)
        release.set()
    assert finished.args == [None]
    assert not target.exists() and not list(tmp_path.glob("*.part"))
    assert "已取消" in pane.status.text()
    assert pane.export_button.isEnabled() and not pane.export_running()


