"""What the UI needs from the composition root (``desktop_app/app.py``).

The window and every pane receive one ``ctx`` object satisfying :class:`UiContext`.
Widgets never build engines, sessions or services themselves.
"""

from __future__ import annotations

from typing import Any, Protocol, TypedDict, runtime_checkable

from desktop_app.domain.clock import Clock
from desktop_app.ui.tasks import TaskRunner


class StatusInfo(TypedDict):
    """Shown in the main window's status bar (fetched off the GUI thread).

    ``database``: e.g. ``"SQLite: /home/x/.local/share/complaint-desk/complaints.db"`` or
    ``"PostgreSQL: host/db"``; ``rule_set``: the set in force today, e.g.
    ``"2025年《法律援助投诉处理办法》（时限待确认）"``; ``calendar_warning``: ``None`` or a
    Chinese sentence naming the year whose working-day calendar is unconfirmed;
    ``user``: the signed-in user's display name and role.
    """

    database: str
    rule_set: str
    calendar_warning: str | None
    user: str


@runtime_checkable
class UiContext(Protocol):
    @property
    def services(self) -> Any:
        """The service hub (the only API the UI calls; call it only through ``tasks``)."""
        ...

    @property
    def tasks(self) -> TaskRunner: ...

    @property
    def clock(self) -> Clock: ...

    def status_info(self) -> StatusInfo:
        """May touch the database: the window calls it through ``tasks.read``."""
        ...
