"""``users list|add|roles|deactivate|reset-password`` — accounts from the command line (administrator)."""

from __future__ import annotations

import argparse
import getpass
from typing import Any

from desktop_app.cli.common import EXIT_OK, add_db_arguments, command, emit, open_from_args, run_guarded
from desktop_app.domain.enums import Role


@command("users")
def register(sub: Any) -> None:
    p = sub.add_parser("users", help="用户与角色（角色代码：" + "、".join(f"{r.value}={r.label}" for r in Role) + "）")
    ss = p.add_subparsers(dest="users_command", metavar="子命令")
    ss.required = True
    x = ss.add_parser("list", help="列出用户")
    add_db_arguments(x)
    x.set_defaults(handler=_list)
    a = ss.add_parser("add", help="新建用户（首次登录须修改密码）")
    a.add_argument("username")
    a.add_argument("full_name")
    a.add_argument("--roles", required=True, help="逗号分隔，如 FRONT_DESK,REVIEWER")
    a.add_argument("--unit", default="", help="所在单位（用于回避）")
    a.add_argument("--password", help="初始密码（不填则提示输入）")
    add_db_arguments(a)
    a.set_defaults(handler=_add)
    r = ss.add_parser("roles", help="设置角色")
    r.add_argument("username")
    r.add_argument("--roles", required=True)
    add_db_arguments(r)
    r.set_defaults(handler=_roles)
    d = ss.add_parser("deactivate", help="停用用户（不删除）")
    d.add_argument("username")
    add_db_arguments(d)
    d.set_defaults(handler=_deactivate)
    pw = ss.add_parser("reset-password", help="重置密码并解除锁定（下次登录须修改）")
    pw.add_argument("username")
    pw.add_argument("--password")
    add_db_arguments(pw)
    pw.set_defaults(handler=_reset)


def _user_id(hub: Any, username: str) -> int:  # noqa: D103
    from desktop_app.domain.errors import NotFound
    for u in hub.admin.list_users():
        if u.username == username:
            return int(u.id)
    raise NotFound(f"没有用户名为“{username}”的用户。")


def _password(args: argparse.Namespace) -> str:
    return args.password or getpass.getpass("密码：")


def _list(args: argparse.Namespace) -> int:
    def run() -> int:
        rows = [f"{u.id:4d}  {u.username:16s} {u.full_name:8s} {'、'.join(Role(r).label for r in u.roles):30s} "
                f"{u.unit_name}{'' if u.active else '  （已停用）'}" for u in open_from_args(args).admin.list_users()]
        emit("\n".join(rows) or "（没有用户）", False)
        return EXIT_OK
    return run_guarded(run)


def _add(args: argparse.Namespace) -> int:
    roles = [r.strip() for r in args.roles.split(",") if r.strip()]

    def run() -> int:
        uid = open_from_args(args).admin.create_user(args.username, args.full_name, _password(args), roles,
                                                     unit_name=args.unit)
        emit(f"已创建用户 {args.username}（编号 {uid}），首次登录须修改密码。", False)
        return EXIT_OK
    return run_guarded(run)


def _roles(args: argparse.Namespace) -> int:
    def run() -> int:
        hub = open_from_args(args)
        hub.admin.set_roles(_user_id(hub, args.username), [r.strip() for r in args.roles.split(",") if r.strip()])
        emit("已更新角色。", False)
        return EXIT_OK
    return run_guarded(run)


def _deactivate(args: argparse.Namespace) -> int:
    def run() -> int:
        from desktop_app.services.security import UserAdmin
        hub = open_from_args(args)
        UserAdmin(hub.ctx, hub.actor).set_active(_user_id(hub, args.username), False)
        emit(f"已停用用户 {args.username}。", False)
        return EXIT_OK
    return run_guarded(run)


def _reset(args: argparse.Namespace) -> int:
    def run() -> int:
        from desktop_app.services.security import UserAdmin
        hub = open_from_args(args)
        UserAdmin(hub.ctx, hub.actor).reset_password(_user_id(hub, args.username), _password(args))
        emit(f"已重置 {args.username} 的密码，下次登录须修改。", False)
        return EXIT_OK
    return run_guarded(run)
