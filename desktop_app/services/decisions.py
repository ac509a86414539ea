"""处理 (Art 14, 16–18): decisions per respondent, transfers, reply, supervision; withdrawal, reopening."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain import models as m
from desktop_app.domain.enums import CaseState, Role, SupervisionStatus
from desktop_app.domain.errors import NotFound, TransitionRefused, ValidationError
from desktop_app.rules import lifecycle
from desktop_app.services.base import ServiceBase
from desktop_app.services.cases import diff, live, load_case, refresh_derived, snapshot
from desktop_app.services.documents import issue_document
from desktop_app.services.dto import CaseRef, GeneratedDocument
from desktop_app.services.review import check_recusal

TRANSFER_KINDS = {
    "PENALTY": "移送行政处罚", "INDUSTRY_DISCIPLINE": "移送行业惩戒", "DISCIPLINE": "移送纪律处分",
    "CRIME": "涉嫌犯罪移送司法机关",
}
# Outcome code → transfer kind it implies (the rest are handled by the organ itself).
OUTCOME_TRANSFER = {"O1b": "PENALTY", "O1c": "INDUSTRY_DISCIPLINE", "OX": "CRIME"}


@dataclass
class TransferInput:
    kind: str = "INDUSTRY_DISCIPLINE"
    target_organ: str = ""
    target_type: str = ""
    reason: str = ""


@dataclass
class RespondentOutcomeInput:
    """处理意见 for one respondent."""

    respondent_id: int
    outcome_codes: list[str] = field(default_factory=list)
    minor: bool = False
    promptly_corrected: bool = False
    no_harm: bool = False
    facts_found: str = ""
    basis: str = ""
    measures: str = ""
    rectification_due: dt.date | None = None
    transfers: list[TransferInput] = field(default_factory=list)
    evidence_refs: list[str] = field(default_factory=list)


class DecisionService(ServiceBase):
    # ------------------------------------------------------------------ T10 proposal

    def propose(self, case_id: int, outcomes: list[RespondentOutcomeInput], report: str = "") -> CaseRef:
        """T10: the team proposes an outcome per respondent (拟处理意见)."""
        self.actor.require(Role.INVESTIGATOR, Role.HEAD, action="提出拟处理意见")
        with self.uow() as uow:
            s = uow.session
            c = load_case(s, case_id)
            lifecycle.transition("T10_draft_decision", c.state)
            check_recusal(s, self.actor, c, "提出本案处理意见")
            rules = self.ctx.rule_set(c.rule_set_id)
            self._guard_evidence(s, c)
            respondents = {r.id: r for r in live(list(c.respondents))}
            given = {o.respondent_id for o in outcomes}
            missing = [r.name for rid, r in respondents.items() if rid not in given]
            if missing:
                raise ValidationError("请对每一名被投诉人提出处理意见，尚缺：" + "、".join(missing) + "。",
                                      field="outcomes")
            now = self.ctx.clock.now()
            for row in s.scalars(select(m.HandlingDecision).where(
                    m.HandlingDecision.complaint_id == c.id, m.HandlingDecision.retired_at.is_(None))):
                row.retired_at = now  # an earlier proposal is replaced, not deleted
            for o in outcomes:
                if o.respondent_id not in respondents:
                    raise ValidationError("处理意见中的被投诉人不属于本案。", field="outcomes")
                self._validate_outcome(rules, respondents[o.respondent_id].name, o)
                s.add(m.HandlingDecision(
                    complaint_id=c.id, respondent_id=o.respondent_id, outcome_codes=list(o.outcome_codes),
                    minor=o.minor, promptly_corrected=o.promptly_corrected, no_harm=o.no_harm,
                    facts_found=o.facts_found, basis=o.basis, measures=o.measures,
                    rectification_due=o.rectification_due, crime_transfer="OX" in o.outcome_codes,
                    evidence_refs=list(o.evidence_refs) + [{"transfers": [t.__dict__ for t in o.transfers]}],
                    proposed_by_id=self.actor.user_id, proposed_at=now))
            before = c.state
            c.state = CaseState.DECISION_DRAFTED.value
            if report:
                s.add(m.CaseEvent(complaint_id=c.id, kind="INVESTIGATION_REPORT", occurred_on=now.date(),
                                  note=report, created_by_id=self.actor.user_id, created_at=now))
            s.flush()
            self._issue(uow, c, "investigation_report", None)  # 调查报告 / 拟处理意见 (A14)
            refresh_derived(self.ctx, s, c)
            uow.audit("case.propose_decision", entity="complaint", entity_id=c.id, complaint_id=c.id,
                      summary="提出拟处理意见：" + "；".join(
                          f"{respondents[o.respondent_id].name}：{'、'.join(o.outcome_codes)}" for o in outcomes),
                      before={"state": before}, after={"state": c.state,
                                                       "outcomes": [o.__dict__ for o in outcomes]})
            return CaseRef(c.id, c.case_no, c.state, c.version)

    def _guard_evidence(self, s: Session, c: m.Complaint) -> None:
        """Art 12: a decision rests on ≥ 1 signed transcript or material collected by ≥ 2 staff."""
        frozen = s.scalars(select(m.Transcript.id).where(m.Transcript.complaint_id == c.id,
                                                         m.Transcript.status == "FROZEN")).first()
        acts = s.scalars(select(m.InvestigationAct).where(m.InvestigationAct.complaint_id == c.id,
                                                          m.InvestigationAct.retired_at.is_(None))).all()
        evidence = s.scalars(select(m.EvidenceItem.id).where(m.EvidenceItem.complaint_id == c.id,
                                                             m.EvidenceItem.retired_at.is_(None))).first()
        if frozen is None and not (evidence is not None and any(len(a.investigators) >= 2 for a in acts)):
            raise TransitionRefused(
                "作出处理意见前，须至少有一份经被调查人签字或捺印确认的调查笔录，或由两名以上工作人员收集的证据材料（第十二条）。",
                code="evidence")

    def _validate_outcome(self, rules: Any, name: str, o: RespondentOutcomeInput) -> None:
        if not o.outcome_codes:
            raise ValidationError(f"请为{name}选择处理结果（第十四条）。", field="outcome_codes")
        exclusive = [c for c in o.outcome_codes if not rules.outcome(c).combinable]
        groups = {rules.outcome(c).group for c in exclusive}
        if any(g.startswith("O3") or g == "3" for g in groups) and len(groups) > 1:
            raise ValidationError(f"{name}：查证不实/无法查实不能与其他处理结果并用（涉嫌犯罪移送除外）。",
                                  field="outcome_codes")
        for code in o.outcome_codes:
            out = rules.outcome(code)
            if out.requires_minor_conditions and not (o.minor and o.promptly_corrected and o.no_harm):
                raise ValidationError(
                    f"{name}：“{out.label}”须同时认定情节轻微、及时纠正、没有造成危害后果（第十四条第（二）项）。",
                    field="minor")
            if out.requires_due_date and o.rectification_due is None:
                raise ValidationError(f"{name}：“{out.label}”须设定整改期限。", field="rectification_due")
            if out.requires_transfer_target:
                kind = OUTCOME_TRANSFER.get(code)
                if not any(t.target_organ.strip() and (kind is None or t.kind == kind) for t in o.transfers):
                    raise ValidationError(f"{name}：“{out.label}”须填写接收移送的机关或单位。", field="transfers")
        for t in o.transfers:
            if t.kind not in TRANSFER_KINDS:
                raise ValidationError(f"移送类型“{t.kind}”无效。", field="transfers")
            if not t.target_organ.strip():
                raise ValidationError(f"{name}：请填写移送的接收机关。", field="transfers")

    def back_to_investigation(self, case_id: int, reason: str) -> CaseRef:
        self.actor.require(Role.HEAD, action="退回补充调查")
        with self.uow() as uow:
            c = load_case(uow.session, case_id)
            lifecycle.transition("T10_back_to_investigation", c.state)
            c.state = CaseState.INVESTIGATING.value
            refresh_derived(self.ctx, uow.session, c)
            uow.audit("case.transition", entity="complaint", entity_id=c.id, complaint_id=c.id,
                      summary=f"退回补充调查：{reason}", before={"state": CaseState.DECISION_DRAFTED.value},
                      after={"state": c.state})
            return CaseRef(c.id, c.case_no, c.state, c.version)

    # ------------------------------------------------------------------ T11 decision

    def decide(self, case_id: int, decided_on: dt.date | None = None) -> list[GeneratedDocument]:
        """T11: the head approves the proposal; tasks and transfers are created; documents issued."""
        self.actor.require(Role.HEAD, action="作出处理决定")
        today = self.ctx.clock.today()
        decided_on = decided_on or today
        if decided_on > today:
            raise ValidationError("决定日期不能晚于今天。", field="decided_on")
        with self.uow() as uow:
            s = uow.session
            c = load_case(s, case_id)
            lifecycle.transition("T11_decide", c.state)
            check_recusal(s, self.actor, c, "作出本案处理决定")
            if c.accepted_on and decided_on < c.accepted_on:
                raise ValidationError("处理决定日期不能早于受理日期。", field="decided_on")
            rules = self.ctx.rule_set(c.rule_set_id)
            rows = s.scalars(select(m.HandlingDecision).where(
                m.HandlingDecision.complaint_id == c.id, m.HandlingDecision.retired_at.is_(None))).all()
            if not rows:
                raise TransitionRefused("没有拟处理意见。")
            before = snapshot(c)
            now = self.ctx.clock.now()
            issued: list[GeneratedDocument] = []
            substantiated = False
            for row in rows:
                if any(rules.outcome(code).substantiated for code in row.outcome_codes):
                    substantiated = True
                if row.rectification_due is not None:
                    s.add(m.SupervisionTask(complaint_id=c.id, decision_id=row.id,
                                            measure=row.measures or "责令限期整改", due_date=row.rectification_due,
                                            created_at=now))
                for t in _transfers_of(row):
                    tr = m.Transfer(complaint_id=c.id, decision_id=row.id, kind=t["kind"],
                                    target_organ=t["target_organ"], target_type=t.get("target_type", ""),
                                    reason=t.get("reason", ""), sent_on=decided_on, created_at=now)
                    s.add(tr)
                    s.flush()
                    doc, pdf = self._issue(uow, c, "transfer_letter", tr.id)
                    if doc is not None:
                        tr.letter_document_id = doc.id
                        issued.append(GeneratedDocument(doc.id, doc.kind, doc.title, doc.doc_no, doc.version_hash,
                                                        doc.page_count, pdf))
            c.handling_decided_on = decided_on
            c.handling_approved_by_id = self.actor.user_id
            c.substantiated = substantiated
            c.state = CaseState.DECIDED.value
            s.flush()
            for row in rows:
                doc, pdf = self._issue(uow, c, "handling_decision", row.id)
                if doc is not None:
                    issued.append(GeneratedDocument(doc.id, doc.kind, doc.title, doc.doc_no, doc.version_hash,
                                                    doc.page_count, pdf))
            refresh_derived(self.ctx, s, c)
            b, a = diff(before, snapshot(c))
            uow.audit("case.decide", entity="complaint", entity_id=c.id, complaint_id=c.id,
                      summary=f"作出处理决定（{decided_on.isoformat()}）", before=b, after=a)
            return issued

    def _issue(self, uow: Any, c: m.Complaint, kind: str, subject_id: int | None) -> tuple[Any, bytes]:
        return issue_document(self.ctx, uow, c, kind, subject_id=subject_id)

    # ------------------------------------------------------------------ T12 reply

    def issue_reply(self, case_id: int) -> GeneratedDocument:
        """答复书 with result, basis and remedies (Art 16–17); served via DocumentService.record_service."""
        self.actor.require(Role.HEAD, Role.REVIEWER, Role.INVESTIGATOR, action="制作答复书")
        with self.uow() as uow:
            c = load_case(uow.session, case_id)
            if c.state != CaseState.DECIDED:
                raise TransitionRefused(f"案件当前为“{CaseState(c.state).label}”，作出处理决定后才能制作答复书。")
            doc, pdf = issue_document(self.ctx, uow, c, "reply")
            return GeneratedDocument(doc.id, doc.kind, doc.title, doc.doc_no, doc.version_hash, doc.page_count, pdf)

    # ------------------------------------------------------------------ Art 18 supervision

    def report_rectification(self, task_id: int, received_on: dt.date, note: str) -> None:
        self.actor.require(Role.INVESTIGATOR, Role.HEAD, Role.REVIEWER, action="登记整改报告")
        with self.uow() as uow:
            s = uow.session
            task = s.get(m.SupervisionTask, task_id)
            if task is None:
                raise NotFound("找不到该执行监督任务。")
            c = load_case(s, task.complaint_id)
            task.report_received_on, task.report_note = received_on, note
            task.status = SupervisionStatus.REPORTED.value
            refresh_derived(self.ctx, s, c)
            uow.audit("supervision.report", entity="supervision_task", entity_id=task.id, complaint_id=c.id,
                      summary=f"收到整改报告：{note[:80]}", after={"received_on": received_on})

    def verify_rectification(self, task_id: int, done: bool, note: str, verified_on: dt.date | None = None) -> None:
        self.actor.require(Role.INVESTIGATOR, Role.HEAD, action="核查整改情况")
        with self.uow() as uow:
            s = uow.session
            task = s.get(m.SupervisionTask, task_id)
            if task is None:
                raise NotFound("找不到该执行监督任务。")
            c = load_case(s, task.complaint_id)
            task.status = (SupervisionStatus.VERIFIED_DONE if done else SupervisionStatus.VERIFIED_NOT_DONE).value
            task.verified_on = verified_on or self.ctx.clock.today()
            task.verified_by_id = self.actor.user_id
            task.verification_note = note
            refresh_derived(self.ctx, s, c)
            uow.audit("supervision.verify", entity="supervision_task", entity_id=task.id, complaint_id=c.id,
                      summary=("整改到位" if done else "整改不到位") + f"：{note[:80]}",
                      after={"status": task.status, "verified_on": task.verified_on})

    def record_transfer_feedback(self, transfer_id: int, feedback: str, on: dt.date) -> None:
        self.actor.require(Role.INVESTIGATOR, Role.HEAD, Role.REVIEWER, action="登记移送反馈")
        with self.uow() as uow:
            s = uow.session
            tr = s.get(m.Transfer, transfer_id)
            if tr is None:
                raise NotFound("找不到该移送记录。")
            c = load_case(s, tr.complaint_id)
            tr.feedback, tr.feedback_on = feedback, on
            uow.audit("transfer.feedback", entity="transfer", entity_id=tr.id, complaint_id=c.id,
                      summary=f"{tr.target_organ}反馈：{feedback[:80]}", after={"feedback_on": on})

    def supervision_tasks(self, case_id: int) -> list[dict[str, Any]]:
        with self.read() as s:
            return [dict(id=t.id, measure=t.measure, due_date=t.due_date, status=t.status,
                         status_label=SupervisionStatus(t.status).label, report_received_on=t.report_received_on,
                         verified_on=t.verified_on, note=t.verification_note)
                    for t in s.scalars(select(m.SupervisionTask).where(m.SupervisionTask.complaint_id == case_id)
                                       .order_by(m.SupervisionTask.id))]

    # ------------------------------------------------------------------ withdrawal, reopening, events

    def withdraw(self, case_id: int, *, signed: bool, reason: str, terminate: bool, head_note: str = "") -> CaseRef:
        """T15: signed withdrawal; the head decides to terminate or continue ex officio."""
        self.actor.require(Role.HEAD, action="决定是否终止办理（撤回投诉）")
        if not signed:
            raise ValidationError("撤回投诉须有投诉人签字或捺印的撤回申请（或撤回笔录）。", field="signed")
        if not reason.strip():
            raise ValidationError("请填写撤回理由。", field="reason")
        with self.uow() as uow:
            s = uow.session
            c = load_case(s, case_id)
            now = self.ctx.clock.now()
            if terminate:
                lifecycle.transition("T15_withdraw", c.state)
            ev = m.CaseEvent(complaint_id=c.id, kind="WITHDRAWAL", occurred_on=now.date(), note=reason,
                             result="TERMINATE" if terminate else "CONTINUE",
                             data={"signed": signed, "head_note": head_note},
                             created_by_id=self.actor.user_id, created_at=now)
            s.add(ev)
            before = c.state
            if terminate:
                c.state = CaseState.WITHDRAWN.value
                c.closed_on = now.date()
            s.flush()
            self._issue(uow, c, "withdrawal_record", ev.id)
            refresh_derived(self.ctx, s, c)
            uow.audit("case.withdraw", entity="complaint", entity_id=c.id, complaint_id=c.id,
                      summary=("投诉人撤回，决定终止办理" if terminate else "投诉人申请撤回，决定依职权继续办理")
                              + f"：{reason}", before={"state": before}, after={"state": c.state})
            return CaseRef(c.id, c.case_no, c.state, c.version)

    def record_event(self, case_id: int, kind: str, *, occurred_on: dt.date, organ: str = "",
                     reference_no: str = "", result: str = "", note: str = "") -> int:
        """Later events (复议/诉讼结果, 上级纠正 …); appended even to archived volumes (补充归档)."""
        self.actor.require(Role.HEAD, Role.REVIEWER, Role.ARCHIVIST, action="登记后续事项")
        kinds = {"RECONSIDERATION_RESULT": "行政复议结果", "LITIGATION_RESULT": "行政诉讼结果",
                 "UPPER_CORRECTION": "上级纠正", "FOLLOW_UP": "回访", "NOTE": "备注"}
        if kind not in kinds:
            raise ValidationError("请选择事项类型。", field="kind")
        with self.uow() as uow:
            s = uow.session
            c = load_case(s, case_id, write=False)
            if c.imported:
                raise TransitionRefused("导入的交换数据只读。")
            now = self.ctx.clock.now()
            ev = m.CaseEvent(complaint_id=c.id, kind=kind, occurred_on=occurred_on, organ=organ,
                             reference_no=reference_no, result=result, note=note,
                             created_by_id=self.actor.user_id, created_at=now)
            s.add(ev)
            s.flush()
            doc = None
            if kind in ("RECONSIDERATION_RESULT", "LITIGATION_RESULT", "UPPER_CORRECTION"):
                doc, _ = issue_document(self.ctx, uow, c, "reconsideration_record", subject_id=ev.id)
            if c.state == CaseState.ARCHIVED:
                from desktop_app.services.archive import append_to_volume
                append_to_volume(s, c, title=f"{kinds[kind]}（{organ} {reference_no}）".strip(),
                                 doc_no=reference_no, doc_date=occurred_on, now=now,
                                 document_id=doc.id if doc is not None else None)
            uow.audit("case.event", entity="case_event", entity_id=ev.id, complaint_id=c.id,
                      summary=f"{kinds[kind]}：{result} {note[:60]}".strip(),
                      after={"kind": kind, "organ": organ, "reference_no": reference_no, "result": result})
            return ev.id

    def reopen(self, case_id: int, *, reason: str, authority: str, reference_no: str,
               back_to: str = "INVESTIGATING") -> CaseRef:
        """T17: upper-level correction / 复议·诉讼 reversal / self-correction reopens the same volume."""
        self.actor.require(Role.HEAD, action="重新办理")
        for value, label, fld in ((reason, "理由", "reason"), (authority, "依据（上级纠正/复议/诉讼/自行纠正）", "authority"),
                                  (reference_no, "文号", "reference_no")):
            if not value.strip():
                raise ValidationError(f"重新办理须填写{label}。", field=fld)
        with self.uow() as uow:
            s = uow.session
            c = load_case(s, case_id, write=False)
            if c.imported:
                raise TransitionRefused("导入的交换数据只读。")
            lifecycle.transition("T17_reopen", c.state)
            now = self.ctx.clock.now()
            before = c.state
            s.add(m.CaseEvent(complaint_id=c.id, kind="REOPEN", occurred_on=now.date(), organ=authority,
                              reference_no=reference_no, note=reason, created_by_id=self.actor.user_id,
                              created_at=now))
            if c.state == CaseState.ARCHIVED:
                from desktop_app.services.archive import append_to_volume
                append_to_volume(s, c, title=f"重新办理决定（{authority}）", doc_no=reference_no,
                                 doc_date=now.date(), now=now)
            c.state = CaseState.REOPENED.value
            # A new decision and a new reply follow; the handling clocks restart from them.
            c.handling_decided_on = None
            c.reply_sent_on = None
            c.closed_on = None
            if back_to == "INVESTIGATING" and c.decision == "ACCEPT":
                c.state = CaseState.INVESTIGATING.value
            refresh_derived(self.ctx, s, c)
            uow.audit("case.reopen", entity="complaint", entity_id=c.id, complaint_id=c.id,
                      summary=f"重新办理（{authority} {reference_no}）：{reason}",
                      before={"state": before}, after={"state": c.state})
            return CaseRef(c.id, c.case_no, c.state, c.version)


def _transfers_of(row: m.HandlingDecision) -> list[dict[str, Any]]:
    for ref in row.evidence_refs or []:
        if isinstance(ref, dict) and "transfers" in ref:
            return list(ref["transfers"])
    return []
