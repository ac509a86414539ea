"""``backup create|list|restore FILE`` — database backups (SQLite online backup API; pg_dump for PostgreSQL)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop_app.cli.common import EXIT_OK, add_db_arguments, command, emit, open_from_args, run_guarded
from desktop_app.config import AppConfig


@command("backup")
def register(sub: Any) -> None:
    p = sub.add_parser("backup", help="备份与恢复数据库")
    ss = p.add_subparsers(dest="backup_command", metavar="子命令")
    ss.required = True
    for name, helptext in (("create", "立即备份（SQLite 在线备份；PostgreSQL 使用 pg_dump）"),
                           ("list", "列出备份（最新在前）")):
        x = ss.add_parser(name, help=helptext)
        x.add_argument("--dir", metavar="DIR", help="备份目录（默认：设置中的备份目录）")
        add_db_arguments(x)
        x.set_defaults(handler=_create if name == "create" else _list)
    r = ss.add_parser("restore", help="从备份文件恢复（先校验；原数据库另存为 *.before-restore）")
    r.add_argument("file", metavar="FILE")
    add_db_arguments(r)
    r.set_defaults(handler=_restore)


def _service(args: argparse.Namespace) -> Any:
    from desktop_app.services.security import register_services
    register_services()
    config = AppConfig.load(database_url=getattr(args, "db", None))
    hub = open_from_args(args)
    directory = Path(args.dir) if getattr(args, "dir", None) else config.resolved_backup_dir
    return hub.backup.configure(directory, config.backups_to_keep)


def _create(args: argparse.Namespace) -> int:
    def run() -> int:
        info = _service(args).create()
        emit(f"已备份到 {info.path}（{info.size / 1024 / 1024:.1f} MB）", False)
        return EXIT_OK
    return run_guarded(run)


def _list(args: argparse.Namespace) -> int:
    def run() -> int:
        backups = _service(args).list()
        emit("\n".join(f"{b.label}  {b.path}" for b in backups) or "（没有备份）", False)
        return EXIT_OK
    return run_guarded(run)


def _restore(args: argparse.Namespace) -> int:
    def run() -> int:
        before = _service(args).restore(Path(args.file))
        emit(f"已从 {args.file} 恢复数据库；恢复前的数据库保存在 {before}", False)
        return EXIT_OK
    return run_guarded(run)
