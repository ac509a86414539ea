"""Backup chores of the GUI session: the daily check at start and the backup on exit.

(The login dialog itself is shown by ``desktop_app.app.main`` while the database opens.)
"""

from __future__ import annotations

from typing import Any



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
