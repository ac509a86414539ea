"""``archive check CASE_NO`` / ``archive bind CASE_NO --out FILE.pdf`` — 归档检查与装订卷宗 (Art 19)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop_app.cli.common import EXIT_ERROR, EXIT_OK, add_db_arguments, command, emit, open_from_args, run_guarded
from desktop_app.domain.enums import CaseState
from desktop_app.services.archive import ArchiveCheck
from desktop_app.services.archive_volume import VolumeService
from desktop_app.services.hub import Services


@command("archive")
def register(sub: Any) -> None:
    p = sub.add_parser("archive", help="归档：检查卷宗材料是否齐全、装订并输出整卷 PDF")
    actions = p.add_subparsers(dest="archive_action", metavar="操作")
    actions.required = True
    check = actions.add_parser("check", help="列出归档检查表（缺什么）")
    check.add_argument("case_no", metavar="CASE_NO", help="案号，如 铁司司援投〔2025〕第0001号")
    add_db_arguments(check)
    check.set_defaults(handler=_check)
    bind = actions.add_parser("bind", help="材料齐全时归档（如尚未归档），并输出整卷 PDF（卷皮、卷内目录、文书、备考表）")
    bind.add_argument("case_no", metavar="CASE_NO", help="案号")
    bind.add_argument("--out", metavar="FILE.pdf", required=True, help="输出的整卷 PDF 文件")
    bind.add_argument("--retention", default="长期", help="保管期限（永久/长期/短期，默认 长期）")
    add_db_arguments(bind)
    bind.set_defaults(handler=_bind)


def checklist_text(check: ArchiveCheck) -> str:
    lines = [f"案件 {check.case_no} 归档检查：" + ("材料齐全，可以归档" if check.complete else
                                                 f"缺少 {len(check.missing)} 项，不能归档")]
    for line in check.lines:
        mark = "✓" if line.present else ("✗" if line.required else "－")
        note = line.detail if line.required or line.present else "本案不需要"
        lines.append(f"  {mark} {line.title}：{note}")
    return "\n".join(lines)


def _volumes(hub: Services) -> VolumeService:
    return getattr(hub, "volumes", None) or VolumeService(hub.ctx, hub.actor, hub)


def _check(args: argparse.Namespace) -> int:
    def run() -> int:
        hub = open_from_args(args)
        ref = hub.registration.find_case(args.case_no)
        check = hub.archive.check(ref.id)
        emit(checklist_text(check), False)
        return EXIT_OK if check.complete else EXIT_ERROR
    return run_guarded(run)


def _bind(args: argparse.Namespace) -> int:
    def run() -> int:
        hub = open_from_args(args)
        ref = hub.registration.find_case(args.case_no)
        if ref.state != CaseState.ARCHIVED:
            check = hub.archive.check(ref.id)
            if not check.complete:
                sys.stderr.write("错误：案卷材料不齐全，不能归档。缺少：\n")
                for line in check.missing:
                    sys.stderr.write(f"  ✗ {line.title}：{line.detail}\n")
                return EXIT_ERROR
            archive_no = hub.archive.archive(ref.id, retention=args.retention)
            emit(f"已归档，档号 {archive_no}", False)
        volume = _volumes(hub).build(ref.id)
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(volume.pdf)
        rows = [f"{seq:>3}  {title}  {doc_no or '—'}  {date.isoformat() if date else ''}  "
                f"第{start}页" + (f"—第{end}页" if end != start else "")
                for seq, title, doc_no, date, start, end in volume.toc]
        emit(f"已输出卷宗 {volume.archive_no}：{len(volume.toc)} 件，卷内 "
             f"{volume.toc[-1][5] if volume.toc else 0} 页（PDF 共 {volume.page_count} 页）→ {out}\n"
             + "\n".join(rows), False)
        return EXIT_OK
    return run_guarded(run)
