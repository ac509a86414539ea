"""Who is at the keyboard: the login dialog (first start: create the administrator).

Also the start-up chores of issue 6 that need the signed-in session: the daily backup check.
"""

from __future__ import annotations

from typing import Any

from desktop_app.services.context import Actor


def open_session(ctx: Any) -> Actor | None:
    """Show the login dialog modally; ``None`` when the user cancels (the program ends)."""
    from desktop_app.ui.login_dialog import LoginDialog

    dialog = LoginDialog(ctx, first_start=ctx.services.users.needs_first_admin())
    if dialog.exec() != LoginDialog.DialogCode.Accepted:
        return None
    return dialog.actor


def configure_backups(services: Any, config: Any) -> Any:
    """The backup service with the configured directory and rotation."""
    return services.backup.configure(config.resolved_backup_dir, config.backups_to_keep)


def daily_backup(ctx: Any) -> None:
    """Start-up check (off the GUI thread): last backup older than a day → make one."""
    backup = configure_backups(ctx.services, ctx.config)
    if ctx.services.ctx.db.is_sqlite:
        ctx.tasks.write(lambda _: backup.backup_if_due())


def backup_on_exit(services: Any, config: Any) -> None:
    """Hook for ``app.aboutToQuit`` (after the task runner has drained): a backup on every exit."""
    if config.backup_on_exit and services.ctx.db.is_sqlite:
        configure_backups(services, config).create(reason="exit")
