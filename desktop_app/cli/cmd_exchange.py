"""``exchange export --from D --to D --out FILE`` and ``exchange import FILE`` (Art 20 supervision)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop_app.cli.common import EXIT_OK, add_db_arguments, command, emit, open_from_args, parse_date, run_guarded


@command("exchange")
def register(sub: Any) -> None:
    p = sub.add_parser("exchange", help="交换包：导出本机关一段期间的案件 / 在上级机关导入")
    ss = p.add_subparsers(dest="exchange_command", metavar="子命令")
    ss.required = True
    e = ss.add_parser("export", help="导出收到日期在期间内的案件（含文书、审计记录）为一个文件")
    e.add_argument("--from", dest="date_from", required=True, type=parse_date, metavar="YYYY-MM-DD")
    e.add_argument("--to", dest="date_to", required=True, type=parse_date, metavar="YYYY-MM-DD")
    e.add_argument("--out", required=True, metavar="FILE")
    add_db_arguments(e)
    e.set_defaults(handler=_export)
    i = ss.add_parser("import", help="导入交换包（被改动或不完整的包整体拒绝；重复导入不作改动）")
    i.add_argument("file", metavar="FILE")
    add_db_arguments(i)
    i.set_defaults(handler=_import)


def _hub(args: argparse.Namespace) -> Any:
    from desktop_app.services.security import register_services
    register_services()
    return open_from_args(args)


def _export(args: argparse.Namespace) -> int:
    def run() -> int:
        r = _hub(args).exchange.export(args.date_from, args.date_to, Path(args.out))
        emit(f"已导出 {r.case_count} 件案件、{r.document_count} 份文书、{r.audit_event_count} 条审计记录 → {r.path}\n"
             f"交换包哈希：{r.package_hash}", False)
        return EXIT_OK
    return run_guarded(run)


def _import(args: argparse.Namespace) -> int:
    def run() -> int:
        r = _hub(args).exchange.import_package(Path(args.file))
        emit(r.message() + ("\n" + "\n".join(r.case_numbers) if r.case_numbers else ""), False)
        return EXIT_OK
    return run_guarded(run)
