"""Screenshots of the 工作台 / 归档 / 统计 panes on real data under Xvfb — a script, not a test.

    .venv/bin/python tests/ui/archive/screenshots_issue5.py [--out DIR]

Builds ~30 cases in a temporary SQLite database through the services, opens the main
window under ``xvfb-run`` (QT_QPA_PLATFORM=xcb) and writes dashboard.png, archive.png,
statistics.png. Look at them.
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

ROOT = Path(__file__).resolve().parents[3]
MARKER = "COMPLAINT_DESK_SCREENSHOT_UNDER_XVFB"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "complaint-desk-issue5")
    args = parser.parse_args()
    if not os.environ.get(MARKER):
        env = dict(os.environ, QT_QPA_PLATFORM="xcb", **{MARKER: "1"})
        return subprocess.call(["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", sys.executable, __file__,
                                *sys.argv[1:]], env=env)
    sys.path[:0] = [str(ROOT)]
    from PySide6.QtCore import QSettings, QTimer

    import desktop_app.services.archive_search  # noqa: F401
    import desktop_app.services.deadlines  # noqa: F401
    import desktop_app.services.statistics  # noqa: F401
    from desktop_app.config import AppConfig
    from desktop_app.domain.clock import FixedClock
    from desktop_app.services.hub import open_services
    from desktop_app.ui import bootstrap_qt
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.tasks import TaskRunner
    from tests.conftest import STAFF, TEST_CONFIG, TEST_NOW, Staff, _office_defaults
    from tests.services.issue5_cases import build_cases
    from tests.ui.fakes import FakeContext

    work = Path(tempfile.mkdtemp())
    clock = FixedClock(TEST_NOW)
    hub = open_services(AppConfig(database_url=f"sqlite:///{work}/demo.db", **TEST_CONFIG), clock=clock)
    _office_defaults(hub)
    ids = {key: hub.admin.create_user(u, n, "Passw0rd!", r, unit_name=unit, must_change_password=False)
           for key, (u, n, r, unit) in STAFF.items()}
    staff = Staff(hub, ids)
    built = build_cases(hub, staff, clock, count=30, today=dt.date(2025, 6, 10))
    archivist = staff.user("archivist")
    archived = next(b for b in built if b.fate == "not_accepted")
    archivist.archive.archive(archived.case_id)
    archivist.archive.add_lending(archived.case_id, "刘强", "复查", dt.date(2025, 6, 10), dt.date(2025, 6, 24))

    app = bootstrap_qt([sys.argv[0]], "zh_CN")
    head = staff.user("head").as_user(staff.user("head").actor)
    # One user who may see everything on the three panes: the head, with the archivist role added.
    from desktop_app.services.context import Actor
    actor = head.actor
    viewer = head.as_user(Actor(actor.user_id, actor.username, actor.full_name,
                                actor.roles | {"ARCHIVIST"}, actor.unit_name))
    ctx = FakeContext(tasks=TaskRunner(), clock=clock, services=viewer)
    ctx.info = dict(ctx.info, calendar_warning=None, user="刘强（机关负责人）")  # type: ignore[assignment]
    window = MainWindow(ctx, settings=QSettings(str(work / "s.ini"), QSettings.Format.IniFormat))
    window.resize(1380, 860)
    window.move(10, 10)
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)
    steps: list[tuple[str, object]] = []

    def show(key: str) -> None:
        pane = window.show_pane(key)
        if key == "archive":
            pane.open_case(archived.case_id)
        if key == "statistics":
            pane.set_period("custom", custom=(dt.date(2025, 1, 1), dt.date(2025, 6, 30)))
            pane.run_report()

    def grab(key: str) -> None:
        path = args.out / f"{key}.png"
        window.grab().save(str(path))
        print(path)

    delay = 0
    for key in ("dashboard", "archive", "statistics"):
        QTimer.singleShot(delay, lambda k=key: show(k))
        QTimer.singleShot(delay + 2500, lambda k=key: grab(k))
        delay += 3000
    QTimer.singleShot(delay, app.quit)
    app.exec()
    ctx.tasks.shutdown()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
