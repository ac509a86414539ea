"""``rules deadlines`` and ``rules review``: the rules engine from the command line."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from desktop_app.cli.common import EXIT_OK, EXIT_USAGE, add_db_arguments, command, emit, fail, open_from_args, \
    parse_date, run_guarded
from desktop_app.domain.errors import ValidationError
from desktop_app.rules.clocks import compute_case_clocks, deadline_status
from desktop_app.rules.review import FactSheetError, parse_fact_sheet, review


@command("rules")
def register(sub: Any) -> None:
    p = sub.add_parser("rules", help="规则引擎：期限计算、受理审查建议")
    rs = p.add_subparsers(dest="rules_command", metavar="子命令")
    rs.required = True

    d = rs.add_parser("deadlines", help="计算各项期限（含说明和日历标记）")
    d.add_argument("--received", required=True, type=parse_date, help="收到投诉日期 YYYY-MM-DD")
    d.add_argument("--accepted", type=parse_date, help="受理决定日期")
    d.add_argument("--decided", type=parse_date, help="处理决定日期")
    d.add_argument("--extended-to", type=parse_date, help="经批准延长后的办理期限")
    d.add_argument("--rules", default="auto", choices=["auto", "2013", "2025"], help="规则版本（默认按收到日期自动选择）")
    d.add_argument("--json", action="store_true", help="输出 JSON")
    add_db_arguments(d)
    d.set_defaults(handler=_deadlines)

    r = rs.add_parser("review", help="读取投诉事实表 JSON，给出受理审查建议及依据条款")
    r.add_argument("facts", metavar="FACTS.json", help="事实表文件（格式见 resources/rules/FACT_SHEET.md）")
    r.add_argument("--rules", default="auto", choices=["auto", "2013", "2025"])
    r.add_argument("--json", action="store_true", help="输出 JSON")
    add_db_arguments(r)
    r.set_defaults(handler=_review)


def _ruleset(hub: Any, choice: str, received: Any) -> Any:
    return hub.ctx.rule_set_for(received) if choice == "auto" else hub.ctx.rule_set(choice)


def _deadlines(args: argparse.Namespace) -> int:
    def run() -> int:
        hub = open_from_args(args)
        rules = _ruleset(hub, args.rules, args.received)
        cal = hub.ctx.calendar()
        clocks = compute_case_clocks(rules, cal, args.received, accepted=args.accepted, decided=args.decided,
                                     extended_to=args.extended_to)
        today = hub.ctx.clock.today()
        if args.json:
            out = {"rule_set": rules.id, "rule_set_title": rules.title, "time_limits_confirmed": rules.time_limits_confirmed,
                   "today": today, "clocks": []}
            for code, d in clocks.items():
                st = deadline_status(d, today, cal)
                out["clocks"].append(d.to_dict() | {"status": st.status.value, "status_label": st.status.label,
                                                    "working_days_remaining": st.working_days_remaining})
            emit(out, True)
            return EXIT_OK
        lines = [f"规则版本：{rules.title}（{rules.id}）" + ("" if rules.time_limits_confirmed else "  ※时限待核实"),
                 f"今天：{today.isoformat()}"]
        for code, d in clocks.items():
            st = deadline_status(d, today, cal)
            flag = "  ※日历未确认：" + "、".join(f"{y}年" for y in d.unconfirmed_years) if d.unconfirmed_years else ""
            lines.append(f"\n[{code}] {d.label}：{d.due_date.isoformat()}（{st.status.label}）{flag}")
            lines += [f"    {x}" for x in d.explanation]
        emit("\n".join(lines), False)
        return EXIT_OK
    return run_guarded(run)


def _review(args: argparse.Namespace) -> int:
    path = Path(args.facts)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        return fail(f"无法读取事实表文件 {path}：{e.strerror}", EXIT_USAGE)
    except json.JSONDecodeError as e:
        return fail(f"事实表 {path} 不是有效的 JSON（第{e.lineno}行第{e.colno}列：{e.msg}）", EXIT_USAGE)

    def run() -> int:
        try:
            facts = parse_fact_sheet(raw)
        except FactSheetError as e:
            return fail(f"事实表 {path} 有误：{e.message}", EXIT_USAGE)
        hub = open_from_args(args)
        rules = _ruleset(hub, args.rules, facts.received_date)
        try:
            result = review(facts, rules, hub.ctx.calendar())
        except (FactSheetError, ValidationError) as e:
            return fail(f"事实表 {path} 有误：{e.message}", EXIT_USAGE)
        emit(result.to_dict() if args.json else "\n".join(result.lines()), args.json)
        return EXIT_OK
    return run_guarded(run)
