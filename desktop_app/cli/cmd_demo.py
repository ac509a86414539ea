"""``demo --cases N``: fill a database with realistic demo cases in every state."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop_app.cli.common import EXIT_OK, add_db_arguments, command, fail, open_from_args, run_guarded
from desktop_app.domain.enums import CaseState


@command("demo")
def register(sub: Any) -> None:
    p = sub.add_parser("demo", help="生成演示数据：各种状态的真实感中文投诉案件（批量写入，速度快）")
    p.add_argument("--cases", type=int, required=True, metavar="N", help="生成的案件数，例如 1000 或 1000000")
    p.add_argument("--seed", type=int, default=0, help="随机种子（相同种子生成相同数据，默认 0）")
    p.add_argument("--batch", type=int, default=10_000, help="每批写入的案件数（默认 10000）")
    p.add_argument("--transcript-share", type=float, default=0.25,
                   help="已开始调查的案件中附调查笔录的比例（默认 0.25）")
    p.add_argument("--quiet", action="store_true", help="不显示进度")
    add_db_arguments(p)
    p.set_defaults(handler=_demo)


def _demo(args: argparse.Namespace) -> int:
    def run() -> int:
        if args.cases < 0:
            return fail("--cases 必须是不小于 0 的整数", 2)
        if not 0 <= args.transcript_share <= 1:
            return fail("--transcript-share 应在 0 到 1 之间", 2)
        from desktop_app.services.demo import generate_demo

        hub = open_from_args(args)

        def progress(done: int, total: int) -> None:
            if not args.quiet:
                sys.stderr.write(f"\r已生成 {done:,}/{total:,} 件")
                sys.stderr.flush()

        result = generate_demo(hub, args.cases, seed=args.seed, batch_size=args.batch,
                               transcript_share=args.transcript_share, progress=progress)
        if not args.quiet:
            sys.stderr.write("\n")
        print(f"已生成演示案件 {result.cases:,} 件，用时 {result.seconds:.1f} 秒（{hub.ctx.db.describe()}）")
        for state in CaseState:
            if result.by_state.get(state.value):
                print(f"  {state.label}（{state.value}）：{result.by_state[state.value]:,}")
        print("  演示账号：demo_desk1 / demo_head 等，密码 demo-Password-1")
        return EXIT_OK

    return run_guarded(run)
