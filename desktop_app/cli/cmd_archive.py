"""``archive check CASE_NO`` / ``archive bind CASE_NO --out FILE.pdf`` — 归档检查与装订卷宗 (Art 19)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop_app.cli.common import (EXIT_ERROR, EXIT_OK, add_db_arguments, command, emit, fail, open_from_args,
                                    run_guarded)
from desktop_app.domain.enums import CaseState, Role
from desktop_app.domain.errors import TransitionRefused
from desktop_app.services.archive import ArchiveCheck
from desktop_app.services.archive_volume import VolumeService
from desktop_app.services.context import Actor
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
    bind.add_argument("--archivist", metavar="USERNAME",
                      help="立卷人（档案管理员）的用户名；本机只有一名档案管理员时可省略")
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
    return getattr(hub, "volume", None) or VolumeService(hub.ctx, hub.actor, hub)


def _archivist(hub: Services, username: str | None) -> Services | None:
    """The archivist who binds the volume (recorded as 立卷人): named, or the only one there is."""
    candidates = hub.admin.users_with_role(Role.ARCHIVIST)
    if username:
        candidates = [u for u in candidates if u.username == username]
        if not candidates:
            fail(f"没有用户名为“{username}”的在职档案管理员。")
            return None
    elif len(candidates) != 1:
        names = "、".join(f"{u.username}（{u.full_name}）" for u in candidates) or "无"
        fail(f"请用 --archivist 指定立卷人（档案管理员）：{names}。")
        return None
    u = candidates[0]
    return hub.as_user(Actor(u.id, u.username, u.full_name, frozenset(u.roles), u.unit_name))


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
            archivist = _archivist(hub, args.archivist)
            if archivist is None:
                return EXIT_ERROR
            try:
                # archive() brings the 登记表 up to date, then checks the list itself.
                archive_no = archivist.archive.archive(ref.id, retention=args.retention)
            except TransitionRefused as e:
                if e.code == "archive_incomplete":
                    missing = e.message.split("缺少：", 1)[-1].rstrip("。").split("；")
                    sys.stderr.write("错误：案卷材料不齐全，不能归档。缺少：\n")
                else:  # e.g. not replied yet: say why, and what the volume still lacks
                    missing = [f"{x.title}：{x.detail}" for x in hub.archive.check(ref.id).missing]
                    sys.stderr.write(f"错误：{e.message}\n" + ("归档检查表尚缺：\n" if missing else ""))
                for item in missing:
                    sys.stderr.write(f"  ✗ {item}\n")
                return EXIT_ERROR
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
