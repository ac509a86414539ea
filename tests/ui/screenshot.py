"""Screenshot of the main window on a real X server (Xvfb) — a script, not a test.

    .venv/bin/python tests/ui/screenshot.py [--out DIR] [--pane registration] [--language en]

Re-runs itself under ``xvfb-run -a -s "-screen 0 1400x900x24"`` with
``QT_QPA_PLATFORM=xcb`` unless a display is already there, then writes two PNGs:
``main-window.png`` (``QWidget.grab()``) and ``main-window-root.png`` (ImageMagick
``import -window root``: what the X server really shows, fonts and all). Look at them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT_ROOT = HERE.parent.parent
XVFB_SCREEN = "-screen 0 1400x900x24"
MARKER = "COMPLAINT_DESK_SCREENSHOT_UNDER_XVFB"


def rerun_under_xvfb() -> int:
    if shutil.which("xvfb-run") is None:
        print("xvfb-run not found: apt-get install xvfb", file=sys.stderr)
        return 2
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", **{MARKER: "1"})
    return subprocess.call(["xvfb-run", "-a", "-s", XVFB_SCREEN, sys.executable, __file__,
                            *sys.argv[1:]], env=env)


def add_demo_table(window, ctx) -> None:  # type: ignore[no-untyped-def]
    """Put a sample case list with deadline badges on the dashboard (framework preview)."""
    from PySide6.QtWidgets import QHeaderView, QLabel, QTableView

    from desktop_app.domain.enums import CaseState, DeadlineStatus
    from desktop_app.ui.table_models import Column, DeadlineBadgeDelegate, Page, PagedTableModel

    names = ["王秀英", "李建国", "张伟", "刘芳", "陈静", "杨洋", "赵敏", "黄磊"]
    units = ["某某律师事务所", "县法律援助中心", "某某基层法律服务所"]
    statuses = [DeadlineStatus.OK, DeadlineStatus.DUE_SOON, DeadlineStatus.OVERDUE,
                DeadlineStatus.UNCONFIRMED, DeadlineStatus.DUE_TODAY]
    states = [CaseState.REGISTERED, CaseState.UNDER_REVIEW, CaseState.INVESTIGATING,
              CaseState.AWAITING_SUPPLEMENT]
    rows = [(f"XX司援投〔2026〕第{i:04d}号", dt.date(2026, 11, 1) + dt.timedelta(days=i),
             names[i % len(names)], units[i % len(units)], states[i % len(states)],
             statuses[i % len(statuses)], dt.date(2026, 12, 1) + dt.timedelta(days=i))
            for i in range(1, 41)]
    columns = [Column("case_no", "案号", index=0), Column("received", "收件日期", index=1),
               Column("name", "投诉人", index=2), Column("unit", "被投诉人", index=3),
               Column("state", "状态", index=4),
               Column("due", "下一时限", getter=lambda r: f"{r[6]:%m-%d} {r[5].label}", badge=True)]
    model = PagedTableModel(columns, lambda req: Page(rows[req.offset:req.offset + req.limit],
                                                      len(rows)),
                            ctx.tasks, page_size=20, status_of=lambda r: r[5])
    view = QTableView()
    view.setModel(model)
    view.setItemDelegateForColumn(5, DeadlineBadgeDelegate(view))
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.verticalHeader().hide()
    total = QLabel()
    model.total_changed.connect(lambda _n: total.setText(model.total_text()))
    model.page_loaded.connect(lambda _n: total.setText(model.total_text()))
    pane = window.pane("dashboard")
    pane.layout().takeAt(pane.layout().count() - 1)  # drop the placeholder's bottom stretch
    pane.layout().insertWidget(2, view, 1)
    pane.layout().insertWidget(3, total)
    model.set_query(None)


def take(args: argparse.Namespace) -> int:
    sys.path[:0] = [str(PROJECT_ROOT), str(HERE)]
    from PySide6.QtCore import QSettings, QTimer

    from desktop_app.ui import bootstrap_qt
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.tasks import TaskRunner
    from fakes import FakeContext  # tests/ui/fakes.py

    app = bootstrap_qt([sys.argv[0]], args.language)
    ctx = FakeContext(tasks=TaskRunner())
    import tempfile

    from desktop_app.config import AppConfig
    from desktop_app.services.hub import open_services

    # Real services on a throw-away SQLite file (or --db): the panes read through them.
    url = args.db or f"sqlite:///{tempfile.mkdtemp()}/shot.db"
    ctx.services = open_services(AppConfig(database_url=url), clock=ctx.clock)
    settings_file = Path(tempfile.mkdtemp()) / "settings.ini"
    window = MainWindow(ctx, settings=QSettings(str(settings_file), QSettings.Format.IniFormat))
    if args.demo_table:
        add_demo_table(window, ctx)
    window.show_pane(args.pane)
    if args.search and args.pane == "registration":
        window.pane("registration").case_list.search.setText(args.search)
    if args.search and args.pane == "archive":
        pane = window.pane("archive")
        pane.search_text.setText(args.search)
        pane.search()
    if args.year_statistics:
        pane = window.pane("statistics")
        pane.set_period("year", args.year_statistics)
        pane.run_report()
    if args.privacy:
        window.set_privacy_mode(True)
    window.resize(1280, 800)
    window.move(20, 20)
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)
    grabbed = args.out / "main-window.png"
    root = args.out / "main-window-root.png"

    def capture() -> None:
        window.grab().save(str(grabbed))
        if shutil.which("import") and os.environ.get("DISPLAY"):
            subprocess.run(["import", "-window", "root", str(root)], check=False)
        app.quit()

    QTimer.singleShot(args.delay_ms, capture)  # let the status task land and the X server paint
    app.exec()
    ctx.tasks.shutdown()
    for path in (grabbed, root):
        if path.exists():
            print(path)
    return 0 if grabbed.exists() else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "complaint-desk")
    parser.add_argument("--pane", default="dashboard")
    parser.add_argument("--language", default="zh_CN")
    parser.add_argument("--privacy", action="store_true", help="show the F12 privacy screen")
    parser.add_argument("--db", default="", help="database URL (default: a throw-away SQLite file)")
    parser.add_argument("--year-statistics", type=int, default=0, help="run the statistics of this year")
    parser.add_argument("--search", default="", help="search text for the registration or archive pane")
    parser.add_argument("--delay-ms", type=int, default=1500, help="wait this long before capturing")
    parser.add_argument("--no-demo-table", dest="demo_table", action="store_false",
                        help="leave the dashboard placeholder empty")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") and not os.environ.get(MARKER):
        return rerun_under_xvfb()
    return take(args)


if __name__ == "__main__":
    raise SystemExit(main())
