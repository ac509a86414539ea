"""The main window as a clerk uses it: panes, shortcuts, status bar, privacy key, geometry."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.domain.errors import DomainError
from desktop_app.ui.archive_pane import ArchivePane
from desktop_app.ui.dashboard_pane import DashboardPane
from desktop_app.ui.investigation_pane import InvestigationPane
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.registration_pane import RegistrationPane
from desktop_app.ui.statistics_pane import StatisticsPane

from .fakes import FakeContext

WAIT_MS = 5000


def open_window(qtbot: QtBot, ctx: FakeContext, settings: QSettings) -> MainWindow:
    window = MainWindow(ctx, settings=settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.status_refreshed, timeout=WAIT_MS):
        window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    return window


@pytest.fixture
def window(qtbot: QtBot, fake_ctx: FakeContext, settings: QSettings) -> Iterator[MainWindow]:
    yield open_window(qtbot, fake_ctx, settings)


def test_navigation_lists_the_five_panes_in_chinese(window: MainWindow) -> None:
    texts = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert texts == ["工作台", "投诉登记", "调查记录", "归档", "统计"]
    assert window.windowTitle() == "投诉处理台"
    assert [a.text() for a in window.menuBar().actions()] == ["文件(&F)", "视图(&V)", "系统管理(&S)", "帮助(&H)"]


def test_starts_on_the_dashboard_and_creates_other_panes_only_when_opened(window: MainWindow) -> None:
    assert window.current_pane_key() == "dashboard"
    assert isinstance(window.current_pane(), DashboardPane)
    assert set(window.created_panes()) == {"dashboard"}


@pytest.mark.parametrize("key, pane_type", [
    (Qt.Key.Key_1, DashboardPane), (Qt.Key.Key_2, RegistrationPane),
    (Qt.Key.Key_3, InvestigationPane), (Qt.Key.Key_4, ArchivePane), (Qt.Key.Key_5, StatisticsPane),
])
def test_ctrl_number_switches_panes(qtbot: QtBot, window: MainWindow, key: Qt.Key,
                                    pane_type: type) -> None:
    if key == Qt.Key.Key_1:
        qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
    pane = window.current_pane()
    assert isinstance(pane, pane_type)
    assert window.pages.currentWidget().isAncestorOf(pane)
    assert pane.isVisible()
    assert window.navigation.currentItem().text() == pane.title()


def test_clicking_the_navigation_opens_the_pane(qtbot: QtBot, window: MainWindow) -> None:
    item = window.navigation.item(3)
    rect = window.navigation.visualItemRect(item)
    qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    assert window.current_pane_key() == "archive"
    assert window.pane_actions["archive"].isChecked()


def test_f2_opens_the_registration_pane(qtbot: QtBot, window: MainWindow,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(RegistrationPane, "start_new_registration",
                        lambda self: calls.append("new") or True)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert window.current_pane_key() == "registration"
    assert calls == ["new"]


def test_ctrl_f_asks_the_current_pane_for_its_search_field(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "本页面没有搜索框"


def test_status_bar_shows_database_rule_set_and_calendar_warning(
        window: MainWindow, fake_ctx: FakeContext) -> None:
    assert window.database_label.text() == \
        "数据库：SQLite: /home/clerk/.local/share/complaint-desk/complaints.db"
    assert "2025年《法律援助投诉处理办法》" in window.rule_set_label.text()
    assert window.calendar_warning_label.isVisible()
    assert "2027年工作日历未确认" in window.calendar_warning_label.text()
    assert "王晓梅" in window.user_label.text()
    # The context was asked off the GUI thread (it may touch the database).
    assert fake_ctx.status_threads and threading.get_ident() not in fake_ctx.status_threads


def test_calendar_warning_hidden_when_calendar_is_confirmed(
        qtbot: QtBot, fake_ctx: FakeContext, settings: QSettings) -> None:
    fake_ctx.info["calendar_warning"] = None
    fake_ctx.info["database"] = "PostgreSQL: db.sfj.local/complaints"
    window = open_window(qtbot, fake_ctx, settings)
    assert not window.calendar_warning_label.isVisible()
    assert window.database_label.text() == "数据库：PostgreSQL: db.sfj.local/complaints"


def test_status_bar_reports_database_failure_in_chinese(
        qtbot: QtBot, fake_ctx: FakeContext, settings: QSettings) -> None:
    fake_ctx.status_error = lambda: DomainError("无法连接数据库服务器，请检查网络或联系管理员。")
    window = MainWindow(fake_ctx, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: "无法连接数据库服务器" in window.database_label.text(), timeout=WAIT_MS)
    assert window.database_label.text().startswith("无法读取数据库信息")


def test_f12_blanks_the_window_and_blocks_shortcuts(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F12)
    assert window.is_privacy_mode()
    assert window.screens.currentWidget() is window.privacy_screen
    assert not window.workspace.isVisible()
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    visible_text = " ".join(label.text() for label in window.findChildren(QLabel)
                            if label.isVisible())
    assert "SQLite" not in visible_text and "投诉登记" not in visible_text
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_pane_key() == "dashboard"  # nothing switched behind the blank screen
    qtbot.keyClick(window, Qt.Key.Key_F12)
    assert not window.is_privacy_mode()
    assert window.workspace.isVisible() and window.menuBar().isVisible()


def test_geometry_and_last_pane_survive_a_restart(qtbot: QtBot, fake_ctx: FakeContext,
                                                  settings: QSettings) -> None:
    first = open_window(qtbot, fake_ctx, settings)
    first.resize(800, 560)  # fits the offscreen 800×600 screen
    expected = first.size()  # what the window really got (minimum sizes may adjust it)
    first.show_pane("statistics")
    first.close()
    second = open_window(qtbot, fake_ctx, settings)
    # The default size would be the whole 800×600 offscreen screen, so the height tells restored
    # from default; the width may only grow, to the minimum width of the pane that is restored.
    assert second.height() == expected.height()
    assert second.width() >= expected.width() - 2
    assert second.current_pane_key() == "statistics"


def test_about_box_names_program_and_statute(qtbot: QtBot, window: MainWindow) -> None:
    box = window.show_about()
    qtbot.waitExposed(box)
    assert "投诉处理台" in box.text() and "法律援助投诉处理办法" in box.text()
    box.done(QMessageBox.StandardButton.Ok)


def test_window_renders(window: MainWindow) -> None:
    image = window.grab().toImage()
    assert not image.isNull() and image.width() >= 800
