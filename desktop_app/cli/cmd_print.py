"""``print CASE_NO KIND --out FILE.pdf`` — batch printing of any statutory document."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop_app.cli.common import EXIT_OK, EXIT_USAGE, add_db_arguments, command, emit, fail, open_from_args, \
    run_guarded
from desktop_app.services.documents import printable_kinds


@command("print")
def register(sub: Any) -> None:
    p = sub.add_parser("print", help="打印（生成 PDF）案件文书；--list 列出文书类型")
    p.add_argument("case_no", nargs="?", metavar="CASE_NO", help="案号，如 铁司司援投〔2025〕第0001号")
    p.add_argument("kind", nargs="?", metavar="KIND", help="文书类型代码，见 --list")
    p.add_argument("--out", metavar="FILE.pdf", help="输出 PDF 文件")
    p.add_argument("--list", action="store_true", help="列出可打印的文书类型")
    p.add_argument("--subject", type=int, help="文书所针对的记录编号（如笔录、送达的文书）")
    p.add_argument("--blank", action="store_true", help="空白模板（授权委托书）")
    add_db_arguments(p)
    p.set_defaults(handler=_print)


def _print(args: argparse.Namespace) -> int:
    if args.list:
        emit("\n".join(f"{k:24s} {title}" for k, title in printable_kinds()), False)
        return EXIT_OK
    if not (args.case_no and args.kind and args.out):
        return fail("用法：print CASE_NO KIND --out FILE.pdf（用 print --list 查看文书类型）", EXIT_USAGE)

    def run() -> int:
        hub = open_from_args(args)
        ref = hub.registration.find_case(args.case_no)
        subject = args.subject
        if subject is None and args.kind == "transcript":
            views = hub.investigation.list_transcripts(ref.id)
            if not views:
                return fail(f"案件 {ref.case_no} 没有调查笔录。")
            subject = views[-1].id
        if subject is None and args.kind == "supplement_notice":
            from desktop_app.domain import models as m
            from sqlalchemy import select
            with hub.ctx.db.session() as s:
                subject = s.scalars(select(m.SupplementRequest.id).where(
                    m.SupplementRequest.complaint_id == ref.id).order_by(m.SupplementRequest.id.desc())).first()
        doc = hub.documents.generate(ref.id, args.kind, subject_id=subject,
                                     options={"blank": True} if args.blank else None)
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(doc.pdf)
        emit(f"已生成 {doc.title}（{doc.doc_no or '无文号'}，第{doc.page_count}页，版本 {doc.version_hash[:12]}）→ {out}", False)
        return EXIT_OK
    return run_guarded(run)
