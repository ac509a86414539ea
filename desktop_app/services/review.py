"""受理审查 (Art 8/9/10): checklist, recommendation, one-time supplement notice, decision."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain import models as m
from desktop_app.domain.enums import CaseState, Channel, ComplainantRole, Decision, Role, SignatureStatus
from desktop_app.domain.errors import RecusalError, TransitionRefused, ValidationError
from desktop_app.rules import lifecycle
from desktop_app.rules.review import FactSheet, ReviewResult, review
from desktop_app.services.base import ServiceBase
from desktop_app.services.cases import diff, live, load_case, refresh_derived, snapshot
from desktop_app.services.context import Actor
from desktop_app.services.documents import issue_document
from desktop_app.services.dto import CaseRef, GeneratedDocument

# R-codes of Art 9(2) → the kind of other procedure that must be recorded for them.
PROCEDURE_FOR_REASON = {
    "R9-2a": "LITIGATION", "R9-2b": "RECONSIDERATION", "R9-2c": "OTHER_STATUTORY",
    "R9-2d": "PETITION", "R9-2e": "DISCIPLINE",
}
PENDING_FACT = {"LITIGATION": "litigation", "RECONSIDERATION": "reconsideration",
                "OTHER_STATUTORY": "other_statutory", "PETITION": "petition", "DISCIPLINE": "discipline"}


def check_recusal(s: Session, actor: Actor, c: m.Complaint, what: str) -> None:
    """回避: staff of the unit complained about may not review, investigate or decide."""
    user = s.get(m.User, actor.user_id) if actor.user_id else None
    if user is None:
        return
    unit = (user.unit_name or "").strip()
    for r in live(list(c.respondents)):
        names = {r.name.strip(), r.unit_name.strip()} - {""}
        if user.full_name.strip() in names or (unit and unit in names):
            raise RecusalError(
                f"{user.full_name}是被投诉单位“{r.unit_name or r.name}”的人员（或本人即被投诉人），"
                f"依法应当回避，不能{what}。", code="recusal")


def check_user_recusal(s: Session, user: m.User, c: m.Complaint, what: str) -> None:
    unit = (user.unit_name or "").strip()
    for r in live(list(c.respondents)):
        names = {r.name.strip(), r.unit_name.strip()} - {""}
        if user.full_name.strip() in names or (unit and unit in names):
            raise RecusalError(
                f"{user.full_name}是被投诉单位“{r.unit_name or r.name}”的人员（或本人即被投诉人），"
                f"依法应当回避，不能{what}。", code="recusal")


class ReviewService(ServiceBase):
    """Reviewer (审查人) and head (机关负责人) at the acceptance stage."""

    def facts(self, case_id: int) -> FactSheet:
        with self.read() as s:
            c = load_case(s, case_id, write=False)
            return self._facts(s, c)

    def _facts(self, s: Session, c: m.Complaint) -> FactSheet:
        rules = self.ctx.rule_set(c.rule_set_id)
        people = live(list(c.complainants))
        agents = live(list(c.agents))
        resps = live(list(c.respondents))
        rv = self._latest_review(s, c.id)
        cond = (rv.conditions if rv else {}) or {}
        grounds = (rv.grounds if rv else {}) or {}

        def ok(code: str) -> bool | None:
            v = cond.get(code, {}).get("ok")
            return None if v is None else bool(v)

        procs = live(list(c.other_procedures))
        pending = next((PENDING_FACT[p.kind] for p in procs if p.kind in PENDING_FACT), "none")
        earlier = next((p for p in procs if p.kind == "PREVIOUS_COMPLAINT"), None)
        institutions = {i.name for i in c.office.institutions if i.retired_at is None}
        in_jur = ok("A4")
        if in_jur is None and c.aid_institution and institutions:
            in_jur = c.aid_institution in institutions
        ch = Channel(c.channel)
        return FactSheet(
            received_date=c.received_date, channel=ch,
            complainant_role=ComplainantRole(people[0].role) if people else None,
            anonymous=c.anonymous, identity_established=ok("A1") if ok("A1") is not None else (
                bool(people) and all(p.name for p in people) and not c.anonymous),
            signed=(c.record_signature != SignatureStatus.PENDING) if ch.needs_signature else None,
            writing_difficulty=bool(c.writing_difficulty) if ch.is_oral else None,
            agent=bool([a for a in agents if not a.is_guardian]),
            poa_submitted=all(a.poa_submitted for a in agents if not a.is_guardian) if agents else None,
            respondent_type=resps[0].type_code if resps else None,
            respondent_identified=bool(resps) and all(r.name.strip() and r.name.strip() != "不详" for r in resps),
            request_stated=bool(c.request_text.strip()), facts_stated=bool(c.facts_text.strip()),
            reasons_stated=bool(c.reasons_text.strip()), in_jurisdiction=in_jur,
            competent_organ=c.competent_organ or None,
            ground=c.ground_code if c.ground_code in rules.grounds else None,
            sub_type=(c.subtype_codes or [None])[0],
            only_disputes_result=bool(grounds.get("R9-3", {}).get("applies")),
            conduct_alleged=rv.conduct_alleged if rv else None,
            already_handled=bool(grounds.get("R9-1", {}).get("applies")) or earlier is not None,
            new_evidence=bool(rv.new_evidence) if rv else False,
            earlier_case=earlier.reference_no if earlier else None,
            pending_procedure=pending, pending_procedure_organ=next(
                (p.organ for p in procs if p.kind in PENDING_FACT), None),
            not_a_violation=bool(grounds.get("R9-4", {}).get("applies")),
            review_date=self.ctx.clock.today(),
        )

    def recommend(self, case_id: int) -> ReviewResult:
        """The engine's recommendation with every article and item that decides it, and the clocks."""
        with self.read() as s:
            c = load_case(s, case_id, write=False)
            facts = self._facts(s, c)
            return review(facts, self.ctx.rule_set(c.rule_set_id), self.ctx.calendar())

    @staticmethod
    def _latest_review(s: Session, case_id: int) -> m.AcceptanceReview | None:
        return s.scalars(select(m.AcceptanceReview).where(m.AcceptanceReview.complaint_id == case_id)
                         .order_by(m.AcceptanceReview.id.desc()).limit(1)).first()

    def save_checklist(self, case_id: int, *, conditions: dict[str, dict[str, Any]],
                       grounds: dict[str, dict[str, Any]] | None = None, conduct_alleged: bool | None = None,
                       new_evidence: bool = False, new_evidence_note: str = "", opinion: str = "") -> ReviewResult:
        """Save the Art 8 / Art 9 checklist (a new row each time) and return the recommendation."""
        self.actor.require(Role.REVIEWER, Role.HEAD, action="填写受理审查清单")
        with self.uow() as uow:
            s = uow.session
            c = load_case(s, case_id)
            check_recusal(s, self.actor, c, "审查该投诉")
            rules = self.ctx.rule_set(c.rule_set_id)
            unknown = [k for k in conditions if k not in rules.acceptance_conditions]
            unknown += [k for k in (grounds or {}) if k not in rules.non_acceptance_reasons]
            if unknown:
                raise ValidationError("审查清单中有不属于本规则版本的项目：" + "、".join(unknown), field="checklist")
            if new_evidence and not new_evidence_note.strip():
                raise ValidationError("勾选“有新的事实和证据”时，请说明新证据是什么、为何是新的（第九条第（一）项）。",
                                      field="new_evidence_note")
            if c.state == CaseState.REGISTERED:
                lifecycle.transition("T3_start_review", c.state)
                c.state = CaseState.UNDER_REVIEW.value
            elif CaseState(c.state) not in (CaseState.UNDER_REVIEW, CaseState.AWAITING_SUPPLEMENT):
                lifecycle.transition("T4_accept", c.state)  # refuses with the state's name
            rv = m.AcceptanceReview(
                complaint_id=c.id, reviewer_id=self.actor.user_id, conditions=conditions, grounds=grounds or {},
                conduct_alleged=conduct_alleged, new_evidence=new_evidence, opinion=opinion,
                created_at=self.ctx.clock.now())
            s.add(rv)
            if new_evidence:
                c.new_evidence_note = new_evidence_note
            s.flush()
            result = review(self._facts(s, c), rules, self.ctx.calendar())
            rv.recommendation = result.recommendation.value
            refresh_derived(self.ctx, s, c)
            uow.audit("review.checklist", entity="acceptance_review", entity_id=rv.id, complaint_id=c.id,
                      summary=f"受理审查：建议{result.recommendation.label}",
                      after={"conditions": conditions, "grounds": grounds or {}, "conduct_alleged": conduct_alleged,
                             "new_evidence": new_evidence, "recommendation": rv.recommendation})
            return result

    def request_supplement(self, case_id: int, items: list[str], due_date: dt.date) -> GeneratedDocument:
        """一次性告知: one notice listing everything missing. Under 2013 rules C1 keeps running."""
        self.actor.require(Role.REVIEWER, Role.HEAD, Role.FRONT_DESK, action="发出补正告知")
        items = [x.strip() for x in items if x.strip()]
        if not items:
            raise ValidationError("请列出需要补正的全部事项（一次性告知）。", field="items")
        today = self.ctx.clock.today()
        if due_date <= today:
            raise ValidationError("补正期限应晚于今天。", field="due_date")
        with self.uow() as uow:
            s = uow.session
            c = load_case(s, case_id)
            lifecycle.transition("T3_request_supplement", c.state if c.state != CaseState.AWAITING_SUPPLEMENT
                                 else CaseState.UNDER_REVIEW)
            open_req = s.scalars(select(m.SupplementRequest).where(
                m.SupplementRequest.complaint_id == c.id, m.SupplementRequest.fulfilled_on.is_(None))).first()
            if open_req is not None:
                raise TransitionRefused("已发出的补正告知尚未答复。补正应一次性告知全部事项，"
                                        "不能分次要求补正；如有遗漏请在原告知中说明。", code="supplement_once")
            rules = self.ctx.rule_set(c.rule_set_id)
            c1 = rules.clocks.get("C1")
            sup = m.SupplementRequest(complaint_id=c.id, items=items, due_date=due_date,
                                      requested_by_id=self.actor.user_id, created_at=self.ctx.clock.now())
            s.add(sup)
            s.flush()
            before = c.state
            c.state = CaseState.AWAITING_SUPPLEMENT.value
            doc, pdf = issue_document(self.ctx, uow, c, "supplement_notice", subject_id=sup.id)
            refresh_derived(self.ctx, s, c)
            note = "" if rules.features.supplement_pauses_acceptance_clock else "（受理审查期限不因补正中止）"
            uow.audit("review.supplement", entity="supplement_request", entity_id=sup.id, complaint_id=c.id,
                      summary=f"一次性告知补正{len(items)}项，期限{due_date.isoformat()}{note}",
                      before={"state": before}, after={"state": c.state, "items": items, "due_date": due_date,
                                                       "c1": c1.label if c1 else ""})
            return GeneratedDocument(doc.id, doc.kind, doc.title, doc.doc_no, doc.version_hash, doc.page_count, pdf)

    def supplement_received(self, case_id: int, note: str, received_on: dt.date | None = None) -> CaseRef:
        self.actor.require(Role.REVIEWER, Role.HEAD, Role.FRONT_DESK, action="登记补正材料")
        with self.uow() as uow:
            s = uow.session
            c = load_case(s, case_id)
            sup = s.scalars(select(m.SupplementRequest).where(
                m.SupplementRequest.complaint_id == c.id, m.SupplementRequest.fulfilled_on.is_(None))).first()
            if sup is None:
                raise TransitionRefused("本案没有待补正的告知。")
            sup.fulfilled_on = received_on or self.ctx.clock.today()
            sup.fulfilled_note = note
            lifecycle.transition("T3_start_review", c.state)
            c.state = CaseState.UNDER_REVIEW.value
            refresh_derived(self.ctx, s, c)
            uow.audit("review.supplement_received", entity="supplement_request", entity_id=sup.id,
                      complaint_id=c.id, summary=f"收到补正材料：{note[:100]}",
                      before={"state": CaseState.AWAITING_SUPPLEMENT.value}, after={"state": c.state})
            return CaseRef(c.id, c.case_no, c.state, c.version)

    def decide(self, case_id: int, decision: str, *, reason_codes: list[str] | None = None, note: str = "",
               competent_organ: str = "", decided_on: dt.date | None = None,
               expected_version: int | None = None) -> GeneratedDocument:
        """受理 / 不予受理 (T4/T5) and the notice. The notice still has to be served within C1."""
        self.actor.require(Role.REVIEWER, Role.HEAD, action="作出受理决定")
        try:
            dec = Decision(decision)
        except ValueError:
            raise ValidationError("请选择“受理”或“不予受理”。", field="decision") from None
        if dec is Decision.NEEDS_SUPPLEMENT:
            raise ValidationError("需要补正时请使用“一次性告知补正”，不是受理决定。", field="decision")
        today = self.ctx.clock.today()
        decided_on = decided_on or today
        if decided_on > today:
            raise ValidationError("决定日期不能晚于今天。", field="decided_on")
        reason_codes = list(dict.fromkeys(reason_codes or []))
        with self.uow() as uow:
            s = uow.session
            c = load_case(s, case_id, expected_version=expected_version)
            if decided_on < c.received_date:
                raise ValidationError("决定日期不能早于收到投诉日期。", field="decided_on")
            check_recusal(s, self.actor, c, "作出受理决定")
            rules = self.ctx.rule_set(c.rule_set_id)
            before = snapshot(c)
            if dec is Decision.ACCEPT:
                lifecycle.transition("T4_accept", c.state)
                self._guard_accept(s, c, rules)
                c.decision, c.decision_reasons = dec.value, []
                c.accepted_on = decided_on
                c.state = CaseState.ACCEPTED.value
                c.handler_id = c.handler_id or self.actor.user_id
                kind = "acceptance_notice"
            else:
                lifecycle.transition("T5_not_accept", c.state)
                self._guard_not_accept(s, c, rules, reason_codes, competent_organ, note)
                c.decision, c.decision_reasons = dec.value, reason_codes
                c.state = CaseState.NOT_ACCEPTED.value
                kind = "non_acceptance_notice"
            c.decision_date = decided_on
            c.decided_by_id = self.actor.user_id
            c.decision_note = note
            c.competent_organ = competent_organ
            s.flush()
            doc, pdf = issue_document(self.ctx, uow, c, kind)
            refresh_derived(self.ctx, s, c)
            b, a = diff(before, snapshot(c))
            uow.audit("case.decide_acceptance", entity="complaint", entity_id=c.id, complaint_id=c.id,
                      summary=f"决定{dec.label}" + (f"（{'、'.join(reason_codes)}）" if reason_codes else ""),
                      before=b, after=a)
            return GeneratedDocument(doc.id, doc.kind, doc.title, doc.doc_no, doc.version_hash, doc.page_count, pdf)

    def _guard_accept(self, s: Session, c: m.Complaint, rules: Any) -> None:
        missing: list[str] = []
        if c.anonymous:
            raise TransitionRefused("匿名投诉不具有投诉人主体资格（第八条第（一）项），不能受理；"
                                    "请决定不予受理，并可作为监督线索处理。", code="anonymous")
        for a in live(list(c.agents)):
            if not a.is_guardian and not a.poa_submitted:
                missing.append(f"代理人{a.name}的授权委托书（第七条）")
        if Channel(c.channel).needs_signature and c.record_signature == SignatureStatus.PENDING:
            missing.append("投诉人在口头/电话投诉记录上的签字或捺印（第六条）")
        rv = self._latest_review(s, c.id)
        if rv is None:
            missing.append("受理审查清单（第八条五项条件、第九条四种情形）")
        else:
            for code, cond in rules.acceptance_conditions.items():
                if (rv.conditions or {}).get(code, {}).get("ok") is not True:
                    missing.append(f"“{cond.label}”（{rules.citation(cond.article, cond.item)}）未确认符合")
            for code, v in (rv.grounds or {}).items():
                if v.get("applies") and not (code == "R9-1" and rv.new_evidence):
                    r = rules.reason(code)
                    missing.append(f"存在不予受理情形：{r.label}（{rules.citation(r.article, r.item)}）")
        ground = rules.grounds.get(c.ground_code)
        if ground is not None and "其他" in ground.label and not (rv and rv.opinion.strip()):
            # T23: the catch-all ground needs the management rule relied on, in the review opinion.
            missing.append(f"以“{ground.label}”受理时，在审查意见中写明所依据的法律援助管理规定")
        if missing:
            raise TransitionRefused("不能决定受理，尚缺：" + "；".join(missing) + "。", code="accept_guard")

    def _guard_not_accept(self, s: Session, c: m.Complaint, rules: Any, codes: list[str],
                          competent_organ: str, note: str) -> None:
        if not codes:
            raise ValidationError("不予受理须选择理由，并引用具体条款项（如第九条第（三）项）。", field="reason_codes")
        for code in codes:
            if code not in rules.non_acceptance_reasons:
                raise ValidationError(f"“{code}”不是{rules.title}规定的不予受理理由。", field="reason_codes")
            need = PROCEDURE_FOR_REASON.get(code)
            if need and not any(p.kind == need for p in live(list(c.other_procedures))):
                from desktop_app.services.validation import OTHER_PROCEDURE_KINDS
                raise ValidationError(
                    f"以“{rules.reason(code).label}”不予受理，须在登记表“其他程序”中记录该{OTHER_PROCEDURE_KINDS[need]}"
                    "程序的机关、日期和文号。", field="other_procedures")
        rv = self._latest_review(s, c.id)
        if "R9-1" in codes and rv is not None and rv.new_evidence:
            raise TransitionRefused("审查已认定有新的事实和证据，不能以第九条第（一）项不予受理。", code="new_evidence")
        if "R9-4" in codes and not note.strip():
            raise ValidationError("以第九条第（四）项不予受理时，请在说明中写明据以判断的法律援助管理规定。", field="note")
        if "R8-4" in codes and not competent_organ.strip():
            raise ValidationError("以不属于本机关管辖不予受理时，请填写有管辖权的机关，通知书将告知投诉人。",
                                  field="competent_organ")

    def merge(self, case_id: int, into_case_id: int, reason: str) -> CaseRef:
        """并案 (2025 rules): a repeat complaint joins an earlier open case."""
        self.actor.require(Role.REVIEWER, Role.HEAD, action="并案办理")
        if not reason.strip():
            raise ValidationError("请填写并案理由。", field="reason")
        with self.uow() as uow:
            s = uow.session
            c = load_case(s, case_id)
            rules = self.ctx.rule_set(c.rule_set_id)
            if not rules.features.merging_allowed:
                raise TransitionRefused(f"{rules.title}未规定并案办理；重复投诉请依第九条第（一）项审查。",
                                        code="merge_not_allowed")
            lifecycle.transition("T16_merge", c.state)
            master = load_case(s, into_case_id)
            if master.id == c.id:
                raise ValidationError("不能与本案自身并案。", field="into_case_id")
            if CaseState(master.state) in (CaseState.ARCHIVED, CaseState.MERGED, CaseState.NOT_ACCEPTED,
                                           CaseState.WITHDRAWN):
                raise TransitionRefused(f"主案 {master.case_no} 已{CaseState(master.state).label}，不能并入。")
            before = c.state
            c.state = CaseState.MERGED.value
            c.merged_into_id = master.id
            c.related_case_ids = sorted(set(c.related_case_ids or []) | {master.id})
            master.related_case_ids = sorted(set(master.related_case_ids or []) | {c.id})
            now = self.ctx.clock.now()
            for x, other in ((c, master), (master, c)):
                s.add(m.CaseEvent(complaint_id=x.id, kind="MERGE", occurred_on=now.date(),
                                  reference_no=other.case_no, note=reason, created_by_id=self.actor.user_id,
                                  created_at=now))
            refresh_derived(self.ctx, s, c)
            refresh_derived(self.ctx, s, master)
            uow.audit("case.merge", entity="complaint", entity_id=c.id, complaint_id=c.id,
                      summary=f"并入 {master.case_no}：{reason}", before={"state": before},
                      after={"state": c.state, "merged_into": master.case_no})
            return CaseRef(c.id, c.case_no, c.state, c.version)
