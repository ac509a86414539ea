"""Builders: turn a case's records into the plain data a document kind prints.

Each builder is registered in ``BUILDERS`` under the document kind code. Modules that
add kinds (investigation, decision, archive) register theirs with ``@builder("kind")``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.documents import models as d
from desktop_app.domain import models as m
from desktop_app.domain.enums import (
    Channel,
    ComplainantRole,
    IdType,
    IntervieweeRole,
    PoaScope,
    ServiceMethod,
    Sex,
)
from desktop_app.domain.errors import NotFound, ValidationError
from desktop_app.rules.ruleset import ReasonCategory
from desktop_app.services.cases import live
from desktop_app.services.context import ServiceContext


@dataclass
class BuildRequest:
    ctx: ServiceContext
    session: Session
    complaint: m.Complaint
    subject_id: int | None = None
    options: dict[str, Any] = field(default_factory=dict)
    doc_number: str = ""
    issued_on: dt.date | None = None

    @property
    def rules(self):  # type: ignore[no-untyped-def]
        return self.ctx.rule_set(self.complaint.rule_set_id)


Builder = Callable[[BuildRequest], Any]
BUILDERS: dict[str, Builder] = {}
# Which record a kind is about (subject_type stored with the document).
SUBJECT_TYPES: dict[str, str] = {}


def builder(kind: str, subject_type: str = "") -> Callable[[Builder], Builder]:
    def register(fn: Builder) -> Builder:
        BUILDERS[kind] = fn
        SUBJECT_TYPES[kind] = subject_type
        return fn
    return register


# --------------------------------------------------------------------------- common parts


def office_profile(office: m.Office) -> d.OfficeProfile:
    return d.OfficeProfile(
        organ_name=office.name, short_name=office.short_name, address=office.address, phone=office.phone,
        fax=office.fax, email=office.email, postcode=office.postcode,
        reconsideration_organ=office.reconsideration_organ, reconsideration_days=office.reconsideration_days,
        litigation_court=office.litigation_court, litigation_months=office.litigation_months)


def base_fields(req: BuildRequest, on: dt.date | None = None) -> dict[str, Any]:
    """Fields every document has. ``on`` is the record date the document is dated by, so that
    reprinting an unchanged document on a later day gives the same version hash."""
    return dict(office=office_profile(req.complaint.office), case_no=req.complaint.case_no,
                issued_on=req.issued_on or on or req.ctx.clock.today(), doc_number=req.doc_number)


def _label(enum: Any, code: str) -> str:
    try:
        return enum(code).label
    except ValueError:
        return code


def person_complainant(p: m.Complainant) -> d.Complainant:
    return d.Complainant(
        name=p.name, sex=_label(Sex, p.sex) if p.sex != "U" else "", birth_date=p.birth_date,
        ethnicity=p.ethnicity, id_type=_label(IdType, p.id_type), id_number=p.id_number, address=p.address,
        postcode=p.postcode, phone=p.phone, email=p.email, employer=p.work_unit,
        role=_label(ComplainantRole, p.role), relation_to_matter=p.relationship_text,
        special_groups=tuple(p.special_groups or ()))


def person_agent(a: m.Agent) -> d.Agent:
    return d.Agent(name=a.name, id_number=a.id_number, phone=a.phone, address=a.address,
                   relation=a.relationship_text + ("（监护人）" if a.is_guardian else ""),
                   poa_submitted=a.poa_submitted, poa_scope=tuple(_label(PoaScope, s) for s in a.poa_scope or ()),
                   poa_scope_other=a.poa_scope_other)


def respondents(req: BuildRequest) -> tuple[d.Respondent, ...]:
    rules = req.rules
    out = []
    for r in live(list(req.complaint.respondents)):
        kind = rules.respondent_types[r.type_code].label if r.type_code in rules.respondent_types else r.type_code
        out.append(d.Respondent(kind=kind, name=r.name, unit=r.unit_name, licence_no=r.licence_no, phone=r.contact))
    return tuple(out)


def aid_case(c: m.Complaint) -> d.AidCase | None:
    if not (c.aid_case_no or c.aid_case_cause or c.aid_institution):
        return None
    return d.AidCase(aid_case_no=c.aid_case_no, cause=c.aid_case_cause, applied_on=c.aid_applied_on,
                     assigned_on=c.aid_assigned_on, institution=c.aid_institution, handler=c.aid_handler,
                     stage={True: "在办", False: "已结"}.get(c.aid_case_open, "") if c.aid_case_open is not None else "",
                     proceeding={True: "诉讼", False: "非诉讼"}.get(c.aid_litigation, "") if c.aid_litigation is not None else "",
                     branch=c.aid_case_type)


def summary_text(req: BuildRequest) -> str:
    """Respondent + matter, without detail about the aid case (privacy, A4/A5)."""
    rs = respondents(req)
    who = "、".join(f"{r.kind}{r.name}" for r in rs) or "被投诉人"
    rules = req.rules
    ground = rules.grounds[req.complaint.ground_code].label if req.complaint.ground_code in rules.grounds else ""
    return f"您反映{who}" + (f"{ground}的问题" if ground else "在法律援助活动中存在违法违规行为的问题")


def addressees(c: m.Complaint) -> list[tuple[str, str, str]]:
    """(name, role, address) to whom notices go: the complainants, plus agents whose 委托权限 covers
    receiving documents (Art 7; T03)."""
    out = [(p.name, "COMPLAINANT", p.address) for p in live(list(c.complainants))]
    for a in live(list(c.agents)):
        if a.is_guardian or PoaScope.RECEIVE_DOCUMENTS.value in (a.poa_scope or []):
            out.append((a.name, "AGENT", a.address))
    return out


def addressee_text(c: m.Complaint) -> str:
    names = [n for n, role, _ in addressees(c) if role == "COMPLAINANT"]
    if not names:
        return "投诉人"
    return "、".join(names[:3]) + ("等" if len(names) > 3 else "")


def contact(req: BuildRequest) -> d.ContactInfo:
    handler = req.session.get(m.User, req.complaint.handler_id) if req.complaint.handler_id else None
    return d.ContactInfo(person=handler.full_name if handler else "", phone=req.complaint.office.phone)


def user_name(s: Session, user_id: int | None) -> str:
    if user_id is None:
        return ""
    u = s.get(m.User, user_id)
    return u.full_name if u else ""


# --------------------------------------------------------------------------- front-desk kinds


@builder("registration_form")
def build_registration_form(req: BuildRequest) -> d.RegistrationFormData:
    c, s, rules = req.complaint, req.session, req.rules
    review = s.scalars(select(m.AcceptanceReview).where(m.AcceptanceReview.complaint_id == c.id)
                       .order_by(m.AcceptanceReview.id.desc()).limit(1)).first()
    items: list[d.ChecklistItem] = []
    for code, cond in rules.acceptance_conditions.items():
        v = (review.conditions or {}).get(code, {}) if review else {}
        items.append(d.ChecklistItem(code=code, text=cond.label, article=rules.citation(cond.article, cond.item)
                                     .replace("《法律援助投诉处理办法》", ""), result=v.get("ok"), note=v.get("note", "")))
    for code, reason in rules.non_acceptance_reasons.items():
        if reason.category is not ReasonCategory.ART9:
            continue
        v = (review.grounds or {}).get(code, {}) if review else {}
        items.append(d.ChecklistItem(code=code, text=reason.label,
                                     article=rules.citation(reason.article, reason.item).replace("《法律援助投诉处理办法》", ""),
                                     result=v.get("applies"), note=v.get("note", "")))
    agents = live(list(c.agents))
    notice = s.scalars(select(m.Document).where(
        m.Document.complaint_id == c.id, m.Document.kind.in_(["acceptance_notice", "non_acceptance_notice"]))
        .order_by(m.Document.id.desc()).limit(1)).first()
    rec_ground = rules.grounds[c.ground_code].label if c.ground_code in rules.grounds else ""
    return d.RegistrationFormData(
        **base_fields(req, c.received_date), received_at=c.received_at, channel=Channel(c.channel).label,
        receiver=c.receiver_name, registrar=user_name(s, c.registered_by_id),
        registered_on=c.registered_at.date() if c.registered_at else None, rule_version=rules.title,
        complainants=tuple(person_complainant(p) for p in live(list(c.complainants))),
        agent=person_agent(agents[0]) if agents else None, respondents=respondents(req), aid_case=aid_case(c),
        request=c.request_text, facts=c.facts_text, reasons=c.reasons_text, event_time=c.event_time_text,
        ground=rec_ground,
        materials=tuple(d.MaterialItem(name=x.name, pages=x.pages, original=x.is_original)
                        for x in live(list(c.materials))),
        other_procedures=tuple(d.OtherProcedure(kind=_other_kind(x.kind), organ=x.organ, on=x.started_on,
                                                reference=x.reference_no, status=x.status)
                               for x in live(list(c.other_procedures))),
        oral_difficulty_reason=c.writing_difficulty, review_items=tuple(items),
        proposed_decision={"ACCEPT": "受理", "NOT_ACCEPT": "不予受理", "NEEDS_SUPPLEMENT": "需补正"}.get(
            review.recommendation, "") if review else "",
        review_opinion=review.opinion if review else "", reviewer=user_name(s, review.reviewer_id) if review else "",
        reviewed_on=review.created_at.date() if review else None,
        head=user_name(s, c.decided_by_id), decided_on=c.decision_date,
        notice_number=notice.doc_no if notice else "", notice_sent_on=c.acceptance_notice_sent_on)


def _other_kind(code: str) -> str:
    from desktop_app.services.validation import OTHER_PROCEDURE_KINDS
    return OTHER_PROCEDURE_KINDS.get(code, code)


@builder("oral_record")
def build_oral_record(req: BuildRequest) -> d.OralRecordData:
    c = req.complaint
    people = live(list(c.complainants))
    if not people:
        raise ValidationError("口头投诉记录需要投诉人信息，请先填写投诉人。", field="complainants")
    missing = [label for f, label in (("request_text", "投诉请求"), ("facts_text", "主要事实"),
                                      ("reasons_text", "理由"), ("event_time_text", "时间"))
               if not getattr(c, f).strip()]
    if missing:
        raise ValidationError("打印口头投诉记录前须当场记录：" + "、".join(missing) + "（第六条）。",
                              field="request_text")
    idx = int(req.options.get("complainant", 0))
    agents = live(list(c.agents))
    return d.OralRecordData(
        **base_fields(req, c.received_date), recorded_at=c.received_at, place=req.options.get("place") or c.office.address or c.office.name,
        recorders=tuple(x for x in (c.receiver_name, user_name(req.session, c.registered_by_id)) if x) or ("",),
        complainant=person_complainant(people[min(idx, len(people) - 1)]),
        agent=person_agent(agents[0]) if agents else None, respondents=respondents(req),
        request=c.request_text, facts=c.facts_text, reasons=c.reasons_text, event_time=c.event_time_text,
        difficulty_reason=c.writing_difficulty)


@builder("poa")
def build_poa(req: BuildRequest) -> d.PoaData:
    c = req.complaint
    if req.options.get("blank"):
        return d.PoaData(**base_fields(req, req.complaint.received_date), blank=True)
    agents = live(list(c.agents))
    if not agents:
        raise ValidationError("本案没有代理人，可打印空白授权委托书供投诉人填写。", field="agents")
    a = agents[int(req.options.get("agent", 0))]
    people = live(list(c.complainants))
    principal = next((p for p in people if p.id == a.complainant_id), people[0] if people else None)
    return d.PoaData(
        **base_fields(req, a.poa_received_on or c.received_date), blank=False,
        principal=person_complainant(principal) if principal else None,
        agent=d.Person(name=a.name, id_number=a.id_number, phone=a.phone, address=a.address),
        relation=a.relationship_text, matter=f"就法律援助投诉事项向{c.office.name}提出投诉",
        scope=tuple(_label(PoaScope, x) for x in a.poa_scope or ()), scope_other=a.poa_scope_other,
        term=a.poa_term, signed_on=a.poa_received_on)


@builder("supplement_notice", "supplement_request")
def build_supplement_notice(req: BuildRequest) -> d.SupplementNoticeData:
    c, s = req.complaint, req.session
    sup = s.get(m.SupplementRequest, req.subject_id) if req.subject_id else None
    if sup is None:
        raise NotFound("没有补正要求，无法生成补正告知书。")
    return d.SupplementNoticeData(
        **base_fields(req, sup.created_at.date()), addressee=addressee_text(c), received_on=c.received_date,
        missing_items=tuple(sup.items), deadline=sup.due_date or req.ctx.clock.today(), contact=contact(req))


@builder("acceptance_notice")
def build_acceptance_notice(req: BuildRequest) -> d.AcceptanceNoticeData:
    c = req.complaint
    if c.decision != "ACCEPT" or c.accepted_on is None:
        raise ValidationError("案件尚未决定受理，不能生成受理通知书。")
    c2 = req.rules.clocks.get("C2")
    return d.AcceptanceNoticeData(
        **base_fields(req, c.decision_date), addressee=addressee_text(c), received_on=c.received_date,
        accepted_on=c.accepted_on,
        summary=summary_text(req), handling_days=(c2.length if c2 and c2.length else 45),
        partial_not_accepted=c.decision_note if c.decision_note.startswith("部分") else "", contact=contact(req))


@builder("non_acceptance_notice")
def build_non_acceptance_notice(req: BuildRequest) -> d.NonAcceptanceNoticeData:
    c, rules = req.complaint, req.rules
    if c.decision != "NOT_ACCEPT":
        raise ValidationError("案件尚未决定不予受理，不能生成不予受理通知书。")
    reasons = []
    for code in c.decision_reasons or []:
        r = rules.reason(code)
        cit = rules.citation(r.article, r.item).replace("《法律援助投诉处理办法》", "")
        article, _, item = cit.partition("第（")
        reasons.append(d.NonAcceptanceReason(article=article, item=("第（" + item) if item else "",
                                             text=r.notice_text))
    pointer = ""
    if c.competent_organ:
        pointer = f"您可以向{c.competent_organ}反映。"
    elif c.decision_note:
        pointer = c.decision_note
    return d.NonAcceptanceNoticeData(
        **base_fields(req, c.decision_date), addressee=addressee_text(c), received_on=c.received_date,
        summary=summary_text(req), reasons=tuple(reasons), statute=f"《{rules.title}》" if not rules.title.startswith("《") else rules.title,
        pointer=pointer, contact=contact(req))


@builder("service_receipt", "document")
def build_service_receipt(req: BuildRequest) -> d.ServiceReceiptData:
    s = req.session
    doc = s.get(m.Document, req.subject_id) if req.subject_id else None
    if doc is None:
        raise NotFound("请先选择要送达的文书。")
    rec = s.scalars(select(m.ServiceRecord).where(m.ServiceRecord.document_id == doc.id)
                    .order_by(m.ServiceRecord.id.desc()).limit(1)).first()
    recipient = req.options.get("recipient") or (rec.recipient_name if rec else addressee_text(req.complaint))
    return d.ServiceReceiptData(
        **base_fields(req, rec.served_on if rec else doc.issued_on), document_title=doc.title, document_number=doc.doc_no, recipient=recipient,
        address=rec.address if rec else "", method=_label(ServiceMethod, rec.method) if rec else "",
        tracking_number=rec.tracking_no if rec else "", served_on=rec.served_on if rec else None,
        servers=(user_name(s, rec.recorded_by_id),) if rec else (), note=rec.proof_note if rec else "")


@builder("transcript", "transcript")
def build_transcript(req: BuildRequest) -> d.TranscriptData:
    s = req.session
    t = s.get(m.Transcript, req.subject_id) if req.subject_id else None
    if t is None or t.complaint_id != req.complaint.id:
        raise NotFound("找不到该调查笔录。")
    investigators = []
    for ti in t.investigators:
        u = s.get(m.User, ti.user_id)
        if u:
            investigators.append(d.Investigator(name=u.full_name, unit=u.unit_name, certificate_no=u.certificate_no))
    seq = len(s.scalars(select(m.Transcript.id).where(
        m.Transcript.complaint_id == t.complaint_id, m.Transcript.id <= t.id)).all())
    turns = [x for x in t.turns if x.retired_at is None]
    return d.TranscriptData(
        **base_fields(req, (t.started_at or t.created_at).date()), title=t.title, sequence=seq,
        started_at=t.started_at or t.created_at, ended_at=t.ended_at or t.started_at or t.created_at,
        place=t.place, investigators=tuple(investigators), recorder=user_name(s, t.recorder_id),
        interviewee=d.Interviewee(name=t.interviewee_name, sex=_label(Sex, t.interviewee_sex) if t.interviewee_sex != "U" else "",
                                  id_number=t.interviewee_id_number, employer=t.interviewee_unit,
                                  phone=t.interviewee_phone, role=_label(IntervieweeRole, t.interviewee_role)),
        opening_notice=t.opening_text, turns=tuple(d.QaTurn(question=x.question, answer=x.answer) for x in turns),
        refusal_annotation=t.refusal_note)

from desktop_app.services import document_builders_more  # noqa: F401
