"""PagedTableModel at scale: the whole size at once, pages on demand, bounded memory while scrolling."""

from __future__ import annotations

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import desktop_app.ui  # noqa: E402,F401
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QTableView  # noqa: E402

from desktop_app.ui.table_models import PLACEHOLDER, Column, Page, PagedTableModel, PageRequest  # noqa: E402
from desktop_app.ui.tasks import TaskRunner  # noqa: E402

TOTAL = 100_000
ROWS = [(i, f"铁司援投〔2025〕第{i:06d}号", "张伟" if i % 7 == 0 else "李娜") for i in range(TOTAL)]
COLUMNS = [Column("id", "序号", index=0), Column("case_no", "案号", index=1), Column("name", "投诉人", index=2)]


def make_fetch(total: int):  # type: ignore[no-untyped-def]
    def fetch(req: PageRequest) -> Page:
        rows = ROWS[:total][::-1] if req.descending else ROWS[:total]
        return Page(rows[req.offset:req.offset + req.limit], total if req.want_total else None)
    return fetch


def test_scrolling_to_the_end_keeps_few_pages(qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    tasks = TaskRunner()
    model = PagedTableModel(COLUMNS, make_fetch(TOTAL), tasks, page_size=100, max_pages=6)
    view = QTableView()
    view.setModel(model)
    view.resize(600, 400)
    view.show()
    qtbot.addWidget(view)
    model.set_query(None)
    qtbot.waitUntil(lambda: model.rowCount() == TOTAL, timeout=5000)
    assert model.total() == TOTAL
    for target in (5_000, 50_000, 99_990, 12_345, TOTAL - 1):
        view.scrollTo(model.index(target, 0))
        qtbot.waitUntil(lambda t=target: model.index(t, 1).data() == ROWS[t][1], timeout=5000)
        assert len(model.cached_pages()) <= 6
        assert model.cached_row_count() <= 600
    far = model.index(70_000, 2)
    assert far.data() == PLACEHOLDER  # not loaded: a placeholder, the page is requested
    qtbot.waitUntil(lambda: far.data() == ROWS[70_000][2], timeout=5000)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model.index(0, 0).data() == str(TOTAL - 1), timeout=5000)
    tasks.shutdown(5000)


def test_dragging_the_scroll_bar_skips_pages_scrolled_past(qtbot) -> None:  # type: ignore[no-untyped-def]
    tasks = TaskRunner(max_readers=1)
    asked: list[int] = []
    fetch = make_fetch(TOTAL)
    database_busy = threading.Event()
    database_busy.set()

    def recording(req: PageRequest) -> Page:
        asked.append(req.offset)
        database_busy.wait(5)
        return fetch(req)

    model = PagedTableModel(COLUMNS, recording, tasks, page_size=100, max_pages=12)
    view = QTableView()
    view.setModel(model)
    view.resize(600, 400)
    view.show()
    qtbot.addWidget(view)
    model.set_query(None)
    qtbot.waitUntil(lambda: model.rowCount() == TOTAL and not model.is_loading(), timeout=5000)
    # 200 positions painted while the one reader is busy, as in a fast drag on a slow disk:
    # only the last few reach the fetcher.
    database_busy.clear()
    asked.clear()
    for k in range(200):
        model.index(k * 400, 0).data()
    database_busy.set()
    qtbot.waitUntil(lambda: not model.is_loading(), timeout=5000)
    assert 1 <= len(asked) <= 1 + 4
    assert model.index(199 * 400, 1).data() == ROWS[199 * 400][1]
    tasks.shutdown(5000)


def test_model_contract(qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    tasks = TaskRunner()
    model = PagedTableModel(COLUMNS, make_fetch(250), tasks, page_size=50, max_pages=3)
    model.set_query(None)
    qtbot.waitUntil(lambda: model.rowCount() == 250, timeout=5000)
    qtmodeltester.check(model, force_py=True)
    tasks.shutdown(5000)
