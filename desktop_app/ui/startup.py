"""Who is at the keyboard. Replaced by the login dialog (issue 6): until then the first
start creates a local administrator and later starts sign in as the local front-desk user."""

from __future__ import annotations

from typing import Any

from desktop_app.services.context import Actor


def open_session(ctx: Any) -> Actor | None:
    admin = ctx.services.admin
    users = admin.list_users()
    if not users:
        admin.create_user("admin", "系统管理员", "ChangeMe2026", ["ADMIN", "FRONT_DESK", "REVIEWER", "HEAD",
                                                              "ARCHIVIST"], must_change_password=True)
        users = admin.list_users()
    u = users[0]
    return Actor(u.id, u.username, u.full_name, frozenset(u.roles), u.unit_name)
