"""Injected clock: nothing in rules/ or services/ reads the system clock directly."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

CHINA_TZ = dt.timezone(dt.timedelta(hours=8), "CST")


class Clock(Protocol):
    def now(self) -> dt.datetime: ...
    def today(self) -> dt.date: ...


class SystemClock:
    """Wall clock in China Standard Time (offices are all UTC+8)."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(CHINA_TZ).replace(tzinfo=None, microsecond=0)

    def today(self) -> dt.date:
        return self.now().date()


class FixedClock:
    """A settable clock for tests and for ``--today`` on the CLI."""

    def __init__(self, now: dt.datetime | dt.date):
        if isinstance(now, dt.datetime):
            self._now = now
        else:
            self._now = dt.datetime.combine(now, dt.time(9, 0))

    def now(self) -> dt.datetime:
        return self._now

    def today(self) -> dt.date:
        return self._now.date()

    def set(self, now: dt.datetime | dt.date) -> None:
        self.__init__(now)  # type: ignore[misc]

    def advance(self, **delta: float) -> None:
        self._now = self._now + dt.timedelta(**delta)
