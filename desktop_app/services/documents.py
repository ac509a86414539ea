"""Printing statutory documents (versioned, numbered, reproducible) and recording service (送达)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.documents.registry import DOCUMENT_KINDS, render_document
from desktop_app.documents.versioning import _to_plain, parse_qr_payload
from desktop_app.domain import models as m
from desktop_app.domain.enums import CaseState, PoaScope, Role, ServiceMethod, SupervisionStatus
from desktop_app.domain.errors import NotFound, TransitionRefused, ValidationError
from desktop_app.rules import lifecycle
from desktop_app.services import document_builders as builders
from desktop_app.services.base import ServiceBase
from desktop_app.services.cases import live, load_case, refresh_derived
from desktop_app.services.context import UnitOfWork, next_sequence
from desktop_app.services.dto import CaseRef, DocumentInfo, GeneratedDocument
from desktop_app.services.security import require_case_detail

# Documents whose service (送达) stops a statutory clock.
NOTICE_KINDS = ("acceptance_notice", "non_acceptance_notice")
PRINT_ROLES = (Role.FRONT_DESK, Role.REVIEWER, Role.INVESTIGATOR, Role.HEAD, Role.ARCHIVIST)


def printable_kinds() -> list[tuple[str, str]]:
    """Kinds that have both a renderer and a builder (what ``print --list`` shows)."""
    return [(k, v.title) for k, v in DOCUMENT_KINDS.items() if k in builders.BUILDERS]


def issue_document(ctx: Any, uow: UnitOfWork, c: m.Complaint, kind: str, *, subject_id: int | None = None,
                   options: dict[str, Any] | None = None) -> tuple[m.Document, bytes]:
    """Build, render and store a document version inside ``uow`` (reuses an identical latest version)."""
    if kind not in DOCUMENT_KINDS or kind not in builders.BUILDERS:
        known = "、".join(k for k, _ in printable_kinds())
        raise ValidationError(f"未知的文书类型“{kind}”。可打印的文书：{known}", field="kind")
    s = uow.session
    subject_type = builders.SUBJECT_TYPES.get(kind, "")
    options = options or {}
    variant = options.get("variant", "")
    latest = _latest(s, c.id, kind, subject_id, variant)
    rules = ctx.rule_set(c.rule_set_id)
    doc_no = latest.doc_no if latest else ""
    spec = rules.documents.get(kind)
    if not doc_no and spec is not None and spec.number_pattern and not options.get("blank"):
        year = (c.decision_date or ctx.clock.today()).year
        seq = next_sequence(s, ctx.db, c.office.code, year, f"doc:{kind}")
        doc_no = rules.format_document_number(kind, office_short=c.office.short_name or c.office.code,
                                              year=year, seq=seq)
    req = builders.BuildRequest(ctx=ctx, session=s, complaint=c, subject_id=subject_id, options=options,
                                doc_number=doc_no)
    data = builders.BUILDERS[kind](req)
    rendered = render_document(kind, data)
    if latest is not None and latest.version_hash == rendered.version_hash:
        return latest, rendered.pdf
    now = ctx.clock.now()
    doc = m.Document(
        complaint_id=c.id, kind=kind, title=DOCUMENT_KINDS[kind].title, doc_no=doc_no,
        version_no=(latest.version_no + 1) if latest else 1, version_hash=rendered.version_hash,
        data=_to_plain(data) | {"_variant": variant}, pdf=rendered.pdf, page_count=rendered.page_count,
        issued_on=data.issued_on, subject_type=subject_type, subject_id=subject_id,
        created_by_id=uow.actor.user_id, created_at=now)
    s.add(doc)
    s.flush()
    if latest is not None:
        latest.superseded_by_id = doc.id
    uow.audit("document.issue", entity="document", entity_id=doc.id, complaint_id=c.id,
              summary=f"生成{doc.title}第{doc.version_no}版" + (f"（{doc_no}）" if doc_no else ""),
              after={"kind": kind, "doc_no": doc_no, "version_no": doc.version_no,
                     "version_hash": doc.version_hash, "pages": doc.page_count})
    return doc, rendered.pdf


def _latest(s: Session, case_id: int, kind: str, subject_id: int | None, variant: str) -> m.Document | None:
    q = select(m.Document).where(m.Document.complaint_id == case_id, m.Document.kind == kind,
                                 m.Document.superseded_by_id.is_(None))
    q = q.where(m.Document.subject_id == subject_id) if subject_id is not None else q.where(
        m.Document.subject_id.is_(None))
    for doc in s.scalars(q.order_by(m.Document.id.desc())):
        if (doc.data or {}).get("_variant", "") == variant:
            return doc
    return None


class DocumentService(ServiceBase):
    def kinds(self) -> list[tuple[str, str]]:
        return printable_kinds()

    def generate(self, case_id: int, kind: str, *, subject_id: int | None = None,
                 options: dict[str, Any] | None = None) -> GeneratedDocument:
        """Print a document for a case: a new version only when its content changed."""
        self.actor.require(*PRINT_ROLES, action="打印文书")
        options = dict(options or {})
        if kind == "poa" and options.get("blank"):
            options.setdefault("variant", "blank")
        with self.uow() as uow:
            c = load_case(uow.session, case_id, write=False)
            require_case_detail(uow.session, self.actor, c, "打印文书")  # sensitive cases (issue 6)
            if c.state == CaseState.ARCHIVED or c.imported:
                doc = _latest(uow.session, c.id, kind, subject_id, options.get("variant", ""))
                if doc is None:
                    raise TransitionRefused(f"案件 {c.case_no} 已归档或为导入数据，不能生成新文书，只能重印已有文书。")
                pdf = doc.pdf or b""
            else:
                doc, pdf = issue_document(self.ctx, uow, c, kind, subject_id=subject_id, options=options)
            uow.audit("document.print", entity="document", entity_id=doc.id, complaint_id=c.id,
                      summary=f"打印{doc.title}第{doc.version_no}版")
            return GeneratedDocument(doc.id, doc.kind, doc.title, doc.doc_no, doc.version_hash, doc.page_count, pdf)

    def reprint(self, document_id: int) -> GeneratedDocument:
        """The stored PDF of a version, byte for byte."""
        self.actor.require(*PRINT_ROLES, action="重印文书")
        with self.uow() as uow:
            doc = uow.session.get(m.Document, document_id)
            if doc is None:
                raise NotFound("找不到该文书。")
            require_case_detail(uow.session, self.actor, uow.session.get(m.Complaint, doc.complaint_id), "重印文书")
            uow.audit("document.print", entity="document", entity_id=doc.id, complaint_id=doc.complaint_id,
                      summary=f"重印{doc.title}第{doc.version_no}版")
            return GeneratedDocument(doc.id, doc.kind, doc.title, doc.doc_no, doc.version_hash, doc.page_count,
                                     doc.pdf or b"")

    def list_documents(self, case_id: int) -> list[DocumentInfo]:
        with self.read() as s:
            docs = s.scalars(select(m.Document).where(m.Document.complaint_id == case_id).order_by(m.Document.id)).all()
            served = set(s.scalars(select(m.ServiceRecord.document_id).where(m.ServiceRecord.complaint_id == case_id)))
            return [DocumentInfo(x.id, x.kind, x.title, x.doc_no, x.version_no, x.version_hash, x.issued_on,
                                 x.page_count, x.id in served, x.superseded_by_id is not None) for x in docs]

    def case_for_scan(self, scanned: str) -> CaseRef:
        """What a keyboard-wedge scanner typed (QR on any page) → the case."""
        payload = parse_qr_payload(scanned)
        if payload is None:
            raise ValidationError("扫描内容不是本系统打印的二维码，请重新扫描。", field="scan")
        with self.read() as s:
            c = s.scalars(select(m.Complaint).where(m.Complaint.case_no == payload.case_no)).one_or_none()
            if c is None:
                raise NotFound(f"二维码中的案号“{payload.case_no}”在本数据库中不存在。")
            return CaseRef(c.id, c.case_no, c.state, c.version)

    def document_for_scan(self, scanned: str) -> DocumentInfo | None:
        payload = parse_qr_payload(scanned)
        if payload is None:
            return None
        with self.read() as s:
            for x in s.scalars(select(m.Document).where(m.Document.kind == payload.kind,
                                                        m.Document.version_hash.like(payload.hash12 + "%"))):
                return DocumentInfo(x.id, x.kind, x.title, x.doc_no, x.version_no, x.version_hash, x.issued_on,
                                    x.page_count, False, x.superseded_by_id is not None)
        return None

    # ------------------------------------------------------------------ 送达

    def record_service(self, document_id: int, *, recipient_name: str, method: str, served_on: dt.date,
                       recipient_role: str = "COMPLAINANT", tracking_no: str = "", address: str = "",
                       proof_note: str = "", undeliverable_reason: str = "") -> int:
        """Record that a document was served. A notice counts as sent only from this record (C1/C3)."""
        self.actor.require(Role.FRONT_DESK, Role.REVIEWER, Role.HEAD, Role.INVESTIGATOR, action="登记送达")
        try:
            meth = ServiceMethod(method)
        except ValueError:
            raise ValidationError("请选择送达方式。", field="method") from None
        today = self.ctx.clock.today()
        if served_on > today:
            raise ValidationError("送达日期不能晚于今天。", field="served_on")
        if meth is ServiceMethod.POST and not tracking_no.strip():
            raise ValidationError("邮寄送达请填写邮件单号（挂号/EMS）。", field="tracking_no")
        if meth is ServiceMethod.UNDELIVERABLE and not undeliverable_reason.strip():
            raise ValidationError("无法送达时请注明原因（如匿名投诉、无联系地址）。", field="undeliverable_reason")
        if meth is not ServiceMethod.UNDELIVERABLE and not recipient_name.strip():
            raise ValidationError("请填写受送达人。", field="recipient_name")
        with self.uow() as uow:
            s = uow.session
            doc = s.get(m.Document, document_id)
            if doc is None:
                raise NotFound("找不到要送达的文书。")
            c = load_case(s, doc.complaint_id)
            if served_on < doc.issued_on:
                raise ValidationError(f"送达日期早于文书日期（{doc.issued_on.isoformat()}），请核对。", field="served_on")
            if recipient_role == "AGENT":
                agent = next((a for a in live(list(c.agents)) if a.name == recipient_name.strip()), None)
                if agent is None or not (agent.is_guardian or PoaScope.RECEIVE_DOCUMENTS.value in (agent.poa_scope or [])):
                    raise TransitionRefused(
                        f"代理人“{recipient_name}”的委托权限不包括接收通知和法律文书（第七条），"
                        "文书应送达投诉人本人。", field="recipient_name")
            rec = m.ServiceRecord(
                complaint_id=c.id, document_id=doc.id, recipient_name=recipient_name.strip() or "（无法送达）",
                recipient_role=recipient_role, method=meth.value, served_on=served_on, tracking_no=tracking_no.strip(),
                address=address, proof_note=proof_note, undeliverable_reason=undeliverable_reason,
                recorded_by_id=self.actor.user_id, created_at=self.ctx.clock.now())
            s.add(rec)
            s.flush()
            self._after_service(uow, c, doc, served_on)
            refresh_derived(self.ctx, s, c)
            uow.audit("document.serve", entity="service_record", entity_id=rec.id, complaint_id=c.id,
                      summary=f"{doc.title}{meth.label}送达{recipient_name}（{served_on.isoformat()}）",
                      after={"document_id": doc.id, "method": meth.value, "served_on": served_on,
                             "recipient": recipient_name, "tracking_no": tracking_no})
            return rec.id

    def _after_service(self, uow: UnitOfWork, c: m.Complaint, doc: m.Document, served_on: dt.date) -> None:
        if doc.kind in NOTICE_KINDS and c.acceptance_notice_sent_on is None:
            c.acceptance_notice_sent_on = served_on
        elif doc.kind == "reply" and c.state == CaseState.DECIDED:
            lifecycle.transition("T12_reply", c.state)
            c.reply_sent_on = served_on
            c.state = CaseState.REPLIED.value
            open_tasks = uow.session.scalars(select(m.SupervisionTask.id).where(
                m.SupervisionTask.complaint_id == c.id,
                m.SupervisionTask.status.in_([SupervisionStatus.OPEN, SupervisionStatus.REPORTED]))).first()
            transfers_open = uow.session.scalars(select(m.Transfer.id).where(
                m.Transfer.complaint_id == c.id, m.Transfer.feedback_on.is_(None))).first()
            if open_tasks or transfers_open:
                lifecycle.transition("T13_supervise", c.state)
                c.state = CaseState.SUPERVISING.value
            uow.audit("case.transition", entity="complaint", entity_id=c.id, complaint_id=c.id,
                      summary=f"答复书已送达，状态变为{CaseState(c.state).label}",
                      before={"state": CaseState.DECIDED.value}, after={"state": c.state})
