"""Benchmark: peak memory of the GUI while scrolling the full case list (budget ≤ 400 MB).

Run:  .venv/bin/python tests/benchmarks/bench_gui_memory.py   (or python3 tests/run.py --benchmarks bench_gui_memory)

A fresh process (offscreen) opens the 1,000,000-case database through the services (without
migrating it: the cached file is read-only), shows the real registration case list widget
(``desktop_app/ui/registration/case_list.CaseList``: its ``PagedTableModel``, fetcher, badges and
status line) and scrolls: 300 steps of one screen through the first 30,000 rows, then jumps
to 40 places spread over the whole list, then Ctrl+End to the last case, waiting each time
until the visible rows are loaded. Peak RSS (VmHWM) is read from /proc. Baseline in the same
run: the same widget never started (Qt + the program's imports + an open database, no rows).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

BUDGET_MB = 400

CHILD = r"""
import sys, time, datetime as dt
from pathlib import Path
url, mode = sys.argv[1], sys.argv[2]
import desktop_app.ui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from desktop_app.config import AppConfig
from desktop_app.domain.clock import FixedClock
from desktop_app.services.hub import open_services
from desktop_app.ui.registration.case_list import CaseList
from desktop_app.ui.table_models import PLACEHOLDER
from desktop_app.ui.tasks import TaskRunner
clock = FixedClock(dt.datetime(2026, 11, 24, 9))
# The cached database is read-only for benchmarks: never migrate it here.
hub = open_services(AppConfig.load(database_url=url), clock=clock, run_migrations=False)

class Ctx:  # what the composition root hands the panes (desktop_app/ui/context.py)
    services = hub
    tasks = TaskRunner()
    def __init__(self): self.clock = clock
    def status_info(self): return {"database": url, "rule_set": "", "calendar_warning": None, "user": ""}

ctx = Ctx()
case_list = CaseList(ctx)          # the real registration case list widget
case_list.resize(1200, 800); case_list.show()
view, model = case_list.view, case_list.model
def pump_until(cond, limit=120.0):
    end = time.time() + limit
    while not cond() and time.time() < end:
        app.processEvents(); time.sleep(0.002)
    return cond()
if mode == "scroll":
    case_list.start()
    pump_until(lambda: model.rowCount() > 0 and not model.is_loading())
    total = model.rowCount()
    def visible_loaded():
        top = view.rowAt(0); bottom = view.rowAt(view.viewport().height() - 1)
        bottom = total - 1 if bottom < 0 else bottom
        return all(model.index(r, 0).data() != PLACEHOLDER for r in (top, (top + bottom) // 2, bottom))
    bar = view.verticalScrollBar()
    for _ in range(300):
        bar.setValue(bar.value() + bar.pageStep()); pump_until(visible_loaded)
    for k in range(41):
        view.scrollTo(model.index(min(total - 1, k * (total - 1) // 40), 0)); pump_until(visible_loaded)
    view.setFocus()
    view.selectRow(0)
    from PySide6.QtTest import QTest
    QTest.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier); pump_until(visible_loaded)
    print("ROWS", total, "LAST_ROW_SHOWN", view.currentIndex().row() + 1, "WINDOW_ROWS", model.cached_row_count(),
          "STATUS", case_list.status.text(), flush=True)
else:
    app.processEvents()
for line in Path("/proc/self/status").read_text().splitlines():
    if line.startswith("VmHWM"):
        print("PEAK", int(line.split()[1]) / 1024, flush=True)
ctx.tasks.shutdown(30000)
"""


def child(url: str, mode: str) -> tuple[float, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(_common.REPO)}
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", CHILD, url, mode], env=env, text=True, capture_output=True,
                          cwd=_common.REPO, timeout=3600)
    peak, info = None, ""
    for line in proc.stdout.splitlines():
        if line.startswith("PEAK"):
            peak = float(line.split()[1])
        elif line.startswith("ROWS"):
            info = line.replace("\t", " ")
    if peak is None:
        raise RuntimeError(f"child failed (exit {proc.returncode}): {proc.stderr[-2000:]}")
    return peak, f"{info} in {time.perf_counter() - started:.0f} s"


def main() -> int:
    url = _common.prepared_database()
    base, _ = child(url, "empty")
    peak, info = child(url, "scroll")
    ok = _common.print_table("GUI 内存 peak memory while scrolling the full list", url, [
        _common.Row("case list widget, not started (peak RSS)", base, "MB"),
        _common.Row("scrolling the whole list (peak RSS)", peak, "MB", "not started", base, f"≤ {BUDGET_MB} MB",
                    peak <= BUDGET_MB),
    ], [info, "registration CaseList → PagedTableModel: 12 pages × 100 rows kept at most; deep jumps use OFFSET "
              "paging"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
