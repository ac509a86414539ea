"""Composition root: settings, database, services, Qt, translators, main window."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from typing import Any

from desktop_app.config import AppConfig
from desktop_app.domain.clock import Clock, SystemClock
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the hub is imported in the background at start (see open_backend)
    from desktop_app.services.hub import Services


@dataclass
class AppContext:
    """What every window and pane receives (see ``ui.context.UiContext``)."""

    services: "Services"
    tasks: Any
    clock: Clock
    config: AppConfig

    def status_info(self) -> dict[str, Any]:
        info = self.services.status_info()
        return {"database": info["database"], "rule_set": info["rule_set"],
                "calendar_warning": info["calendar_warning"] or None, "user": info["user"]}


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="main.py", description="投诉处理台（法律援助投诉处理）")
    p.add_argument("--db", metavar="URL", help="数据库 URL 或 SQLite 文件路径（默认：用户数据目录）")
    p.add_argument("--language", choices=["zh_CN", "en"], help="界面语言（默认简体中文）")
    return p.parse_args(argv)


def open_backend(config: AppConfig, clock: Clock) -> tuple[Services, bool]:
    """Import the services, open (and migrate) the database, and ask whether this is a first start.

    Runs on the task runner's write lane while the login dialog is already on screen: the heavy
    imports (SQLAlchemy, ReportLab …) and the migration never delay the first painted window.
    """
    from desktop_app.services.hub import open_services

    hub = open_services(config, clock=clock)
    return hub, hub.users.needs_first_admin()


def warm_up() -> None:
    """Load the PDF and Excel machinery once, in the background, before the user first prints.

    Parsing the bundled fonts and importing ReportLab/openpyxl holds the GIL for ~0.3 s; done here it
    never lands in the middle of the user's work.
    """
    import openpyxl  # noqa: F401

    from desktop_app.documents import register_fonts
    from desktop_app.exports import statistics_xlsx  # noqa: F401

    register_fonts()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(list(sys.argv[1:] if argv is None else argv))
    config = AppConfig.load(database_url=args.db, language=args.language)

    from desktop_app.ui import bootstrap_qt  # first: applies the PySide6 compatibility fix
    app = bootstrap_qt(sys.argv[:1], config.language)
    from desktop_app.ui.gc_guard import GuiThreadGarbageCollector

    GuiThreadGarbageCollector(app)  # parented to the app: lives as long as it

    from PySide6.QtCore import QTimer

    from desktop_app.ui.login_dialog import LoginDialog
    from desktop_app.ui.tasks import TaskRunner

    clock = SystemClock()
    tasks = TaskRunner()
    ctx = AppContext(services=None, tasks=tasks, clock=clock, config=config)  # type: ignore[arg-type]
    dialog = LoginDialog(ctx)
    dialog.opening()

    def opened(result: tuple[Services, bool]) -> None:
        ctx.services, first_start = result
        dialog.ready(first_start=first_start)

    tasks.write(lambda _c: open_backend(config, clock), on_done=opened,
                on_error=lambda f: dialog.show_message(f"无法打开数据库：{f.message}"))
    if dialog.exec() != LoginDialog.DialogCode.Accepted or dialog.actor is None:
        tasks.shutdown()
        return 0

    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.startup import backup_on_exit, daily_backup

    ctx.services = ctx.services.as_user(dialog.actor)
    daily_backup(ctx)  # off the GUI thread
    window = MainWindow(ctx)
    window.show()
    from desktop_app.ui.gc_guard import freeze_long_lived

    # What start-up loaded is frozen out of the garbage collector's walks: once the window is
    # up, and again after the warm-up has loaded the PDF and Excel machinery.
    # ((…, 0)[1]: never None through a Qt signal — PySide6 6.12 refcount bug, see ui/qt_compat.)
    QTimer.singleShot(0, freeze_long_lived)
    QTimer.singleShot(1500, lambda: tasks.read(lambda _c: (warm_up(), 0)[1],
                                               on_done=lambda _r: freeze_long_lived()))

    def on_quit() -> None:
        tasks.shutdown()  # queued writes finish first, then the exit backup sees them
        backup_on_exit(ctx.services, config)

    app.aboutToQuit.connect(on_quit)
    return app.exec()
