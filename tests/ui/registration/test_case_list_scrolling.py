"""The real case list over a 5,000-case archive: End, Page Down, sort, open — with a bounded window.

The services are an in-memory stand-in (5,000 cases registered through the real services
would take minutes); everything else — the widget, its model, the TaskRunner — is real.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import replace
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QHeaderView

from desktop_app.domain.clock import FixedClock
from desktop_app.services.dto import CaseFilter, CaseRow
from desktop_app.ui.registration.case_list import LIST_MAX_PAGES, LIST_PAGE_SIZE, CaseList
from desktop_app.ui.table_models import PLACEHOLDER
from desktop_app.ui.tasks import TaskRunner

TOTAL = 5_000
WINDOW_ROWS = LIST_PAGE_SIZE * LIST_MAX_PAGES
WAIT_MS = 10_000


def make_rows(n: int) -> list[CaseRow]:
    start = dt.date(2020, 1, 1)
    return [CaseRow(id=i, case_no=f"铁司援投〔2025〕第{i:05d}号", received_date=start + dt.timedelta(days=i // 10),
                    complainant=f"王某{i}", complainant_id_no="", respondent="铁岭县法律援助中心",
                    respondent_type="LEGAL_AID_INSTITUTION", ground="M1", channel="LETTER",
                    state="REGISTERED", state_label="已登记",
                    next_due_date=dt.date(2025, 3, 10), next_due_clock="C1",
                    deadline_status="OVERDUE" if i % 2 else "OK", calendar_unconfirmed=False,
                    sensitive=False)
            for i in range(1, n + 1)]


class FakeRegistration:
    """``list_cases`` / ``count_cases`` over a list; records the calls and the thread they ran on."""

    def __init__(self, rows: list[CaseRow]) -> None:
        self.rows = rows
        self.calls: list[tuple[str, int, bool, int]] = []  # sort, offset, descending, limit
        self.threads: set[int] = set()
        self.hold = threading.Event()
        self.hold.set()

    def _matching(self, flt: CaseFilter) -> list[CaseRow]:
        return [r for r in self.rows if flt.text in r.case_no] if flt.text else self.rows

    def list_cases(self, flt: CaseFilter, *, sort: str, descending: bool, offset: int,
                   limit: int) -> list[CaseRow]:
        self.threads.add(threading.get_ident())
        self.hold.wait(WAIT_MS / 1000)
        self.calls.append((sort, offset, descending, limit))
        rows = sorted(self._matching(flt), key=lambda r: (getattr(r, sort), r.id), reverse=descending)
        return rows[offset:offset + limit]

    def count_cases(self, flt: CaseFilter, *, cap: int | None = None) -> int:
        """As the real service: with ``cap``, at most cap + 1 (= "more than cap")."""
        self.threads.add(threading.get_ident())
        n = len(self._matching(flt))
        return n if cap is None else min(n, cap + 1)


class ListContext:
    def __init__(self, tasks: TaskRunner, registration: FakeRegistration) -> None:
        rules = SimpleNamespace(clocks={}, grounds={}, respondent_types={})
        self.services = SimpleNamespace(registration=registration,
                                        ctx=SimpleNamespace(rule_set_for=lambda _day: rules))
        self.tasks = tasks
        self.clock = FixedClock(dt.datetime(2025, 3, 20, 9))

    def status_info(self) -> dict[str, Any]:
        return {"database": "test", "rule_set": "", "calendar_warning": None, "user": ""}


@pytest.fixture
def archive() -> FakeRegistration:
    return FakeRegistration(make_rows(TOTAL))


@pytest.fixture
def case_list(qtbot: Any, tasks: TaskRunner, archive: FakeRegistration) -> CaseList:
    widget = CaseList(ListContext(tasks, archive))
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    widget.start()
    qtbot.waitUntil(lambda: widget.model.rowCount() == TOTAL and not widget.model.is_loading(), timeout=WAIT_MS)
    return widget


def visible_case_numbers(lst: CaseList) -> list[str]:
    view = lst.view
    top = view.rowAt(0)
    bottom = view.rowAt(view.viewport().height() - 1)
    bottom = lst.model.rowCount() - 1 if bottom < 0 else bottom
    return [lst.model.index(r, 0).data() for r in range(top, bottom + 1)]


def all_visible_loaded(lst: CaseList) -> bool:
    return PLACEHOLDER not in visible_case_numbers(lst)


def test_whole_archive_counted_at_once_and_shown_newest_first(case_list: CaseList, archive: FakeRegistration) -> None:
    assert case_list.status.text() == "共 5000 条"
    assert visible_case_numbers(case_list)[0] == "铁司援投〔2025〕第05000号"  # newest received first
    assert case_list.model.cached_row_count() == LIST_PAGE_SIZE  # one page fetched, not everything
    # Deadline badge colours arrive with the rows.
    overdue = case_list.model.index(0, 6)
    assert overdue.data(Qt.ItemDataRole.BackgroundRole) is not None


def test_end_key_shows_the_last_case_and_memory_holds_only_the_window(
        qtbot: Any, case_list: CaseList, archive: FakeRegistration) -> None:
    view = case_list.view
    view.setFocus()
    view.selectRow(0)
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert view.currentIndex().row() == TOTAL - 1
    qtbot.waitUntil(lambda: all_visible_loaded(case_list), timeout=WAIT_MS)
    assert visible_case_numbers(case_list)[-1] == "铁司援投〔2025〕第00001号"  # the oldest case, last
    # Page Down through a stretch of the list: every screen fills in, memory stays bounded.
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(150):
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
        qtbot.waitUntil(lambda: all_visible_loaded(case_list), timeout=WAIT_MS)
        assert case_list.model.cached_row_count() <= WINDOW_ROWS
    assert view.currentIndex().row() > 2 * WINDOW_ROWS  # really went past the window
    assert archive.threads and threading.get_ident() not in archive.threads  # no DB call on the GUI thread


def test_header_click_sorts_on_the_server_and_returns_to_the_top(
        qtbot: Any, case_list: CaseList, archive: FakeRegistration) -> None:
    view = case_list.view
    view.scrollTo(case_list.model.index(3_000, 0))
    qtbot.waitUntil(lambda: all_visible_loaded(case_list), timeout=WAIT_MS)
    assert view.verticalScrollBar().value() > 0
    header = view.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=section_centre(header, 0))  # 案号
    # At once, not after a later layout pass: a fast answer would otherwise land at the old place.
    assert view.verticalScrollBar().value() == 0
    qtbot.waitUntil(lambda: case_list.model.sort_key() == "case_no" and case_list.model.rowCount() == TOTAL
                    and not case_list.model.is_loading() and all_visible_loaded(case_list), timeout=WAIT_MS)
    assert view.verticalScrollBar().value() == 0
    assert archive.calls[-1][:3] == ("case_no", 0, header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)
    first = visible_case_numbers(case_list)[0]
    expected = sorted(r.case_no for r in archive.rows)
    assert first == (expected[-1] if header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder else expected[0])
    assert case_list.model.rowCount() == TOTAL


def section_centre(header: QHeaderView, section: int) -> QPoint:
    return QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2)


def test_search_resets_the_list_and_the_total(qtbot: Any, case_list: CaseList) -> None:
    case_list.view.scrollToBottom()
    case_list.search.setText("第0004")  # cases 00040…00049
    qtbot.waitUntil(lambda: case_list.model.rowCount() == 10 and not case_list.model.is_loading(), timeout=WAIT_MS)
    assert case_list.status.text() == "共 10 条"
    assert visible_case_numbers(case_list)[0] == "铁司援投〔2025〕第00049号"
    assert case_list.view.verticalScrollBar().value() == 0


def test_a_search_matching_more_than_the_count_cap_says_so_and_still_pages_on(
        qtbot: Any, case_list: CaseList, monkeypatch: Any) -> None:
    import desktop_app.ui.registration.case_list as module

    monkeypatch.setattr(module, "COUNT_CAP", 1_000)
    case_list.search.setText("铁司援投")  # every case
    qtbot.waitUntil(lambda: case_list.status.text() == "超过 1000 条", timeout=WAIT_MS)
    case_list.view.setFocus()
    for _ in range(3):  # go on past the cap: the list grows, nothing is cut off
        qtbot.keyClick(case_list.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: all_visible_loaded(case_list), timeout=WAIT_MS)
    assert case_list.model.rowCount() > 1_000


def test_double_click_deep_in_the_list_opens_that_case(qtbot: Any, case_list: CaseList) -> None:
    view = case_list.view
    target = 4_321
    view.scrollTo(case_list.model.index(target, 0))
    qtbot.waitUntil(lambda: all_visible_loaded(case_list), timeout=WAIT_MS)
    expected_id = case_list.model.row_at(target).id
    rect = view.visualRect(case_list.model.index(target, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(case_list.open_case, timeout=WAIT_MS) as opened:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [expected_id] and expected_id == TOTAL - target


def test_enter_on_a_row_still_loading_opens_it_when_it_arrives(
        qtbot: Any, case_list: CaseList, archive: FakeRegistration) -> None:
    view = case_list.view
    view.setFocus()
    view.selectRow(0)
    archive.hold.clear()  # the database is slow: the last page is not there yet
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert case_list.model.index(TOTAL - 1, 0).data() == PLACEHOLDER
    with qtbot.waitSignal(case_list.open_case, timeout=WAIT_MS) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
        archive.hold.set()
    assert opened.args == [1]  # the oldest case: last in the newest-first list


def test_refresh_keeps_loaded_rows_on_screen_until_the_new_ones_arrive(
        qtbot: Any, case_list: CaseList, archive: FakeRegistration) -> None:
    before = visible_case_numbers(case_list)
    archive.hold.clear()
    archive.rows = archive.rows + [replace(archive.rows[-1], id=TOTAL + 1, case_no="铁司援投〔2025〕第05001号",
                                           received_date=dt.date(2030, 1, 1))]
    case_list.refresh()
    QApplication.processEvents()
    assert visible_case_numbers(case_list) == before  # no flash of "…" or of an empty list
    archive.hold.set()
    qtbot.waitUntil(lambda: case_list.model.rowCount() == TOTAL + 1 and not case_list.model.is_loading()
                    and all_visible_loaded(case_list), timeout=WAIT_MS)
    assert visible_case_numbers(case_list)[:2] == ["铁司援投〔2025〕第05001号", "铁司援投〔2025〕第05000号"]
    assert case_list.status.text() == "共 5001 条"
