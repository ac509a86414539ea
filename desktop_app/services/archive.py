"""归档 (Art 19, 一事一卷): completeness checklist from the rule set, binding, 补充归档."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain import models as m
from desktop_app.domain.enums import CaseState, Channel, ExtensionStatus, InvestigationActKind, Role
from desktop_app.domain.errors import NotFound, TransitionRefused, ValidationError
from desktop_app.rules import lifecycle
from desktop_app.services.base import ServiceBase
from desktop_app.services.cases import live, load_case, refresh_derived
from desktop_app.services.context import next_sequence


@dataclass(frozen=True)
class ChecklistLine:
    document: str
    title: str
    required: bool
    present: bool
    detail: str  # what is there, or exactly what is missing


@dataclass(frozen=True)
class ArchiveCheck:
    case_id: int
    case_no: str
    outcome_kind: str  # accepted / not_accepted / withdrawn
    lines: list[ChecklistLine]

    @property
    def missing(self) -> list[ChecklistLine]:
        return [x for x in self.lines if x.required and not x.present]

    @property
    def complete(self) -> bool:
        return not self.missing


def outcome_kind(c: m.Complaint) -> str:
    if c.state == CaseState.WITHDRAWN or (c.state == CaseState.ARCHIVED and c.closed_on and c.decision == "ACCEPT"
                                          and c.handling_decided_on is None):
        return "withdrawn"
    if c.decision == "NOT_ACCEPT":
        return "not_accepted"
    return "accepted"


def _applies(condition: str, facts: dict[str, bool]) -> bool:
    return condition == "always" or facts.get(condition, False)


def check_volume(ctx: Any, s: Session, c: m.Complaint) -> ArchiveCheck:
    rules = ctx.rule_set(c.rule_set_id)
    kind = outcome_kind(c)
    docs = s.scalars(select(m.Document).where(m.Document.complaint_id == c.id,
                                              m.Document.superseded_by_id.is_(None))).all()
    by_kind: dict[str, list[m.Document]] = {}
    for d in docs:
        by_kind.setdefault(d.kind, []).append(d)
    services = s.scalars(select(m.ServiceRecord).where(m.ServiceRecord.complaint_id == c.id)).all()
    served_docs = {r.document_id for r in services}
    deliverable = any(r.method != "UNDELIVERABLE" for r in services)
    acts = s.scalars(select(m.InvestigationAct).where(m.InvestigationAct.complaint_id == c.id,
                                                      m.InvestigationAct.retired_at.is_(None))).all()
    facts = {
        "oral": Channel(c.channel).needs_signature,
        "agent": any(not a.is_guardian for a in live(list(c.agents))),
        "extended": s.scalars(select(m.Extension.id).where(
            m.Extension.complaint_id == c.id, m.Extension.status == ExtensionStatus.APPROVED)).first() is not None,
        "transferred": s.scalars(select(m.Transfer.id).where(m.Transfer.complaint_id == c.id)).first() is not None,
        "stop_order": any(a.kind == InvestigationActKind.STOP_ORDER for a in acts),
        "deliverable": deliverable,
    }
    frozen = s.scalars(select(m.Transcript.id).where(m.Transcript.complaint_id == c.id,
                                                     m.Transcript.status == "FROZEN")).all()
    evidence = s.scalars(select(m.EvidenceItem.id).where(m.EvidenceItem.complaint_id == c.id,
                                                         m.EvidenceItem.retired_at.is_(None))).all()
    lines = []
    for item in rules.archive_checklist.for_outcome(kind):
        title = rules.documents[item.document].title if item.document in rules.documents else item.document
        required = _applies(item.condition.value if hasattr(item.condition, "value") else str(item.condition), facts)
        present_docs = by_kind.get(item.document, [])
        if item.document == "registration_form" and not present_docs:
            # Issued from the registration data when the volume is bound (it then carries the review).
            ok = c.state != CaseState.RECEIVED
            detail = "归档时按登记信息生成" if ok else "登记尚未完成"
        elif item.document == "transcript":
            ok = bool(frozen) or bool(evidence)
            detail = (f"已签认封存笔录{len(frozen)}份" if frozen else f"证据材料{len(evidence)}份") if ok else \
                "缺少经被调查人签字或捺印确认的调查笔录（或其他调查材料）"
        elif item.document == "oral_record" and required:
            ok = bool(present_docs) and c.record_signature != "PENDING"
            detail = "已签字/捺印确认" if ok else ("口头投诉记录尚未打印" if not present_docs else "口头投诉记录尚未确认签字或捺印")
        elif item.document == "poa" and required:
            missing = [a.name for a in live(list(c.agents)) if not a.is_guardian and not a.poa_submitted]
            ok = not missing
            detail = "授权委托书已提交" if ok else f"代理人{'、'.join(missing)}的授权委托书未提交"
        elif item.document == "service_receipt":
            if not deliverable and services:
                ok, detail = True, "无法送达，已注明原因"
            else:
                ok = bool(services)
                detail = f"送达记录{len(services)}份" if ok else "没有任何送达记录"
        else:
            ok = len(present_docs) >= max(1, item.min_count)
            detail = "、".join(d.doc_no or f"第{d.version_no}版" for d in present_docs) if ok else f"缺少{title}"
            if ok and item.needs_service_record:
                unserved = [d for d in present_docs if d.id not in served_docs]
                if unserved:
                    ok = False
                    detail = f"{title}尚无送达记录（送达回证或无法送达说明）"
        lines.append(ChecklistLine(item.document, title, required, ok if required else ok, detail))
    return ArchiveCheck(c.id, c.case_no, kind, lines)


def append_to_volume(s: Session, c: m.Complaint, *, title: str, doc_no: str = "", doc_date: dt.date | None = None,
                     document_id: int | None = None, attachment_id: int | None = None,
                     now: dt.datetime) -> m.ArchiveItem:
    """补充归档: later documents are appended as new items; archived items never change."""
    vol = s.scalars(select(m.ArchiveVolume).where(m.ArchiveVolume.complaint_id == c.id)).one_or_none()
    if vol is None:
        raise NotFound("该案尚未归档。")
    seq = max((i.seq for i in vol.items), default=0) + 1
    item = m.ArchiveItem(volume_id=vol.id, seq=seq, title=title, doc_no=doc_no, doc_date=doc_date,
                         document_id=document_id, attachment_id=attachment_id, appended=True, created_at=now)
    s.add(item)
    vol.items.append(item)
    s.flush()
    return item


class ArchiveService(ServiceBase):
    def check(self, case_id: int) -> ArchiveCheck:
        with self.read() as s:
            c = s.get(m.Complaint, case_id)
            if c is None:
                raise NotFound(f"找不到编号为 {case_id} 的投诉案件。")
            return check_volume(self.ctx, s, c)

    def archive(self, case_id: int, *, retention: str = "长期", remarks: str = "") -> str:
        """T14/T6: bind the volume when its checklist is complete. Returns the archive number."""
        self.actor.require(Role.ARCHIVIST, action="归档")
        with self.uow() as uow:
            s = uow.session
            c = load_case(s, case_id)
            lifecycle.transition("T14_archive", c.state)
            from desktop_app.services.documents import issue_document
            # The 登记表 carries the review opinion and the notice number: bring it up to date first.
            issue_document(self.ctx, uow, c, "registration_form")
            check = check_volume(self.ctx, s, c)
            if not check.complete:
                raise TransitionRefused("案卷材料不齐全，不能归档。缺少：" + "；".join(
                    x.detail for x in check.missing) + "。", code="archive_incomplete")
            open_tasks = s.scalars(select(m.SupervisionTask.id).where(
                m.SupervisionTask.complaint_id == c.id, m.SupervisionTask.status.in_(["OPEN", "REPORTED"]))).all()
            now = self.ctx.clock.now()
            year = now.year
            seq = next_sequence(s, self.ctx.db, c.office.code, year, "archive")
            archive_no = f"{c.office.short_name or c.office.code}投诉档〔{year}〕{seq:04d}号"
            from desktop_app.services.archive_volume import archive_sort_key
            docs = sorted(s.scalars(select(m.Document).where(m.Document.complaint_id == c.id,
                                                             m.Document.superseded_by_id.is_(None))),
                          key=lambda d: archive_sort_key(d.kind, d.issued_on, d.id))  # procedure order
            vol = m.ArchiveVolume(complaint_id=c.id, archive_no=archive_no, year=year, retention=retention,
                                  archived_on=now.date(), archived_by_id=self.actor.user_id,
                                  remarks=remarks + (f"（执行监督任务{len(open_tasks)}项仍在进行）" if open_tasks else ""),
                                  created_at=now)
            s.add(vol)
            s.flush()
            page = 1
            seqno = 0
            for d in docs:
                seqno += 1
                s.add(m.ArchiveItem(volume_id=vol.id, seq=seqno, title=d.title, doc_no=d.doc_no, doc_date=d.issued_on,
                                    document_id=d.id, page_from=page, page_to=page + d.page_count - 1, created_at=now))
                page += d.page_count
                for a in s.scalars(select(m.Attachment).where(
                        m.Attachment.complaint_id == c.id, m.Attachment.owner_type == "transcript",
                        m.Attachment.owner_id == d.subject_id)) if d.kind == "transcript" else []:
                    seqno += 1
                    s.add(m.ArchiveItem(volume_id=vol.id, seq=seqno, title=f"{d.title}（签字扫描件）",
                                        doc_no=d.doc_no, doc_date=d.issued_on, attachment_id=a.id,
                                        page_from=page, page_to=page + a.page_count - 1, created_at=now))
                    page += a.page_count
            vol.page_count = page - 1
            before = c.state
            c.state = CaseState.ARCHIVED.value
            c.closed_on = c.closed_on or now.date()
            refresh_derived(self.ctx, s, c)
            uow.audit("archive.bind", entity="archive_volume", entity_id=vol.id, complaint_id=c.id,
                      summary=f"归档，档号{archive_no}，共{seqno}件{vol.page_count}页",
                      before={"state": before}, after={"state": c.state, "archive_no": archive_no})
            return archive_no

    def volume(self, case_id: int) -> dict[str, Any]:
        with self.read() as s:
            vol = s.scalars(select(m.ArchiveVolume).where(m.ArchiveVolume.complaint_id == case_id)).one_or_none()
            if vol is None:
                raise NotFound("该案尚未归档。")
            return dict(archive_no=vol.archive_no, year=vol.year, retention=vol.retention,
                        archived_on=vol.archived_on, page_count=vol.page_count, remarks=vol.remarks,
                        items=[dict(seq=i.seq, title=i.title, doc_no=i.doc_no, doc_date=i.doc_date,
                                    page_from=i.page_from, page_to=i.page_to, appended=i.appended,
                                    document_id=i.document_id, attachment_id=i.attachment_id) for i in vol.items])

    def add_lending(self, case_id: int, borrower: str, purpose: str, lent_on: dt.date,
                    due_on: dt.date | None = None) -> int:
        self.actor.require(Role.ARCHIVIST, action="登记借阅")
        if not borrower.strip():
            raise ValidationError("请填写借阅人。", field="borrower")
        with self.uow() as uow:
            s = uow.session
            vol = s.scalars(select(m.ArchiveVolume).where(m.ArchiveVolume.complaint_id == case_id)).one_or_none()
            if vol is None:
                raise NotFound("该案尚未归档，不能借阅。")
            open_loan = s.scalars(select(m.LendingRecord).where(m.LendingRecord.volume_id == vol.id,
                                                                m.LendingRecord.returned_on.is_(None))).first()
            if open_loan is not None:
                raise TransitionRefused(f"该卷已由{open_loan.borrower}于{open_loan.lent_on.isoformat()}借出，尚未归还。")
            rec = m.LendingRecord(volume_id=vol.id, borrower=borrower, purpose=purpose, lent_on=lent_on, due_on=due_on,
                                  recorded_by_id=self.actor.user_id, created_at=self.ctx.clock.now())
            s.add(rec)
            s.flush()
            uow.audit("archive.lend", entity="lending_record", entity_id=rec.id, complaint_id=case_id,
                      summary=f"{borrower}借阅档案{vol.archive_no}", after={"purpose": purpose, "due_on": due_on})
            return rec.id

    def return_lending(self, lending_id: int, returned_on: dt.date) -> None:
        self.actor.require(Role.ARCHIVIST, action="登记归还")
        with self.uow() as uow:
            s = uow.session
            rec = s.get(m.LendingRecord, lending_id)
            if rec is None:
                raise NotFound("找不到该借阅记录。")
            if rec.returned_on is not None:
                raise TransitionRefused("该卷已归还。")
            if returned_on < rec.lent_on:
                raise ValidationError("归还日期不能早于借出日期。", field="returned_on")
            rec.returned_on = returned_on
            vol = s.get(m.ArchiveVolume, rec.volume_id)
            uow.audit("archive.return", entity="lending_record", entity_id=rec.id,
                      complaint_id=vol.complaint_id if vol else None, summary=f"{rec.borrower}归还档案",
                      after={"returned_on": returned_on})
