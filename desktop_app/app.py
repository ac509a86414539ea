"""Composition root: settings, database, services, Qt, translators, main window."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from typing import Any

from desktop_app.config import AppConfig
from desktop_app.domain.clock import Clock, SystemClock
from desktop_app.services.hub import Services, open_services


@dataclass
class AppContext:
    """What every window and pane receives (see ``ui.context.UiContext``)."""

    services: Services
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


def main(argv: list[str] | None = None) -> int:
    args = parse_args(list(sys.argv[1:] if argv is None else argv))
    config = AppConfig.load(database_url=args.db, language=args.language)

    from desktop_app.ui import bootstrap_qt  # first: applies the PySide6 compatibility fix
    app = bootstrap_qt(sys.argv[:1], config.language)

    from desktop_app.ui.tasks import TaskRunner
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.startup import backup_on_exit, daily_backup, open_session

    clock = SystemClock()
    # Opening and migrating the database happens before the window exists (nothing to freeze yet).
    hub = open_services(config, clock=clock)
    tasks = TaskRunner()
    ctx = AppContext(services=hub, tasks=tasks, clock=clock, config=config)
    actor = open_session(ctx)  # login dialog (first start: create the administrator)
    if actor is None:
        return 0
    ctx.services = hub.as_user(actor)
    daily_backup(ctx)  # off the GUI thread
    window = MainWindow(ctx)
    window.show()

    def on_quit() -> None:
        tasks.shutdown()  # queued writes finish first, then the exit backup sees them
        backup_on_exit(ctx.services, config)

    app.aboutToQuit.connect(on_quit)
    return app.exec()
