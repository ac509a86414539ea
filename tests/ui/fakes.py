"""A stand-in for the composition root's context: real TaskRunner, fixed clock, canned status."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop_app.domain.clock import FixedClock
from desktop_app.ui.context import StatusInfo
from desktop_app.ui.tasks import TaskRunner


def default_status() -> StatusInfo:
    return StatusInfo(
        database="SQLite: /home/clerk/.local/share/complaint-desk/complaints.db",
        rule_set="2025年《法律援助投诉处理办法》（时限待确认，暂按2013年时限）",
        calendar_warning="2027年工作日历未确认，期限按周末推算",
        user="王晓梅（窗口登记员）",
    )


@dataclass
class FakeContext:
    tasks: TaskRunner
    clock: FixedClock = field(default_factory=lambda: FixedClock(dt.date(2026, 12, 28)))
    services: Any = None
    info: StatusInfo = field(default_factory=default_status)
    status_error: Callable[[], BaseException] | None = None
    status_threads: list[int] = field(default_factory=list)

    def status_info(self) -> StatusInfo:
        self.status_threads.append(threading.get_ident())
        if self.status_error is not None:
            raise self.status_error()
        return StatusInfo(**self.info)
