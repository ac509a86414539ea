"""Acceptance review (受理审查): a complaint fact sheet in, a recommended decision out.

The fact sheet (schema: ``resources/rules/FACT_SHEET.md``) is parsed strictly by
:func:`parse_fact_sheet`; :func:`review` evaluates every acceptance condition (2013: Art. 8,
A1–A5) and every non-acceptance ground (Art. 9, R9-x; and the office's policy code RP-PHONE),
and recommends 受理 / 不予受理 / 需补正 with the articles and items that decide it. A human
decides; this is the checklist and its reasoning.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any

from desktop_app.domain.enums import Channel, ComplainantRole, Decision, PoaScope
from desktop_app.domain.errors import ValidationError
from desktop_app.rules.calendar import WorkingCalendar
from desktop_app.rules.clocks import Deadline, compute_case_clocks
from desktop_app.rules.ruleset import RuleSet

#: pending_procedure value → non-acceptance reason code (Art. 9(2)).
PENDING_PROCEDURES: dict[str, str | None] = {
    "none": None, "litigation": "R9-2a", "reconsideration": "R9-2b", "other_statutory": "R9-2c",
    "petition": "R9-2d", "discipline": "R9-2e",
}
PHONE_POLICY_REASON = "RP-PHONE"


class FactSheetError(ValidationError):
    """The fact sheet has unknown keys or bad values; ``bad_keys`` lists every one."""

    def __init__(self, problems: Mapping[str, str]):
        self.problems = dict(problems)
        self.bad_keys = list(problems)
        text = "；".join(f"“{key}”：{problem}" for key, problem in problems.items())
        super().__init__(f"投诉事实表有误（{len(problems)}处）：{text}", field=self.bad_keys[0] if problems else None,
                         code="FACT_SHEET")


@dataclasses.dataclass(frozen=True)
class FactSheet:
    """Facts the acceptance decision depends on. ``None`` = not yet known."""

    received_date: dt.date
    channel: Channel
    complainant_role: ComplainantRole | None = None
    anonymous: bool = False
    identity_established: bool | None = None
    signed: bool | None = None
    writing_difficulty: bool | None = None
    agent: bool = False
    poa_submitted: bool | None = None
    poa_scope: tuple[PoaScope, ...] = ()
    respondent_type: str | None = None
    respondent_identified: bool | None = None
    request_stated: bool | None = None
    facts_stated: bool | None = None
    reasons_stated: bool | None = None
    in_jurisdiction: bool | None = None
    competent_organ: str | None = None
    ground: str | None = None
    sub_type: str | None = None
    only_disputes_result: bool = False
    conduct_alleged: bool | None = None
    already_handled: bool = False
    new_evidence: bool = False
    earlier_case: str | None = None
    pending_procedure: str = "none"
    pending_procedure_organ: str | None = None
    not_a_violation: bool = False
    open_duplicate_case: str | None = None
    supplement_sent_date: dt.date | None = None
    review_date: dt.date | None = None
    notes: str | None = None


_REQUIRED = ("received_date", "channel")
_TRI_STATE = {"identity_established", "signed", "writing_difficulty", "poa_submitted", "respondent_identified",
              "request_stated", "facts_stated", "reasons_stated", "in_jurisdiction", "conduct_alleged"}
_FLAGS = {"anonymous", "agent", "only_disputes_result", "already_handled", "new_evidence", "not_a_violation"}
_TEXT = {"respondent_type", "competent_organ", "ground", "sub_type", "earlier_case", "pending_procedure_organ",
         "open_duplicate_case", "notes"}
_DATES = {"received_date", "supplement_sent_date", "review_date"}


def parse_fact_sheet(data: Any) -> FactSheet:
    """Strictly parse a fact sheet (a dict from JSON). Every bad key is reported at once."""
    if not isinstance(data, Mapping):
        raise FactSheetError({"(根)": "应为 JSON 对象"})
    known = {f.name for f in dataclasses.fields(FactSheet)}
    problems: dict[str, str] = {}
    values: dict[str, Any] = {}
    for key in data:
        if key not in known:
            problems[str(key)] = "未知的键（见 resources/rules/FACT_SHEET.md）"
    for key in _REQUIRED:
        if key not in data or data[key] is None:
            problems[key] = "必填"
    for key, value in data.items():
        if key not in known or key in problems:
            continue
        if key in _DATES:
            if value is None:
                continue
            try:
                if not isinstance(value, str):
                    raise ValueError
                values[key] = dt.date.fromisoformat(value)
            except ValueError:
                problems[key] = f"“{value}”不是 YYYY-MM-DD 格式的日期"
        elif key in _TRI_STATE or key in _FLAGS:
            if value is None:
                values[key] = None if key in _TRI_STATE else False
            elif isinstance(value, bool):
                values[key] = value
            else:
                problems[key] = f"应为 true、false{'或 null' if key in _TRI_STATE else ''}，实际为 {value!r}"
        elif key in _TEXT:
            if value is None:
                continue
            if not isinstance(value, str) or not value.strip():
                problems[key] = f"应为非空文本，实际为 {value!r}"
            else:
                values[key] = value.strip()
        elif key == "channel":
            try:
                values[key] = Channel.parse(value) if isinstance(value, str) else _raise()
            except ValueError:
                problems[key] = f"“{value}”无效，可选：{'、'.join(c.value for c in Channel)}"
        elif key == "complainant_role":
            if value is None:
                continue
            try:
                values[key] = ComplainantRole.parse(value) if isinstance(value, str) else _raise()
            except ValueError:
                problems[key] = f"“{value}”无效，可选：{'、'.join(r.value for r in ComplainantRole)}"
        elif key == "poa_scope":
            if value is None:
                continue
            if not isinstance(value, list):
                problems[key] = "应为列表，例如 [\"FILE_COMPLAINT\", \"RECEIVE_DOCUMENTS\"]"
                continue
            scopes = []
            for item in value:
                try:
                    scopes.append(PoaScope.parse(item) if isinstance(item, str) else _raise())
                except ValueError:
                    problems[key] = f"“{item}”无效，可选：{'、'.join(s.value for s in PoaScope)}"
                    break
            values[key] = tuple(scopes)
        elif key == "pending_procedure":
            if value is None:
                continue
            if value not in PENDING_PROCEDURES:
                problems[key] = f"“{value}”无效，可选：{'、'.join(PENDING_PROCEDURES)}"
            else:
                values[key] = value
    if problems:
        raise FactSheetError(problems)
    return FactSheet(**values)


def _raise() -> Any:
    raise ValueError


# --------------------------------------------------------------------------- result

@dataclasses.dataclass(frozen=True)
class Finding:
    """A decisive or supporting finding, with the article and item it rests on."""

    code: str
    article: int | None
    item: int | None
    citation: str
    text: str


@dataclasses.dataclass(frozen=True)
class ConditionCheck:
    code: str
    label: str
    status: str  # "pass" | "fail" | "unknown"
    citation: str
    note: str = ""
    reason_code: str | None = None


@dataclasses.dataclass(frozen=True)
class ReasonCheck:
    code: str
    label: str
    applies: bool | None  # None = cannot tell yet
    citation: str
    note: str = ""


@dataclasses.dataclass(frozen=True)
class ReviewResult:
    ruleset_id: str
    recommendation: Decision
    findings: tuple[Finding, ...]
    conditions: tuple[ConditionCheck, ...]
    reasons: tuple[ReasonCheck, ...]
    supplement_items: tuple[str, ...]
    internal_checks: tuple[str, ...]
    advisories: tuple[str, ...]
    notice_possible: bool
    notices_to: tuple[str, ...]
    clocks: tuple[Deadline, ...]

    @property
    def reason_codes(self) -> tuple[str, ...]:
        return tuple(f.code for f in self.findings if self.recommendation is Decision.NOT_ACCEPT)

    def to_dict(self) -> dict[str, Any]:
        return {
            "ruleset": self.ruleset_id,
            "recommendation": self.recommendation.value,
            "recommendation_label": self.recommendation.label,
            "findings": [dataclasses.asdict(f) for f in self.findings],
            "conditions": [dataclasses.asdict(c) for c in self.conditions],
            "reasons": [dataclasses.asdict(r) for r in self.reasons],
            "supplement_items": list(self.supplement_items),
            "internal_checks": list(self.internal_checks),
            "advisories": list(self.advisories),
            "notice_possible": self.notice_possible,
            "notices_to": list(self.notices_to),
            "clocks": [c.to_dict() for c in self.clocks],
        }

    def lines(self) -> list[str]:
        """Human-readable report (Chinese) for the CLI and printouts."""
        out = [f"规则版本：{self.ruleset_id}", f"审查建议：{self.recommendation.label}"]
        out += [f"  [{f.code}] {f.text}" for f in self.findings]
        out.append("受理条件：")
        mark = {"pass": "符合", "fail": "不符合", "unknown": "待核实"}
        out += [f"  {c.code} {c.label}：{mark[c.status]}{'（' + c.note + '）' if c.note else ''}" for c in self.conditions]
        out.append("不予受理情形：")
        state = {True: "适用", False: "不适用", None: "待核实"}
        out += [f"  {r.code} {r.label}：{state[r.applies]}{'（' + r.note + '）' if r.note else ''}" for r in self.reasons]
        if self.supplement_items:
            out.append("一次性告知补正事项：")
            out += [f"  {i}. {s}" for i, s in enumerate(self.supplement_items, 1)]
        if self.internal_checks:
            out.append("本机关须核实：")
            out += [f"  - {s}" for s in self.internal_checks]
        out += [f"提示：{a}" for a in self.advisories]
        for clock in self.clocks:
            out.append(f"{clock.label}（{clock.clock}）：{clock.due_date.isoformat()}")
        return out


# --------------------------------------------------------------------------- review

def _validate_codes(facts: FactSheet, ruleset: RuleSet) -> None:
    problems: dict[str, str] = {}
    if facts.respondent_type is not None and facts.respondent_type not in ruleset.respondent_types:
        problems["respondent_type"] = (f"“{facts.respondent_type}”不是规则版本 {ruleset.id} 的被投诉人类型，"
                                       f"可选：{'、'.join(ruleset.respondent_types)}")
    if facts.ground is not None and facts.ground not in ruleset.grounds:
        problems["ground"] = f"“{facts.ground}”不是规则版本 {ruleset.id} 的投诉事项，可选：{'、'.join(ruleset.grounds)}"
    if facts.sub_type is not None and facts.sub_type not in ruleset.sub_types:
        problems["sub_type"] = f"“{facts.sub_type}”不是规则版本 {ruleset.id} 的细分类型，可选：{'、'.join(ruleset.sub_types)}"
    if facts.sub_type and facts.ground and facts.sub_type in ruleset.sub_types \
            and ruleset.sub_types[facts.sub_type].ground != facts.ground:
        problems["sub_type"] = (f"细分类型 {facts.sub_type} 属于投诉事项 {ruleset.sub_types[facts.sub_type].ground}，"
                                f"与 ground “{facts.ground}”不一致")
    if problems:
        raise FactSheetError(problems)


def review(facts: FactSheet, ruleset: RuleSet, calendar: WorkingCalendar) -> ReviewResult:
    """Evaluate the acceptance checklist and recommend a decision."""
    _validate_codes(facts, ruleset)
    conds: dict[str, tuple[str, str]] = {}  # code -> (status, note)
    supplement: list[str] = []
    internal: list[str] = []
    advisories: list[str] = []
    ground_code = facts.ground
    if ground_code is None and facts.sub_type is not None:
        ground_code = ruleset.sub_types[facts.sub_type].ground
    respondent = ruleset.respondent_types.get(facts.respondent_type) if facts.respondent_type else None
    channel_spec = ruleset.channels.get(facts.channel.value)
    if channel_spec is None or not channel_spec.allowed:
        advisories.append(f"规则版本 {ruleset.id} 未列明“{facts.channel.label}”渠道，请核实投诉形式")
    if not ruleset.governs(facts.received_date):
        advisories.append(f"收到日期 {facts.received_date.isoformat()} 不在规则版本 {ruleset.id} 的施行期间内")

    # --- form (Art. 6): oral / phone complaints need a signed or thumbprinted record
    signature_missing = bool(channel_spec and channel_spec.needs_signature and facts.signed is not True)
    if signature_missing:
        if facts.channel is Channel.PHONE:
            supplement.append("提交书面投诉（书信、传真或电子邮件），或到本机关（或基层站点）在投诉记录上签字或捺印")
        else:
            supplement.append("投诉人在口头投诉记录上签字或者捺印")
    if (facts.channel is Channel.IN_PERSON_ORAL and ruleset.features.oral_requires_writing_difficulty
            and facts.writing_difficulty is not True):
        advisories.append(f"{ruleset.citation(6)}：书面形式投诉确有困难的方可口头提出，请记录书面投诉困难的原因")

    # --- A1 standing
    if facts.anonymous:
        conds["A1"] = ("fail", "匿名投诉，无法确认投诉人主体资格，亦无法送达通知")
    else:
        notes: list[str] = []
        unknown = False
        if facts.complainant_role is None:
            unknown = True
            supplement.append("投诉人身份（法律援助申请人、受援人或利害关系人）及与法律援助事项的关系")
            notes.append("投诉人身份未明")
        if facts.identity_established is False:
            unknown = True
            supplement.append("投诉人身份证明")
            notes.append("身份未核实")
        if facts.agent and facts.poa_submitted is not True:
            unknown = True
            supplement.append("授权委托书（须载明委托权限）")
            notes.append("代理人未提交授权委托书")
        if signature_missing:
            unknown = True
            notes.append("未签字确认")
        conds["A1"] = ("unknown" if unknown else "pass", "；".join(notes))

    # --- A2 respondent and request
    a2_notes = []
    if respondent is None or facts.respondent_identified is False or facts.respondent_identified is None:
        supplement.append("明确的被投诉人（机构或人员的名称）")
        a2_notes.append("被投诉人不明确")
    if facts.request_stated is not True:
        supplement.append("明确的投诉请求")
        a2_notes.append("投诉请求不明确")
    conds["A2"] = ("unknown" if a2_notes else "pass", "；".join(a2_notes))

    # --- A3 facts and reasons
    a3_notes = []
    if facts.facts_stated is not True:
        supplement.append("具体的投诉事实（时间、经过、涉及的法律援助事项）")
        a3_notes.append("缺少具体事实")
    if facts.reasons_stated is not True:
        supplement.append("投诉理由")
        a3_notes.append("缺少理由")
    conds["A3"] = ("unknown" if a3_notes else "pass", "；".join(a3_notes))

    # --- A4 jurisdiction (decided by the organ, not supplemented by the complainant)
    if facts.in_jurisdiction is False:
        organ = f"，有权处理机关：{facts.competent_organ}" if facts.competent_organ else ""
        conds["A4"] = ("fail", f"所涉法律援助机构不由本机关主管{organ}")
    elif facts.in_jurisdiction is None:
        internal.append("核实受理、指派该法律援助事项的法律援助机构是否由本机关主管")
        conds["A4"] = ("unknown", "管辖待核实")
    else:
        conds["A4"] = ("pass", "")

    # --- A5 scope: respondent type and a ground
    if respondent is not None and not respondent.in_scope:
        conds["A5"] = ("fail", f"被投诉人“{respondent.label}”不属于{ruleset.citation(2) if ruleset.articles_confirmed else '规定'}的被投诉人范围")
    elif ground_code is None:
        internal.append("选定投诉事项（" + "、".join(f"{g.code} {g.label}" for g in ruleset.grounds.values()) + "）")
        conds["A5"] = ("unknown", "未选定投诉事项")
    else:
        conds["A5"] = ("pass", f"{ground_code} {ruleset.grounds[ground_code].label}")

    # --- exclusions (Art. 9)
    applies: dict[str, tuple[bool | None, str]] = {}
    if facts.already_handled and not facts.new_evidence:
        earlier = f"（前案：{facts.earlier_case}）" if facts.earlier_case else ""
        applies["R9-1"] = (True, f"已依法处理且无新的事实和证据{earlier}")
    elif facts.already_handled:
        applies["R9-1"] = (False, "有新的事实或证据，须记录新在何处")
    else:
        applies["R9-1"] = (False, "")
    pending = PENDING_PROCEDURES[facts.pending_procedure]
    for code in ("R9-2a", "R9-2b", "R9-2c", "R9-2d", "R9-2e"):
        if code == pending:
            organ = f"（{facts.pending_procedure_organ}）" if facts.pending_procedure_organ else ""
            applies[code] = (True, f"{ruleset.reason(code).label}{organ}")
            if not facts.pending_procedure_organ:
                internal.append("记录其他程序的机关、日期和案号（第九条第（二）项须载明）")
        else:
            applies[code] = (False, "")
    if facts.only_disputes_result and facts.conduct_alleged is True:
        applies["R9-3"] = (False, "除办理结果外还指称了具体违规行为，不属于仅对结果有异议")
    elif facts.only_disputes_result and facts.conduct_alleged is None:
        applies["R9-3"] = (None, "须询问是否指称具体违规行为")
        supplement.append("除对办理结果有异议外，是否有具体违规行为（如未会见、未阅卷、缺席庭审、收取财物）")
    else:
        applies["R9-3"] = (bool(facts.only_disputes_result), "仅对办理结果有异议，未指称具体违规行为"
                           if facts.only_disputes_result else "")
    applies["R9-4"] = (facts.not_a_violation, "投诉事项不属于违反法律援助管理规定" if facts.not_a_violation else "")

    if facts.open_duplicate_case:
        if ruleset.features.merging_allowed:
            advisories.append(f"与在办案件 {facts.open_duplicate_case} 为同一事项的，可以合并办理")
        else:
            advisories.append(f"与在办案件 {facts.open_duplicate_case} 可能为同一事项；规则版本 {ruleset.id} 未规定合并办理，请交叉关联两案")

    # --- clocks
    clocks = compute_case_clocks(ruleset, calendar, facts.received_date, supplement_sent=facts.supplement_sent_date)
    c1 = clocks["C1"]
    deadline_passed = facts.review_date is not None and facts.review_date >= c1.due_date

    # --- decide
    findings: list[Finding] = []

    def reason_finding(code: str, extra: str = "") -> Finding:
        reason = ruleset.reason(code)
        return Finding(code, reason.article, reason.item, ruleset.citation(reason.article, reason.item),
                       reason.notice_text + (f"（{extra}）" if extra else ""))

    for code, (status, note) in conds.items():
        if status == "fail":
            findings.append(reason_finding(ruleset.condition(code).failure_reason, note))
    for code, (flag, note) in applies.items():
        if flag is True:
            findings.append(reason_finding(code, note if code.startswith("R9-2") else ""))
    unresolved = [code for code, (status, _) in conds.items() if status == "unknown"] + \
        [code for code, (flag, _) in applies.items() if flag is None]
    supplementable_open = [code for code, (status, _) in conds.items()
                           if status == "unknown" and ruleset.condition(code).supplementable]

    if findings:
        recommendation = Decision.NOT_ACCEPT
    elif supplementable_open and deadline_passed:
        recommendation = Decision.NOT_ACCEPT
        for code in supplementable_open:
            note = conds[code][1]
            if code == "A1" and signature_missing:
                findings.append(reason_finding(PHONE_POLICY_REASON, "受理期限届满仍未补正"))
                if note == "未签字确认":
                    continue
            findings.append(reason_finding(ruleset.condition(code).failure_reason, f"{note}，受理期限届满仍未补正"))
    elif unresolved:
        recommendation = Decision.NEEDS_SUPPLEMENT
        if deadline_passed:
            advisories.append(f"受理审查期限已于 {c1.due_date.isoformat()} 届满，请立即核实并作出决定")
    else:
        recommendation = Decision.ACCEPT
    if recommendation is Decision.ACCEPT and ground_code is not None:
        ground = ruleset.grounds[ground_code]
        findings.append(Finding(ground.code, ground.article, ground.item, ruleset.citation(ground.article, ground.item),
                                f"属于{ruleset.citation(ground.article, ground.item)}规定的投诉事项：{ground.label}"))
        first = next(iter(ruleset.acceptance_conditions.values()))
        findings.append(Finding("A1-A5", first.article, None, ruleset.citation(first.article),
                                f"符合{ruleset.citation(first.article)}规定的全部受理条件"))
    if recommendation is Decision.NEEDS_SUPPLEMENT:
        policy = ruleset.features.one_time_supplement_notice
        advisories.append(f"一次性告知补正（{policy.label}）；受理审查期限 {c1.due_date.isoformat()} "
                          + ("不因补正中止" if not ruleset.features.supplement_pauses_acceptance_clock else "补正期间中止"))
    if recommendation is Decision.NOT_ACCEPT and facts.in_jurisdiction is False and facts.competent_organ:
        advisories.append(f"不予受理通知书中告知有权处理机关：{facts.competent_organ}")

    notices_to = () if facts.anonymous else (
        ("投诉人", "代理人") if facts.agent and PoaScope.RECEIVE_DOCUMENTS in facts.poa_scope else ("投诉人",))
    if facts.anonymous:
        advisories.append("匿名投诉无法送达：登记并记录“无法送达”，可作为线索移交本机关监督部门")

    condition_checks = tuple(
        ConditionCheck(code, ruleset.condition(code).label, status,
                       ruleset.citation(ruleset.condition(code).article, ruleset.condition(code).item), note,
                       ruleset.condition(code).failure_reason if status == "fail" else None)
        for code, (status, note) in conds.items())
    reason_checks = tuple(
        ReasonCheck(code, ruleset.reason(code).label, flag,
                    ruleset.citation(ruleset.reason(code).article, ruleset.reason(code).item), note)
        for code, (flag, note) in applies.items())
    return ReviewResult(
        ruleset_id=ruleset.id, recommendation=recommendation, findings=tuple(findings),
        conditions=condition_checks, reasons=reason_checks,
        supplement_items=tuple(dict.fromkeys(supplement)), internal_checks=tuple(dict.fromkeys(internal)),
        advisories=tuple(advisories), notice_possible=not facts.anonymous, notices_to=notices_to,
        clocks=tuple(clocks.values()))


__all__ = ["FactSheet", "FactSheetError", "Finding", "ConditionCheck", "ReasonCheck", "ReviewResult",
           "parse_fact_sheet", "review", "PENDING_PROCEDURES"]
