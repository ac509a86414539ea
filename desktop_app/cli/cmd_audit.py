"""``audit verify`` — recompute the audit log's hash chain; ``audit case CASE_NO`` — a case's history."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.cli.common import EXIT_ERROR, EXIT_OK, add_db_arguments, command, emit, open_from_args, run_guarded


@command("audit")
def register(sub: Any) -> None:
    p = sub.add_parser("audit", help="审计日志：校验哈希链（发现被修改或删除的记录）、查看案件历史")
    ss = p.add_subparsers(dest="audit_command", metavar="子命令")
    ss.required = True
    v = ss.add_parser("verify", help="校验审计日志；退出码 0 = 完整，1 = 被篡改（并指出哪一条）")
    v.add_argument("--json", action="store_true", help="输出 JSON")
    add_db_arguments(v)
    v.set_defaults(handler=_verify)
    c = ss.add_parser("case", help="列出一件案件的审计记录（谁、何时、改了什么）")
    c.add_argument("case_no", metavar="CASE_NO")
    add_db_arguments(c)
    c.set_defaults(handler=_case)


def _hub(args: argparse.Namespace) -> Any:
    from desktop_app.services.security import register_services
    register_services()
    return open_from_args(args)


def _verify(args: argparse.Namespace) -> int:
    def run() -> int:
        report = _hub(args).audit.verify()
        if args.json:
            emit({"ok": report.ok, "checked": report.checked, "problems": [
                {"kind": p.kind, "id": p.event_id, "at": p.at, "action": p.action, "message": p.message}
                for p in report.problems]}, True)
        else:
            emit("\n".join(report.lines()), False)
        return EXIT_OK if report.ok else EXIT_ERROR
    return run_guarded(run)


def _case(args: argparse.Namespace) -> int:
    def run() -> int:
        hub = _hub(args)
        ref = hub.registration.find_case(args.case_no)
        lines = []
        for e in hub.audit.events_for_case(ref.id):
            lines.append(f"{e.at:%Y-%m-%d %H:%M:%S}  {e.user_name}  {e.action_label}  {e.summary}")
            lines += [f"      {k}：{b} → {a}" for k, b, a in e.changes()]
        emit("\n".join(lines) or "（无记录）", False)
        return EXIT_OK
    return run_guarded(run)
