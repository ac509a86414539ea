"""``stats --from D --to D [--office CODE] --out FILE.xlsx [--unmasked]`` — the statistics workbook."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop_app.cli.common import EXIT_OK, EXIT_USAGE, add_db_arguments, command, emit, fail, open_from_args, \
    parse_date, run_guarded


@command("stats")
def register(sub: Any) -> None:
    p = sub.add_parser("stats", help="导出统计报表（Excel）：汇总、各分类统计表（含图表）和案件台账")
    p.add_argument("--from", dest="period_from", required=True, type=parse_date, metavar="YYYY-MM-DD",
                   help="统计期间开始日期（含）")
    p.add_argument("--to", dest="period_to", required=True, type=parse_date, metavar="YYYY-MM-DD",
                   help="统计期间结束日期（含）")
    p.add_argument("--office", metavar="CODE", help="只统计该机关的案件（默认：全部，含导入的下级机关数据）")
    p.add_argument("--out", required=True, metavar="FILE.xlsx", help="输出的 Excel 文件")
    p.add_argument("--unmasked", action="store_true",
                   help="案件台账显示完整姓名（需机关负责人或系统管理员权限；默认脱敏）")
    p.add_argument("--no-case-list", action="store_true", help="不导出案件台账工作表")
    add_db_arguments(p)
    p.set_defaults(handler=_stats)


def _stats(args: argparse.Namespace) -> int:
    if args.period_to < args.period_from:
        return fail(f"结束日期 {args.period_to} 早于开始日期 {args.period_from}，请重新指定 --from/--to。", EXIT_USAGE)
    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        return fail(f"输出文件“{out}”应以 .xlsx 结尾。", EXIT_USAGE)

    def run() -> int:
        import desktop_app.services.statistics  # noqa: F401 - registers hub.statistics
        from desktop_app.exports.statistics_xlsx import export_statistics_workbook

        hub = open_from_args(args)
        stats = hub.statistics
        masked = not args.unmasked
        report = stats.report(args.period_from, args.period_to, args.office, masked=masked)
        rows = None
        total = 0
        if not args.no_case_list:
            total = stats.count_case_rows(args.period_from, args.period_to, args.office)
            rows = stats.case_rows(args.period_from, args.period_to, args.office, masked=masked)

        def progress(done: int, of: int) -> None:
            if of and sys.stderr.isatty():
                sys.stderr.write(f"\r案件台账 {done}/{of}")

        result = export_statistics_workbook(report, rows, out, progress=progress, total_rows=total)
        emit(f"已导出 {report.office_name} {report.period_label} 统计报表：收到投诉 {report.intake.received} 件，"
             f"受理 {report.acceptance.accepted} 件，办结 {report.handling.decided} 件；"
             f"台账 {result.case_rows_written} 行{'（已脱敏）' if masked else '（未脱敏）'} → {out}", False)
        return EXIT_OK
    return run_guarded(run)
