"""WindowedTableModel: the whole size at once, pages on demand, bounded memory while scrolling."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import desktop_app.ui  # noqa: E402,F401
from PySide6.QtWidgets import QTableView  # noqa: E402

from desktop_app.ui.table_models import Column, Page, PageRequest  # noqa: E402
from desktop_app.ui.tasks import TaskRunner  # noqa: E402
from desktop_app.ui.windowed_model import PLACEHOLDER, WindowedTableModel  # noqa: E402

TOTAL = 100_000
ROWS = [(i, f"铁司援投〔2025〕第{i:06d}号", "张伟" if i % 7 == 0 else "李娜") for i in range(TOTAL)]
COLUMNS = [Column("id", "序号", index=0), Column("case_no", "案号", index=1), Column("name", "投诉人", index=2)]


def make_fetch(total: int):  # type: ignore[no-untyped-def]
    def fetch(req: PageRequest) -> Page:
        rows = ROWS[:total][::-1] if req.descending else ROWS[:total]
        return Page(rows[req.offset:req.offset + req.limit], total if req.want_total else None)
    return fetch


fetch = make_fetch(TOTAL)


def test_scrolling_to_the_end_keeps_few_pages(qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    tasks = TaskRunner()
    model = WindowedTableModel(COLUMNS, fetch, tasks, page_size=100, max_pages=6)
    view = QTableView()
    view.setModel(model)
    view.resize(600, 400)
    view.show()
    qtbot.addWidget(view)
    model.set_query(None)
    qtbot.waitUntil(lambda: model.rowCount() == TOTAL, timeout=5000)
    assert model.total == TOTAL
    for target in (5_000, 50_000, 99_990, 12_345, TOTAL - 1):
        view.scrollTo(model.index(target, 0))
        qtbot.waitUntil(lambda t=target: model.index(t, 1).data() == ROWS[t][1], timeout=5000)
        assert len(model.cached_pages) <= 6
        assert model.cached_row_count() <= 600
    far = model.index(70_000, 2)
    assert far.data() == PLACEHOLDER  # not loaded: a placeholder, the page is requested
    qtbot.waitUntil(lambda: far.data() == ROWS[70_000][2], timeout=5000)
    model.sort(0, order=model.sort.__defaults__[0].__class__.DescendingOrder)
    qtbot.waitUntil(lambda: model.index(0, 0).data() == str(TOTAL - 1), timeout=5000)
    tasks.shutdown(5000)


def test_model_contract(qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    tasks = TaskRunner()
    model = WindowedTableModel(COLUMNS, make_fetch(250), tasks, page_size=50, max_pages=3)
    model.set_query(None)
    qtbot.waitUntil(lambda: model.rowCount() == 250, timeout=5000)
    qtmodeltester.check(model, force_py=True)
    tasks.shutdown(5000)
