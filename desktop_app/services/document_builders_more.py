"""Builders for the investigation, decision, follow-up and archive documents (A7–A23, A21).

Each builder turns the case's records into the plain data its kind prints. A builder dates
its document by the record it is about (the act, the extension, the decision …), so that
printing an unchanged record again gives the same version. Imported at the end of
``document_builders`` so that every kind is registered whenever builders are.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.documents import models as d
from desktop_app.domain import models as m
from desktop_app.domain.enums import (Channel, ComplainantRole, ExtensionStatus, IntervieweeRole,
                                      InvestigationActKind, SupervisionStatus)
from desktop_app.domain.errors import NotFound, ValidationError
from desktop_app.rules.ruleset import ReasonCategory
from desktop_app.services.cases import live
from desktop_app.services.document_builders import (BuildRequest, addressee_text, base_fields, builder,
                                                    contact, office_profile, user_name)

STATUTE_SHORT = "《法律援助投诉处理办法》"
TRANSFER_LABELS = {
    "PENALTY": "移送有权机关给予行政处罚", "INDUSTRY_DISCIPLINE": "移送行业协会给予行业惩戒",
    "DISCIPLINE": "移送有权机关、单位给予纪律处分", "CRIME": "涉嫌犯罪，移送司法机关依法追究刑事责任",
}
TRANSFER_REASONS = {
    "PENALTY": "被投诉人的行为依法应当给予行政处罚",
    "INDUSTRY_DISCIPLINE": "被投诉人的行为应当给予行业惩戒",
    "DISCIPLINE": "被投诉人的行为应当给予纪律处分",
    "CRIME": "被投诉人的行为涉嫌犯罪，应当依法追究刑事责任",
}
EVENT_LABELS = {
    "RECONSIDERATION_RESULT": "行政复议结果", "LITIGATION_RESULT": "行政诉讼结果",
    "UPPER_CORRECTION": "上级纠正", "REOPEN": "重新办理", "FOLLOW_UP": "回访", "NOTE": "备注",
}


# --------------------------------------------------------------------------- helpers


def _label(enum: Any, code: str) -> str:
    try:
        return enum(code).label
    except ValueError:
        return code


def _case_record(req: BuildRequest, model: type, what: str) -> Any:
    row = req.session.get(model, req.subject_id) if req.subject_id else None
    if row is None or getattr(row, "complaint_id", None) != req.complaint.id:
        raise NotFound(f"找不到本案的{what}，请先选择{what}。")
    return row


def _act(req: BuildRequest, kind: InvestigationActKind) -> m.InvestigationAct:
    act = _case_record(req, m.InvestigationAct, kind.label + "记录")
    if act.kind != kind.value:
        raise ValidationError(f"所选调查活动是“{_label(InvestigationActKind, act.kind)}”，"
                              f"不能生成“{kind.label}”文书。", field="subject_id")
    return act


def _names(s: Session, user_ids: list[int]) -> tuple[str, ...]:
    return tuple(n for n in (user_name(s, uid) for uid in user_ids) if n)


def _act_team(s: Session, act: m.InvestigationAct) -> tuple[str, ...]:
    return _names(s, [x.user_id for x in act.investigators])


def _respondent_label(req: BuildRequest, r: m.Respondent) -> str:
    rules = req.rules
    kind = rules.respondent_types[r.type_code].label if r.type_code in rules.respondent_types else ""
    return f"{kind} {r.name}".strip() + (f"（{r.unit_name}）" if r.unit_name and r.unit_name != r.name else "")


def _respondent_for_act(req: BuildRequest, act: m.InvestigationAct) -> str:
    """Whom an act is addressed to: an explicit respondent, the counterpart, or the first respondent."""
    rid = (act.details or {}).get("respondent_id")
    people = live(list(req.complaint.respondents))
    if rid is not None:
        for r in people:
            if r.id == rid:
                return r.name
    if act.counterpart:
        return act.counterpart
    return people[0].name if people else "被投诉人"


def _allegations(req: BuildRequest) -> tuple[str, ...]:
    """What was complained of, in the words of the rule set: no personal data of anybody."""
    c, rules = req.complaint, req.rules
    out = []
    if c.ground_code in rules.grounds:
        g = rules.grounds[c.ground_code]
        out.append(g.label + (f"（{rules.citation(g.article, g.item).replace(STATUTE_SHORT, '')}）"
                              if g.article else ""))
    out += [rules.sub_types[code].label for code in c.subtype_codes or [] if code in rules.sub_types]
    return tuple(out) or ("在法律援助活动中存在违法违规行为",)


def _complaint_subject(req: BuildRequest) -> str:
    """"对律师李明收取财物问题的投诉" — respondent and matter only."""
    who = "、".join(r.name for r in live(list(req.complaint.respondents))) or "被投诉人"
    rules = req.rules
    ground = rules.grounds[req.complaint.ground_code].label if req.complaint.ground_code in rules.grounds else ""
    return f"对{who}" + (f"“{ground}”问题的投诉" if ground else "在法律援助活动中存在违法违规行为的投诉")


def _complainant_names(c: m.Complaint) -> str:
    names = [p.name for p in live(list(c.complainants))]
    return "、".join(names) if names else "（匿名）"


def _outcome_labels(req: BuildRequest, codes: list[str]) -> list[str]:
    rules = req.rules
    return [rules.outcomes[x].label if x in rules.outcomes else x for x in codes]


def _outcome_basis(req: BuildRequest, codes: list[str]) -> list[str]:
    rules = req.rules
    out: list[str] = []
    for code in codes:
        o = rules.outcomes.get(code)
        if o is not None and o.article:
            cit = rules.citation(o.article, o.item)
            if cit not in out:
                out.append(cit)
    return out


def _transfers_of(row: m.HandlingDecision) -> list[dict[str, Any]]:
    for ref in row.evidence_refs or []:
        if isinstance(ref, dict) and "transfers" in ref:
            return list(ref["transfers"])
    return []


def _transfer_text(t: dict[str, Any] | m.Transfer) -> str:
    kind = t["kind"] if isinstance(t, dict) else t.kind
    organ = t["target_organ"] if isinstance(t, dict) else t.target_organ
    return f"{TRANSFER_LABELS.get(kind, kind)}：{organ}"


def _measures(row: m.HandlingDecision) -> tuple[str, ...]:
    out = [line.strip() for line in (row.measures or "").splitlines() if line.strip()]
    if row.rectification_due is not None:
        due = f"{row.rectification_due.year}年{row.rectification_due.month}月{row.rectification_due.day}日"
        out.append(f"于{due}前整改完毕，并向本机关书面报告整改情况")
    return tuple(out)


def _live_decisions(s: Session, case_id: int) -> list[m.HandlingDecision]:
    return list(s.scalars(select(m.HandlingDecision).where(
        m.HandlingDecision.complaint_id == case_id, m.HandlingDecision.retired_at.is_(None))
        .order_by(m.HandlingDecision.id)))


def _case_evidence(s: Session, case_id: int) -> tuple[str, ...]:
    """Signed transcripts and evidence items of the case, as the decision cites them."""
    out = []
    for t in s.scalars(select(m.Transcript).where(m.Transcript.complaint_id == case_id,
                                                  m.Transcript.status == "FROZEN").order_by(m.Transcript.id)):
        when = (t.started_at or t.created_at).date()
        out.append(f"{t.title}（被调查人：{t.interviewee_name}，{when.year}年{when.month}月{when.day}日，"
                   f"共{t.page_count}页，已签认）")
    for e in s.scalars(select(m.EvidenceItem).where(m.EvidenceItem.complaint_id == case_id,
                                                    m.EvidenceItem.retired_at.is_(None)).order_by(m.EvidenceItem.id)):
        out.append(e.description + (f"（{e.source}提供）" if e.source else ""))
    return tuple(out)


def _evidence_for(s: Session, row: m.HandlingDecision) -> tuple[str, ...]:
    cited = tuple(str(x) for x in row.evidence_refs or [] if isinstance(x, str) and x.strip())
    return cited or _case_evidence(s, row.complaint_id)


def _respondent(s: Session, respondent_id: int) -> m.Respondent:
    r = s.get(m.Respondent, respondent_id)
    if r is None:
        raise NotFound("找不到该被投诉人。")
    return r


def _latest_event(s: Session, case_id: int, kind: str) -> m.CaseEvent | None:
    return s.scalars(select(m.CaseEvent).where(m.CaseEvent.complaint_id == case_id, m.CaseEvent.kind == kind)
                     .order_by(m.CaseEvent.id.desc()).limit(1)).first()


# --------------------------------------------------------------------------- A7 A11 A13 A15 A16 A17


@builder("explanation_request", "investigation_act")
def build_explanation_request(req: BuildRequest) -> d.ExplanationRequestData:
    """说明情况、提交材料通知书: quotes the allegations only, never the complainant's particulars."""
    act = _act(req, InvestigationActKind.EXPLANATION_REQUEST)
    details = act.details or {}
    if act.due_date is None:
        raise ValidationError("说明情况通知须有答复期限。", field="due_date")
    return d.ExplanationRequestData(
        **base_fields(req, act.occurred_on), addressee=_respondent_for_act(req, act),
        allegations=tuple(details.get("allegations") or _allegations(req)),
        questions=tuple(details.get("questions") or ([act.summary] if act.summary else [])),
        materials=tuple(details.get("materials") or ()), reply_deadline=act.due_date, contact=contact(req))


@builder("stop_order", "investigation_act")
def build_stop_order(req: BuildRequest) -> d.StopOrderData:
    """责令停止违法违规行为通知书 (Art 13)."""
    act = _act(req, InvestigationActKind.STOP_ORDER)
    details = act.details or {}
    conduct = str(details.get("conduct") or act.summary).strip()
    if not conduct:
        raise ValidationError("请写明仍处在连续或者继续状态的违法违规行为。", field="summary")
    return d.StopOrderData(
        **base_fields(req, act.occurred_on), addressee=_respondent_for_act(req, act), conduct=conduct,
        legal_basis=str(details.get("legal_basis") or "法律援助管理的有关规定"), check_on=act.due_date,
        contact=contact(req))


@builder("extension_notice", "extension")
def build_extension_notice(req: BuildRequest) -> d.ExtensionNoticeData:
    """延长办理期限告知书 (Art 15 ¶2): only for an approved extension."""
    ext = _case_record(req, m.Extension, "延期申请")
    if ext.status != ExtensionStatus.APPROVED:
        raise ValidationError("延期申请尚未经机关负责人批准，不能发出延长办理期限告知书。", field="subject_id")
    c = req.complaint
    if c.accepted_on is None:
        raise ValidationError("案件尚未受理。")
    return d.ExtensionNoticeData(
        **base_fields(req, ext.decided_at.date() if ext.decided_at else None), addressee=addressee_text(c),
        accepted_on=c.accepted_on, original_deadline=ext.previous_due, new_deadline=ext.new_due,
        reason=ext.reason, contact=contact(req))


@builder("handling_decision", "handling_decision")
def build_handling_decision(req: BuildRequest) -> d.HandlingDecisionData:
    """处理决定书 for one respondent (Art 14), dated by the head's decision."""
    row = _case_record(req, m.HandlingDecision, "处理意见")
    s = req.session
    respondent = _respondent(s, row.respondent_id)
    labels = _outcome_labels(req, list(row.outcome_codes))
    basis = "；".join(x for x in (row.basis.strip(), "、".join(_outcome_basis(req, list(row.outcome_codes))))
                     if x)
    transfers = [_transfer_text(t) for t in _transfers_of(row)]
    return d.HandlingDecisionData(
        **base_fields(req, req.complaint.handling_decided_on or row.proposed_at.date()),
        addressee=respondent.name, facts=row.facts_found or "（未填写）", evidence=_evidence_for(s, row),
        basis=basis, outcome="、".join(labels) + "。", measures=_measures(row), transfers=tuple(transfers))


@builder("transfer_letter", "transfer")
def build_transfer_letter(req: BuildRequest) -> d.TransferLetterData:
    """移送函 (Art 14): what, why, the evidence sent along, and the request for feedback."""
    tr = _case_record(req, m.Transfer, "移送记录")
    s = req.session
    row = s.get(m.HandlingDecision, tr.decision_id) if tr.decision_id else None
    summary = ""
    if row is not None:
        respondent = _respondent(s, row.respondent_id)
        summary = f"{_respondent_label(req, respondent)}，{row.facts_found}".rstrip("，")
    return d.TransferLetterData(
        **base_fields(req, tr.sent_on or tr.created_at.date()), receiving_organ=tr.target_organ,
        summary=summary or _complaint_subject(req), reason=tr.reason or TRANSFER_REASONS.get(tr.kind, tr.kind),
        evidence=tuple(f"{x}（复印件）" for x in (_evidence_for(s, row) if row else _case_evidence(s, req.complaint.id))),
        contact=contact(req))


@builder("reply")
def build_reply(req: BuildRequest) -> d.ReplyData:
    """答复书 (Art 16–17). A 利害关系人 learns the outcome, not the aid recipient's particulars (T10)."""
    c, s = req.complaint, req.session
    if c.handling_decided_on is None or c.accepted_on is None:
        raise ValidationError("尚未作出处理决定，不能制作答复书。")
    rows = _live_decisions(s, c.id)
    if not rows:
        raise ValidationError("没有处理决定，不能制作答复书。")
    interested_party = any(p.role == ComplainantRole.INTERESTED_PARTY.value for p in live(list(c.complainants)))
    outcomes, findings, bases = [], [], []
    for row in rows:
        r = _respondent(s, row.respondent_id)
        labels = _outcome_labels(req, list(row.outcome_codes))
        outcomes.append(f"对{r.name}：{'、'.join(labels)}")
        for t in _transfers_of(row):
            outcomes.append(f"对{r.name}的有关问题，本机关已{TRANSFER_LABELS.get(t['kind'], '移送')}"
                            f"（{t['target_organ']}）依法处理")
        if row.facts_found and not interested_party:
            findings.append(row.facts_found.strip().rstrip("。"))
        bases += [b for b in _outcome_basis(req, list(row.outcome_codes)) if b not in bases]
    team = _latest_event(s, c.id, "TEAM_ASSIGNED")
    summary = req.options.get("investigation_summary") or (
        "本机关受理后依法组成调查组" + (f"（{team.note}）" if team and team.note else "")
        + "进行了调查核实，" + ("；".join(findings) if findings else "现已调查终结") + "。")
    return d.ReplyData(
        **base_fields(req, c.handling_decided_on), addressee=addressee_text(c), received_on=c.received_date,
        accepted_on=c.accepted_on, complaint_summary=_complaint_subject(req), investigation_summary=summary,
        outcome="；".join(outcomes) + "。", basis="、".join(bases), contact=contact(req))


# --------------------------------------------------------------------------- A12 A14 A8 A9 A10


@builder("extension_approval", "extension")
def build_extension_approval(req: BuildRequest) -> d.ExtensionApprovalData:
    """延长办理期限审批表 (Art 15): the request and the head's decision."""
    ext = _case_record(req, m.Extension, "延期申请")
    c, s = req.complaint, req.session
    if c.accepted_on is None:
        raise ValidationError("案件尚未受理。")
    decision = {ExtensionStatus.APPROVED.value: "同意", ExtensionStatus.REJECTED.value: "不同意"}.get(ext.status, "")
    return d.ExtensionApprovalData(
        **base_fields(req, ext.requested_at.date()), complainant=_complainant_names(c),
        respondents="、".join(_respondent_label(req, r) for r in live(list(c.respondents))),
        accepted_on=c.accepted_on, original_deadline=ext.previous_due, requested_deadline=ext.new_due,
        reason=ext.reason, requester=user_name(s, ext.requested_by_id), requested_on=ext.requested_at.date(),
        after_deadline=ext.after_deadline, decision=decision, approver=user_name(s, ext.approved_by_id),
        decision_note=ext.decision_note, decided_on=ext.decided_at.date() if ext.decided_at else None)


@builder("investigation_report")
def build_investigation_report(req: BuildRequest) -> d.InvestigationReportData:
    """调查报告 / 拟处理意见 (A14) from the current proposal rows and the team's report note."""
    c, s = req.complaint, req.session
    rows = _live_decisions(s, c.id)
    if not rows:
        raise ValidationError("尚未提出拟处理意见，不能生成调查报告。")
    team = _latest_event(s, c.id, "TEAM_ASSIGNED")
    team_ids = list((team.data or {}).get("user_ids", [])) if team else []
    acts = list(s.scalars(select(m.InvestigationAct).where(
        m.InvestigationAct.complaint_id == c.id, m.InvestigationAct.retired_at.is_(None))
        .order_by(m.InvestigationAct.occurred_on, m.InvestigationAct.id)))
    transcripts = list(s.scalars(select(m.Transcript).where(m.Transcript.complaint_id == c.id)
                                 .order_by(m.Transcript.id)))
    if not team_ids:
        team_ids = list(dict.fromkeys([x.user_id for a in acts for x in a.investigators]
                                      + [x.user_id for t in transcripts for x in t.investigators]))
    steps: list[tuple[dt.date, str]] = []
    explanations: dict[str, list[str]] = {}
    for a in acts:
        label = _label(InvestigationActKind, a.kind)
        text = f"{_fmt(a.occurred_on)} {label}：{a.counterpart or a.title}"
        note = (a.details or {}).get("completion_note", "")
        if a.completed_on:
            text += f"（{_fmt(a.completed_on)}完成{('：' + note) if note else ''}）"
        steps.append((a.occurred_on, text))
        if a.kind == InvestigationActKind.EXPLANATION_REQUEST and note:
            explanations.setdefault(_respondent_for_act(req, a), []).append(note)
    for t in transcripts:
        when = (t.started_at or t.created_at).date()
        status = {"FROZEN": "已签认", "PRINTED": "待签认"}.get(t.status, "草稿")
        steps.append((when, f"{_fmt(when)} {t.title}：{t.interviewee_name}"
                            f"（{_label(IntervieweeRole, t.interviewee_role)}，{status}）"))
    steps.sort(key=lambda x: x[0])
    findings = []
    for row in rows:
        r = _respondent(s, row.respondent_id)
        findings.append(d.RespondentFinding(
            respondent=_respondent_label(req, r), facts=row.facts_found, evidence=_evidence_for(s, row),
            explanation="；".join(explanations.get(r.name, [])), basis=row.basis,
            proposed_outcome="、".join(_outcome_labels(req, list(row.outcome_codes))),
            measures=_measures(row), transfers=tuple(_transfer_text(t) for t in _transfers_of(row))))
    report = _latest_event(s, c.id, "INVESTIGATION_REPORT")
    proposed_on = rows[0].proposed_at.date()
    return d.InvestigationReportData(
        **base_fields(req, proposed_on), complainant=_complainant_names(c), accepted_on=c.accepted_on,
        allegations=_allegations(req), investigators=_names(s, team_ids), process=tuple(x for _, x in steps),
        findings=tuple(findings), report=report.note if report else "", proposed_on=proposed_on)


def _fmt(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


@builder("file_callup", "investigation_act")
def build_file_callup(req: BuildRequest) -> d.FileCallupData:
    """调阅案卷档案登记表 (A8): what, from whom, original or copy, out / due / returned."""
    act = _act(req, InvestigationActKind.FILE_CALLUP)
    details = act.details or {}
    files = [d.CalledFile(reference=str(f.get("reference", "")), title=str(f.get("title", "")),
                          original=bool(f.get("original")), pages=f.get("pages"))
             for f in details.get("files") or []]
    if not files:
        files = [d.CalledFile(reference=str(details.get("file_ref", "")), title=str(details.get("file_title", "")),
                              original=bool(details.get("original")), pages=details.get("pages"))]
    return d.FileCallupData(
        **base_fields(req, act.occurred_on), from_whom=str(details.get("from_whom") or act.counterpart),
        files=tuple(files), investigators=_act_team(req.session, act), out_on=act.occurred_on,
        due_on=act.due_date, returned_on=act.completed_on, aid_case_open=req.complaint.aid_case_open,
        non_obstruction_note=str(details.get("non_obstruction_note", "")), purpose=act.summary)


@builder("evidence_list")
def build_evidence_list(req: BuildRequest) -> d.EvidenceListData:
    """证据材料清单 (A9): every evidence item of the case, with who collected it."""
    s, c = req.session, req.complaint
    items = list(s.scalars(select(m.EvidenceItem).where(m.EvidenceItem.complaint_id == c.id,
                                                        m.EvidenceItem.retired_at.is_(None))
                           .order_by(m.EvidenceItem.id)))
    if not items:
        raise ValidationError("本案尚未登记证据材料。")
    rows = []
    for e in items:
        method, collectors = "", ""
        if e.act_id:
            act = s.get(m.InvestigationAct, e.act_id)
            if act is not None:
                method, collectors = _label(InvestigationActKind, act.kind), "、".join(_act_team(s, act))
        elif e.transcript_id:
            t = s.get(m.Transcript, e.transcript_id)
            if t is not None:
                method = f"{t.title}附件"
                collectors = "、".join(_names(s, [x.user_id for x in t.investigators]))
        rows.append(d.EvidenceRow(description=e.description, source=e.source, method=method,
                                  collected_on=e.collected_on, pages=e.pages, original=e.is_original,
                                  collectors=collectors or user_name(s, e.created_by_id)))
    last = max((e.collected_on or e.created_at.date()) for e in items)
    return d.EvidenceListData(**base_fields(req, last), items=tuple(rows))


@builder("department_opinion", "investigation_act")
def build_department_opinion(req: BuildRequest) -> d.DepartmentOpinionData:
    """听取有关部门意见和建议记录 (A10)."""
    act = _act(req, InvestigationActKind.DEPARTMENT_OPINION)
    details = act.details or {}
    return d.DepartmentOpinionData(
        **base_fields(req, act.occurred_on), department=str(details.get("department") or act.counterpart),
        person=str(details.get("person", "")), heard_on=act.occurred_on, place=act.place,
        investigators=_act_team(req.session, act), subject=str(details.get("subject") or act.title),
        opinion=str(details.get("opinion") or act.summary),
        attachments=tuple(details.get("attachments") or ()))


# --------------------------------------------------------------------------- A19 A22 A23 A21


@builder("supervision_record", "supervision_task")
def build_supervision_record(req: BuildRequest) -> d.SupervisionRecordData:
    """处理决定执行监督记录 (Art 18)."""
    task = _case_record(req, m.SupervisionTask, "执行监督任务")
    s = req.session
    row = s.get(m.HandlingDecision, task.decision_id) if task.decision_id else None
    respondent = _respondent(s, row.respondent_id).name if row else "、".join(
        r.name for r in live(list(req.complaint.respondents)))
    decision_doc = s.scalars(select(m.Document).where(
        m.Document.complaint_id == req.complaint.id, m.Document.kind == "handling_decision",
        m.Document.subject_id == task.decision_id).order_by(m.Document.id.desc()).limit(1)).first() \
        if task.decision_id else None
    decided = req.complaint.handling_decided_on
    ref = decision_doc.doc_no if decision_doc and decision_doc.doc_no else (
        f"{_fmt(decided)}作出的处理决定" if decided else "处理决定")
    result = _label(SupervisionStatus, task.status) if task.verified_on else ""
    return d.SupervisionRecordData(
        **base_fields(req, task.verified_on or task.report_received_on or task.created_at.date()),
        respondent=respondent, decision_ref=ref, measure=task.measure, due_on=task.due_date,
        report_received_on=task.report_received_on, report_note=task.report_note, verified_on=task.verified_on,
        verifier=user_name(s, task.verified_by_id), result=result, verification_note=task.verification_note,
        corrective_action=str(req.options.get("corrective_action", "")))


@builder("withdrawal_record", "case_event")
def build_withdrawal_record(req: BuildRequest) -> d.WithdrawalRecordData:
    """撤回投诉记录 (A22): the given WITHDRAWAL event, or the latest one."""
    s, c = req.session, req.complaint
    ev = s.get(m.CaseEvent, req.subject_id) if req.subject_id else _latest_event(s, c.id, "WITHDRAWAL")
    if ev is None or ev.complaint_id != c.id or ev.kind != "WITHDRAWAL":
        raise NotFound("本案没有撤回投诉的记录。")
    data = ev.data or {}
    return d.WithdrawalRecordData(
        **base_fields(req, ev.occurred_on), complainant=_complainant_names(c), withdrawn_on=ev.occurred_on,
        reason=ev.note, signed=bool(data.get("signed")),
        decision="终止办理" if ev.result == "TERMINATE" else "继续办理", head=user_name(s, ev.created_by_id),
        head_note=str(data.get("head_note", "")), decided_on=ev.occurred_on)


@builder("reconsideration_record", "case_event")
def build_reconsideration_record(req: BuildRequest) -> d.ReconsiderationRecordData:
    """复议/诉讼结果、上级纠正、重新办理记录 (A23)."""
    ev = _case_record(req, m.CaseEvent, "后续事项记录")
    if ev.kind not in ("RECONSIDERATION_RESULT", "LITIGATION_RESULT", "UPPER_CORRECTION", "REOPEN"):
        raise ValidationError("所选事项不是行政复议、行政诉讼、上级纠正或重新办理记录。", field="subject_id")
    data = ev.data or {}
    return d.ReconsiderationRecordData(
        **base_fields(req, ev.occurred_on), event=EVENT_LABELS.get(ev.kind, ev.kind), organ=ev.organ,
        reference_no=ev.reference_no, occurred_on=ev.occurred_on, result=ev.result,
        instruction=str(data.get("instruction") or ev.note), action_taken=str(data.get("action_taken", "")))


POSTER_CHANNELS = (Channel.LETTER, Channel.FAX, Channel.EMAIL, Channel.IN_PERSON_WRITTEN,
                   Channel.IN_PERSON_ORAL, Channel.PHONE, Channel.ONLINE)


def public_notice_data(ctx: Any, office: m.Office, on: dt.date, reception_hours: str = "") -> d.PublicNoticeData:
    """公示 (Art 4) from the office profile and the rule set in force on ``on``: no case data."""
    rules = ctx.rule_set_for(on)

    def cit(article: int | None, item: int | None) -> str:
        return rules.citation(article, item).replace(f"《{rules.title}》", "") if article else ""

    scope = tuple(d.NoticeItem(text=g.label, citation=cit(g.article, g.item)) for g in rules.grounds.values())
    refused: list[d.NoticeItem] = []
    seen: set[tuple[int | None, int | None]] = set()
    for r in rules.non_acceptance_reasons.values():
        if r.category is not ReasonCategory.ART9 or (r.article, r.item) in seen:
            continue
        seen.add((r.article, r.item))
        # The statute's own wording of the item where the rule set has it (R9-2a…e are one item).
        article = rules.articles.get(str(r.article)) if r.article else None
        text = article.items[r.item - 1].rstrip("；。") if article and r.item and r.item <= len(article.items) \
            else r.label
        refused.append(d.NoticeItem(text=text, citation=cit(r.article, r.item)))
    channels = tuple(ch.label for ch in POSTER_CHANNELS
                     if ch.value in rules.channels and rules.channels[ch.value].allowed)
    limits = []
    for code, text in (("C1", "收到投诉之日起{n}{u}内作出是否受理的决定，并书面通知投诉人"),
                       ("C2", "受理之日起{n}{u}内办结；投诉事项复杂的，经本机关负责人批准可以适当延长，并书面告知理由"),
                       ("C3", "作出处理决定之日起{n}{u}内向投诉人发送《法律援助投诉处理答复书》")):
        clock = rules.clocks.get(code)
        if clock is not None and clock.length:
            limits.append(text.format(n=clock.length, u=clock.unit.label)
                          + (f"（{cit(clock.article, clock.item)}）" if clock.article else ""))
    procedure = (
        "投诉应当采取书信、传真或者电子邮件等书面形式；书面投诉确有困难的，可以口头提出，由工作人员当场记录，"
        "投诉人核对后签字或者捺印。投诉人应当如实投诉，对所提供材料的真实性负责。",
        "委托他人投诉的，应当提交载明委托权限的授权委托书。",
        "本机关收到投诉后填写《法律援助投诉登记表》，经审查决定受理或者不予受理，并书面通知投诉人。",
        "受理后由两名以上工作人员调查核实，制作调查笔录；调查不妨碍被投诉人正常的法律援助活动。",
        "根据调查结果依法作出处理决定，并向投诉人发送《法律援助投诉处理答复书》。",
        "投诉人对答复不服的，可以依法申请行政复议或者提起行政诉讼。",
    )
    return d.PublicNoticeData(
        office=office_profile(office), case_no="", issued_on=on, statute=f"《{rules.title}》",
        supervision_phone=office.supervision_phone, reception_hours=reception_hours,
        complainants=tuple(r.label for r in rules.complainant_roles.values()),
        respondents=tuple(t.label for t in rules.respondent_types.values() if t.in_scope),
        scope=scope, channels=channels, procedure=procedure, time_limits=tuple(limits), not_accepted=tuple(refused))


@builder("public_notice")
def build_public_notice(req: BuildRequest) -> d.PublicNoticeData:
    """公示 poster: takes a case only because every printed document belongs to one; prints office data."""
    on = req.issued_on or req.ctx.clock.today()
    return public_notice_data(req.ctx, req.complaint.office, on, str(req.options.get("reception_hours", "")))
