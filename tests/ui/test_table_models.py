"""PagedTableModel over an in-memory fetcher: windowed paging, server-side sort, stale pages, badges."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from desktop_app.domain.enums import CaseState, DeadlineStatus
from desktop_app.domain.errors import ValidationError
from desktop_app.ui.table_models import (
    DEADLINE_COLOURS,
    Column,
    DeadlineBadgeDelegate,
    ItemRole,
    Page,
    PagedTableModel,
    PageRequest,
    PLACEHOLDER,
)
from desktop_app.ui.tasks import TaskRunner

WAIT_MS = 5000
SURNAMES = "王李张刘陈杨黄赵吴周"


@dataclass(frozen=True)
class CaseRow:
    case_no: str
    complainant: str
    received_on: dt.date
    state: CaseState
    status: DeadlineStatus | None


def make_rows(n: int) -> list[CaseRow]:
    statuses = [DeadlineStatus.OK, DeadlineStatus.DUE_SOON, DeadlineStatus.OVERDUE,
                DeadlineStatus.UNCONFIRMED, None]
    states = [CaseState.REGISTERED, CaseState.UNDER_REVIEW, CaseState.INVESTIGATING]
    return [CaseRow(case_no=f"XX司援投〔2026〕第{i:04d}号", complainant=f"{SURNAMES[i % 10]}某{i}",
                    received_on=dt.date(2026, 1, 1) + dt.timedelta(days=i % 300),
                    state=states[i % 3], status=statuses[i % 5])
            for i in range(1, n + 1)]


class ListFetcher:
    """Fetch function over a list; records requests; optionally blocks a given query."""

    def __init__(self, rows: list[CaseRow]) -> None:
        self.rows = rows
        self.requests: list[PageRequest] = []
        self.block_query: object = None
        self.release = threading.Event()

    def __call__(self, request: PageRequest) -> Page:
        self.requests.append(request)
        if request.query is not None and request.query == self.block_query:
            self.release.wait(WAIT_MS / 1000)
        rows = [r for r in self.rows if request.query is None or r.state == request.query]
        if request.sort_key:
            rows.sort(key=lambda r: getattr(r, request.sort_key), reverse=request.descending)
        page = rows[request.offset:request.offset + request.limit]
        return Page(rows=page, total=len(rows) if request.want_total else None)


COLUMNS = [
    Column("case_no", "案号"),
    Column("complainant", "投诉人"),
    Column("received_on", "收件日期"),
    Column("state", "状态"),
    Column("status", "时限", badge=True, getter=lambda r: r.status),
]


def make_model(tasks: TaskRunner, fetcher: ListFetcher, page_size: int = 100) -> PagedTableModel:
    return PagedTableModel(COLUMNS, fetcher, tasks, page_size=page_size,
                           status_of=lambda row: row.status)


def load(qtbot: QtBot, model: PagedTableModel, action) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(model.page_loaded, timeout=WAIT_MS):
        action()


def test_whole_size_at_once_pages_fetched_when_painted(qtbot: QtBot, qtmodeltester, tasks: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    fetcher = ListFetcher(make_rows(250))
    model = make_model(tasks, fetcher)
    qtmodeltester.check(model)
    load(qtbot, model, lambda: model.set_query(None))
    assert model.rowCount() == 250  # the scroll bar covers the whole list
    assert model.total() == 250
    assert model.total_text() == "共 250 条"
    assert not model.canFetchMore(QModelIndex())
    assert len(model.loaded_rows()) == 100
    assert model.data(model.index(249, 0)) == PLACEHOLDER  # not fetched yet: asked for now
    load(qtbot, model, lambda: None)
    assert model.data(model.index(249, 0)) == "XX司援投〔2026〕第0250号"
    # Only the first request asks for a count.
    # (The tester's own first fetch, superseded by set_query, may or may not have run.)
    assert [(r.offset, r.want_total) for r in fetcher.requests[-2:]] == [(0, True), (200, False)]
    qtmodeltester.check(model)


def test_memory_holds_at_most_the_window(qtbot: QtBot, tasks: TaskRunner) -> None:
    model = PagedTableModel(COLUMNS, ListFetcher(make_rows(2_000)), tasks, page_size=50, max_pages=4)
    load(qtbot, model, lambda: model.set_query(None))
    for row in range(0, 2_000, 50):
        if model.data(model.index(row, 0)) == PLACEHOLDER:
            load(qtbot, model, lambda: None)
        assert model.data(model.index(row, 0)) == f"XX司援投〔2026〕第{row + 1:04d}号"
        assert len(model.cached_pages()) <= 4 and model.cached_row_count() <= 200
    # A dropped page is fetched again when its rows are painted again.
    assert model.data(model.index(0, 0)) == PLACEHOLDER
    load(qtbot, model, lambda: None)
    assert model.data(model.index(0, 0)) == "XX司援投〔2026〕第0001号"


def test_without_a_count_the_list_grows_at_the_bottom(qtbot: QtBot, tasks: TaskRunner) -> None:
    rows = make_rows(130)

    def uncounted(request: PageRequest) -> Page:
        return Page(rows[request.offset:request.offset + request.limit])

    model = PagedTableModel(COLUMNS, uncounted, tasks, page_size=50)
    load(qtbot, model, lambda: model.set_query(None))
    assert model.rowCount() == 50 and model.canFetchMore(QModelIndex())
    assert model.total_text() == "已列出 50 条"
    load(qtbot, model, lambda: model.fetchMore(QModelIndex()))
    load(qtbot, model, lambda: model.fetchMore(QModelIndex()))
    assert model.rowCount() == 130 and not model.canFetchMore(QModelIndex())  # a short page: the end
    assert model.total_text() == "共 130 条"


def test_capped_count_says_more_than_and_grows_past_the_cap(qtbot: QtBot, tasks: TaskRunner) -> None:
    rows = make_rows(130)

    def capped(request: PageRequest) -> Page:
        total = min(len(rows), 100) if request.want_total else None
        return Page(rows[request.offset:request.offset + request.limit], total, total_is_lower_bound=True)

    model = PagedTableModel(COLUMNS, capped, tasks, page_size=50)
    load(qtbot, model, lambda: model.set_query(None))
    assert model.rowCount() == 100 and model.total_text() == "超过 100 条"
    load(qtbot, model, lambda: model.fetchMore(QModelIndex()))
    assert model.rowCount() == 130 and model.total_text() == "共 130 条"


def test_cells_show_chinese_labels_and_iso_dates(qtbot: QtBot, tasks: TaskRunner) -> None:
    model = make_model(tasks, ListFetcher(make_rows(3)))
    load(qtbot, model, lambda: model.set_query(None))
    assert model.data(model.index(0, 0)) == "XX司援投〔2026〕第0001号"
    assert model.data(model.index(0, 2)) == "2026-01-02"
    assert model.data(model.index(0, 3)) == "受理审查中"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "投诉人"
    assert model.data(model.index(0, 0), ItemRole.ROW) == make_rows(3)[0]


def test_sort_asks_the_fetcher_again_with_the_column_key(qtbot: QtBot, qtmodeltester, tasks: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    fetcher = ListFetcher(make_rows(150))
    model = make_model(tasks, fetcher)
    qtmodeltester.check(model)
    load(qtbot, model, lambda: model.set_query(None))
    load(qtbot, model, lambda: model.sort(1, Qt.SortOrder.DescendingOrder))
    last = fetcher.requests[-1]
    assert (last.sort_key, last.descending, last.offset) == ("complainant", True, 0)
    assert model.rowCount() == 150
    names = [model.data(model.index(i, 1)) for i in range(100)]
    assert names == sorted((r.complainant for r in fetcher.rows), reverse=True)[:100]


def test_unsortable_column_is_ignored(qtbot: QtBot, tasks: TaskRunner) -> None:
    fetcher = ListFetcher(make_rows(5))
    model = PagedTableModel([Column("case_no", "案号"), Column("status", "时限", sortable=False)],
                            fetcher, tasks)
    load(qtbot, model, lambda: model.set_query(None))
    model.sort(1)
    assert len(fetcher.requests) == 1


def test_older_query_result_is_discarded(qtbot: QtBot, qtmodeltester, tasks: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    fetcher = ListFetcher(make_rows(60))
    fetcher.block_query = CaseState.REGISTERED
    model = make_model(tasks, fetcher)
    qtmodeltester.check(model)
    model.set_query(CaseState.REGISTERED)  # blocks in the worker
    load(qtbot, model, lambda: model.set_query(CaseState.INVESTIGATING))
    fetcher.release.set()  # the stale page now arrives …
    qtbot.waitUntil(lambda: not tasks.is_busy(), timeout=WAIT_MS)
    states = {model.data(model.index(i, 3), ItemRole.ROW).state for i in range(model.rowCount())}
    assert states == {CaseState.INVESTIGATING}  # … and is dropped
    assert model.total() == 20


def test_fetch_error_is_reported_in_chinese(qtbot: QtBot, tasks: TaskRunner) -> None:
    def failing(_request: PageRequest) -> Page:
        raise ValidationError("结束日期早于开始日期，请修改日期范围。", field="date_to")

    model = PagedTableModel(COLUMNS, failing, tasks)
    with qtbot.waitSignal(model.fetch_failed, timeout=WAIT_MS) as blocker:
        model.set_query(None)
    assert blocker.args == ["结束日期早于开始日期，请修改日期范围。"]
    assert not model.is_loading()
    assert model.rowCount() == 0


@pytest.mark.parametrize("status", [DeadlineStatus.OK, DeadlineStatus.DUE_SOON,
                                    DeadlineStatus.OVERDUE, DeadlineStatus.UNCONFIRMED])
def test_badge_column_colours_by_deadline_status(qtbot: QtBot, tasks: TaskRunner,
                                                 status: DeadlineStatus) -> None:
    rows = [row for row in make_rows(10) if row.status == status][:1]
    model = make_model(tasks, ListFetcher(rows))
    load(qtbot, model, lambda: model.set_query(None))
    badge = model.index(0, 4)
    assert model.data(badge, Qt.ItemDataRole.BackgroundRole) == DEADLINE_COLOURS[status].background
    assert model.data(badge, Qt.ItemDataRole.ToolTipRole) == status.label
    assert model.data(badge, ItemRole.DEADLINE_STATUS) is status
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None


def test_badge_colours_are_distinct() -> None:
    # Red, amber, green and grey must be told apart at a glance.
    names = {DEADLINE_COLOURS[s].background.name() for s in (
        DeadlineStatus.OK, DeadlineStatus.DUE_SOON, DeadlineStatus.OVERDUE,
        DeadlineStatus.UNCONFIRMED)}
    assert len(names) == 4
    overdue = DEADLINE_COLOURS[DeadlineStatus.OVERDUE].background
    assert overdue.red() > overdue.green() and overdue.red() > overdue.blue()
    ok = DEADLINE_COLOURS[DeadlineStatus.OK].background
    assert ok.green() > ok.red()


def test_scrolling_a_view_to_the_bottom_shows_the_last_rows(qtbot: QtBot, tasks: TaskRunner) -> None:
    model = make_model(tasks, ListFetcher(make_rows(120)), page_size=50)
    view = QTableView()
    qtbot.addWidget(view)
    view.setItemDelegateForColumn(4, DeadlineBadgeDelegate(view))
    view.resize(600, 300)
    view.setModel(model)
    view.setSortingEnabled(True)  # asks the model to sort: first page requested
    view.show()
    qtbot.waitUntil(lambda: model.rowCount() == 120 and not model.is_loading(), timeout=WAIT_MS)
    view.scrollToBottom()
    last = min(r.case_no for r in make_rows(120))  # the header's default order: 案号 descending
    qtbot.waitUntil(lambda: model.data(model.index(119, 0)) == last, timeout=WAIT_MS)
    assert isinstance(view.grab().toImage().pixelColor(5, 5), QColor)  # paints the badges
