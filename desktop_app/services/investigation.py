"""调查 (Art 11–13, 15): teams of ≥ 2, transcripts signed page by page, evidence, extensions."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain import models as m
from desktop_app.domain.enums import (
    CaseState,
    ExtensionStatus,
    IntervieweeRole,
    InvestigationActKind,
    Role,
    SignatureStatus,
)
from desktop_app.domain.errors import NotFound, TransitionRefused, ValidationError
from desktop_app.rules import lifecycle
from desktop_app.services.security import require_case_detail
from desktop_app.services.base import ServiceBase
from desktop_app.services.cases import case_clocks, load_case, refresh_derived
from desktop_app.services.documents import issue_document
from desktop_app.services.dto import CaseRef, GeneratedDocument
from desktop_app.services.review import check_recusal, check_user_recusal

ACTIVE_STATES = (CaseState.ACCEPTED, CaseState.INVESTIGATING, CaseState.DECISION_DRAFTED, CaseState.REOPENED)


@dataclass
class TurnInput:
    question: str = ""
    answer: str = ""


@dataclass
class TranscriptInput:
    """调查笔录 form."""

    investigator_ids: list[int] = field(default_factory=list)
    recorder_id: int | None = None
    started_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None
    place: str = ""
    interviewee_name: str = ""
    interviewee_role: str = IntervieweeRole.RESPONDENT.value
    interviewee_sex: str = "U"
    interviewee_id_number: str = ""
    interviewee_unit: str = ""
    interviewee_phone: str = ""
    opening_text: str = ""
    turns: list[TurnInput] = field(default_factory=list)
    title: str = "调查笔录"


@dataclass(frozen=True)
class TranscriptView:
    id: int
    complaint_id: int
    status: str
    version: int
    previous_id: int | None
    data: TranscriptInput
    page_count: int
    pages: list[tuple[int, str, str]]  # (page_no, status, note)
    content_hash: str
    printed_hash: str


def content_hash(t: m.Transcript, investigator_ids: list[int], turns: list[m.TranscriptTurn]) -> str:
    """Hash of everything the interviewee signs (frozen with the transcript)."""
    payload = {
        "investigators": sorted(investigator_ids), "recorder": t.recorder_id, "place": t.place,
        "started_at": t.started_at.isoformat() if t.started_at else None,
        "ended_at": t.ended_at.isoformat() if t.ended_at else None,
        "interviewee": [t.interviewee_name, t.interviewee_role, t.interviewee_id_number, t.interviewee_unit],
        "opening": t.opening_text, "turns": [[x.question, x.answer] for x in turns],
    }
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


class InvestigationService(ServiceBase):
    """Investigators (调查人员) and the head (extensions)."""

    # ------------------------------------------------------------------ team

    def _team(self, s: Session, c: m.Complaint, user_ids: list[int], what: str) -> list[m.User]:
        ids = list(dict.fromkeys(user_ids))
        if len(ids) < 2:
            raise ValidationError(f"{what}须由两名以上工作人员进行（第十二条），当前只选了{len(ids)}人。",
                                  field="investigator_ids", code="two_investigators")
        users = []
        for uid in ids:
            u = s.get(m.User, uid)
            if u is None or not u.active:
                raise ValidationError(f"调查人员（编号{uid}）不存在或已停用。", field="investigator_ids")
            if Role.INVESTIGATOR.value not in u.role_codes and Role.HEAD.value not in u.role_codes:
                raise ValidationError(f"{u.full_name}不是调查人员，不能参加调查。", field="investigator_ids")
            check_user_recusal(s, u, c, "参加本案调查")
            users.append(u)
        return users

    def start_investigation(self, case_id: int, investigator_ids: list[int]) -> CaseRef:
        """T7: assign a team of ≥ 2 investigators (none from the respondent unit)."""
        self.actor.require(Role.HEAD, Role.REVIEWER, action="指派调查人员")
        with self.uow() as uow:
            s = uow.session
            c = load_case(s, case_id)
            lifecycle.transition("T7_start_investigation", c.state)
            users = self._team(s, c, investigator_ids, "调查")
            before = c.state
            c.state = CaseState.INVESTIGATING.value
            c.handler_id = users[0].id
            now = self.ctx.clock.now()
            s.add(m.CaseEvent(complaint_id=c.id, kind="TEAM_ASSIGNED", occurred_on=now.date(),
                              note="、".join(u.full_name for u in users), data={"user_ids": [u.id for u in users]},
                              created_by_id=self.actor.user_id, created_at=now))
            refresh_derived(self.ctx, s, c)
            uow.audit("case.transition", entity="complaint", entity_id=c.id, complaint_id=c.id,
                      summary=f"开始调查，调查组：{'、'.join(u.full_name for u in users)}",
                      before={"state": before}, after={"state": c.state, "team": [u.id for u in users]})
            return CaseRef(c.id, c.case_no, c.state, c.version)

    def _require_investigating(self, c: m.Complaint) -> None:
        if CaseState(c.state) not in (CaseState.INVESTIGATING, CaseState.DECISION_DRAFTED, CaseState.REOPENED):
            raise TransitionRefused(f"案件当前为“{CaseState(c.state).label}”，只有调查中的案件可以记录调查活动；"
                                    "请先指派调查人员开始调查。", code="state")

    # ------------------------------------------------------------------ acts

    def record_act(self, case_id: int, kind: str, *, investigator_ids: list[int], occurred_on: dt.date,
                   title: str = "", place: str = "", counterpart: str = "", summary: str = "",
                   due_date: dt.date | None = None, details: dict[str, Any] | None = None) -> int:
        """An investigative act of Art 12/13 (explanation request, file call-up, verification …)."""
        self.actor.require(Role.INVESTIGATOR, Role.HEAD, action="记录调查活动")
        try:
            k = InvestigationActKind(kind)
        except ValueError:
            raise ValidationError("请选择调查活动类型。", field="kind") from None
        details = dict(details or {})
        if occurred_on > self.ctx.clock.today():
            raise ValidationError("调查日期不能晚于今天。", field="occurred_on")
        if k is InvestigationActKind.EXPLANATION_REQUEST and due_date is None:
            raise ValidationError("要求被投诉人说明情况须设定答复期限。", field="due_date")
        if k is InvestigationActKind.FILE_CALLUP:
            for key, label in (("file_ref", "案卷名称或编号"), ("from_whom", "调阅对象")):
                if not str(details.get(key, "")).strip():
                    raise ValidationError(f"调阅案卷请填写{label}。", field=key)
        with self.uow() as uow:
            s = uow.session
            c = load_case(s, case_id)
            self._require_investigating(c)
            check_recusal(s, self.actor, c, "记录本案调查活动")
            users = self._team(s, c, investigator_ids, k.label)
            warning = ""
            if k is InvestigationActKind.FILE_CALLUP and details.get("original") and c.aid_case_open:
                # Art 11: the investigation must not obstruct the respondent's live aid case.
                if not details.get("obstruction_acknowledged"):
                    raise TransitionRefused(
                        "该法律援助案件仍在办理中，调阅原件可能妨碍被投诉人正常的法律援助活动（第十一条）。"
                        "建议复制后当日归还；确需调阅原件请注明约定归还日期并确认。", code="aid_case_open")
                warning = "（在办案件，已确认不妨碍正常办案）"
            act = m.InvestigationAct(
                complaint_id=c.id, kind=k.value, title=title or k.label, occurred_on=occurred_on, place=place,
                counterpart=counterpart, summary=summary, details=details, due_date=due_date,
                created_by_id=self.actor.user_id, created_at=self.ctx.clock.now())
            s.add(act)
            s.flush()
            for u in users:
                s.add(m.ActInvestigator(act_id=act.id, user_id=u.id))
            if k is InvestigationActKind.STOP_ORDER:
                c.continuing_violation = True
            refresh_derived(self.ctx, s, c)
            uow.audit("investigation.act", entity="investigation_act", entity_id=act.id, complaint_id=c.id,
                      summary=f"{k.label}：{title or counterpart}{warning}",
                      after={"kind": k.value, "occurred_on": occurred_on, "team": [u.id for u in users],
                             "due_date": due_date, "details": details})
            return act.id

    def complete_act(self, act_id: int, completed_on: dt.date, note: str = "") -> None:
        """Respondent's explanation received / called-up file returned."""
        self.actor.require(Role.INVESTIGATOR, Role.HEAD, action="记录调查活动")
        with self.uow() as uow:
            s = uow.session
            act = s.get(m.InvestigationAct, act_id)
            if act is None:
                raise NotFound("找不到该调查活动。")
            c = load_case(s, act.complaint_id)
            if completed_on < act.occurred_on:
                raise ValidationError("完成日期不能早于调查日期。", field="completed_on")
            act.completed_on = completed_on
            if note:
                act.details = dict(act.details or {}) | {"completion_note": note}
            refresh_derived(self.ctx, s, c)
            uow.audit("investigation.act_complete", entity="investigation_act", entity_id=act.id,
                      complaint_id=c.id, summary=f"{InvestigationActKind(act.kind).label}完成：{note[:80]}",
                      after={"completed_on": completed_on})

    def add_evidence(self, case_id: int, description: str, *, source: str = "", collected_on: dt.date | None = None,
                     pages: int = 1, is_original: bool = False, act_id: int | None = None,
                     transcript_id: int | None = None) -> int:
        self.actor.require(Role.INVESTIGATOR, Role.HEAD, action="登记证据")
        if not description.strip():
            raise ValidationError("请填写证据名称。", field="description")
        with self.uow() as uow:
            s = uow.session
            c = load_case(s, case_id)
            self._require_investigating(c)
            ev = m.EvidenceItem(complaint_id=c.id, description=description, source=source, collected_on=collected_on,
                                pages=max(1, pages), is_original=is_original, act_id=act_id,
                                transcript_id=transcript_id, created_by_id=self.actor.user_id,
                                created_at=self.ctx.clock.now())
            s.add(ev)
            s.flush()
            uow.audit("investigation.evidence", entity="evidence_item", entity_id=ev.id, complaint_id=c.id,
                      summary=f"登记证据：{description}", after={"description": description, "source": source})
            return ev.id

    # ------------------------------------------------------------------ transcripts

    def create_transcript(self, case_id: int, inp: TranscriptInput, *, previous_id: int | None = None,
                          correction_reason: str = "") -> int:
        self.actor.require(Role.INVESTIGATOR, Role.HEAD, action="制作调查笔录")
        with self.uow() as uow:
            s = uow.session
            c = load_case(s, case_id)
            self._require_investigating(c)
            check_recusal(s, self.actor, c, "制作本案调查笔录")
            self._validate_transcript(s, c, inp, final=False)
            now = self.ctx.clock.now()
            t = m.Transcript(complaint_id=c.id, created_by_id=self.actor.user_id, created_at=now, updated_at=now,
                             previous_id=previous_id, correction_reason=correction_reason)
            s.add(t)
            self._apply_transcript(s, t, inp, now)
            refresh_derived(self.ctx, s, c)
            uow.audit("transcript.create", entity="transcript", entity_id=t.id, complaint_id=c.id,
                      summary=f"新建{t.title}（被调查人：{t.interviewee_name}）"
                              + (f"，更正第{previous_id}号笔录：{correction_reason}" if previous_id else ""))
            return t.id

    def update_transcript(self, transcript_id: int, inp: TranscriptInput, *, expected_version: int) -> int:
        """Autosave / edit a draft. A printed-but-unsigned transcript returns to draft (reprint needed)."""
        self.actor.require(Role.INVESTIGATOR, Role.HEAD, action="修改调查笔录")
        with self.uow() as uow:
            s = uow.session
            t = self._transcript(s, transcript_id)
            c = load_case(s, t.complaint_id)
            if t.status == "FROZEN":
                raise TransitionRefused("该笔录已经被调查人签字/捺印确认并封存，内容不能再修改；"
                                        "如需更正，请新建一份关联的更正笔录。", code="frozen")
            if t.version != expected_version:
                raise ValidationError("该笔录已在其他地方被修改，请重新打开后再保存（您的输入已保留）。",
                                      code="conflict")
            if any(p.status != SignatureStatus.PENDING for p in t.pages if p.printed_hash == t.printed_hash):
                raise TransitionRefused("该笔录已有页面签字或捺印，不能修改；如需更正，请新建更正笔录。", code="frozen")
            self._validate_transcript(s, c, inp, final=False)
            self._apply_transcript(s, t, inp, self.ctx.clock.now())
            if t.status == "PRINTED":
                t.status = "DRAFT"  # the printed pages no longer match the content
            uow.audit("transcript.update", entity="transcript", entity_id=t.id, complaint_id=c.id,
                      summary=f"修改{t.title}（{len(inp.turns)}问答）")
            s.flush()
            return t.version

    def _validate_transcript(self, s: Session, c: m.Complaint, inp: TranscriptInput, *, final: bool) -> None:
        self._team(s, c, inp.investigator_ids, "调查笔录")
        errors = []
        if final:
            for fld, label in (("place", "地点"), ("interviewee_name", "被调查人姓名")):
                if not getattr(inp, fld).strip():
                    errors.append(ValidationError(f"请填写{label}。", field=fld))
            if inp.started_at is None or inp.ended_at is None:
                errors.append(ValidationError("请填写调查起止时间。", field="started_at"))
            if not [x for x in inp.turns if x.question.strip() or x.answer.strip()]:
                errors.append(ValidationError("笔录没有问答内容。", field="turns"))
        if inp.started_at and inp.ended_at and inp.ended_at < inp.started_at:
            errors.append(ValidationError("结束时间早于开始时间。", field="ended_at"))
        try:
            IntervieweeRole(inp.interviewee_role)
        except ValueError:
            errors.append(ValidationError("请选择被调查人身份。", field="interviewee_role"))
        if errors:
            raise ValidationError.collect(errors)

    def _apply_transcript(self, s: Session, t: m.Transcript, inp: TranscriptInput, now: dt.datetime) -> None:
        for f in ("recorder_id", "started_at", "ended_at", "place", "interviewee_name", "interviewee_role",
                  "interviewee_sex", "interviewee_id_number", "interviewee_unit", "interviewee_phone",
                  "opening_text", "title"):
            setattr(t, f, getattr(inp, f))
        if t.recorder_id is None and inp.investigator_ids:
            t.recorder_id = inp.investigator_ids[-1]
        t.updated_at = now
        s.flush()
        current = {ti.user_id for ti in t.investigators}
        wanted = list(dict.fromkeys(inp.investigator_ids))
        if current != set(wanted):
            # Link rows are not facts of the record; the audit log keeps the before/after team.
            for ti in list(t.investigators):
                if ti.user_id not in wanted:
                    t.investigators.remove(ti)
                    s.delete(ti)
            for uid in wanted:
                if uid not in current:
                    t.investigators.append(m.TranscriptInvestigator(transcript_id=t.id, user_id=uid))
        turns = [x for x in t.turns if x.retired_at is None]
        for i, x in enumerate(inp.turns):
            if i < len(turns):
                turns[i].question, turns[i].answer = x.question, x.answer
            else:
                row = m.TranscriptTurn(transcript_id=t.id, seq=i + 1, question=x.question, answer=x.answer)
                s.add(row)
                t.turns.append(row)
        for row in turns[len(inp.turns):]:
            row.retired_at = now
        s.flush()

    def _transcript(self, s: Session, transcript_id: int) -> m.Transcript:
        t = s.get(m.Transcript, transcript_id)
        if t is None:
            raise NotFound("找不到该调查笔录。")
        return t

    def get_transcript(self, transcript_id: int) -> TranscriptView:
        with self.read() as s:
            t = self._transcript(s, transcript_id)
            require_case_detail(s, self.actor, s.get(m.Complaint, t.complaint_id), "查看调查笔录")  # issue 6
            turns = [x for x in t.turns if x.retired_at is None]
            data = TranscriptInput(
                investigator_ids=[ti.user_id for ti in t.investigators], recorder_id=t.recorder_id,
                started_at=t.started_at, ended_at=t.ended_at, place=t.place, interviewee_name=t.interviewee_name,
                interviewee_role=t.interviewee_role, interviewee_sex=t.interviewee_sex,
                interviewee_id_number=t.interviewee_id_number, interviewee_unit=t.interviewee_unit,
                interviewee_phone=t.interviewee_phone, opening_text=t.opening_text,
                turns=[TurnInput(x.question, x.answer) for x in turns], title=t.title)
            pages = [(p.page_no, p.status, p.note) for p in t.pages if p.printed_hash == t.printed_hash]
            return TranscriptView(t.id, t.complaint_id, t.status, t.version, t.previous_id, data, t.page_count,
                                  pages, t.content_hash, t.printed_hash)

    def list_transcripts(self, case_id: int) -> list[TranscriptView]:
        with self.read() as s:
            ids = s.scalars(select(m.Transcript.id).where(m.Transcript.complaint_id == case_id)
                            .order_by(m.Transcript.id)).all()
        return [self.get_transcript(i) for i in ids]

    def print_transcript(self, transcript_id: int) -> GeneratedDocument:
        """Print for signature: fixes the printed version; each page then awaits signing.

        Once printed, reprinting returns the very PDF that is being (or was) signed, byte for byte:
        a refusal note or a later edit never silently changes the paper in the interviewee's hand.
        """
        self.actor.require(Role.INVESTIGATOR, Role.HEAD, action="打印调查笔录")
        with self.uow() as uow:
            s = uow.session
            t = self._transcript(s, transcript_id)
            c = load_case(s, t.complaint_id, write=t.status == "DRAFT")
            if t.status in ("PRINTED", "FROZEN") and t.printed_hash:
                doc = s.scalars(select(m.Document).where(
                    m.Document.complaint_id == c.id, m.Document.kind == "transcript",
                    m.Document.version_hash == t.printed_hash)).first()
                if doc is not None:
                    uow.audit("transcript.print", entity="transcript", entity_id=t.id, complaint_id=c.id,
                              summary=f"重印{t.title}（{doc.page_count}页，与签字版本一致）")
                    return GeneratedDocument(doc.id, doc.kind, doc.title, doc.doc_no, doc.version_hash,
                                             doc.page_count, doc.pdf or b"")
            turns = [x for x in t.turns if x.retired_at is None]
            inp = TranscriptInput(
                investigator_ids=[ti.user_id for ti in t.investigators], recorder_id=t.recorder_id,
                started_at=t.started_at, ended_at=t.ended_at, place=t.place,
                interviewee_name=t.interviewee_name, interviewee_role=t.interviewee_role,
                turns=[TurnInput(x.question, x.answer) for x in turns])
            self._validate_transcript(s, c, inp, final=True)
            doc, pdf = issue_document(self.ctx, uow, c, "transcript", subject_id=t.id)
            t.printed_hash = doc.version_hash
            t.page_count = doc.page_count
            t.status = "PRINTED"
            for n in range(1, doc.page_count + 1):
                s.add(m.TranscriptPage(transcript_id=t.id, page_no=n, printed_hash=doc.version_hash))
            uow.audit("transcript.print", entity="transcript", entity_id=t.id, complaint_id=c.id,
                      summary=f"打印{t.title}供签字（{doc.page_count}页）")
            s.flush()
            return GeneratedDocument(doc.id, doc.kind, doc.title, doc.doc_no, doc.version_hash, doc.page_count, pdf)

    def record_page_signature(self, transcript_id: int, page_no: int, status: str, note: str = "") -> str:
        """Per page: signed / thumbprinted / refused (annotated by the investigators).

        When every page of the printed version is done the transcript is frozen: its content
        hash is stored and edits are refused. Returns the transcript status.
        """
        self.actor.require(Role.INVESTIGATOR, Role.HEAD, action="登记笔录签字捺印")
        st = SignatureStatus(status)
        if st is SignatureStatus.PENDING:
            raise ValidationError("请选择签字、捺印或拒签。", field="status")
        if st in (SignatureStatus.REFUSED, SignatureStatus.NOT_POSSIBLE) and not note.strip():
            raise ValidationError("被调查人拒签或无法签字时，须由调查人员注明情况并签名。", field="note")
        with self.uow() as uow:
            s = uow.session
            t = self._transcript(s, transcript_id)
            c = load_case(s, t.complaint_id)
            if t.status == "FROZEN":
                raise TransitionRefused("该笔录已封存。", code="frozen")
            if t.status != "PRINTED":
                raise TransitionRefused("请先打印笔录交被调查人逐页签字或捺印。", code="not_printed")
            pages = [p for p in t.pages if p.printed_hash == t.printed_hash]
            page = next((p for p in pages if p.page_no == page_no), None)
            if page is None:
                raise ValidationError(f"打印版本共{t.page_count}页，没有第{page_no}页。", field="page_no")
            page.status, page.note = st.value, note
            page.recorded_by_id, page.recorded_at = self.actor.user_id, self.ctx.clock.now()
            if st is SignatureStatus.REFUSED:
                t.refusal_note = note
            s.flush()
            frozen = all(p.status != SignatureStatus.PENDING for p in pages)
            if frozen:
                turns = [x for x in t.turns if x.retired_at is None]
                t.content_hash = content_hash(t, [ti.user_id for ti in t.investigators], turns)
                t.status = "FROZEN"
                t.frozen_at = self.ctx.clock.now()
            uow.audit("transcript.page_signature", entity="transcript", entity_id=t.id, complaint_id=c.id,
                      summary=f"{t.title}第{page_no}页：{st.label}" + ("；全部页签认完毕，笔录封存" if frozen else ""),
                      after={"page": page_no, "status": st.value, "note": note,
                             "content_hash": t.content_hash if frozen else None})
            return t.status

    def correct_transcript(self, transcript_id: int, reason: str) -> int:
        """A correction of a frozen transcript is a new transcript linked to the old one."""
        if not reason.strip():
            raise ValidationError("请填写更正理由。", field="reason")
        view = self.get_transcript(transcript_id)
        if view.status != "FROZEN":
            raise TransitionRefused("尚未封存的笔录可以直接修改，无需另建更正笔录。")
        return self.create_transcript(view.complaint_id, view.data, previous_id=transcript_id,
                                      correction_reason=reason)

    def attach_scan(self, transcript_id: int, filename: str, content: bytes, mime_type: str,
                    page_count: int = 1, note: str = "") -> int:
        """Attach the scanned signed paper (PDF or images) to a transcript."""
        self.actor.require(Role.INVESTIGATOR, Role.HEAD, Role.ARCHIVIST, action="上传签字笔录扫描件")
        if not content:
            raise ValidationError("扫描文件为空。", field="file")
        if mime_type not in ("application/pdf", "image/png", "image/jpeg", "image/tiff"):
            raise ValidationError("扫描件须为PDF或图片（PNG/JPEG/TIFF）。", field="file")
        with self.uow() as uow:
            s = uow.session
            t = self._transcript(s, transcript_id)
            c = load_case(s, t.complaint_id)
            a = m.Attachment(complaint_id=c.id, owner_type="transcript", owner_id=t.id, filename=filename,
                             mime_type=mime_type, sha256=hashlib.sha256(content).hexdigest(), size=len(content),
                             page_count=page_count, content=content, note=note,
                             created_by_id=self.actor.user_id, created_at=self.ctx.clock.now())
            s.add(a)
            s.flush()
            uow.audit("attachment.add", entity="attachment", entity_id=a.id, complaint_id=c.id,
                      summary=f"上传{t.title}签字扫描件 {filename}", after={"sha256": a.sha256, "size": a.size})
            return a.id

    # ------------------------------------------------------------------ extension (Art 15)

    def request_extension(self, case_id: int, reason: str, new_due: dt.date) -> int:
        self.actor.require(Role.INVESTIGATOR, Role.REVIEWER, Role.HEAD, action="申请延长办理期限")
        if not reason.strip():
            raise ValidationError("申请延期须说明案情复杂的理由（第十五条）。", field="reason")
        with self.uow() as uow:
            s = uow.session
            c = load_case(s, case_id)
            if CaseState(c.state) not in ACTIVE_STATES:
                raise TransitionRefused(f"案件当前为“{CaseState(c.state).label}”，只有已受理、尚未作出处理决定的案件可以延期。")
            clocks = case_clocks(self.ctx, s, c)
            c2 = clocks.get("C2")
            if c2 is None:
                raise TransitionRefused("案件尚未受理，没有办理期限可以延长。")
            if new_due <= c2.due_date:
                raise ValidationError(f"新的期限应晚于当前期满日 {c2.due_date.isoformat()}。", field="new_due")
            pending = s.scalars(select(m.Extension).where(m.Extension.complaint_id == c.id,
                                                          m.Extension.status == ExtensionStatus.REQUESTED)).first()
            if pending is not None:
                raise TransitionRefused("已有一份延期申请等待机关负责人审批。")
            ext = m.Extension(complaint_id=c.id, requested_by_id=self.actor.user_id,
                              requested_at=self.ctx.clock.now(), reason=reason, previous_due=c2.due_date,
                              new_due=new_due, after_deadline=self.ctx.clock.today() > c2.due_date)
            s.add(ext)
            s.flush()
            uow.audit("extension.request", entity="extension", entity_id=ext.id, complaint_id=c.id,
                      summary=f"申请延长办理期限至{new_due.isoformat()}" + ("（逾期后延期）" if ext.after_deadline else ""),
                      after={"reason": reason, "previous_due": c2.due_date, "new_due": new_due})
            return ext.id

    def decide_extension(self, extension_id: int, approve: bool, note: str = "") -> GeneratedDocument | None:
        """The head approves (not the requester); approval generates the 延长办理期限告知书."""
        self.actor.require(Role.HEAD, action="批准延长办理期限")
        with self.uow() as uow:
            s = uow.session
            ext = s.get(m.Extension, extension_id)
            if ext is None:
                raise NotFound("找不到该延期申请。")
            c = load_case(s, ext.complaint_id)
            if ext.status != ExtensionStatus.REQUESTED:
                raise TransitionRefused("该延期申请已经审批过。")
            if ext.requested_by_id == self.actor.user_id:
                raise TransitionRefused("申请人不能批准自己的延期申请，须由另一名机关负责人审批（第十五条）。",
                                        code="self_approval")
            check_recusal(s, self.actor, c, "审批本案延期")
            ext.status = (ExtensionStatus.APPROVED if approve else ExtensionStatus.REJECTED).value
            ext.approved_by_id = self.actor.user_id
            ext.decided_at = self.ctx.clock.now()
            ext.decision_note = note
            s.flush()
            issue_document(self.ctx, uow, c, "extension_approval", subject_id=ext.id)  # 审批表 (A12), either way
            result = None
            if approve:
                # Art 15: the complainant is told in writing, with reasons (A13).
                doc, pdf = issue_document(self.ctx, uow, c, "extension_notice", subject_id=ext.id)
                ext.notice_document_id = doc.id
                result = GeneratedDocument(doc.id, doc.kind, doc.title, doc.doc_no, doc.version_hash,
                                           doc.page_count, pdf)
            refresh_derived(self.ctx, s, c)
            uow.audit("extension.decide", entity="extension", entity_id=ext.id, complaint_id=c.id,
                      summary=("批准" if approve else "不批准") + f"延长办理期限至{ext.new_due.isoformat()}",
                      after={"status": ext.status, "approved_by": self.actor.user_id, "note": note})
            return result

